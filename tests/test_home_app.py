"""AppTest: Home shows the persona's value and KPIs that match the file, and says what to add on an empty one."""

from __future__ import annotations

from helpers import open_app, texts

from careerdata.core.money import format_money
from careerdata.store import db


def test_home_shows_the_personas_value_and_the_kpis_match_the_file(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db)
    con = db.connect(demo_db)
    total = con.execute("SELECT sum(money_usd) FROM impact_metric").fetchone()[0]
    con.close()
    metrics = {m.label: m.value for m in at.metric}
    # a sum of annualised values is a run-rate, never "all-time" (it once was labelled so)
    assert metrics["Impact of all your wins"] == f"{format_money(total)}/yr run-rate"
    assert "all-time" not in " ".join(f"{m.label} {m.value}" for m in at.metric)
    assert metrics["Skills with evidence"].endswith("of 46")
    shown = texts(at)
    assert "Priya Raman" in shown
    # Elena is an advocate, not (yet) a sponsor: Home says so, as Network's funnel does
    assert "your advocate Elena Petrova is the closest" in shown and "your sponsor" not in shown
    assert len(at.get("plotly_chart")) == 2


def test_home_on_an_empty_file_says_what_to_add(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db)
    shown = texts(at)
    assert "No wins logged yet." in shown
    assert "No impact metrics yet" in shown
    assert not at.get("plotly_chart")
    assert {m.label: m.value for m in at.metric}["Wins with a metric"] == "—"
