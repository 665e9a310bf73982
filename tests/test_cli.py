"""The command line contract of SCHEMA.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polars as pl

import nkextract
from nkextract.cli import main


def test_extract_writes_four_tables_and_a_summary(tmp_path: Path, examples: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    assert main(["extract", str(examples), "--out", str(out), "--batch-size", "2"]) == 0
    for name in ("articles", "events", "facilities", "claims"):
        assert (out / f"{name}.parquet").exists()
    tables = nkextract.read_parquet(out)
    assert tables.articles.height == len(list(examples.glob("*.txt")))
    summary = capsys.readouterr().err
    assert "5 documents" in summary and "claims" in summary


def test_meta_option(tmp_path: Path, examples: Path) -> None:
    meta = tmp_path / "meta.csv"
    pl.DataFrame({"doc_id": [p.stem for p in examples.glob("*.txt")], "published": ["2015-10-20"] * 5}).write_csv(meta)
    out = tmp_path / "out"
    assert main(["extract", str(examples), "--out", str(out), "--meta", str(meta), "--quiet"]) == 0
    published = nkextract.read_parquet(out).articles["published"].cast(pl.String).to_list()
    assert published == ["2015-10-20"] * 5


def test_errors_exit_2_with_a_message(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["extract", str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2
    assert "missing" in capsys.readouterr().err


def test_help_documents_the_commands() -> None:
    done = subprocess.run([sys.executable, "-m", "nkextract.cli", "extract", "--help"], capture_output=True, text=True, check=True)
    for word in ("--out", "--meta", "--gazetteer", "--lossy", "--batch-size"):
        assert word in done.stdout
