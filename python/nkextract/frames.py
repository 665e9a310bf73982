"""Turning inputs into batches for the core, and the core's Arrow tables into Polars frames."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence, Union

import polars as pl

from . import _core
from .exceptions import InvalidInputError, MetadataError

__all__ = ["Tables", "Source", "read_parquet", "load_meta", "Batch", "batches"]

TABLE_NAMES: tuple[str, ...] = tuple(_core.TABLE_NAMES)

PathLike = Union[str, "os.PathLike[str]"]
Source = Union[PathLike, Sequence[PathLike], Sequence[str], pl.DataFrame]

_EPOCH = dt.date(1970, 1, 1)
_META_COLUMNS = ("published", "url", "outlet", "title")


@dataclass(frozen=True)
class Tables:
    """The four output tables of an extraction (see SCHEMA.md for every column)."""

    articles: pl.DataFrame
    events: pl.DataFrame
    facilities: pl.DataFrame
    claims: pl.DataFrame

    def __iter__(self) -> Iterator[tuple[str, pl.DataFrame]]:
        for name in TABLE_NAMES:
            yield name, getattr(self, name)

    def write_parquet(self, directory: PathLike) -> Path:
        """Writes ``articles.parquet``, ``events.parquet``, ``facilities.parquet`` and
        ``claims.parquet`` into ``directory`` (created if needed) and returns its path."""
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        for name, frame in self:
            frame.write_parquet(out / f"{name}.parquet")
        return out

    @classmethod
    def from_arrow(cls, tables: Sequence[object]) -> "Tables":
        # pl.DataFrame(obj) reads an object with __arrow_c_stream__ through the Arrow C stream
        # interface: the buffers Rust built are adopted, no per-row Python objects are made.
        frames = [pl.DataFrame(table) for table in tables]
        return cls(**dict(zip(TABLE_NAMES, frames)))

    @classmethod
    def concat(cls, parts: Sequence["Tables"]) -> "Tables":
        if not parts:
            return cls.from_arrow(_core.empty_tables())
        return cls(**{name: pl.concat([getattr(p, name) for p in parts], how="vertical") for name in TABLE_NAMES})


def read_parquet(directory: PathLike) -> Tables:
    """Reads back the tables that :meth:`Tables.write_parquet` or the CLI wrote."""
    base = Path(directory)
    return Tables(**{name: pl.read_parquet(base / f"{name}.parquet") for name in TABLE_NAMES})


def _days(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return (value - _EPOCH).days
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return (dt.date.fromisoformat(text[:10]) - _EPOCH).days
        except ValueError as err:
            raise MetadataError(f"published {value!r} is not a YYYY-MM-DD date") from err
    raise MetadataError(f"published {value!r} is not a date")


def load_meta(meta: PathLike | pl.DataFrame | None) -> dict[str, dict[str, object]]:
    """Reads a metadata CSV or Parquet file (or frame) with a ``doc_id`` column and any of
    ``published`` (YYYY-MM-DD), ``url``, ``outlet``, ``title``; returns rows by doc_id."""
    if meta is None:
        return {}
    if isinstance(meta, pl.DataFrame):
        frame = meta
    else:
        path = Path(meta)
        if not path.exists():
            from .exceptions import InputNotFoundError

            raise InputNotFoundError(f"{path}: no such metadata file")
        try:
            if path.suffix.lower() == ".parquet":
                frame = pl.read_parquet(path)
            else:
                frame = pl.read_csv(path, infer_schema=False)
        except Exception as err:  # polars raises several kinds
            raise MetadataError(f"{path}: {err}") from err
    if "doc_id" not in frame.columns:
        raise MetadataError("metadata has no doc_id column")
    keep = [c for c in _META_COLUMNS if c in frame.columns]
    rows: dict[str, dict[str, object]] = {}
    for row in frame.select(["doc_id", *keep]).iter_rows(named=True):
        doc_id = row.pop("doc_id")
        if doc_id is None:
            continue
        cleaned = {k: (v if not (isinstance(v, str) and not v.strip()) else None) for k, v in row.items()}
        cleaned["published"] = _days(cleaned.get("published"))
        rows[str(doc_id)] = cleaned
    return rows


@dataclass
class Batch:
    """Column-wise inputs for one call into the core."""

    doc_ids: list[str]
    texts: list[str] | None
    paths: list[str] | None
    meta: dict[str, list[object]]


def _meta_columns(doc_ids: Sequence[str], own: dict[str, list[object]] | None, meta: dict[str, dict[str, object]]) -> dict[str, list[object]]:
    columns: dict[str, list[object]] = {name: [] for name in _META_COLUMNS}
    for i, doc_id in enumerate(doc_ids):
        given = meta.get(doc_id, {})
        for name in _META_COLUMNS:
            value = given.get(name)
            if value is None and own is not None:
                value = own[name][i]
            columns[name].append(value)
    return columns


def _frame_batches(frame: pl.DataFrame, meta: dict[str, dict[str, object]], size: int) -> Iterator[Batch]:
    text_column = next((c for c in ("text", "body", "content") if c in frame.columns), None)
    if text_column is None:
        raise InvalidInputError(f"the DataFrame needs a 'text' column; it has {frame.columns}")
    if frame.schema[text_column] != pl.String:
        raise InvalidInputError(f"column {text_column!r} must be of type String, not {frame.schema[text_column]}")
    n = frame.height
    if "doc_id" in frame.columns:
        doc_ids = [str(d) if d is not None else f"doc{i}" for i, d in enumerate(frame["doc_id"].to_list())]
    else:
        doc_ids = [f"doc{i}" for i in range(n)]
    own: dict[str, list[object]] = {}
    for name in _META_COLUMNS:
        if name in frame.columns:
            values = frame[name].to_list()
            own[name] = [_days(v) for v in values] if name == "published" else values
        else:
            own[name] = [None] * n
    texts = [t if t is not None else "" for t in frame[text_column].to_list()]
    for start in range(0, n, size):
        ids = doc_ids[start : start + size]
        part = {k: v[start : start + size] for k, v in own.items()}
        yield Batch(ids, texts[start : start + size], None, _meta_columns(ids, part, meta))


def batches(source: Source, meta: dict[str, dict[str, object]], size: int) -> Iterator[Batch]:
    """Splits any accepted source into batches of at most ``size`` documents."""
    if isinstance(source, pl.DataFrame):
        yield from _frame_batches(source, meta, size)
        return
    if isinstance(source, (str, os.PathLike)):
        items: list[object] = [source]
    elif isinstance(source, Iterable):
        items = list(source)
    else:
        raise InvalidInputError(f"cannot read documents from {type(source).__name__}")
    if not items:
        return
    if all(isinstance(i, str) for i in items) and not all(_looks_like_path(str(i)) for i in items):
        texts = [str(i) for i in items]
        doc_ids = [f"doc{i}" for i in range(len(texts))]
        for start in range(0, len(texts), size):
            ids = doc_ids[start : start + size]
            yield Batch(ids, texts[start : start + size], None, _meta_columns(ids, None, meta))
        return
    files = _core.collect_files([os.fspath(i) for i in items])  # type: ignore[arg-type]
    for start in range(0, len(files), size):
        chunk = files[start : start + size]
        ids = [doc_id for doc_id, _ in chunk]
        yield Batch(ids, None, [str(p) for _, p in chunk], _meta_columns(ids, None, meta))


def _looks_like_path(item: str) -> bool:
    """A string is taken as a path when it names an existing file or folder, or is short, on one
    line and ends in .txt; anything else is article text."""
    if "\n" in item or len(item) > 4096:
        return False
    return os.path.exists(item) or item.endswith(".txt")
