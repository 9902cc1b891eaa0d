"""The one metric sentence (careerdata.figures.metric_text), the editor's data rules, and the
one-metric-at-a-time writes, on hand-computed cases and a real DuckDB file."""

from __future__ import annotations

import math

import pytest

from careerdata.core.errors import InputError
from careerdata.figures.metric_text import metric_sentence, metric_text
from careerdata.journal import queries, repo
from careerdata.models import career as m
from careerdata.ui.forms import common as forms


def test_the_issue_example_reads_as_one_sentence():
    assert metric_text("p95 latency", 420, 180, "ms", 50_000, None, "verified", "Dana").sentence == \
        "p95 latency: 420 → 180 ms, ≈ $50k/yr, verified by Dana"


@pytest.mark.parametrize(("row", "expected"), [
    # percent sticks to its numbers; a measured number says so
    ({"description": "Flaky builds", "baseline": 12, "new_value": 1, "unit": "%", "confidence": "measured"},
     "Flaky builds: 12% → 1%, measured"),
    # one number only; hours a year with a thousands separator; an estimate says whose
    ({"description": "Teams on the platform", "new_value": 40, "unit": "teams", "hours": 1200.0},
     "Teams on the platform: 40 teams, ≈ 1,200 h/yr saved, own estimate"),
    # money and hours together; a decimal kept as typed, trailing zeros dropped
    ({"description": "Deploy time", "baseline": 2.5, "new_value": 0.75, "unit": "h", "money_usd": 1_250_000,
      "hours": 300, "confidence": "measured"},
     "Deploy time: 2.5 → 0.75 h, ≈ $1.2M/yr and 300 h/yr saved, measured"),
    # no numbers at all: the description and the proof; NaN cells (a frame row) are missing; zero money says nothing
    ({"description": "  On-call   rota ", "baseline": math.nan, "new_value": None, "unit": None, "money_usd": 0.0},
     "On-call rota, own estimate"),
    # 'verified' without a name (never stored, but possible mid-edit) does not invent one
    ({"description": "Churn", "baseline": 9800, "new_value": 7400, "unit": "USD/month", "confidence": "verified"},
     "Churn: 9,800 → 7,400 USD/month, verified"),
])
def test_metric_sentence_hand_computed(row, expected):
    assert metric_sentence(row) == expected


def test_the_phrase_is_the_sentence_without_worth_and_proof():
    text = metric_text("Monthly EC2 bill", 9800, 7400, "USD/month", 28_800, None, "measured")
    assert text.phrase == "Monthly EC2 bill: 9,800 → 7,400 USD/month"
    assert (text.change, text.worth, text.proof) == ("9,800 → 7,400 USD/month", "≈ $29k/yr", "measured")


def test_editor_data_blank_means_unknown_and_a_stale_verifier_is_dropped():
    data = forms.metric_data({"category": None, "description": "  ", "baseline": None, "new_value": 3.0,
                              "unit": None, "money_usd": None, "hours": None, "confidence": "measured",
                              "verified_by": "Dana Whitfield"})
    assert data == {"baseline": None, "new_value": 3.0, "unit": "", "money_usd": None, "hours": None,
                    "confidence": "measured", "verified_by": None}
    problems = forms.all_errors(m.ImpactMetric, data)
    assert problems == ["Category: is empty", "What changed: is empty"]


def test_every_problem_of_a_metric_is_named_at_once():
    data = forms.metric_data({"category": "cost", "description": "", "money_usd": -5.0, "hours": -1.0,
                              "confidence": "verified", "verified_by": None})
    problems = forms.all_errors(m.ImpactMetric, data)
    assert problems[0] == "What changed: is empty"
    assert problems[1].startswith("Worth a year (USD): money cannot be negative (-5)")
    assert problems[2].startswith("Hours saved a year: hours saved cannot be negative (-1)")
    assert problems[3] == "A verified metric needs verified_by: the contact who confirmed it"
    assert len(problems) == 4


def test_metrics_are_added_edited_and_deleted_one_at_a_time(demo_con):
    acc_id = int(queries.accomplishments(demo_con)["id"].iloc[0])
    before = queries.win_metrics(demo_con, acc_id)
    metric_id = repo.add_metric(demo_con, acc_id, m.ImpactMetric(
        category="reliability", description="p95 latency", baseline=420, new_value=180, unit="ms", money_usd=50_000,
        confidence="verified", verified_by="dana whitfield"))
    rows = queries.win_metrics(demo_con, acc_id)
    assert len(rows) == len(before) + 1
    added = rows.set_index("id").loc[metric_id]
    assert metric_sentence(added.to_dict()) == "p95 latency: 420 → 180 ms, ≈ $50k/yr, verified by Dana Whitfield"

    repo.update_metric(demo_con, metric_id, m.ImpactMetric(category="reliability", description="p95 latency",
                                                           baseline=420, new_value=150, unit="ms", hours=80))
    edited = queries.win_metrics(demo_con, acc_id).set_index("id").loc[metric_id]
    assert metric_sentence(edited.to_dict()) == "p95 latency: 420 → 150 ms, ≈ 80 h/yr saved, own estimate"
    assert queries.win_metrics(demo_con, acc_id)["id"].tolist() == rows["id"].tolist()  # ids and order kept

    repo.delete_metric(demo_con, metric_id)
    assert queries.win_metrics(demo_con, acc_id)["id"].tolist() == before["id"].tolist()


def test_an_unknown_verifier_or_a_deleted_win_writes_nothing(demo_con):
    acc_id = int(queries.accomplishments(demo_con)["id"].iloc[0])
    count = demo_con.execute("SELECT count(*) FROM impact_metric").fetchone()[0]
    with pytest.raises(InputError, match="metric.verified_by: unknown contact 'Nobody'"):
        repo.add_metric(demo_con, acc_id, m.ImpactMetric(category="cost", description="x", confidence="verified",
                                                         verified_by="Nobody"))
    with pytest.raises(InputError, match="does not exist"):
        repo.add_metric(demo_con, 10**6, m.ImpactMetric(category="cost", description="x"))
    assert demo_con.execute("SELECT count(*) FROM impact_metric").fetchone()[0] == count


def test_editing_a_win_without_its_metrics_keeps_them(demo_con):
    acc_id = int(queries.accomplishments(demo_con)["id"].iloc[0])
    ids = queries.win_metrics(demo_con, acc_id)["id"].tolist()
    assert ids
    win = queries.accomplishment_model(demo_con, acc_id)
    repo.update_accomplishment(demo_con, acc_id, win.model_copy(update={"title": "Renamed win", "metrics": []}),
                               metrics=False)
    assert queries.win_metrics(demo_con, acc_id)["id"].tolist() == ids
    assert queries.accomplishment_model(demo_con, acc_id).title == "Renamed win"
