"""Charts of the Journal page: a skill's self-assessment over time."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from careerdata.core.charts import USER_COLOR, apply_theme


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
    return apply_theme(fig, title=history_finding(history, skill), height=300)


def history_finding(history: pd.DataFrame, skill: str) -> str:
    """The chart's finding: 'Kafka: from 2 to 4 of 5 since Mar 2024', 'stayed at 3 of 5', 'rated 3 of 5 in …'."""
    rows = history.sort_values("as_of")
    first, last = rows.iloc[0], rows.iloc[-1]
    since = f"{pd.Timestamp(first['as_of']):%b %Y}"
    if len(rows) == 1:
        return f"{skill}: rated {int(last['self_level'])} of 5 in {since}, your only assessment"
    if last["self_level"] == first["self_level"]:
        return f"{skill}: still {int(last['self_level'])} of 5 since {since} ({len(rows)} assessments)"
    return f"{skill}: from {int(first['self_level'])} to {int(last['self_level'])} of 5 since {since}"
