import json
import os
import stat

import pytest

from factcheck.cli import main


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "junit", "github", "html"])
def test_check_every_format_exits_1_on_error(fake_check, capsys, fmt):
    assert main(["check", "x.md", "--format", fmt]) == 1
    assert capsys.readouterr().out


def test_check_output_file(fake_check, tmp_path, capsys):
    out = tmp_path / "r.sarif"
    assert main(["check", "x.md", "--format", "sarif", "--output", str(out)]) == 1
    assert capsys.readouterr().out == ""
    assert json.loads(out.read_text())["version"] == "2.1.0"


def test_check_fail_on_error_ignores_info(fake_check, monkeypatch):
    from factcheck.models import Report
    import factcheck.api

    real = factcheck.api.check

    def only_info(paths, **kw):
        r = real(paths, **kw)
        return Report(r.articles, r.claims, [f for f in r.findings if f.severity == "info"])

    monkeypatch.setattr("factcheck.api.check", only_info)
    assert main(["check", "x.md", "--fail-on", "error"]) == 0
    assert main(["check", "x.md", "--fail-on", "info"]) == 1


def test_check_write_then_use_baseline(fake_check, tmp_path, capsys):
    base = tmp_path / "baseline.yaml"
    assert main(["check", "x.md", "--write-baseline", str(base)]) == 0
    assert "FC101" in base.read_text()
    # the fake api ignores the baseline argument: check it is loaded and passed
    assert main(["check", "x.md", "--baseline", str(base)]) == 1
    assert fake_check[-1][1]["baseline"] is not None and len(fake_check[-1][1]["baseline"].keys) == 2


def test_check_config_flags_reach_the_api(fake_check, tmp_path, monkeypatch):
    (tmp_path / ".factcheck.toml").write_text('lang = "en"\nignore = ["FC105"]\nexclude = ["*/drafts/*"]\n')
    monkeypatch.chdir(tmp_path)
    main(["check", "x.md", "--select", "FC1"])
    kwargs = fake_check[-1][1]
    assert kwargs["lang"] == "en"
    ids = [r.id for r in kwargs["rules"]]
    assert "FC101" in ids and "FC105" not in ids
    assert kwargs["path_filter"]("stories/drafts/a.md") is False


def test_check_bad_config_exits_2(fake_check, tmp_path, monkeypatch, capsys):
    (tmp_path / ".factcheck.toml").write_text('select = ["FC9"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["check", "x.md"]) == 2
    assert "FC9" in capsys.readouterr().err


def test_check_changed_since_outside_git_exits_2(fake_check, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["check", "x.md", "--changed-since", "main"]) == 2
    assert "git" in capsys.readouterr().err


def test_check_no_progress_when_stderr_not_a_tty(fake_check, capsys):
    main(["check", "x.md"])
    assert capsys.readouterr().err == ""


def test_check_output_through_a_symlink_keeps_the_link(fake_check, tmp_path, capsys):
    target = tmp_path / "kept.sarif"
    target.write_text("")
    link = tmp_path / "r.sarif"
    link.symlink_to(target)
    assert main(["check", "x.md", "--format", "sarif", "-o", str(link)]) == 1
    assert link.is_symlink() and json.loads(target.read_text())["version"] == "2.1.0"


@pytest.mark.skipif(not os.access("/dev/null", os.W_OK), reason="/dev/null is not writable here")
def test_check_output_dev_null_stays_a_device(fake_check, capsys):
    assert main(["check", "x.md", "-o", "/dev/null"]) == 1
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# Several reports from one run ---------------------------------------------------------------

def test_check_writes_every_requested_format_from_one_run(fake_check, tmp_path, capsys):
    sarif, junit_xml, js = tmp_path / "r.sarif", tmp_path / "r.xml", tmp_path / "r.json"
    assert main(["check", "x.md", "--format", "github", "--format", f"sarif:{sarif}",
                 "--format", f"junit:{junit_xml}", "--format", f"JSON:{js}"]) == 1
    assert len(fake_check) == 1  # one check, four reports
    out = capsys.readouterr().out
    assert out.startswith("::error file=") and "FC101" in out
    assert json.loads(sarif.read_text())["runs"][0]["results"][0]["ruleId"] == "FC101"
    assert "<testsuites>" in junit_xml.read_text()
    assert json.loads(js.read_text())["findings"][0]["rule"] == "FC101"


def test_check_format_without_path_goes_to_output(fake_check, tmp_path, capsys):
    out = tmp_path / "report.txt"
    assert main(["check", "x.md", "--format", "sarif:-", "--format", "text", "-o", str(out)]) == 1
    assert json.loads(capsys.readouterr().out)["version"] == "2.1.0"
    assert "unit-slip" in out.read_text()


@pytest.mark.parametrize("argv, needle", [
    (["--format", "json", "--format", "text"], "json, text would all be written to stdout"),
    (["--format", "json:-", "--format", "text"], "json, text would all be written to stdout"),
    (["--format", "json", "--format", "text", "-o", "r.txt"], "json, text would all be written to r.txt"),
    (["--format", "json:r.out", "--format", "sarif:./r.out"], "json, sarif would all be written to r.out"),
])
def test_check_conflicting_outputs_are_one_line_errors(fake_check, tmp_path, monkeypatch, capsys, argv, needle):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "x.md", *argv]) == 2
    err = capsys.readouterr().err
    assert needle in err and len(err.strip().splitlines()) == 1
    assert fake_check == [] and list(tmp_path.iterdir()) == []  # refused before checking or writing


@pytest.mark.parametrize("spec, needle", [("pdf", "unknown format 'pdf'"), ("sarif:", "give a file after the colon")])
def test_check_bad_format_spec_is_a_usage_error(fake_check, capsys, spec, needle):
    assert main(["check", "x.md", "--format", spec]) == 2
    assert needle in capsys.readouterr().err
