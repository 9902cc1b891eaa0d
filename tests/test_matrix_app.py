"""AppTest: the skill-value matrix page shows real, sourced figures."""


import pandas as pd
from helpers import chart_values, figure_at, open_app, texts

from careerdata.matrix import skill_value as sv
from careerdata.store import db


def test_matrix_has_one_point_per_skill_and_the_four_quadrants(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/matrix.py")
    fig = figure_at(at)
    points = sum(len(trace.x) for trace in fig.data)
    con = db.connect(demo_db)
    skills = con.execute("SELECT count(*) FROM skill").fetchone()[0]
    con.close()
    assert points == skills
    labels = {a.text for a in fig.layout.annotations}
    assert {f"<b>{q}</b>" for q in sv.QUADRANTS} <= labels
    assert {m.label for m in at.metric} >= set(sv.QUADRANTS)


def test_switching_the_target_role_changes_the_values(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/matrix.py")
    before = [y for t in figure_at(at).data for y in chart_values(t.y)]
    at.selectbox(key="matrix_role").set_value("Engineering Manager (M1, Helio Health)").run()
    assert not at.exception
    after = [y for t in figure_at(at).data for y in chart_values(t.y)]
    assert before != after
    assert "Computer and Information Systems Managers (11-3021.00) at ladder level M1" in texts(at)
    table = next(d.value for d in at.dataframe if "recommendation" in d.value.columns)
    kubernetes = table.set_index("name").loc["Kubernetes"]
    assert pd.isna(kubernetes["market_value"]) and kubernetes["quadrant"] == sv.NO_VALUE
    assert kubernetes["basis"] == "not in the O*NET technology list of Computer and Information Systems Managers"
    hover = " ".join(h for t in figure_at(at).data for h in t.hovertext if h.startswith("<b>Kubernetes</b>"))
    assert "No market value: not in the O*NET technology list" in hover


def test_your_estimate_replaces_the_value_and_is_labelled(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/matrix.py")
    at.selectbox(key="est_skill").set_value("Payments")
    at.number_input(key="est_value").set_value(120.0)
    next(b for b in at.button if b.label == "Save estimate").click().run()
    assert not at.exception
    hover = " ".join(h for t in figure_at(at).data for h in t.hovertext if h.startswith("<b>Payments</b>"))
    assert "Market value 120 (your estimate" in hover


def test_matrix_on_an_empty_file_says_what_to_add(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, "app_pages/matrix.py")
    assert "No skills yet" in texts(at)
    assert not at.get("plotly_chart")
