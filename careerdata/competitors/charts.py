"""Charts of the competitors page: competency radar, positioning map and the moat's building blocks.

Each figure is built in one go from a list of traces and one layout (then themed), because every
`add_*` / `update_*` call on a Plotly figure validates the whole change again.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core import placement
from careerdata.core.charts import BENCHMARK_COLOR, USER_COLOR, apply_theme, wrap_label
from careerdata.figures.evidence import linked_wins_label

TARGET_COLOR = "#374151"  # target roles: benchmarks, drawn darker than the ladder
ONET_DASH = "dot"


def _wrap(text: str, width: int = 16) -> str:
    return wrap_label(text, width)


def _closed(values: list) -> list:
    return list(values) + list(values[:1])


def radar_chart(bench: pd.DataFrame, names: dict[str, str], title: str, show_you: bool = True) -> go.Figure:
    """Polar chart: your competency levels (0–5) against the benchmark profiles.

    bench: `competitors.benchmark_frame`; names: column -> legend label for current / target / onet.
    """
    axes = _closed([_wrap(n) for n in bench["name"]])
    full = _closed(list(bench["name"]))
    traces = []
    styles = {
        "onet": {"color": BENCHMARK_COLOR, "dash": ONET_DASH, "width": 2},
        "current": {"color": "#D1D5DB", "dash": "dash", "width": 2},
        "target": {"color": TARGET_COLOR, "dash": "solid", "width": 2.5},
    }
    for col in ("onet", "current", "target"):
        if col not in names or not bench[col].notna().any():
            continue
        values = _closed([None if pd.isna(v) else float(v) for v in bench[col]])
        traces.append({
            "type": "scatterpolar", "r": values, "theta": axes, "name": names[col], "mode": "lines+markers",
            "line": styles[col], "connectgaps": True, "marker": {"size": 5, "color": styles[col]["color"]},
            "customdata": full,
            "hovertemplate": f"<b>%{{customdata}}</b><br>{names[col]}: %{{r:.1f}} of 5<extra></extra>",
        })
    if show_you:
        detail = _closed([f"{linked_wins_label(int(a))} in the review cycle" for a in bench["accomplishments"]])
        traces.append({
            "type": "scatterpolar", "r": _closed([float(v) for v in bench["you"]]), "theta": axes,
            "name": "You (from your evidence)", "mode": "lines+markers", "fill": "toself",
            "fillcolor": "rgba(79,70,229,0.15)", "line": {"color": USER_COLOR, "width": 3},
            "marker": {"size": 7, "color": USER_COLOR}, "customdata": list(zip(full, detail, strict=True)),
            "hovertemplate": "<b>%{customdata[0]}</b><br>You: %{r:.1f} of 5 from %{customdata[1]}<extra></extra>",
        })
    fig = go.Figure(data=traces, layout={"polar": {
        "radialaxis": {"range": [0, 5], "dtick": 1, "angle": 90, "tickangle": 90, "gridcolor": "#E5E7EB",
                       "tickfont": {"size": 10, "color": "#6B7280"}},
        "domain": {"x": [0.1, 0.9], "y": [0.0, 1.0]},
        "angularaxis": {"direction": "clockwise", "rotation": 90, "tickfont": {"size": 11},
                        "gridcolor": "#E5E7EB"},
        "bgcolor": "white",
    }})
    fig = apply_theme(fig, title=_wrap(title, 56), height=600)
    fig.update_layout(margin={"l": 60, "r": 60, "b": 40}, showlegend=True,
                      legend={"title": {"text": "Proficiency 0–5:"}})
    return fig


MAP_RANGE = (0.0, 5.4)
MAP_PLOT = placement.Plot(380, MAP_RANGE, MAP_RANGE)  # the plot area of a 600 px map in a 470 px box
MAP_WIDTHS = (340.0, 420.0)
LABEL_STYLE = {"you": (13, USER_COLOR, 10.0), "target": (12, TARGET_COLOR, 8.0), "level": (11, "#6B7280", 4.0)}


def position_labels(points: pd.DataFrame, selected: str | None) -> list[dict]:
    """Annotations naming you, the chosen target and every ladder level, placed so that none overlaps
    another or a marker (careerdata.core.placement); the other targets are named on hover only."""
    shown = points[(points["kind"] != "target") | (points["label"] == selected)]
    order = shown.assign(_o=shown["kind"].map({"you": 0, "target": 1, "level": 2})).sort_values(["_o", "x"])
    markers = [(float(r.x), float(r.y), LABEL_STYLE[r.kind][2]) for r in points.itertuples(index=False)]
    rows = list(order.itertuples(index=False))
    spots = placement.place_labels(
        [(float(r.x), float(r.y), LABEL_STYLE[r.kind][2], r.label, -1 if r.kind == "level" and r.track == "IC" else 1)
         for r in rows], MAP_PLOT, font_px=[LABEL_STYLE[r.kind][0] for r in rows], markers=markers,
        widths=MAP_WIDTHS)
    return [{"x": r.x, "y": r.y, "text": f"<b>{r.label}</b>" if r.kind == "you" else r.label, "showarrow": True,
             "ax": spot.dx, "ay": spot.dy, "axref": "pixel", "ayref": "pixel", "xanchor": "center",
             "yanchor": "middle", "arrowhead": 0, "arrowwidth": 1, "standoff": LABEL_STYLE[r.kind][2],
             "arrowcolor": BENCHMARK_COLOR if spot.leader else "rgba(0,0,0,0)", "bgcolor": "rgba(255,255,255,0.85)",
             "font": {"size": LABEL_STYLE[r.kind][0], "color": LABEL_STYLE[r.kind][1]}}
            for r, spot in zip(rows, spots, strict=True) if spot is not None]


def positioning_chart(points: pd.DataFrame, selected: str | None, title: str) -> go.Figure:
    """Technical depth (x) vs business & communication breadth (y): ladder tracks, targets and you."""
    traces, annotations = [], []
    levels = points[points["kind"] == "level"]
    for track, dash in (("IC", "solid"), ("EM", "dash")):
        part = levels[levels["track"] == track].sort_values("rank")
        if part.empty:
            continue
        name = "Ladder: IC track" if track == "IC" else "Ladder: management track"
        traces.append({
            "type": "scatter", "x": part["x"], "y": part["y"], "mode": "lines+markers", "name": name,
            "text": part["label"],
            "line": {"color": BENCHMARK_COLOR, "dash": dash, "width": 1.5},
            "marker": {"size": 8, "color": BENCHMARK_COLOR}, "customdata": part["detail"],
            "hovertemplate": "<b>%{text} · %{customdata}</b><br>Expected technical depth %{x:.1f} · breadth "
                             "%{y:.1f} (of 5)<extra></extra>",
        })
    targets = points[points["kind"] == "target"].reset_index(drop=True)
    if not targets.empty:
        chosen = targets["label"] == selected
        traces.append({
            "type": "scatter", "x": targets["x"], "y": targets["y"], "mode": "markers",
            "name": "Target roles (hover for names)",
            "marker": {"symbol": "diamond", "size": [16 if c else 11 for c in chosen],
                       "color": [TARGET_COLOR if c else "white" for c in chosen],
                       "line": {"width": 2, "color": TARGET_COLOR}},
            "customdata": list(zip(targets["label"], targets["detail"], strict=True)),
            "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Technical depth %{x:.1f} · breadth "
                             "%{y:.1f} (of 5)<extra></extra>",
        })
    you = points[points["kind"] == "you"]
    if not you.empty:
        traces.append({
            "type": "scatter", "x": you["x"], "y": you["y"], "mode": "markers", "name": "You",
            "marker": {"symbol": "star", "size": 20, "color": USER_COLOR, "line": {"width": 1, "color": "white"}},
            "hovertemplate": "<b>You</b> (from your linked accomplishments)<br>Technical depth %{x:.1f} · breadth "
                             "%{y:.1f} (of 5)<extra></extra>",
        })
    layout = {"xaxis": {"title": {"text": "Technical depth (mean of technical competencies, 0–5)"},
                        "range": [0, 5.4], "dtick": 1, "showgrid": True, "gridcolor": "#F3F4F6"},
              "yaxis": {"title": {"text": "Business & communication breadth (0–5)"}, "range": [0, 5.4], "dtick": 1}}
    annotations = position_labels(points, selected)
    if annotations:
        layout["annotations"] = annotations
    fig = go.Figure(data=traces, layout=layout)
    fig = apply_theme(fig, title=_wrap(title, 56), height=600)
    fig.update_layout(margin={"l": 60, "r": 20, "b": 40})
    return fig


def moat_chart(slots: pd.DataFrame, pool_size: int, slot_count: int, title: str) -> go.Figure:
    """Bars: the points each of your rarest proven skills adds to the moat score (100 / K × r × e / 5)."""
    data = slots.iloc[::-1]
    points = data["contribution"] * 100.0 / slot_count
    hover = [f"<b>{r.name}</b><br>listed by {r.listed_by} of {pool_size} occupations (rarity {r.rarity:.0%})"
             f"<br>your evidence level {r.evidence_level:.1f} of 5<br>adds {p:.1f} of the possible "
             f"{100 / slot_count:.0f} points" for r, p in zip(data.itertuples(index=False), points, strict=True)]
    fig = go.Figure(
        data=[{"type": "bar", "x": [100.0 / slot_count] * len(data), "y": data["name"], "orientation": "h",
               "marker": {"color": "#F3F4F6"}, "hoverinfo": "skip", "showlegend": False, "name": "possible"},
              {"type": "bar", "x": points, "y": data["name"], "orientation": "h", "marker": {"color": USER_COLOR},
               "hovertext": hover, "hoverinfo": "text", "text": [f"{p:.1f}" for p in points],
               "textposition": "outside", "cliponaxis": False, "showlegend": False, "name": "your points"}],
        layout={"barmode": "overlay",
                "xaxis": {"title": {"text": f"Points added to the moat score (max {100 / slot_count:.0f} each)"},
                          "range": [0, 100.0 / slot_count * 1.15]},
                "yaxis": {"title": None, "automargin": True}})
    fig = apply_theme(fig, title=_wrap(title, 100), height=max(280, 140 + 40 * len(data)))
    fig.update_layout(margin={"l": 20, "r": 30, "b": 60})
    return fig
