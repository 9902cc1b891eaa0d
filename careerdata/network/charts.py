"""Charts of the Network page: advocacy funnel, cadence, who knows which win, and visibility.

Pure Plotly builders (no Streamlit). The pages never call these with empty data: they show an
empty state instead. Titles state the finding; the user's own numbers are USER_COLOR, public
benchmarks BENCHMARK_COLOR.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from careerdata.core import vocab
from careerdata.core.charts import BENCHMARK_COLOR, FUNNEL_SHADES, USER_COLOR, apply_theme, wrap_label
from careerdata.core.text import plural, shorten
from careerdata.figures import network as fnetwork
from careerdata.network import analytics as sa

INTERNAL_COLOR = "#0F766E"
EXTERNAL_COLOR = "#C2410C"
PAST_MAX_COLOR = "#DC2626"
DUE_COLOR = "#F59E0B"
VISIBILITY_SYMBOLS = {"talk": "circle", "post": "square", "oss": "diamond", "internal_demo": "triangle-up",
                      "doc": "star"}


def _wrap(text: str, width: int = 24, lines: int = 3) -> str:
    parts = textwrap.wrap(str(text), width=width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return "<br>".join(parts)


# --- network ---------------------------------------------------------------------------

def advocacy_funnel_chart(funnel: pd.DataFrame) -> go.Figure:
    """Contacts at each advocacy stage or beyond, unknown → sponsor."""
    labels = [vocab.ADVOCACY_STAGE_LABELS[s] if s != "unknown" else "All contacts" for s in funnel["stage"]]
    total = int(funnel["at_or_beyond"].iloc[0])
    speak = int(funnel.loc[funnel["stage"] == "advocate", "at_or_beyond"].iloc[0])
    sponsors = int(funnel.loc[funnel["stage"] == "sponsor", "at_stage"].iloc[0])
    hover = []
    for stage, beyond, at in zip(funnel["stage"], funnel["at_or_beyond"], funnel["at_stage"], strict=True):
        if stage == "unknown":
            hover.append(f"{plural(int(beyond), 'contact')} in your network<br>{at} of them do not know your work yet")
        else:
            hover.append(f"{plural(int(beyond), 'contact')} at {stage} stage or further<br>{at} exactly at {stage}")
    fig = go.Figure(go.Funnel(
        y=labels, x=funnel["at_or_beyond"], textinfo="value+percent initial",
        marker={"color": FUNNEL_SHADES[: len(labels)]}, connector={"fillcolor": "#F3F4F6"},
        customdata=hover, hovertemplate="%{customdata}<extra></extra>",
    ))
    title = f"{speak:,} of {total:,} contacts would speak up for you"
    title += f"; {fnetwork.sponsor_label(sponsors)}"
    fig.update_yaxes(title=None)
    fig = apply_theme(fig, title=title, height=360)
    fig.update_layout(margin={"l": 70, "r": 20})
    return fig


def losing_touch_chart(losing: pd.DataFrame, limit: int = 12) -> go.Figure:
    """Days since the last touch for the most overdue contacts, against their ideal and maximum."""
    part = losing.head(limit).iloc[::-1]
    part = part.assign(days=part["days_since"].astype("Float64").fillna(0).astype(float))
    names = [f"{n} ({vocab.RELATIONSHIP_LABELS.get(r, r).lower()})" for n, r in zip(part["name"], part["relationship"],
                                                                             strict=True)]
    colors = [PAST_MAX_COLOR if s in ("past_max", "never") else DUE_COLOR for s in part["status"]]
    hover = []
    for row in part.itertuples():
        if row.status == "never":
            hover.append(f"<b>{row.name}</b><br>Never contacted; ideal every {row.ideal_days} days")
        else:
            hover.append(f"<b>{row.name}</b><br>Last touch {int(row.days)} days ago<br>"
                         f"Ideal every {row.ideal_days} days, at most {row.max_days}<br>"
                         f"{row.overdue_ratio:.1f}× the ideal gap")
    fig = go.Figure()
    fig.add_bar(y=names, x=part["days"], orientation="h", marker_color=colors, marker_opacity=0.75,
                name="Days since last touch", customdata=hover, hovertemplate="%{customdata}<extra></extra>",
                showlegend=False)
    fig.add_scatter(y=names, x=part["ideal_days"], mode="markers", name="Ideal gap (the contact's cadence)",
                    marker={"symbol": "line-ns", "size": 20, "line": {"width": 3, "color": "#111827"}},
                    hovertemplate="Ideal: a touch every %{x} days<extra></extra>")
    fig.add_scatter(y=names, x=part["max_days"], mode="markers", name="Maximum gap",
                    marker={"symbol": "diamond", "size": 9, "color": "white", "line": {"width": 2, "color": "#111827"}},
                    hovertemplate="Maximum: %{x} days<extra></extra>")
    for label, color in (("Past maximum", PAST_MAX_COLOR), ("Past ideal", DUE_COLOR)):
        fig.add_bar(y=[None], x=[None], orientation="h", marker_color=color, marker_opacity=0.75, name=label,
                    hoverinfo="skip")
    past = int((losing["status"].isin(["past_max", "never"])).sum())
    first = losing.iloc[0]
    if past:
        title = f"{plural(past, 'contact')} past the maximum gap; {first['name']} most overdue"
    else:
        title = f"{plural(len(losing), 'contact')} past the ideal gap, none past the maximum"
    fig.update_xaxes(title="Days since the last touch", showgrid=True, gridcolor="#F3F4F6")
    fig.update_yaxes(title=None, automargin=True)
    fig.update_layout(barmode="overlay")
    height = 150 + 30 * len(part)
    fig = apply_theme(fig, title=title, height=height)
    fig.update_layout(margin={"l": 20, "r": 20})
    return fig


def who_knows_heatmap(wk: sa.WhoKnows) -> go.Figure:
    """Top wins × key contacts: how many of your touches with each person mentioned each win."""
    titles = list(wk.times.columns)
    names = list(wk.times.index)
    rel = {n: vocab.RELATIONSHIP_LABELS.get(r, r) for n, r in zip(wk.contacts["name"], wk.contacts["relationship"],
                                                                  strict=True)}
    x = [f"{n.replace(' ', '<br>', 1)}<br><i>{rel.get(n, '')}</i>" for n in names]
    y = [shorten(t, 58) for t in titles]
    z, text, hover = [], [], []
    for title in titles:
        zr, tr, hr = [], [], []
        for name in names:
            n = int(wk.times.loc[name, title])
            last = wk.last_heard.loc[name, title]
            zr.append(n)
            tr.append(str(n) if n else "")
            if n:
                when = f", last on {last:%d %b %Y}" if isinstance(last, dt.date) else ""
                hr.append(f"<b>{name}</b> heard about<br>“{shorten(title, 60)}”<br>"
                          f"in {plural(n, 'touch', 'touches')}{when}")
            else:
                hr.append(f"<b>{name}</b> has not heard about<br>“{shorten(title, 60)}”<br>from you yet")
        z.append(zr)
        text.append(tr)
        hover.append(hr)
    top = wk.unaware_of(titles[0]) if titles else []
    fig = go.Figure(go.Heatmap(
        z=z, x=x, y=y, text=text, texttemplate="%{text}", customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        colorscale=[[0, "#F3F4F6"], [0.0001, "#C7D2FE"], [1, USER_COLOR]], zmin=0, showscale=False,
        xgap=3, ygap=3, textfont={"size": 13},
    ))
    if titles:
        title = (f"{len(top)} of {len(names)} key people have not heard about your top win, "
                 f"“{shorten(titles[0], 45)}”")
    else:
        title = "Who knows which win"
    # win names on two lines leave the grid of contacts room at 1024 px
    fig.update_yaxes(autorange="reversed", title="Your top wins (by annualised value, your estimate)",
                     automargin=True, showgrid=False, tickmode="array", tickvals=y,
                     ticktext=[wrap_label(t, 30) for t in y])
    fig.update_xaxes(title={"text": "Key contacts (grey: not heard it from you)", "standoff": 14}, side="bottom",
                     tickangle=0, showgrid=False, tickfont={"size": 12})
    fig = apply_theme(fig, title=title, height=max(360, 210 + 42 * len(titles)))
    fig.update_layout(margin={"l": 20, "r": 20})
    return fig


# --- visibility ------------------------------------------------------------------------

def visibility_timeline_chart(visibility: pd.DataFrame, summary: sa.VisibilitySummary, today: dt.date) -> go.Figure:
    """Every talk, post, demo, doc and open-source item on a timeline, sized by nothing, placed by reach."""
    fig = go.Figure()
    is_external = visibility["is_external"].astype(bool)
    for external, color, label in ((False, INTERNAL_COLOR, "Inside the company"),
                                   (True, EXTERNAL_COLOR, "Outside the company")):
        group = visibility[is_external == external]
        if group.empty:
            continue
        # One trace per kind, so each trace has one marker symbol (a per-point symbol list is validated
        # point by point and gets slow on a long history); the kinds share one legend entry, a plain dot.
        fig.add_scatter(x=[None], y=[None], mode="markers", name=label, legendgroup=label, hoverinfo="skip",
                        marker={"color": color, "size": 13, "symbol": "circle", "line": {"width": 1, "color": "white"}})
        for kind, part in group.groupby("kind", sort=True):
            hover = [
                f"<b>{shorten(title, 60)}</b><br>{vocab.VISIBILITY_KIND_LABELS.get(kind, kind)} · {shorten(venue, 50)}"
                f"<br>{date:%d %b %Y}<br>Reach: {int(reach or 0):,} people"
                + (f"<br>Audience: {shorten(audience, 60)}" if audience else "")
                for title, venue, date, reach, audience in zip(part["title"], part["venue"], part["date"],
                                                               part["reach"], part["audience"], strict=True)
            ]
            fig.add_scatter(
                x=part["date"], y=np.array([max(int(v or 0), 1) for v in part["reach"]]), mode="markers", name=label,
                legendgroup=label, showlegend=False,
                marker={"color": color, "size": 13, "symbol": VISIBILITY_SYMBOLS.get(kind, "circle"),
                        "line": {"width": 1, "color": "white"}},
                customdata=np.array(hover, dtype=object), hovertemplate="%{customdata}<extra></extra>",
            )
    fig.add_vrect(x0=summary.start, x1=today, fillcolor="#EEF2FF", opacity=0.6, line_width=0, layer="below",
                  annotation_text="last 12 months", annotation_position="top left",
                  annotation_font={"size": 11, "color": "#6B7280"})
    title = (f"{plural(summary.items, 'visible item')} in the last 12 months, "
             f"{summary.external:,} outside the company")
    fig.update_xaxes(title="Date", type="date")
    top = max(int(visibility["reach"].fillna(0).max()), 10)
    ticks = [10 ** k for k in range(0, len(str(top)) + 1)]
    fig.update_yaxes(title="Reach (people, log scale)", type="log", tickvals=ticks,
                     ticktext=[f"{t:,}" for t in ticks], range=[-0.2, len(str(top)) + 0.1])
    return apply_theme(fig, title=title, height=400)


def visibility_balance_chart(by_year: pd.DataFrame) -> go.Figure:
    """Internal and external items per calendar year."""
    fig = go.Figure()
    years = by_year["year"].astype(str)
    fig.add_bar(x=years, y=by_year["internal"], name="Inside the company", marker_color=INTERNAL_COLOR,
                hovertemplate="%{x}: %{y} item(s) inside the company<extra></extra>")
    fig.add_bar(x=years, y=by_year["external"], name="Outside the company", marker_color=EXTERNAL_COLOR,
                hovertemplate="%{x}: %{y} item(s) outside the company<extra></extra>")
    total = int(by_year["internal"].sum() + by_year["external"].sum())
    external = int(by_year["external"].sum())
    share = external / total if total else 0
    title = f"{share:.0%} of your items since {years.iloc[0]} were external"
    fig.update_layout(barmode="stack")
    fig.update_xaxes(title="Year", type="category")
    fig.update_yaxes(title="Items (count)", dtick=1 if by_year[["internal", "external"]].sum(axis=1).max() <= 6
                     else None)
    return apply_theme(fig, title=title, height=360)


def visibility_gap_chart(gap: sa.VisibilityGap) -> go.Figure:
    """Your last 12 months against what the target level's influence expectation calls for."""
    cats = ["All visible items", "Outside the company"]
    fig = go.Figure()
    fig.add_bar(x=cats, y=[gap.items, gap.external], name="You, last 12 months", marker_color=USER_COLOR,
                text=[gap.items, gap.external], textposition="outside",
                hovertemplate="You: %{y} in the last 12 months<extra></extra>")
    fig.add_bar(x=cats, y=[gap.expected_items, gap.expected_external],
                name=f"Expected at {gap.level} (influence {gap.influence_target} of 5)", marker_color=BENCHMARK_COLOR,
                text=[gap.expected_items, gap.expected_external], textposition="outside",
                hovertemplate=f"{gap.level_title} ({gap.level}): %{{y}} a year<extra></extra>")
    if gap.on_track:
        title = f"You meet the {gap.level} visibility bar"
    else:
        needs = []
        if gap.missing_items:
            needs.append(plural(gap.missing_items, "item"))
        if gap.missing_external:
            needs.append(f"{gap.missing_external} external")
        title = f"You are {' and '.join(needs)} a year short of the {gap.level} bar"
    fig.update_layout(barmode="group")
    fig.update_yaxes(title="Items per 12 months (count)",
                     range=[0, max(gap.items, gap.expected_items, 1) * 1.25])
    fig.update_xaxes(title=None)
    return apply_theme(fig, title=title, height=360)
