import json

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
