"""Running the extraction as a map over Arrow batches, for distributed engines (Ray Data, Spark's
``mapInArrow``, Polars streaming); see docs/scale-out.md.

The unit of work is one Arrow batch of documents (a ``text`` column, optional ``doc_id``,
``published``, ``url``, ``outlet``, ``title``); each document's result depends on nothing but its own
row, so any partitioning gives the same rows as :func:`nkextract.extract` over the whole corpus.

Engines whose map must return ONE table per batch (Ray ``map_batches``, Spark ``mapInArrow``) get
the four tables *staged*: :func:`stage_arrow_batch` returns a small table with one row per output
table (``table``: its name, ``ipc``: the table as Arrow IPC stream bytes), and
:func:`unstage_arrow_batch` turns a batch of such rows back into one output table. The extraction
then runs once, whatever number of tables are written.

pyarrow (and Ray, for :func:`extract_ray`) are imported only when these functions are called, so
``import nkextract`` stays light: ``pip install 'nkextract[ray]'`` brings both.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Literal, Union

from . import _core
from .exceptions import DecodeError, InvalidInputError
from .frames import TABLE_NAMES, _frame_batches

if TYPE_CHECKING:
    import pyarrow as pa

    ArrowBatch = Union[pa.Table, pa.RecordBatch]

__all__ = [
    "TABLE_NAMES",
    "extract_arrow_batch",
    "stage_arrow_batch",
    "unstage_arrow_batch",
    "stage_arrow_batches",
    "unstage_arrow_batches",
    "table_schema",
    "SPARK_STAGED_SCHEMA",
    "extract_ray",
]

Decoding = Literal["strict", "lossy"]


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("nkextract.distributed needs pyarrow: pip install 'nkextract[ray]' or pip install pyarrow") from err
    return pyarrow


def table_schema(name: str) -> "pa.Schema":
    """The Arrow schema of one output table (``articles``, ``events``, ``facilities``, ``claims``)."""
    if name not in TABLE_NAMES:
        raise InvalidInputError(f"unknown table {name!r}; expected one of {', '.join(TABLE_NAMES)}")
    pa = _pyarrow()
    return pa.table(_core.empty_tables()[TABLE_NAMES.index(name)]).schema


def _texts(column: "pa.ChunkedArray", decoding: Decoding) -> "pa.ChunkedArray":
    """A string column; binary (e.g. Ray's read_binary_files) is decoded as UTF-8."""
    pa = _pyarrow()
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type) or pa.types.is_string_view(column.type):
        return column
    if pa.types.is_binary(column.type) or pa.types.is_large_binary(column.type):
        errors = "strict" if decoding == "strict" else "replace"
        try:
            return pa.chunked_array([[None if b is None else b.decode("utf-8", errors) for b in column.to_pylist()]], pa.string())
        except UnicodeDecodeError as err:
            raise DecodeError(f"text column is not valid UTF-8: {err}") from err
    raise InvalidInputError(f"the text column must be string or binary, not {column.type}")


def _doc_ids(table: "pa.Table", id_column: str | None, texts: "pa.ChunkedArray") -> "pa.Array":
    """Document ids: the id column, else the stem of a ``path`` column, else a hash of the text
    (stable across runs and partitions, unlike a row number)."""
    pa = _pyarrow()
    if id_column and id_column in table.column_names:
        return table[id_column].cast(pa.string())
    if "path" in table.column_names:
        return pa.array([Path(p).stem if p is not None else None for p in table["path"].to_pylist()], pa.string())
    return pa.array(
        ["h" + hashlib.blake2b((t or "").encode("utf-8"), digest_size=8).hexdigest() for t in texts.to_pylist()], pa.string()
    )


def extract_arrow_batch(
    batch: "ArrowBatch",
    text_column: str = "text",
    id_column: str | None = "doc_id",
    *,
    gazetteer: str | os.PathLike[str] | None = None,
    decoding: Decoding = "strict",
) -> dict[str, "pa.Table"]:
    """Extracts one Arrow batch of documents into the four tables, as ``{name: pyarrow.Table}``.

    ``batch`` has a ``text_column`` (string, or binary decoded as UTF-8) and optionally
    ``id_column`` (else a ``path`` column's file stem, else a hash of the text is the doc_id) and any
    of ``published`` (date or YYYY-MM-DD), ``url``, ``outlet``, ``title``. The tables have the
    schemas of SCHEMA.md (the same as the CLI's Parquet files), also when empty.
    """
    import polars as pl

    pa = _pyarrow()
    if decoding not in ("strict", "lossy"):
        raise InvalidInputError(f"decoding must be 'strict' or 'lossy', not {decoding!r}")
    table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
    if text_column not in table.column_names:
        raise InvalidInputError(f"the batch needs a {text_column!r} column; it has {table.column_names}")
    texts = _texts(table[text_column], decoding).cast(pa.string())
    columns = {"doc_id": _doc_ids(table, id_column, texts), "text": texts}
    for name in ("published", "url", "outlet", "title"):
        if name in table.column_names and name != text_column:
            columns[name] = table[name]
    frame = pl.DataFrame(pa.table(columns))
    gaz = os.fspath(gazetteer) if gazetteer is not None else None
    parts: list[list[Any]] = []
    # One call for the whole batch: the engine already chose the batch size.
    for part in _frame_batches(frame, {}, max(frame.height, 1)):
        parts.append(_core.extract_batch(part.doc_ids, part.meta, texts=part.texts, gazetteer=gaz, decoding=decoding))
    if not parts:
        parts.append(_core.empty_tables())
    return {name: pa.concat_tables([pa.table(p[i]) for p in parts]) for i, name in enumerate(TABLE_NAMES)}


def stage_arrow_batch(batch: "ArrowBatch", text_column: str = "text", id_column: str | None = "doc_id", **options: Any) -> "pa.Table":
    """Like :func:`extract_arrow_batch`, but returns one table with a row per output table
    (``table``: name, ``ipc``: Arrow IPC stream bytes), for maps that must return one schema."""
    pa = _pyarrow()
    tables = extract_arrow_batch(batch, text_column, id_column, **options)
    payloads = []
    for name in TABLE_NAMES:
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, tables[name].schema) as writer:
            writer.write_table(tables[name])
        payloads.append(sink.getvalue().to_pybytes())
    return pa.table({"table": pa.array(list(TABLE_NAMES), pa.string()), "ipc": pa.array(payloads, pa.binary())})


#: The staged rows' schema in Spark DDL, for ``mapInArrow(stage, SPARK_STAGED_SCHEMA)``.
SPARK_STAGED_SCHEMA = "table string, ipc binary"


def unstage_arrow_batch(staged: "ArrowBatch", name: str) -> "pa.Table":
    """The rows of table ``name`` in a batch of staged rows (other tables' rows are skipped)."""
    pa = _pyarrow()
    schema = table_schema(name)
    staged_table = pa.Table.from_batches([staged]) if isinstance(staged, pa.RecordBatch) else staged
    parts = [schema.empty_table()]
    for table_name, payload in zip(staged_table["table"].to_pylist(), staged_table["ipc"].to_pylist()):
        if table_name == name and payload is not None:
            parts.append(pa.ipc.open_stream(payload).read_all())
    return pa.concat_tables(parts)


def stage_arrow_batches(batches: Iterable["ArrowBatch"], text_column: str = "text", id_column: str | None = "doc_id", **options: Any) -> Iterator["pa.RecordBatch"]:
    """Iterator form of :func:`stage_arrow_batch`: the function Spark's ``mapInArrow`` wants
    (schema ``table string, ipc binary``)."""
    for batch in batches:
        yield from stage_arrow_batch(batch, text_column, id_column, **options).to_batches()


def unstage_arrow_batches(batches: Iterable["ArrowBatch"], name: str) -> Iterator["pa.RecordBatch"]:
    """Iterator form of :func:`unstage_arrow_batch` (for a second ``mapInArrow``)."""
    for batch in batches:
        yield from unstage_arrow_batch(batch, name).to_batches()


def extract_ray(
    dataset: Any,
    out_dir: str | os.PathLike[str] | None = None,
    *,
    text_column: str = "text",
    id_column: str | None = "doc_id",
    batch_size: int = 256,
    gazetteer: str | os.PathLike[str] | None = None,
    decoding: Decoding = "strict",
    **map_batches_args: Any,
) -> dict[str, Any]:
    """Runs the extraction over a Ray Dataset as ``map_batches(batch_format="pyarrow")`` and returns
    the four tables as Ray Datasets ``{name: Dataset}``; with ``out_dir``, each is also written with
    ``write_parquet`` to ``out_dir/<name>/``.

    The extraction runs once: the staged result is materialised (in Ray's object store, spilling to
    disk if large) and each table is decoded from it. ``map_batches_args`` go to ``map_batches``
    (e.g. ``concurrency=4``, ``num_cpus=1``).
    """
    if batch_size < 1:
        raise InvalidInputError("batch_size must be at least 1")
    options = {"gazetteer": os.fspath(gazetteer) if gazetteer is not None else None, "decoding": decoding}

    def stage(batch: "pa.Table") -> "pa.Table":
        return stage_arrow_batch(batch, text_column, id_column, **options)

    staged = dataset.map_batches(stage, batch_format="pyarrow", batch_size=batch_size, zero_copy_batch=True, **map_batches_args).materialize()
    tables: dict[str, Any] = {}
    for name in TABLE_NAMES:

        def unstage(batch: "pa.Table", name: str = name) -> "pa.Table":
            return unstage_arrow_batch(batch, name)

        tables[name] = staged.map_batches(unstage, batch_format="pyarrow", zero_copy_batch=True)
        if out_dir is not None:
            tables[name].write_parquet(str(Path(out_dir) / name))
    return tables
