"""The command line: ``nkextract extract PATH... --out DIR [--meta FILE]``.

Documents are read in batches; each batch is extracted in Rust (all cores) and appended to the
four Parquet files as a row group, so memory stays bounded however large the corpus is.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Sequence, TextIO

from . import __version__, _core
from .exceptions import NkExtractError
from .frames import batches, load_meta

__all__ = ["main"]

DESCRIPTION = """\
Extract events, detention facilities and attributed claims from English news articles about
North Korea's penal system into four Parquet tables (articles, events, facilities, claims).
"""

EPILOG = """\
examples:
  nkextract extract examples/articles --out out/
  nkextract extract corpus/ --out out/ --meta meta.csv --batch-size 2000
  nkextract show out/

Every row carries code point offsets into articles.text, so text[start:end] is its evidence.
See README.md and SCHEMA.md for the columns.
"""


class _Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total, self.stream, self.enabled, self.done = total, stream, enabled and stream.isatty(), 0
        self.started = time.perf_counter()

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / max(self.total, 1))
        rate = self.done / max(time.perf_counter() - self.started, 1e-9)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} docs {rate:,.0f}/s")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\n")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nkextract", description=DESCRIPTION, epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"nkextract {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser(
        "extract",
        help="extract the four tables from .txt files and folders into Parquet",
        description="Read .txt articles (files, or folders searched recursively) and write "
        "DIR/articles.parquet, DIR/events.parquet, DIR/facilities.parquet and DIR/claims.parquet.",
    )
    run.add_argument("paths", nargs="+", metavar="PATH", help=".txt files or folders of them")
    run.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    run.add_argument(
        "--meta",
        metavar="FILE",
        help="CSV or Parquet with a doc_id column and any of published (YYYY-MM-DD), url, outlet, title; "
        "its values override the text's, and published anchors relative dates",
    )
    run.add_argument("--gazetteer", metavar="FILE", help="extra places, facilities or aliases merged over the built-in gazetteer")
    run.add_argument(
        "--lossy", action="store_true", help="replace invalid UTF-8 bytes with U+FFFD instead of stopping with an error"
    )
    run.add_argument("--batch-size", type=int, default=1000, metavar="N", help="documents per batch and Parquet row group (default 1000)")
    run.add_argument("--quiet", action="store_true", help="no progress bar and no summary")

    show = commands.add_parser("show", help="print the head of each table in an output folder")
    show.add_argument("out", metavar="DIR")
    show.add_argument("--rows", type=int, default=5, metavar="N")
    return parser


def _extract(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    meta = load_meta(args.meta)
    if args.batch_size < 1:
        raise SystemExit("nkextract: --batch-size must be at least 1")
    files = _core.collect_files(args.paths)
    writer = _core.ParquetWriter(args.out, gazetteer=args.gazetteer, decoding="lossy" if args.lossy else "strict")
    progress = _Progress(len(files), sys.stderr, not args.quiet)
    rows = [0, 0, 0, 0]
    try:
        for batch in batches(args.paths, meta, args.batch_size):
            rows = list(writer.write_batch(batch.doc_ids, batch.meta, texts=batch.texts, paths=batch.paths))
            progress.advance(len(batch.doc_ids))
    finally:
        final = writer.close()
        progress.finish()
    rows = list(final) if any(final) else rows
    if not args.quiet:
        seconds = time.perf_counter() - started
        print(
            f"nkextract: {len(files)} documents -> {rows[0]} articles, {rows[1]} events, {rows[2]} facilities, "
            f"{rows[3]} claims in {seconds:.2f}s ({args.out})",
            file=sys.stderr,
        )
    return 0


def _show(args: argparse.Namespace) -> int:
    import polars as pl

    from .frames import read_parquet

    tables = read_parquet(args.out)
    with pl.Config(tbl_rows=args.rows, fmt_str_lengths=60, tbl_width_chars=160):
        for name, frame in tables:
            print(f"{name}: {frame.height} rows")
            print(frame.head(args.rows))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        return _show(args)
    except NkExtractError as err:
        print(f"nkextract: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
