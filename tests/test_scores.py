"""Acceptance on the development sets with the project's scorer (../shared/tools/score.py).

These are the issues' accuracy targets, checked end to end through the CLI contract. They run only
where the shared folder sits beside the repository (developer machines and CI); rules themselves
are tested on our own sentences in the Rust stage tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nkextract.cli import main

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
pytestmark = pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="../shared is not present")


def _score(tmp_path: Path, texts: Path, gold: Path, meta: Path | None = None) -> dict:
    out = tmp_path / "out"
    args = ["extract", str(texts), "--out", str(out), "--quiet"]
    if meta is not None:
        args += ["--meta", str(meta)]
    assert main(args) == 0
    report = tmp_path / "score.json"
    subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), "--pred", str(out), "--gold", str(gold), "--texts", str(texts), "--json", str(report)],
        check=True,
        capture_output=True,
    )
    return json.loads(report.read_text())


def test_seed_targets(tmp_path: Path) -> None:
    result = _score(tmp_path, SHARED / "seeds", SHARED / "gold" / "seeds.json")
    for field, value in result["articles"]["attributes"].items():
        assert value["accuracy"] == 1.0, field
    assert result["facilities"]["f1"] >= 0.95
    assert result["claims"]["f1"] >= 0.95
    assert result["events"]["f1"] >= 0.9
    for table, attribute in [("facilities", "type"), ("facilities", "operator"), ("facilities", "facility_id"),
                             ("claims", "source_type"), ("claims", "same_source_pairs"), ("claims", "source_admin1"),
                             ("events", "date"), ("events", "occasion")]:
        assert result[table]["attributes"][attribute]["accuracy"] >= 0.9, (table, attribute)


def test_dev_set_does_not_regress(tmp_path: Path) -> None:
    result = _score(tmp_path, SHARED / "dev" / "articles", SHARED / "gold" / "dev.json", SHARED / "dev" / "meta.csv")
    assert result["macro_f1"] >= 0.85
