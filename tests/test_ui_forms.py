import math

import pandas as pd

from careerdata.models import career as m
from careerdata.ui.forms import common as forms


def test_blank_editor_rows_are_dropped_and_blank_cells_mean_unknown():
    frame = pd.DataFrame([
        {"category": "cost", "description": "AWS bill", "baseline": 84000.0, "new_value": 58000.0,
         "unit": "USD/month", "money_usd": 312000.0, "hours": math.nan, "confidence": None, "verified_by": None},
        {c: None for c in forms.METRIC_COLUMNS},
    ])
    rows = forms.metric_rows(frame)
    assert len(rows) == 1
    assert rows[0]["hours"] is None and rows[0]["confidence"] == "estimated"
    assert m.ImpactMetric.model_validate(rows[0]).money_usd == 312000


def test_metrics_round_trip_through_the_editor_table():
    metrics = [m.ImpactMetric(category="time", description="CI time", baseline=40, new_value=12, unit="min",
                              hours=300, confidence="measured")]
    rows = forms.metric_rows(forms.metrics_frame(metrics))
    assert [m.ImpactMetric.model_validate(r) for r in rows] == metrics


def test_links_are_one_per_line():
    assert forms.lines("https://a\n\n  PR #12  \n") == ["https://a", "PR #12"]


def test_field_labels_number_rows_from_one():
    assert forms.field_label(("metrics", 2, "money_usd")) == "Impact metric 3 › Money (USD/yr)"


def test_every_problem_of_an_accomplishment_is_named_in_one_round():
    """Field errors and whole-record rules together; a half-filled metric row names its row."""
    import datetime as dt

    frame = pd.DataFrame([
        {"category": "cost", "description": "AWS bill", "money_usd": 1000.0},
        {"category": None, "description": None, "money_usd": 5000.0},  # only a money value
        {"category": "cost", "description": "Licences", "money_usd": -200.0},
    ], columns=forms.METRIC_COLUMNS)
    problems = forms.all_errors(m.Accomplishment, {
        "title": "ab", "start_date": dt.date(2026, 5, 1), "end_date": dt.date(2026, 4, 1),
        "metrics": forms.metric_rows(frame)})
    assert problems[0] == "Title: String should have at least 3 characters"
    assert "Impact metric 2 › Category: is empty: a metric row needs a category and what changed" in problems[1]
    assert "Impact metric 2 › What changed: is empty" in problems[2]
    assert problems[3].startswith("Impact metric 3 › Money (USD/yr): money cannot be negative (-200)")
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
