"""AppTest for the Network, Pipeline and Conversations pages, on the demo and on an empty file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import chart, charts, metrics, open_app, query, submit, texts
from streamlit.testing.v1 import AppTest

from careerdata.network import analytics as sa
from careerdata.network import queries as qs
from careerdata.store import db

APP = Path(__file__).resolve().parents[1] / "dashboard.py"
TODAY = dt.date(2026, 11, 21)
NETWORK = "app_pages/network.py"


# --- network -----------------------------------------------------------------------------

def test_network_shows_the_advocacy_funnel_and_coverage_from_the_file(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, NETWORK)
    per_stage = dict(query(demo_db, "SELECT advocacy_stage, count(*) FROM contact GROUP BY ALL"))
    funnel = chart(at, "5 of 25 contacts would speak up for you")
    stages = ["unknown", "aware", "supporter", "advocate", "sponsor"]
    assert list(funnel.data[0].x) == [sum(per_stage.get(s, 0) for s in stages[i:]) for i in range(5)]
    shown = metrics(at)
    assert shown["Advocates and sponsors"] == f"{per_stage.get('advocate', 0) + per_stage.get('sponsor', 0)} of 25"
    # not Elena Petrova: touched 4 days ago; the same figure and words as Home's (careerdata.figures.network)
    assert shown["Contacts overdue for a touch"] == "9 overdue"
    assert shown["Sponsor coverage for L6"] == "2 of 4"  # Elena is an advocate, not (yet) a sponsor
    assert shown["Visible items, last 12 months"] == "5"
    page = texts(at)
    assert "Sponsor coverage for Staff Engineer (L6)" in page
    assert "Marcus Chen (aware): not yet a supporter" in page
    assert "senior_leader" not in page  # a relationship is shown by its label (core.vocab), never its stored value
    assert chart(at, "8 of 10 key people have not heard about your top win")
    assert chart(at, "You are 3 items and 1 external a year short of the L6 bar")


def test_touched_today_takes_the_contact_off_the_losing_touch_list(monkeypatch, demo_db):
    julia = query(demo_db, "SELECT id FROM contact WHERE name = 'Julia Novak'")[0][0]
    at = open_app(monkeypatch, demo_db, NETWORK)
    assert f"quick_touch_{julia}" in [b.key for b in at.button]
    at.button(key=f"quick_touch_{julia}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert f"quick_touch_{julia}" not in [b.key for b in at.button]
    assert metrics(at)["Contacts overdue for a touch"] == "8 overdue"
    assert query(demo_db, "SELECT i.date, i.channel FROM interaction i JOIN contact c ON c.id = i.contact_id "
                          "WHERE c.name = 'Julia Novak' ORDER BY i.date DESC LIMIT 1") == [(TODAY, "other")]


def test_telling_a_decision_maker_about_a_win_fills_the_who_knows_map(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, NETWORK)
    win = "Launched self-serve clinic onboarding, doubling monthly sign-ups"
    at.selectbox(key="net_touch_contact_0").set_value("Marcus Chen")
    at.multiselect(key="net_touch_wins_0").select(win)
    at.text_area(key="net_touch_notes_0").input("Walked Marcus through the onboarding numbers.")
    submit(at, "net_touch_0", "Log touch").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert chart(at, "7 of 10 key people have not heard about your top win")
    assert query(demo_db, "SELECT count(*) FROM interaction_accomplishment ia JOIN interaction i ON i.id = "
                          "ia.interaction_id JOIN contact c ON c.id = i.contact_id JOIN accomplishment a ON "
                          "a.id = ia.accomplishment_id WHERE c.name = 'Marcus Chen' AND a.title = ?", [win]) == [(1,)]


def test_logging_a_talk_on_the_network_page_counts_towards_visibility(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, NETWORK)
    at.text_input(key="net_vis_title_0").input("Reliability roadmap: what we learned")
    at.selectbox(key="net_vis_kind_0").set_value("talk")
    at.number_input(key="net_vis_reach_0").set_value(120)
    at.toggle(key="net_vis_ext_0").set_value(True)
    submit(at, "net_vis_0", "Log it").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert metrics(at)["Visible items, last 12 months"] == "6"
    assert chart(at, "You are 2 items a year short of the L6 bar")


def test_network_on_an_empty_file_says_what_to_add(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, NETWORK)
    page = texts(at)
    assert "No contacts yet." in page
    assert "No talks, posts, demos, docs or open-source work logged yet." in page
    assert metrics(at)["Advocates and sponsors"] == "0 of 0"
    assert not [t for t in charts(at) if "contacts would speak up" in t]


def quick_touch_ids(at: AppTest) -> list[int]:
    return [int(b.key.removeprefix("quick_touch_")) for b in at.button if (b.key or "").startswith("quick_touch_")]


def test_a_long_losing_touch_list_shows_the_most_overdue_twenty_and_says_how_many_are_hidden(monkeypatch, x5_db):
    path = x5_db
    con = db.connect(path)
    try:
        expected = sa.losing_touch(sa.cadence_status(qs.contacts(con), TODAY))["id"].tolist()
    finally:
        con.close()
    assert len(expected) == 45
    at = open_app(monkeypatch, path, NETWORK)
    assert metrics(at)["Contacts overdue for a touch"] == "45 overdue"
    assert quick_touch_ids(at) == expected[:20]
    page = texts(at)
    assert "Showing 1–20 of 45 contacts past their ideal gap, most overdue first; 25 more on the other pages." in page
    table = next(e for e in at.expander if e.label == "All 45 contacts past their ideal gap, as a table")
    names = dict(query(path, "SELECT id, name FROM contact"))
    assert table.dataframe[0].value["name"].tolist() == [names[i] for i in expected]  # all of them, same order
    at.number_input(key="losing_page").set_value(3).run()
    assert not at.exception, [e.value for e in at.exception]
    assert quick_touch_ids(at) == expected[40:]
    assert "Showing 41–45 of 45 contacts past their ideal gap, most overdue first; 40 more on the other pages." in texts(at)
    at.button(key=f"quick_touch_{expected[42]}").click().run()  # a touch from a later page still works
    assert not at.exception, [e.value for e in at.exception]
    assert metrics(at)["Contacts overdue for a touch"] == "44 overdue"
    assert quick_touch_ids(at) == [i for i in expected if i != expected[42]][40:]


def test_the_demo_losing_touch_list_fits_on_one_page_without_a_pager(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, NETWORK)
    assert len(quick_touch_ids(at)) == 9
    assert not [n for n in at.number_input if n.key == "losing_page"]
    assert "Showing 1–" not in texts(at)


# --- pipeline ----------------------------------------------------------------------------


# --- conversations -----------------------------------------------------------------------
