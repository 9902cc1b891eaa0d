"""AppTest: the competitors page on the demo and on an empty file."""

from __future__ import annotations

import base64

import numpy as np
import plotly.io
from helpers import open_app, texts

from careerdata.store import db

PAGE = "app_pages/competitors.py"


def _values(array) -> list:
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def _charts(at) -> list:
    return [plotly.io.from_json(c.proto.spec) for c in at.get("plotly_chart")]


def _trace(fig, start: str):
    return next(t for t in fig.data if (t.name or "").startswith(start))


def _expected(demo_db, level: str) -> list[float]:
    con = db.connect(demo_db)
    rows = dict(con.execute("SELECT competency_key, target FROM level_expectation WHERE level_code = ?",
                            [level]).fetchall())
    keys = [r[0] for r in con.execute("SELECT key FROM competency ORDER BY key").fetchall()]
    con.close()
    return [float(rows[k]) for k in keys]


def test_competitors_page_draws_radar_positioning_and_moat(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    assert at.title[0].value == "Competitors"
    radar, positioning, moat = _charts(at)
    assert radar.layout.title.text.startswith("You reach the L6 bar on")
    target = _trace(radar, "Target level: L6 Staff Engineer")
    assert _values(target.r)[:-1] == _expected(demo_db, "L6")  # the polygon is closed by repeating the first
    assert _trace(radar, "Your level now: L5")
    assert _trace(radar, "O*NET: Software Developers (stand-in ratings)")
    you = _values(_trace(radar, "You").r)
    assert len(you) == 10 and max(you) <= 5 and min(you) >= 0
    names = {t.name for t in positioning.data}
    assert {"You", "Ladder: IC track", "Ladder: management track", "Target roles (hover for names)"} <= names
    assert "sit closest to" in positioning.layout.title.text
    assert moat.layout.title.text.startswith("Moat ")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Moat score"].endswith("/100") and metrics["Moat score"] in moat.layout.title.text
    shown = texts(at)
    assert "stand-in occupation 15-1299.08" in shown and "Default engineering ladder" in shown


def test_changing_the_target_changes_the_benchmark(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    before = _charts(at)[0]
    at.selectbox(key="competitors_target").set_value("role:2").run()  # Engineering Manager, M1
    assert not at.exception
    after = _charts(at)[0]
    target = _trace(after, "Target level: M1 Engineering Manager")
    assert _values(target.r)[:-1] == _expected(demo_db, "M1")
    assert _values(target.r) != _values(_trace(before, "Target level: L6").r)
    assert _trace(after, "O*NET: Computer and Information Systems Managers")
    assert "M1 bar" in after.layout.title.text


def test_competitors_page_on_an_empty_file_shows_the_benchmarks(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    shown = texts(at)
    assert "No accomplishment is linked to a ladder competency yet" in shown
    assert "No proven skill that this target needs yet" in shown
    radar, positioning = _charts(at)
    assert [t.name for t in radar.data] == ["O*NET: Software Developers (stand-in ratings)"]
    assert "You" not in {t.name for t in positioning.data}
    assert {m.label: m.value for m in at.metric}["Moat score"] == "—"
