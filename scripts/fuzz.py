"""The long fuzz run: every target of tests/fuzz/targets.py for its share of 100,000 examples.

    python scripts/fuzz.py [--scale 1.0] [--max-minutes 40] [--only extract,check] [--seed N]

Unlike the short run in ``make test``, a failing example does not stop the run: every
example is timed, and every unexpected exception (anything but factcheck's own input
errors) and every failed output check is counted, the first few shown. The report gives,
per target and in all:

- examples run (and, if the time budget ran out, how many were not);
- unexpected exceptions and failed checks (target: 0);
- the slowest example, and the slowest time per 10 kB of input (target: under 1 s). An
  input under 1 kB counts as 1 kB there: a stage's fixed cost per call (a few ms for a
  spaCy parse) is not a cost per byte. Each target first runs on a fixed input that goes
  through the whole stage (lazy imports, caches), untimed; Python's garbage collector
  runs between examples, not inside them (with the spaCy models loaded, one full
  collection takes a tenth of a second whatever the input).

Exit code 1 when a target is missed. A timing script, not a test: run it on an idle machine.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from tests.fuzz.targets import TARGETS, Target  # noqa: E402

PER_10KB_TARGET = 1.0
FLOOR = 1_000  # characters: smaller inputs count as this many in the time per 10 kB


@dataclass
class Tally:
    planned: int
    run: int = 0
    skipped: int = 0
    exceptions: int = 0
    failed_checks: int = 0
    slowest: tuple[float, int] = (0.0, 0)          # (seconds, input size)
    slowest_per_10kb: tuple[float, float, int] = (0.0, 0.0, 0)  # (s per 10 kB, seconds, input size)
    slowest_input: str = ""
    slowest_example: object = None
    largest: int = 0
    over_target: int = 0  # examples slower than PER_10KB_TARGET per 10 kB
    samples: list[str] = field(default_factory=list)


def _short(example: object, limit: int = 300) -> str:
    text = repr(example)
    return text if len(text) <= limit else text[:limit] + f"… ({len(text)} characters)"


def run_target(target: Target, n: int, deadline: float, rng_seed: int) -> Tally:
    tally = Tally(planned=n)

    @seed(rng_seed)
    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(target.strategy)
    def body(example):
        if time.monotonic() > deadline:
            tally.skipped += 1
            return
        size = target.size(example)
        if tally.run % 100 == 0:
            gc.collect()
        start = time.perf_counter()
        gc.disable()
        try:
            try:
                target.check(example)
            finally:
                elapsed = time.perf_counter() - start
                gc.enable()
        except AssertionError:
            tally.failed_checks += 1
            if len(tally.samples) < 3:
                tally.samples.append(f"failed check: {traceback.format_exc(limit=3).strip().splitlines()[-1]}\n"
                                     f"      input: {_short(example)}")
        except Exception as exc:  # noqa: BLE001 - counting them is the point
            tally.exceptions += 1
            if len(tally.samples) < 3:
                where = traceback.extract_tb(exc.__traceback__)[-1]
                tally.samples.append(f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})\n"
                                     f"      input: {_short(example)}")
        tally.run += 1
        tally.largest = max(tally.largest, size)
        if elapsed > tally.slowest[0]:
            tally.slowest = (elapsed, size)
        per = elapsed / (max(size, FLOOR) / 10_000)
        if per >= PER_10KB_TARGET:
            tally.over_target += 1
        if per > tally.slowest_per_10kb[0]:
            tally.slowest_per_10kb = (per, elapsed, size)
            tally.slowest_input = _short(example, 160)
            tally.slowest_example = example

    body()
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the 100,000 examples to run (default 1)")
    ap.add_argument("--max-minutes", type=float, default=40.0, help="time budget; examples past it are counted as not run")
    ap.add_argument("--only", help="comma-separated target names")
    ap.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random, printed)")
    ap.add_argument("--verbose", "-v", action="store_true", help="show each target's slowest input")
    ap.add_argument("--dump", metavar="DIR", help="write each target's slowest input (its repr) to DIR/<target>.repr")
    args = ap.parse_args(argv)
    run_seed = args.seed if args.seed is not None else random.randrange(2**32)
    targets = [t for t in TARGETS if not args.only or t.name in args.only.split(",")]
    deadline = time.monotonic() + args.max_minutes * 60
    print(f"factcheck fuzz: {len(targets)} targets, seed {run_seed}, budget {args.max_minutes:g} min", flush=True)
    from factcheck.extract.pipeline import nlp_for

    nlp_for("fr"), nlp_for("en")  # models loaded before timing
    gc.collect()
    gc.freeze()  # what is loaded now stays: collections between examples need not walk it
    tallies: dict[str, Tally] = {}
    started = time.monotonic()
    for target in targets:
        n = max(1, round(target.examples * args.scale))
        for warmup in target.warmups:
            target.check(warmup)  # not timed: lazy imports and caches of the whole stage
        t0 = time.monotonic()
        tally = tallies[target.name] = run_target(target, n, deadline, run_seed)
        print(f"  {target.name:13} {tally.run:6}/{n:<6} examples in {time.monotonic() - t0:7.1f} s; "
              f"unexpected exceptions {tally.exceptions}, failed checks {tally.failed_checks}; "
              f"slowest {tally.slowest[0]:.3f} s ({tally.slowest[1]} chars), "
              f"{tally.slowest_per_10kb[0]:.3f} s per 10 kB ({tally.over_target} at {PER_10KB_TARGET:g} s or more)",
              flush=True)
        for sample in tally.samples:
            print(f"    {sample}")
        if args.verbose:
            print(f"    slowest per 10 kB: {tally.slowest_input}")
        if args.dump:
            Path(args.dump).mkdir(parents=True, exist_ok=True)
            (Path(args.dump) / f"{target.name}.repr").write_text(repr(tally.slowest_example), encoding="utf-8")
    total_run = sum(t.run for t in tallies.values())
    planned = sum(t.planned for t in tallies.values())
    skipped = planned - total_run
    exceptions = sum(t.exceptions for t in tallies.values())
    failed = sum(t.failed_checks for t in tallies.values())
    worst_name, worst = max(tallies.items(), key=lambda kv: kv[1].slowest_per_10kb[0])
    slow_name, slow = max(tallies.items(), key=lambda kv: kv[1].slowest[0])
    print()
    print(f"examples run:            {total_run} of {planned}"
          + (f" ({skipped} not run: the {args.max_minutes:g}-minute budget ran out)" if skipped else ""))
    print(f"unexpected exceptions:   {exceptions}")
    print(f"failed output checks:    {failed}")
    print(f"slowest per 10 kB:       {worst.slowest_per_10kb[0]:.3f} s ({worst_name}: {worst.slowest_per_10kb[1]:.3f} s "
          f"for {worst.slowest_per_10kb[2]} characters; inputs under {FLOOR} count as {FLOOR})")
    over = sum(t.over_target for t in tallies.values())
    print(f"examples at {PER_10KB_TARGET:g} s per 10 kB or more: {over} of {total_run}"
          + (" (" + ", ".join(f"{name} {t.over_target}" for name, t in tallies.items() if t.over_target) + ")"
             if over else ""))
    print(f"slowest example:         {slow.slowest[0]:.3f} s ({slow_name}, {slow.slowest[1]} characters)")
    print(f"largest input:           {max(t.largest for t in tallies.values())} characters")
    print(f"wall time:               {time.monotonic() - started:.0f} s")
    ok = not exceptions and not failed and worst.slowest_per_10kb[0] < PER_10KB_TARGET and not skipped
    print("result:                  " + ("all targets met" if ok else "TARGETS MISSED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
