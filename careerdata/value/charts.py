"""Charts of the value-proposition page: the customer's needs against your proof, and the career P&L.

Each figure is built in one go from a list of traces and one layout (then themed), because every
`add_bar` / `update_layout` call on a Plotly figure validates the whole change again.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core import vocab
from careerdata.core.charts import IMPACT_CATEGORY_COLORS, USER_COLOR, apply_theme, wrap_label
from careerdata.core.money import format_money
from careerdata.figures.evidence import linked_wins_label
from careerdata.value.ledger import LEDGER_MEASURES

COMPETENCY_NEED_COLOR = "#64748B"  # a ladder step-up: not an impact category
# Confidence is drawn as how solid a bar is (SVG fill patterns do not render reliably in hidden tabs).
CONFIDENCE_OPACITY = {"verified": 1.0, "measured": 0.6, "estimated": 0.3}
CONFIDENCE_NAMES = {"verified": "Verified (solid)", "measured": "Measured (lighter)",
                    "estimated": "Estimated (palest)"}


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    return f"rgba({int(h[0:2], 16)},{int(h[2:4], 16)},{int(h[4:6], 16)},{alpha})"


def _wrap(text: str, width: int = 34) -> str:
    return wrap_label(text, width)


def needs_chart(coverage: pd.DataFrame, target: str) -> go.Figure:
    """Horizontal bars: per customer need, how many of your accomplishments address it."""
    data = coverage.iloc[::-1]  # first need on top
    labels = [f"{'Pain' if k == 'pain' else 'Gain'}: {lbl}" for k, lbl in zip(data["kind"], data["label"], strict=True)]
    colors = [IMPACT_CATEGORY_COLORS.get(c, COMPETENCY_NEED_COLOR) if isinstance(c, str) else COMPETENCY_NEED_COLOR
              for c in data["category"]]
    # a competency need counts the wins linked to it (figures.evidence.linked_wins), as Competitors does
    competency = [not isinstance(c, str) for c in data["category"]]
    text = [(linked_wins_label(w) if comp else f"{w} win{'s' if w != 1 else ''}")
            + (f" · {format_money(m)}/yr" if m else "")
            for w, m, comp in zip(data["wins"], data["money_usd"], competency, strict=True)]
    hover = [
        f"<b>{lbl}</b><br>{_wrap(r.detail, 60)}<br><i>{r.source}</i><br>"
        + (f"{r.wins} of your wins {'are linked to' if comp else 'address'} it, worth {format_money(r.money_usd)} "
           f"a year (your estimates)<br>Best proof: {_wrap(r.best, 60)}" if r.wins
           else "No win linked to it yet: link one in the Journal" if comp
           else "No accomplishment addresses it yet: a gap to close")
        for lbl, r, comp in zip(labels, data.itertuples(index=False), competency, strict=True)
    ]
    covered = int((coverage["wins"] > 0).sum())
    title = f"You have proof for {covered} of {len(coverage)} needs of {target}"
    thin = coverage.sort_values(["wins", "money_usd"]).iloc[0] if not coverage.empty else None
    if thin is not None:
        title += f"; thinnest: {thin['label']} ({int(thin['wins'])} win{'s' if thin['wins'] != 1 else ''})"
    top = max(float(coverage["wins"].max()), 1.0)
    fig = go.Figure(
        data=[{"type": "bar", "x": data["wins"], "y": labels, "orientation": "h", "marker": {"color": colors},
               "text": text, "textposition": "outside", "cliponaxis": False, "hovertext": hover,
               "hoverinfo": "text", "showlegend": False}],
        layout={"xaxis": {"title": {"text": "Your accomplishments that address the need (count)"},
                          "range": [0, top * 1.3], "showgrid": True, "gridcolor": "#F3F4F6"},
                "yaxis": {"title": None, "automargin": True}})
    fig = apply_theme(fig, title=title, height=max(320, 110 + 34 * len(coverage)))
    fig.update_layout(margin={"l": 20, "r": 20, "t": 60, "b": 60})
    return fig


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
