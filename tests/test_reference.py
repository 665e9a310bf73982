"""Reference data from Python, and the join researchers make: events x holidays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import nkextract
from nkextract import reference


def test_reference_tables_load() -> None:
    places = reference.places()
    assert {"north_hamgyong", "south_pyongan", "hoeryong"} <= set(places["id"] if "id" in places.columns else places["place_id"])
    for frame in (reference.facilities(), reference.facility_types(), reference.agencies(), reference.occasions()):
        assert frame.height > 0


def test_holidays_give_dates_and_anniversaries() -> None:
    days = reference.holidays(2015, 2015)
    party = days.filter(pl.col("occasion") == "party_founding_day").row(0, named=True)
    assert party["date"] == dt.date(2015, 10, 10)
    assert party["anniversary"] == 70


def test_events_join_holidays_on_occasion_and_year(example_tables: nkextract.Tables) -> None:
    events = example_tables.events.filter(pl.col("occasion").is_not_null() & pl.col("date_start").is_not_null())
    joined = events.with_columns(pl.col("date_start").dt.year().cast(pl.Int32).alias("year")).join(
        reference.holidays(2000, 2030).select("occasion", "year", "anniversary").rename({"anniversary": "holiday_anniversary"}),
        on=["occasion", "year"],
        how="inner",
    )
    assert joined.height == events.height
    round_numbers = joined.filter(pl.col("holiday_anniversary") % 5 == 0)
    assert round_numbers.height >= 1


def test_user_gazetteer_extends_places(tmp_path: Path) -> None:
    user = tmp_path / "extra.tsv"
    user.write_text(
        "[aliases]\ntable\tid\taliases\nplaces\thoeryong\tHweryong\n",
        encoding="utf-8",
    )
    text = "A source in Hweryong told Daily NK that dozens of inmates were released from a labor camp."
    plain = nkextract.extract([text]).claims["source_place"].to_list()
    extended = nkextract.extract([text], gazetteer=user).claims["source_place"].to_list()
    assert "hoeryong" not in plain
    assert "hoeryong" in extended
    bad = tmp_path / "bad.tsv"
    bad.write_text("[places]\nid\tname\tkind\tprovince_id\nx\tX\tcity\tnowhere\n", encoding="utf-8")
    with pytest.raises(nkextract.GazetteerError, match="nowhere"):
        nkextract.extract([text], gazetteer=bad)
