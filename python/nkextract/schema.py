"""The output schemas, read from the extension (where they are written once, in ``tables.rs``).

``python -m nkextract.schema`` prints them as the Markdown that README.md carries; a test checks
that README.md matches, so the documentation cannot drift from the code.
"""

from __future__ import annotations

import polars as pl

from . import _core
from .frames import TABLE_NAMES

__all__ = ["schemas", "markdown"]


def schemas() -> dict[str, pl.Schema]:
    """Column names and Polars types of the four tables."""
    frames = [pl.DataFrame(t) for t in _core.empty_tables()]
    return {name: frame.schema for name, frame in zip(TABLE_NAMES, frames)}


def markdown() -> str:
    lines = []
    for name, schema in schemas().items():
        columns = ", ".join(f"`{column}` {dtype}" for column, dtype in schema.items())
        lines.append(f"- **{name}**: {columns}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown())
