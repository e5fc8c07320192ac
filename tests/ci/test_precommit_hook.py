"""The pre-commit hook, run in a temporary git repository.

``pre-commit try-repo`` is not used: for a ``language: python`` hook it builds a fresh
virtualenv and pip-installs this package with spaCy and the French model, which takes
minutes and needs the network. Instead this test does what pre-commit does with the
hook definition in ``.pre-commit-hooks.yaml``: take the staged files, keep those of the
hook's ``types`` (markdown), and run ``entry`` with them as arguments, in the repository,
with the installed ``factcheck``; a non-zero exit blocks the commit.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn")  # what identify tags as "markdown"


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e"}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


def _hook() -> dict:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    return hook


def test_precommit_hook_definition():
    hook = _hook()
    assert hook["id"] == "factcheck" and hook["entry"] == "factcheck check"
    assert hook["language"] == "python" and hook["types"] == ["markdown"]
    assert hook["require_serial"] is True  # all files in one process, so articles meet each other


@pytest.mark.slow
def test_precommit_hook_blocks_a_contradiction(tmp_path):
    hook = _hook()
    _git(tmp_path, "init", "-q")
    (tmp_path / "a.md").write_text("---\nsource: A\n---\nLes douaniers ont saisi 340 g de cocaïne dans le coffre.\n")
    (tmp_path / "b.md").write_text("---\nsource: B\n---\nAu total, 340 kg de cocaïne ont été saisis dans le coffre.\n")
    (tmp_path / "notes.txt").write_text("pas un article markdown\n")
    _git(tmp_path, "add", ".")
    staged = _git(tmp_path, "diff", "--cached", "--name-only", "--diff-filter=ACMRTUXB").split()
    files = sorted(f for f in staged if f.endswith(MARKDOWN))
    assert files == ["a.md", "b.md"]
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", "")}
    proc = subprocess.run([*shlex.split(hook["entry"]), *hook.get("args", []), *files], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 1, proc.stderr
    assert "FC101" in proc.stdout and "a.md" in proc.stdout and "b.md" in proc.stdout
