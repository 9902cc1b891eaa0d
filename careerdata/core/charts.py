"""Plotly figure builders with one theme (no Streamlit here, so they are testable).

Colours are fixed per skill kind and per impact category across every chart, and the user
is always USER_COLOR against grey benchmarks.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core.text import sanitize_figure

USER_COLOR = "#4F46E5"
BENCHMARK_COLOR = "#9CA3AF"
MUTED_COLOR = "#E5E7EB"

SKILL_KIND_COLORS = {
    "technical": "#2563EB",
    "domain": "#0D9488",
    "soft": "#D97706",
    "leadership": "#9333EA",
}
IMPACT_CATEGORY_COLORS = {
    "revenue": "#16A34A",
    "cost": "#0EA5E9",
    "time": "#F59E0B",
    "reliability": "#6366F1",
    "users": "#EC4899",
    "risk": "#EF4444",
}
IMPACT_CATEGORY_LABELS = {
    "revenue": "Revenue",
    "cost": "Cost saved",
    "time": "Time saved",
    "reliability": "Reliability",
    "users": "Users",
    "risk": "Risk reduced",
}

_FONT = "Inter, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"

# A small template with only what differs from Plotly's defaults: copying the full
# "plotly_white" template into every figure cost more than drawing the data.
THEME = go.layout.Template(layout={
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "colorway": ["#4F46E5", "#0D9488", "#D97706", "#DB2777", "#2563EB", "#9333EA", "#16A34A", "#EF4444"],
    "xaxis": {"gridcolor": "#F3F4F6", "linecolor": "#E5E7EB", "zerolinecolor": "#E5E7EB", "automargin": True},
    "yaxis": {"gridcolor": "#F3F4F6", "linecolor": "#E5E7EB", "zerolinecolor": "#E5E7EB", "automargin": True},
    "polar": {"bgcolor": "white", "radialaxis": {"gridcolor": "#E5E7EB"}, "angularaxis": {"gridcolor": "#E5E7EB"}},
})


def wrap_label(text: str, width: int) -> str:
    """Break a label into lines of at most `width` characters (whole words) for Plotly's <br>."""
    words, lines, line = str(text).split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines)


def apply_theme(fig: go.Figure, *, title: str, height: int = 420) -> go.Figure:
    """The one look: white background, readable title, light grid, legend under the plot.

    Every figure passes here, so here its user text is made inert: `sanitize_figure` escapes any
    markup in names, labels, hover text, titles and annotations (see `careerdata.core.text`).
    """
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        template=THEME,
        font={"family": _FONT, "size": 13, "color": "#1F2937"},
        height=height,
        margin={"l": 70, "r": 20, "t": 60, "b": 90},
        legend={"orientation": "h", "yanchor": "top", "y": -0.34, "xanchor": "left", "x": 0, "title": None},
        hoverlabel={"bgcolor": "white", "font_size": 13},
        bargap=0.25,
    )
    fig.update_xaxes(showgrid=False, ticks="outside", tickcolor=MUTED_COLOR)
    fig.update_yaxes(gridcolor="#F3F4F6", zeroline=False)
    return sanitize_figure(fig)


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
        label = IMPACT_CATEGORY_LABELS[category]
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


def skill_history_chart(history: pd.DataFrame, skill: str) -> go.Figure:
    """A skill's self-assessed level over time."""
    fig = go.Figure()
    fig.add_scatter(
        x=history["as_of"], y=history["self_level"], mode="lines+markers", name=skill,
        line={"color": USER_COLOR, "shape": "hv"}, marker={"size": 9},
        hovertemplate="%{x|%b %Y}: level %{y} of 5<extra></extra>",
    )
    fig.update_yaxes(title="Self-assessed level (1–5)", range=[0.5, 5.5], dtick=1)
    fig.update_xaxes(title="Assessed on")
    return apply_theme(fig, title=f"{skill}: your self-assessment over time", height=300)
