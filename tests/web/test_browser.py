"""The web UI in Debian's headless Chromium (Playwright's Python library, no downloads).

Opens the dyad timeline, clicks an event, checks that each ``<mark>`` holds exactly
the reporting sentence, and that an article's ``<script>`` did not run.
Screenshots go to ``test-output/`` for review.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from web_support import Live

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-output"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium missing (make browser-deps)"
    ),
]


def test_timeline_event_page_highlight_and_no_script(live: Live) -> None:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(exist_ok=True)
    s = live.sample
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{live.url}/timeline?a=VNM&b=RUS")
            assert page.locator("tr.event-row").count() == 3
            assert page.locator("svg.chart rect").count() >= 3
            page.screenshot(path=str(SHOTS / "timeline.png"), full_page=True)

            page.locator(f'a.event-link[href="/events/{s.meet}"]').click()
            page.wait_for_url(f"**/events/{s.meet}")
            marks = page.locator(".report .doctext mark")
            assert marks.count() == 2
            assert [marks.nth(i).inner_text() for i in range(2)] == list(s.meet_quotes)
            page.screenshot(path=str(SHOTS / "event.png"), full_page=True)

            page.goto(f"{live.url}/events/{s.visit}")
            mark = page.locator(".report .doctext mark")
            assert mark.inner_text() == s.xss_quote  # the tags are shown as text
            assert page.evaluate("typeof window.__xss") == "undefined"
            assert page.title() != "pwned"
            assert page.locator(".report script").count() == 0
            page.screenshot(path=str(SHOTS / "event_xss.png"), full_page=True)

            page.goto(f"{live.url}/entities/{s.petrov}")
            assert "Secretary of the Security Council" in page.locator("table.offices").inner_text()
            page.screenshot(path=str(SHOTS / "person.png"), full_page=True)
            for name in ("agreements", "topics", "search?q=psychotropic"):
                page.goto(f"{live.url}/{name}")
                page.screenshot(path=str(SHOTS / f"{name.split('?')[0]}.png"), full_page=True)
            assert page.locator("ol.hits mark").first.inner_text().lower() == "psychotropic"
            assert errors == []
        finally:
            browser.close()
