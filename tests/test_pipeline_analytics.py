"""Pipeline numbers on hand-computed cases: funnel, time in stage, follow-ups, KPIs."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from careerdata.pipeline import analytics as pl

TODAY = dt.date(2026, 11, 21)

D0 = dt.date(2026, 1, 1)


def d(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


OPPS = pd.DataFrame({
    "id": [1, 2, 3, 4],
    "title": ["Won", "Lost early", "In interviews", "Fresh lead"],
    "kind": ["new_job", "new_job", "promotion", "internal_move"],
    "stage": ["accepted", "lost", "interview", "lead"],
    "opened_on": [d(0), d(0), d(10), d(300)],
    "follow_up_due": [None, None, TODAY + dt.timedelta(days=3), TODAY - dt.timedelta(days=5)],
})


STAGES = pd.DataFrame([
    (1, "lead", d(0)), (1, "application", d(7)), (1, "interview", d(21)), (1, "offer", d(30)), (1, "accepted", d(30)),
    (2, "lead", d(0)), (2, "conversation", d(4)), (2, "lost", d(20)),
    (3, "lead", d(10)), (3, "interview", d(40)),
    (4, "lead", d(300)),
], columns=["opportunity_id", "stage", "entered_on"])


def test_pipeline_funnel_reach_and_conversion_leave_out_opportunities_still_in_the_stage():
    f = pl.pipeline_funnel(OPPS, STAGES).set_index("stage")
    assert f["reached"].tolist() == [4, 3, 2, 2, 1, 1]  # a skipped stage counts as passed
    assert f.loc["lead", "open_here"] == 1 and f.loc["interview", "open_here"] == 1
    assert f.loc["conversation", "lost_here"] == 1
    conversion = f["conversion"].tolist()
    assert conversion[:5] == pytest.approx([3 / 3, 2 / 3, 2 / 2, 1 / 1, 1 / 1])
    assert pd.isna(conversion[5])  # nothing after 'accepted'
    assert pl.win_rate(OPPS) == 0.5


def test_pipeline_funnel_on_no_opportunities_is_zeros():
    f = pl.pipeline_funnel(OPPS.iloc[0:0], STAGES.iloc[0:0])
    assert f["reached"].tolist() == [0] * 6 and f["conversion"].isna().all()
    assert pl.win_rate(OPPS.iloc[0:0]) is None


def test_time_in_stage_is_the_gap_to_the_next_stage_and_ongoing_for_open_ones():
    stints = pl.stage_stints(OPPS, STAGES, TODAY)
    won = stints[stints["opportunity_id"] == 1]
    assert won[["stage", "days"]].values.tolist() == [["lead", 7], ["application", 14], ["interview", 9],
                                                      ["offer", 0]]
    assert stints[stints["opportunity_id"] == 2][["stage", "days"]].values.tolist() == [["lead", 4],
                                                                                       ["conversation", 16]]
    open_interview = stints[(stints["opportunity_id"] == 3) & stints["ongoing"]]
    assert open_interview["days"].tolist() == [(TODAY - d(40)).days]
    summary = pl.time_in_stage(stints).set_index("stage")
    assert summary.loc["lead", "median_days"] == 7  # finished: 7, 4, 30
    assert summary.loc["lead", "completed"] == 3 and summary.loc["lead", "ongoing"] == 1
    assert summary.loc["interview", "median_days"] == 9 and summary.loc["interview", "ongoing"] == 1
    assert summary.loc["conversation", "mean_days"] == 16
    assert pd.isna(summary.loc["application", "oldest_ongoing"])


def test_follow_ups_and_kpis():
    due = pl.follow_ups(OPPS, TODAY)
    assert due["title"].tolist() == ["Fresh lead", "In interviews"]
    assert due["due_in"].tolist() == [-5, 3]
    kpi = pl.pipeline_kpis(OPPS, pl.stage_stints(OPPS, STAGES, TODAY), due)
    assert (kpi.open, kpi.late_stage, kpi.overdue, kpi.due_soon, kpi.accepted, kpi.closed) == (2, 1, 1, 1, 1, 2)
    assert kpi.longest_stage == "interview" and kpi.longest_wait == (TODAY - d(40)).days
