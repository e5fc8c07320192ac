from factcheck.report import github

GOLDEN = (
    "::error file=stories/saisie/a.md,line=3,col=25,endColumn=30,title=FC101 unit-slip::"
    "340 g contre 340 kg : même fait (cocaïne), à un facteur 1000 près (confidence 1.00)%0Asee stories/saisie/b.md:1: 340 kg\n"
    "::notice file=stories/saisie/b.md,line=1,col=11,endColumn=17,title=FC105 rounding::"
    "340 kg: rounded, 50%25 of <x>, a,b: c (confidence 1.00)\n"
)


def test_github_golden(report):
    assert github.render(report) == GOLDEN


def test_github_warning_command(report):
    report.findings[0].severity = "warning"
    assert github.render(report).startswith("::warning file=")


def test_github_escape_data():
    assert github.escape_data("50%\r\nx") == "50%25%0D%0Ax"


def test_github_escape_property():
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_paths_relative_to_root(report, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = github.render(report, root=str(tmp_path / "stories"))
    assert "file=saisie/a.md," in out
