"""Charts for the career-sales pages: advocacy funnel, cadence, who knows which win, visibility,
pipeline funnel and time in stage, pay comparison and rehearsals.

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

from careerdata.core.charts import BENCHMARK_COLOR, MUTED_COLOR, USER_COLOR, apply_theme
from careerdata.core.money import format_money
from careerdata.figures import network as fnetwork
from careerdata.network import analytics as sa

INTERNAL_COLOR = "#0F766E"
EXTERNAL_COLOR = "#C2410C"
PAST_MAX_COLOR = "#DC2626"
DUE_COLOR = "#F59E0B"
# Lightest to darkest: one hue for the stages of a funnel, the user's colour at the end.
FUNNEL_SHADES = ["#E0E7FF", "#C7D2FE", "#A5B4FC", "#818CF8", "#6366F1", USER_COLOR]
STAGE_LABELS = {
    "unknown": "Unknown",
    "aware": "Aware",
    "supporter": "Supporter",
    "advocate": "Advocate",
    "sponsor": "Sponsor",
}
PIPELINE_LABELS = {
    "lead": "Lead",
    "conversation": "Conversation",
    "application": "Application",
    "interview": "Interview",
    "offer": "Offer",
    "accepted": "Accepted",
}
VISIBILITY_KIND_LABELS = {"talk": "Talk", "post": "Post", "oss": "Open source", "internal_demo": "Internal demo",
                          "doc": "Doc"}
VISIBILITY_SYMBOLS = {"talk": "circle", "post": "square", "oss": "diamond", "internal_demo": "triangle-up",
                      "doc": "star"}


def _wrap(text: str, width: int = 24, lines: int = 3) -> str:
    parts = textwrap.wrap(str(text), width=width) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: width - 1].rstrip() + "…"
    return "<br>".join(parts)


def _short(text: str, width: int = 48) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


# --- network ---------------------------------------------------------------------------

def advocacy_funnel_chart(funnel: pd.DataFrame) -> go.Figure:
    """Contacts at each advocacy stage or beyond, unknown → sponsor."""
    labels = [STAGE_LABELS[s] if s != "unknown" else "All contacts" for s in funnel["stage"]]
    total = int(funnel["at_or_beyond"].iloc[0])
    speak = int(funnel.loc[funnel["stage"] == "advocate", "at_or_beyond"].iloc[0])
    sponsors = int(funnel.loc[funnel["stage"] == "sponsor", "at_stage"].iloc[0])
    hover = []
    for stage, beyond, at in zip(funnel["stage"], funnel["at_or_beyond"], funnel["at_stage"], strict=True):
        if stage == "unknown":
            hover.append(f"{_plural(int(beyond), 'contact')} in your network<br>{at} of them do not know your work yet")
        else:
            hover.append(f"{_plural(int(beyond), 'contact')} at {stage} stage or further<br>{at} exactly at {stage}")
    fig = go.Figure(go.Funnel(
        y=labels, x=funnel["at_or_beyond"], textinfo="value+percent initial",
        marker={"color": FUNNEL_SHADES[: len(labels)]}, connector={"fillcolor": "#F3F4F6"},
        customdata=hover, hovertemplate="%{customdata}<extra></extra>",
    ))
    title = f"{speak:,} of {total:,} contacts would speak up for you"
    title += f"; {fnetwork.sponsor_label(sponsors)}"
    fig.update_yaxes(title=None)
    fig = apply_theme(fig, title=title, height=360)
    fig.update_layout(margin={"l": 70, "r": 20, "t": 60, "b": 30})
    return fig


def losing_touch_chart(losing: pd.DataFrame, limit: int = 12) -> go.Figure:
    """Days since the last touch for the most overdue contacts, against their ideal and maximum."""
    part = losing.head(limit).iloc[::-1]
    part = part.assign(days=part["days_since"].astype("Float64").fillna(0).astype(float))
    names = [f"{n} ({r})" for n, r in zip(part["name"], part["relationship"], strict=True)]
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
        title = f"{_plural(past, 'contact')} past the maximum gap; {first['name']} most overdue"
    else:
        title = f"{_plural(len(losing), 'contact')} past the ideal gap, none past the maximum"
    fig.update_xaxes(title="Days since the last touch", showgrid=True, gridcolor="#F3F4F6")
    fig.update_yaxes(title=None, automargin=True)
    fig.update_layout(barmode="overlay")
    height = 150 + 30 * len(part)
    fig = apply_theme(fig, title=title, height=height)
    plot_height = height - 60 - 110
    fig.update_layout(legend={"y": -62 / plot_height}, margin={"l": 20, "r": 20, "t": 60, "b": 110})
    return fig


def who_knows_heatmap(wk: sa.WhoKnows) -> go.Figure:
    """Top wins × key contacts: how many of your touches with each person mentioned each win."""
    titles = list(wk.times.columns)
    names = list(wk.times.index)
    rel = dict(zip(wk.contacts["name"], wk.contacts["relationship"], strict=True))
    x = [f"{n.replace(' ', '<br>', 1)}<br><i>{rel.get(n, '')}</i>" for n in names]
    y = [_short(t, 58) for t in titles]
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
                hr.append(f"<b>{name}</b> heard about<br>“{_short(title, 60)}”<br>"
                          f"in {_plural(n, 'touch', 'touches')}{when}")
            else:
                hr.append(f"<b>{name}</b> has not heard about<br>“{_short(title, 60)}”<br>from you yet")
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
                 f"“{_short(titles[0], 45)}”")
    else:
        title = "Who knows which win"
    fig.update_yaxes(autorange="reversed", title="Your top wins (by annualised value, your estimate)",
                     automargin=True, showgrid=False)
    fig.update_xaxes(title={"text": "Key contacts (grey: has not heard it from you)", "standoff": 14}, side="bottom",
                     tickangle=0, showgrid=False, tickfont={"size": 12})
    fig = apply_theme(fig, title=title, height=max(360, 210 + 42 * len(titles)))
    fig.update_layout(margin={"l": 20, "r": 20, "t": 60, "b": 60})
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
                f"<b>{_short(title, 60)}</b><br>{VISIBILITY_KIND_LABELS.get(kind, kind)} · {_short(venue, 50)}"
                f"<br>{date:%d %b %Y}<br>Reach: {int(reach or 0):,} people"
                + (f"<br>Audience: {_short(audience, 60)}" if audience else "")
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
    title = (f"{_plural(summary.items, 'visible item')} in the last 12 months, "
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
            needs.append(_plural(gap.missing_items, "item"))
        if gap.missing_external:
            needs.append(f"{gap.missing_external} external")
        title = f"You are {' and '.join(needs)} a year short of the {gap.level} bar"
    fig.update_layout(barmode="group")
    fig.update_yaxes(title="Items per 12 months (count)",
                     range=[0, max(gap.items, gap.expected_items, 1) * 1.25])
    fig.update_xaxes(title=None)
    return apply_theme(fig, title=title, height=360)


# --- pipeline --------------------------------------------------------------------------

def pipeline_funnel_chart(funnel: pd.DataFrame) -> go.Figure:
    """Opportunities that reached each stage, with the share that moved on from it."""
    labels = [PIPELINE_LABELS[s] for s in funnel["stage"]]
    text, hover = [], []
    stages = list(funnel["stage"])
    for i, row in funnel.iterrows():
        conv = row["conversion"]
        nxt = PIPELINE_LABELS[stages[i + 1]].lower() if i + 1 < len(stages) else None
        moved = f" · {conv:.0%} moved on" if conv is not None and not pd.isna(conv) else ""
        text.append(f"{int(row['reached'])}{moved}")
        h = f"<b>{PIPELINE_LABELS[row['stage']]}</b>: {_plural(int(row['reached']), 'opportunity', 'opportunities')} " \
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
        nxt = PIPELINE_LABELS[stages[stages.index(worst["stage"]) + 1]].lower()
        title = (f"{PIPELINE_LABELS[worst['stage']]} is your leakiest step: "
                 f"{worst['conversion']:.0%} move on to {nxt}")
    else:
        title = f"{_plural(int(funnel['reached'].iloc[0]), 'opportunity', 'opportunities')} in your pipeline"
    fig.update_yaxes(title=None, autorange="reversed", automargin=True, ticksuffix="  ")
    top = max(int(funnel["reached"].max()), 1)
    fig.update_xaxes(title="Opportunities that reached the stage (count)", range=[0, top * 1.6],
                     dtick=1 if top <= 10 else None, showgrid=True, gridcolor="#F3F4F6")
    fig = apply_theme(fig, title=title, height=380)
    fig.update_layout(margin={"l": 20, "r": 20, "t": 60, "b": 60})
    return fig


def time_in_stage_chart(stints: pd.DataFrame, summary: pd.DataFrame) -> go.Figure:
    """Days spent in each stage: one dot per stint, the median of completed stints as a bar."""
    order = [s for s in sa.FUNNEL_STAGES[:-1]]
    labels = {s: PIPELINE_LABELS[s] for s in order}
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
        hover = [f"<b>{_short(title, 55)}</b><br>{labels.get(stage, stage)}: {days} days"
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


# --- conversations ---------------------------------------------------------------------

def pay_chart(comparison: pd.DataFrame, market: dict | None, title: str) -> go.Figure:
    """The user's own numbers and pay data points, one row each, against the occupation's BLS
    percentiles drawn as grey reference lines (the band is the 25th-75th percentile)."""
    bls = comparison[comparison["source"] == "market"]
    yours = comparison[comparison["source"] == "yours"].copy()
    order = {"Anchor": 0, "Target": 1, "Walk-away": 2, "Current pay": 3}
    yours["_order"] = [order.get(lbl, 4) if g == "Your numbers" else 4 for lbl, g in zip(yours["label"],
                                                                                          yours["group"], strict=True)]
    yours = yours.sort_values(["_order", "amount"], ascending=[True, False])
    rows = [f"Your {lbl.lower()}" if g == "Your numbers" else _short(f"{lbl.capitalize()}: {d.split(' · ')[0]}", 34)
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
    plot_height = height - 100 - 100
    fig.update_layout(margin={"l": 20, "r": 30, "t": 100, "b": 100}, legend={"y": -60 / plot_height},
                      title={"y": 0.98, "yanchor": "top"})
    return fig


def rehearsal_chart(rehearsals: pd.DataFrame) -> go.Figure:
    """Confidence before and after each rehearsal (1-5), in date order."""
    r = rehearsals.sort_values(["date", "id"]).reset_index(drop=True)
    labels = [f"#{i + 1}<br>{pd.Timestamp(d):%d %b}" for i, d in enumerate(r["date"])]
    fig = go.Figure()
    for i, row in r.iterrows():
        fig.add_scatter(x=[labels[i], labels[i]], y=[row["confidence_before"], row["confidence_after"]],
                        mode="lines", line={"color": MUTED_COLOR, "width": 6}, hoverinfo="skip", showlegend=False)
    notes = [_short(n, 80) if n else "no notes" for n in r["notes"].fillna("")]
    fig.add_scatter(x=labels, y=r["confidence_before"], mode="markers", name="Before the rehearsal",
                    marker={"color": BENCHMARK_COLOR, "size": 13}, customdata=notes,
                    hovertemplate="Before: %{y} of 5<br>%{customdata}<extra></extra>")
    fig.add_scatter(x=labels, y=r["confidence_after"], mode="markers+lines", name="After the rehearsal",
                    marker={"color": USER_COLOR, "size": 14}, line={"color": USER_COLOR, "dash": "dot"},
                    customdata=notes, hovertemplate="After: %{y} of 5<br>%{customdata}<extra></extra>")
    first, last = int(r.iloc[0]["confidence_before"]), int(r.iloc[-1]["confidence_after"])
    if last > first:
        title = f"Confidence rose from {first} to {last} of 5 over {_plural(len(r), 'rehearsal')}"
    elif last == first:
        title = f"Confidence is still {last} of 5 after {_plural(len(r), 'rehearsal')}"
    else:
        title = f"Confidence fell from {first} to {last} of 5: rehearse the hard part again"
    fig.update_yaxes(title="Your confidence (1–5)", range=[0.5, 5.5], dtick=1)
    fig.update_xaxes(title="Rehearsal (number and date)", type="category")
    fig = apply_theme(fig, title=title, height=340)
    fig.update_layout(legend={"orientation": "h", "x": 1, "xanchor": "right", "y": 1.02, "yanchor": "bottom"},
                      margin={"l": 70, "r": 20, "t": 60, "b": 60})
    return fig
