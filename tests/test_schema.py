"""The output contract: every table has SCHEMA.md's columns and types, even when empty."""

from __future__ import annotations

import polars as pl

import nkextract

SPAN = pl.List(pl.Struct({"start": pl.Int32, "end": pl.Int32}))
STRINGS = pl.List(pl.String)

EXPECTED = {
    "articles": {
        "doc_id": pl.String, "text": pl.String, "body": pl.String, "title": pl.String, "outlet": pl.String,
        "authors": STRINGS, "translators": STRINGS, "published": pl.Date, "published_source": pl.String,
        "dateline": pl.String, "url": pl.String,
    },
    "events": {
        "event_id": pl.String, "doc_id": pl.String, "event_type": pl.String, "status": pl.String,
        "date_value": pl.String, "date_start": pl.Date, "date_end": pl.Date, "date_precision": pl.String,
        "date_basis": pl.String, "date_text": pl.String, "occasion": pl.String, "anniversary": pl.Int32,
        "count_text": pl.String, "count_min": pl.Int64, "count_max": pl.Int64, "measures": STRINGS,
        "sentence_reduction_min_months": pl.Int32, "sentence_reduction_max_months": pl.Int32,
        "subjects": STRINGS, "excluded": STRINGS, "agents": STRINGS, "places": STRINGS, "admin1": STRINGS,
        "facility_refs": STRINGS, "claim_ids": STRINGS, "mentions": SPAN, "evidence": pl.String, "rule": pl.String,
    },
    "facilities": {
        "facility_ref_id": pl.String, "doc_id": pl.String, "name": pl.String, "facility_type": pl.String,
        "facility_id": pl.String, "candidates": STRINGS, "generic": pl.Boolean, "count": pl.Int32,
        "number": pl.String, "operator": pl.String, "place_id": pl.String, "admin1": pl.String,
        "native_term": pl.String, "mentions": SPAN,
    },
    "claims": {
        "claim_id": pl.String, "doc_id": pl.String, "kind": pl.String, "text": pl.String, "start": pl.Int32,
        "end": pl.Int32, "cue": pl.String, "source_text": pl.String, "source_id": pl.String,
        "source_type": pl.String, "source_name": pl.String, "source_place": pl.String,
        "source_admin1": pl.String, "source_rank": pl.String, "reported_to": pl.String, "via": pl.String,
        "said_date_value": pl.String, "hedges": STRINGS, "event_ids": STRINGS,
    },
}


def _check(tables: nkextract.Tables) -> None:
    for name, frame in tables:
        for column, dtype in EXPECTED[name].items():
            assert column in frame.schema, f"{name}.{column} missing"
            assert frame.schema[column] == dtype, f"{name}.{column}: {frame.schema[column]} != {dtype}"


def test_schemas_with_rows(example_tables: nkextract.Tables) -> None:
    _check(example_tables)


def test_schemas_without_rows() -> None:
    empty = nkextract.extract([])
    _check(empty)
    assert all(frame.height == 0 for _, frame in empty)
    _check(nkextract.extract(["Nothing about prisons here."]))


def test_ids_follow_the_contract(example_tables: nkextract.Tables) -> None:
    for row in example_tables.claims.iter_rows(named=True):
        assert row["claim_id"].startswith(row["doc_id"] + ":c")
        assert row["source_id"].startswith(row["doc_id"] + ":s")
    for row in example_tables.events.iter_rows(named=True):
        assert row["event_id"].startswith(row["doc_id"] + ":e")
    for row in example_tables.facilities.iter_rows(named=True):
        assert row["facility_ref_id"].startswith(row["doc_id"] + ":f")
