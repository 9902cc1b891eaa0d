"""AppTest: the skill-value matrix and market pages show real, sourced figures."""

import base64

import numpy as np
import pandas as pd
import plotly.io
import pytest
from helpers import open_app, texts

from careerdata.matrix import skill_value as sv
from careerdata.store import db


def _values(array) -> list:
    """Plotly 7 sends numeric arrays as {'dtype', 'bdata'} (base64); decode them to a list."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def _figure(at, index=0):
    """The chart as a Plotly figure (its numeric arrays travel as binary and are decoded here)."""
    return plotly.io.from_json(at.get("plotly_chart")[index].proto.spec)


def test_matrix_has_one_point_per_skill_and_the_four_quadrants(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/matrix.py")
    fig = _figure(at)
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
    before = [y for t in _figure(at).data for y in _values(t.y)]
    at.selectbox(key="matrix_role").set_value("Engineering Manager (M1, Helio Health)").run()
    assert not at.exception
    after = [y for t in _figure(at).data for y in _values(t.y)]
    assert before != after
    assert "Computer and Information Systems Managers (11-3021.00) at ladder level M1" in texts(at)
    table = next(d.value for d in at.dataframe if "recommendation" in d.value.columns)
    kubernetes = table.set_index("name").loc["Kubernetes"]
    assert pd.isna(kubernetes["market_value"]) and kubernetes["quadrant"] == sv.NO_VALUE
    assert kubernetes["basis"] == "not in the O*NET technology list of Computer and Information Systems Managers"
    hover = " ".join(h for t in _figure(at).data for h in t.hovertext if h.startswith("<b>Kubernetes</b>"))
    assert "No market value: not in the O*NET technology list" in hover


def test_your_estimate_replaces_the_value_and_is_labelled(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/matrix.py")
    at.selectbox(key="est_skill").set_value("Payments")
    at.number_input(key="est_value").set_value(120.0)
    next(b for b in at.button if b.label == "Save estimate").click().run()
    assert not at.exception
    hover = " ".join(h for t in _figure(at).data for h in t.hovertext if h.startswith("<b>Payments</b>"))
    assert "Market value 120 (your estimate" in hover


def test_matrix_on_an_empty_file_says_what_to_add(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, "app_pages/matrix.py")
    assert "No skills yet" in texts(at)
    assert not at.get("plotly_chart")


def test_market_page_figures_equal_the_shipped_bls_data(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/market.py")
    con = db.connect(demo_db)
    median = con.execute("SELECT annual_median FROM market_wage WHERE soc_code = '15-1252' AND year = 2025"
                         ).fetchone()[0]
    con.close()
    figures = [_figure(at, i) for i in range(len(at.get("plotly_chart")))]
    percentiles = next(f for f in figures if "pays the most of your targets" in f.layout.title.text)
    dots = [t for t in percentiles.data if t.mode == "markers"]
    software = next(t for t in dots if list(t.y) == ["Software Developers"])
    assert _values(software.x) == [median] == [135980.0]
    shown = texts(at)
    assert "BLS OEWS May 2025" in shown and "O\\*NET" not in shown  # escapes are stripped by texts()
    assert "In demand for your targets" in {m.label for m in at.metric}
    # where your pay sits, and "which skills pay" stated as an association with n, r, interval, without managers
    assert "Your pay ($198,000, your figure) sits at about the 86th percentile of Software Developers." in shown
    assert ("Coordination: r = +0.75 (95% interval +0.42 to +0.90, n = 17 occupations); without the two manager "
            "occupations r = +0.49 (95% interval -0.03 to +0.80, n = 15)") in shown
    gradient = next(f for f in figures if "go with higher pay" in f.layout.title.text)
    hover = " ".join(h for t in gradient.data for h in t.hovertext)
    assert "+$-" not in hover and "−$27,306" in hover  # Installation, signed once
    roles_map = next(f for f in figures if f.layout.title.text.startswith("Of your target occupations"))
    assert not any("stand-in nan" in h or "stand-in None" in h for h in roles_map.data[0].hovertext)


@pytest.mark.parametrize("page", ["app_pages/market.py"])
def test_market_page_on_an_empty_file_still_shows_public_data(monkeypatch, empty_db, page):
    at = open_app(monkeypatch, empty_db, page)
    assert "Add your skills to see how well you fit each occupation." in texts(at)
    assert len(at.get("plotly_chart")) == 3  # pay percentiles, pay trend, which skills pay
