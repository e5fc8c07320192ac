"""The desk's defences: token on a non-local bind, CSRF, CSP, escaping, size limits."""

from __future__ import annotations

import re

import pytest

from desk_archive import DRAFT, DRAFT_NAME, make_app

from factcheck.cli import main

TOKEN = "s3cret-token-for-the-tests-0123"


@pytest.fixture
def locked(fresh_store):
    from fastapi.testclient import TestClient

    root, store = fresh_store
    with TestClient(make_app(store, root, token=TOKEN), follow_redirects=False) as c:
        yield c


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def test_the_api_wants_the_token(locked):
    r = locked.get("/api/stories")
    assert r.status_code == 401 and "Bearer" in r.json()["error"]
    assert locked.get("/api/stories", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert locked.get("/api/stories", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    r = locked.post("/api/check", json={"text": DRAFT})
    assert r.status_code == 401


def test_pages_send_to_the_login_and_a_token_login_opens_a_session(locked):
    r = locked.get("/archive")
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=/archive")
    form = locked.get("/login?next=/archive")
    assert form.status_code == 200
    bad = locked.post("/login", data={"csrf": _csrf(form.text), "token": "nope", "next": "/archive"})
    assert bad.status_code == 401
    ok = locked.post("/login", data={"csrf": _csrf(form.text), "token": TOKEN, "next": "/archive"})
    assert ok.status_code == 303 and ok.headers["location"] == "/archive"
    assert locked.get("/archive").status_code == 200
    assert locked.get("/api/stories").status_code == 200  # the session cookie opens the API to the page's JS


def test_login_never_redirects_off_site(locked):
    form = locked.get("/login")
    r = locked.post("/login", data={"csrf": _csrf(form.text), "token": TOKEN, "next": "//evil.example/"})
    assert r.headers["location"] == "/"


def test_forms_without_their_csrf_token_are_refused(client):
    assert client.post("/check", data={"text": DRAFT}).status_code == 403
    assert client.post("/check", data={"text": DRAFT, "csrf": "forged"}).status_code == 403
    assert client.post("/decide", data={"check": "x", "finding": "y", "status": "fixed"}).status_code == 403
    assert client.post("/archive/index", data={"path": "alencon-crack"}).status_code == 403
    page = client.get("/")
    r = client.post("/check", data={"text": DRAFT, "name": DRAFT_NAME, "csrf": _csrf(page.text)},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/checks/")


def test_a_cross_site_post_is_refused(client):
    r = client.post("/api/check", json={"text": DRAFT}, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and "cross-site" in r.json()["error"]
    assert client.post("/api/check", json={"text": DRAFT},
                       headers={"Origin": "http://testserver"}).status_code == 200


def test_every_page_has_a_strict_csp_and_no_inline_script(client):
    for path in ("/", "/archive", "/decisions", "/api/docs"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        assert r.headers["x-frame-options"] == "DENY"
        assert re.findall(r"<script(?![^>]*\bsrc=)", r.text) == []  # only <script src=...>


def test_article_text_is_escaped(client):
    hostile = DRAFT.replace("Brouillon Test", "<img src=x onerror=alert(1)>") + \
        "\n<script>alert('neuf')</script> Les 12 agents <b onmouseover=alert(2)>arrivent</b>.\n"
    r = client.post("/api/check", json={"text": hostile, "name": "x<script>.md", "format": "txt"})
    page = client.get(f"/checks/{r.headers['x-factcheck-check']}").text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b onmouseover" not in page


def test_an_oversized_upload_is_413(fresh_store):
    from fastapi.testclient import TestClient

    root, store = fresh_store
    with TestClient(make_app(store, root, max_bytes=2_000)) as c:
        r = c.post("/api/check", files={"file": ("big.md", b"x" * 5_000, "text/markdown")})
        assert r.status_code == 413 and "at most 2,000 bytes" in r.json()["error"]
        assert c.post("/api/check", json={"text": "a" * 3_000}).status_code == 413
        assert c.post("/api/check", json={"text": DRAFT}).status_code == 200


def test_serve_refuses_a_public_address_without_a_token(monkeypatch, capsys):
    monkeypatch.delenv("FACTCHECK_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err.strip()
    assert "FACTCHECK_TOKEN" in err and len(err.splitlines()) == 1
    monkeypatch.setenv("FACTCHECK_TOKEN", "short")
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "too short" in capsys.readouterr().err


def test_serve_without_the_extra_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setattr("factcheck.serve.missing_extra", lambda: "fastapi")
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip()
    assert "install factcheck[serve]" in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                            ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.4", False),
                                            ("example.org", False)])
def test_loopback_addresses(host, loopback):
    from factcheck.serve.security import is_loopback

    assert is_loopback(host) is loopback


@pytest.mark.parametrize("header, article, lang", [("fr-FR,fr;q=0.9,en;q=0.8", None, "fr"),
                                                   ("de-DE,en;q=0.5,fr;q=0.7", None, "fr"),
                                                   ("en-GB", "fr", "fr"), (None, None, "en"), ("de", None, "en")])
def test_interface_language(header, article, lang):
    from factcheck.serve.i18n import pick

    assert pick(header, article) == lang


def test_interface_words_are_complete_and_never_shadowed_by_dict_methods():
    from factcheck.serve.i18n import STRINGS

    assert set(STRINGS["en"]) == set(STRINGS["fr"])
    assert not set(STRINGS["en"]) & set(dir(dict))  # {{ t.keys }} would print a method
