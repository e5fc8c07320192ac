"""factcheck benchmarks: extraction, check, alignment, hostile input, claim store, Ray engine. Prints Markdown tables, writes bench/out/results.md.

    python bench/run.py [--quick] [--only extract|check|align|hostile|index|ray|against|serve]

Every row runs in a fresh subprocess (bench/workers.py), so its peak RSS and its model
load time are its own. The corpus is synthetic and deterministic (bench/corpus.py).
Benchmarks report; they assert nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SEED = 1234

FULL = {"extract_n": 1000, "rt_n": 30, "stories": 100, "per_story": 10, "align": [10_000, 100_000, 1_000_000],
        "feed": 20_000, "line": 5_000_000, "index_stories": 1000, "index_changed": 100,
        "ray_stories": 100, "against_stories": 100, "against_copies": [1, 10, 100],
        "serve_stories": 100, "serve_requests": 200, "serve_copies": 10, "serve_workers": [0, None]}
QUICK = {"extract_n": 60, "rt_n": 4, "stories": 10, "per_story": 4, "align": [2_000, 10_000, 50_000],
         "feed": 1_000, "line": 250_000, "index_stories": 20, "index_changed": 10,
         "ray_stories": 4, "against_stories": 10, "against_copies": [1, 10],
         "serve_stories": 5, "serve_requests": 40, "serve_copies": 2, "serve_workers": [0, None]}


def run_row(name: str, **args) -> dict:
    """Run one row in a fresh interpreter and return its JSON result (plus the load average)."""
    load_before = os.getloadavg()[0]
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(HERE / "workers.py"), name, json.dumps(args)],
                          capture_output=True, text=True)
    wall = time.perf_counter() - t
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH-RESULT ")]
    if proc.returncode != 0 or not lines:
        tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
        print(f"  ! row {name} {args} failed (exit {proc.returncode}):\n{tail}", file=sys.stderr)
        return {"error": tail.splitlines()[-1] if tail else f"exit {proc.returncode}"}
    result = json.loads(lines[-1][len("BENCH-RESULT "):])
    result["wall"] = wall
    result["loadavg"] = (load_before, os.getloadavg()[0])
    print(f"  {name} {args}: {result['elapsed']:.1f} s (process {wall:.1f} s)", file=sys.stderr)
    return result


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    align_right = [i > 0 for i in range(len(headers))]

    def line(cells):
        return "| " + " | ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, align_right)) + " |"

    sep = "|" + "|".join(("-" * (w + 1) + ":") if r else (":" + "-" * (w + 1)) for w, r in zip(widths, align_right)) + "|"
    return "\n".join([line(headers), sep, *(line(r) for r in rows)])


def _mem(r: dict) -> str:
    s = f"{r['rss_self_mb']:.0f}"
    if r.get("rss_children_mb"):
        s += f" (+{r['rss_children_mb']:.0f}/worker)"
    return s


def _la(r: dict) -> str:
    return f"{r['loadavg'][0]:.1f}→{r['loadavg'][1]:.1f}"


def bench_extract(cfg: dict) -> str:
    n, rt_n = cfg["extract_n"], cfg["rt_n"]
    cores = os.cpu_count() or 1
    specs = [
        ("factcheck `extract_articles` (n_process auto)", "factcheck", {"n": n, "seed": SEED}),
        ("factcheck `extract_articles` (n_process=1)", "factcheck", {"n": n, "seed": SEED, "n_process": 1}),
        ("bare spaCy fr_core_news_md, n_process=1", "spacy", {"n": n, "seed": SEED, "n_process": 1}),
        (f"bare spaCy fr_core_news_md, n_process={min(2, cores) if cores > 1 else 2}", "spacy",
         {"n": n, "seed": SEED, "n_process": 2}),
        ("Recognizers-Text French (7 models)", "recognizers", {"n": rt_n, "seed": SEED}),
    ]
    results = {}
    rows = []
    for label, name, args in specs:
        r = run_row(name, **args)
        results[label] = r
        if "error" in r:
            rows.append([label, str(args["n"]), "error", "—", "—", "—", "—", r["error"][:60]])
            continue
        aps = r["articles"] / r["elapsed"]
        hps = f"{r['hits'] / r['elapsed']:,.0f}" if r.get("hits") is not None else "—"
        rows.append([label, str(r["articles"]), f"{r['elapsed']:.1f}", f"{aps:.2f}", hps, _mem(r),
                     f"{r['load']:.1f}", _la(r)])
    out = [f"## Extraction ({n} synthetic French articles, ~410 words each; batch_size=64)\n",
           table(["row", "articles", "time (s)", "articles/s", "claims or hits/s", "peak RSS (MB)", "load (s)",
                  "load avg"], rows)]
    fc = results[specs[0][0]]
    fc1 = results[specs[1][0]]
    sp1 = results[specs[2][0]]
    sp2 = results[specs[3][0]]
    rt = results[specs[4][0]]
    if not any("error" in r for r in (fc, fc1, sp1, sp2, rt)):
        rate = lambda r: r["articles"] / r["elapsed"]  # noqa: E731
        best_bare = max(rate(sp1), rate(sp2))
        out.append("")
        out.append(f"- factcheck (auto) / bare spaCy n_process=1: **{rate(fc) / rate(sp1):.2f}×**; "
                   f"/ best bare row: **{rate(fc) / best_bare:.2f}×** (goal ≥ 1×: "
                   f"{'met' if rate(fc) >= best_bare else 'not met'}).")
        out.append(f"- factcheck n_process=1 / bare spaCy n_process=1: **{rate(fc1) / rate(sp1):.2f}×** "
                   f"(same number of processes).")
        out.append(f"- factcheck (auto) / Recognizers-Text: **{rate(fc) / rate(rt):.1f}×** (goal ≥ 3×: "
                   f"{'met' if rate(fc) >= 3 * rate(rt) else 'not met'}). Recognizers-Text ran on the first "
                   f"{rt['articles']} articles only; hits per kind: {rt.get('per_kind')}.")
        out.append(f"- bare spaCy n_process=2 / n_process=1: {rate(sp2) / rate(sp1):.2f}×.")
    out.append("- Claims/hits are not comparable between tools: factcheck claims are resolved quantities; "
               "Recognizers-Text hits count every model's matches (numbers include the articles un/une). "
               "Bare spaCy finds no claims. Peak RSS is `ru_maxrss` of the row's own process; "
               "`+N/worker` is the largest child process (n_process > 1). Load = model load "
               "(for Recognizers-Text: building the 7 models and a first parse).")
    return "\n".join(out)


def bench_check(cfg: dict) -> str:
    stories, per = cfg["stories"], cfg["per_story"]
    out = [f"## Check ({stories * per} articles in {stories} stories, Markdown with front matter in a temp dir)\n"]
    rows = []
    for label, extra in (("`check(story_dirs)`, one call, n_process auto", {}),
                         ("`check(story_dirs, n_process=1)`, one call", {"n_process": 1})):
        r = run_row("check", n_stories=stories, per_story=per, seed=SEED, **extra)
        if "error" in r:
            rows.append([label, "error", "—", "—", "—", "—", "—", "—", "—", "—", "—", "—", r["error"][:60]])
            continue
        st = r["stages"]
        rows.append([label, str(r["articles"]), str(r["claims"]), str(r["findings"]), f"{r['elapsed']:.1f}",
                     f"{r['articles'] / r['elapsed']:.2f}", f"{st.get('load_paths', 0):.1f}",
                     f"{st.get('extract_articles', 0):.1f}", f"{st.get('align', 0):.1f}",
                     f"{st.get('load_rules', 0) + st.get('apply_rules', 0):.1f}", _mem(r), f"{r['load']:.1f}",
                     _la(r)])
    out.append(table(["call", "articles", "claims", "findings", "time (s)", "articles/s", "load_paths",
                      "extract", "align", "rules", "peak RSS (MB)", "model load (s)", "load avg"], rows))
    out.append("\nOne `factcheck.api.check` call with every story folder. Model loaded (`nlp_for('fr')`) before "
               "the clock starts; stage times (s) from wrapping the functions `check` calls.")
    return "\n".join(out)


def bench_align(cfg: dict) -> str:
    rows = []
    for n in cfg["align"]:
        r = run_row("align", n=n, seed=SEED)
        if "error" in r:
            rows.append([f"{n:,}", "error", "—", "—", "—", "—", "—", "—"])
            continue
        nlogn = n * math.log2(n)
        rows.append([f"{r['claims']:,}", f"{r['pairs']:,}", f"{r['build']:.1f}", f"{r['elapsed']:.2f}",
                     f"{r['elapsed'] / n * 1e6:.0f}", f"{r['elapsed'] / nlogn * 1e6:.2f}", _mem(r), _la(r)])
    out = ["## Alignment (`synthetic_claims(n, seed)` then `align(claims)`; one process per size)\n",
           table(["claims", "candidate pairs", "build (s)", "align (s)", "µs/claim", "µs per n·log2 n",
                  "peak RSS (MB)", "load avg"], rows),
           "\nThe clock covers `align` only (not building the claims); a 200-claim warm-up first pays the "
           "one-time pint import and unit registry (several seconds), which would otherwise inflate the "
           "smallest size. A flat or falling last-but-one column means growth no faster than n log n."]
    return "\n".join(out)


def bench_hostile(cfg: dict) -> str:
    rows = []
    specs = [(f"JSON Lines feed, {cfg['feed']:,} one-sentence items", "feed", cfg["feed"], 120),
             (f"one line of {cfg['line']:,} digits ({cfg['line'] / 1e6:g} MB)", "line", cfg["line"], None)]
    for label, kind, size, bound in specs:
        for command in ("extract", "check"):
            r = run_row("hostile", kind=kind, command=command, size=size, seed=SEED)
            if "error" in r:
                rows.append([label, f"`{command}`", "error", "—", "—", "—", "—", "—", r["error"][:60]])
                continue
            verdict = "—" if bound is None else ("met" if r["elapsed"] < bound else "NOT met")
            rows.append([label, f"`{command}`", f"{r['elapsed']:.1f}", verdict, str(r["claims"]),
                         "—" if r["findings"] is None else str(r["findings"]), str(r["exit"]), _mem(r), _la(r)])
    return "\n".join([
        "## Hostile input (`factcheck extract|check FILE --format json`, in-process, model loaded first)\n",
        table(["input", "command", "time (s)", "< 2 min", "claims", "findings", "exit", "peak RSS (MB)", "load avg"],
              rows),
        "\nThe feed is `bench/corpus.py` `feed()`: one sentence per item, each about its own event, no "
        "`story` key. The time covers reading, extraction, alignment, rules and rendering JSON; the model "
        "load (a few seconds) is not in it. The < 2 min goal is for the feed.",
    ])


def bench_index(cfg: dict) -> str:
    stories, changed = cfg["index_stories"], cfg["index_changed"]
    n = stories * 10
    rows = []
    for jobs in (1, 2):
        r = run_row("index", n_stories=stories, per_story=10, seed=SEED, jobs=jobs,
                    changed=changed if jobs == 1 else 0)
        label = f"`index_paths`, jobs={jobs}"
        if "error" in r:
            rows.append([label, "error", "—", "—", "—", "—", "—", "—", "—", r["error"][:60]])
            continue
        reindex = (f"{r['reindex']:.1f} ({r['reindexed']} re-extracted, {r['unchanged']} unchanged)"
                   if "reindex" in r else "—")
        rows.append([label, str(r["articles"]), str(r["claims"]), f"{r['elapsed']:.1f}",
                     f"{r['articles'] / r['elapsed']:.1f}", f"{r['store_bytes'] / max(1, r['articles']) / 1024:.1f}",
                     f"{r['store_bytes'] / 2 ** 20:.0f}", _mem(r), reindex, _la(r)])
    return "\n".join([
        f"## Claim store (`factcheck index`: {n:,} generated articles in {stories:,} stories, into a new store)\n",
        table(["run", "articles", "claims", "time (s)", "articles/s", "store KB/article", "store MB",
               "peak RSS (MB)", f"re-index after {changed} edits (s)", "load avg"], rows),
        "\nThe time covers listing, hashing, loading, extraction and writing (batches of 200 articles, one "
        "transaction each); the model load is not in it. The re-index run edits every "
        f"{n // max(1, changed)}th file (one sentence appended) and indexes the same folder again: only those "
        "files are parsed. Store size is the SQLite file (WAL included) divided by the articles.",
    ])


def bench_ray(cfg: dict) -> str:
    stories = cfg["ray_stories"]
    n = stories * 10
    r = run_row("ray", n_stories=stories, per_story=10, seed=SEED, jobs=[1, 2])
    head = f"## Ray engine (`factcheck index --engine ray`: {n:,} generated articles in {stories:,} stories)\n"
    if "error" in r:
        return head + f"\nerror: {r['error']}"
    base = r["articles"] / r["elapsed"]
    rows = [["`index_paths`, one process", str(r["articles"]), str(r["claims"]), "—", f"{r['elapsed']:.1f}",
             f"{base:.2f}", "1.00", "—"]]
    for run in r["runs"]:
        rate = run["articles"] / run["elapsed"]
        rows.append([f"Ray, {run['jobs']} actor{'s' if run['jobs'] > 1 else ''} (local, {run['jobs']} CPU)",
                     str(run["articles"]), str(run["claims"]), f"{run['start']:.1f}",
                     f"{run['elapsed']:.1f} (plan {run['plan']:.1f}, extract {run['extract']:.1f}, "
                     f"import {run['import']:.1f})", f"{rate:.2f}", f"{rate / base:.2f}",
                     "yes" if run["equal"] else "NO"])
    return "\n".join([
        head,
        table(["run", "articles", "claims", "Ray start (s)", "time (s)", "articles/s", "vs one process",
               "store equal"], rows),
        f"\nThe single-process row is `index_paths` with the model loaded first ({r['load']:.1f} s, not counted). "
        "A Ray row's time covers planning (hashing against the store), extraction on the actors (each loads the "
        "spaCy pipeline: counted), writing the Parquet shards and importing them; starting Ray is in its own "
        "column. \"store equal\": every row of the files, articles and claims tables equals the single-process "
        f"store's. Load average {_la(r)}.",
    ])


def bench_against(cfg: dict) -> str:
    stories, copies = cfg["against_stories"], cfg["against_copies"]
    r = run_row("against", n_stories=stories, per_story=10, seed=SEED, copies=copies)
    rows = []
    for s in r["sizes"]:
        rows.append([f"{s['articles']:,}", f"{s['claims']:,}", f"{s['store_bytes'] / 2 ** 20:.0f}",
                     f"{s['warm_median'] * 1000:.0f} / {s['warm_max'] * 1000:.0f}",
                     f"{s['warm_long_median'] * 1000:.0f} / {s['warm_long_max'] * 1000:.0f}",
                     f"{s['drafts_with_findings']}/{s['drafts']}",
                     f"{s['cold']:.2f} ({s['cold'] - s['load_cold']:+.2f})", str(s["cold_exit"])])
    return "\n".join([
        f"## A draft against the store (`check_draft`, `factcheck check DRAFT --against`; {r['articles']:,} indexed "
        "articles, grown by copies)\n",
        table(["articles in store", "claims", "store (MB)", "warm check_draft median / max (ms)",
               f"the same at ~{r['sizes'][0]['long_words']} words (ms)",
               "drafts with findings", "cold CLI s (vs model load)", "exit"], rows),
        f"\nIndexed once ({r['index']:.0f} s for {r['articles']:,} articles), then copied under new article keys and "
        "story ids (the names in the story index suffixed per copy, so each copy is a story of its own) to make "
        f"the larger stores. Drafts: {r['sizes'][0]['drafts']} articles of the corpus (~{r['sizes'][0]['words']} "
        "words) with one figure changed; warm = `api.check_draft` in a process with the French model loaded; cold = "
        f"a new `factcheck check --against` process, shown against a process that only loads the model "
        f"({', '.join(format(s['load_cold'], '.2f') for s in r['sizes'])} s beside each store; both timed from outside, "
        "in turns, median of 5, bytecode cached as installed). "
        f"Peak RSS of the warm process: {_mem(r)} MB. "
        f"Load average {_la(r)}.\n",
    ])


def bench_serve(cfg: dict) -> str:
    stories, n_req, copies = cfg["serve_stories"], cfg["serve_requests"], cfg["serve_copies"]
    r = run_row("serve", n_stories=stories, per_story=10, seed=SEED, requests=n_req, concurrency=8, copies=copies,
                workers=cfg["serve_workers"])
    head = (f"## The desk (`factcheck serve`: {n_req} `POST /api/check`, 8 concurrent, loopback, against a store "
            f"of {stories * 10 * copies:,} articles)\n")
    if "error" in r:
        return head + f"\nerror: {r['error']}"
    rows = []
    for run in r["runs"]:
        label = ("default workers" if run["workers"] is None else
                 "0 workers (checks in the web process)" if run["workers"] == 0 else f"{run['workers']} workers")
        rows.append([label, str(run["errors"]), f"{run['p50'] * 1000:.0f}", f"{run['p95'] * 1000:.0f}",
                     f"{run['max'] * 1000:.0f}", f"{run['requests'] / run['elapsed']:.1f}",
                     f"{run['decisions_present']}/{run['decisions']}", f"{run['startup']:.1f}",
                     f"{run['loadavg'][0]:.1f}→{run['loadavg'][1]:.1f}"])
    failures = "; ".join(f for run in r["runs"] for f in run["failures"])
    grown = (f"{r['indexed']:,} generated articles indexed ({r['index']:.0f} s), then copied "
             f"{r['copies']} times by `_replicate` (new article keys and story ids, the names of the story index "
             f"suffixed per copy, so each copy is a story of its own; {r['grow']:.0f} s)"
             if r["copies"] > 1 else f"{r['indexed']:,} generated articles indexed in {r['index']:.0f} s")
    return "\n".join([
        head,
        table(["server", "errors", "p50 (ms)", "p95 (ms)", "max (ms)", "checks/s", "decisions kept",
               "start-up (s)", "load avg"], rows),
        f"\nThe store ({r['articles']:,} articles, {r['claims']:,} claims): {grown}, not counted. Each draft is "
        "one of the generated articles under a new name, so every check finds its story among all the copies. "
        "The server runs in its own process; its check workers each hold their pipelines and only read the store, "
        "so N workers check N drafts at once (with 0, one at a time in the web process). Latency under 8 "
        "concurrent clients is mostly queueing: p50 ≈ 8 × the time of one check / the cores in use. Every fifth "
        "check is followed by a decision (POST /api/decisions) while the load runs; \"decisions kept\" counts "
        "those found afterwards in GET /api/decisions. Start-up is the time until the port answers (every worker's "
        "pipelines loaded)." + (f" Failures: {failures}." if failures else ""),
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    ap.add_argument("--only", choices=["extract", "check", "align", "hostile", "index", "ray", "against", "serve"], help="run one section")
    ap.add_argument("--rt-articles", type=int, help="articles for Recognizers-Text (default 30, quick 4)")
    args = ap.parse_args(argv)
    cfg = dict(QUICK if args.quick else FULL)
    if args.rt_articles:
        cfg["rt_n"] = args.rt_articles
    import spacy

    head = [f"# factcheck benchmarks{' (quick)' if args.quick else ''}\n",
            f"{dt.datetime.now().isoformat(timespec='seconds')} · Python {platform.python_version()} · "
            f"spaCy {spacy.__version__} · {os.cpu_count()} cores · {platform.machine()} · "
            f"load average at start {os.getloadavg()[0]:.2f} (other processes share this machine: "
            "the load column shows the 1-min load average before→after each row)\n"]
    sections = []
    t = time.perf_counter()
    for name, fn in (("extract", bench_extract), ("check", bench_check), ("align", bench_align),
                     ("hostile", bench_hostile), ("index", bench_index), ("ray", bench_ray),
                     ("against", bench_against), ("serve", bench_serve)):
        if args.only in (None, name):
            print(f"{name} …", file=sys.stderr)
            sections.append(fn(cfg))
            print(sections[-1] + "\n", flush=True)
    text = "\n".join(head) + "\n" + "\n\n".join(sections) + f"\n\nTotal benchmark time {time.perf_counter() - t:.0f} s.\n"
    OUT.mkdir(exist_ok=True)
    name = "results" + (f"-{args.only}" if args.only else "") + ("-quick" if args.quick else "") + ".md"
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"written to {OUT / name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
