"""Regenerate the English unit surfaces that factcheck takes from quantulum3's lexicon.

quantulum3 knows how English press copy writes hundreds of units ("hp", "mAh", "acre-foot").
Loading it takes seconds, so factcheck does not import it at run time: this script copies
its surfaces into ``factcheck/data/unit_surfaces.tsv``, below the marker line, keeping
those whose unit factcheck's pint registry parses and that the curated part above the
marker does not already define.

    python scripts/units_from_quantulum3.py           # rewrite the generated block
    python scripts/units_from_quantulum3.py --check   # exit 1 when the block is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "factcheck" / "data" / "unit_surfaces.tsv"
MARKER = "# --- English units generated from quantulum3's unit lexicon"
HEADER = (
    f"{MARKER} (quantulum3/units.json, en) by\n"
    "# scripts/units_from_quantulum3.py, kept when factcheck's pint registry parses the unit name;\n"
    "# 2-letter symbols only with an upper-case unit letter. Do not edit by hand: rerun the script.\n"
)
# Surfaces that are ordinary English words far more often than units in news copy.
STOP = set("""
quarter quarters quad shake pond den nit nits pel dots gray grays henry henries lea fur peck mole moles rutherford
franklin darcy galileo st cup cups barn barns stere tex kat gal gals bit bits byte bytes shakes ton tons mil mils rhe
poise stokes lux candle candles pixel pixels pint pints stone stones league leagues degree degrees a an in at is as it
on or of to be by no do go he me my so up us we am are has had was one per set pair pairs dozen score gross point
points bar bars pa sec min max mon day days cal cals lot lots line lines mark marks yard plus
""".split())
_SURFACE = re.compile(r"[\w°µμ/'²³ .\-]+")


def split_table(text: str) -> tuple[str, str]:
    """(curated part, generated block) of the surface table."""
    at = text.find(MARKER)
    return (text, "") if at < 0 else (text[:at], text[at:])


def curated_keys(curated: str) -> set[str]:
    keys = set()
    for line in curated.splitlines():
        if line.strip() and not line.startswith("#"):
            surface = line.split("\t")[0]
            keys.add(surface[1:] if surface.startswith("=") else surface.strip().lower())
    return keys


def generate(curated: str) -> str:
    import quantulum3.load

    from factcheck.units import ureg

    known = curated_keys(curated)
    rows: list[str] = []
    seen: set[str] = set()
    for name, unit in sorted(quantulum3.load.units("en").names.items()):
        if unit.entity.name in ("dimensionless", "currency", "unknown"):
            continue
        snake = name.replace(" ", "_").replace("-", "_")
        expr = None
        for candidate in (snake, name, snake.replace("_per_", " / ")):
            try:
                expr = str(ureg.parse_units(candidate))
                break
            except Exception:  # pint has many ways to refuse a name; any refusal means "not this one"
                continue
        if expr is None:
            continue
        for surface in sorted(set(unit.surfaces) | set(unit.symbols)):
            key = surface.strip()
            if (not key or len(key) < 2 or key.lower() in STOP or key in seen or not _SURFACE.fullmatch(key)
                    or key in known or key.lower() in known):
                continue
            seen.add(key)
            exact = len(key) <= 3 and not key.islower()
            rows.append(f"{'=' + key if exact or len(key) <= 2 else key}\t{expr}\ten\n")
    return HEADER + "".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report whether the generated block is up to date")
    args = ap.parse_args()
    text = TABLE.read_text(encoding="utf-8")
    curated, block = split_table(text)
    fresh = generate(curated)
    if args.check:
        if fresh != block:
            print(f"{TABLE}: the quantulum3 block is out of date; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    TABLE.write_text(curated + fresh, encoding="utf-8")
    print(f"{TABLE}: {fresh.count(chr(10)) - HEADER.count(chr(10))} generated surfaces", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
