"""Shared AppTest helpers: open the real app on a career file and read what it shows."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import plotly.io
from streamlit.testing.v1 import AppTest

from careerdata.store import db

APP = Path(__file__).resolve().parents[1] / "dashboard.py"


def open_app(monkeypatch, path, page: str | None = None) -> AppTest:
    monkeypatch.setenv("CAREERDATA_DB", str(path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.info]
    parts += [e.value for e in at.success] + [e.value for e in at.error] + [e.value for e in at.warning]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # drop Markdown escapes


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def decode_plotly(value):
    """Plotly sends arrays as base64 typed arrays ({'bdata', 'dtype'}); turn them back into lists."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    if isinstance(value, dict):
        return {k: decode_plotly(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode_plotly(v) for v in value]
    return value


def as_read(fig: go.Figure) -> go.Figure:
    """The figure with its title as a person reads it: the lines the theme wraps it into, joined again."""
    if fig.layout.title.text:
        fig.layout.title.text = fig.layout.title.text.replace("<br>", " ")
    return fig


def charts(at: AppTest) -> dict[str, go.Figure]:
    """Every Plotly chart on the page by its title (as read), decoded back into a figure."""
    figs = [as_read(go.Figure(decode_plotly(json.loads(c.proto.spec)))) for c in at.get("plotly_chart")]
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


def row_id(con, table: str, where: str, value) -> int:
    assert table in {"contact", "opportunity", "conversation"}
    return con.execute(f"SELECT id FROM {table} WHERE {where} = ?", [value]).fetchone()[0]


def chart_values(array) -> list:
    """Plotly 7 sends numeric arrays as {'dtype', 'bdata'} (base64); decode them to a list."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def figure_at(at, index=0):
    """The chart as a Plotly figure (its numeric arrays travel as binary and are decoded here), title as read."""
    return as_read(plotly.io.from_json(at.get("plotly_chart")[index].proto.spec))
