"""The one definition of each career figure, on hand-computed cases (careerdata.figures)."""

import datetime as dt

import pandas as pd
import pytest

from careerdata.figures import cycle, evidence, fit, impact, moat, network, readiness

TODAY = dt.date(2026, 11, 21)


# --- impact: run-rate vs delivered to date -------------------------------------------------------

METRICS = pd.DataFrame({
    "accomplishment_id": [1, 2, 3],
    # live 365.25 days, 730.5 days, and finishing in the future (nothing delivered yet)
    "done_on": [TODAY - dt.timedelta(days=365.25), TODAY - dt.timedelta(days=730.5), TODAY + dt.timedelta(days=10)],
    "money_usd": [100_000.0, 50_000.0, 1_000_000.0],
    "hours": [1_000.0, None, 200.0],
})


def test_run_rate_is_the_sum_of_annualised_values():
    assert impact.run_rate(METRICS) == 1_150_000.0
    assert impact.run_rate(METRICS, "hours") == 1_200.0  # a blank is 0


def test_delivered_to_date_is_run_rate_times_years_live():
    # 100k x 1 year + 50k x 2 years + 1M x 0 (not live yet) = 200k
    assert impact.delivered_to_date(METRICS, TODAY) == pytest.approx(200_000.0, abs=300)
    # 1,000 h x 1 + blank + 200 h x 0
    assert impact.delivered_to_date(METRICS, TODAY, "hours") == pytest.approx(1_000.0, abs=2)


def test_impact_labels_say_what_they_are():
    assert impact.money_run_rate_label(6_560_000) == "$6.6M/yr run-rate"
    assert impact.money_delivered_label(25_200_000) == "$25.2M delivered to date"
    assert impact.hours_run_rate_label(19_326) == "19,326 h/yr"
    assert impact.hours_delivered_label(61_225.4) == "61,225 h saved to date"


def test_impact_of_nothing_is_zero_and_a_bad_measure_is_refused():
    empty = METRICS.iloc[0:0]
    assert impact.run_rate(empty) == 0.0 and impact.delivered_to_date(empty, TODAY) == 0.0
    with pytest.raises(ValueError, match="measure"):
        impact.run_rate(METRICS, "euros")


# --- the review cycle ------------------------------------------------------------------------------

def test_review_cycle_window_from_the_profile_or_a_year_centred_on_today():
    both = {"review_cycle_start": dt.date(2026, 4, 1), "review_cycle_end": dt.date(2027, 3, 31)}
    assert cycle.review_cycle(both, TODAY) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert cycle.review_cycle({"review_cycle_end": "2027-03-31"}, TODAY) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    assert cycle.review_cycle({"review_cycle_start": dt.date(2026, 1, 1)}, TODAY) == (dt.date(2026, 1, 1),
                                                                                      dt.date(2026, 12, 31))
    assert cycle.review_cycle(None, TODAY) == (dt.date(2026, 5, 23), dt.date(2027, 5, 22))


ACCS = pd.DataFrame({
    "id": [1, 2, 3, 4, 5],
    "start_date": [dt.date(2025, 1, 1), dt.date(2026, 5, 1), dt.date(2025, 6, 1), dt.date(2025, 1, 1),
                   dt.date(2027, 4, 1)],
    # 1 ended before the cycle; 2 inside; 3 ends inside; 4 started before and is still going; 5 after
    "end_date": [dt.date(2026, 3, 31), dt.date(2026, 6, 1), dt.date(2026, 4, 1), None, None],
})
CYCLE = (dt.date(2026, 4, 1), dt.date(2027, 3, 31))


def test_a_win_is_in_the_cycle_when_its_span_overlaps_it():
    assert cycle.cycle_mask(ACCS, CYCLE, TODAY).tolist() == [False, True, True, True, False]


def test_the_cycles_wins_and_run_rate_impact():
    metrics = pd.DataFrame({"accomplishment_id": [1, 2, 2, 4], "money_usd": [1e6, 100_000.0, 20_000.0, None],
                            "hours": [None, 10.0, None, 5.0]})
    got = cycle.cycle_figures(ACCS, metrics, CYCLE, TODAY)
    assert (got.wins, got.quantified_wins, got.metrics) == (3, 2, 3)
    assert (got.money, got.hours) == (120_000.0, 15.0)
    assert (got.wins_label, got.money_label) == ("3 wins", "$120k/yr run-rate")


# --- evidence level: one formula ------------------------------------------------------------------

def test_evidence_points_and_level_on_hand_computed_wins():
    # company scope 1.5 x verified 2.0 x done today 1.0 = 3.0 points -> 5 x (1 - e^-1.2) = 3.49 -> 3.5
    assert evidence.win_points("company", 1, 1, TODAY, TODAY) == pytest.approx(3.0)
    assert evidence.level_from_points(3.0) == 3.5
    # team 1.0 x no metric 1.0 x two years old 0.5 = 0.5 points -> 5 x (1 - e^-0.2) = 0.906 -> 0.9
    two_years = TODAY - dt.timedelta(days=round(2 * 365.25))
    assert evidence.win_points("team", 0, 0, two_years, TODAY) == pytest.approx(0.5, abs=1e-3)
    assert evidence.level_from_points(0.0) == 0.0


def test_evidence_levels_sum_points_per_skill_or_competency():
    rows = pd.DataFrame({"key": ["delivery", "delivery", "mentorship"],
                         "done_on": [TODAY, TODAY, TODAY], "scope": ["org", "team", "team"],
                         "metrics": [1, 0, 0], "verified": [0, 0, 0]})
    got = evidence.evidence_levels(rows, TODAY).set_index("key")
    # delivery: org 1.25 x metric 1.5 + team 1 x 1 = 2.875 points -> 5 x (1 - e^-1.15) = 3.417 -> 3.4
    assert got.loc["delivery", "evidence_points"] == pytest.approx(2.875)
    assert got.loc["delivery", "evidence_level"] == 3.4
    assert (got.loc["delivery", "accomplishments"], got.loc["delivery", "quantified"]) == (2, 1)
    # mentorship: 1 point -> 5 x (1 - e^-0.4) = 1.648 -> 1.6
    assert got.loc["mentorship", "evidence_level"] == 1.6
    assert evidence.level_label(3.4, 2) == "3.4 (2 wins)"


def test_a_skill_and_a_competency_resting_on_the_same_wins_have_the_same_evidence_level():
    """Skill value once kept its own copy of the formula: the Matrix, Market and Target roles read a skill's
    level through it, Competitors and the Promotion case a competency's. Both now call figures.evidence."""
    from careerdata.competitors.analytics import competency_profile
    from careerdata.matrix import skill_value

    wins = {"done_on": [TODAY, TODAY - dt.timedelta(days=400), dt.date(2019, 5, 1)],
            "scope": ["company", "org", "external"], "metrics": [2, 1, 0], "verified": [1, 0, 0]}
    skill = skill_value.evidence_levels(pd.DataFrame({"skill_id": [7] * 3, **wins}), TODAY).iloc[0]
    ladder = pd.DataFrame({"key": ["craft"], "name": ["Craft"], "group": ["technical"]})
    competency = competency_profile(pd.DataFrame({"competency_key": ["craft"] * 3, **wins}), ladder, TODAY).iloc[0]
    # 1.5 x 2 x 1 + 1.25 x 1.5 x 0.5^(400/365.25/2) + 1.5 x 1 x 0.5^(years since May 2019 / 2) = 4.39 points
    assert skill["evidence_points"] == pytest.approx(competency["points"]) == pytest.approx(4.39, abs=0.01)
    assert skill["evidence_level"] == competency["level"] == 4.1


# --- readiness -----------------------------------------------------------------------------------

def test_readiness_counts_competencies_at_the_bar_and_lists_the_gaps_weakest_first():
    targets = {"craft": 4, "delivery": 3, "mentorship": 2, "influence": 4}
    have = {"craft": 4.2, "delivery": 1.5, "influence": 3.0}
    r = readiness.readiness("L6", have, targets)
    # coverage: 1, 0.5, 0, 0.75 -> mean 0.5625
    assert r.score == pytest.approx(0.5625)
    assert (r.at_bar, r.total) == (1, 4)
    assert r.gaps == ["mentorship", "delivery", "influence"]
    assert r.no_evidence == ["mentorship"]
    assert (r.count_label, r.score_label) == ("1 of 4 competencies at the bar", "56%")
    assert readiness.readiness("L9", have, {}).score_label == "—"


# --- fit -----------------------------------------------------------------------------------------

def test_occupation_match_weighs_important_skills_by_importance():
    ratings = pd.DataFrame({"element_id": ["a", "b", "c"], "name": ["A", "B", "C"], "kind": ["skill"] * 3,
                            "importance": [4.0, 3.0, 2.0], "level": [7.0, 3.5, 7.0]})
    # a: required 5, yours 2.5 -> 0.5; b: required 2.5, yours 5 -> 1; c unimportant (2 < 3)
    score, detail = fit.occupation_match({"a": 2.5, "b": 5.0, "c": 0.0}, ratings)
    assert score == pytest.approx(100 * (4 * 0.5 + 3 * 1) / 7, abs=0.05)  # 71.4
    assert detail["element_id"].tolist() == ["a", "b"]
    assert fit.occupation_match_label(score) == "71/100 occupation match"


def test_role_fit_is_coverage_times_the_must_have_gate_and_the_gate_is_a_parameter():
    imp, yours = pd.Series([5, 3]), pd.Series([1.0, 3.0])
    required, must = pd.Series([4, 3]), pd.Series([True, False])
    hard = fit.role_fit(imp, yours, required, must)
    # coverage = (5 x 0.25 + 3 x 1) / 8 = 0.53125; hard gate = 0.25
    assert (hard.coverage, hard.gate, hard.gating, hard.fit) == (53.1, 0.25, 0, 13.3)
    soft = fit.role_fit(imp, yours, required, must, gate=lambda met, m: (0.5 + 0.5 * float(met[0]), 0))
    assert soft.fit == pytest.approx(100 * 0.53125 * 0.625, abs=0.05)
    assert fit.role_fit(imp, yours, required, pd.Series([False, False])).label == "53"


# --- network -------------------------------------------------------------------------------------

def test_a_sponsor_is_the_advocacy_stage_only():
    contacts = pd.DataFrame({"name": ["A", "B", "C"], "relationship": ["leader", "manager", "peer"],
                             "advocacy_stage": ["advocate", "sponsor", "sponsor"]})
    assert network.sponsors(contacts)["name"].tolist() == ["B", "C"]
    assert [network.sponsor_label(n) for n in (0, 1, 2)] == ["no sponsor yet", "1 sponsor", "2 sponsors"]


def test_overdue_contacts_never_contacted_first_then_most_overdue():
    contacts = pd.DataFrame({
        "name": ["fresh", "late", "never", "later"],
        "last_interaction": [TODAY - dt.timedelta(days=10), TODAY - dt.timedelta(days=40), None,
                             TODAY - dt.timedelta(days=100)],
        "cadence_days": [30, 30, 30, 60], "influence": [3, 3, 3, 3]})
    due = network.overdue_contacts(contacts, TODAY)
    assert due["name"].tolist() == ["never", "later", "late"]
    assert due["overdue_by"].tolist()[1:] == [40, 10]
    assert network.overdue_label(3) == "3 overdue"


def test_days_since_the_last_visibility_item():
    dates = pd.Series([dt.date(2026, 10, 1), dt.date(2026, 11, 9), None])
    assert network.days_since_last(dates, TODAY) == 12
    assert network.days_since_last(pd.Series([], dtype=object), TODAY) is None
    assert network.visibility_label(12) == "last talk, post or demo 12 days ago"
    assert network.visibility_label(None) == "no talk, post or demo logged"


# --- moat ----------------------------------------------------------------------------------------

def test_moat_is_the_mean_of_the_five_best_contributions_with_empty_slots_zero():
    assert moat.contribution(0.8, 5.0) == pytest.approx(0.8)
    assert moat.moat_score([0.8, 0.5]) == 26.0  # (0.8 + 0.5) / 5
    assert moat.moat_score([1, 1, 1, 1, 1, 0.9]) == 100.0
    assert moat.moat_label(26.0) == "26/100"


# --- a skill's level in words ---------------------------------------------------------------------

def test_a_skill_level_in_words_and_the_highest_self_rated_skill():
    from careerdata.figures import proficiency

    assert [proficiency.level_word(n) for n in (1, 2, 3, 3.5, 4, 5)] == [
        "Aware", "Working knowledge", "Proficient", "Proficient", "Advanced", "Expert"]
    assert proficiency.level_word(None) is None and proficiency.level_word(float("nan")) is None
    skills = pd.DataFrame({"name": ["kafka", "Go", "SQL", "Rust"], "self_level": [5, 5, 4, None]})
    assert proficiency.top_self_rated(skills) == ("Go", 5)  # ties: the name A–Z, whatever its case
    assert proficiency.skill_level_label("Go", 5) == "Go: Expert"
    assert proficiency.top_self_rated(skills.assign(self_level=None)) is None
