"""Every page of the registry, in headless Chromium, on every data state (tests/states.py):
one server per state, each page opened from the navigation, no exception element, no
browser-side error, no injected script, and the page's header drawn."""

from __future__ import annotations

import shutil

import pytest
from states import STATES
from test_browser import PAGE_SIGNATURE as SIGNATURE
from test_browser import launch, running_app

from careerdata.ui.layout import PAGES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = launch(p)  # records any request off the machine; conftest fails the test on it
        yield instance
        instance.close()


def _settled(page) -> None:
    """The script run has finished: Streamlit says it is not running and nothing is stale."""
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')?.dataset.testScriptState === 'notRunning'"
        " && !document.querySelector('[data-stale=\"true\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)


@pytest.mark.parametrize("state", list(STATES))
def test_every_page_renders_in_the_browser_on_every_state(state, state_file, browser, tmp_path):
    path = shutil.copy(state_file(state), tmp_path / "career.duckdb")
    with running_app(path, tmp_path / "streamlit.log") as url:
        page = browser.new_page(viewport={"width": 1440, "height": 1400})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url)
        _settled(page)
        problems = {}
        first, before = next(iter(PAGES)), page.evaluate(SIGNATURE)
        for key, (_file, title, _icon, _url_path) in PAGES.items():
            page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
            if key != first:  # wait for the new page's own header and question, then for the run to end
                page.wait_for_function(f"prev => ({SIGNATURE}) !== prev", arg=before, timeout=60_000)
            _settled(page)
            before = page.evaluate(SIGNATURE)
            failed = page.locator('[data-testid="stException"]')
            if failed.count():
                problems[key] = failed.first.inner_text()[:500]
            elif len(page.locator('[data-testid="stMain"]').inner_text().strip()) < 150:
                problems[key] = "the page looks empty"
            elif page.evaluate("() => window.__pwned || null"):
                problems[key] = f"injected script ran: {page.evaluate('() => window.__pwned')}"
        page.close()
    assert not problems, problems
    assert not errors, errors
