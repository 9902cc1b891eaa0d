"""AppTest: the Market page shows real, sourced figures, on the demo and on an empty file."""

from __future__ import annotations

import pytest
from helpers import chart_values, figure_at, open_app, texts

from careerdata.store import db


def test_market_page_figures_equal_the_shipped_bls_data(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/market.py")
    con = db.connect(demo_db)
    median = con.execute("SELECT annual_median FROM market_wage WHERE soc_code = '15-1252' AND year = 2025"
                         ).fetchone()[0]
    con.close()
    figures = [figure_at(at, i) for i in range(len(at.get("plotly_chart")))]
    percentiles = next(f for f in figures if "pays the most of your targets" in f.layout.title.text)
    dots = [t for t in percentiles.data if t.mode == "markers"]
    software = next(t for t in dots if list(t.y) == ["Software Developers"])
    assert chart_values(software.x) == [median] == [135980.0]
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
    # the Market shows the occupation match; "fit" is the role fit of Target roles (careerdata.figures.fit)
    assert "/100 occupation match)" in roles_map.layout.title.text
    assert all("occupation match" in h and "fit" not in h.lower() for h in roles_map.data[0].hovertext)
    assert roles_map.layout.xaxis.title.text.startswith("Occupation match")


@pytest.mark.parametrize("page", ["app_pages/market.py"])
def test_market_page_on_an_empty_file_still_shows_public_data(monkeypatch, empty_db, page):
    at = open_app(monkeypatch, empty_db, page)
    assert "Add your skills to see how well they match each occupation." in texts(at)
    assert len(at.get("plotly_chart")) == 3  # pay percentiles, pay trend, which skills pay
