"""Every notebook in notebooks/ runs top to bottom on the bundled articles.

Each notebook is executed with nbclient in a temporary copy (cwd = the copy's folder, so nothing is
written next to the committed files), on the "python3" kernel of the running interpreter, with
NKEXTRACT_EXAMPLES pointing at examples/articles. Skipped when the notebook extras are absent.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXAMPLES = ROOT / "examples" / "articles"
CELL_TIMEOUT_S = 240

# Notebooks that must embed at least one chart when they run.
PLOTTING = {"02_amnesty_timeline", "03_sources"}


def test_every_issue_notebook_is_present() -> None:
    names = {path.stem for path in NOTEBOOKS}
    assert {"01_quickstart", "02_amnesty_timeline", "03_sources"} <= names


# Jupyter's own packages emit deprecation notices in the test process (not in the notebooks); the
# notebooks' own warnings are checked below from their outputs.
@pytest.mark.filterwarnings("ignore::DeprecationWarning:jupyter_client")
@pytest.mark.filterwarnings("ignore::DeprecationWarning:jupyter_core")
@pytest.mark.filterwarnings("ignore::DeprecationWarning:zmq")
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_runs_top_to_bottom(notebook: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    from jupyter_client.kernelspec import KernelSpecManager

    copy = tmp_path / notebook.name
    shutil.copyfile(notebook, copy)
    monkeypatch.setenv("NKEXTRACT_EXAMPLES", str(EXAMPLES))
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the notebooks choose the inline backend
    # A debug build of the extension announces itself at import; that is not a notebook defect.
    monkeypatch.setenv("PYTHONWARNINGS", "ignore:nkextract's extension is a debug build")

    # Run on this interpreter (the venv under test), whatever "python3" kernel is installed elsewhere.
    specs = KernelSpecManager()
    spec = specs.get_kernel_spec("python3")
    spec.argv = [sys.executable, *spec.argv[1:]] if spec.argv else [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    monkeypatch.setattr(KernelSpecManager, "get_kernel_spec", lambda self, name: spec)

    nb = nbformat.read(copy, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()

    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]
    errors = [out for out in outputs if out.get("output_type") == "error"]
    assert not errors, errors
    stderr = "".join(out.get("text", "") for out in outputs if out.get("output_type") == "stream" and out.get("name") == "stderr")
    assert not stderr.strip(), f"{notebook.name} wrote to stderr (a warning?):\n{stderr}"
    if notebook.stem in PLOTTING:
        assert any("image/png" in out.get("data", {}) for out in outputs), f"{notebook.name} drew no chart"
