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
        (4, "Sam", "sponsor", "", 3, "advocate", 30, None, 30, 45),
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
        (1, "Spon", "sponsor", "Acme", 5, "sponsor", 30, days_ago(40), 30, 45),  # due, still in touch
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
    cold = _status([(1, "Spon", "sponsor", "Acme", 5, "sponsor", 30, days_ago(100), 30, 45)])
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

D0 = dt.date(2026, 1, 1)


def d(n: int) -> dt.date:
    return D0 + dt.timedelta(days=n)


OPPS = pd.DataFrame({
    "id": [1, 2, 3, 4],
    "title": ["Won", "Lost early", "In interviews", "Fresh lead"],
    "kind": ["new_job", "new_job", "promotion", "internal_move"],
    "stage": ["accepted", "lost", "interview", "lead"],
    "opened_on": [d(0), d(0), d(10), d(300)],
    "follow_up_due": [None, None, TODAY + dt.timedelta(days=3), TODAY - dt.timedelta(days=5)],
})
STAGES = pd.DataFrame([
    (1, "lead", d(0)), (1, "application", d(7)), (1, "interview", d(21)), (1, "offer", d(30)), (1, "accepted", d(30)),
    (2, "lead", d(0)), (2, "conversation", d(4)), (2, "lost", d(20)),
    (3, "lead", d(10)), (3, "interview", d(40)),
    (4, "lead", d(300)),
], columns=["opportunity_id", "stage", "entered_on"])


def test_pipeline_funnel_reach_and_conversion_leave_out_opportunities_still_in_the_stage():
    f = sa.pipeline_funnel(OPPS, STAGES).set_index("stage")
    assert f["reached"].tolist() == [4, 3, 2, 2, 1, 1]  # a skipped stage counts as passed
    assert f.loc["lead", "open_here"] == 1 and f.loc["interview", "open_here"] == 1
    assert f.loc["conversation", "lost_here"] == 1
    conversion = f["conversion"].tolist()
    assert conversion[:5] == pytest.approx([3 / 3, 2 / 3, 2 / 2, 1 / 1, 1 / 1])
    assert pd.isna(conversion[5])  # nothing after 'accepted'
    assert sa.win_rate(OPPS) == 0.5


def test_pipeline_funnel_on_no_opportunities_is_zeros():
    f = sa.pipeline_funnel(OPPS.iloc[0:0], STAGES.iloc[0:0])
    assert f["reached"].tolist() == [0] * 6 and f["conversion"].isna().all()
    assert sa.win_rate(OPPS.iloc[0:0]) is None


def test_time_in_stage_is_the_gap_to_the_next_stage_and_ongoing_for_open_ones():
    stints = sa.stage_stints(OPPS, STAGES, TODAY)
    won = stints[stints["opportunity_id"] == 1]
    assert won[["stage", "days"]].values.tolist() == [["lead", 7], ["application", 14], ["interview", 9],
                                                      ["offer", 0]]
    assert stints[stints["opportunity_id"] == 2][["stage", "days"]].values.tolist() == [["lead", 4],
                                                                                       ["conversation", 16]]
    open_interview = stints[(stints["opportunity_id"] == 3) & stints["ongoing"]]
    assert open_interview["days"].tolist() == [(TODAY - d(40)).days]
    summary = sa.time_in_stage(stints).set_index("stage")
    assert summary.loc["lead", "median_days"] == 7  # finished: 7, 4, 30
    assert summary.loc["lead", "completed"] == 3 and summary.loc["lead", "ongoing"] == 1
    assert summary.loc["interview", "median_days"] == 9 and summary.loc["interview", "ongoing"] == 1
    assert summary.loc["conversation", "mean_days"] == 16
    assert pd.isna(summary.loc["application", "oldest_ongoing"])


def test_follow_ups_and_kpis():
    due = sa.follow_ups(OPPS, TODAY)
    assert due["title"].tolist() == ["Fresh lead", "In interviews"]
    assert due["due_in"].tolist() == [-5, 3]
    kpi = sa.pipeline_kpis(OPPS, sa.stage_stints(OPPS, STAGES, TODAY), due)
    assert (kpi.open, kpi.late_stage, kpi.overdue, kpi.due_soon, kpi.accepted, kpi.closed) == (2, 1, 1, 1, 1, 2)
    assert kpi.longest_stage == "interview" and kpi.longest_wait == (TODAY - d(40)).days


# --- pay and talking points ---------------------------------------------------------------

SWE = {"title": "Software Developers", "year": 2025, "p10": 82460.0, "p25": 105210.0, "p50": 135980.0,
       "p75": 171980.0, "p90": 214670.0, "topcoded_fields": "", "wage_is_soc_aggregate": False,
       "wage_occ_title": "Software Developers"}


def test_pay_percentile_interpolates_between_published_percentiles():
    pos = sa.pay_percentile(198_000, SWE)
    assert pos.percentile == pytest.approx(75 + 15 * (198_000 - 171_980) / (214_670 - 171_980))  # 84.14
    assert pos.label == "about the 84th percentile"
    assert sa.pay_percentile(135_980, SWE).percentile == 50
    assert sa.pay_percentile(60_000, SWE).label == "below the 10th percentile"
    assert sa.pay_percentile(300_000, SWE).label == "above the 90th percentile"
    topcoded = {**SWE, "p90": None, "topcoded_fields": "annual_p90"}
    assert sa.pay_percentile(200_000, topcoded).label == "above the 75th percentile"
    assert sa.pay_percentile(None, SWE) is None


def test_suggested_numbers_from_pay_and_benchmarks():
    n = sa.suggest_numbers(198_000, SWE, [238_000, 285_000, 258_000])
    # target: lowest benchmark >= 198,000 x 1.03 = 203,940 is the 90th percentile 214,670 -> 215,000
    # anchor: 215,000 x 1.06 = 227,900 -> 228,000; walk-away: 198,000 + 8,500 = 206,500 -> 206,000
    assert (n.anchor, n.target, n.walk_away) == (228_000, 215_000, 206_000)
    assert "90th percentile" in n.basis
    above_all = sa.suggest_numbers(300_000, SWE, [])
    assert (above_all.target, above_all.anchor, above_all.walk_away) == (315_000, 334_000, 307_000)
    no_pay = sa.suggest_numbers(None, SWE, [])
    assert (no_pay.target, no_pay.walk_away) == (172_000, 135_000)
    assert sa.suggest_numbers(None, None, []) is None


def _wins():
    return pd.DataFrame({
        "id": [1, 2, 3, 4],
        "title": ["Cut AWS spend 31%", "Launched onboarding", "Fixed a flaky test", "Ancient glory"],
        "money_usd": [312_000.0, 540_000.0, None, 9e6],
        "metrics": [2, 4, 1, 3],
        "done_on": [dt.date(2024, 6, 28), dt.date(2026, 6, 26), dt.date(2026, 11, 1), dt.date(2015, 1, 1)],
    })


def test_talking_points_for_a_raise_quote_evidence_market_and_suggested_numbers():
    conv = {"kind": "raise", "counterpart": "Dana", "goal": "Move base to 216,000.", "anchor": None, "target": None,
            "walk_away": None}
    points = pd.DataFrame({"role": ["Staff Engineer"], "kind": ["peer"], "amount": [238_000.0],
                           "as_of": [dt.date(2026, 3, 26)]})
    numbers = sa.suggest_numbers(198_000, SWE, [238_000])
    args = {"heard": {1}, "market": SWE, "current_pay": 198_000, "pay_points": points, "numbers": numbers}
    text = sa.draft_talking_points(conv, _wins(), TODAY, **args)
    assert text == sa.draft_talking_points(conv, _wins(), TODAY, **args)  # deterministic
    lines = text.splitlines()
    assert lines[0] == "**The ask:** Move base to 216,000."
    assert "- **Launched onboarding** (Jun 2026): $540k a year (your estimate). New to Dana: lead with it." in lines
    assert "- **Cut AWS spend 31%** (Jun 2024): $312k a year (your estimate). Already heard it." in lines
    assert "- **Fixed a flaky test** (Nov 2026): 1 impact metric(s). New to Dana: lead with it." in lines
    assert "Ancient glory" not in text  # outside the three-year window
    assert ("- 10th percentile $82,460; 25th percentile $105,210; median $135,980; 75th percentile $171,980; "
            "90th percentile $214,670.") in lines
    assert "- Your current pay: $198,000, about the 84th percentile for this occupation." in lines
    assert "- Pay data points you collected: $238,000 (peer, Staff Engineer, Mar 2026)." in lines
    assert ("**Suggested numbers (edit them in Numbers):** open at $228,000 (anchor), aim for $215,000 (target, "
            "above the 90th percentile), do not settle below $206,000 (walk-away).") in lines


def test_talking_points_use_the_users_own_numbers_and_skip_the_market_for_scope_talks():
    raise_conv = {"kind": "raise", "counterpart": None, "goal": "", "anchor": 228_000.0, "target": 216_000.0,
                  "walk_away": 208_000.0}
    text = sa.draft_talking_points(raise_conv, _wins(), TODAY, market=SWE, current_pay=198_000)
    assert text.startswith("**The ask:** Ask for a pay adjustment.")
    assert "**Your numbers:** open at $228,000 (anchor)" in text
    assert "New to" not in text  # nobody named, so no heard / not heard marks
    scope = {"kind": "scope", "counterpart": "Marcus", "goal": "Own the roadmap.", "anchor": None, "target": None,
             "walk_away": None}
    text = sa.draft_talking_points(scope, _wins(), TODAY, market=SWE, current_pay=198_000)
    assert "Market" not in text and "numbers" not in text
    promo = {**scope, "kind": "promotion"}
    text = sa.draft_talking_points(promo, _wins(), TODAY, level_expectation=("Staff Engineer (L6)", "Builds alignment."))
    assert "**What Staff Engineer (L6) expects** (your ladder, influence): Builds alignment." in text
    empty = sa.draft_talking_points(scope, _wins().iloc[0:0], TODAY)
    assert "no accomplishments in the last three years yet" in empty


def test_pay_comparison_and_finding_label_whose_numbers_are_whose():
    comp = sa.pay_comparison(SWE, 198_000, {"anchor": 228_000, "target": 216_000, "walk_away": None},
                             pd.DataFrame(columns=["role", "kind", "amount", "as_of"]))
    assert comp.groupby("source").size().to_dict() == {"market": 5, "yours": 3}
    assert comp[comp["source"] == "yours"]["label"].tolist() == ["Current pay", "Target", "Anchor"]
    assert sa.pay_finding(SWE, 198_000, 216_000) == ("Your target of $216k is above the 90th percentile for "
                                                     "Software Developers (BLS, May 2025)")
    assert sa.pay_finding(SWE, 198_000, None).startswith("Your current pay of $198k is about the 84th")


def test_readiness_next_conversation_and_common_objections():
    reh = pd.DataFrame({"id": [2, 1], "date": [dt.date(2026, 11, 17), dt.date(2026, 11, 10)],
                        "confidence_before": [3, 2], "confidence_after": [4, 3]})
    obj = pd.DataFrame({"objection": ["a", "b", "c"], "answer": ["yes", " ", ""]})
    r = sa.readiness(reh, obj)
    assert (r.rehearsals, r.first_before, r.latest_after, r.gain, r.objections, r.answered) == (2, 2, 4, 2, 3, 1)
    convs = pd.DataFrame({
        "id": [1, 2, 3, 4],
        "status": ["done", "planned", "rehearsing", "planned"],
        "planned_for": [TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=9), TODAY + dt.timedelta(days=5),
                        None],
    })
    assert sa.next_conversation(convs, TODAY)["id"] == 3
    assert sa.next_conversation(convs.iloc[[0, 3]], TODAY)["id"] == 4
    missing = sa.missing_common_objections("raise", ["the budget for this cycle is already fixed."])
    assert "The budget for this cycle is already fixed." not in missing and len(missing) == 3
    assert sa.default_occupation(None, ["11-3021.00"], ["11-3021.00", "15-1252.00"]) == "11-3021.00"
    assert sa.default_occupation("15-9999.00", [], ["11-3021.00", "15-1252.00"]) == "15-1252.00"
    assert [sa.when_label(TODAY + dt.timedelta(days=n), TODAY) for n in (0, 1, 12, -1, -3)] == [
        "today", "tomorrow", "in 12 days", "yesterday", "3 days ago"]


# --- long lists ---------------------------------------------------------------------------

@pytest.mark.parametrize(("total", "page", "expected"), [
    (0, 1, (0, 0)),
    (10, 1, (0, 10)),       # fits on one page
    (50, 1, (0, 20)),
    (50, 3, (40, 50)),      # the last page is short
    (50, 9, (40, 50)),      # past the end: the last page
    (50, 0, (0, 20)),       # before the start: the first page
    (40, 2, (20, 40)),
])
def test_page_bounds_slice_a_long_list_twenty_at_a_time(total, page, expected):
    assert sa.page_bounds(total, page, 20) == expected


def test_page_count_is_at_least_one():
    assert [sa.page_count(n, 20) for n in (0, 1, 20, 21, 1043)] == [1, 1, 1, 2, 53]


def test_showing_label_says_how_many_are_hidden():
    assert sa.showing_label(0, 20, 1043, "contacts", "most overdue first") == (
        "Showing 1–20 of 1,043 contacts, most overdue first; 1,023 more on the other pages.")
    assert sa.showing_label(1040, 1043, 1043, "contacts", "most overdue first") == (
        "Showing 1,041–1,043 of 1,043 contacts, most overdue first; 1,040 more on the other pages.")
    assert sa.showing_label(0, 5, 5, "open opportunities", "furthest along first") == (
        "Showing 1–5 of 5 open opportunities, furthest along first.")


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
