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
    assert "You last talked to" not in shown  # she was touched 4 days ago: the demo persona is healthy (#14)
    assert len(at.get("plotly_chart")) == 2


def test_home_on_an_empty_file_is_a_start_here_checklist_with_links(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db)
    shown = texts(at)
    assert "Start here" in [h.value for h in at.subheader]
    assert at.get("progress")[0].proto.text == "0 of 4 steps done"
    for step in ("Import a résumé (JSON Resume) or your LinkedIn data export", "Add the role you want next",
                 "Log your latest win, with what it was worth", "Rate your skills (1 to 5)"):
        assert step in shown
    labels = {link.proto.label for link in at.get("page_link")}
    assert {"Import & export", "Target roles", "Log a win", "Rate skills"} <= labels
    # no page of zeros: the one figure is the check-in streak, the habit a new user can start today
    assert [m.label for m in at.metric] == ["Streak"] and not at.get("plotly_chart")
