"""The scale-out path: extraction as a map over Arrow batches (nkextract.distributed), on pyarrow
alone and on a local two-worker Ray instance. Rows must equal those of nkextract.extract over the
same documents, whatever the batching. Skips cleanly when pyarrow or Ray is not installed."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

import nkextract

pa = pytest.importorskip("pyarrow")

from nkextract import distributed  # noqa: E402

# Ray and its dependencies emit deprecation and resource warnings we do not control.
pytestmark = [
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::PendingDeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::FutureWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

ORDER = {"articles": ["doc_id"], "events": ["event_id"], "facilities": ["facility_ref_id"], "claims": ["claim_id"]}


@pytest.fixture(scope="module")
def corpus(examples: Path) -> "pa.Table":
    files = sorted(examples.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    # Extra documents written for this test: a short wire report and an empty one.
    texts.append("SEOUL, March 3 (Yonhap) -- North Korea publicly executed two men in Hyesan last month, a defector group said.")
    texts.append("")
    return pa.table(
        {
            "doc_id": [f.stem for f in files] + ["wire", "empty"],
            "text": texts,
            "published": [None] * len(files) + ["2019-03-03", None],
        }
    )


@pytest.fixture(scope="module")
def expected(corpus: "pa.Table") -> nkextract.Tables:
    return nkextract.extract(pl.DataFrame(corpus))


def _sorted(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    key = [c for c in ORDER[name] if c in frame.columns] or frame.columns[:1]
    return frame.sort(key)


def _assert_same(got: dict[str, "pa.Table"], expected: nkextract.Tables) -> None:
    for name, frame in expected:
        assert got[name].schema.equals(distributed.table_schema(name)), name
        assert _sorted(pl.DataFrame(got[name]), name).equals(_sorted(frame, name)), name


def test_one_arrow_batch_equals_the_api(corpus: "pa.Table", expected: nkextract.Tables) -> None:
    _assert_same(distributed.extract_arrow_batch(corpus), expected)
    _assert_same(distributed.extract_arrow_batch(corpus.to_batches()[0]), expected)


def test_any_batching_gives_the_same_rows(corpus: "pa.Table", expected: nkextract.Tables) -> None:
    parts = [distributed.extract_arrow_batch(corpus.slice(i, 2)) for i in range(0, corpus.num_rows, 2)]
    _assert_same({name: pa.concat_tables([p[name] for p in parts]) for name in nkextract.frames.TABLE_NAMES}, expected)


def test_staged_rows_round_trip_like_spark_map_in_arrow(corpus: "pa.Table", expected: nkextract.Tables) -> None:
    staged = list(distributed.stage_arrow_batches(corpus.to_batches(max_chunksize=3)))
    assert all(b.schema.names == ["table", "ipc"] for b in staged)
    got = {name: pa.Table.from_batches(list(distributed.unstage_arrow_batches(staged, name)), distributed.table_schema(name)) for name in nkextract.frames.TABLE_NAMES}
    _assert_same(got, expected)


def test_binary_text_and_path_ids(examples: Path) -> None:
    files = sorted(examples.glob("*.txt"))
    batch = pa.table({"path": [str(f) for f in files], "bytes": [f.read_bytes() for f in files]})
    got = distributed.extract_arrow_batch(batch, text_column="bytes")
    assert got["articles"]["doc_id"].to_pylist() == [f.stem for f in files]
    with pytest.raises(nkextract.DecodeError):
        distributed.extract_arrow_batch(pa.table({"text": pa.array([b"\xff\xfe bad"], pa.binary())}))
    lossy = distributed.extract_arrow_batch(pa.table({"text": pa.array([b"\xff bad"], pa.binary())}), decoding="lossy")
    assert lossy["articles"].num_rows == 1
    # Without ids or paths, the doc_id is a hash of the text: stable across runs and partitions.
    first = distributed.extract_arrow_batch(pa.table({"text": ["A prisoner was released."]}))
    again = distributed.extract_arrow_batch(pa.table({"text": ["Another text.", "A prisoner was released."]}))
    assert first["articles"]["doc_id"][0] == again["articles"]["doc_id"][1]


def test_bad_batches_raise_package_errors() -> None:
    with pytest.raises(nkextract.InvalidInputError):
        distributed.extract_arrow_batch(pa.table({"body": ["x"]}))
    with pytest.raises(nkextract.InvalidInputError):
        distributed.extract_arrow_batch(pa.table({"text": [1, 2]}))
    with pytest.raises(nkextract.InvalidInputError):
        distributed.table_schema("rows")
    empty = distributed.extract_arrow_batch(pa.table({"text": pa.array([], pa.string())}))
    assert all(empty[name].num_rows == 0 for name in nkextract.frames.TABLE_NAMES)


def test_ray_map_batches_on_two_local_workers(corpus: "pa.Table", expected: nkextract.Tables, tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False
        dataset = ray.data.from_arrow(corpus).repartition(3)
        datasets = distributed.extract_ray(dataset, tmp_path / "out", batch_size=2)
        got = {name: pa.concat_tables([pa.table(b) for b in ds.iter_batches(batch_format="pyarrow")] or [distributed.table_schema(name).empty_table()]) for name, ds in datasets.items()}
        _assert_same(got, expected)
        for name, frame in expected:
            written = pl.read_parquet(tmp_path / "out" / name / "*.parquet")
            assert _sorted(written, name).equals(_sorted(frame, name)), name
    finally:
        ray.shutdown()
