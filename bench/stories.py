"""Story index speed: indexing an archive, adding one article, looking a draft up.

    python bench/stories.py [--quick] [--sizes 1000,10000,50000]

The archive is synthetic and deterministic: each article has 300 words drawn from a
50,000-word Zipf vocabulary (as content words of news are distributed), 30 names and 8
figures, 50 articles a day, three to a story. Extraction is not timed (see bench/run.py):
only ``factcheck.story``'s SQLite work. Prints a Markdown table; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.story import StoryIndex, StoryTerms  # noqa: E402

SEED = 1234
VOCABULARY = 50_000
FIRST_DAY = 738_000  # a date ordinal (2021)


class Archive:
    """Deterministic synthetic articles."""

    def __init__(self) -> None:
        self.rnd = random.Random(SEED)
        self.words = [f"w{i}" for i in range(VOCABULARY)]
        self.cumulative = list(itertools.accumulate(1 / (i + 1) for i in range(VOCABULARY)))

    def article(self, day: int) -> StoryTerms:
        words = tuple(self.rnd.choices(self.words, cum_weights=self.cumulative, k=300))
        names = tuple(self.rnd.choices(self.words[1000:], k=30))
        figures = tuple(f"xcount_{self.rnd.randint(10, 99_999)}" for _ in range(8))
        return StoryTerms(names, words, figures, (day, day))


def bench(n: int, probes: int) -> list[str]:
    archive = Archive()
    index = StoryIndex(sqlite3.connect(":memory:"))
    articles = [archive.article(FIRST_DAY + i // 50) for i in range(n)]
    t = time.perf_counter()
    for i, terms in enumerate(articles):
        index.insert(f"a{i}", terms, story=f"s{i // 3}")
    index.conn.commit()
    build = time.perf_counter() - t
    middle = FIRST_DAY + n // 100
    drafts, adds = [], []
    for i, terms in enumerate([archive.article(middle) for _ in range(probes)]):
        t = time.perf_counter()
        index.candidates(terms)
        drafts.append(time.perf_counter() - t)
        t = time.perf_counter()
        index.add(f"new{i}", terms)
        adds.append(time.perf_counter() - t)
    ms = lambda xs: f"{statistics.median(xs) * 1000:.1f}"  # noqa: E731
    return [f"{n:,}", f"{n / build:,.0f}", ms(drafts), ms(adds)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    ap.add_argument("--sizes", help="archive sizes, comma-separated")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else ([500, 2_000] if args.quick else [1_000, 10_000])
    print("| articles indexed | articles/s indexing | draft look-up, ms (median) | add one, ms (median) |")
    print("|---:|---:|---:|---:|")
    for n in sizes:
        print("| " + " | ".join(bench(n, 5 if args.quick else 15)) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
