"""The desk in a real browser: Playwright driving Debian's headless Chromium against a live
uvicorn. Skipped when ``playwright`` or ``/usr/bin/chromium`` is missing."""

from __future__ import annotations

import pytest

from browser import MARKS, browser  # noqa: F401  (the fixture)

from desk_archive import DRAFT, DRAFT_NAME

from factcheck.cli import main

pytestmark = MARKS


@pytest.fixture
def page(browser, live):
    ctx = browser.new_context(locale="fr-FR")
    pg = ctx.new_page()
    pg.dialogs, pg.console_errors = [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.set_default_timeout(60_000)
    yield pg
    ctx.close()


def _paste_and_check(page, live, text, name=DRAFT_NAME):
    page.goto(live.url + "/")
    page.fill("#text", text)
    page.fill("#name", name)
    page.click("#run")
    page.wait_for_load_state()
    assert "/checks/" in page.url, page.content()[:400]


def test_paste_a_draft_see_the_conflict_accept_it_and_ci_honours_it(page, live, monkeypatch, capsys):
    _paste_and_check(page, live, DRAFT)
    conflict = page.locator("article.finding", has_text="FC104").first
    sides = conflict.locator(".side")
    assert sides.count() == 2
    assert "neuf" in sides.nth(0).inner_text() and "Brouillon Test" in sides.nth(0).inner_text()
    archived = sides.nth(1)
    assert "archived" in archived.get_attribute("class") and "alencon-crack/" in archived.inner_text()
    assert archived.locator("mark").inner_text() in ("trois", "cinq")  # the archive's figures for the BAC
    assert conflict.locator(".why").is_visible()
    assert page.locator("html").get_attribute("lang") == "fr"  # the article's language

    # j moves the focus to the first finding
    page.locator("body").press("j")
    assert page.evaluate("document.activeElement.classList.contains('finding')")

    # accept every finding (the conflict with a note), reload: the decisions are still there
    n = page.locator("form.decide").count()
    conflict.locator("input[name=note]").fill("neuf selon la préfecture, vérifié")
    conflict.locator("input[name=reviewer]").fill("Ana")
    conflict.locator("button[value=accepted]").click()
    page.wait_for_load_state()
    for _ in range(n - 1):
        form = page.locator("form.decide").first
        form.locator("input[name=reviewer]").fill("Ana")
        form.locator("button[value=accepted]").click()
        page.wait_for_load_state()
    page.reload()
    decided = page.locator("article.finding", has_text="FC104").first
    assert "neuf selon la préfecture, vérifié" in decided.locator(".decision").inner_text()
    assert "Ana" in decided.locator(".decision").inner_text()
    assert page.locator("form.decide").count() == 0

    # the exported baseline makes the CLI check of the same draft pass
    baseline = page.request.get(live.url + "/api/decisions/baseline").text()
    root = live.root
    (root / "baseline.yml").write_text(baseline, encoding="utf-8")
    (root / DRAFT_NAME).write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["check", DRAFT_NAME, "--against", str(live.store)]) == 1
    assert main(["check", DRAFT_NAME, "--against", str(live.store), "--baseline", "baseline.yml"]) == 0
    capsys.readouterr()
    assert page.console_errors == []


def test_an_injected_script_never_runs(page, live):
    hostile = DRAFT.replace("Brouillon Test", "<img src=x onerror=\"alert('img')\">") + \
        "\n<script>alert('script')</script>\nLes <b onmouseover=\"alert('b')\">neuf</b> policiers arrivent.\n"
    _paste_and_check(page, live, hostile, name="<script>alert('name')</script>.md")
    page.mouse.move(10, 10)
    page.locator("body").press("j")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0
    assert "<script>" in page.locator("main").inner_text() or "alert" in page.locator("main").inner_text()


def test_archive_page_lists_stories_and_searches_claims(page, live):
    page.goto(live.url + "/archive?subject=policier&min=4&max=6")
    assert page.locator(".stories > li").count() >= 3
    rows = page.locator("table.claims tr")
    assert rows.count() >= 2 and "policier" in rows.nth(1).inner_text()
    page.locator(".stories > li a").first.click()
    page.wait_for_url("**/archive/story/**")
    assert page.locator("table.claims tr").count() >= 2
