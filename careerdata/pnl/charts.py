"""The Career P&L chart: impact per quarter by category and confidence, and the cumulative run-rate."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core import vocab
from careerdata.core.charts import IMPACT_CATEGORY_COLORS, USER_COLOR, apply_theme
from careerdata.core.money import format_money
from careerdata.pnl.ledger import LEDGER_MEASURES

# Confidence is drawn as how solid a bar is (SVG fill patterns do not render reliably in hidden tabs).
CONFIDENCE_OPACITY = {"verified": 1.0, "measured": 0.6, "estimated": 0.3}
CONFIDENCE_NAMES = {"verified": "Verified (solid)", "measured": "Measured (lighter)",
                    "estimated": "Estimated (palest)"}


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    return f"rgba({int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{alpha})"



def ledger_chart(entries: pd.DataFrame, cumulative: pd.DataFrame, quarters: list[str], measure: str) -> go.Figure:
    """Career P&L: stacked bars per quarter by impact category (solidity = confidence) and the
    cumulative run-rate as a line on the right axis."""
    money = measure == "money_usd"
    unit = LEDGER_MEASURES[measure]

    def fmt(v: float) -> str:
        return format_money(v) if money else f"{v:,.0f} h"

    traces = []
    parts = dict(iter(entries.groupby(["category", "confidence"], sort=False))) if not entries.empty else {}
    for category, color in IMPACT_CATEGORY_COLORS.items():
        label = vocab.IMPACT_CATEGORY_LABELS[category]
        shown = False
        for conf in vocab.CONFIDENCES:
            part = parts.get((category, conf))
            if part is None or part.empty or part["value"].sum() <= 0:
                continue
            shown = True
            traces.append({
                "type": "bar", "x": part["quarter"], "y": part["value"], "name": f"{label} · {conf}",
                "legendgroup": category, "showlegend": False,
                "marker": {"color": _rgba(color, CONFIDENCE_OPACITY[conf]), "line": {"color": color, "width": 1}},
                "customdata": [[category, conf, int(n), q] for n, q in zip(part["metrics"], part["quarter"],
                                                                          strict=True)],
                "hovertemplate": (f"<b>{label}</b> · %{{customdata[3]}} · {conf}<br>"
                                  + ("$%{y:,.0f} a year" if money else "%{y:,.0f} hours saved a year")
                                  + " from %{customdata[2]} metric(s)<br>Click the bar to list the accomplishments"
                                    "<extra></extra>"),
            })
        if shown:  # one clean legend entry per category
            traces.append({"type": "bar", "x": [None], "y": [None], "name": label, "marker": {"color": color},
                           "legendgroup": category, "hoverinfo": "skip"})
    for conf in vocab.CONFIDENCES:
        if not entries.empty and (entries.loc[entries["confidence"] == conf, "value"] > 0).any():
            traces.append({"type": "bar", "x": [None], "y": [None], "name": CONFIDENCE_NAMES[conf],
                           "hoverinfo": "skip", "marker": {"color": _rgba("#4B5563", CONFIDENCE_OPACITY[conf]),
                                                           "line": {"color": "#4B5563", "width": 1}}})
    traces.append({
        "type": "scatter", "x": cumulative["quarter"], "y": cumulative["cumulative"],
        "name": "Cumulative (right axis)", "yaxis": "y2", "mode": "lines",
        "line": {"color": USER_COLOR, "width": 3, "shape": "hv"},
        "customdata": [[*vals, q] for vals, q in zip(
            cumulative[[f"cumulative_{c}" for c in vocab.CONFIDENCES]].to_numpy().tolist(), cumulative["quarter"],
            strict=True)],
        "hovertemplate": ("<b>Cumulative to %{customdata[3]}</b><br>"
                          + ("$%{y:,.0f} a year" if money else "%{y:,.0f} hours a year")
                          + "<br>verified %{customdata[0]:,.0f} · measured %{customdata[1]:,.0f} · estimated "
                            "%{customdata[2]:,.0f}<extra></extra>"),
    })
    total = float(cumulative["cumulative"].iloc[-1]) if not cumulative.empty else 0.0
    verified = float(cumulative["cumulative_verified"].iloc[-1]) if not cumulative.empty else 0.0
    first_year = quarters[0].split()[0] if quarters else ""
    what = "of value a year" if money else "a year saved"
    title = f"Career P&L: {fmt(total)} {what} delivered since {first_year}"
    if total:
        title += f", {verified / total:.0%} of it verified"
    years = [q for q in quarters if q.endswith("Q1")] or quarters[:1]
    step = max(1, len(years) // 10)
    money_ticks = {"tickprefix": "$", "tickformat": "~s"} if money else {}
    fig = go.Figure(data=traces, layout={
        "barmode": "stack",
        "xaxis": {"title": {"text": "Quarter the work was done"}, "categoryorder": "array", "categoryarray": quarters,
                  "tickmode": "array", "tickvals": years[::step], "ticktext": [q.split()[0] for q in years[::step]],
                  "tickangle": 0, "range": [-0.6, len(quarters) - 0.4]},
        "yaxis": {"title": {"text": f"Per quarter ({unit})"}, "rangemode": "tozero", **money_ticks},
        "yaxis2": {"overlaying": "y", "side": "right", "showgrid": False, "rangemode": "tozero", "tickmode": "auto",
                   "nticks": 6, "title": {"text": f"Cumulative ({unit})"}, **money_ticks},
    })
    fig = apply_theme(fig, title=title, height=480)
    fig.update_layout(margin={"l": 70, "r": 80})
    return fig
