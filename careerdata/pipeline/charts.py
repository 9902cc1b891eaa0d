"""Charts of the Pipeline page: the funnel of opportunities and time in each stage.

Pure Plotly builders (no Streamlit). The page never calls these with empty data: it shows an empty
state instead. Titles state the finding.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from careerdata.core import vocab
from careerdata.core.charts import FUNNEL_SHADES, USER_COLOR, apply_theme
from careerdata.core.text import plural, shorten


def pipeline_funnel_chart(funnel: pd.DataFrame) -> go.Figure:
    """Opportunities that reached each stage, with the share that moved on from it."""
    labels = [vocab.OPPORTUNITY_STAGE_LABELS[s] for s in funnel["stage"]]
    text, hover = [], []
    stages = list(funnel["stage"])
    for i, row in funnel.iterrows():
        conv = row["conversion"]
        nxt = vocab.OPPORTUNITY_STAGE_LABELS[stages[i + 1]].lower() if i + 1 < len(stages) else None
        moved = f" · {conv:.0%} moved on" if conv is not None and not pd.isna(conv) else ""
        text.append(f"{int(row['reached'])}{moved}")
        h = f"<b>{vocab.OPPORTUNITY_STAGE_LABELS[row['stage']]}</b>: {plural(int(row['reached']), 'opportunity', 'opportunities')} " \
            "reached it"
        if row["open_here"]:
            h += f"<br>{int(row['open_here'])} still here"
        if row["lost_here"]:
            h += f"<br>{int(row['lost_here'])} lost here"
        if nxt and conv is not None and not pd.isna(conv):
            h += f"<br>{conv:.0%} of those that left moved on to {nxt}"
        elif nxt:
            h += "<br>none has left this stage yet"
        hover.append(h)
    fig = go.Figure(go.Bar(
        y=labels, x=funnel["reached"], orientation="h", text=text, textposition="outside", cliponaxis=False,
        marker={"color": FUNNEL_SHADES[: len(labels)]}, customdata=hover, hovertemplate="%{customdata}<extra></extra>",
    ))
    known = funnel.dropna(subset=["conversion"])
    known = known[known["conversion"].notna()]
    if not known.empty and known["conversion"].min() < 1:
        worst = known.loc[known["conversion"].astype(float).idxmin()]
        nxt = vocab.OPPORTUNITY_STAGE_LABELS[stages[stages.index(worst["stage"]) + 1]].lower()
        title = (f"{vocab.OPPORTUNITY_STAGE_LABELS[worst['stage']]} is your leakiest step: "
                 f"{worst['conversion']:.0%} move on to {nxt}")
    else:
        title = f"{plural(int(funnel['reached'].iloc[0]), 'opportunity', 'opportunities')} in your pipeline"
    fig.update_yaxes(title=None, autorange="reversed", automargin=True, ticksuffix="  ")
    top = max(int(funnel["reached"].max()), 1)
    fig.update_xaxes(title="Opportunities that reached the stage (count)", range=[0, top * 1.6],
                     dtick=1 if top <= 10 else None, showgrid=True, gridcolor="#F3F4F6")
    fig = apply_theme(fig, title=title, height=380)
    fig.update_layout(margin={"l": 20, "r": 20})
    return fig


def time_in_stage_chart(stints: pd.DataFrame, summary: pd.DataFrame) -> go.Figure:
    """Days spent in each stage: one dot per stint, the median of completed stints as a bar."""
    order = [s for s in vocab.FUNNEL_STAGES[:-1]]
    labels = {s: vocab.OPPORTUNITY_STAGE_LABELS[s] for s in order}
    fig = go.Figure()
    med = summary.dropna(subset=["median_days"])
    fig.add_bar(y=[labels[s] for s in med["stage"]], x=med["median_days"], orientation="h",
                marker_color="#D1D5DB", name="Median of finished stints",
                customdata=med[["completed"]].to_numpy(),
                hovertemplate="%{y}: median %{x:.0f} days over %{customdata[0]} finished stint(s)<extra></extra>")
    for ongoing, color, name, symbol in ((False, "#6B7280", "Finished stint", "circle"),
                                         (True, USER_COLOR, "Still there today", "diamond")):
        part = stints[stints["ongoing"].astype(bool) == ongoing]
        if part.empty:
            continue
        hover = [f"<b>{shorten(title, 55)}</b><br>{labels.get(stage, stage)}: {days} days"
                 + (" so far" if ongoing else "") + f"<br>since {entered:%d %b %Y}"
                 for title, stage, days, entered in zip(part["title"], part["stage"], part["days"],
                                                        part["entered_on"], strict=True)]
        fig.add_scatter(y=np.array([labels.get(s, s) for s in part["stage"]], dtype=object), x=part["days"],
                        mode="markers", name=name,
                        marker={"color": color, "size": 11 if ongoing else 9, "symbol": symbol, "opacity": 0.9,
                                "line": {"width": 1, "color": "white"}},
                        customdata=np.array(hover, dtype=object), hovertemplate="%{customdata}<extra></extra>")
    going = stints[stints["ongoing"].astype(bool)]
    if not going.empty:
        oldest = going.loc[going["days"].idxmax()]
        median = summary.loc[summary["stage"] == oldest["stage"], "median_days"].iloc[0]
        tail = f" (median {median:.0f})" if median is not None and not pd.isna(median) else ""
        title = f"{oldest['days']} days at {oldest['stage']}: your longest wait{tail}"
    elif not med.empty:
        slow = med.loc[med["median_days"].idxmax()]
        title = f"{labels[slow['stage']]} takes longest: median {slow['median_days']:.0f} days"
    else:
        title = "Days in each stage"
    fig.update_yaxes(categoryorder="array", categoryarray=[labels[s] for s in order][::-1], title=None,
                     automargin=True, ticksuffix="  ")
    fig.update_xaxes(title="Days in the stage", showgrid=True, gridcolor="#F3F4F6", rangemode="tozero")
    fig.update_layout(barmode="overlay")
    return apply_theme(fig, title=title, height=380)
