"""Cached models of the Network page: its reads and analysis as one unit.

Read through `careerdata.ui.state.read(fn, *hashable_args)`, so a warm rerun of a page is a
cache hit instead of recomputing cadence and visibility numbers over every contact
and item. Every number still comes from `careerdata.network.analytics`.

The charts that depend only on the file (and the arguments here) are built here too: building a
Plotly figure validates every property and costs 10-40 ms a chart, while a cached one comes back
in about 1-3 ms. A chart is None where the page shows an empty state instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from careerdata.figures import network as fnetwork
from careerdata.journal import queries
from careerdata.network import analytics as sa
from careerdata.network import charts as cs
from careerdata.network import queries as qs

# --- network ---------------------------------------------------------------------------


@dataclass
class NetworkView:
    status: pd.DataFrame  # every contact (ordered by name) with its cadence status
    losing: pd.DataFrame  # contacts past their ideal gap, most overdue first
    overdue_label: str  # "9 overdue": Home's figure (careerdata.figures.network.overdue_count); = len(losing)
    counts: dict[str, int]  # contacts per cadence status
    advocates: int
    funnel_chart: go.Figure | None  # the advocacy funnel (None without contacts)
    losing_chart: go.Figure | None  # the most overdue contacts (None when nobody is)
    by_tier: pd.DataFrame  # contacts per relationship tier and cadence status
    touch_names: list[str]  # the touch form's pick list: most overdue first, then everyone else by name
    visibility: pd.DataFrame
    vis_summary: sa.VisibilitySummary
    timeline_chart: go.Figure | None  # every visible item (None without any)
    balance_chart: go.Figure | None  # inside vs outside the company per year
    win_titles: list[str]  # every accomplishment, newest first (the wins a touch can mention)
    employer: str | None  # of the open position
    expectations: pd.DataFrame  # visible items a year per influence proficiency
    target_label: str  # "Staff Engineer (L6)", or "the next level" without one
    coverage: list[sa.CoverageCheck]  # sponsor coverage for the target level
    gap: sa.VisibilityGap | None  # visibility against the target level; None when the ladder has no bar


def network(con, today: dt.date, target_level: str | None) -> NetworkView:
    """Everything on the Network page but the wins map, for a target level (a ladder code or None)."""
    status = sa.cadence_status(qs.contacts(con), today)
    losing = sa.losing_touch(status)
    overdue = losing["name"].tolist() if not losing.empty else []
    seen = set(overdue)
    visibility = queries.visibility(con)
    vis_summary = sa.visibility_summary(visibility, today)
    levels = queries.ladder_levels(con)
    employer = qs.current_employer(con)
    expectations = qs.visibility_expectations(con)
    titles = dict(zip(levels["code"], levels["title"], strict=True))
    ranks = dict(zip(levels["code"], levels["rank"], strict=True))
    label = f"{titles[target_level]} ({target_level})" if target_level in titles else "the next level"
    return NetworkView(
        status=status,
        losing=losing,
        overdue_label=fnetwork.overdue_label(fnetwork.overdue_count(con, today)),
        counts=sa.cadence_counts(status),
        advocates=sa.advocates(status),
        funnel_chart=cs.advocacy_funnel_chart(sa.advocacy_funnel(status)) if not status.empty else None,
        losing_chart=cs.losing_touch_chart(losing) if not losing.empty else None,
        by_tier=sa.cadence_by_tier(status),
        touch_names=overdue + [n for n in status["name"].tolist() if n not in seen] if not status.empty else [],
        visibility=visibility,
        vis_summary=vis_summary,
        timeline_chart=cs.visibility_timeline_chart(visibility, vis_summary, today) if not visibility.empty else None,
        balance_chart=cs.visibility_balance_chart(sa.visibility_by_year(visibility, today))
        if not visibility.empty else None,
        win_titles=qs.win_candidates(con)["title"].tolist(),
        employer=employer,
        expectations=expectations,
        target_label=label,
        coverage=sa.sponsor_coverage(status, ranks.get(target_level), label, employer),
        gap=sa.visibility_gap(vis_summary, expectations, qs.influence_expectations(con), target_level),
    )


@dataclass
class WinsView:
    key: pd.DataFrame  # key contacts (manager, skip, sponsors, influence 4+)
    wins: pd.DataFrame  # top wins in the window
    who_knows: sa.WhoKnows | None  # None when there are no key contacts or no wins in the window
    heatmap: go.Figure | None  # key contacts × top wins
    table: pd.DataFrame | None  # per win: value, how many key people heard it, who has not


def network_wins(con, today: dt.date, years: int | None) -> WinsView:
    """Key contacts × top wins of the last `years` years (None = all time)."""
    key = sa.key_contacts(qs.contacts(con))
    wins = sa.top_wins(qs.win_candidates(con), today, years=years)
    if key.empty or wins.empty:
        return WinsView(key=key, wins=wins, who_knows=None, heatmap=None, table=None)
    wk = sa.who_knows(key, wins, qs.win_mentions(con))
    reach = wk.reach()
    table = pd.DataFrame({
        "win": wins["title"],
        "value": wins["money_usd"],
        "heard": [f"{int(reach[t])} of {len(key)}" for t in wins["title"]],
        "tell": [", ".join(wk.unaware_of(t)) for t in wins["title"]],
    })
    return WinsView(key=key, wins=wins, who_knows=wk, heatmap=cs.who_knows_heatmap(wk), table=table)
