"""The skill market-value model on small hand-computed cases, and on the shipped data."""

import datetime as dt
import json
import subprocess
import sys

import pandas as pd
import pytest

from careerdata.market import analytics as mk
from careerdata.market.pay_gradient import skill_pay_gradient
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs

TODAY = dt.date(2026, 11, 21)


def _skills(rows):
    return pd.DataFrame(rows, columns=["id", "name", "kind", "taxonomy_id", "self_level"])


ELEMENTS = pd.DataFrame({"element_id": ["2.B.1.d", "2.B.3.e", "2.A.1.d"],
                         "name": ["Negotiation", "Programming", "Speaking"]})
TECHS = pd.Series(["Python", "Apache Kafka"])
NO_MAP = pd.DataFrame(columns=["skill", "element_id", "technology"])
NO_USER = pd.DataFrame(columns=["skill_id", "element_id", "technology"])


def test_mapping_prefers_your_link_then_the_default_map_then_a_name_match():
    skills = _skills([(1, "Negotiation", "soft", None, 3), (2, "Python", "technical", None, 4),
                      (3, "Public speaking", "soft", None, 3), (4, "Kafka", "technical", "Apache Kafka", 4),
                      (5, "Basket weaving", "domain", None, 5)])
    default = pd.DataFrame({"skill": ["public speaking", "Kafka"], "element_id": ["2.A.1.d", "2.B.3.e"],
                            "technology": [None, None]})
    out = sv.resolve_mappings(skills, default, NO_USER, ELEMENTS, TECHS)
    by_skill = {r.skill_id: (r.element_id, r.technology, r.mapped_by) for r in out.itertuples()}
    assert by_skill[1] == ("2.B.1.d", None, "name match")
    assert by_skill[2] == (None, "Python", "name match")
    assert by_skill[3] == ("2.A.1.d", None, "default map")
    assert by_skill[4] == (None, "Apache Kafka", "your link")  # own link beats the default map
    assert 5 not in by_skill


LADDER = pd.DataFrame({
    "level_code": ["L3"] * 3 + ["L6"] * 3, "track": ["IC"] * 6, "rank": [3] * 3 + [6] * 3, "title": ["x"] * 6,
    "competency": ["craft", "influence", "communication"] * 2, "grp": ["technical", "influence", "influence"] * 2,
    "target": [2, 1, 2, 4, 4, 3]})
COMPETENCY_MAP = pd.DataFrame({"element_id": ["2.B.1.b", "2.A.1.d", "2.B.5.d"],
                               "competency": ["influence", "speaking_up", "people_management"],
                               "competency_group": ["influence", "influence", "people"]})


def test_ladder_targets_read_the_competency_then_its_group_then_the_level_mean():
    at_l6 = sv.ladder_targets(LADDER, COMPETENCY_MAP, "L6")
    assert at_l6["2.B.1.b"] == (4.0, "influence")
    assert at_l6["2.A.1.d"] == (3.5, "influence competencies")  # no 'speaking_up' key: mean of 4 and 3
    assert at_l6["2.B.5.d"] == (pytest.approx(11 / 3), "all competencies")  # no 'people' group in this ladder
    assert at_l6[sv.TECHNOLOGY] == (4.0, "craft")
    assert sv.ladder_targets(LADDER, COMPETENCY_MAP, None) is None
    assert sv.ladder_targets(LADDER, COMPETENCY_MAP, "L9") is None


def test_link_components_combine_onet_ladder_and_pay_weight():
    mappings = pd.DataFrame({"skill_id": [1, 2, 3], "element_id": ["2.B.1.b", None, None],
                             "technology": [None, "Python", "Apache Kafka"], "mapped_by": ["x"] * 3})
    ratings = pd.DataFrame({"element_id": ["2.B.1.b", "2.B.3.e"], "importance": [4.0, 5.0], "level": [3.5, 7.0]})
    tech = pd.DataFrame({"technology": ["Python"], "hot_technology": [True], "in_demand": [False]})
    breadth = pd.DataFrame({"listed_share": [0.5], "demand_share": [0.25]}, index=["Python"])
    weights = {"2.B.1.b": 1.2, "2.B.3.e": 0.9}
    targets = sv.ladder_targets(LADDER, COMPETENCY_MAP, "L6")
    out = sv.link_components(mappings, ratings, tech, breadth, targets, weights, "Occ").set_index("skill_id")
    # Coordination: O*NET (4/5)(3.5/7) = 0.4; ladder 4/5 = 0.8; √0.32 × 1.2 = 0.67882
    assert (out.loc[1, "onet"], out.loc[1, "ladder_expectation"], out.loc[1, "pay_weight"]) == (0.4, 0.8, 1.2)
    assert out.loc[1, "score"] == pytest.approx(0.678823, abs=1e-6)
    # Python: anchor (5/5)(7/7) = 1 × signal (0.4 + 0.2 hot + 0.1 × 0.5 + 0.1 × 0.25) = 0.675; craft 4/5;
    # Programming's pay weight 0.9: √(0.675 × 0.8) × 0.9 = 0.661362
    assert out.loc[2, "onet"] == pytest.approx(0.675)
    assert out.loc[2, "score"] == pytest.approx(0.661362, abs=1e-6)
    assert pd.isna(out.loc[3, "score"]) and out.loc[3, "note"] == "not in the O*NET technology list of Occ"
    rel = sv.skill_relevance(out.reset_index()).set_index("skill_id")
    assert pd.isna(rel.loc[3, "relevance"]) and rel.loc[3, "basis"] == "not in the O*NET technology list of Occ"
    flat = sv.link_components(mappings, ratings, tech, breadth, None, weights, "Occ").set_index("skill_id")
    assert flat.loc[1, "score"] == pytest.approx(0.4 * 1.2)  # no level: O*NET × pay weight


def test_the_target_level_lifts_coordination_above_a_tool_at_staff_but_not_at_junior():
    mappings = pd.DataFrame({"skill_id": [1, 2], "element_id": ["2.B.1.b", None], "technology": [None, "Python"],
                             "mapped_by": ["x"] * 2})
    ratings = pd.DataFrame({"element_id": ["2.B.1.b", "2.B.3.e"], "importance": [3.0, 3.5], "level": [3.5, 3.5]})
    tech = pd.DataFrame({"technology": ["Python"], "hot_technology": [True], "in_demand": [True]})
    breadth = pd.DataFrame({"listed_share": [1.0], "demand_share": [1.0]}, index=["Python"])
    # O*NET: Coordination (3/5)(3.5/7) = 0.3; Python anchor (3.5/5)(3.5/7) × signal 1.0 = 0.35.
    # Ladder: influence 1 at L3, 4 at L6; craft 2 at L3, 4 at L6.
    weights = {"2.B.1.b": 1.37, "2.B.3.e": 0.92}  # r = +0.75 and −0.16 on the shipped data
    scores = {}
    for level in ("L3", "L6"):
        out = sv.link_components(mappings, ratings, tech, breadth, sv.ladder_targets(LADDER, COMPETENCY_MAP, level),
                                 weights, "Occ").set_index("skill_id")["score"]
        scores[level] = (round(out[1], 4), round(out[2], 4))
    # L3: √(0.3 × 0.2) × 1.37 = 0.3356 < √(0.35 × 0.4) × 0.92 = 0.3442
    # L6: √(0.3 × 0.8) × 1.37 = 0.6712 > √(0.35 × 0.8) × 0.92 = 0.4868
    assert scores == {"L3": (0.3356, 0.3442), "L6": (0.6712, 0.4868)}


def test_posting_signal_tells_tools_apart_where_the_flags_saturate():
    # Both hot and in demand: before, both scored the flags' maximum; breadth now separates them.
    python = sv.posting_signal(True, True, 34 / 37, 26 / 37)
    kafka = sv.posting_signal(True, True, 21 / 37, 3 / 37)
    assert python == pytest.approx(0.8 + 0.1 * 34 / 37 + 0.1 * 26 / 37)
    assert kafka == pytest.approx(0.8 + 0.1 * 21 / 37 + 0.1 * 3 / 37)
    assert python > kafka
    tech = pd.DataFrame({"onet_soc_code": ["a", "b", "a", "c"], "technology": ["Python", "Python", "Go", "Go"],
                         "in_demand": [True, False, False, False]})
    tech = pd.concat([tech, pd.DataFrame({"onet_soc_code": ["d"], "technology": ["Rust"], "in_demand": [True]})])
    breadth = sv.technology_breadth(tech)
    assert breadth.loc["Python"].tolist() == [0.5, 0.25] and breadth.loc["Go"].tolist() == [0.5, 0.0]


def _occ(code, pay, growth, openings):
    return sv.Occupation(code, code, pay * 100_000, pay, 1 + growth / 100, openings, growth, False)


def test_value_is_weighted_by_pay_and_growth_and_combined_by_openings():
    skills = _skills([(1, "Negotiation", "soft", None, 3), (2, "Gardening", "domain", None, 4),
                      (3, "Speaking", "soft", None, 2)])
    mappings = pd.DataFrame({"skill_id": [1, 3], "element_id": ["2.B.1.d", "2.A.1.d"], "technology": [None, None],
                             "mapped_by": ["x", "x"]})
    occs = [_occ("A", 1.5, 10.0, 30.0), _occ("B", 1.0, 0.0, 10.0)]
    relevance = [pd.DataFrame({"skill_id": [1, 3], "relevance": [0.4, 0.2], "basis": ["e", "e"]}),
                 pd.DataFrame({"skill_id": [1, 3], "relevance": [0.2, 0.2], "basis": ["e", "e"]})]
    estimates = pd.DataFrame({"skill_id": [3], "value": [90.0], "note": [""]})
    out = sv.market_values(skills, mappings, occs, relevance, estimates).set_index("skill_id")
    # A: 100 × 0.4 × 1.5 × 1.1 = 66; B: 100 × 0.2 × 1 × 1 = 20; openings-weighted (30, 10) = 54.5
    assert out.loc[1, "market_value"] == pytest.approx(54.5)
    assert out.loc[1, "value_source"] == "market"
    assert pd.isna(out.loc[2, "market_value"]) and out.loc[2, "value_source"] == "no market data"
    assert out.loc[2, "basis"] == "no O*NET mapping: link it in the Journal"
    assert (out.loc[3, "market_value"], out.loc[3, "value_source"]) == (90.0, "your estimate")


def test_a_role_without_data_for_a_skill_drops_out_of_its_mean_and_no_data_is_said_in_words():
    skills = _skills([(1, "Kubernetes", "technical", None, 4), (2, "Go", "technical", None, 5)])
    mappings = pd.DataFrame({"skill_id": [1, 2], "element_id": [None, None], "technology": ["Kubernetes", "Go"],
                             "mapped_by": ["x", "x"]})
    occs = [_occ("A", 1.5, 10.0, 30.0), _occ("B", 1.0, 0.0, 10.0)]
    relevance = [pd.DataFrame({"skill_id": [1, 2], "relevance": [0.4, None],
                               "basis": ["t", "not in the O*NET technology list of A"]}),
                 pd.DataFrame({"skill_id": [1, 2], "relevance": [None, None],
                               "basis": ["not in the O*NET technology list of B"] * 2})]
    no_estimates = pd.DataFrame(columns=["skill_id", "value", "note"])
    out = sv.market_values(skills, mappings, occs, relevance, no_estimates).set_index("skill_id")
    assert out.loc[1, "market_value"] == pytest.approx(66.0)  # only A counts: 100 × 0.4 × 1.5 × 1.1
    assert pd.isna(out.loc[2, "market_value"]) and out.loc[2, "value_source"] == "no market data"
    assert out.loc[2, "basis"] == ("not in the O*NET technology list of A; not in the O*NET technology list of B")
    frame, _ = sv.skill_matrix(skills, out.reset_index(), pd.DataFrame(
        columns=["skill_id", "evidence_level", "evidence_points", "accomplishments", "quantified"]))
    assert frame.set_index("name").loc["Go", "quadrant"] == sv.NO_VALUE


def test_evidence_level_is_recency_weighted_and_rewards_verified_company_scope_work():
    evidence = pd.DataFrame({
        "skill_id": [1, 2], "done_on": [TODAY, dt.date(2024, 11, 21)], "scope": ["team", "company"],
        "metrics": [0, 1], "verified": [0, 1]})
    out = sv.evidence_levels(evidence, TODAY).set_index("skill_id")
    assert out.loc[1, "evidence_level"] == 1.6  # 1 point: 5 × (1 − e^−0.4) = 1.648
    # two years old halves it; verified × 2; company × 1.5: 1.5 points -> 5 × (1 − e^−0.6) = 2.256
    assert out.loc[2, "evidence_level"] == 2.3


def test_findings_and_quadrants():
    assert sv.proficiency_finding(5, 2.0) == "claimed but unproven"
    assert sv.proficiency_finding(2, 4.0) == "proven but under-rated"
    assert sv.proficiency_finding(4, 3.5) == "consistent"
    assert [sv.quadrant(p, v, 50) for p, v in [(4, 60), (2, 60), (4, 40), (2, 40)]] == list(sv.QUADRANTS)


def test_fit_counts_only_important_skills_and_caps_each_at_the_requirement():
    ratings = pd.DataFrame({"element_id": ["a", "b", "c"], "name": ["A", "B", "C"], "kind": ["skill"] * 3,
                            "importance": [4.0, 3.0, 2.0], "level": [7.0, 7.0, 7.0]})
    fit, detail = mk.occupation_fit({"a": 5.0, "b": 2.5, "c": 0.0}, ratings)
    assert fit == pytest.approx(round((4 * 1 + 3 * 0.5) / 7 * 100, 1))
    assert detail["element_id"].tolist() == ["a", "b"]


def test_skill_pay_gradient_finds_a_skill_that_rises_with_pay():
    roles = pd.DataFrame({"onet_soc_code": ["x", "y", "z"], "median_wage": [100.0, 200.0, 300.0],
                          "wage_is_soc_aggregate": [False, False, False]})
    ratings = pd.DataFrame({
        "onet_soc_code": ["x", "y", "z"] * 2, "element_id": ["n"] * 3 + ["r"] * 3,
        "name": ["Negotiation"] * 3 + ["Repairing"] * 3, "kind": ["skill"] * 6,
        "importance": [1.0, 2.0, 3.0, 3.0, 2.0, 1.0], "level": [1.0] * 6})
    out = skill_pay_gradient(ratings, roles)
    assert out["skill"].tolist() == ["Negotiation", "Repairing"]
    assert out["correlation"].tolist() == [1.0, -1.0]
    assert out["slope_usd"].tolist() == [100, -100]
    assert out["occupations"].tolist() == [3, 3]


def test_on_the_demo_every_skill_gets_a_quadrant_and_roles_change_values(demo_con):
    inputs = matrix_inputs(demo_con)
    staff = sv.compute_matrix(inputs, ["15-1252.00"], "self", TODAY)
    manager = sv.compute_matrix(inputs, ["11-3021.00"], "self", TODAY)
    assert len(staff.frame) == len(inputs.skills) == 46
    assert set(staff.frame["quadrant"]) <= {*sv.QUADRANTS, sv.NO_VALUE}
    assert staff.stand_ins == {"15-1252.00": "15-1299.08"}  # Software Developers have no O*NET ratings
    speaking = {r.name: r.market_value for r in manager.frame.itertuples()}["Public speaking"]
    assert speaking > {r.name: r.market_value for r in staff.frame.itertuples()}["Public speaking"]


def _target(inputs, name):
    return sv.resolve_role(inputs, name)[1]


def test_demo_staff_target_values_coordination_and_stakeholders_at_or_above_the_median_technical_skill(demo_con):
    inputs = matrix_inputs(demo_con)
    frame = sv.compute_matrix(inputs, _target(inputs, "Staff Engineer"), "self", TODAY).frame.set_index("name")
    technical = frame.loc[frame["kind"] == "technical", "market_value"].dropna()
    for skill in ("Cross-team coordination", "Stakeholder management"):
        assert frame.loc[skill, "quadrant"] != "Reconsider"
        assert frame.loc[skill, "market_value"] >= technical.median()
    # At most a handful of skills share one value (before: twelve technologies tied at 95.3).
    assert frame["market_value"].dropna().value_counts().max() <= 3
    # gRPC no longer maps straight to Programming.
    links = set(inputs.default_map.loc[inputs.default_map["skill"] == "gRPC", "element_id"].dropna())
    assert sv.PROGRAMMING not in links


def test_demo_manager_target_ranks_people_leadership_in_the_top_third_and_says_why_tools_have_no_value(demo_con):
    inputs = matrix_inputs(demo_con)
    frame = sv.compute_matrix(inputs, _target(inputs, "Engineering Manager"), "self", TODAY).frame.set_index("name")
    rank = frame["market_value"].rank(ascending=False, method="min")
    for skill in ("Hiring & interviewing", "Delegation", "Coaching", "Mentoring"):
        assert rank[skill] <= len(frame) / 3, (skill, rank[skill])
    assert frame["market_value"].dropna().value_counts().max() <= 3
    for tool in ("Kubernetes", "Go"):
        assert pd.isna(frame.loc[tool, "market_value"]) and frame.loc[tool, "quadrant"] == sv.NO_VALUE
        assert frame.loc[tool, "basis"] == ("not in the O*NET technology list of Computer and Information Systems "
                                            "Managers")


def test_cli_matrix_json_lists_every_skill_with_a_quadrant(demo_db):
    out = subprocess.run([sys.executable, "-m", "careerdata.cli", "matrix", "--json", "--db", str(demo_db)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 46
    assert {r["quadrant"] for r in rows} <= {*sv.QUADRANTS, sv.NO_VALUE}
    assert {"skill", "kind", "self_level", "evidence_level", "market_value", "quadrant", "basis"} <= set(rows[0])
    coordination = next(r for r in rows if r["skill"] == "Cross-team coordination")
    staff = next(b for b in coordination["basis"] if b["target_level"] == "L6" and b["occupation"] == "15-1252.00")
    assert staff["occupation"] == "15-1252.00" and staff["is_stand_in"] and staff["ratings_from"] == "15-1299.08"
    assert set(staff["components"]) >= {"importance", "level", "ladder_expectation", "pay_weight"}
    assert staff["components"]["ladder_expectation"] == 0.8  # influence 4 of 5 at L6
    manager = next(b for b in coordination["basis"] if b["occupation"] == "11-3021.00")
    assert manager["is_stand_in"] is False and manager["target_level"] == "M1"
    by_code = subprocess.run([sys.executable, "-m", "careerdata.cli", "matrix", "--role", "11-3021.00", "--json",
                              "--db", str(demo_db)], capture_output=True, text=True, timeout=120)
    assert by_code.returncode == 0
    assert json.loads(by_code.stdout) != rows
    bad = subprocess.run([sys.executable, "-m", "careerdata.cli", "matrix", "--role", "Astronaut", "--db",
                          str(demo_db)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "unknown role 'Astronaut'" in bad.stderr


def test_demo_chart_shows_every_skill_and_names_what_to_invest_in_without_a_collision(demo_con):
    from careerdata.core import placement
    from careerdata.matrix.charts import LABEL_FONT, PLOT_HEIGHT, skill_matrix_chart

    inputs = matrix_inputs(demo_con)
    for basis in ("self", "evidence"):
        result = sv.compute_matrix(inputs, sv.role_choices(inputs)[sv.ALL_TARGETS], basis, TODAY)
        fig = skill_matrix_chart(result.frame, result.value_threshold, basis, "your target roles")
        assert sum(len(t.x) for t in fig.data) == len(result.frame)  # every skill is a point (hover names it)
        named = [a for a in fig.layout.annotations if a.xref != "paper"]
        invest = set(result.frame.loc[result.frame["quadrant"] == "Invest", "name"])
        assert invest <= {a.text for a in named}
        plot = placement.Plot(PLOT_HEIGHT, tuple(fig.layout.xaxis.range),
                              tuple(fig.layout.yaxis.range))
        for width in placement.WIDTHS:
            boxes = []
            for a in named:
                px, py = plot.px(a.x, a.y, width)
                tw, th = placement.text_size(a.text, LABEL_FONT)
                boxes.append(placement.Box(px + a.ax - tw / 2, py + a.ay - th / 2, px + a.ax + tw / 2,
                                           py + a.ay + th / 2))
            assert not any(b.overlaps(c) for i, b in enumerate(boxes) for c in boxes[i + 1:]), (basis, width)
            assert all(b.left >= 0 and b.right <= width and b.top >= 0 and b.bottom <= plot.height for b in boxes)


def test_the_market_technology_kpis_count_what_you_have_of_the_in_demand_and_hot_ones():
    tech = pd.DataFrame({"technology": ["Kafka", "Go", "Rust", "Excel"], "roles": [2, 1, 1, 1],
                         "hot": [True, True, False, True], "in_demand_for": ["A", "", "A, B", "B"],
                         "you": ["have", "have", "missing", "missing"]})
    got = mk.tech_coverage(tech)
    # in demand: Kafka (have), Rust, Excel -> 1 of 3; hot: Kafka, Go (have), Excel -> 2 of 3
    assert (got.demanded_label, got.hot_label, got.missing) == ("1 of 3", "2 of 3", ["Rust", "Excel"])
    assert mk.tech_coverage(tech.iloc[0:0]).demanded_label == "0 of 0"
