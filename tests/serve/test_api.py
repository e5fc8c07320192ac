"""The HTTP API: each endpoint on the Alençon archive, through a TestClient."""

from __future__ import annotations

import io
import json
import time

import pytest

from desk_archive import DRAFT, DRAFT_NAME, make_app

from factcheck.cli import main


def _check(client, **extra):
    r = client.post("/api/check", json={"text": DRAFT, "name": DRAFT_NAME, **extra})
    assert r.status_code == 200, r.text
    return r


def test_check_gives_the_json_document_of_the_cli(client, monkeypatch, capsys):
    body = _check(client).json()
    (client.root / DRAFT_NAME).write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(client.root)
    code = main(["check", DRAFT_NAME, "--against", str(client.store), "--format", "json"])
    cli = json.loads(capsys.readouterr().out)
    assert code == 1
    assert body == cli
    conflict = [f for f in body["findings"] if f["rule"] == "FC104"]
    assert conflict and {c["text"] for c in conflict[0]["claims"]} >= {"neuf"}
    assert all(f["claims"][0]["path"] == DRAFT_NAME for f in body["findings"])  # limited to the draft


def test_check_answers_with_the_check_id_and_its_page(client):
    r = _check(client)
    cid = r.headers["x-factcheck-check"]
    page = client.get(f"/checks/{cid}")
    assert page.status_code == 200 and "neuf" in page.text


def test_check_detail_report_carries_the_whole_report(client):
    from factcheck.report.wire import from_wire

    data = client.post("/api/check?detail=report", json={"text": DRAFT, "name": DRAFT_NAME}).json()
    report = from_wire(data["report"], rename={DRAFT_NAME: "drafts/" + DRAFT_NAME})
    assert len(report.findings) == len(data["document"]["findings"])
    assert report.findings[0].claims[0].path == "drafts/" + DRAFT_NAME
    assert any(a.path == "drafts/" + DRAFT_NAME for a in report.articles)


@pytest.mark.parametrize("body, message", [
    ({"lang": "fr"}, "text"),
    ({"text": DRAFT, "date": "le 3 mai"}, "YYYY-MM-DD"),
    ({"text": DRAFT, "lang": "xx"}, "xx"),
    ({"text": "   "}, ""),
])
def test_check_refuses_bad_input_with_one_line(client, body, message):
    r = client.post("/api/check", json=body)
    assert r.status_code == 422
    error = r.json()["error"]
    assert message in error and "\n" not in error


def test_check_takes_an_uploaded_markdown_file(client):
    r = client.post("/api/check", files={"file": (DRAFT_NAME, DRAFT.encode(), "text/markdown")})
    assert r.status_code == 200, r.text
    assert any(f["rule"] == "FC104" for f in r.json()["findings"])
    assert r.json()["findings"][0]["claims"][0]["path"] == DRAFT_NAME


def test_check_takes_an_uploaded_docx(client):
    import docx

    doc = docx.Document()
    doc.add_heading("Alençon : la BAC renforcée", level=1)
    for line in DRAFT.split("---")[2].strip().splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    r = client.post("/api/check", data={"date": "2023-12-20"},
                    files={"file": ("brouillon.docx", buf.getvalue(),
                                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")})
    assert r.status_code == 200, r.text
    findings = r.json()["findings"]
    assert any(f["rule"] == "FC104" and any(c["text"] == "neuf" for c in f["claims"]) for f in findings)
    assert findings[0]["claims"][0]["path"] == "brouillon.docx"


@pytest.mark.parametrize("name, data", [("draft.pdf", b"%PDF-1.4"), ("draft.docx", b"not a zip"),
                                        ("draft.txt", b"\xff\xfe\x00bad")])
def test_check_refuses_an_unreadable_upload(client, name, data):
    r = client.post("/api/check", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code == 422 and name in r.json()["error"]


def test_stories_and_their_claims(client):
    stories = client.get("/api/stories").json()
    assert stories and all({"id", "title", "articles"} <= set(s) for s in stories)
    alencon = next(s for s in stories if any("a-crack-gagne-alencon" in a["path"] for a in s["articles"]))
    claims = client.get(f"/api/stories/{alencon['id']}/claims").json()
    assert any(c["text"] == "cinq" and c["subject"] == "policier" for c in claims)
    assert all(c["story"] == alencon["id"] for c in claims)
    assert client.get("/api/stories/no-such-story/claims").status_code == 404


def test_claims_search_by_subject_place_and_value(client):
    rows = client.get("/api/claims", params={"subject": "policier", "min": "4", "max": "6"}).json()
    assert rows and all(4 <= float(r["value"]) <= 6 and "policier" in r["subject"] for r in rows)
    assert client.get("/api/claims", params={"min": "beaucoup"}).status_code == 422


def _wait_job(client, job_id):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = client.get(f"/api/index/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError("the index run did not finish")


def test_index_a_folder_under_the_root_and_poll_it(client):
    folder = client.root / "incoming" / "ostrevent"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("---\ntitle: Ostrevent vote\ndate: 2024-06-09\n---\nÀ Ostrevent-sur-Mer, "
                                 "la participation a atteint 54 % dimanche.\n", encoding="utf-8")
    r = client.post("/api/index", json={"path": "incoming/ostrevent"})
    assert r.status_code == 202
    job = _wait_job(client, r.json()["id"])
    assert job["status"] == "done" and job["indexed"] == 1, job
    assert any(a["path"].endswith("ostrevent/a.md") for s in client.get("/api/stories").json() for a in s["articles"])


@pytest.mark.parametrize("path", ["/etc", "../..", "incoming/../../..", "/"])
def test_index_refuses_a_path_outside_the_roots(client, path):
    r = client.post("/api/index", json={"path": path})
    assert r.status_code == 403 and "outside the archive roots" in r.json()["error"]


def test_index_of_a_missing_folder_is_422(client):
    assert client.post("/api/index", json={"path": "nowhere"}).status_code == 422
    assert client.get("/api/index/nope").status_code == 404


def test_decisions_and_the_baseline_export(client, monkeypatch, capsys):
    r = _check(client)
    cid = r.headers["x-factcheck-check"]
    view = client.app.state.desk.check_view(cid)
    key = view.findings[0].key
    refused = client.post("/api/decisions", json={"check": cid, "finding": key, "status": "accepted"})
    assert refused.status_code == 422 and "reviewer" in refused.json()["error"]
    d = client.post("/api/decisions", json={"check": cid, "finding": key, "status": "accepted",
                                            "note": "chiffre confirmé par la préfecture", "reviewer": "Ana"})
    assert d.status_code == 200 and d.json()["status"] == "accepted"
    for other in view.findings[1:]:
        client.post("/api/decisions", json={"check": cid, "finding": other.key, "status": "accepted",
                                            "reviewer": "Ana"})
    assert [x["reviewer"] for x in client.get("/api/decisions").json()][0] == "Ana"
    text = client.get("/api/decisions/baseline").text
    assert "chiffre confirmé" in text and "Ana" in text
    (client.root / "baseline.yml").write_text(text, encoding="utf-8")
    (client.root / DRAFT_NAME).write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(client.root)
    assert main(["check", DRAFT_NAME, "--against", str(client.store), "--baseline", "baseline.yml"]) == 0
    capsys.readouterr()
    as_json = client.get("/api/decisions/baseline?format=json").json()
    assert len(as_json["findings"]) == len(view.findings)
    assert client.post("/api/decisions", json={"check": "nope", "finding": key, "status": "fixed"}).status_code == 404


def test_decisions_survive_a_restart(fresh_store):
    from fastapi.testclient import TestClient



    root, store = fresh_store
    with TestClient(make_app(store, root)) as c:
        cid = _check(c).headers["x-factcheck-check"]
        key = c.app.state.desk.check_view(cid).findings[0].key
        c.post("/api/decisions", json={"check": cid, "finding": key, "status": "fixed", "reviewer": "Léa"})
    with TestClient(make_app(store, root)) as c:
        assert c.get("/api/decisions").json()[0]["key"] == key
        assert "Léa" in c.get(f"/checks/{cid}").text


def test_openapi_description_at_api_docs(client):
    schema = client.get("/api/docs", headers={"Accept": "application/json"}).json()
    assert schema["openapi"].startswith("3.")
    for path in ("/api/check", "/api/stories", "/api/stories/{story_id}/claims", "/api/index",
                 "/api/decisions/baseline"):
        assert path in schema["paths"], path
    content = schema["paths"]["/api/check"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(content)
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/check" in page.text
