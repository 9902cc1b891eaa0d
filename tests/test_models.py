import datetime as dt

import pytest
from pydantic import ValidationError

from careerdata.core import vocab
from careerdata.models import career as m
from careerdata.ui.forms.common import friendly_errors


def _errors(model, data):
    with pytest.raises(ValidationError) as info:
        model.model_validate(data)
    return m.describe_validation_error(info.value)


def test_verified_metric_must_name_who_verified_it():
    text = _errors(m.ImpactMetric, {"category": "cost", "description": "AWS bill", "confidence": "verified"})
    assert "verified_by" in text


def test_accomplishment_dates_must_be_in_order_and_errors_name_the_nested_field():
    text = _errors(m.Accomplishment, {
        "title": "Shipped it", "start_date": "2025-05-01",
        "metrics": [{"category": "speed", "description": "x"}],
    })
    assert "metrics[0].category" in text
    text = _errors(m.Accomplishment, {"title": "Shipped it", "start_date": "2025-05-01", "end_date": "2025-04-01"})
    assert "end date must be on or after the start date" in text


def test_unknown_fields_are_refused_so_typos_in_a_career_file_surface():
    text = _errors(m.Skill, {"name": "Go", "kind": "technical", "levle": 3})
    assert "levle" in text


def test_skill_kind_and_levels_are_constrained():
    assert "kind" in _errors(m.Skill, {"name": "Go", "kind": "magic"})
    assert "self_level" in _errors(m.SkillAssessment, {"skill": "Go", "as_of": "2025-01-01", "self_level": 6})


def test_target_role_soc_code_and_pay_order():
    assert "onet_soc_code" in _errors(m.TargetRole, {"name": "Staff", "onet_soc_code": "151252"})
    assert "pay_max must be at least pay_min" in _errors(m.TargetRole, {"name": "Staff", "pay_min": 200, "pay_max": 100})


def test_conversation_numbers_open_high_and_walk_away_lowest():
    text = _errors(m.Conversation, {"title": "Raise", "kind": "raise", "anchor": 200, "target": 210})
    assert "anchor must be at least the target" in text
    ok = m.Conversation.model_validate({"title": "Raise", "kind": "raise", "anchor": 230, "target": 215,
                                        "walk_away": 205})
    assert ok.walk_away == 205


def test_contact_gets_the_default_cadence_of_its_relationship():
    assert m.Contact(name="A", relationship="senior_leader").cadence_days == m.DEFAULT_CADENCE_DAYS["senior_leader"]
    assert m.Contact(name="A", relationship="senior_leader", cadence_days=10).cadence_days == 10
    assert set(m.DEFAULT_CADENCE_DAYS) == set(vocab.RELATIONSHIPS)


def test_an_older_files_relationship_sponsor_reads_as_a_senior_leader_at_advocacy_stage_sponsor():
    """"Sponsor" was a relationship and an advocacy stage; the word now means the stage only. A YAML or CSV
    written before keeps what its author said: that person is their sponsor."""
    old = m.Contact.model_validate({"name": "Elena", "relationship": "sponsor", "advocacy_stage": "advocate"})
    assert (old.relationship, old.advocacy_stage, old.cadence_days) == ("senior_leader", "sponsor", 30)
    with pytest.raises(ValidationError, match="relationship"):
        m.Contact(name="A", relationship="friend")


def test_blank_strings_from_forms_mean_unknown_not_zero():
    metric = m.ImpactMetric(category="time", description="faster builds", baseline="", money_usd="  ")
    assert metric.baseline is None and metric.money_usd is None


def test_friendly_errors_use_the_form_labels():
    with pytest.raises(ValidationError) as info:
        m.Accomplishment.model_validate({"title": "Did it", "start_date": dt.date(2025, 1, 1),
                                         "metrics": [{"category": "cost", "description": "x",
                                                      "confidence": "verified"}]})
    assert friendly_errors(info.value) == [
        "Impact metric 1: a verified metric needs verified_by: the contact who confirmed it"
    ]


def test_ladder_expectations_must_reference_known_levels_and_competencies():
    ladder = {
        "name": "L", "levels": [{"code": "L1", "track": "IC", "rank": 1, "title": "Eng"}],
        "competencies": [{"key": "craft", "name": "Craft", "group": "technical"}],
        "expectations": [{"level": "L2", "competency": "craft", "target": 2, "text": "x"}],
    }
    assert "unknown level 'L2'" in _errors(m.Ladder, ladder)
