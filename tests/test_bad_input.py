"""Bad input: each case has a defined behaviour, a package exception or a documented fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

import nkextract


def test_missing_path_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(nkextract.InputNotFoundError) as info:
        nkextract.extract(tmp_path / "nope.txt")
    assert isinstance(info.value, FileNotFoundError)
    assert "nope.txt" in str(info.value)


def test_non_utf8_is_an_error_naming_the_file_unless_lossy(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Prisoners were released in Hoeryong, caf\xe9 owners said.".encode("latin-1"))
    with pytest.raises(nkextract.DecodeError, match="latin1.txt"):
        nkextract.extract(bad)
    tables = nkextract.extract(bad, decoding="lossy")
    assert "\ufffd" in tables.articles["text"][0]


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    blob = tmp_path / "image.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(nkextract.DecodeError, match="binary"):
        nkextract.extract(blob, decoding="lossy")


def test_empty_file_gives_an_empty_article(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    tables = nkextract.extract(empty)
    assert tables.articles["doc_id"].to_list() == ["empty"]
    assert tables.articles["body"].to_list() == [""]
    assert tables.events.height == tables.claims.height == tables.facilities.height == 0


def test_only_boilerplate_gives_an_empty_body(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Advertisement\nshare with facebook\nRead in Korean\nTrending Stories\n", encoding="utf-8")
    tables = nkextract.extract(page)
    assert tables.articles["body"].to_list() == [""]


def test_html_markup_is_read_as_text_and_offsets_hold(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    html = (
        "<html><head><title>x</title></head>\n<body>\n<p>North Korea released dozens of prisoners from a labor camp, "
        "a source told Daily NK.</p>\n</body></html>\n"
    )
    page.write_text(html, encoding="utf-8")
    tables = nkextract.extract(page)
    assert tables.articles["text"].to_list() == [html]
    assert "<body>" not in tables.articles["body"][0]
    for row in tables.claims.iter_rows(named=True):
        assert html[row["start"] : row["end"]] == row["text"]


def test_fifty_megabyte_file(tmp_path: Path, examples: Path) -> None:
    paragraph = (examples / "003_a55e89c5f0ccdf92.txt").read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as out:
        written = 0
        while written < 50 * 1024 * 1024:
            out.write(paragraph + "\n\n")
            written += len(paragraph.encode("utf-8")) + 2
    tables = nkextract.extract(big)
    assert tables.articles.height == 1
    assert tables.claims.height > 1000


def test_bad_options_are_value_errors() -> None:
    with pytest.raises(nkextract.InvalidInputError):
        nkextract.extract(["x"], decoding="latin-1")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        nkextract.extract(["x"], batch_size=0)


def test_byte_order_mark_is_kept_so_offsets_match_python(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff“Dozens were released,” a source told Daily NK.".encode("utf-8"))
    tables = nkextract.extract(path)
    text = path.read_text(encoding="utf-8")
    assert tables.articles["text"].to_list() == [text]
    for row in tables.claims.iter_rows(named=True):
        assert text[row["start"] : row["end"]] == row["text"]


def test_crlf_files_are_read_like_python_text_mode(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("Title line\r\n\r\n“Dozens were released,” a source in Hoeryong told Daily NK.\r\n".encode("utf-8"))
    tables = nkextract.extract(path)
    text = path.read_text(encoding="utf-8")  # universal newlines, as Python users and the scorer read it
    assert tables.articles["text"].to_list() == [text]
    assert tables.claims.height >= 1
    for row in tables.claims.iter_rows(named=True):
        assert text[row["start"] : row["end"]] == row["text"]
