"""Charts of the Home page: quantified impact by quarter and wins per quarter."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core import vocab
from careerdata.core.charts import BENCHMARK_COLOR, IMPACT_CATEGORY_COLORS, USER_COLOR, apply_theme


def _money_tick(fig: go.Figure) -> None:
    fig.update_yaxes(tickprefix="$", tickformat="~s")


def _quarter_ticks(fig: go.Figure, quarters: list[str]) -> None:
    """'2026 Q3' as 'Q3' over '2026', horizontal, so twelve quarters stay readable."""
    fig.update_xaxes(categoryorder="array", categoryarray=quarters, tickmode="array", tickvals=quarters,
                     ticktext=[f"{q.split()[1]}<br>{q.split()[0]}" for q in quarters],
                     tickangle=0)


def impact_by_quarter_chart(frame: pd.DataFrame, quarters: list[str]) -> go.Figure:
    """Stacked bars: annualised money by impact category per quarter."""
    fig = go.Figure()
    for category, color in IMPACT_CATEGORY_COLORS.items():
        part = frame[frame["category"] == category]
        if part["money_usd"].fillna(0).sum() <= 0:
            continue  # no money estimate in the window: a legend entry with no bar would mislead
        label = vocab.IMPACT_CATEGORY_LABELS[category]
        fig.add_bar(
            x=part["quarter"], y=part["money_usd"].fillna(0), name=label, marker_color=color,
            customdata=part[["metrics", "hours"]].fillna(0).to_numpy(),
            hovertemplate=(f"<b>{label}</b> · %{{x}}<br>$%{{y:,.0f}} a year"
                           "<br>%{customdata[0]} metric(s), %{customdata[1]:,.0f} hours saved a year<extra></extra>"),
        )
    total = frame.groupby("quarter")["money_usd"].sum()
    best = total.idxmax() if not total.empty and total.max() > 0 else None
    title = "Quantified impact by quarter"
    if best:
        title += f": {best} was your biggest quarter"
    fig.update_layout(barmode="stack")
    _quarter_ticks(fig, quarters)
    fig.update_xaxes(title="Quarter the work was done")
    fig.update_yaxes(title="Annualised value (USD per year)")
    _money_tick(fig)
    return apply_theme(fig, title=title)


def activity_chart(frame: pd.DataFrame) -> go.Figure:
    """Accomplishments per quarter, split by whether they carry a metric."""
    fig = go.Figure()
    fig.add_bar(
        x=frame["quarter"], y=frame["quantified"], name="With a metric", marker_color=USER_COLOR,
        hovertemplate="%{x}<br>%{y} win(s) with a metric<extra></extra>",
    )
    fig.add_bar(
        x=frame["quarter"], y=frame["unquantified"], name="No metric yet", marker_color=BENCHMARK_COLOR,
        hovertemplate="%{x}<br>%{y} win(s) without a metric: add one in the Journal<extra></extra>",
    )
    total = int(frame["accomplishments"].sum())
    quantified = int(frame["quantified"].sum())
    if total:
        title = f"Wins per quarter: {quantified} of {total} in the last {len(frame)} quarters have a metric"
    else:
        title = "Wins per quarter"
    fig.update_layout(barmode="stack")
    _quarter_ticks(fig, frame["quarter"].tolist())
    fig.update_xaxes(title="Quarter the work was completed")
    fig.update_yaxes(title="Accomplishments (count)", dtick=1 if frame["accomplishments"].max() <= 6 else None)
    return apply_theme(fig, title=title)
