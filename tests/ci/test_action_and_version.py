"""The GitHub Action checks once, and the version named in the docs is the package's."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import yaml

import factcheck
from factcheck.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _action_steps():
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["runs"]["steps"]


def _factcheck_commands(script: str) -> list[list[str]]:
    joined = script.replace("\\\n", " ")
    return [shlex.split(line.strip()) for line in joined.splitlines() if line.strip().startswith("factcheck ")]


def test_action_runs_the_check_once_and_writes_both_reports():
    runs = [cmd for step in _action_steps() for cmd in _factcheck_commands(step.get("run", ""))]
    assert len(runs) == 1, runs
    [cmd] = runs
    assert cmd[:2] == ["factcheck", "check"]
    formats = [cmd[i + 1] for i, word in enumerate(cmd) if word == "--format"]
    assert formats == ["github", "sarif:factcheck.sarif"]
    upload = [s for s in _action_steps() if "upload-sarif" in str(s.get("uses", ""))]
    assert upload and upload[0]["with"]["sarif_file"] == "factcheck.sarif" and "always()" in upload[0]["if"]


def test_action_command_line_is_accepted_by_the_parser():
    from factcheck.cli import build_parser

    [script] = [s["run"] for s in _action_steps() if "factcheck check" in s.get("run", "")]
    script = (script.replace("$FACTCHECK_PATHS", "articles/").replace('"${changed[@]}"', "--changed-since origin/main")
              .replace('"$FACTCHECK_FAIL_ON"', "warning"))
    [cmd] = _factcheck_commands(script)
    args = build_parser().parse_args(cmd[1:])
    assert args.paths == ["articles/"] and args.fail_on == "warning" and args.changed_since == "origin/main"
    assert args.formats == [("github", None), ("sarif", "factcheck.sarif")]


def test_version_has_one_source():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert factcheck.__version__ == project["version"]


def test_docs_name_the_current_release(capsys):
    """Every `rev: vX` (pre-commit) and `factcheck/factcheck@vX` (Actions) in the README and
    docs is this version's tag."""
    tag = f"v{factcheck.__version__}"
    found = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        found += [(doc.name, m) for m in re.findall(r"\brev:\s*[\"']?([\w.+-]+)", text)]
        found += [(doc.name, m) for m in re.findall(r"factcheck/factcheck@([\w.+-]+)", text)]
    assert found, "the docs show how to pin a release"
    assert all(ref == tag for _, ref in found), found


def test_version_flag_prints_it(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"factcheck {factcheck.__version__}"
