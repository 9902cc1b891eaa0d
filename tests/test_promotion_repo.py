"""Promotion writes on a real career file: link decisions, versions, review date and the plan."""

from __future__ import annotations

import datetime as dt

import pytest

from careerdata.core.errors import InputError
from careerdata.models import career as m
from careerdata.models.promotion import CaseKey, CaseVersion, LinkDecision, PlanStepLog, PlanStepStatus, ReviewDate
from careerdata.promotion import queries as pq
from careerdata.promotion import repo

KEY = CaseKey(target_level="L6", cycle_start=dt.date(2026, 4, 1), cycle_end=dt.date(2027, 3, 31))
CALIBRATION = "Ran interview calibration sessions for the Platform hiring loop"


def _acc_id(con, title=CALIBRATION) -> int:
    return con.execute("SELECT id FROM accomplishment WHERE title = ?", [title]).fetchone()[0]


def test_the_promotion_migration_adds_the_plan_table_and_columns(demo_con):
    cols = {r[0] for r in demo_con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'promo_case'").fetchall()}
    assert "review_date" in cols
    assert demo_con.execute("SELECT count(*) FROM promo_plan_step").fetchone()[0] == 0


def test_decisions_are_written_together_and_confirmed_links_count(demo_con):
    acc = _acc_id(demo_con)
    repo.decide_links(demo_con, [LinkDecision(accomplishment_id=acc, competency_key="people_management",
                                              decision="confirmed"),
                                 LinkDecision(accomplishment_id=acc, competency_key="craft", decision="rejected")])
    rows = dict(demo_con.execute("SELECT competency_key, status FROM accomplishment_competency "
                                 "WHERE accomplishment_id = ?", [acc]).fetchall())
    assert rows["people_management"] == "confirmed" and rows["craft"] == "rejected"
    repo.undo_rejections(demo_con, [(acc, "craft"), (acc, "people_management")])  # only the rejected one goes
    rows = dict(demo_con.execute("SELECT competency_key, status FROM accomplishment_competency "
                                 "WHERE accomplishment_id = ?", [acc]).fetchall())
    assert "craft" not in rows and rows["people_management"] == "confirmed"


def test_a_bad_decision_writes_nothing(demo_con):
    acc = _acc_id(demo_con)
    before = demo_con.execute("SELECT count(*) FROM accomplishment_competency").fetchone()[0]
    with pytest.raises(InputError, match=r"decisions\[1\].competency_key: 'nope' is not in the current ladder"):
        repo.decide_links(demo_con, [
            LinkDecision(accomplishment_id=acc, competency_key="people_management", decision="confirmed"),
            LinkDecision(accomplishment_id=acc, competency_key="nope", decision="confirmed")])
    assert demo_con.execute("SELECT count(*) FROM accomplishment_competency").fetchone()[0] == before
    with pytest.raises(InputError, match="accomplishment 999999 does not exist"):
        repo.decide_links(demo_con, [LinkDecision(accomplishment_id=999999, competency_key="craft",
                                                  decision="confirmed")])


def test_versions_number_up_per_case_and_read_back_newest_first(demo_con):
    assert pq.promo_case(demo_con, "L6", KEY.cycle_start, KEY.cycle_end) is None  # nothing until a save
    assert repo.save_version(demo_con, KEY, CaseVersion(markdown="# v1\n")) == 1
    assert repo.save_version(demo_con, KEY, CaseVersion(markdown="# v2\n", note="tightened")) == 2
    other = KEY.model_copy(update={"target_level": "M1"})
    assert repo.save_version(demo_con, other, CaseVersion(markdown="# em\n")) == 1
    case = pq.promo_case(demo_con, "L6", KEY.cycle_start, KEY.cycle_end)
    versions = pq.case_versions(demo_con, case["id"])
    assert versions[["version", "note", "markdown"]].values.tolist() == [
        [2, "tightened", "# v2"], [1, "", "# v1"]]  # the models strip surrounding whitespace


def test_an_unknown_target_level_is_refused(demo_con):
    with pytest.raises(InputError, match="target_level: 'L99' is not a level"):
        repo.save_version(demo_con, KEY.model_copy(update={"target_level": "L99"}), CaseVersion(markdown="x"))
    assert demo_con.execute("SELECT count(*) FROM promo_case").fetchone()[0] == 0


def test_review_date_is_stored_on_the_case(demo_con):
    repo.set_review_date(demo_con, KEY, ReviewDate(review_date=dt.date(2027, 1, 20), cycle_start=KEY.cycle_start))
    assert pq.promo_case(demo_con, "L6", KEY.cycle_start, KEY.cycle_end)["review_date"] == dt.date(2027, 1, 20)


def test_models_refuse_a_backwards_cycle_and_an_early_review_date():
    with pytest.raises(ValueError, match="cycle end must be on or after the cycle start"):
        CaseKey(target_level="L6", cycle_start=dt.date(2027, 1, 1), cycle_end=dt.date(2026, 1, 1))
    with pytest.raises(ValueError, match="review date must be on or after the start"):
        ReviewDate(review_date=dt.date(2026, 1, 1), cycle_start=dt.date(2026, 4, 1))
    with pytest.raises(ValueError, match="notes: say what you asked"):
        PlanStepLog(step_key="ask_bar", interaction=m.Interaction(contact="x", date=dt.date(2026, 1, 1)))


def test_logging_a_plan_step_adds_an_interaction_and_marks_it_done(demo_con):
    touch = m.Interaction(contact="Dana Whitfield", date=dt.date(2026, 11, 20), notes="What does great look like at L6?")
    iid = repo.log_plan_step(demo_con, KEY, PlanStepLog(step_key="ask_bar", interaction=touch))
    assert demo_con.execute("SELECT notes FROM interaction WHERE id = ?", [iid]).fetchone()[0] == touch.notes
    case = pq.promo_case(demo_con, "L6", KEY.cycle_start, KEY.cycle_end)
    states = pq.plan_states(demo_con, case["id"])
    assert states[["step_key", "status", "interaction_id", "contact"]].values.tolist() == [
        ["ask_bar", "done", iid, "Dana Whitfield"]]
    repo.set_plan_step(demo_con, KEY, PlanStepStatus(step_key="ask_bar", status="open"))  # reopen keeps the talk
    assert pq.plan_states(demo_con, case["id"])[["status", "interaction_id"]].values.tolist() == [["open", iid]]


def test_a_plan_step_with_an_unknown_contact_or_step_writes_nothing(demo_con):
    touch = m.Interaction(contact="Nobody Known", date=dt.date(2026, 11, 20), notes="hi")
    with pytest.raises(InputError, match="interaction.contact: unknown contact 'Nobody Known'"):
        repo.log_plan_step(demo_con, KEY, PlanStepLog(step_key="ask_bar", interaction=touch))
    with pytest.raises(InputError, match="unknown plan step 'coffee'"):
        repo.set_plan_step(demo_con, KEY, PlanStepStatus(step_key="coffee", status="done"))
    assert demo_con.execute("SELECT count(*) FROM promo_case").fetchone()[0] == 0
    assert demo_con.execute("SELECT count(*) FROM promo_plan_step").fetchone()[0] == 0
