"""The weekly check-in on Home and the Journal's review queue, in the real app (AppTest)."""

from __future__ import annotations

import datetime as dt

from helpers import open_app, texts
from test_worktrail import ALICE, repo  # noqa: F401  (the module-scoped test repository)

from careerdata.import_export.git import import_git
from careerdata.store import db

HOME = "app_pages/home.py"
JOURNAL = "app_pages/journal.py"
WEEK = "2026-11-16"  # the Monday of the pinned today, 2026-11-21


def _rows(path, sql, params=()):
    con = db.connect(path)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def test_checkin_on_the_empty_file_keeps_a_streak(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, HOME)
    assert "Weekly check-in" in texts(at)
    assert {m.label: m.value for m in at.metric}["Streak"] == "0 weeks"
    at.button(key="FormSubmitter:checkin_0-Save check-in").click().run()
    assert "Answer at least one question: what you shipped, who you told, or one visible thing" in texts(at)
    assert _rows(empty_db, "SELECT count(*) FROM weekly_checkin") == [(0,)]
    at.text_input(key="checkin_shipped_0").input("Cut **checkout** latency")
    at.text_input(key="checkin_visible_0").input("Demo at the team sync")
    at.button(key="FormSubmitter:checkin_0-Save check-in").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Done for this week. Shipped: Cut **checkout** latency. Visible: Demo at the team sync." in shown
    assert {m.label: m.value for m in at.metric}["Streak"] == "1 week"
    assert _rows(empty_db, "SELECT week_start::VARCHAR, shipped FROM weekly_checkin") == [
        (WEEK, "Cut **checkout** latency")]
    # it fed the nudges: shipped, but told nobody
    assert "but told nobody" in shown


def test_checkin_on_the_demo_offers_git_candidates_and_logs_who_was_told(monkeypatch, demo_db, repo):  # noqa: F811
    con = db.connect(demo_db)
    try:
        import_git(con, [str(repo)], [ALICE[1]], None, dry_run=False)
        con.execute("INSERT INTO weekly_checkin (week_start, shipped) VALUES (?, 'x'), (?, 'y')",
                    [dt.date(2026, 11, 9), dt.date(2026, 11, 2)])
        told = con.execute("SELECT name FROM contact ORDER BY name_key LIMIT 1").fetchone()[0]
    finally:
        con.close()
    at = open_app(monkeypatch, demo_db, HOME)
    assert {m.label: m.value for m in at.metric}["Streak"] == "2 weeks"  # last week and the one before
    assert "4 candidate win(s) from your work trail wait in the review queue" in texts(at)
    pick = at.multiselect(key="checkin_picked_0")
    retry = next(o for o in pick.options if o.startswith("Retry failed payments automatically"))
    pick.select(retry)
    at.multiselect(key="checkin_told_0").select(told)
    at.button(key="FormSubmitter:checkin_0-Save check-in").click().run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Streak"] == "3 weeks"
    assert _rows(demo_db, """SELECT c.name, a.title FROM interaction i JOIN contact c ON c.id = i.contact_id
                             JOIN interaction_accomplishment ia ON ia.interaction_id = i.id
                             JOIN accomplishment a ON a.id = ia.accomplishment_id
                             WHERE i.date = DATE '2026-11-21' AND a.title LIKE 'Retry%'""") == [
        (told, "Retry failed payments automatically")]
    assert "3 candidate win(s)" in texts(at)


def test_journal_review_queue_merges_and_dismisses(monkeypatch, demo_db, repo):  # noqa: F811
    con = db.connect(demo_db)
    try:
        import_git(con, [str(repo)], [ALICE[1]], None, dry_run=False)
    finally:
        con.close()
    at = open_app(monkeypatch, demo_db, JOURNAL)
    assert any(t.label == "From git (4)" for t in at.tabs)
    pick = at.multiselect(key="queue_pick")
    billing = [o for o in pick.options if "billing" not in o and ("Round cents" in o or "Currency" in o)]
    for option in billing:
        pick.select(option)
    at.run()
    at.text_input(key=next(k for k in (t.key for t in at.text_input) if k and k.startswith("queue_title_"))
                  ).input("Billing correctness").run()
    at.button(key="queue_accept").click().run()
    assert not at.exception
    assert _rows(demo_db, "SELECT start_date::VARCHAR, end_date::VARCHAR FROM accomplishment "
                          "WHERE title = 'Billing correctness'") == [("2026-03-10", "2026-03-20")]
    assert any(t.label == "From git (2)" for t in at.tabs)
    pick = at.multiselect(key="queue_pick")
    pick.select(next(o for o in pick.options if o.startswith("Initial layout"))).run()
    at.button(key="queue_dismiss").click().run()
    assert _rows(demo_db, "SELECT title FROM win_candidate WHERE status = 'dismissed'") == [("Initial layout",)]
