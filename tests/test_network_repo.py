"""The career-sales reads and writes on real DuckDB files (the demo persona and an empty file)."""

from __future__ import annotations

import datetime as dt

import pytest

from careerdata.core.errors import InputError
from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.models import network as ms
from careerdata.network import analytics as sa
from careerdata.network import queries as qs
from careerdata.network import repo as rs
from careerdata.store import db

TODAY = dt.date(2026, 11, 21)


def _id(con, table: str, where: str, value) -> int:
    assert table in {"contact", "opportunity", "conversation"}
    return con.execute(f"SELECT id FROM {table} WHERE {where} = ?", [value]).fetchone()[0]


def test_migration_6_seeds_cadence_tiers_and_visibility_expectations(empty_con):
    assert db.schema_version(empty_con) >= 6
    tiers = qs.cadence_tiers(empty_con)
    assert tiers["relationship"].tolist() == list(m.RELATIONSHIPS)
    assert tiers.set_index("relationship").loc["manager"].tolist() == [14, 21]
    # The seeded ideals are the ones the Contact model uses as defaults.
    assert dict(zip(tiers["relationship"], tiers["ideal_days"], strict=True)) == m.DEFAULT_CADENCE_DAYS
    assert qs.visibility_expectations(empty_con)["items_per_year"].tolist() == [1, 3, 5, 8, 12]


def test_demo_advocacy_funnel_and_losing_touch_match_the_file(demo_con):
    contacts = qs.contacts(demo_con)
    by_stage = dict(demo_con.execute("SELECT advocacy_stage, count(*) FROM contact GROUP BY ALL").fetchall())
    funnel = sa.advocacy_funnel(contacts).set_index("stage")
    assert funnel["at_stage"].to_dict() == {s: by_stage.get(s, 0) for s in m.ADVOCACY_STAGES}
    assert funnel.loc["unknown", "at_or_beyond"] == 25
    losing = sa.losing_touch(sa.cadence_status(contacts, TODAY))
    assert losing["name"].iloc[0] == "Maria Santos"  # 283 days on a 60-day cadence
    elena = losing.set_index("name").loc["Elena Petrova"]
    assert (elena["ideal_days"], elena["max_days"], elena["days_since"], elena["status"]) == (45, 68, 60, "due")


def test_logging_a_touch_takes_the_contact_off_the_losing_touch_list_and_an_older_one_does_not(demo_con):
    def losing():
        return set(sa.losing_touch(sa.cadence_status(qs.contacts(demo_con), TODAY))["name"])

    assert "Julia Novak" in losing()
    repo.add_interaction(demo_con, m.Interaction(contact="Julia Novak", date=dt.date(2025, 1, 1), channel="call"))
    assert "Julia Novak" in losing()  # an older touch does not reset the gap
    repo.add_interaction(demo_con, m.Interaction(contact="Julia Novak", date=TODAY, channel="call"))
    assert "Julia Novak" not in losing()


def test_demo_pipeline_funnel_and_time_in_stage(demo_con):
    opps, stages = qs.opportunities(demo_con), qs.opportunity_stages(demo_con)
    funnel = sa.pipeline_funnel(opps, stages)
    # with the two offer-stage opportunities of the Offers page (Tidewater skipped the conversation stage)
    assert funnel["reached"].tolist() == [11, 9, 7, 6, 4, 2]
    assert funnel["conversion"].tolist()[:5] == pytest.approx([1, 1, 6 / 7, 4 / 5, 1])
    summary = sa.time_in_stage(sa.stage_stints(opps, stages, TODAY)).set_index("stage")
    assert summary.loc["interview", "median_days"] == 26  # 25, 26, 0, 55 (Tidewater) and 58 (Harborview) days
    assert summary.loc["conversation", "oldest_ongoing"] == 248  # the 2026-27 promotion, since 18 March
    assert opps.set_index("title").loc["Promotion to Staff Engineer (2026-27 cycle)", "contacts"] == (
        "Dana Whitfield, Elena Petrova, Hannah Lee, Marcus Chen")


def test_sponsor_coverage_and_visibility_gap_on_the_demo(demo_con):
    status = sa.cadence_status(qs.contacts(demo_con), TODAY)
    checks = {c.key: c.status for c in sa.sponsor_coverage(status, 6, "Staff Engineer (L6)",
                                                           qs.current_employer(demo_con))}
    assert checks == {"sponsor": "met", "skip": "partial", "manager": "met", "outside": "met"}
    influence = qs.influence_expectations(demo_con)
    assert influence.set_index("code").loc["L6", "target"] == 4
    from careerdata.journal import queries
    gap = sa.visibility_gap(sa.visibility_summary(queries.visibility(demo_con), TODAY),
                            qs.visibility_expectations(demo_con), influence, "L6")
    assert (gap.items, gap.external, gap.missing_items, gap.missing_external, gap.level_met) == (5, 1, 3, 1, 3)


def test_update_contact_renames_and_refuses_a_clash(demo_con):
    cid = _id(demo_con, "contact", "name", "Marcus Chen")
    changed = m.Contact(name="Marcus Chen", relationship="skip", company="Helio Health", influence=5,
                        advocacy_stage="supporter", cadence_days=30)
    rs.update_contact(demo_con, cid, changed)
    assert demo_con.execute("SELECT advocacy_stage, cadence_days FROM contact WHERE id = ?", [cid]).fetchone() == (
        "supporter", 30)
    with pytest.raises(InputError, match="another contact is already called 'Dana Whitfield'"):
        rs.update_contact(demo_con, cid, changed.model_copy(update={"name": "Dana Whitfield"}))


def test_saving_cadence_tiers_moves_contacts_on_the_old_default_only(demo_con):
    tiers = [ms.CadenceTier(relationship="peer", ideal_days=45, max_days=90)]
    moved = rs.save_cadence_tiers(demo_con, tiers)
    peers = dict(demo_con.execute("SELECT name, cadence_days FROM contact WHERE relationship = 'peer'").fetchall())
    assert peers["Grace Kim"] == 45 and peers["Yuki Sato"] == 45  # were on the 60-day default
    assert peers["Leo Park"] == 14 and peers["Ben Okoro"] == 120  # their own cadence stays
    assert moved == sum(1 for v in peers.values() if v == 45)
    assert qs.cadence_tiers(demo_con).set_index("relationship").loc["peer"].tolist() == [45, 90]


def test_cadence_tier_models_refuse_a_maximum_below_the_ideal():
    with pytest.raises(ValueError, match="max_days must be at least ideal_days"):
        ms.CadenceTierTable.model_validate({"tiers": [{"relationship": "peer", "ideal_days": 60, "max_days": 30}]})
    with pytest.raises(ValueError, match="external_per_year cannot be more than items_per_year"):
        ms.VisibilityExpectation(influence_target=1, items_per_year=1, external_per_year=2)


def test_moving_an_opportunity_keeps_history_and_refuses_going_back_in_time(demo_con):
    oid = _id(demo_con, "opportunity", "title", "Principal Engineer, Platform at Cloudnova")
    with pytest.raises(InputError, match="entered_on: must be on or after 2026-09-20"):
        rs.move_opportunity(demo_con, oid, ms.StageMove(stage="offer", entered_on=dt.date(2026, 9, 1)))
    with pytest.raises(InputError, match="already at 'interview'"):
        rs.move_opportunity(demo_con, oid, ms.StageMove(stage="interview", entered_on=TODAY))
    rs.move_opportunity(demo_con, oid, ms.StageMove(stage="offer", entered_on=TODAY, next_step="Negotiate",
                                                    follow_up_due=dt.date(2026, 11, 28)))
    row = demo_con.execute("SELECT stage, next_step, follow_up_due FROM opportunity WHERE id = ?", [oid]).fetchone()
    assert row == ("offer", "Negotiate", dt.date(2026, 11, 28))
    history = demo_con.execute("SELECT stage FROM opportunity_stage WHERE opportunity_id = ? ORDER BY entered_on, "
                               "stage", [oid]).fetchall()
    assert [h[0] for h in history] == ["lead", "conversation", "application", "interview", "offer"]
    stints = sa.stage_stints(qs.opportunities(demo_con), qs.opportunity_stages(demo_con), TODAY)
    assert stints[(stints["opportunity_id"] == oid) & (stints["stage"] == "interview")]["days"].tolist() == [62]


def test_reopening_a_lost_opportunity_removes_the_lost_mark(demo_con):
    oid = _id(demo_con, "opportunity", "title", "Staff Engineer at Ledgerline")
    rs.move_opportunity(demo_con, oid, ms.StageMove(stage="conversation", entered_on=TODAY))
    stages = [r[0] for r in demo_con.execute("SELECT stage FROM opportunity_stage WHERE opportunity_id = ?",
                                             [oid]).fetchall()]
    assert "lost" not in stages
    assert demo_con.execute("SELECT stage FROM opportunity WHERE id = ?", [oid]).fetchone()[0] == "conversation"


def test_update_and_delete_an_opportunity(demo_con):
    oid = _id(demo_con, "opportunity", "title", "Solutions Architect at Brightline Labs")
    current = qs.opportunity_model(demo_con, oid)
    rs.update_opportunity(demo_con, oid, current.model_copy(update={"contacts": ["Fatima Zahra", "Carlos Mendez"],
                                                                    "next_step": "Apply"}))
    assert qs.opportunity_model(demo_con, oid).contacts == ["Carlos Mendez", "Fatima Zahra"]
    with pytest.raises(InputError, match="opened_on: must be on or before 2026-07-29"):
        rs.update_opportunity(demo_con, oid, current.model_copy(update={"opened_on": TODAY}))
    with pytest.raises(InputError, match="contacts\\[0\\]: unknown contact 'Nobody'"):
        rs.update_opportunity(demo_con, oid, current.model_copy(update={"contacts": ["Nobody"]}))
    assert qs.opportunity_model(demo_con, oid).next_step == "Apply"  # the failed writes changed nothing
    rs.delete_opportunity(demo_con, oid)
    assert demo_con.execute("SELECT count(*) FROM opportunity_stage WHERE opportunity_id = ?", [oid]).fetchone()[0] == 0


def test_conversation_edits_objections_rehearsals_and_delete(empty_con):
    repo.add_contact(empty_con, m.Contact(name="Dana", relationship="manager"))
    cid = repo.add_conversation(empty_con, m.Conversation(title="Ask for a raise", kind="raise", counterpart="Dana"))
    plan = qs.conversation_model(empty_con, cid).model_copy(
        update={"anchor": 230_000, "target": 215_000, "walk_away": 205_000, "talking_points": "- proof"})
    rs.update_conversation(empty_con, cid, plan)
    assert qs.conversation_model(empty_con, cid).target == 215_000
    rs.set_conversation_occupation(empty_con, cid, ms.PayOccupation(onet_soc_code="15-1252.00"))
    with pytest.raises(InputError, match="no market pay data"):
        rs.set_conversation_occupation(empty_con, cid, ms.PayOccupation(onet_soc_code="99-9999.00"))
    oid = rs.add_objection(empty_con, cid, m.Objection(objection="No budget this cycle."))
    assert rs.add_objections(empty_con, cid, [m.Objection(objection="no budget this cycle."),
                                              m.Objection(objection="Wait for the review.")]) == 1
    rs.update_objection(empty_con, oid, m.Objection(objection="No budget this cycle.", answer="Then April, in writing."))
    rs.add_rehearsal(empty_con, cid, m.Rehearsal(date=TODAY, confidence_before=2, confidence_after=4))
    row = qs.conversations(empty_con).iloc[0]
    assert (row["status"], row["objections"], row["answered"], row["rehearsals"], row["onet_soc_code"]) == (
        "rehearsing", 2, 1, 1, "15-1252.00")
    rs.delete_objection(empty_con, oid)
    assert len(qs.objections(empty_con, cid)) == 1
    rs.delete_conversation(empty_con, cid)
    for table in ("conversation", "conversation_objection", "conversation_rehearsal", "conversation_market"):
        assert empty_con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_writes_to_a_missing_row_name_it(empty_con):
    with pytest.raises(InputError, match="conversation 99 does not exist"):
        rs.add_rehearsal(empty_con, 99, m.Rehearsal(date=TODAY, confidence_before=1, confidence_after=2))
    with pytest.raises(InputError, match="opportunity 5 does not exist"):
        rs.move_opportunity(empty_con, 5, ms.StageMove(stage="offer", entered_on=TODAY))
