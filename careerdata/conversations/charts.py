"""Charts of the Conversations page: your pay against the public percentiles, and rehearsals.

Pure Plotly builders (no Streamlit). Titles state the finding; the user's own numbers are
USER_COLOR, public benchmarks BENCHMARK_COLOR.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core.charts import BENCHMARK_COLOR, MUTED_COLOR, USER_COLOR, apply_theme
from careerdata.core.money import format_money
from careerdata.core.text import plural, shorten


def pay_chart(comparison: pd.DataFrame, market: dict | None, title: str) -> go.Figure:
    """The user's own numbers and pay data points, one row each, against the occupation's BLS
    percentiles drawn as grey reference lines (the band is the 25th-75th percentile)."""
    bls = comparison[comparison["source"] == "market"]
    yours = comparison[comparison["source"] == "yours"].copy()
    order = {"Anchor": 0, "Target": 1, "Walk-away": 2, "Current pay": 3}
    yours["_order"] = [order.get(lbl, 4) if g == "Your numbers" else 4 for lbl, g in zip(yours["label"],
                                                                                          yours["group"], strict=True)]
    yours = yours.sort_values(["_order", "amount"], ascending=[True, False])
    rows = [f"Your {lbl.lower()}" if g == "Your numbers" else shorten(f"{lbl.capitalize()}: {d.split(' · ')[0]}", 34)
            for lbl, g, d in zip(yours["label"], yours["group"], yours["detail"], strict=True)]
    fig = go.Figure()
    lo, hi = comparison["amount"].min(), comparison["amount"].max()
    pad = max((hi - lo) * 0.10, 5000)
    p = dict(zip(bls["label"], bls["amount"], strict=True))
    if "25th pct" in p and "75th pct" in p:
        fig.add_vrect(x0=p["25th pct"], x1=p["75th pct"], fillcolor="#F3F4F6", opacity=1, line_width=0,
                      layer="below")
    for lbl, amount, detail in zip(bls["label"], bls["amount"], bls["detail"], strict=True):
        fig.add_vline(x=amount, line={"color": BENCHMARK_COLOR, "width": 1.5, "dash": "dot"}, layer="below")
        fig.add_annotation(x=amount, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                           text=f"{lbl.replace(' pct', '')}<br>{format_money(amount)}",
                           font={"size": 11, "color": "#4B5563"}, hovertext=f"{detail}: ${amount:,.0f} a year")
    fig.add_scatter(
        x=yours["amount"], y=rows, mode="markers+text", name="Yours",
        marker={"color": USER_COLOR, "size": 14, "symbol": ["diamond" if g == "Your numbers" else "square"
                                                            for g in yours["group"]],
                "line": {"width": 1, "color": "white"}},
        text=[format_money(a) for a in yours["amount"]], textposition="middle right",
        textfont={"size": 12, "color": USER_COLOR}, cliponaxis=False,
        customdata=yours["detail"], hovertemplate="%{customdata}: $%{x:,.0f} a year<extra></extra>")
    if not bls.empty:
        fig.add_scatter(x=[None], y=[None], mode="lines", name=f"BLS OEWS {market.get('year', '')} percentile "
                        "(band: 25th–75th)" if market else "BLS percentile",
                        line={"color": BENCHMARK_COLOR, "dash": "dot"})
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1], title=None, showgrid=False, automargin=True,
                     ticksuffix="  ")
    fig.update_xaxes(title="Annual base pay (USD per year)", tickprefix="$", tickformat="~s", showgrid=False,
                     range=[lo - pad, hi + pad * 1.5])
    height = 230 + 34 * len(rows)
    fig = apply_theme(fig, title=title, height=height)
    fig.update_layout(margin={"l": 20, "r": 30})
    return fig


def rehearsal_chart(rehearsals: pd.DataFrame) -> go.Figure:
    """Confidence before and after each rehearsal (1-5), in date order."""
    r = rehearsals.sort_values(["date", "id"]).reset_index(drop=True)
    labels = [f"#{i + 1}<br>{pd.Timestamp(d):%d %b}" for i, d in enumerate(r["date"])]
    fig = go.Figure()
    for i, row in r.iterrows():
        fig.add_scatter(x=[labels[i], labels[i]], y=[row["confidence_before"], row["confidence_after"]],
                        mode="lines", line={"color": MUTED_COLOR, "width": 6}, hoverinfo="skip", showlegend=False)
    notes = [shorten(n, 80) if n else "no notes" for n in r["notes"].fillna("")]
    fig.add_scatter(x=labels, y=r["confidence_before"], mode="markers", name="Before the rehearsal",
                    marker={"color": BENCHMARK_COLOR, "size": 13}, customdata=notes,
                    hovertemplate="Before: %{y} of 5<br>%{customdata}<extra></extra>")
    fig.add_scatter(x=labels, y=r["confidence_after"], mode="markers+lines", name="After the rehearsal",
                    marker={"color": USER_COLOR, "size": 14}, line={"color": USER_COLOR, "dash": "dot"},
                    customdata=notes, hovertemplate="After: %{y} of 5<br>%{customdata}<extra></extra>")
    first, last = int(r.iloc[0]["confidence_before"]), int(r.iloc[-1]["confidence_after"])
    if last > first:
        title = f"Confidence rose from {first} to {last} of 5 over {plural(len(r), 'rehearsal')}"
    elif last == first:
        title = f"Confidence is still {last} of 5 after {plural(len(r), 'rehearsal')}"
    else:
        title = f"Confidence fell from {first} to {last} of 5: rehearse the hard part again"
    fig.update_yaxes(title="Your confidence (1–5)", range=[0.5, 5.5], dtick=1)
    fig.update_xaxes(title="Rehearsal (number and date)", type="category")
    fig = apply_theme(fig, title=title, height=340)
    return fig
