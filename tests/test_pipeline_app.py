"""The Pipeline page in the real app (AppTest): funnel, KPIs, moves, the kind filter, long lists."""

from __future__ import annotations

import datetime as dt

from helpers import chart, charts, metrics, open_app, query, submit, texts

from careerdata.pipeline import analytics as pl
from careerdata.pipeline import queries as plq
from careerdata.store import db

PIPELINE = "app_pages/pipeline.py"


def test_pipeline_funnel_and_kpis_match_the_file(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PIPELINE)
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
    at = open_app(monkeypatch, demo_db, PIPELINE)
    at.selectbox(key=f"move_stage_{oid}").set_value("offer")
    submit(at, f"move_{oid}", "Move").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert query(demo_db, "SELECT stage FROM opportunity WHERE id = ?", [oid]) == [("offer",)]
    funnel = chart(at, "Interview is your leakiest step: 83% move on to offer")
    assert list(funnel.data[0].x) == [11, 9, 7, 6, 5, 2]


def test_the_kind_filter_applies_to_the_whole_pipeline_page(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PIPELINE)
    at.multiselect(key="pipeline_kinds").set_value(["promotion"]).run()
    assert not at.exception
    shown = metrics(at)
    assert shown["Open opportunities"] == "1"
    assert shown["Win rate"] == "0%"


def test_pipeline_on_an_empty_file_then_adding_an_opportunity(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PIPELINE)
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
        expected = pl.open_opportunities(plq.opportunities(con))["id"].tolist()
    finally:
        con.close()
    assert len(expected) == 35
    at = open_app(monkeypatch, path, PIPELINE)
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
