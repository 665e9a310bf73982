"""The public API: every kind of source, metadata, Parquet round trip, offsets, determinism."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import nkextract

LEAD = "North Korea granted amnesty to dozens of prisoners on Apr. 15, a source in North Hamgyong Province told Daily NK."


def test_folder_of_files_gives_one_article_per_file(examples: Path, example_tables: nkextract.Tables) -> None:
    names = sorted(p.stem for p in examples.glob("*.txt"))
    assert sorted(example_tables.articles["doc_id"].to_list()) == names
    for name, frame in example_tables:
        assert isinstance(frame, pl.DataFrame), name


def test_single_file_list_of_paths_and_pathlib(examples: Path) -> None:
    files = sorted(examples.glob("*.txt"))
    one = nkextract.extract(str(files[0]))
    assert one.articles["doc_id"].to_list() == [files[0].stem]
    two = nkextract.extract(files[:2])
    assert two.articles.height == 2


def test_list_of_strings_and_dataframe() -> None:
    tables = nkextract.extract([LEAD, "Second article text about a labor camp."])
    assert tables.articles["doc_id"].to_list() == ["doc0", "doc1"]
    frame = pl.DataFrame(
        {
            "doc_id": ["a", "b"],
            "text": [LEAD, "Another story."],
            "published": [dt.date(2019, 5, 1), None],
            "url": ["https://example.org/a", None],
            "outlet": ["Daily NK", None],
            "title": ["Given title", None],
        }
    )
    out = nkextract.extract(frame)
    row = out.articles.filter(pl.col("doc_id") == "a").row(0, named=True)
    assert row["published"] == dt.date(2019, 5, 1)
    assert row["published_source"] == "metadata"
    assert row["title"] == "Given title"
    assert row["url"] == "https://example.org/a"


def test_dataframe_without_text_column_is_a_clear_error() -> None:
    with pytest.raises(nkextract.InvalidInputError, match="text"):
        nkextract.extract(pl.DataFrame({"doc_id": ["a"]}))


def test_meta_file_overrides_text(tmp_path: Path, examples: Path) -> None:
    first = sorted(examples.glob("*.txt"))[4]
    meta = tmp_path / "meta.csv"
    meta.write_text(f"doc_id,published,outlet,title\n{first.stem},2015-10-15,Override,My title\n", encoding="utf-8")
    tables = nkextract.extract(first, meta=meta)
    row = tables.articles.row(0, named=True)
    assert (row["published"], row["outlet"], row["title"]) == (dt.date(2015, 10, 15), "Override", "My title")
    parquet_meta = tmp_path / "meta.parquet"
    pl.read_csv(meta).write_parquet(parquet_meta)
    assert nkextract.extract(first, meta=parquet_meta).articles["outlet"].to_list() == ["Override"]


def test_bad_meta_date_names_the_row(tmp_path: Path) -> None:
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,published\ndoc0,15/10/2015\n", encoding="utf-8")
    with pytest.raises(nkextract.MetadataError, match="15/10/2015"):
        nkextract.extract([LEAD], meta=meta)


def test_parquet_round_trip(tmp_path: Path, example_tables: nkextract.Tables) -> None:
    example_tables.write_parquet(tmp_path / "out")
    back = nkextract.read_parquet(tmp_path / "out")
    for name, frame in example_tables:
        assert getattr(back, name).equals(frame), name


def _check_offsets(tables: nkextract.Tables) -> int:
    texts = dict(zip(tables.articles["doc_id"], tables.articles["text"]))
    checked = 0
    for row in tables.claims.iter_rows(named=True):
        assert texts[row["doc_id"]][row["start"] : row["end"]] == row["text"]
        checked += 1
    for row in tables.events.iter_rows(named=True):
        text = texts[row["doc_id"]]
        assert text[row["evidence_start"] : row["evidence_end"]] == row["evidence"]
        for m in row["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text)
        checked += 1
    for row in tables.facilities.iter_rows(named=True):
        text = texts[row["doc_id"]]
        spans = [text[m["start"] : m["end"]] for m in row["mentions"]]
        assert spans and all(spans)
        checked += 1
    return checked


def test_offsets_slice_the_original_text(example_tables: nkextract.Tables) -> None:
    assert _check_offsets(example_tables) > 0


def test_offsets_survive_odd_unicode() -> None:
    text = (
        "\ufeffAmnesty granted\r\n\r\n“Dozens of inmates\u00a0in Hoeryong were released,” a source in North Hamgyong\r\n"
        "Province told Daily NK on Apr. 15. 😀 The camp — Kyo-hwa-so No. 12 — freed\u2009prisoners.\r\n"
    )
    tables = nkextract.extract([text])
    assert tables.articles["text"].to_list() == [text]
    _check_offsets(tables)


def test_thousand_documents_in_one_call_cross_as_arrow() -> None:
    from nkextract import _core

    texts = [f"{LEAD} Case {i}: he was sent to a labor camp in Hoeryong." for i in range(1000)]
    meta = {"published": [None] * 1000, "url": [None] * 1000, "outlet": [None] * 1000, "title": [None] * 1000}
    raw = _core.extract_batch([f"d{i}" for i in range(1000)], meta, texts=texts)
    # The core hands back Arrow tables (PyCapsule stream objects), not Python rows.
    assert len(raw) == 4 and all(hasattr(t, "__arrow_c_stream__") for t in raw)
    tables = nkextract.extract(texts)
    assert tables.articles.height == 1000
    assert tables.claims["doc_id"].n_unique() == 1000


def test_results_do_not_depend_on_thread_count(tmp_path: Path, examples: Path) -> None:
    outputs = []
    for threads in ("1", "2"):
        out = tmp_path / f"t{threads}"
        env = {**os.environ, "RAYON_NUM_THREADS": threads}
        subprocess.run(
            [sys.executable, "-m", "nkextract.cli", "extract", str(examples), str(examples), "--out", str(out), "--quiet"],
            check=True,
            env=env,
        )
        outputs.append(nkextract.read_parquet(out))
    for (name, a), (_, b) in zip(outputs[0], outputs[1]):
        assert a.equals(b), name
    first = nkextract.extract(examples)
    again = nkextract.extract(examples)
    for (name, a), (_, b) in zip(first, again):
        assert a.equals(b), name
