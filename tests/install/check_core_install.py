"""factcheck installed the way a user installs it: ``pip install .``, no extras.

Run by ``make test`` after pytest. It makes a fresh virtual environment (``.venv-core``
beside the Makefile), installs the package without extras, checks that no ``dev`` extra
came along, then runs ``factcheck check`` on a French and an English story written for
this check (``stories/``). Each story holds one unit slip, so factcheck must exit 1, with
its finding on stdout and nothing like a traceback on stderr. ``factcheck index --engine
ray``, which needs an extra, must say in one line to install it (exit 2).

    python tests/install/check_core_install.py [--keep]

``--keep`` reuses ``.venv-core`` when it exists (faster while developing; the package
itself is reinstalled every time). Exit 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VENV = ROOT / ".venv-core"
STORIES = {"fr": (HERE / "stories" / "fr", "FC101"), "en": (HERE / "stories" / "en", "FC101")}
# importable only through an extra: their presence would mean the check proves nothing
EXTRAS_ONLY = ("pytest", "hypothesis", "quantulum3", "sklearn", "playwright", "ray")


def say(msg: str) -> None:
    print(f"core-install: {msg}", flush=True)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep", action="store_true", help="reuse .venv-core if it exists")
    args = ap.parse_args(argv)
    started = time.monotonic()
    python = VENV / "bin" / "python"
    if VENV.exists() and not args.keep:
        shutil.rmtree(VENV)
    if not python.exists():
        res = run([sys.executable, "-m", "venv", str(VENV)])
        if res.returncode != 0:
            say(f"FAIL: cannot create {VENV.name}: {res.stderr.strip()}")
            return 1
    res = run([str(python), "-m", "pip", "install", "--quiet", str(ROOT)])
    if res.returncode != 0:
        say("FAIL: pip install . (no extras) failed:\n" + res.stdout + res.stderr)
        return 1
    probe = "import importlib.util as u, sys; print(' '.join(m for m in sys.argv[1:] if u.find_spec(m)))"
    leaked = run([str(python), "-c", probe, *EXTRAS_ONLY]).stdout.split()
    if leaked:
        say(f"FAIL: {', '.join(leaked)} installed without extras; this check would prove nothing")
        return 1
    failures = 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    for lang, (story, rule) in STORIES.items():
        res = run([str(VENV / "bin" / "factcheck"), "check", str(story), "--format", "json"], env=env, cwd=ROOT)
        problems = []
        if res.returncode != 1:
            problems.append(f"exit code {res.returncode}, expected 1 (one finding)")
        if "Traceback (most recent call last)" in res.stderr:
            problems.append("a traceback on stderr")
        if f'"rule": "{rule}"' not in res.stdout:
            problems.append(f"no {rule} finding in the JSON report")
        if problems:
            failures += 1
            say(f"FAIL: {lang} story: {'; '.join(problems)}\n--- stderr ---\n{res.stderr[-3000:]}")
        else:
            say(f"ok: {lang} story ({story.relative_to(ROOT)}): exit 1, {rule} found, clean stderr")
    failures += check_engine_needs_extra(env)
    say(f"{'FAILED' if failures else 'passed'} in {time.monotonic() - started:.0f} s")
    return 1 if failures else 0


def check_engine_needs_extra(env: dict[str, str]) -> int:
    """``index --engine ray`` without the ray extra: one line naming the extra, exit 2."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="factcheck-core-") as tmp:
        res = run([str(VENV / "bin" / "factcheck"), "index", str(STORIES["fr"][0]), "--engine", "ray",
                   "--store", os.path.join(tmp, "store.sqlite")], env=env, cwd=ROOT)
    lines = res.stderr.strip().splitlines()
    if res.returncode != 2 or len(lines) != 1 or "install factcheck[ray]" not in lines[0]:
        say(f"FAIL: index --engine ray without the extra: exit {res.returncode}, stderr:\n{res.stderr[-2000:]}")
        return 1
    say("ok: index --engine ray without the ray extra: exit 2, one line naming factcheck[ray]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
