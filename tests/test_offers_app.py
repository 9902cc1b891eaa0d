"""The Offers page (AppTest) on the demo and on an empty file, with real writes."""

from __future__ import annotations

import datetime as dt

from helpers import figure_at, open_app, texts

from careerdata.store import db

PAGE = "app_pages/offers.py"


def _query(path, sql):
    con = db.connect(path)  # the same configuration as the app's connection
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_the_demo_compares_two_offers_and_the_current_job_and_saves_the_negotiation(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Best 4 years (USD)"] == "$1.53M" and metrics["Left behind"] == "$20.8k"
    table = next(d.value for d in at.dataframe if "Offer" in d.value.columns).set_index("Offer")
    assert table.loc["Tidewater Analytics", "Year 1"] == "$389,800"
    assert table.loc["Harborview Systems", "4-year total"] == "$1,424,000"
    assert table.loc["Current job (Helio Health)", "Year 1"] == "$247,633"
    assert table.loc["Tidewater Analytics", "vs staying (4 years)"] == "+$541,167"
    titles = [figure_at(at, i).layout.title.text for i in range(len(at.get("plotly_chart")))]
    assert any("Tidewater Analytics pays most over four years: $1,529,200, $541,167 more than staying" in t
               for t in titles)
    shown = texts(at)
    assert "Sign-on $60,000 is repaid if you leave within 12 months." in shown
    assert "BLS OEWS May 2025 national annual wage percentiles for Software Developers" in shown
    assert "Walk-away $356,000: your best alternative is the Harborview Systems offer" in shown
    assert "Cut AWS spend 31% by rightsizing the scheduling cluster" in shown

    save = next(b for b in at.button if b.label == "Save to Conversations to rehearse")
    save.click().run()
    assert not at.exception
    rows = _query(demo_db, "SELECT v.title, v.status, v.anchor, v.target, v.walk_away, "
                           "(SELECT count(*) FROM conversation_objection o WHERE o.conversation_id = v.id) "
                           "FROM conversation v JOIN offer_conversation l ON l.conversation_id = v.id")
    assert rows == [("Negotiate the Tidewater Analytics offer", "rehearsing", 242000.0, 228000.0, 228000.0, 5)]
    assert any(b.label == "Rehearse it in Conversations" for b in at.button)


def test_an_empty_file_says_what_to_add_and_takes_the_current_job(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    assert "No offers yet." in texts(at)
    assert not at.get("plotly_chart")
    at.text_input(key="new_offer_0_company").input("Acme <b>Cloud</b>")
    at.text_input(key="new_offer_0_title").input("Senior Engineer")
    at.number_input(key="new_offer_0_base").set_value(150000.0)
    at.number_input(key="new_offer_0_evalue").set_value(80000.0)
    at.text_input(key="new_offer_0_vesting").input("25/25/20")
    at.button(key="FormSubmitter:new_offer_0-Add this offer").click().run()
    shown = texts(at)  # every field's problem at once
    assert "the yearly percents add up to 70, not 100" in shown and "give the date your grant started" in shown
    assert _query(empty_db, "SELECT count(*) FROM offer") == [(0,)]
    at.text_input(key="new_offer_0_vesting").input("25/25/25/25")
    at.date_input(key="new_offer_0_start").set_value(dt.date(2024, 11, 21))
    at.button(key="FormSubmitter:new_offer_0-Add this offer").click().run()
    assert not at.exception
    assert _query(empty_db, "SELECT company, is_current_job, base, equity_value FROM offer") == [
        ("Acme <b>Cloud</b>", True, 150000, 80000)]
    # 24 of 48 months vested: half the 80,000 grant is left behind
    assert {m.label: m.value for m in at.metric}["Left behind"] == "$40.0k"
