"""Pipeline writes on a real DuckDB file: moves keep history, edits, deletes, missing rows named."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import row_id

from careerdata.conversations import repo as cvr
from careerdata.core.errors import InputError
from careerdata.models import career as m
from careerdata.models import pipeline as mp
from careerdata.pipeline import analytics as pl
from careerdata.pipeline import queries as plq
from careerdata.pipeline import repo as plr

TODAY = dt.date(2026, 11, 21)


def test_demo_pipeline_funnel_and_time_in_stage(demo_con):
    opps, stages = plq.opportunities(demo_con), plq.opportunity_stages(demo_con)
    funnel = pl.pipeline_funnel(opps, stages)
    # with the two offer-stage opportunities of the Offers page (Tidewater skipped the conversation stage)
    assert funnel["reached"].tolist() == [11, 9, 7, 6, 4, 2]
    assert funnel["conversion"].tolist()[:5] == pytest.approx([1, 1, 6 / 7, 4 / 5, 1])
    summary = pl.time_in_stage(pl.stage_stints(opps, stages, TODAY)).set_index("stage")
    assert summary.loc["interview", "median_days"] == 26  # 25, 26, 0, 55 (Tidewater) and 58 (Harborview) days
    assert summary.loc["conversation", "oldest_ongoing"] == 248  # the 2026-27 promotion, since 18 March
    assert opps.set_index("title").loc["Promotion to Staff Engineer (2026-27 cycle)", "contacts"] == (
        "Dana Whitfield, Elena Petrova, Hannah Lee, Marcus Chen")


def test_moving_an_opportunity_keeps_history_and_refuses_going_back_in_time(demo_con):
    oid = row_id(demo_con, "opportunity", "title", "Principal Engineer, Platform at Cloudnova")
    with pytest.raises(InputError, match="entered_on: must be on or after 2026-09-20"):
        plr.move_opportunity(demo_con, oid, mp.StageMove(stage="offer", entered_on=dt.date(2026, 9, 1)))
    with pytest.raises(InputError, match="already at 'interview'"):
        plr.move_opportunity(demo_con, oid, mp.StageMove(stage="interview", entered_on=TODAY))
    plr.move_opportunity(demo_con, oid, mp.StageMove(stage="offer", entered_on=TODAY, next_step="Negotiate",
                                                    follow_up_due=dt.date(2026, 11, 28)))
    row = demo_con.execute("SELECT stage, next_step, follow_up_due FROM opportunity WHERE id = ?", [oid]).fetchone()
    assert row == ("offer", "Negotiate", dt.date(2026, 11, 28))
    history = demo_con.execute("SELECT stage FROM opportunity_stage WHERE opportunity_id = ? ORDER BY entered_on, "
                               "stage", [oid]).fetchall()
    assert [h[0] for h in history] == ["lead", "conversation", "application", "interview", "offer"]
    stints = pl.stage_stints(plq.opportunities(demo_con), plq.opportunity_stages(demo_con), TODAY)
    assert stints[(stints["opportunity_id"] == oid) & (stints["stage"] == "interview")]["days"].tolist() == [62]


def test_reopening_a_lost_opportunity_removes_the_lost_mark(demo_con):
    oid = row_id(demo_con, "opportunity", "title", "Staff Engineer at Ledgerline")
    plr.move_opportunity(demo_con, oid, mp.StageMove(stage="conversation", entered_on=TODAY))
    stages = [r[0] for r in demo_con.execute("SELECT stage FROM opportunity_stage WHERE opportunity_id = ?",
                                             [oid]).fetchall()]
    assert "lost" not in stages
    assert demo_con.execute("SELECT stage FROM opportunity WHERE id = ?", [oid]).fetchone()[0] == "conversation"


def test_update_and_delete_an_opportunity(demo_con):
    oid = row_id(demo_con, "opportunity", "title", "Solutions Architect at Brightline Labs")
    current = plq.opportunity_model(demo_con, oid)
    plr.update_opportunity(demo_con, oid, current.model_copy(update={"contacts": ["Fatima Zahra", "Carlos Mendez"],
                                                                    "next_step": "Apply"}))
    assert plq.opportunity_model(demo_con, oid).contacts == ["Carlos Mendez", "Fatima Zahra"]
    with pytest.raises(InputError, match="opened_on: must be on or before 2026-07-29"):
        plr.update_opportunity(demo_con, oid, current.model_copy(update={"opened_on": TODAY}))
    with pytest.raises(InputError, match="contacts\\[0\\]: unknown contact 'Nobody'"):
        plr.update_opportunity(demo_con, oid, current.model_copy(update={"contacts": ["Nobody"]}))
    assert plq.opportunity_model(demo_con, oid).next_step == "Apply"  # the failed writes changed nothing
    plr.delete_opportunity(demo_con, oid)
    assert demo_con.execute("SELECT count(*) FROM opportunity_stage WHERE opportunity_id = ?", [oid]).fetchone()[0] == 0


def test_writes_to_a_missing_row_name_it(empty_con):
    with pytest.raises(InputError, match="conversation 99 does not exist"):
        cvr.add_rehearsal(empty_con, 99, m.Rehearsal(date=TODAY, confidence_before=1, confidence_after=2))
    with pytest.raises(InputError, match="opportunity 5 does not exist"):
        plr.move_opportunity(empty_con, 5, mp.StageMove(stage="offer", entered_on=TODAY))
