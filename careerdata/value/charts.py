"""Charts of the value-proposition page: the customer's needs against your proof, and the career P&L.

Each figure is built in one go from a list of traces and one layout (then themed), because every
`add_bar` / `update_layout` call on a Plotly figure validates the whole change again.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core.charts import IMPACT_CATEGORY_COLORS, apply_theme, wrap_label
from careerdata.core.money import format_money
from careerdata.figures.evidence import linked_wins_label

COMPETENCY_NEED_COLOR = "#64748B"  # a ladder step-up: not an impact category
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
        wins = int(thin["wins"])
        count = linked_wins_label(wins) if not isinstance(thin["category"], str) else f"{wins} win{'s' * (wins != 1)}"
        title += f"; thinnest: {thin['label']} ({count})"
    top = max(float(coverage["wins"].max()), 1.0)
    fig = go.Figure(
        # the count on a long bar sits inside it, on a short one after it: it stays in the chart at 1024 px
        data=[{"type": "bar", "x": data["wins"], "y": labels, "orientation": "h",
               "marker": {"color": colors}, "text": text, "textposition": "auto", "insidetextanchor": "end",
               "cliponaxis": False, "hovertext": hover,
               "hoverinfo": "text", "showlegend": False}],
        layout={"xaxis": {"title": {"text": "Your accomplishments that address the need (count)"},
                          "range": [0, top * 1.3], "showgrid": True, "gridcolor": "#F3F4F6"},
                # long need names on two lines leave the bars (and their labels) room at 1024 px
                "yaxis": {"title": None, "automargin": True, "tickmode": "array", "tickvals": labels,
                          "ticktext": [_wrap(lbl, 26) for lbl in labels]}})
    # a bar of length 0 draws no text: its count is written at the axis instead ("0 linked wins")
    for lbl, w, t in zip(labels, data["wins"], text, strict=True):
        if not w:
            fig.add_annotation(x=0, y=lbl, text=t, showarrow=False, xanchor="left", xshift=4,
                               font={"size": 12, "color": "#6B7280"})
    fig = apply_theme(fig, title=title, height=max(320, 110 + 34 * len(coverage)))
    fig.update_layout(margin={"l": 20, "r": 20})
    return fig
