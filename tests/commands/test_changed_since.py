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
