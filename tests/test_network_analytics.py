"""Career-sales analytics on hand-computed cases: funnels, cadence, who knows which win, coverage,
visibility against the ladder, pipeline conversion and time in stage, pay and talking points."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from careerdata.network import analytics as sa

TODAY = dt.date(2026, 11, 21)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def contacts_frame(rows) -> pd.DataFrame:
    cols = ["id", "name", "relationship", "company", "influence", "advocacy_stage", "cadence_days",
            "last_interaction", "tier_ideal_days", "tier_max_days"]
    return pd.DataFrame(rows, columns=cols)


# --- advocacy funnel ----------------------------------------------------------------------

def test_advocacy_funnel_counts_each_stage_and_everyone_at_or_beyond_it():
    contacts = pd.DataFrame({"advocacy_stage": ["unknown", "aware", "aware", "supporter", "advocate", "sponsor"]})
    f = sa.advocacy_funnel(contacts)
    assert f["stage"].tolist() == ["unknown", "aware", "supporter", "advocate", "sponsor"]
    assert f["at_stage"].tolist() == [1, 2, 1, 1, 1]
    assert f["at_or_beyond"].tolist() == [6, 5, 3, 2, 1]
    assert f["share"].tolist() == pytest.approx([1, 5 / 6, 0.5, 1 / 3, 1 / 6])
    assert sa.advocates(contacts) == 2


def test_advocacy_funnel_on_an_empty_network_is_zeros_without_shares():
    f = sa.advocacy_funnel(pd.DataFrame({"advocacy_stage": []}))
    assert f["at_or_beyond"].tolist() == [0] * 5
    assert f["share"].tolist() == [None] * 5


# --- cadence ------------------------------------------------------------------------------

@pytest.mark.parametrize(("ideal", "tier_ideal", "tier_max", "expected"), [
    (14, 14, 21, 21),   # on the tier default: exactly the tier maximum
    (42, 30, 45, 63),   # own cadence: keeps the 1.5x stretch
    (45, 30, 45, 68),   # 67.5 rounds up
    (1, 3, 4, 2),       # ceil(4/3)
    (10, None, None, 20),  # no tier: twice the ideal
])
def test_contact_max_days_keeps_the_tiers_stretch(ideal, tier_ideal, tier_max, expected):
    assert sa.contact_max_days(ideal, tier_ideal, tier_max) == expected


def test_cadence_status_is_reset_by_the_latest_interaction():
    contacts = contacts_frame([
        (1, "Ok", "manager", "", 3, "aware", 14, days_ago(10), 14, 21),
        (2, "Due", "manager", "", 3, "aware", 14, days_ago(15), 14, 21),
        (3, "Edge", "manager", "", 3, "aware", 14, days_ago(21), 14, 21),
        (4, "Gone", "manager", "", 3, "aware", 14, days_ago(30), 14, 21),
        (5, "Never", "peer", "", 3, "aware", 60, None, 60, 120),
    ])
    s = sa.cadence_status(contacts, TODAY)
    assert s["status"].tolist() == ["ok", "due", "due", "past_max", "never"]
    assert s["days_since"].tolist()[:4] == [10, 15, 21, 30]
    assert pd.isna(s["days_since"].iloc[4])
    assert s["max_days"].tolist() == [21, 21, 21, 21, 120]
    assert s["due_in"].tolist()[:4] == [4, -1, -7, -16]
    assert s["overdue_ratio"].iloc[3] == pytest.approx(30 / 14)
    assert sa.cadence_counts(s) == {"never": 1, "past_max": 1, "due": 2, "ok": 1}
    # A touch today resets the gap: the same contact is back in touch.
    touched = contacts.assign(last_interaction=[days_ago(10), days_ago(15), days_ago(21), TODAY, None])
    assert sa.cadence_status(touched, TODAY)["status"].iloc[3] == "ok"


def test_losing_touch_orders_never_then_past_max_then_due_each_by_how_overdue():
    contacts = contacts_frame([
        (1, "In touch", "peer", "", 3, "aware", 60, days_ago(5), 60, 120),
        (2, "Due, long gap", "peer", "", 3, "aware", 60, days_ago(110), 60, 120),  # ratio 1.83, not past max
        (3, "Past max, mild", "manager", "", 3, "aware", 14, days_ago(22), 14, 21),  # ratio 1.57
        (4, "Past max, bad", "skip", "", 3, "aware", 30, days_ago(90), 30, 45),  # ratio 3.0
        (5, "Never A", "peer", "", 2, "aware", 60, None, 60, 120),
        (6, "Never B", "peer", "", 5, "aware", 60, None, 60, 120),
        (7, "Due, short", "peer", "", 3, "aware", 60, days_ago(61), 60, 120),
    ])
    losing = sa.losing_touch(sa.cadence_status(contacts, TODAY))
    assert losing["name"].tolist() == ["Never B", "Never A", "Past max, bad", "Past max, mild", "Due, long gap",
                                       "Due, short"]


def test_cadence_by_tier_counts_every_status_per_relationship():
    contacts = contacts_frame([
        (1, "A", "peer", "", 3, "aware", 60, days_ago(5), 60, 120),
        (2, "B", "peer", "", 3, "aware", 60, None, 60, 120),
        (3, "C", "manager", "", 3, "aware", 14, days_ago(30), 14, 21),
    ])
    table = sa.cadence_by_tier(sa.cadence_status(contacts, TODAY))
    assert table.to_dict("records") == [
        {"relationship": "manager", "never": 0, "past_max": 1, "due": 0, "ok": 0},
        {"relationship": "peer", "never": 1, "past_max": 0, "due": 0, "ok": 1},
    ]


# --- who knows which win ------------------------------------------------------------------

def test_who_knows_matrix_counts_touches_that_mentioned_each_win():
    contacts = contacts_frame([
        (1, "Mara", "manager", "", 2, "supporter", 14, None, 14, 21),
        (2, "Pete", "peer", "", 5, "aware", 60, None, 60, 120),
        (3, "Quinn", "peer", "", 2, "aware", 60, None, 60, 120),  # not key: a low-influence peer
        (4, "Sam", "senior_leader", "", 3, "sponsor", 30, None, 30, 45),  # key as a sponsor (the advocacy stage)
    ])
    key = sa.key_contacts(contacts)
    assert key["name"].tolist() == ["Mara", "Sam", "Pete"]
    wins = pd.DataFrame({"id": [10, 11], "title": ["Big win", "Small win"], "money_usd": [500.0, 100.0],
                         "metrics": [1, 1], "done_on": [days_ago(30), days_ago(60)]})
    mentions = pd.DataFrame({
        "contact_id": [1, 1, 2, 3],
        "accomplishment_id": [10, 11, 11, 10],
        "times": [2, 1, 1, 5],
        "last_heard": [days_ago(3), days_ago(40), days_ago(50), days_ago(1)],
    })
    wk = sa.who_knows(key, wins, mentions)
    assert wk.times.loc["Mara"].tolist() == [2, 1]
    assert wk.times.loc["Sam"].tolist() == [0, 0]
    assert wk.times.loc["Pete"].tolist() == [0, 1]
    assert wk.unheard == 3
    assert wk.reach().tolist() == [1, 2]
    assert wk.unaware_of("Big win") == ["Sam", "Pete"]
    assert wk.last_heard.loc["Mara", "Big win"] == days_ago(3)
    assert wk.last_heard.loc["Sam", "Big win"] is None


def test_top_wins_rank_by_money_then_metrics_then_recency_within_the_window():
    accs = pd.DataFrame({
        "id": [1, 2, 3, 4],
        "title": ["Old giant", "Recent mid", "Recent mid, more proof", "Recent unpriced"],
        "money_usd": [9e6, 1e5, 1e5, None],
        "metrics": [3, 1, 2, 4],
        "done_on": [days_ago(2000), days_ago(100), days_ago(200), days_ago(10)],
    })
    assert sa.top_wins(accs, TODAY, years=3)["title"].tolist() == ["Recent mid, more proof", "Recent mid",
                                                                   "Recent unpriced"]
    assert sa.top_wins(accs, TODAY, years=None, limit=1)["title"].tolist() == ["Old giant"]


# --- sponsor coverage ---------------------------------------------------------------------

def _status(rows):
    return sa.cadence_status(contacts_frame(rows), TODAY)


def test_sponsor_coverage_checks_sponsor_skip_manager_and_outside_advocates():
    status = _status([
        (1, "Spon", "senior_leader", "Acme", 5, "sponsor", 30, days_ago(40), 30, 45),  # due, still in touch
        (2, "Skip", "skip", "Acme", 5, "aware", 30, days_ago(5), 30, 45),  # not yet a supporter
        (3, "Man", "manager", "Acme", 4, "supporter", 14, days_ago(3), 14, 21),
        (4, "Ment", "mentor", "", 4, "advocate", 45, days_ago(10), 45, 90),  # no company: counts
        (5, "Away", "mentor", "Elsewhere", 5, "advocate", 45, days_ago(10), 45, 90),  # another employer
        (6, "Mate", "peer", "Acme", 2, "advocate", 60, days_ago(10), 60, 120),  # own team
    ])
    checks = {c.key: c for c in sa.sponsor_coverage(status, 6, "Staff (L6)", "acme")}
    assert checks["sponsor"].status == "met" and checks["sponsor"].people == ["Spon"]
    assert checks["skip"].status == "partial"
    assert checks["manager"].status == "met"
    assert checks["outside"].status == "met" and checks["outside"].people == ["Spon", "Ment"]
    assert sa.coverage_score(list(checks.values())) == 3
    # "sponsor" is the advocacy stage only: an advocate is not a sponsor, whatever the relationship says
    advocate = status.assign(advocacy_stage=["advocate", "aware", "supporter", "advocate", "advocate", "advocate"])
    assert sa.sponsor_coverage(advocate, 6, "Staff (L6)", "acme")[0].status == "missing"
    # One level higher asks for three outside advocates: only partial.
    higher = {c.key: c for c in sa.sponsor_coverage(status, 7, "Senior Staff (L7)", "Acme")}
    assert higher["outside"].status == "partial"
    assert higher["outside"].label == "Advocates outside your team (2 of 3)"


def test_a_sponsor_out_of_touch_is_only_partial_and_an_empty_network_misses_everything():
    cold = _status([(1, "Spon", "senior_leader", "Acme", 5, "sponsor", 30, days_ago(100), 30, 45)])
    assert sa.sponsor_coverage(cold, 6, "L6", "Acme")[0].status == "partial"
    empty = sa.sponsor_coverage(_status([]), 6, "L6", None)
    assert [c.status for c in empty] == ["missing"] * 4


@pytest.mark.parametrize(("rank", "needed"), [(None, 1), (3, 1), (5, 1), (6, 2), (8, 4)])
def test_outside_advocates_needed_grows_with_the_level(rank, needed):
    assert sa.outside_advocates_needed(rank) == needed


# --- target level and visibility ------------------------------------------------------------

LEVELS = pd.DataFrame({
    "code": ["L5", "L6", "L8", "M1", "M2"], "track": ["IC", "IC", "IC", "EM", "EM"], "rank": [5, 6, 8, 6, 7],
    "title": ["Senior", "Staff", "Principal", "EM", "Senior EM"],
})


@pytest.mark.parametrize(("current", "expected"), [("L5", "L6"), ("L6", "L8"), ("L8", "L8"), ("M1", "M2"),
                                                   (None, "L5"), ("X9", "L5")])
def test_default_target_level_is_the_next_level_on_the_same_track(current, expected):
    assert sa.default_target_level(current, LEVELS) == expected


EXPECTATIONS = pd.DataFrame({"influence_target": [1, 2, 3, 4, 5], "items_per_year": [1, 3, 5, 8, 12],
                             "external_per_year": [0, 0, 1, 2, 4]})


def test_visibility_summary_counts_the_last_365_days_and_the_gap_to_the_target_level():
    vis = pd.DataFrame({
        "date": [days_ago(0), days_ago(100), days_ago(200), days_ago(364), days_ago(365), days_ago(800)],
        "is_external": [False, True, False, False, True, True],
        "reach": [10, 200, 30, 40, 5000, 70],
    })
    s = sa.visibility_summary(vis, TODAY)
    assert (s.items, s.external, s.internal, s.reach) == (4, 1, 3, 280)
    assert s.external_share == 0.25
    assert s.last_external == days_ago(100)
    influence = pd.DataFrame({"code": ["L6"], "title": ["Staff Engineer"], "target": [4], "text": ["Be visible."]})
    gap = sa.visibility_gap(s, EXPECTATIONS, influence, "L6")
    assert (gap.expected_items, gap.expected_external, gap.missing_items, gap.missing_external) == (8, 2, 4, 1)
    assert gap.level_met == 2  # 4 items and 1 external meet level 2 (3, 0) but not level 3 (5, 1)
    assert not gap.on_track
    assert sa.visibility_gap(s, EXPECTATIONS, influence, "L9") is None


def test_visibility_level_met_needs_every_level_below_it():
    assert sa.visibility_level_met(12, 0, EXPECTATIONS) == 2  # plenty of items, but no external one
    assert sa.visibility_level_met(12, 4, EXPECTATIONS) == 5
    assert sa.visibility_level_met(0, 0, EXPECTATIONS) == 0


def test_visibility_by_year_keeps_quiet_years():
    vis = pd.DataFrame({"date": [dt.date(2026, 3, 1), dt.date(2024, 5, 1), dt.date(2024, 6, 1)],
                        "is_external": [True, False, True], "reach": [5, 10, 20]})
    by_year = sa.visibility_by_year(vis, TODAY, years=3)
    assert by_year.to_dict("records") == [
        {"year": 2024, "internal": 1, "external": 1, "reach": 30},
        {"year": 2025, "internal": 0, "external": 0, "reach": 0},
        {"year": 2026, "internal": 0, "external": 1, "reach": 5},
    ]


# --- pipeline -------------------------------------------------------------------------------


# --- pay and talking points ---------------------------------------------------------------


# --- long lists ---------------------------------------------------------------------------


def test_name_list_names_five_people_and_counts_the_rest():
    assert sa.name_list(["Ann", "Bo"]) == "Ann, Bo"
    assert sa.name_list([f"P{i}" for i in range(5)]) == "P0, P1, P2, P3, P4"
    assert sa.name_list([f"P{i}" for i in range(100)]) == "P0, P1, P2, P3, P4 and 95 more"
    assert sa.name_list([f"P{i}" for i in range(1_205)], limit=2) == "P0, P1 and 1,203 more"


def test_sponsor_coverage_on_a_big_network_names_five_and_keeps_everyone_in_people():
    rows = [(i, f"Skip {i:02d}", "skip", "Acme", 3, "aware", 30, days_ago(5), 30, 45) for i in range(12)]
    status = sa.cadence_status(contacts_frame(rows), TODAY)
    skip = next(c for c in sa.sponsor_coverage(status, 6, "Staff (L6)", "Acme") if c.key == "skip")
    assert skip.status == "partial"
    assert skip.detail == ("Skip 00 (aware), Skip 01 (aware), Skip 02 (aware), Skip 03 (aware), Skip 04 (aware) "
                           "and 7 more: not yet a supporter, or you are out of touch.")
    assert skip.people == [f"Skip {i:02d}" for i in range(12)]


def test_home_network_and_the_promotion_plan_name_the_same_sponsor_the_advocacy_stage():
    """"Sponsor" once meant a relationship on Home and an advocacy stage on Network. One meaning now
    (careerdata.figures.network.sponsors): the senior leader who is only an advocate is nobody's sponsor."""
    from careerdata.home.overview import nudges
    from careerdata.promotion.plan import plan_contacts

    contacts = contacts_frame([
        (1, "Elena", "senior_leader", "Acme", 5, "advocate", 30, days_ago(2), 30, 45),
        (2, "Yuki", "peer", "Acme", 4, "sponsor", 60, days_ago(90), 60, 120),
        (3, "Dana", "manager", "Acme", 4, "supporter", 14, days_ago(3), 14, 21),
    ])
    empty = pd.DataFrame(columns=["date"])
    home = " ".join(n.message for n in nudges(pd.DataFrame(), contacts, empty, TODAY))
    assert "You last talked to your sponsor Yuki 90 days ago" in home and "sponsor Elena" not in home
    coverage = sa.sponsor_coverage(sa.cadence_status(contacts, TODAY), 6, "Staff (L6)", "Acme")[0]
    assert coverage.key == "sponsor" and coverage.people == ["Yuki"]
    assert plan_contacts(contacts)["sponsor"] == "Yuki"
    assert sa.key_contacts(contacts)["name"].tolist() == ["Dana", "Yuki", "Elena"]  # manager, sponsor, influence
