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
    return apply_theme(fig, title=f"{skill}: your self-assessment over time", height=300)
