from __future__ import annotations

import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"

with warnings.catch_warnings():
    # A debug build warns at import; tests run on whatever build is installed.
    warnings.simplefilter("ignore", RuntimeWarning)
    import nkextract  # noqa: F401


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def example_tables(examples: Path) -> "nkextract.Tables":
    return nkextract.extract(examples)
