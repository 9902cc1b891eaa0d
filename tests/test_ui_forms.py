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
