import os
import subprocess

import pytest

from factcheck.commands.check import changed_files


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@e"})


@pytest.fixture
def repo(tmp_path, monkeypatch):
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "old.md").write_text("old\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "base")
    _git(tmp_path, "checkout", "-qb", "feature")
    (tmp_path / "committed.md").write_text("new\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "feature")
    (tmp_path / "untracked.md").write_text("u\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_changed_since_lists_committed_and_untracked(repo):
    names = {os.path.basename(p) for p in changed_files("main")}
    assert names == {"committed.md", "untracked.md"}


def test_changed_since_unknown_ref_is_input_error(repo):
    from factcheck.errors import InputError

    with pytest.raises(InputError, match="nope"):
        changed_files("nope")


ARTICLE = """---
title: Saisie au port
date: 2024-03-02
lang: fr
---

Les douaniers ont saisi 340 g de cocaïne dans un conteneur.
"""


def test_changed_since_annotates_the_changed_article(tmp_path, monkeypatch, capsys):
    """The old article sorts first, yet the annotation goes to the article the branch adds."""
    import json

    from factcheck.cli import main

    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "a-ancien.md").write_text(ARTICLE)
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "base")
    _git(tmp_path, "checkout", "-qb", "feature")
    (tmp_path / "b-nouveau.md").write_text(ARTICLE.replace("340 g", "340 kg"))
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "feature")
    monkeypatch.chdir(tmp_path)
    assert main(["check", ".", "--changed-since", "main", "--format", "github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith("::error file=b-nouveau.md,") for line in lines)
    assert "see a-ancien.md:7: 340 g" in lines[0]
    assert main(["check", ".", "--changed-since", "main", "--format", "sarif"]) == 1
    [result] = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "b-nouveau.md"
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a-ancien.md"
