"""Hostile text in every free-text field is stored as typed and shown as plain text: a browser
visit of every page proves no script runs and no element is injected."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from test_browser import CHROMIUM, CHROMIUM_ARGS, _settle, running_app

from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.store import db
from careerdata.ui.layout import PAGES

pytestmark = pytest.mark.browser

XSS = '<script>window.__pwned = "script"</script>'
IMG = '<img src=x onerror="window.__pwned = \'img\'">'
LINK = "[click me](javascript:window.__pwned='link')"
SQL = "'); DROP TABLE accomplishment; --"
HOSTILE = f"{XSS} {IMG} {LINK} {SQL}"


def _plant(path) -> None:
    """Write the hostile strings through the real models and repository into many fields."""
    con = db.connect(path)
    try:
        repo.add_skill(con, m.Skill(name=f"Skill {XSS}", kind="soft", notes=HOSTILE),
                       m.SkillAssessment(skill=f"Skill {XSS}", as_of=dt.date(2026, 11, 1), self_level=4,
                                         note=HOSTILE))
        repo.add_contact(con, m.Contact(name=f"Mallory {IMG}", relationship="sponsor", company=SQL, notes=HOSTILE))
        repo.add_accomplishment(con, m.Accomplishment(
            title=f"Win {XSS}", start_date=dt.date(2026, 11, 10), employer=f"Corp {IMG}", situation=HOSTILE,
            task=LINK, action=SQL, result=HOSTILE, skills=[f"Skill {XSS}"], links=[LINK],
            metrics=[m.ImpactMetric(category="cost", description=HOSTILE, unit='<b onclick=x>', money_usd=1000,
                                    confidence="verified", verified_by=f"Mallory {IMG}")]))
        repo.add_interaction(con, m.Interaction(contact=f"Mallory {IMG}", date=dt.date(2026, 11, 12), notes=HOSTILE,
                                                accomplishments=[f"Win {XSS}"]))
        repo.add_visibility_item(con, m.VisibilityItem(title=f"Talk {XSS}", kind="talk", venue=IMG,
                                                       date=dt.date(2026, 11, 5), audience=SQL, url=LINK))
        repo.add_target_role(con, m.TargetRole(name=f"Role {IMG}", company=SQL, onet_soc_code="15-1252.00",
                                               notes=HOSTILE, skills=[m.TargetRoleSkill(skill=f"Skill {XSS}",
                                                                                         must_have=True)]))
        repo.add_opportunity(con, m.Opportunity(title=f"Lead {XSS}", kind="new_job", company=IMG,
                                                opened_on=dt.date(2026, 10, 1), next_step=HOSTILE, notes=SQL,
                                                contacts=[f"Mallory {IMG}"]))
        repo.add_conversation(con, m.Conversation(title=f"Talk about {IMG}", kind="raise",
                                                  counterpart=f"Mallory {IMG}", goal=HOSTILE,
                                                  talking_points=HOSTILE, objections=[m.Objection(
                                                      objection=f"Objection {XSS}", answer=LINK)]))
        repo.save_profile(con, m.Profile(name=f"Eve {XSS}", current_title=f"Engineer {IMG}", headline=HOSTILE,
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
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
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
