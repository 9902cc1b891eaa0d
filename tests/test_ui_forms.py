

from careerdata.models import career as m
from careerdata.ui.forms import common as forms


def test_links_are_one_per_line():
    assert forms.lines("https://a\n\n  PR #12  \n") == ["https://a", "PR #12"]


def test_field_labels_number_rows_from_one():
    assert forms.field_label(("metrics", 2, "money_usd")) == "Impact metric 3 › Worth a year (USD)"


def test_every_problem_of_an_accomplishment_is_named_in_one_round():
    """Field errors and whole-record rules together; a metric with a problem (an import's) names its number."""
    import datetime as dt

    metrics = [
        {"category": "cost", "description": "AWS bill", "money_usd": 1000.0},
        {"money_usd": 5000.0},  # only a money value
        {"category": "cost", "description": "Licences", "money_usd": -200.0},
    ]
    problems = forms.all_errors(m.Accomplishment, {
        "title": "ab", "start_date": dt.date(2026, 5, 1), "end_date": dt.date(2026, 4, 1), "metrics": metrics})
    assert problems[0] == "Title: String should have at least 3 characters"
    assert "Impact metric 2 › Category: is empty: a metric needs a category and what changed" in problems[1]
    assert "Impact metric 2 › What changed: is empty" in problems[2]
    assert problems[3].startswith("Impact metric 3 › Worth a year (USD): money cannot be negative (-200)")
    assert problems[4] == "End date must be on or after the start date"  # a rule pydantic would only show later
    assert len(problems) == 5


def test_negative_money_is_refused_with_a_message_everywhere():
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="a loss is not recorded as impact"):
        m.ImpactMetric(category="cost", description="x", money_usd=-1)
    with pytest.raises(ValidationError, match="hours saved cannot be negative"):
        m.ImpactMetric(category="time", description="x", hours=-3)


def test_a_valid_form_has_no_problems():
    assert forms.all_errors(m.Skill, {"name": "Go", "kind": "technical"}) == []
