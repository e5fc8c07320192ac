"""How the time of each stage grows with adversarial input: linear, or worse.

    python scripts/scaling.py [--size 20000] [--factor 4] [--stages md,html,jsonl,times,scan] [--spacy]

Each family of text (long runs of digits, of spaced digits, of separators, of markup
characters, of repeated words, of format characters…) is built at two sizes and run
through each stage: the loaders (Markdown, HTML, JSON Lines), the time-expression finder
and the quantity grammar in French and English, and with ``--spacy`` the whole extraction.
A linear stage takes about ``factor`` times longer on the larger text, a quadratic one
about ``factor²``. Prints, per stage, the slowest time per 10 kB and every
(stage, family) whose growth exceeds ``--limit``; exit code 1 when there is one.

A timing script, not a test: ``make fuzz`` runs it; run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.errors import FactcheckError  # noqa: E402

# (name, repeated unit, text before, text after)
FAMILIES: list[tuple[str, str, str, str]] = [
    ("digits", "1", "", " kg"),
    ("spaced digits", "1 ", "", "kg"),
    ("spaced groups", "123 ", "1 ", "€"),
    ("narrow-space groups", "123\u202f", "1\u202f", "€"),
    ("decimal commas", "1,", "", "1 %"),
    ("dotted digits", "1.", "", "1"),
    ("slashes", "1/", "", "2"),
    ("exponents", "1e", "", "5"),
    ("hyphens", "1-", "", "2 ans"),
    ("colons", "1:", "", "00"),
    ("hours", "1h", "", ""),
    ("letters", "a", "", " 5 kg"),
    ("words", "abc ", "", "5 kg"),
    ("spaces", " ", "5", " kg"),
    ("newlines", "\n", "5", " kg"),
    ("carriage returns", "\r", "5", " kg"),
    ("tabs", "\t", "# 5", "kg"),
    ("blank lines", " \n", "5", " kg"),
    ("zero-width spaces", "\u200b", "1", "2 euros"),
    ("soft hyphens", "\u00ad", "1", "2 euros"),
    ("stars", "*", "5 ", "kg"),
    ("underscores", "_", "5 ", "kg"),
    ("brackets", "[", "5 ", "kg"),
    ("closing brackets", "]", "5 ", "kg"),
    ("parentheses", "(", "5 ", "kg"),
    ("angles", "<", "5 ", "kg"),
    ("tags", "<a ", "5 ", "kg"),
    ("comments", "<!--", "5 ", "kg"),
    ("backticks", "`", "5 ", "kg"),
    ("backslashes", "\\", "5 ", "kg"),
    ("pipes", "|", "5 ", "kg"),
    ("table rule", " ", "|-", "x"),
    ("heading with spaces", " ", "# 5 kg", "x"),
    ("quotes", "> ", "5 ", "kg"),
    ("bullets", "- ", "5 ", "kg"),
    ("link", "[a](", "5 ", "kg"),
    ("ampersands", "&", "5 ", "kg"),
    ("percent", "1 % ", "", ""),
    ("euros", "1 € ", "", ""),
    ("number words", "mille ", "", "euros"),
    ("number words and", "vingt et un ", "", "ans"),
    ("multipliers", "million ", "1 ", "d'euros"),
    ("fractions", "1 ½ ", "", ""),
    ("ratios", "1 sur 2 ", "", ""),
    ("qualifiers", "plus de ", "", "5 kg"),
    ("dates", "le 12 mars ", "", ""),
    ("years", "en 2020 ", "", ""),
    ("clock", "à 12 h 30 ", "", ""),
    ("durations", "depuis deux ans ", "", ""),
    ("english", "more than 5 million dollars ", "", ""),
    ("urls", "a.com/", "http://", ""),
    ("long word", "x" * 39 + " ", "", "5 kg"),
    ("sentences", "Il y a 5 kg. ", "", ""),
]


def _md(text: str) -> None:
    from factcheck.load import markdown

    markdown.parse(text, "x.md")


def _front(text: str) -> None:
    from factcheck.load import markdown

    markdown.parse("---\ntitle: t\n---\n" + text, "x.md")


def _html(text: str) -> None:
    from factcheck.load import html

    html.parse(f"<html><body><article><p>{text}</p></article></body></html>")


def _jsonl(text: str) -> None:
    from factcheck.load import load_text  # noqa: F401 - the loader package, as a file would use it
    from factcheck.load import jsonl

    source = json.dumps({"text": text, "lang": "fr"}) + "\n"
    for rec in jsonl.records(source, "x.jsonl"):
        jsonl.decode_in_place(source[rec.text_start:rec.text_end])


def _times(text: str) -> None:
    from factcheck.extract.dates import find_times

    find_times(text, "fr", dt.date(2023, 12, 13))
    find_times(text, "en", dt.date(2023, 12, 13))


def _scan(text: str) -> None:
    from factcheck.extract.quantities import scan

    scan(text, "fr")
    scan(text, "en")


def _extract(text: str) -> None:
    from factcheck.extract.pipeline import extract_articles
    from factcheck.models import Article

    extract_articles([Article(path="x.txt", text=text, file_text=text, lang="fr", date=dt.date(2023, 12, 13))])


STAGES: dict[str, Callable[[str], None]] = {
    "md": _md, "front": _front, "html": _html, "jsonl": _jsonl, "times": _times, "scan": _scan,
}


def _run(stage: Callable[[str], None], text: str, repeat: int = 1) -> float:
    """The best of ``repeat`` runs (the others measure the machine's other load)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            stage(text)
        except FactcheckError:
            pass  # refusing the input is an answer too
        best = min(best, time.perf_counter() - start)
    return best


def build(unit: str, before: str, after: str, size: int) -> str:
    body = (unit * (size // len(unit) + 1))[: max(0, size - len(before) - len(after))]
    return before + body + after


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=20_000, help="characters of the smaller text (default 20000)")
    ap.add_argument("--factor", type=int, default=4, help="the larger text is this many times longer (default 4)")
    ap.add_argument("--limit", type=float, default=8.0,
                    help="growth ratio reported as super-linear (default 8: twice linear for factor 4)")
    ap.add_argument("--floor", type=float, default=0.1, help="larger runs under this many seconds are not judged")
    ap.add_argument("--stages", default=",".join(STAGES), help="comma-separated: " + ", ".join(STAGES))
    ap.add_argument("--spacy", action="store_true", help="also time the whole extraction (loads the French model)")
    ap.add_argument("--family", action="append", help="only the families whose name contains this (repeatable)")
    args = ap.parse_args(argv)
    stages = {name: STAGES[name] for name in args.stages.split(",") if name}
    if args.spacy:
        stages["extract"] = _extract
        _extract("5 kg.")  # model loaded before timing
    families = [f for f in FAMILIES if not args.family or any(s in f[0] for s in args.family)]
    bad = []
    print(f"{'stage':8} {'slowest s/10kB':>15}  family (larger text: {args.size * args.factor} characters)")
    for name, stage in stages.items():
        worst = (0.0, "")
        for family, unit, before, after in families:
            small = build(unit, before, after, args.size)
            big = build(unit, before, after, args.size * args.factor)
            t_small = _run(stage, small, repeat=3)
            t_big = _run(stage, big, repeat=2 if name != "extract" else 1)
            per = t_big / (len(big) / 10_000)
            if per > worst[0]:
                worst = (per, family)
            ratio = t_big / max(t_small, 1e-4)
            if t_big >= args.floor and ratio > args.limit:
                bad.append((name, family, t_small, t_big, ratio))
        print(f"{name:8} {worst[0]:15.4f}  {worst[1]}", flush=True)
    for name, family, t_small, t_big, ratio in bad:
        print(f"SUPER-LINEAR {name} on {family}: {t_small:.3f} s -> {t_big:.3f} s (x{ratio:.1f} for x{args.factor})")
    print(f"{len(bad)} super-linear (stage, family) pair(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
