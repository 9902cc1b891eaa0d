"""AppTest: the Journal writes for real: wins, skills and their history, contacts, touches."""

from __future__ import annotations

import datetime as dt

from helpers import button, open_app, texts

from careerdata.journal import queries
from careerdata.store import db


def test_logging_a_win_in_the_journal_shows_on_home(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, "app_pages/journal.py")
    at.text_input(key="log_0_title").input("Cut flaky CI failures from 12% to 1%")
    at.date_input(key="log_0_start").set_value(dt.date(2026, 11, 3))
    at.text_area(key="log_0_result").input("Builds went green; 40 engineer-hours a week back.")
    button(at, "Save accomplishment").click().run()
    assert not at.exception
    con = db.connect(empty_db)
    assert con.execute("SELECT title, scope FROM accomplishment").fetchall() == [
        ("Cut flaky CI failures from 12% to 1%", "team")]
    con.close()
    at.switch_page("app_pages/home.py").run()
    assert "Cut flaky CI failures from 12% to 1%" in texts(at)


def test_an_invalid_win_names_the_field_and_writes_nothing(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, "app_pages/journal.py")
    at.text_input(key="log_0_title").input("x")
    at.date_input(key="log_0_start").set_value(dt.date(2026, 11, 3))
    at.date_input(key="log_0_end").set_value(dt.date(2026, 10, 1))
    button(at, "Save accomplishment").click().run()
    assert "Title: String should have at least 3 characters" in " ".join(e.value for e in at.error)
    at.text_input(key="log_0_title").input("Fixed the build")
    button(at, "Save accomplishment").click().run()
    assert "End date must be on or after the start date" in " ".join(e.value for e in at.error)
    con = db.connect(empty_db)
    assert con.execute("SELECT count(*) FROM accomplishment").fetchone()[0] == 0
    con.close()
    assert at.text_input(key="log_0_title").value == "Fixed the build"  # input kept to fix


def test_adding_a_skill_and_recording_an_assessment_keeps_history(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, "app_pages/journal.py")
    at.text_input(key="skill_name_0").input("Rust")
    button(at, "Add skill").click().run()
    assert not at.exception
    at.selectbox(key="skill_pick").set_value("Rust").run()
    at.slider(key="assess_level").set_value(4)
    at.date_input(key="assess_date").set_value(dt.date(2026, 11, 21))
    button(at, "Record assessment").click().run()
    con = db.connect(empty_db)
    skills = queries.skills(con)
    assert skills[["name", "self_level"]].values.tolist() == [["Rust", 4]]
    assert con.execute("SELECT count(*) FROM skill_assessment").fetchone()[0] == 2
    con.close()


def test_a_duplicate_contact_is_refused_with_its_name(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/journal.py")
    at.text_input(key="c_name_0").input("dana whitfield")
    button(at, "Add contact").click().run()
    assert "a contact called 'dana whitfield' already exists" in " ".join(e.value for e in at.error)


def test_logging_a_touch_with_the_sponsor_clears_the_home_nudge(monkeypatch, demo_db):
    con = db.connect(demo_db)  # Yuki becomes a sponsor (the advocacy stage, the only meaning of the word)
    con.execute("UPDATE contact SET advocacy_stage = 'sponsor' WHERE name = 'Yuki Sato'")
    con.close()
    at = open_app(monkeypatch, demo_db)
    assert "You last talked to your sponsor Yuki Sato 86 days ago" in texts(at)
    at.switch_page("app_pages/journal.py").run()
    at.selectbox(key="touch_contact_0").set_value("Yuki Sato")
    at.date_input(key="touch_date_0").set_value(dt.date(2026, 11, 21))
    at.text_area(key="touch_notes_0").input("Shared the roadmap progress and the incident-review results.")
    button(at, "Log touch").click().run()
    assert not at.exception
    at.switch_page("app_pages/home.py").run()
    assert "Yuki Sato" not in texts(at)


def test_editing_a_skill_renames_it_everywhere(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/journal.py")
    at.selectbox(key="skill_pick").set_value("Go").run()
    skill_id = next(t.key for t in at.text_input if t.key.startswith("edit_skill_name_")).rsplit("_", 1)[1]
    at.text_input(key=f"edit_skill_name_{skill_id}").input("Go (Golang)")
    button(at, "Save skill").click().run()
    assert not at.exception
    con = db.connect(demo_db)
    names = set(queries.names(con, "skill"))
    con.close()
    assert "Go (Golang)" in names and "Go" not in names
