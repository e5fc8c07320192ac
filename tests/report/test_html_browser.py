"""The HTML report in a real browser: Playwright driving Debian's headless Chromium.

Skipped when ``playwright`` (the Python package) or ``/usr/bin/chromium`` is missing.
"""

from __future__ import annotations

import pytest

from browser import MARKS, browser  # noqa: F401  (the fixture)

pytestmark = MARKS


@pytest.fixture
def page(browser, report, rules, tmp_path):
    from factcheck.report import html

    path = tmp_path / "report.html"
    path.write_text(html.render(report, rules), encoding="utf-8")
    ctx = browser.new_context(java_script_enabled=True, offline=True)
    pg = ctx.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.goto(path.as_uri())
    yield pg
    ctx.close()


def test_html_browser_click_shows_both_passages(page):
    finding = page.locator("#finding-0")
    passages = finding.locator(".passage")
    assert not passages.first.is_visible()
    finding.locator("summary").click()
    assert passages.count() == 2
    assert passages.nth(0).is_visible() and passages.nth(1).is_visible()
    assert "340 g" in passages.nth(0).inner_text() and "340 kg" in passages.nth(1).inner_text()


def test_html_browser_severity_filter_hides_findings(page):
    assert page.locator("#finding-1").is_visible()
    page.locator("input.f-sev[value=info]").uncheck()
    assert not page.locator("#finding-1").is_visible()
    assert page.locator("#finding-0").is_visible()
    assert page.locator("#f-count").inner_text() == "1"


def test_html_browser_rule_filter(page):
    page.select_option("#f-rule", "FC105")
    assert not page.locator("#finding-0").is_visible() and page.locator("#finding-1").is_visible()


def test_html_browser_injected_script_does_not_run(page):
    page.locator("#article-1 summary").click()
    text = page.locator("#article-1 pre").inner_text()
    assert "<script>alert(1)</script>" in text and "onerror=alert(2)" in text
    page.wait_for_timeout(200)
    assert page.dialogs == []
    assert page.locator("#article-1 img").count() == 0
