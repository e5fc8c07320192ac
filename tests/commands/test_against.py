"""``factcheck check DRAFT --against STORE`` and ``api.check_draft``: a draft against the archive."""

from __future__ import annotations

import json

import pytest

from factcheck import api
from factcheck.cli import main

ARTICLE = """---
title: "{title}"
date: {date}
source: {source}
---
{body}
"""

ARCHIVE = {
    "archive/feu/a.md": ("Incendie à Valmorin : 120 hectares détruits", "2024-07-10", "Var Matin Test",
                         "Un incendie a détruit 120 hectares de forêt mardi près de Valmorin, dans le Var. "
                         "Selon les pompiers, 350 sapeurs-pompiers ont été mobilisés et 140 habitants ont été "
                         "évacués."),
    "archive/feu/b.md": ("Valmorin : l'incendie a parcouru 120 hectares", "2024-07-11", "Radio Côte Test",
                         "L'incendie de Valmorin a parcouru 120 hectares de forêt, selon la préfecture du Var. "
                         "Au total, 380 sapeurs-pompiers ont été mobilisés contre les flammes et 165 habitants "
                         "ont été évacués mardi soir."),
    "archive/crue/c.md": ("Crue de la Sarnelle à Bourg-Lavaur", "2024-03-02", "L'Écho Test",
                          "La Sarnelle est sortie de son lit samedi à Bourg-Lavaur. 200 maisons ont été inondées "
                          "et 85 personnes ont été relogées, selon la mairie de Bourg-Lavaur."),
    "archive/crue/d.md": ("Bourg-Lavaur : la Sarnelle redescend", "2024-03-03", "Le Courrier Test",
                          "À Bourg-Lavaur, la Sarnelle redescend. La crue a inondé 200 maisons et 85 personnes "
                          "ont dû être relogées, indique la mairie."),
}

DRAFT = ARTICLE.format(
    title="Valmorin : le feu est fixé", date="2024-07-12", source="Brouillon",
    body="L'incendie de Valmorin, dans le Var, a parcouru 150 hectares de forêt, selon la préfecture du Var. "
         "350 sapeurs-pompiers ont été mobilisés.")

UNRELATED = ARTICLE.format(
    title="Ostrevent-sur-Mer élit son conseil", date="2024-06-09", source="Brouillon",
    body="À Ostrevent-sur-Mer, la participation aux élections municipales a atteint 54 % dimanche.")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """An archive of two stories (a fire, a flood), indexed once for the module."""
    root = tmp_path_factory.mktemp("against")
    for path, (title, date, source, body) in ARCHIVE.items():
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(ARTICLE.format(title=title, date=date, source=source, body=body), encoding="utf-8")
    (root / "drafts").mkdir()
    (root / "drafts" / "valmorin.md").write_text(DRAFT, encoding="utf-8")
    (root / "drafts" / "ostrevent.md").write_text(UNRELATED, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        assert main(["index", "--store", "arch.sqlite", "archive"]) == 0
    return root


def _run(archive, monkeypatch, capsys, *args):
    monkeypatch.chdir(archive)
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_draft_is_compared_with_its_story_in_the_archive(archive, monkeypatch, capsys):
    code, out, err = _run(archive, monkeypatch, capsys, "drafts/valmorin.md", "--against", "arch.sqlite",
                          "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 1, err
    cited = [{(c["path"], c["text"]) for c in f["claims"]} for f in findings]
    assert any({("archive/feu/a.md", "120 hectares"), ("drafts/valmorin.md", "150 hectares")} <= c for c in cited)
    # every finding cites the draft first (the draft repeats one side of the archive's 350/380) …
    assert all(f["claims"][0]["path"] == "drafts/valmorin.md" for f in findings)
    # … and nothing from the other story comes in
    assert not any(c["path"].startswith("archive/crue") for f in findings for c in f["claims"])


def test_the_archive_conflict_the_draft_does_not_touch_is_left_out(archive, monkeypatch, capsys):
    code, out, _ = _run(archive, monkeypatch, capsys, "archive", "--format", "json")
    texts = [sorted(c["text"] for c in f["claims"]) for f in json.loads(out)["findings"]]
    assert ["140", "165"] in texts  # the plain check sees the archive's 140 and 165 evacuated
    _, out, _ = _run(archive, monkeypatch, capsys, "drafts/valmorin.md", "--against", "arch.sqlite",
                     "--format", "json")
    texts = [sorted(c["text"] for c in f["claims"]) for f in json.loads(out)["findings"]]
    assert texts and ["140", "165"] not in texts  # which the draft does not mention


def test_a_draft_that_matches_no_story_says_so_and_is_checked_alone(archive, monkeypatch, capsys):
    code, out, err = _run(archive, monkeypatch, capsys, "drafts/ostrevent.md", "--against", "arch.sqlite")
    assert code == 0
    assert "drafts/ostrevent.md: no story in arch.sqlite matches this draft" in err
    assert "0 findings" in out


def test_against_writes_every_format(archive, monkeypatch, capsys):
    for fmt in ("sarif", "junit", "github", "jsonl"):
        code, out, _ = _run(archive, monkeypatch, capsys, "drafts/valmorin.md", "--against", "arch.sqlite",
                            "--format", fmt)
        assert code == 1 and "valmorin.md" in out, fmt
    sarif = json.loads(_run(archive, monkeypatch, capsys, "drafts/valmorin.md", "--against", "arch.sqlite",
                            "--format", "sarif")[1])
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert locations and all(uri.endswith("drafts/valmorin.md") for uri in locations)  # the draft is primary


def test_against_honours_the_baseline(archive, monkeypatch, capsys, tmp_path):
    baseline = tmp_path / "baseline.yaml"
    assert _run(archive, monkeypatch, capsys, "drafts/valmorin.md", "--against", "arch.sqlite",
                "--write-baseline", str(baseline))[0] == 0
    code, out, _ = _run(archive, monkeypatch, capsys, "drafts/valmorin.md", "--against", "arch.sqlite",
                        "--baseline", str(baseline))
    assert code == 0 and "0 findings" in out


def test_against_a_missing_store_is_one_line_and_exit_2(archive, monkeypatch, capsys):
    code, out, err = _run(archive, monkeypatch, capsys, "drafts/valmorin.md", "--against", "nope.sqlite")
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "nope.sqlite: no claim store here" in err


def test_check_draft_from_the_library_needs_no_file(archive, monkeypatch):
    monkeypatch.chdir(archive)
    body = DRAFT.split("---\n", 2)[2]  # the text alone: title and date given as arguments
    report = api.check_draft(body, store="arch.sqlite", date="2024-07-12", title="Valmorin : le feu est fixé")
    cited = [{c.text for c in f.claims} for f in report.findings]
    assert {"120 hectares", "150 hectares"} in cited
    assert all(any(c.path == "<string>" for c in f.claims) for f in report.findings)


def test_check_draft_reads_through_a_lone_surrogate(archive, monkeypatch):
    """A JSON body may carry "\\udca0", which is no character: read as U+FFFD, offsets kept."""
    monkeypatch.chdir(archive)
    body = DRAFT.split("---\n", 2)[2].replace("Valmorin", "Valmorin\udca0", 1)
    report = api.check_draft(body, store="arch.sqlite", date="2024-07-12", title="Valmorin : le feu est fixé")
    cited = [{c.text for c in f.claims} for f in report.findings]
    assert {"120 hectares", "150 hectares"} in cited
    assert [c.text for c in api.extract("Bilan : 12 morts\udca0 et douze blessés.", lang="fr")] == ["12", "douze"]


def test_check_draft_refuses_a_bad_date(archive, monkeypatch):
    from factcheck.errors import InputError

    monkeypatch.chdir(archive)
    with pytest.raises(InputError, match="give a date as YYYY-MM-DD"):
        api.check_draft("Un texte.", store="arch.sqlite", date="12/07/2024")


def test_a_check_never_waits_for_the_write_lock(archive, monkeypatch):
    """Another process indexing (holding BEGIN IMMEDIATE) does not hold a check up: the store is
    opened read-only and the draft's story look-up only reads."""
    import sqlite3
    import time

    from factcheck.store.store import ClaimStore

    monkeypatch.chdir(archive)
    monkeypatch.setattr("factcheck.store.store.BUSY_TIMEOUT_MS", 200)
    writer = sqlite3.connect("arch.sqlite", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        writer.execute("UPDATE meta SET value = value WHERE key = 'factcheck_version'")
        t = time.perf_counter()
        report = api.check_draft(DRAFT, store="arch.sqlite", path="drafts/valmorin.md")
        assert time.perf_counter() - t < 30
        assert any({"120 hectares", "150 hectares"} <= {c.text for c in f.claims} for f in report.findings)
        with ClaimStore.open("arch.sqlite", readonly=True) as store:
            assert store.readonly
    finally:
        writer.execute("ROLLBACK")
        writer.close()
