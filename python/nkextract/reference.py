"""The built-in reference data (gazetteers of places, facilities, facility types, agencies and
occasions) as Polars DataFrames, for joins with extracted tables."""

from __future__ import annotations

import polars as pl

from . import _core

__all__ = ["places", "facilities", "facility_types", "agencies", "occasions", "holidays"]


def _table(name: str) -> pl.DataFrame:
    return pl.DataFrame(_core.reference_table(name))


def places() -> pl.DataFrame:
    """Provinces (with ISO 3166-2:KP codes), cities, counties and villages, with spelling variants."""
    return _table("places")


def facilities() -> pl.DataFrame:
    """Known detention facilities (kwanliso and kyohwaso by number, and others)."""
    return _table("facilities")


def facility_types() -> pl.DataFrame:
    """Facility type codes with English terms, romanisations and Hangul."""
    return _table("facility_types")


def agencies() -> pl.DataFrame:
    """Security, judicial, party and media bodies, one row per name period."""
    return _table("agencies")


def occasions() -> pl.DataFrame:
    """Holidays and anniversaries with month, day and base year."""
    return _table("occasions")


def holidays(start_year: int, end_year: int) -> pl.DataFrame:
    """One row per occasion per year from ``start_year`` to ``end_year`` (inclusive), with its date
    and anniversary number, to join with ``events`` on ``occasion`` and year."""
    return pl.DataFrame(_core.holidays(start_year, end_year))
