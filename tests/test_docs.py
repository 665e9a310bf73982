"""README.md stays true to the code: the schema section is generated, the CLI help is current."""

from __future__ import annotations

from pathlib import Path

from nkextract.schema import markdown

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_schema_section_is_generated_from_the_code() -> None:
    text = README.read_text(encoding="utf-8")
    assert markdown() in text, "run `python -m nkextract.schema` and paste its output into README.md"


def test_readme_begins_with_the_two_commands() -> None:
    head = README.read_text(encoding="utf-8")[:1500]
    assert "make demo" in head and "make test" in head


def test_readme_python_example_runs(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = README.read_text(encoding="utf-8")
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    examples = README.parent / "examples" / "articles"
    monkeypatch.chdir(tmp_path)
    exec(compile(code.replace('"examples/articles"', repr(str(examples))), "README.md", "exec"), {})
    assert (tmp_path / "out" / "claims.parquet").exists()
