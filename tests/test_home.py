import datetime as dt

import pandas as pd
import pytest

from careerdata.core.money import format_money
from careerdata.figures import impact, network
from careerdata.home import overview as ov

TODAY = dt.date(2026, 11, 21)


def _metrics(rows):
    return pd.DataFrame(rows, columns=["id", "done_on", "category", "money_usd", "hours", "confidence"])


def test_impact_totals_compare_this_year_to_date_with_the_same_stretch_last_year():
    metrics = _metrics([
        (1, dt.date(2026, 3, 1), "cost", 100_000.0, 10.0, "verified"),
        (2, dt.date(2026, 11, 1), "time", None, 200.0, "estimated"),
        (3, dt.date(2025, 6, 1), "revenue", 50_000.0, None, "measured"),
        (4, dt.date(2025, 12, 1), "cost", 30_000.0, None, "measured"),  # after 21 Nov last year: not in prev YTD
        (5, dt.date(2019, 1, 1), "users", 20_000.0, 5.0, "estimated"),
    ])
    t = impact.frame_totals(metrics, TODAY)
    assert t.money_ytd == 100_000
    assert t.money_prev_ytd == 50_000
    assert t.hours_ytd == 210
    assert t.money_run_rate == 200_000  # a sum of annualised values, not an all-time total
    assert t.hours_run_rate == 215
    # delivered to date: value a year x days live / 365.25 (265, 20, 538, 355 and 2,881 days)
    assert t.money_delivered == pytest.approx((100_000 * 265 + 50_000 * 538 + 30_000 * 355 + 20_000 * 2_881) / 365.25)
    assert t.hours_delivered == pytest.approx((10 * 265 + 200 * 20 + 5 * 2_881) / 365.25)
    assert t.verified_share == 0.5


def test_impact_totals_on_an_empty_file_are_zero_not_nan():
    t = impact.frame_totals(_metrics([]), TODAY)
    assert (t.money_ytd, t.money_run_rate, t.money_delivered, t.hours_run_rate, t.verified_share) == (0, 0, 0, 0, None)


def test_quarterly_activity_shows_every_quarter_including_quiet_ones():
    accs = pd.DataFrame({
        "done_on": [dt.date(2026, 10, 2), dt.date(2026, 11, 1), dt.date(2026, 2, 1), dt.date(2019, 1, 1)],
        "metrics": [2, 0, 1, 3],
    })
    q = ov.quarterly_activity(accs, TODAY, quarters=4)
    assert q["quarter"].tolist() == ["2026 Q1", "2026 Q2", "2026 Q3", "2026 Q4"]
    assert q["accomplishments"].tolist() == [1, 0, 0, 2]
    assert q["quantified"].tolist() == [1, 0, 0, 1]
    assert q["unquantified"].tolist() == [0, 0, 0, 1]


def test_quarter_labels_cross_the_year_boundary():
    q = ov.quarterly_activity(pd.DataFrame({"done_on": [], "metrics": []}), dt.date(2026, 2, 1), quarters=3)
    assert q["quarter"].tolist() == ["2025 Q3", "2025 Q4", "2026 Q1"]
    assert q["accomplishments"].sum() == 0


def test_impact_by_quarter_sums_money_per_category_in_the_window():
    metrics = _metrics([
        (1, dt.date(2026, 10, 5), "cost", 10.0, 1.0, "measured"),
        (2, dt.date(2026, 11, 5), "cost", 5.0, None, "measured"),
        (3, dt.date(2026, 11, 5), "time", None, 7.0, "measured"),
        (4, dt.date(2020, 1, 1), "cost", 99.0, None, "measured"),
    ])
    out = ov.impact_by_quarter(metrics, TODAY, quarters=4)
    assert out.to_dict("records") == [
        {"quarter": "2026 Q4", "category": "cost", "money_usd": 15.0, "hours": 1.0, "metrics": 2},
        {"quarter": "2026 Q4", "category": "time", "money_usd": 0.0, "hours": 7.0, "metrics": 1},
    ]


def _contacts(rows):
    return pd.DataFrame(rows, columns=["name", "relationship", "advocacy_stage", "influence", "cadence_days",
                                       "last_interaction"])


def test_overdue_contacts_most_overdue_first_and_never_contacted_on_top():
    contacts = _contacts([
        ("Ann", "peer", "aware", 2, 60, pd.Timestamp("2026-11-01")),      # 20 days: fine
        ("Bob", "senior_leader", "advocate", 5, 30, pd.Timestamp("2026-09-22")),  # 60 days: 30 overdue
        ("Cy", "mentor", "aware", 3, 45, pd.Timestamp("2026-09-01")),     # 81 days: 36 overdue
        ("Di", "recruiter", "unknown", 1, 90, pd.NaT),                    # never
    ])
    out = network.overdue_contacts(contacts, TODAY)
    assert out["name"].tolist() == ["Di", "Cy", "Bob"]
    assert out["overdue_by"].tolist()[1:] == [36, 30]


def test_nudges_fire_for_silent_sponsor_unquantified_wins_and_a_drought():
    accs = pd.DataFrame({"title": ["Big win", "Glue work"], "done_on": [dt.date(2026, 9, 1), dt.date(2026, 8, 1)],
                         "metrics": [2, 0]})
    contacts = _contacts([("Elena", "skip", "sponsor", 5, 30, pd.Timestamp("2026-09-22"))])
    visibility = pd.DataFrame({"date": [dt.date(2026, 11, 10)]})
    found = ov.nudges(accs, contacts, visibility, TODAY)
    text = " | ".join(n.message for n in found)
    assert "sponsor Elena 60 days ago" in text
    assert "1 win(s) from the last 12 months have no metric: “Glue work”" in text
    assert "No win logged in 81 days" in text
    assert "last talk, post or demo" not in text  # 11 days ago is recent
    assert found[0].priority == 1


def test_nudges_on_an_empty_file_point_at_the_first_step():
    empty = pd.DataFrame(columns=["title", "done_on", "metrics"])
    found = ov.nudges(empty, _contacts([]), pd.DataFrame(columns=["date"]), TODAY)
    assert [n.action for n in found] == ["Log your first win"]


def test_money_is_formatted_the_way_people_say_it():
    assert [format_money(v) for v in (1_234_567, 340_000, 950, None)] == ["$1.2M", "$340k", "$950", "—"]


def test_a_sponsor_is_the_advocacy_stage_so_home_agrees_with_the_network_funnel():
    """Home once called Elena "your sponsor" (relationship) while Network said "none is a sponsor yet"."""
    contacts = _contacts([("Elena", "senior_leader", "advocate", 5, 30, pd.Timestamp("2026-11-20"))])
    text = " | ".join(n.message for n in ov.nudges(pd.DataFrame(), contacts, pd.DataFrame(), TODAY))
    assert "your sponsor Elena" not in text
    assert "Your network has no sponsor yet: your advocate Elena is the closest" in text
