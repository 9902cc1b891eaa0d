"""Cached model of the Pipeline page: its reads and analysis as one unit, read through `careerdata.ui.state.read`.

Every number comes from `careerdata.pipeline.analytics`; the charts are built here so a warm rerun
takes them back from the cache. A chart is None where the page shows an empty state instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from careerdata.pipeline import analytics as pl
from careerdata.pipeline import charts as plc
from careerdata.pipeline import queries as plq


@dataclass
class PipelineView:
    total: int  # opportunities of every kind (the filter aside)
    opps: pd.DataFrame  # opportunities of the kinds picked
    live: pd.DataFrame  # open ones, furthest along first
    due: pd.DataFrame  # follow-ups due within 14 days, most overdue first
    funnel: pd.DataFrame
    stints: pd.DataFrame
    stage_time: pd.DataFrame
    rate: float | None
    kpi: pl.PipelineKpis
    funnel_chart: go.Figure | None  # None without opportunities
    time_chart: go.Figure | None  # time in stage; None without stage history


def pipeline(con, today: dt.date, kinds: tuple[str, ...]) -> PipelineView:
    all_opps = plq.opportunities(con)
    opps = all_opps[all_opps["kind"].isin(list(kinds))].reset_index(drop=True)
    stages = plq.opportunity_stages(con)
    stages = stages[stages["opportunity_id"].isin(opps["id"])]
    due = pl.follow_ups(opps, today)
    stints = pl.stage_stints(opps, stages, today)
    funnel = pl.pipeline_funnel(opps, stages)
    stage_time = pl.time_in_stage(stints)
    return PipelineView(
        total=len(all_opps),
        opps=opps,
        live=pl.open_opportunities(opps),
        due=due,
        funnel=funnel,
        stints=stints,
        stage_time=stage_time,
        rate=pl.win_rate(opps),
        kpi=pl.pipeline_kpis(opps, stints, due),
        funnel_chart=plc.pipeline_funnel_chart(funnel) if not opps.empty else None,
        time_chart=plc.time_in_stage_chart(stints, stage_time) if not stints.empty else None,
    )
