"""Screenshots of the desk's three pages for docs/images (Playwright + Chromium).

    python scripts/desk_screenshots.py [--chromium /usr/bin/chromium]

Indexes corpus/alencon-crack into a temporary store, starts the desk on a free loopback
port, pastes a draft written for the purpose, and saves desk-check.png, desk-result.png
and desk-archive.png (laptop width) and desk-result-phone.png.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "serve"))

from desk_archive import DRAFT, DRAFT_NAME, LiveServer, make_app  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--out", default=str(ROOT / "docs" / "images"))
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    from factcheck.cli import main as cli

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="factcheck-shots-") as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "corpus" / "alencon-crack", root / "alencon-crack",
                        ignore=shutil.ignore_patterns("expected.yaml"))
        os.chdir(root)
        assert cli(["index", "--store", "store.sqlite", "alencon-crack"]) == 0
        server = LiveServer(make_app(root / "store.sqlite", root))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"], headless=True)
                page = browser.new_page(viewport={"width": 1200, "height": 900}, locale="fr-FR")
                page.goto(server.url + "/")
                page.fill("#text", DRAFT)
                page.fill("#name", DRAFT_NAME)
                page.screenshot(path=str(out / "desk-check.png"))
                page.click("#run")
                page.wait_for_url("**/checks/*")
                conflict = page.locator("article.finding", has_text="FC104").first
                conflict.locator("input[name=note]").fill("chiffre confirmé par la préfecture")
                conflict.locator("input[name=reviewer]").fill("Ana")
                conflict.locator("button[value=accepted]").click()
                page.wait_for_load_state()
                page.screenshot(path=str(out / "desk-result.png"), full_page=True)
                phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="fr-FR")
                phone.goto(page.url)
                phone.screenshot(path=str(out / "desk-result-phone.png"))
                phone.close()
                page.goto(server.url + "/archive?subject=policier")
                page.screenshot(path=str(out / "desk-archive.png"))
                browser.close()
        finally:
            server.stop()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
