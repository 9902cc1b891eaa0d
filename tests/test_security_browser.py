"""Hostile text in every free-text field is stored as typed and shown as plain text: a browser
visit of every page proves no script runs, no element is injected, no chart label renders as
markup and no request leaves the machine (the shared browser helper records every request)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from test_browser import _settle, launch, running_app

from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.store import db
from careerdata.ui.layout import PAGES

pytestmark = pytest.mark.browser

XSS = '<script>window.__pwned = "script"</script>'
IMG = '<img src=x onerror="window.__pwned = \'img\'">'
LINK = "[click me](javascript:window.__pwned='link')"
SQL = "'); DROP TABLE accomplishment; --"
# Plotly renders a subset of HTML in chart text: a styled span fetches its url(), an anchor is a live link.
SPAN = '<span style="fill:url(http://127.0.0.2/span)">styled</span>'
ANCHOR = '<a href="http://127.0.0.2/link">link</a>'
REMOTE_IMG = '<img src="http://127.0.0.2/img" onerror="window.__pwned = \'remote\'">'
PLOTLY = f"{SPAN} {ANCHOR}"
HOSTILE = f"{XSS} {IMG} {LINK} {SQL} {PLOTLY} {REMOTE_IMG}"


def _plant(path) -> None:
    """Write the hostile strings through the real models and repository into many fields."""
    con = db.connect(path)
    try:
        repo.add_skill(con, m.Skill(name=f"Skill {XSS} {SPAN}", kind="soft", notes=HOSTILE),
                       m.SkillAssessment(skill=f"Skill {XSS} {SPAN}", as_of=dt.date(2026, 11, 1), self_level=4,
                                         note=HOSTILE))
        repo.add_contact(con, m.Contact(name=f"Mallory {IMG} {ANCHOR}", relationship="senior_leader", company=SQL, notes=HOSTILE))
        repo.add_accomplishment(con, m.Accomplishment(
            title=f"Win {XSS} {PLOTLY}", start_date=dt.date(2026, 11, 10), employer=f"Corp {IMG}", situation=HOSTILE,
            task=LINK, action=SQL, result=HOSTILE, skills=[f"Skill {XSS} {SPAN}"], links=[LINK],
            metrics=[m.ImpactMetric(category="cost", description=HOSTILE, unit='<b onclick=x>', money_usd=1000,
                                    confidence="verified", verified_by=f"Mallory {IMG} {ANCHOR}")]))
        repo.add_interaction(con, m.Interaction(contact=f"Mallory {IMG} {ANCHOR}", date=dt.date(2026, 11, 12), notes=HOSTILE,
                                                accomplishments=[f"Win {XSS} {PLOTLY}"]))
        repo.add_visibility_item(con, m.VisibilityItem(title=f"Talk {XSS} {SPAN}", kind="talk", venue=f"{IMG} {ANCHOR}",
                                                       date=dt.date(2026, 11, 5), audience=SQL, url=LINK))
        repo.add_target_role(con, m.TargetRole(name=f"Role {IMG} {SPAN}", company=SQL, onet_soc_code="15-1252.00",
                                               notes=HOSTILE, skills=[m.TargetRoleSkill(skill=f"Skill {XSS} {SPAN}",
                                                                                         must_have=True)]))
        repo.add_opportunity(con, m.Opportunity(title=f"Lead {XSS} {ANCHOR}", kind="new_job", company=IMG,
                                                opened_on=dt.date(2026, 10, 1), next_step=HOSTILE, notes=SQL,
                                                contacts=[f"Mallory {IMG} {ANCHOR}"]))
        repo.add_conversation(con, m.Conversation(title=f"Talk about {IMG}", kind="raise",
                                                  counterpart=f"Mallory {IMG} {ANCHOR}", goal=HOSTILE,
                                                  talking_points=HOSTILE, objections=[m.Objection(
                                                      objection=f"Objection {XSS}", answer=LINK)]))
        repo.save_profile(con, m.Profile(name=f"Eve {XSS} {SPAN}", current_title=f"Engineer {IMG}", headline=HOSTILE,
                                         current_level="L5"))
    finally:
        con.close()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, _demo_master):
    path = tmp_path_factory.mktemp("hostile") / "career.duckdb"
    shutil.copy(_demo_master, path)
    _plant(path)
    with running_app(path, path.with_suffix(".log")) as url:
        yield url, path


def test_hostile_text_never_runs_on_any_page(hostile_server):
    from playwright.sync_api import sync_playwright

    url, _ = hostile_server
    with sync_playwright() as p:
        browser = launch(p)  # records every request; conftest fails the test on any off the loopback
        page = browser.new_page(viewport={"width": 1440, "height": 2000})
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        _settle(page)
        seen_as_text = False
        for key, (_file, title, _icon, _url) in PAGES.items():
            page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
            _settle(page)
            assert page.evaluate("() => window.__pwned") is None, f"{key}: injected code ran"
            assert page.locator('[data-testid="stMain"] img[src="x"]').count() == 0, f"{key}: an <img> was injected"
            assert page.locator('[data-testid="stMain"] a[href^="javascript:"]').count() == 0, f"{key}: js link"
            # A URL the user typed may be linked as itself (Markdown autolinks); a link disguised behind
            # other text (an <a href> in their text rendered as markup) never appears.
            links = page.eval_on_selector_all('[data-testid="stMain"] a[href*="127.0.0.2"], '
                                              '[data-testid="stMain"] svg a', "els => els.map(a => [a.getAttribute("
                                              "'href') || a.getAttribute('xlink:href') || '', a.textContent])")
            assert all("127.0.0.2" in shown for _href, shown in links), f"{key}: a disguised link {links}"
            assert page.locator('[data-testid="stMain"] [style*="127.0.0.2"]').count() == 0, f"{key}: styled url"
            assert page.locator('[data-testid="stException"]').count() == 0, f"{key}: exception"
            seen_as_text = seen_as_text or "<script>window.__pwned" in page.locator(
                '[data-testid="stMain"]').inner_text()
        browser.close()
    assert not dialogs
    assert seen_as_text, "the hostile text should be visible, as text, somewhere"


def test_sql_looking_text_is_stored_as_typed(demo_db):
    _plant(demo_db)
    con = db.connect(demo_db)
    try:  # stored verbatim through parameters; the table it tries to drop is intact
        assert con.execute("SELECT count(*) FROM accomplishment WHERE action = ?", [SQL]).fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM accomplishment").fetchone()[0] == 71
        assert con.execute("SELECT company FROM contact WHERE name LIKE 'Mallory%'").fetchone()[0] == SQL
    finally:
        con.close()
