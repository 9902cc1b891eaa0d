"""Conversation numbers on hand-computed cases: pay percentile, suggested numbers, talking points, readiness."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from careerdata.conversations import analytics as cv
from careerdata.core import dates

TODAY = dt.date(2026, 11, 21)

SWE = {"title": "Software Developers", "year": 2025, "p10": 82460.0, "p25": 105210.0, "p50": 135980.0,
       "p75": 171980.0, "p90": 214670.0, "topcoded_fields": "", "wage_is_soc_aggregate": False,
       "wage_occ_title": "Software Developers"}


def test_pay_percentile_interpolates_between_published_percentiles():
    pos = cv.pay_percentile(198_000, SWE)
    assert pos.percentile == pytest.approx(75 + 15 * (198_000 - 171_980) / (214_670 - 171_980))  # 84.14
    assert pos.label == "about the 84th percentile"
    assert cv.pay_percentile(135_980, SWE).percentile == 50
    assert cv.pay_percentile(60_000, SWE).label == "below the 10th percentile"
    assert cv.pay_percentile(300_000, SWE).label == "above the 90th percentile"
    topcoded = {**SWE, "p90": None, "topcoded_fields": "annual_p90"}
    assert cv.pay_percentile(200_000, topcoded).label == "above the 75th percentile"
    assert cv.pay_percentile(None, SWE) is None


def test_suggested_numbers_from_pay_and_benchmarks():
    n = cv.suggest_numbers(198_000, SWE, [238_000, 285_000, 258_000])
    # target: lowest benchmark >= 198,000 x 1.03 = 203,940 is the 90th percentile 214,670 -> 215,000
    # anchor: 215,000 x 1.06 = 227,900 -> 228,000; walk-away: 198,000 + 8,500 = 206,500 -> 206,000
    assert (n.anchor, n.target, n.walk_away) == (228_000, 215_000, 206_000)
    assert "90th percentile" in n.basis
    above_all = cv.suggest_numbers(300_000, SWE, [])
    assert (above_all.target, above_all.anchor, above_all.walk_away) == (315_000, 334_000, 307_000)
    no_pay = cv.suggest_numbers(None, SWE, [])
    assert (no_pay.target, no_pay.walk_away) == (172_000, 135_000)
    assert cv.suggest_numbers(None, None, []) is None


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
    numbers = cv.suggest_numbers(198_000, SWE, [238_000])
    args = {"heard": {1}, "market": SWE, "current_pay": 198_000, "pay_points": points, "numbers": numbers}
    text = cv.draft_talking_points(conv, _wins(), TODAY, **args)
    assert text == cv.draft_talking_points(conv, _wins(), TODAY, **args)  # deterministic
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
    text = cv.draft_talking_points(raise_conv, _wins(), TODAY, market=SWE, current_pay=198_000)
    assert text.startswith("**The ask:** Ask for a pay adjustment.")
    assert "**Your numbers:** open at $228,000 (anchor)" in text
    assert "New to" not in text  # nobody named, so no heard / not heard marks
    scope = {"kind": "scope", "counterpart": "Marcus", "goal": "Own the roadmap.", "anchor": None, "target": None,
             "walk_away": None}
    text = cv.draft_talking_points(scope, _wins(), TODAY, market=SWE, current_pay=198_000)
    assert "Market" not in text and "numbers" not in text
    promo = {**scope, "kind": "promotion"}
    text = cv.draft_talking_points(promo, _wins(), TODAY, level_expectation=("Staff Engineer (L6)", "Builds alignment."))
    assert "**What Staff Engineer (L6) expects** (your ladder, influence): Builds alignment." in text
    empty = cv.draft_talking_points(scope, _wins().iloc[0:0], TODAY)
    assert "no accomplishments in the last three years yet" in empty


def test_pay_comparison_and_finding_label_whose_numbers_are_whose():
    comp = cv.pay_comparison(SWE, 198_000, {"anchor": 228_000, "target": 216_000, "walk_away": None},
                             pd.DataFrame(columns=["role", "kind", "amount", "as_of"]))
    assert comp.groupby("source").size().to_dict() == {"market": 5, "yours": 3}
    assert comp[comp["source"] == "yours"]["label"].tolist() == ["Current pay", "Target", "Anchor"]
    assert cv.pay_finding(SWE, 198_000, 216_000) == ("Your target of $216k is above the 90th percentile for "
                                                     "Software Developers (BLS, May 2025)")
    assert cv.pay_finding(SWE, 198_000, None).startswith("Your current pay of $198k is about the 84th")


def test_readiness_next_conversation_and_common_objections():
    reh = pd.DataFrame({"id": [2, 1], "date": [dt.date(2026, 11, 17), dt.date(2026, 11, 10)],
                        "confidence_before": [3, 2], "confidence_after": [4, 3]})
    obj = pd.DataFrame({"objection": ["a", "b", "c"], "answer": ["yes", " ", ""]})
    r = cv.readiness(reh, obj)
    assert (r.rehearsals, r.first_before, r.latest_after, r.gain, r.objections, r.answered) == (2, 2, 4, 2, 3, 1)
    convs = pd.DataFrame({
        "id": [1, 2, 3, 4],
        "status": ["done", "planned", "rehearsing", "planned"],
        "planned_for": [TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=9), TODAY + dt.timedelta(days=5),
                        None],
    })
    assert cv.next_conversation(convs, TODAY)["id"] == 3
    assert cv.next_conversation(convs.iloc[[0, 3]], TODAY)["id"] == 4
    missing = cv.missing_common_objections("raise", ["the budget for this cycle is already fixed."])
    assert "The budget for this cycle is already fixed." not in missing and len(missing) == 3
    assert cv.default_occupation(None, ["11-3021.00"], ["11-3021.00", "15-1252.00"]) == "11-3021.00"
    assert cv.default_occupation("15-9999.00", [], ["11-3021.00", "15-1252.00"]) == "15-1252.00"
    assert [dates.when_label(TODAY + dt.timedelta(days=n), TODAY) for n in (0, 1, 12, -1, -3)] == [
        "today", "tomorrow", "in 12 days", "yesterday", "3 days ago"]


def test_every_kind_of_conversation_is_named_in_plain_english():
    from careerdata.conversations.analytics import conversation_phrase
    from careerdata.core import vocab

    assert [conversation_phrase(k) for k in vocab.CONVERSATION_KINDS] == [
        "a raise conversation", "a promotion conversation", "a conversation about more scope",
        "a conversation about on-call load", "any hard conversation"]  # never "a other conversation"
