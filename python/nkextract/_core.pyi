"""Type stubs of the Rust extension. Users call the functions of ``nkextract``, not these."""

from typing import Literal, Sequence, TypedDict, final


__version__: str
DEBUG_BUILD: bool
TABLE_NAMES: list[str]

class _ArrowTable:
    """An Arrow table exported through the Arrow PyCapsule interface."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

class _MetaColumns(TypedDict):
    published: Sequence[int | None]
    url: Sequence[str | None]
    outlet: Sequence[str | None]
    title: Sequence[str | None]

def extract_batch(
    doc_ids: Sequence[str],
    meta: _MetaColumns | dict[str, list[object]],
    texts: Sequence[str] | None = None,
    paths: Sequence[str] | None = None,
    gazetteer: str | None = None,
    decoding: Literal["strict", "lossy"] = "strict",
) -> list[_ArrowTable]:
    """Extracts a batch of documents (texts or files) into the four tables (articles, events,
    facilities, claims), with the GIL released."""

def collect_files(paths: Sequence[str]) -> list[tuple[str, str]]:
    """Expands files and folders into (doc_id, path) pairs of .txt files, sorted by path."""

def empty_tables() -> list[_ArrowTable]:
    """The four tables with no rows."""

def reference_table(name: Literal["places", "facilities", "facility_types", "agencies", "occasions"]) -> _ArrowTable:
    """One built-in reference table."""

def holidays(start_year: int, end_year: int) -> _ArrowTable:
    """One row per occasion per year, with its date and anniversary number."""

@final
class ParquetWriter:
    """Streams batches of documents into DIR/{articles,events,facilities,claims}.parquet."""

    def __new__(cls, out_dir: str, gazetteer: str | None = None, decoding: Literal["strict", "lossy"] = "strict") -> "ParquetWriter": ...
    def write_batch(
        self,
        doc_ids: Sequence[str],
        meta: _MetaColumns | dict[str, list[object]],
        texts: Sequence[str] | None = None,
        paths: Sequence[str] | None = None,
    ) -> list[int]:
        """Extracts and appends one batch; returns rows written so far per table."""
    def close(self) -> list[int]:
        """Writes the footers; returns rows written per table."""
