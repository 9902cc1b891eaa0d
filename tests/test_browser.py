"""Browser end-to-end: the real `streamlit run` server, driven by Debian's headless Chromium.

Opens every page in the navigation by clicking it, fails on any exception element or an
empty page, and keeps a screenshot per page in test-artifacts/screenshots/.

Every page opened through `launch` (and so through the `browser` fixture) has each request it
makes recorded; a test that made one to any host but this machine's loopback fails after it
(see `tests/conftest.py`): career data is private, so no font, icon, script or telemetry may
come from anywhere else.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from careerdata.ui.layout import PAGES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


LOOPBACK = {"127.0.0.1", "localhost"}
OFFSITE: list[str] = []  # requests to any other host, since the last check; conftest fails the test on them


def _record(request) -> None:
    url = urlparse(request.url)
    if url.scheme in ("http", "https", "ws", "wss", "ftp") and url.hostname not in LOOPBACK:
        OFFSITE.append(request.url)


class GuardedBrowser:
    """A Playwright browser whose every page and context records off-machine requests in OFFSITE."""

    def __init__(self, browser):
        self._browser = browser

    def new_page(self, **kwargs):
        page = self._browser.new_page(**kwargs)
        page.context.on("request", _record)
        return page

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.on("request", _record)
        return context

    def __getattr__(self, name):
        return getattr(self._browser, name)


def launch(playwright) -> GuardedBrowser:
    """Headless Debian Chromium with the project's flags, recording requests off the machine."""
    return GuardedBrowser(playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(db_path, log_path):
    """`streamlit run` on a career file, on a free loopback port, until the block ends."""
    port = _free_port()
    env = {**os.environ, "CAREERDATA_DB": str(db_path), "CAREERDATA_TODAY": "2026-11-21"}
    with open(log_path, "w+") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port),
             "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            proc.kill()
            log.seek(0)
            pytest.fail(f"streamlit did not start:\n{log.read()}")
        try:
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A first launch: no career file yet, so the app must create the demo one and say so."""
    db_path = tmp_path_factory.mktemp("browser") / "first-launch.duckdb"
    with running_app(db_path, tmp_path_factory.mktemp("log") / "streamlit.log") as url:
        yield url, db_path


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = launch(p)
        yield instance
        instance.close()


def _settle(page) -> None:
    """Wait until the script run finished and charts are drawn."""
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"] button')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=60_000,
    )
    page.wait_for_timeout(1500)


def _assert_healthy(page, name: str) -> None:
    with contextlib.suppress(Exception):  # a loaded machine may still be streaming the page in
        page.wait_for_function("() => (document.querySelector('[data-testid=\"stMain\"]')?.innerText || '')"
                               ".trim().length > 200", timeout=30_000)
    exceptions = page.locator('[data-testid="stException"]')
    assert exceptions.count() == 0, f"{name}: {exceptions.first.inner_text()}"
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert len(main.strip()) > 200, f"{name} looks empty: {main!r}"


def test_first_launch_creates_the_demo_and_every_page_renders(server, browser):
    url, db_path = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1440, "height": 2200})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    _settle(page)
    assert db_path.exists()
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "First launch: created a career file with the demo persona" in sidebar
    assert "demo data" in sidebar

    for key, (_file, title, _icon, _url_path) in PAGES.items():
        page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
        page.wait_for_function("t => document.querySelector('h1') && document.title.length > 0", arg=title)
        _settle(page)
        _assert_healthy(page, title)
        page.screenshot(path=str(SHOTS / f"{key}.png"), full_page=True)
    assert not errors, errors


def test_home_draws_its_charts_with_titles(server, browser):
    url, _ = server
    page = browser.new_page(viewport={"width": 1440, "height": 2200})
    page.goto(url)
    _settle(page)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    titles = page.locator(".js-plotly-plot .gtitle").all_text_contents()
    assert any(t.startswith("Quantified impact by quarter") for t in titles), titles
    assert any(t.startswith("Wins per quarter") for t in titles), titles
    assert page.get_by_text("Impact of all your wins").count() == 1


def test_a_win_logged_in_the_browser_appears_on_home(server, browser):
    url, _ = server
    page = browser.new_page(viewport={"width": 1440, "height": 2200})
    page.goto(f"{url}/journal")
    _settle(page)
    page.get_by_role("textbox", name="Title").first.fill("Paired with Support to close 40 stale tickets in a week")
    page.get_by_role("button", name="Save accomplishment").click()
    page.wait_for_timeout(500)
    _settle(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Home", exact=True).click()
    _settle(page)
    win = page.get_by_text("Paired with Support to close 40 stale tickets in a week")
    with contextlib.suppress(Exception):  # a slow (loaded) machine: wait for Home's rerun to show it
        win.first.wait_for(timeout=60_000)
    assert win.count() >= 1


def test_a_nudge_opens_the_journal_on_the_tab_where_it_is_done(server, browser):
    url, _ = server
    page = browser.new_page(viewport={"width": 1440, "height": 2200})
    page.goto(url)
    _settle(page)
    page.get_by_role("link", name="Log a touch").first.click()
    _settle(page)
    assert "tab=people" in page.url
    assert page.get_by_text("Log a touch: a 1:1, coffee, call or message").is_visible()
    assert not page.get_by_role("button", name="Save accomplishment").is_visible()
