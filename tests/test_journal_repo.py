"""The write layer against real DuckDB files: round trips, replacements, deletes, name resolution."""

import pytest

from careerdata.core import errors
from careerdata.import_export import create as career_file
from careerdata.import_export.yaml_files import DEMO_DIR, read_career
from careerdata.journal import queries, repo
from careerdata.models import career as m


def _count(con, table):
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_an_accomplishment_round_trips_through_the_model(demo_con):
    win = m.Accomplishment(
        title="Removed the nightly batch window", start_date="2026-06-01", end_date="2026-07-15",
        employer="Helio Health", scope="org", situation="s", task="t", action="a", result="r",
        skills=["Python", "Apache Kafka"], competencies=["delivery", "impact"], links=["PR #77"],
        metrics=[m.ImpactMetric(category="time", description="batch window", baseline=240, new_value=0,
                                unit="min/night", hours=900, confidence="verified", verified_by="Owen Fischer")],
    )
    acc_id = repo.add_accomplishment(demo_con, win)
    assert queries.accomplishment_model(demo_con, acc_id) == win.model_copy(
        update={"skills": sorted(win.skills), "competencies": sorted(win.competencies)})


def test_update_replaces_skills_and_metrics_without_leaving_orphans(demo_con):
    acc_id = demo_con.execute("SELECT id FROM accomplishment ORDER BY id LIMIT 1").fetchone()[0]
    metrics_before = _count(demo_con, "impact_metric")
    old = queries.accomplishment_model(demo_con, acc_id)
    new = old.model_copy(update={"title": "Renamed win", "skills": ["Go"], "metrics": []})
    repo.update_accomplishment(demo_con, acc_id, new)
    again = queries.accomplishment_model(demo_con, acc_id)
    assert again.title == "Renamed win" and again.skills == ["Go"] and again.metrics == []
    assert _count(demo_con, "impact_metric") == metrics_before - len(old.metrics)


def test_delete_removes_the_win_and_everything_hanging_off_it(demo_con):
    title = "Cut AWS spend 31% by rightsizing the scheduling cluster"
    acc_id = demo_con.execute("SELECT id FROM accomplishment WHERE title = ?", [title]).fetchone()[0]
    repo.delete_accomplishment(demo_con, acc_id)
    for table in ("accomplishment_skill", "impact_metric", "accomplishment_competency", "interaction_accomplishment"):
        assert demo_con.execute(f"SELECT count(*) FROM {table} WHERE accomplishment_id = ?", [acc_id]).fetchone()[0] == 0
    assert demo_con.execute("SELECT count(*) FROM accomplishment WHERE id = ?", [acc_id]).fetchone()[0] == 0


def test_assessments_are_appended_never_overwritten(empty_con):
    repo.add_skill(empty_con, m.Skill(name="Negotiation", kind="soft"))
    for day, level in (("2024-01-01", 2), ("2026-01-01", 4)):
        repo.record_assessment(empty_con, m.SkillAssessment(skill="negotiation", as_of=day, self_level=level))
    assert _count(empty_con, "skill_assessment") == 2
    assert queries.skills(empty_con)["self_level"].tolist() == [4]


def test_names_are_unique_regardless_of_case_and_spacing(empty_con):
    repo.add_skill(empty_con, m.Skill(name="System design", kind="technical"))
    with pytest.raises(errors.InputError, match="already exists"):
        repo.add_skill(empty_con, m.Skill(name="system  Design", kind="technical"))


def test_an_unknown_verifier_is_named_and_nothing_is_written(empty_con):
    win = m.Accomplishment(title="Did a thing", start_date="2026-01-01", metrics=[
        m.ImpactMetric(category="cost", description="x", confidence="verified", verified_by="Nobody")])
    with pytest.raises(errors.InputError, match=r"metrics\[0\]\.verified_by: unknown contact 'Nobody'"):
        repo.add_accomplishment(empty_con, win)
    assert _count(empty_con, "accomplishment") == 0


def test_a_career_file_loads_all_or_nothing(empty_con):
    career = read_career(DEMO_DIR)
    broken = career.model_copy(update={"interactions": [*career.interactions, m.Interaction(
        contact="Someone Unknown", date="2026-01-01")]})
    with pytest.raises(errors.InputError, match=r"interactions\[\d+\]\.contact: unknown contact 'Someone Unknown'"):
        career_file.load_career_file(empty_con, broken)
    for table in ("profile", "skill", "accomplishment", "contact", "interaction"):
        assert _count(empty_con, table) == 0, table


def test_opportunity_stage_history_is_kept_for_time_in_stage(demo_con):
    rows = demo_con.execute("""
        SELECT o.stage, count(s.stage) FROM opportunity o JOIN opportunity_stage s ON s.opportunity_id = o.id
        GROUP BY o.id, o.stage""").fetchall()
    assert rows and all(n >= 1 for _, n in rows)


def test_editing_competencies_respects_confirmations_and_rejections(demo_con):
    acc_id = demo_con.execute("SELECT id FROM accomplishment ORDER BY id LIMIT 1").fetchone()[0]
    demo_con.execute("DELETE FROM accomplishment_competency WHERE accomplishment_id = ?", [acc_id])
    demo_con.execute("INSERT INTO accomplishment_competency VALUES (?, 'impact', 'confirmed'), "
                     "(?, 'influence', 'rejected'), (?, 'craft', 'rejected')", [acc_id] * 3)
    win = queries.accomplishment_model(demo_con, acc_id)
    assert win.competencies == ["impact"]  # rejected suggestions are not shown as links
    repo.update_accomplishment(demo_con, acc_id, win.model_copy(update={"competencies": ["influence", "delivery"]}))
    rows = dict(demo_con.execute("SELECT competency_key, status FROM accomplishment_competency "
                                 "WHERE accomplishment_id = ?", [acc_id]).fetchall())
    # impact was removed by the user; influence, once rejected, is now ticked; craft stays rejected
    assert rows == {"influence": "linked", "delivery": "linked", "craft": "rejected"}
