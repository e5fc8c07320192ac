"""Measure automatic story grouping: B-cubed precision, recall and F1 against known stories.

Each SOURCE is a folder whose sub-folders are stories (``/work/texts/wild-dev``,
``corpus``, ...). Their articles are copied into one temporary folder under opaque
names (``a000.md`` ...), so that neither folder nor file name gives a hint; the copy is
grouped with ``story = "auto"`` (load, extract, ``factcheck.story.group``) and the
recovered stories are scored against the true ones (true story = the source sub-folder).

    python scripts/score_stories.py corpus /path/to/wild-dev /path/to/eval/stories
    python scripts/score_stories.py --same "corpus/alencon-crack=stories/01-alencon-plan-anti-crack" ...
    python scripts/score_stories.py --sweep ...     # the grid the thresholds were fitted on

``--same A=B`` scores two source folders as one true story (when two sets report the
very same events). ``--alone`` also groups each true story on its own (as a
``factcheck check`` of one folder would) and reports the share of stories kept whole.
Data stays outside the repository: only the figures are printed.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.extract.pipeline import extract_articles  # noqa: E402
from factcheck.load import SUFFIXES, load_paths  # noqa: E402
from factcheck.story import StoryParams, article_key, group  # noqa: E402


#: Articles whose folder holds several events, and the event each reports (``--by-event``).
#: The three Alençon folders retell the same five events (the drug's arrival in the town,
#: November 2022; the anti-crack plan, January 2023; the Perseigne operation, December
#: 2023; crack in Paris, September 2022; drug trafficking in mid-sized towns, June 2023);
#: the Dunkerque folder has one article on a seizure at Le Havre three months later.
EVENTS = {
    "corpus/alencon-crack/a-crack-gagne-alencon.md": "alencon-arrival",
    "stories/00-seeds/seed-002.md": "alencon-arrival",
    "stories/01-alencon-plan-anti-crack/b-reportage-tele.md": "alencon-arrival",
    "corpus/alencon-crack/b-plan-anti-crack.md": "alencon-plan",
    "stories/00-seeds/seed-000.md": "alencon-plan",
    "stories/01-alencon-plan-anti-crack/a-plan-anti-crack.md": "alencon-plan",
    "corpus/alencon-crack/c-operation-perseigne.md": "alencon-perseigne",
    "stories/00-seeds/seed-001.md": "alencon-perseigne",
    "stories/01-alencon-plan-anti-crack/c-operation-perseigne.md": "alencon-perseigne",
    "corpus/alencon-crack/d-paris-crack-200-policiers.md": "paris-crack",
    "stories/00-seeds/seed-003.md": "paris-crack",
    "stories/01-alencon-plan-anti-crack/d-paris-crack.md": "paris-crack",
    "stories/00-seeds/seed-004.md": "mid-sized-towns",
    "wild-dev/fr-06-dunkerque-492kg-2019/d.md": "le-havre-seizure",
}


CONTENT_ONLY = 10**6  # days: a window no two articles are apart by


def bcubed(found: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of clusters ``found`` (item → cluster) against ``truth``."""
    by_found: dict[str, set[str]] = {}
    by_true: dict[str, set[str]] = {}
    for item in truth:
        by_found.setdefault(found[item], set()).add(item)
        by_true.setdefault(truth[item], set()).add(item)
    p = r = 0.0
    for item in truth:
        same = by_found[found[item]] & by_true[truth[item]]
        p += len(same) / len(by_found[found[item]])
        r += len(same) / len(by_true[truth[item]])
    p, r = p / len(truth), r / len(truth)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def copy_flat(sources: list[Path], into: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Copy every article of every story folder into ``into`` under opaque names:
    file name → true story (``source/sub-folder``), and file name → ``source/sub-folder/file``."""
    truth: dict[str, str] = {}
    origin: dict[str, str] = {}
    n = 0
    for source in sources:
        for folder in sorted(p for p in source.iterdir() if p.is_dir() and not p.name.startswith(".")):
            for file in sorted(folder.iterdir()):
                if file.suffix.lower() not in SUFFIXES or file.stem.lower() == "readme":
                    continue
                name = f"a{n:03d}{file.suffix.lower()}"
                shutil.copyfile(file, into / name)
                truth[name] = f"{source.name}/{folder.name}"
                origin[name] = f"{source.name}/{folder.name}/{file.name}"
                n += 1
    return truth, origin


def run(articles, claims, truth_of, params: StoryParams) -> tuple[float, float, float, dict[str, str]]:
    found = group(articles, claims, sqlite3.connect(":memory:"), params)
    by_name = {Path(a.path).name: found[article_key(a)] for a in articles}
    truth = {name: truth_of[name] for name in by_name}
    return (*bcubed(by_name, truth), by_name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="+", type=Path, help="folders whose sub-folders are stories")
    ap.add_argument("--same", action="append", default=[], metavar="A=B",
                    help="score story folders A and B (source/sub-folder) as one story")
    ap.add_argument("--by-event", action="store_true",
                    help="score the articles listed in EVENTS by the event they report, not by folder")
    ap.add_argument("--min-score", type=float, default=StoryParams().min_score)
    ap.add_argument("--window", type=int, default=StoryParams().window_days)
    ap.add_argument("--weights", default=",".join(str(w) for w in StoryParams().weights), help="names,words,figures")
    ap.add_argument("--sweep", action="store_true", help="print F1 over a grid of thresholds")
    ap.add_argument("--alone", action="store_true", help="also group each true story on its own")
    ap.add_argument("--show", action="store_true", help="list the recovered stories")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="stories-") as tmp:
        truth_of, origin = copy_flat(args.sources, Path(tmp))
        if args.by_event:
            truth_of = {name: EVENTS.get(origin[name], story) for name, story in truth_of.items()}
        for pair in args.same:
            a, _, b = pair.partition("=")
            truth_of = {k: (a if v == b else v) for k, v in truth_of.items()}
        articles = load_paths([tmp])
        claims = extract_articles(articles)
        weights = tuple(float(w) for w in args.weights.split(","))
        n_true = len(set(truth_of.values()))
        print(f"{len(articles)} articles, {n_true} true stories")
        if args.sweep:  # F1 with each day window, and on content alone (no window)
            windows = (3, 7, 10, 14, 21)
            print("min_score  " + "  ".join(f"window={w:<3}" for w in windows) + "  content only")
            for score in (0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.4):
                cells = [run(articles, claims, truth_of, StoryParams(score, w, weights))[2]
                         for w in (*windows, CONTENT_ONLY)]
                print(f"{score:<9.3f}  " + "  ".join(f"{f:<10.3f}" for f in cells))
        params = StoryParams(args.min_score, args.window, weights)
        p, r, f, found = run(articles, claims, truth_of, params)
        if args.show:
            titles = {Path(a.path).name: a.title for a in articles}
            for story in dict.fromkeys(found.values()):
                members = [n for n in found if found[n] == story]
                print(f"{story}")
                for n in members:
                    print(f"    {truth_of[n]:<55} {titles[n][:70]}")
        if args.alone:
            whole = 0
            for story in sorted(set(truth_of.values())):
                own = [a for a in articles if truth_of[Path(a.path).name] == story]
                mine = [c for c in claims if c.article in own]
                found_alone = group(own, mine, sqlite3.connect(":memory:"), params)
                whole += len(set(found_alone.values())) == 1
            print(f"alone: {whole}/{n_true} true stories grouped whole when checked on their own")
        sizes = Counter(Counter(found.values()).values())
        print(f"found {len(set(found.values()))} stories (sizes {dict(sorted(sizes.items()))})")
        print(f"min_score={params.min_score} window_days={params.window_days} weights={params.weights}")
        print(f"B-cubed precision={p:.3f} recall={r:.3f} F1={f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
