"""No user text renders as markup in a chart: Plotly draws a subset of HTML in titles, hover text,
tick labels, legend names and annotations, so every figure's strings are escaped in one pass
(`careerdata.core.text.sanitize_figure`, called by `apply_theme`)."""

from __future__ import annotations

import json
import shutil

import numpy as np
import plotly.graph_objects as go
import pytest
from helpers import open_app
from test_security_browser import ANCHOR, SPAN, _plant

from careerdata.core.charts import apply_theme
from careerdata.core.text import plotly_safe, sanitize_figure
from careerdata.ui.layout import PAGES

LIVE = ("<span style=\"fill", "<a href", "<img", "<script")


@pytest.mark.parametrize(("raw", "safe"), [
    ('<span style="fill:url(http://127.0.0.2/x)">Eve</span>',
     '&lt;span style="fill:url(http://127.0.0.2/x)"&gt;Eve</span>'),
    ('<a href="http://127.0.0.2/">x</a>', '&lt;a href="http://127.0.0.2/"&gt;x&lt;/a&gt;'),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("<b>Ada</b><br>L6 · 3 < 5 > 2<extra></extra>", "<b>Ada</b><br>L6 · 3 &lt; 5 &gt; 2<extra></extra>"),
    ("<br/><i>peer</i><sup>2</sup>", "<br/><i>peer</i><sup>2</sup>"),
    ("<span style='font-size:13px;color:#6B7280'>sub</span>", "<span style='font-size:13px;color:#6B7280'>sub</span>"),
    ("<span style='color:red;background:url(x)'>", "&lt;span style='color:red;background:url(x)'&gt;"),
    ("<B ONCLICK=x>", "&lt;B ONCLICK=x&gt;"),
    ("plain & simple", "plain & simple"),
])
def test_plotly_safe_keeps_only_attribute_free_formatting(raw, safe):
    assert plotly_safe(raw) == safe
    assert plotly_safe(safe) == safe  # idempotent: a figure may be themed twice


def test_every_string_of_a_figure_is_escaped_wherever_it_sits():
    hostile = f"Eve {SPAN} {ANCHOR}"
    fig = go.Figure()
    fig.add_bar(x=[hostile, "Bob"], y=[1, 2], name=hostile, text=[hostile, "b"], hovertext=[hostile, "b"],
                customdata=np.array([[hostile, 1], ["b", 2]], dtype=object),
                hovertemplate="<b>%{x}</b><br>%{customdata[0]}<extra></extra>")
    fig.add_scatterpolar(r=[1, 2], theta=[hostile, "b"], name="polar")
    fig.add_annotation(text=hostile, x=0, y=0)
    fig.update_xaxes(title=hostile, ticktext=[hostile], tickvals=[hostile], categoryarray=[hostile, "Bob"])
    apply_theme(fig, title=hostile)
    strings = _strings(json.loads(fig.to_json()))
    assert not [s for s in strings if any(tag in s for tag in LIVE)]
    assert sum("&lt;span style=" in s for s in strings) >= 10
    assert fig.data[0].hovertemplate == "<b>%{x}</b><br>%{customdata[0]}<extra></extra>"  # the app's own markup
    assert list(fig.layout.xaxis.categoryarray) == list(fig.data[0].x)  # categories still match their labels
    assert sanitize_figure(fig).to_json() == fig.to_json()


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "template" for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, _demo_master):
    path = tmp_path_factory.mktemp("hostile-charts") / "career.duckdb"
    shutil.copy(_demo_master, path)
    _plant(path)
    return path


def test_hostile_names_render_as_text_in_every_chart_of_every_page(monkeypatch, hostile_db):
    charts, escaped = 0, 0
    for key, (file, _title, _icon, _url) in PAGES.items():
        at = open_app(monkeypatch, hostile_db, file)
        for chart in at.get("plotly_chart"):
            strings = _strings(json.loads(chart.proto.spec))
            live = [s for s in strings if any(tag in s for tag in LIVE)]
            assert not live, f"{key}: markup from user text would render: {live[:3]}"
            charts += 1
            escaped += any("&lt;span style=" in s or "&lt;a href=" in s for s in strings)
    assert charts >= 15, charts  # the pages drew their charts
    assert escaped >= 5, escaped  # and the hostile names reached them, escaped
