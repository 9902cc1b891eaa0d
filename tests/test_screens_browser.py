"""Every page readable at a glance, at a laptop (1440 px) and a small-laptop (1024 px) width.

For each page of the navigation, in the real server and headless Chromium: nothing is clipped or
overlaps, on the page and (at 1024 px) in each of its tabs (see tests/screen_check.py for what is
measured), and the part of the page before its tabs is at most about two and a half screens.
Screenshots of every page at both widths are kept in test-artifacts/screenshots/<width>/ for a
person to look at.

To work on one page: `python tests/screen_check.py --tabs matrix` prints what this test would find.
"""

from __future__ import annotations

import pytest
import test_browser
from screen_check import check_pages
from test_browser import SHOTS, launch, running_app

from careerdata.ui.layout import PAGES

pytestmark = pytest.mark.browser

WIDTHS = (1440, 1024)
SCREEN_HEIGHT = 1000
MAX_SCREENS_BEFORE_TABS = 2.5
# Every tab is opened at the narrow width only, where space runs out first: the first tab is checked at both.
TABS_AT = (1024,)

# Pages that do not pass yet (issue #17), one per line. Shrink-only: the test is a strict xfail for
# these, so a page that starts passing must be taken off the list.
NOT_YET_READABLE: set[str] = set()


@pytest.fixture(scope="module")
def screens(_demo_master, tmp_path_factory):
    """Visit every page at both widths once; the tests below read what was measured, and the requests
    that left the machine meanwhile (a module fixture runs before conftest's per-test check clears them)."""
    import shutil

    from playwright.sync_api import sync_playwright

    path = tmp_path_factory.mktemp("screens") / "career.duckdb"
    shutil.copy(_demo_master, path)
    with running_app(path, path.with_suffix(".log")) as url, sync_playwright() as p:
        browser = launch(p)  # records requests off the machine (read below: a module fixture runs outside a test)
        try:
            test_browser.OFFSITE.clear()
            found = check_pages(url, browser, list(PAGES), WIDTHS, SHOTS, SCREEN_HEIGHT, tabs_at=TABS_AT)
            return found, list(test_browser.OFFSITE)
        finally:
            browser.close()


@pytest.mark.parametrize("key", [
    pytest.param(k, marks=pytest.mark.xfail(strict=True, reason="issue #17")) if k in NOT_YET_READABLE else k
    for k in PAGES])
def test_page_is_readable_at_both_widths(screens, key):
    limit = MAX_SCREENS_BEFORE_TABS * SCREEN_HEIGHT
    found = []
    for width in WIDTHS:
        problems, height = screens[0][(width, key)]
        found += [f"{width}px: {p}" for p in problems]
        if height > limit:
            found.append(f"{width}px: {height:.0f}px before the tabs (at most {limit:.0f}px)")
    assert not found, "\n".join(found)


def test_no_page_asks_another_host_for_anything(screens):
    assert not screens[1], f"requests left the machine: {screens[1][:5]}"


def test_the_known_list_names_real_pages():
    assert set(PAGES) >= NOT_YET_READABLE
