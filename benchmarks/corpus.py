"""Builds a benchmark corpus of a given size from the bundled articles, varied so that caches and
identical inputs do not flatter the numbers.

Each generated article starts from a bundled one (``examples/articles`` unless ``--source`` says
otherwise) and:

* keeps its first paragraph (title or lede) and shuffles the others, sometimes splicing in a
  paragraph of another article;
* swaps every place name it knows (``data/places.tsv``) for another of the same kind (a province for
  a province, a county for a county), consistently within the article;
* swaps dates: month names, day numbers after a month, and four-digit years;
* gets its own publication date in ``meta.csv`` (which anchors relative dates).

The output is a folder of ``.txt`` files plus ``meta.csv`` and ``manifest.json``; generation is
deterministic for a given seed and skipped when a corpus with the same parameters already exists.

    python benchmarks/corpus.py --mb 10 --out bench-data/corpus-10mb
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = [ROOT / "examples" / "articles"]
PLACES = ROOT / "data" / "places.tsv"
FORMAT_VERSION = 1

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
MONTH_ABBREVIATIONS = ["Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTH_RE = re.compile(r"\b(" + "|".join(re.escape(m) for m in MONTHS + MONTH_ABBREVIATIONS) + r")( \d{1,2})?\b")
YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Place:
    name: str
    kind: str


def load_places(path: Path = PLACES) -> dict[str, list[str]]:
    """Place names by kind (only the kinds that can stand in for each other)."""
    by_kind: dict[str, list[str]] = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        kind = row["kind"]
        if kind in ("province", "city", "county", "special_city", "foreign_city"):
            by_kind.setdefault(kind, []).append(row["name"])
    return by_kind


def place_pattern(by_kind: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation over every known name (longest first) and the kind of each name."""
    kind_of = {name: kind for kind, names in by_kind.items() for name in names}
    names = sorted(kind_of, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"), kind_of


def read_sources(sources: list[Path]) -> list[str]:
    texts = []
    for source in sources:
        files = sorted(source.rglob("*.txt")) if source.is_dir() else [source]
        texts.extend(f.read_text(encoding="utf-8") for f in files)
    if not texts:
        raise SystemExit(f"no .txt articles under {', '.join(map(str, sources))}")
    return texts


class Varier:
    """Makes varied copies of the source articles."""

    def __init__(self, texts: list[str], seed: int) -> None:
        self.rng = random.Random(seed)
        self.articles = [PARAGRAPH_RE.split(t.strip()) for t in texts]
        self.by_kind = load_places()
        self.place_re, self.kind_of = place_pattern(self.by_kind)

    def article(self) -> str:
        rng = self.rng
        paragraphs = list(rng.choice(self.articles))
        head, body = paragraphs[:1], paragraphs[1:]
        rng.shuffle(body)
        if rng.random() < 0.5:
            other = rng.choice(self.articles)
            if len(other) > 1:
                body.insert(rng.randrange(len(body) + 1), rng.choice(other[1:]))
        text = "\n\n".join(head + body) + "\n"
        return self._swap_dates(self._swap_places(text))

    def _swap_places(self, text: str) -> str:
        chosen: dict[str, str] = {}

        def swap(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in chosen:
                chosen[name] = self.rng.choice(self.by_kind[self.kind_of[name]])
            return chosen[name]

        return self.place_re.sub(swap, text)

    def _swap_dates(self, text: str) -> str:
        rng = self.rng
        shift = rng.randint(-12, 8)

        def month(match: re.Match[str]) -> str:
            new = rng.choice(MONTHS)
            return new + (f" {rng.randint(1, 28)}" if match.group(2) else "")

        def year(match: re.Match[str]) -> str:
            return str(min(max(int(match.group(1)) + shift, 1960), 2025))

        return YEAR_RE.sub(year, MONTH_RE.sub(month, text))

    def published(self) -> str:
        day = dt.date(2008, 1, 1) + dt.timedelta(days=self.rng.randrange(17 * 365))
        return day.isoformat()


def build(out: Path, megabytes: float, seed: int = 7, sources: list[Path] | None = None) -> dict[str, object]:
    """Writes the corpus (unless an identical one is there) and returns its manifest."""
    sources = sources or DEFAULT_SOURCES
    wanted = {
        "format": FORMAT_VERSION,
        "megabytes": megabytes,
        "seed": seed,
        "sources": [str(s.resolve()) for s in sources],
    }
    manifest_path = out / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        if {k: manifest.get(k) for k in wanted} == wanted:
            return manifest
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    varier = Varier(read_sources(sources), seed)
    target = int(megabytes * 1_000_000)
    total, count = 0, 0
    with open(out / "meta.csv", "w", newline="", encoding="utf-8") as meta_file:
        meta = csv.writer(meta_file)
        meta.writerow(["doc_id", "published"])
        while total < target:
            doc_id = f"a{count:07d}"
            data = varier.article().encode("utf-8")
            (out / f"{doc_id}.txt").write_bytes(data)
            meta.writerow([doc_id, varier.published()])
            total += len(data)
            count += 1
    manifest = {**wanted, "articles": count, "bytes": total}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, required=True, help="size of the corpus in MB (10^6 bytes)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--source", type=Path, action="append", help="folder of .txt articles to vary (repeatable)")
    args = parser.parse_args(argv)
    manifest = build(args.out, args.mb, args.seed, args.source)
    print(f"{args.out}: {manifest['articles']} articles, {int(manifest['bytes']) / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
