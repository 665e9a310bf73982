"""Property: any text gives rows whose offsets slice the input exactly (never a panic)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nkextract

PIECES = [
    "North Korea granted amnesty to dozens of prisoners",
    "“They were released,” a source in North Hamgyong Province told Daily NK.",
    "According to the source, the Kaechon prison camp freed inmates on Apr. 15.",
    "He added: \"The camp No. 14 is run by the Ministry of State Security.\"",
    "\u00a0", "\r\n", "\n\n", "’", "‘", "\"", "—", "😀", "No.", "Kyo-hwa-so", " ", "[kyohwaso]", "U.N.",
]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=25).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=4))
def test_offsets_slice_any_input(docs: list[str]) -> None:
    tables = nkextract.extract(docs)
    by_id = dict(zip(tables.articles["doc_id"], tables.articles["text"]))
    assert list(by_id.values()) == docs
    for row in tables.claims.iter_rows(named=True):
        assert by_id[row["doc_id"]][row["start"] : row["end"]] == row["text"]
    for name in ("events", "facilities"):
        for row in getattr(tables, name).iter_rows(named=True):
            text = by_id[row["doc_id"]]
            for m in row["mentions"]:
                assert 0 <= m["start"] <= m["end"] <= len(text)
    for row in tables.events.iter_rows(named=True):
        text = by_id[row["doc_id"]]
        assert text[row["evidence_start"] : row["evidence_end"]] == row["evidence"]
