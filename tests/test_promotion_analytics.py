"""Promotion case analytics on hand-computed cases: levels, evidence, coverage, suggestions, gaps,
the drafted case, every linter rule (firing and not), version diffs and the back-scheduled plan."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from careerdata.core import text
from careerdata.core.money import format_money
from careerdata.promotion import case as pcase
from careerdata.promotion import draft as pdraft
from careerdata.promotion import evidence as pa
from careerdata.promotion import lint as plint
from careerdata.promotion import plan as pplan
from careerdata.promotion import queries as pq
from careerdata.promotion import readiness as pready
from careerdata.promotion import suggest as psug

TODAY = dt.date(2026, 11, 21)
CYCLE = (dt.date(2025, 6, 1), dt.date(2026, 12, 31))
D = dt.date


def levels() -> pd.DataFrame:
    return pd.DataFrame({
        "code": ["L3", "L4", "L5", "M1", "M2"], "track": ["IC", "IC", "IC", "EM", "EM"], "rank": [3, 4, 5, 6, 7],
        "title": ["Engineer", "Engineer II", "Senior Engineer", "Manager", "Senior Manager"], "summary": [""] * 5,
    })


def accomplishments() -> pd.DataFrame:
    rows = [
        # id, title, start, end, scope, links, metrics, money
        (1, "Wrote the shared retry library", D(2026, 9, 1), TODAY, "company", ["https://x/lib"], 0, 0.0),
        (2, "Cut the nightly batch from 6h to 1h", D(2025, 10, 1), D(2025, 11, 21), "org", [], 1, 10_000.0),
        (3, "Coached a new hire through on-call", D(2026, 3, 1), None, "team", [], 0, 0.0),
        (4, "Launched the billing export", D(2026, 9, 1), TODAY, "company", [], 2, 50_000.0),
        (5, "Fixed the ancient label printer", D(2024, 1, 1), D(2024, 1, 10), "team", [], 0, 0.0),
    ]
    frame = pd.DataFrame(rows, columns=["id", "title", "start_date", "end_date", "scope", "links", "metrics",
                                        "money_usd"])
    return frame.assign(employer="Acme", situation="", task="", action="", result="", hours=0.0)


def competencies() -> pd.DataFrame:
    return pd.DataFrame({
        "key": ["craft", "impact", "mentorship", "delivery", "people_management"],
        "name": ["Craft", "Impact", "Mentorship", "Delivery", "People management"],
        "group": ["technical", "execution", "people", "execution", "people"],
        "description": [""] * 5,
    })


def links() -> pd.DataFrame:
    return pd.DataFrame([
        (1, "craft", "linked"), (2, "craft", "linked"), (3, "craft", "confirmed"),
        (1, "impact", "linked"), (4, "impact", "linked"),
        (5, "mentorship", "linked"),  # outside the cycle: does not count
        (4, "people_management", "rejected"),  # rejected: never counts
        (2, "delivery", "confirmed"),
    ], columns=["accomplishment_id", "competency_key", "status"])


def expectations(level: str = "X") -> pd.DataFrame:
    targets = {"craft": 4, "impact": 4, "mentorship": 3, "delivery": 3, "people_management": 2}
    return pd.DataFrame({"level_code": level, "competency_key": list(targets), "target": list(targets.values()),
                         "text": [f"{k} at {level}" for k in targets]})


@pytest.fixture
def cycle_accs() -> pd.DataFrame:
    accs = pa.with_cycle(accomplishments(), *CYCLE, TODAY)
    return accs[accs["in_cycle"]].reset_index(drop=True)


# --- levels -------------------------------------------------------------------------------------

def test_next_level_is_the_next_rank_on_the_same_track():
    assert pa.next_level(levels(), "L4") == "L5"
    assert pa.next_level(levels(), "L3") == "L4"
    assert pa.next_level(levels(), "M1") == "M2"  # not L-anything: same track


def test_next_level_is_none_at_the_top_or_when_unknown():
    assert pa.next_level(levels(), "L5") is None
    assert pa.next_level(levels(), "M2") is None
    assert pa.next_level(levels(), "Z9") is None
    assert pa.next_level(levels(), None) is None


def test_default_cycle_uses_the_profile_or_a_year_centred_on_today():
    assert pa.default_cycle({"review_cycle_start": D(2026, 4, 1), "review_cycle_end": D(2027, 3, 31)}, TODAY) == (
        D(2026, 4, 1), D(2027, 3, 31))
    start, end = pa.default_cycle(None, TODAY)
    assert start == TODAY - dt.timedelta(days=182) and (end - start).days == 364 and end > TODAY


# --- evidence -------------------------------------------------------------------------------------

def test_evidence_points_are_the_one_formula_of_figures_evidence(cycle_accs):
    points = dict(zip(cycle_accs["id"], cycle_accs["points"], strict=True))
    assert points[1] == pytest.approx(1.5)  # company 1.5 x no metric 1 x done today 1
    assert points[2] == pytest.approx(1.25 * 1.5 * 0.5 ** (365 / 730.5))  # org x metric x a year old
    assert points[3] == pytest.approx(0.5 ** (265 / 730.5))  # team, ongoing since 1 March: counts from its start
    assert points[4] == pytest.approx(2.25)  # company x metric
    verified = pa.with_cycle(accomplishments(), *CYCLE, TODAY, verified={4: 1}).set_index("id")
    assert verified.loc[4, "points"] == pytest.approx(3.0)  # a verified metric doubles


def test_an_accomplishment_is_in_the_cycle_when_its_span_overlaps_it():
    accs = pa.with_cycle(accomplishments(), *CYCLE, TODAY)
    assert dict(zip(accs["id"], accs["in_cycle"], strict=True)) == {1: True, 2: True, 3: True, 4: True, 5: False}
    ongoing = accs.set_index("id").loc[3]
    assert ongoing["last_active"] == TODAY  # ongoing work is active today


def test_evidence_strength_is_the_evidence_level_of_active_in_cycle_links(cycle_accs):
    s = pa.evidence_strength(cycle_accs, links(), competencies()).set_index("key")
    # craft: #1 1.5 + #2 1.326 + #3 0.778 = 3.604 points -> 5 x (1 - e^(-3.604 / 2.5)) = 3.8
    assert s.loc["craft", "points"] == pytest.approx(3.6038, abs=1e-3)
    assert s.loc["craft", "strength"] == 3.8
    assert s.loc["craft", "wins"] == 3 and s.loc["craft", "quantified"] == 1
    assert s.loc["craft", "widest_scope"] == "company"
    # impact: 1.5 + 2.25 = 3.75 -> 3.9 (the level saturates towards 5, never above)
    assert s.loc["impact", "points"] == pytest.approx(3.75) and s.loc["impact", "strength"] == 3.9
    assert s.loc["mentorship", "strength"] == 0 and s.loc["mentorship", "wins"] == 0  # outside the cycle
    assert s.loc["people_management", "strength"] == 0  # rejected
    assert s.loc["delivery", "strength"] == 2.1  # confirmed counts: 1.326 points


def test_coverage_and_readiness_against_a_level(cycle_accs):
    strength = pa.evidence_strength(cycle_accs, links(), competencies())
    cov = pready.coverage(strength, expectations(), "X").set_index("key")
    assert cov.loc["craft", "ratio"] == pytest.approx(0.95) and cov.loc["craft", "status"] == "below the bar"
    assert cov.loc["delivery", "ratio"] == pytest.approx(0.7) and cov.loc["delivery", "status"] == "below the bar"
    assert cov.loc["mentorship", "status"] == "no evidence"
    r = pready.readiness(cov.reset_index())
    assert r.score == pytest.approx((0.95 + 0.975 + 0 + 0.7 + 0) / 5)
    assert (r.at_bar, r.total) == (0, 5)
    assert r.no_evidence == ["Mentorship", "People management"]
    assert pready.readiness_label(r) == "52%"


def test_readiness_without_expectations_is_undefined_not_zero():
    r = pready.readiness(pready.coverage(pd.DataFrame(columns=["key", "name", "strength"]), expectations(), "nope"))
    assert r.score is None and pready.readiness_label(r) == "—"


def test_coverage_matrix_has_one_row_per_competency_and_level(cycle_accs):
    strength = pa.evidence_strength(cycle_accs, links(), competencies())
    exp = pd.concat([expectations("A"), expectations("B").assign(target=5)])
    matrix = pready.coverage_matrix(strength, exp, ["A", "B", "A"])
    assert len(matrix) == 10 and set(matrix["level"]) == {"A", "B"}
    craft_b = matrix[(matrix["key"] == "craft") & (matrix["level"] == "B")].iloc[0]
    assert craft_b["ratio"] == pytest.approx(3.8 / 5)


# --- suggestions and gaps -------------------------------------------------------------------------

def _one_win(title: str, **fields) -> pd.DataFrame:
    base = {"id": 9, "title": title, "start_date": D(2026, 5, 1), "end_date": D(2026, 6, 1), "scope": "team",
            "links": [], "metrics": 0, "money_usd": 0.0, "situation": "", "task": "", "action": "", "result": ""}
    base.update(fields)
    return pa.with_cycle(pd.DataFrame([base]), *CYCLE, TODAY)


def test_suggestions_match_words_and_skills_and_explain_why():
    win = _one_win("Ran interview calibration for the hiring loop")
    skills = pd.DataFrame({"accomplishment_id": [9], "name": ["Hiring & interviewing"], "kind": ["leadership"]})
    empty_links = pd.DataFrame(columns=["accomplishment_id", "competency_key", "status"])
    out = psug.suggestions(win, skills, empty_links, competencies())
    row = out[out["competency_key"] == "people_management"].iloc[0]
    assert row["score"] == 4  # hiring, interview, calibration + the skill's name
    assert "“calibration”" in row["reasons"] and "Hiring & interviewing" in row["reasons"]


def test_no_suggestion_when_already_linked_rejected_or_too_weak():
    win = _one_win("Ran interview calibration for the hiring loop")
    no_skills = pd.DataFrame(columns=["accomplishment_id", "name", "kind"])
    rejected = pd.DataFrame([(9, "people_management", "rejected")],
                            columns=["accomplishment_id", "competency_key", "status"])
    assert "people_management" not in set(psug.suggestions(win, no_skills, rejected, competencies())["competency_key"])
    weak = _one_win("Fixed a bug")  # one craft word: score 1 < 2
    none = pd.DataFrame(columns=["accomplishment_id", "competency_key", "status"])
    assert psug.suggestions(weak, no_skills, none, competencies()).empty


def test_gaps_are_weakest_first_with_mitigations(cycle_accs):
    strength = pa.evidence_strength(cycle_accs, links(), competencies())
    cov = pready.coverage(strength, expectations(), "X")
    none = pd.DataFrame(columns=["accomplishment_id", "title", "competency_key", "competency", "score", "reasons"])
    found = pready.gaps(cov, none, cycle_accs, links())
    assert [g.key for g in found] == ["mentorship", "people_management", "delivery", "craft", "impact"]
    assert found[0].status == "no evidence" and found[2].status == "below the bar"
    assert found[0].mitigations == [pready.MITIGATION_ADVICE["mentorship"]]


def test_a_gap_backed_only_by_a_bare_team_win_says_so():
    win = _one_win("Paired with a junior on the parser")
    link = pd.DataFrame([(9, "mentorship", "linked")], columns=["accomplishment_id", "competency_key", "status"])
    strength = pa.evidence_strength(win, link, competencies())
    cov = pready.coverage(strength, expectations(), "X")
    suggested = pd.DataFrame([{"accomplishment_id": 9, "title": "Paired with a junior on the parser",
                               "competency_key": "mentorship", "competency": "Mentorship", "score": 2, "reasons": ""}])
    gap = next(g for g in pready.gaps(cov, suggested, win, link) if g.key == "mentorship")
    assert gap.mitigations[0].startswith("Review 1 suggested match")
    assert gap.mitigations[1].startswith("Add a metric to “Paired with a junior on the parser”")
    assert gap.mitigations[2].startswith("All Mentorship evidence is team-scope")


def test_case_totals_only_count_in_cycle_metrics(cycle_accs):
    metrics = pd.DataFrame({"id": [1, 2, 3], "accomplishment_id": [2, 4, 5], "category": ["cost", "revenue", "cost"],
                            "money_usd": [10_000.0, 50_000.0, 99_000.0], "hours": [100.0, None, None],
                            "confidence": ["verified", "estimated", "verified"]})
    t = pcase.case_totals(cycle_accs, metrics)
    assert (t.money, t.verified_money, t.hours, t.metrics, t.quantified_wins, t.wins) == (
        60_000.0, 10_000.0, 100.0, 2, 2, 4)
    assert t.by_category == {"cost": 10_000.0, "revenue": 50_000.0}


def test_section_of_an_accomplishment_follows_most_of_its_competencies():
    groups = {"x_people": "people"}
    assert pcase.section_of(["influence", "communication", "tech_leadership"], groups) == "glue"
    assert pcase.section_of(["tech_leadership", "mentorship"], groups) == "leverage"  # tie: leverage first
    assert pcase.section_of(["x_people"], groups) == "leverage"  # another ladder: by group
    assert pcase.section_of([], groups) == "scope"


# --- the demo's case --------------------------------------------------------------------------------

@pytest.fixture
def demo_analysis(demo_con):
    inputs = pq.case_inputs(demo_con)
    start, end = pa.default_cycle(inputs.profile, TODAY)
    return pcase.analyse(inputs, pa.next_level(inputs.levels, "L5"), start, end, TODAY)


def test_the_demo_case_targets_l6_with_the_real_in_cycle_totals(demo_con, demo_analysis):
    a = demo_analysis
    assert (a.target, a.target_title) == ("L6", "Staff Engineer")
    money, hours = demo_con.execute("""
        SELECT sum(m.money_usd), sum(m.hours) FROM impact_metric m JOIN accomplishment x ON x.id = m.accomplishment_id
        WHERE x.start_date <= DATE '2027-03-31' AND coalesce(x.end_date, DATE '2026-11-21') >= DATE '2026-04-01'
    """).fetchone()
    assert (a.totals.money, a.totals.hours) == (money, hours)
    draft = pdraft.draft_case(a)
    impact = draft.split("## Impact")[1].split("## Scope")[0]
    assert f"**{format_money(money)}/yr run-rate**" in impact and f"**{hours:,.0f} hours a year**" in impact
    assert "| Accomplishment | What changed | Before → after | Worth a year | Confidence |" in impact
    gaps = draft.split("## Gaps and plan")[1]
    assert "**People management**: no evidence in this cycle" in gaps
    assert a.readiness.no_evidence == ["People management"]


def test_the_draft_has_every_section_and_is_deterministic(demo_analysis):
    draft = pdraft.draft_case(demo_analysis)
    for title in pa.SECTIONS.values():
        assert f"\n## {title}\n" in draft
    assert draft == pdraft.draft_case(demo_analysis)
    assert "Evidence mapping" not in draft  # app instructions stay on the page, not in the case
    # every in-cycle accomplishment appears as exactly one evidence bullet
    for title in demo_analysis.cycle_accs["title"]:
        assert draft.count(f"- **{text.escape_md(title)}**") == 1


def test_the_demo_advocates_say_what_they_have_seen(demo_analysis):
    adv = demo_analysis.advocates.set_index("name")
    assert "Julia Novak" not in adv.index  # another company: not in the room
    assert adv.loc["Elena Petrova", "advocacy_stage"] == "advocate" and adv.loc["Elena Petrova", "recent"]
    assert "Started the cross-team incident review programme" in adv.loc["Elena Petrova", "seen"]
    assert "- **Elena Petrova**, senior leader (advocate, influence 5/5" in pdraft.draft_case(demo_analysis)


def test_the_demo_suggests_the_calibration_sessions_for_people_management(demo_analysis):
    s = demo_analysis.suggestions
    match = s[s["competency_key"] == "people_management"]
    assert match["title"].tolist() == ["Ran interview calibration sessions for the Platform hiring loop"]


def test_the_generated_demo_draft_only_trips_real_findings(demo_analysis):
    findings = plint.lint(pdraft.draft_case(demo_analysis), demo_analysis)
    assert {f.rule for f in findings} == {"stale_advocate", "uncovered"}
    assert {f.excerpt.split("**")[1] for f in findings if f.rule == "stale_advocate"} == {"Yuki Sato"}


def test_escape_md_keeps_user_text_literal():
    assert text.escape_md("a *b* [c](d) <e> x|y") == r"a \*b\* \[c\](d) \<e\> x\|y"


# --- the linter: every rule, firing and not ---------------------------------------------------------

LINT_ACCS = pd.DataFrame({"title": ["Migrated billing to the new ledger", "Rebuilt the ancient label printer"],
                          "start_date": [D(2026, 5, 1), D(2023, 1, 1)], "end_date": [D(2026, 8, 1), D(2023, 3, 1)]})
LINT_CONTACTS = pd.DataFrame({"name": ["Dana Boss", "Sam Sponsor"],
                              "last_interaction": [TODAY - dt.timedelta(days=10), TODAY - dt.timedelta(days=100)]})
GAPS = "\n## Gaps and plan\n\n- Architecture: plan to write an RFC by March.\n"


def lint(md: str, uncovered=(), contacts=LINT_CONTACTS):
    return plint.lint_case(md, cycle_start=D(2026, 4, 1), cycle_end=D(2027, 3, 31), today=TODAY,
                        accomplishments=LINT_ACCS, uncovered=list(uncovered), contacts=contacts)


def rules(md: str, **kw) -> list[tuple[str, int | None]]:
    return [(f.rule, f.line) for f in lint(md, **kw)]


def test_a_clean_case_has_no_findings():
    md = ("# Case\n\n## Impact\n\n- Led the billing migration, cutting close from 5 days to 1.\n"
          "- Built the audit log ([design](https://wiki/x)).\n\n## Advocates\n\n- **Dana Boss**, manager.\n" + GAPS)
    assert lint(md) == []


def test_no_proof_fires_on_a_claim_without_metric_or_link():
    md = "## Impact\n\n- Led the billing migration in June 2026.\n" + GAPS
    found = lint(md)
    assert [(f.rule, f.line) for f in found] == [("no_proof", 3)]
    assert found[0].excerpt == "Led the billing migration in June 2026."  # the date is not a metric


@pytest.mark.parametrize("claim", ["Led the migration, p99 from 1.2s to 300ms.", "Led the migration (PR #812).",
                                   "Led the migration [doc](https://x).", "Led the migration, doubling throughput."])
def test_no_proof_does_not_fire_with_a_number_or_a_link(claim):
    assert rules(f"## Scope and complexity\n\n- {claim}\n" + GAPS) == []


def test_tense_fires_on_a_claim_not_in_the_past_tense():
    found = lint("## Technical leadership\n\n- Leading the platform roadmap across 4 teams.\n" + GAPS)
    assert [(f.rule, f.line) for f in found] == [("tense", 3)]
    assert "“Leading”" in found[0].message


@pytest.mark.parametrize("claim", ["**Drove** the roadmap across 4 teams.", "I built 3 services.",
                                   "Co-led the 2 incident reviews.", "Rightsized 40 pods."])
def test_tense_does_not_fire_on_past_tense_claims(claim):
    assert rules(f"## Glue work\n\n- {claim}\n" + GAPS) == []


def test_outside_cycle_fires_on_an_old_accomplishment_or_old_dates():
    md = ("## Impact\n\n- Rebuilt the ancient label printer, 40 jams fewer a week.\n"
          "- Shipped 3 services in 2024.\n- Cut costs 10% (Jan 2025 – Feb 2025).\n" + GAPS)
    assert rules(md) == [("outside_cycle", 3), ("outside_cycle", 4), ("outside_cycle", 5)]


def test_outside_cycle_does_not_fire_inside_the_cycle():
    md = ("## Impact\n\n- Migrated billing to the new ledger, 3 days faster close.\n"
          "- Shipped 3 services in June 2026.\n- Ran 12 reviews (Jan 2026 – ongoing).\n" + GAPS)
    assert rules(md) == []


def test_uncovered_points_at_the_gaps_line_naming_the_competency():
    md = "## Impact\n\n- Led 3 things.\n\n## Gaps and plan\n\n- People management: ask to run a hiring loop.\n"
    found = lint(md, uncovered=["People management"])
    assert [(f.rule, f.line) for f in found] == [("uncovered", 7)]


def test_uncovered_points_at_the_gaps_heading_when_no_line_names_it():
    assert rules("## Impact\n\n- Led 3 things.\n" + GAPS, uncovered=["People management"]) == [("uncovered", 5)]


def test_uncovered_does_not_fire_when_every_competency_has_evidence():
    assert rules("## Impact\n\n- Led 3 things.\n" + GAPS, uncovered=[]) == []


def test_no_gaps_fires_when_the_section_is_missing_or_empty():
    assert rules("## Impact\n\n- Led 3 things.\n") == [("no_gaps", None)]
    assert rules("## Impact\n\n- Led 3 things.\n\n## Gaps and plan\n\n") == [("no_gaps", 5)]


def test_no_gaps_does_not_fire_with_a_gaps_section():
    assert rules("## Impact\n\n- Led 3 things.\n" + GAPS) == []


def test_private_notes_in_the_packet_are_flagged_and_the_private_plan_may_hold_them():
    md = ("## Impact\n\n- Led 3 reviews with Dana Boss (influence 4/5).\n- Shipped 5 services; Sam has not yet "
          "been told.\n" + GAPS + "\n## Advocates\n\n- **Dana Boss**, manager (influence 4/5): has not yet been told.\n"
          "\n# Private plan — not for sharing\n\n## My notes\n\n- Sam Sponsor: influence 5/5, not told yet.\n")
    assert rules(md) == [("private_in_packet", 3), ("private_in_packet", 4)]  # the plan's notes are not claims


def test_stale_advocate_fires_on_an_advocate_not_talked_to_recently():
    md = "## Advocates\n\n- **Sam Sponsor**, sponsor: saw the migration.\n- **Dana Boss**, manager.\n" + GAPS
    found = lint(md)
    assert [(f.rule, f.line) for f in found] == [("stale_advocate", 3)]
    assert "100 days ago" in found[0].message


def test_stale_advocate_does_not_fire_on_a_recent_one_or_outside_the_advocates():
    md = "## Advocates\n\n- **Dana Boss**, manager.\n\n## Impact\n\n- Led 3 reviews with Sam Sponsor.\n" + GAPS
    assert rules(md) == []


# --- version diff ------------------------------------------------------------------------------------

def test_version_diff_counts_added_and_removed_lines():
    d = pdraft.version_diff("a\nb\nc", "a\nB\nc\nd", "version 1", "version 2")
    assert (d.added, d.removed) == (2, 1)
    assert d.text.splitlines()[:2] == ["--- version 1", "+++ version 2"]
    assert "-b" in d.text and "+B" in d.text and "+d" in d.text


def test_identical_versions_have_no_diff():
    assert pdraft.version_diff("same\n", "same\n") == pdraft.VersionDiff("", 0, 0)


# --- the plan ----------------------------------------------------------------------------------------

PLAN_CONTACTS = pd.DataFrame({
    "name": ["Dana Boss", "Old Boss", "Sky Skip", "Sue Sponsor"],
    "relationship": ["manager", "manager", "skip", "peer"],
    "advocacy_stage": ["supporter", "aware", "aware", "sponsor"],
    "influence": [4, 2, 5, 5],
    "last_interaction": [TODAY, TODAY, None, TODAY],
})


def test_plan_is_back_scheduled_from_the_review_date_with_who():
    steps = {s.key: s for s in pplan.plan_steps(D(2027, 3, 31), PLAN_CONTACTS, "Staff (L6)")}
    assert steps["ask_bar"].due == D(2026, 9, 30)  # 182 days, about six months, before the review
    assert steps["mid_review"].due == D(2026, 12, 30)  # 91 days
    assert steps["final_case"].due == D(2027, 3, 10)  # three weeks
    assert steps["ask_bar"].contact == "Dana Boss"  # the more influential manager
    assert steps["skip_1"].contact == "Sky Skip"
    assert steps["sponsor_1"].contact == "Sue Sponsor"  # no sponsor relationship: the sponsor-stage contact
    assert "Staff (L6)" in steps["ask_bar"].title and "knocking it out of the park" in steps["ask_bar"].title
    dues = [s.due for s in pplan.plan_steps(D(2027, 3, 31), PLAN_CONTACTS, "x")]
    assert dues == sorted(dues) and len(dues) == len(pplan.PLAN_STEP_KEYS)


def test_plan_without_contacts_names_the_role():
    steps = pplan.plan_steps(D(2027, 3, 31), PLAN_CONTACTS.iloc[0:0], "L6")
    assert steps[0].contact is None and steps[0].title.startswith("Ask your manager")


def test_plan_status_and_table():
    assert pplan.plan_status("done", D(2020, 1, 1), TODAY) == "Done"
    assert pplan.plan_status("skipped", D(2020, 1, 1), TODAY) == "Skipped"
    assert pplan.plan_status(None, TODAY - dt.timedelta(days=1), TODAY) == "Overdue"
    assert pplan.plan_status("open", TODAY + dt.timedelta(days=14), TODAY) == "Due soon"
    assert pplan.plan_status(None, TODAY + dt.timedelta(days=15), TODAY) == "Upcoming"
    steps = pplan.plan_steps(D(2027, 3, 31), PLAN_CONTACTS, "L6")
    states = pd.DataFrame([{"step_key": "ask_bar", "status": "done", "interaction_id": 7,
                            "logged_on": pd.Timestamp("2026-10-01"), "channel": "1:1", "notes": "Asked about L6",
                            "contact": "Dana Boss"}])
    table = pplan.plan_table(steps, states, TODAY)
    row = table.set_index("key").loc["ask_bar"]
    assert row["status"] == "Done" and row["conversation"] == "1 Oct 2026 · Dana Boss · 1:1: Asked about L6"
    assert pplan.plan_progress(table) == {"Done": 1, "Overdue": 2, "Due soon": 0, "Upcoming": 7, "Skipped": 0}


def test_a_long_plan_step_is_cut_at_a_word_to_fit_the_picker():
    from careerdata.promotion.plan import STEP_CHOICE_CHARS, step_choice_label

    due = dt.date(2026, 9, 30)
    assert step_choice_label(due, "Review the draft") == "30 Sep 2026 · Review the draft"
    long = "Ask Dana Whitfield what “keeps someone at L6” looks like on this team, and which wins count"
    label = step_choice_label(due, long)
    assert label.startswith("30 Sep 2026 · Ask Dana Whitfield what") and label.endswith("…")
    assert len(label.removeprefix("30 Sep 2026 · ")) <= STEP_CHOICE_CHARS + 1
    assert long.startswith(label.removeprefix("30 Sep 2026 · ").removesuffix("…"))
