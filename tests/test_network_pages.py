"""AppTest for the Network, Pipeline and Conversations pages, on the demo and on an empty file."""

from __future__ import annotations

import base64
import datetime as dt
import json
import shutil
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from careerdata.bench.runner import build_scaled
from careerdata.market.loader import OEWS_ATTRIBUTION
from careerdata.network import analytics as sa
from careerdata.network import queries as qs
from careerdata.store import db

APP = Path(__file__).resolve().parents[1] / "dashboard.py"
TODAY = dt.date(2026, 11, 21)
NETWORK, PIPELINE, CONVERSATIONS = "app_pages/network.py", "app_pages/pipeline.py", "app_pages/conversations.py"


def open_page(monkeypatch, path, page: str) -> AppTest:
    monkeypatch.setenv("CAREERDATA_DB", str(path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.info]
    parts += [e.value for e in at.success] + [e.value for e in at.error] + [e.value for e in at.warning]
    return "\n".join(str(p) for p in parts).replace("\\", "")


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _decode(value):
    """Plotly sends arrays as base64 typed arrays ({'bdata', 'dtype'}); turn them back into lists."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def charts(at: AppTest) -> dict[str, go.Figure]:
    """Every Plotly chart on the page by its title, decoded back into a figure."""
    figs = [go.Figure(_decode(json.loads(c.proto.spec))) for c in at.get("plotly_chart")]
    return {f.layout.title.text: f for f in figs}


def chart(at: AppTest, starts: str):
    found = [f for title, f in charts(at).items() if title.startswith(starts)]
    assert found, list(charts(at))
    return found[0]


def query(path, sql: str, params=None):
    con = db.connect(path)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def submit(at: AppTest, form: str, label: str):
    return next(b for b in at.button if b.key == f"FormSubmitter:{form}-{label}")


# --- network -----------------------------------------------------------------------------

def test_network_shows_the_advocacy_funnel_and_coverage_from_the_file(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db, NETWORK)
    per_stage = dict(query(demo_db, "SELECT advocacy_stage, count(*) FROM contact GROUP BY ALL"))
    funnel = chart(at, "5 of 25 contacts would speak up for you")
    stages = ["unknown", "aware", "supporter", "advocate", "sponsor"]
    assert list(funnel.data[0].x) == [sum(per_stage.get(s, 0) for s in stages[i:]) for i in range(5)]
    shown = metrics(at)
    assert shown["Advocates and sponsors"] == f"{per_stage.get('advocate', 0) + per_stage.get('sponsor', 0)} of 25"
    assert shown["Losing touch"] == "10"
    assert shown["Sponsor coverage for L6"] == "2 of 4"  # Elena is an advocate, not (yet) a sponsor
    assert shown["Visible items, last 12 months"] == "5"
    page = texts(at)
    assert "Sponsor coverage for Staff Engineer (L6)" in page
    assert "Marcus Chen (aware): not yet a supporter" in page
    assert chart(at, "8 of 10 key people have not heard about your top win")
    assert chart(at, "You are 3 items and 1 external a year short of the L6 bar")


def test_touched_today_takes_the_contact_off_the_losing_touch_list(monkeypatch, demo_db):
    julia = query(demo_db, "SELECT id FROM contact WHERE name = 'Julia Novak'")[0][0]
    at = open_page(monkeypatch, demo_db, NETWORK)
    assert f"quick_touch_{julia}" in [b.key for b in at.button]
    at.button(key=f"quick_touch_{julia}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert f"quick_touch_{julia}" not in [b.key for b in at.button]
    assert metrics(at)["Losing touch"] == "9"
    assert query(demo_db, "SELECT i.date, i.channel FROM interaction i JOIN contact c ON c.id = i.contact_id "
                          "WHERE c.name = 'Julia Novak' ORDER BY i.date DESC LIMIT 1") == [(TODAY, "other")]


def test_telling_a_decision_maker_about_a_win_fills_the_who_knows_map(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db, NETWORK)
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
    at = open_page(monkeypatch, demo_db, NETWORK)
    at.text_input(key="net_vis_title_0").input("Reliability roadmap: what we learned")
    at.selectbox(key="net_vis_kind_0").set_value("talk")
    at.number_input(key="net_vis_reach_0").set_value(120)
    at.toggle(key="net_vis_ext_0").set_value(True)
    submit(at, "net_vis_0", "Log it").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert metrics(at)["Visible items, last 12 months"] == "6"
    assert chart(at, "You are 2 items a year short of the L6 bar")


def test_network_on_an_empty_file_says_what_to_add(monkeypatch, empty_db):
    at = open_page(monkeypatch, empty_db, NETWORK)
    page = texts(at)
    assert "No contacts yet." in page
    assert "No talks, posts, demos, docs or open-source work logged yet." in page
    assert metrics(at)["Advocates and sponsors"] == "0 of 0"
    assert not [t for t in charts(at) if "contacts would speak up" in t]


@pytest.fixture(scope="module")
def _x5_master(tmp_path_factory) -> Path:
    """The demo persona five times over: 125 contacts (50 losing touch), 55 opportunities (35 open)."""
    return build_scaled(tmp_path_factory.mktemp("x5") / "x5.duckdb", 5)


@pytest.fixture
def x5_db(_x5_master, tmp_path) -> Path:
    return Path(shutil.copy(_x5_master, tmp_path / "x5.duckdb"))


def quick_touch_ids(at: AppTest) -> list[int]:
    return [int(b.key.removeprefix("quick_touch_")) for b in at.button if (b.key or "").startswith("quick_touch_")]


def test_a_long_losing_touch_list_shows_the_most_overdue_twenty_and_says_how_many_are_hidden(monkeypatch, x5_db):
    path = x5_db
    con = db.connect(path)
    try:
        expected = sa.losing_touch(sa.cadence_status(qs.contacts(con), TODAY))["id"].tolist()
    finally:
        con.close()
    assert len(expected) == 50
    at = open_page(monkeypatch, path, NETWORK)
    assert metrics(at)["Losing touch"] == "50"
    assert quick_touch_ids(at) == expected[:20]
    page = texts(at)
    assert "Showing 1–20 of 50 contacts past their ideal gap, most overdue first; 30 more on the other pages." in page
    table = next(e for e in at.expander if e.label == "All 50 contacts past their ideal gap, as a table")
    names = dict(query(path, "SELECT id, name FROM contact"))
    assert table.dataframe[0].value["name"].tolist() == [names[i] for i in expected]  # all of them, same order
    at.number_input(key="losing_page").set_value(3).run()
    assert not at.exception, [e.value for e in at.exception]
    assert quick_touch_ids(at) == expected[40:]
    assert "Showing 41–50 of 50 contacts past their ideal gap, most overdue first; 40 more on the other pages." in texts(at)
    at.button(key=f"quick_touch_{expected[45]}").click().run()  # a touch from a later page still works
    assert not at.exception, [e.value for e in at.exception]
    assert metrics(at)["Losing touch"] == "49"
    assert quick_touch_ids(at) == [i for i in expected if i != expected[45]][40:]


def test_the_demo_losing_touch_list_fits_on_one_page_without_a_pager(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db, NETWORK)
    assert len(quick_touch_ids(at)) == 10
    assert not [n for n in at.number_input if n.key == "losing_page"]
    assert "Showing 1–" not in texts(at)


# --- pipeline ----------------------------------------------------------------------------

def test_pipeline_funnel_and_kpis_match_the_file(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db, PIPELINE)
    open_count = query(demo_db, "SELECT count(*) FROM opportunity WHERE stage NOT IN ('accepted', 'lost')")[0][0]
    shown = metrics(at)
    assert shown["Open opportunities"] == str(open_count) == "7"  # with the two offers of the Offers page
    assert shown["Win rate"] == "50%"
    assert shown["Follow-ups overdue"] == "2"
    assert shown["Longest wait right now"] == "248 days"
    funnel = chart(at, "Interview is your leakiest step: 80% move on to offer")
    assert list(funnel.data[0].x) == [11, 9, 7, 6, 4, 2]
    assert chart(at, "248 days at conversation: your longest wait")


def test_moving_an_opportunity_to_offer_updates_the_funnel(monkeypatch, demo_db):
    oid = query(demo_db, "SELECT id FROM opportunity WHERE company = 'Cloudnova'")[0][0]
    at = open_page(monkeypatch, demo_db, PIPELINE)
    at.selectbox(key=f"move_stage_{oid}").set_value("offer")
    submit(at, f"move_{oid}", "Move").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert query(demo_db, "SELECT stage FROM opportunity WHERE id = ?", [oid]) == [("offer",)]
    funnel = chart(at, "Interview is your leakiest step: 83% move on to offer")
    assert list(funnel.data[0].x) == [11, 9, 7, 6, 5, 2]


def test_the_kind_filter_applies_to_the_whole_pipeline_page(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db, PIPELINE)
    at.multiselect(key="pipeline_kinds").set_value(["promotion"]).run()
    assert not at.exception
    shown = metrics(at)
    assert shown["Open opportunities"] == "1"
    assert shown["Win rate"] == "0%"


def test_pipeline_on_an_empty_file_then_adding_an_opportunity(monkeypatch, empty_db):
    at = open_page(monkeypatch, empty_db, PIPELINE)
    assert "No opportunities yet." in texts(at)
    assert not at.get("plotly_chart")
    at.text_input(key="add_opp_0_title").input("Staff Engineer at Cloudnova")
    at.selectbox(key="add_opp_0_kind").set_value("new_job")
    at.selectbox(key="add_opp_0_stage").set_value("conversation")
    at.date_input(key="add_opp_0_opened").set_value(dt.date(2026, 11, 1))
    submit(at, "add_opp_0", "Add opportunity").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert query(empty_db, "SELECT title, stage FROM opportunity") == [("Staff Engineer at Cloudnova", "conversation")]
    assert metrics(at)["Open opportunities"] == "1"
    assert "20 days at conversation" in " ".join(charts(at))


def test_a_long_pipeline_shows_twenty_open_cards_and_says_how_many_are_hidden(monkeypatch, x5_db):
    path = x5_db
    con = db.connect(path)
    try:
        expected = sa.open_opportunities(qs.opportunities(con))["id"].tolist()
    finally:
        con.close()
    assert len(expected) == 35
    at = open_page(monkeypatch, path, PIPELINE)
    assert metrics(at)["Open opportunities"] == "35"

    def cards() -> list[int]:
        return [int(s.key.removeprefix("move_stage_")) for s in at.selectbox if (s.key or "").startswith("move_stage_")]

    assert cards() == expected[:20]
    assert "Showing 1–20 of 35 open opportunities, furthest along first; 15 more on the other pages." in texts(at)
    assert len(at.dataframe(key="opps_table").value) == 55  # the All opportunities tab still lists every one
    at.number_input(key="open_page").set_value(2).run()
    assert not at.exception, [e.value for e in at.exception]
    assert cards() == expected[20:]
    assert "Showing 21–35 of 35 open opportunities, furthest along first; 20 more on the other pages." in texts(at)
    oid = expected[22]
    at.selectbox(key=f"move_stage_{oid}").set_value("lost")
    submit(at, f"move_{oid}", "Move").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert query(path, "SELECT stage FROM opportunity WHERE id = ?", [oid]) == [("lost",)]
    assert metrics(at)["Open opportunities"] == "34"
    assert cards() == [i for i in expected if i != oid][20:]


# --- conversations -----------------------------------------------------------------------

def test_conversations_open_on_the_next_one_with_its_readiness(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db, CONVERSATIONS)
    assert at.selectbox(key="conv_pick").format_func(at.selectbox(key="conv_pick").value).startswith(
        "Ask Dana to nominate me for Staff Engineer")
    shown = metrics(at)
    assert shown["When"] == "03 Dec 2026"
    assert shown["Confidence"] == "4 / 5"
    assert shown["Objection cards answered"] == "3 of 3"
    assert chart(at, "Confidence rose from 2 to 4 of 5 over 2 rehearsals")


def test_a_rehearsal_saved_survives_a_reload(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db, CONVERSATIONS)
    cid = at.selectbox(key="conv_pick").value
    at.slider(key=f"reh_before_{cid}_0").set_value(4)
    at.slider(key=f"reh_after_{cid}_0").set_value(5)
    at.text_area(key=f"reh_notes_{cid}_0").input("Opened with the ask; answered the slots objection calmly.")
    submit(at, f"reh_{cid}_0", "Log rehearsal").click().run()
    assert not at.exception, [e.value for e in at.exception]
    fresh = open_page(monkeypatch, demo_db, CONVERSATIONS)  # a new session reads the file again
    assert "Rehearsals (3)" in [t.label for t in fresh.tabs]
    assert metrics(fresh)["Confidence"] == "5 / 5"
    assert query(demo_db, "SELECT confidence_before, confidence_after FROM conversation_rehearsal WHERE "
                          "conversation_id = ? ORDER BY id DESC LIMIT 1", [cid]) == [(4, 5)]


def test_drafting_talking_points_is_deterministic_and_saves(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db, CONVERSATIONS)
    cid = at.selectbox(key="conv_pick").value
    at.button(key=f"draft_{cid}").click().run()
    draft = at.text_area(key=f"tp_{cid}").value
    assert draft.startswith("**The ask:** Leave with Dana's commitment to nominate me for L6")
    assert ("- **Launched self-serve clinic onboarding, doubling monthly sign-ups** (Jun 2026): $540k a year "
            "(your estimate). Already heard it.") in draft
    assert "**What Staff Engineer (L6) expects** (your ladder, influence):" in draft
    at.button(key=f"draft_{cid}").click().run()
    assert at.text_area(key=f"tp_{cid}").value == draft
    at.button(key=f"save_tp_{cid}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert query(demo_db, "SELECT talking_points FROM conversation WHERE id = ?", [cid]) == [(draft,)]


def test_the_raise_shows_bls_pay_against_the_users_numbers_and_refuses_bad_numbers(monkeypatch, demo_db):
    rid = query(demo_db, "SELECT id FROM conversation WHERE kind = 'raise'")[0][0]
    at = open_page(monkeypatch, demo_db, CONVERSATIONS)
    at.selectbox(key="conv_pick").set_value(rid).run()
    assert not at.exception, [e.value for e in at.exception]
    pay = chart(at, "Your target of $216k is above the 90th percentile for Software Developers (BLS, May 2025)")
    yours = pay.data[0]
    assert sorted(yours.x) == [198_000, 208_000, 216_000, 228_000, 238_000, 258_000, 285_000]
    assert OEWS_ATTRIBUTION in texts(at)
    assert metrics(at)["Your current pay"] == "$198,000"
    at.number_input(key=f"num_anchor_{rid}").set_value(200_000)
    at.button(key=f"save_numbers_{rid}").click().run()
    assert "Anchor must be at least the target (open high)" in " ".join(e.value for e in at.error)
    assert query(demo_db, "SELECT anchor FROM conversation WHERE id = ?", [rid]) == [(228_000,)]
    at.button(key=f"use_suggestion_{rid}").click().run()
    at.button(key=f"save_numbers_{rid}").click().run()
    assert query(demo_db, "SELECT anchor, target, walk_away FROM conversation WHERE id = ?", [rid]) == [
        (228_000, 215_000, 206_000)]


def test_conversations_on_an_empty_file_plan_the_first_one(monkeypatch, empty_db):
    at = open_page(monkeypatch, empty_db, CONVERSATIONS)
    assert "No hard conversations planned yet." in texts(at)
    at.text_input(key="new_conv_0_title").input("Ask for a market adjustment")
    at.selectbox(key="new_conv_0_kind").set_value("raise")
    at.text_area(key="new_conv_0_goal").input("Base to the 75th percentile.")
    submit(at, "new_conv_0", "Plan this conversation").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert query(empty_db, "SELECT title, kind, status FROM conversation") == [
        ("Ask for a market adjustment", "raise", "planned")]
    assert metrics(at)["Objection cards answered"] == "0 of 0"
    assert "no current pay in your profile, so target = the BLS 75th percentile" in texts(at)
    assert metrics(at)["Your current pay"] == "—"
