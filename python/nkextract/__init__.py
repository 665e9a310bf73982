"""nkextract: events, detention facilities and attributed claims from English news about North
Korea's penal system, as Polars tables with character offsets for every row.

>>> import nkextract
>>> tables = nkextract.extract(["North Korea granted amnesty to dozens of prisoners on Apr. 15, a source told Daily NK."])
>>> tables.articles.height
1
"""

from __future__ import annotations

import os
import warnings
from typing import Literal

import polars as pl

from . import _core, exceptions, reference
from .exceptions import (
    DecodeError,
    GazetteerError,
    InputError,
    InputNotFoundError,
    InvalidInputError,
    MetadataError,
    NkExtractError,
    OutputError,
)
from .frames import Source, Tables, batches, load_meta, read_parquet

__version__: str = _core.__version__

__all__ = ["extract", "read_parquet", "Tables", "reference", "__version__", *exceptions.__all__]

if _core.DEBUG_BUILD:
    warnings.warn(
        "nkextract's extension is a debug build: extraction is much slower than a release build",
        RuntimeWarning,
        stacklevel=2,
    )

Decoding = Literal["strict", "lossy"]


def extract(
    source: Source,
    meta: str | os.PathLike[str] | pl.DataFrame | None = None,
    *,
    gazetteer: str | os.PathLike[str] | None = None,
    decoding: Decoding = "strict",
    batch_size: int = 4096,
) -> Tables:
    """Extracts the four tables from articles.

    ``source`` is a path to a ``.txt`` file or a folder of them, a list of paths, a list of article
    texts, or a Polars DataFrame with a ``text`` column (and optional ``doc_id``, ``published``,
    ``url``, ``outlet``, ``title`` columns). A string that names an existing path, or ends in
    ``.txt``, is a path; any other string is an article's text.

    ``meta`` is a CSV or Parquet file (or DataFrame) with a ``doc_id`` column and any of
    ``published`` (YYYY-MM-DD), ``url``, ``outlet``, ``title``; its values take precedence over what
    is read from the text, and ``published`` anchors relative dates ("last year", "on Tuesday").

    ``gazetteer`` merges a user's file of extra places, facilities or aliases over the built-in
    one. ``decoding="lossy"`` replaces invalid UTF-8 instead of raising :class:`DecodeError`.

    The work runs in Rust with the GIL released, in parallel across documents; the result does not
    depend on the number of threads.
    """
    if decoding not in ("strict", "lossy"):
        raise InvalidInputError(f"decoding must be 'strict' or 'lossy', not {decoding!r}")
    if batch_size < 1:
        raise InvalidInputError("batch_size must be at least 1")
    rows = load_meta(meta)
    gaz = os.fspath(gazetteer) if gazetteer is not None else None
    parts = []
    for batch in batches(source, rows, batch_size):
        arrow = _core.extract_batch(
            batch.doc_ids, batch.meta, texts=batch.texts, paths=batch.paths, gazetteer=gaz, decoding=decoding
        )
        parts.append(Tables.from_arrow(arrow))
    if len(parts) == 1:
        return parts[0]
    return Tables.concat(parts)
