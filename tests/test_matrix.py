"""The skill market-value model on small hand-computed cases, and on the shipped data."""

import datetime as dt
import json
import subprocess
import sys

import pandas as pd
import pytest

from careerdata.market import analytics as mk
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


def test_relevance_of_elements_and_technologies():
    mappings = pd.DataFrame({"skill_id": [1, 2, 3], "element_id": ["2.B.1.d", None, None],
                             "technology": [None, "Python", "Apache Kafka"], "mapped_by": ["x"] * 3})
    ratings = pd.DataFrame({"element_id": ["2.B.1.d", "2.B.3.e"], "importance": [4.0, 5.0], "level": [3.5, 7.0]})
    tech = pd.DataFrame({"technology": ["Python"], "hot_technology": [True], "in_demand": [False]})
    rel = sv.skill_relevance(mappings, ratings, tech).set_index("skill_id")["relevance"]
    assert rel[1] == pytest.approx(0.8 * 0.5)  # (4/5) × (3.5/7)
    assert rel[2] == pytest.approx(1.0 * 0.75)  # Programming anchor 1.0 × (0.5 listed + 0.25 hot)
    assert rel[3] == 0.0  # not listed for this occupation


def test_an_occupation_without_ratings_anchors_technologies_at_one_half():
    mappings = pd.DataFrame({"skill_id": [2], "element_id": [None], "technology": ["Python"], "mapped_by": ["x"]})
    tech = pd.DataFrame({"technology": ["Python"], "hot_technology": [True], "in_demand": [True]})
    empty = pd.DataFrame(columns=["element_id", "importance", "level"])
    assert sv.skill_relevance(mappings, empty, tech)["relevance"].tolist() == [0.5]


def _occ(code, pay, growth, openings):
    return sv.Occupation(code, code, pay * 100_000, pay, 1 + growth / 100, openings, growth, False)


def test_value_is_weighted_by_pay_and_growth_and_combined_by_openings():
    skills = _skills([(1, "Negotiation", "soft", None, 3), (2, "Gardening", "domain", None, 4),
                      (3, "Speaking", "soft", None, 2)])
    mappings = pd.DataFrame({"skill_id": [1, 3], "element_id": ["2.B.1.d", "2.A.1.d"], "technology": [None, None],
                             "mapped_by": ["x", "x"]})
    occs = [_occ("A", 1.5, 10.0, 30.0), _occ("B", 1.0, 0.0, 10.0)]
    relevance = {"A": pd.DataFrame({"skill_id": [1, 3], "relevance": [0.4, 0.2], "basis": ["e", "e"]}),
                 "B": pd.DataFrame({"skill_id": [1, 3], "relevance": [0.2, 0.2], "basis": ["e", "e"]})}
    estimates = pd.DataFrame({"skill_id": [3], "value": [90.0], "note": [""]})
    out = sv.market_values(skills, mappings, occs, relevance, estimates).set_index("skill_id")
    # A: 100 × 0.4 × 1.5 × 1.1 = 66; B: 100 × 0.2 × 1 × 1 = 20; openings-weighted (30, 10) = 54.5
    assert out.loc[1, "market_value"] == pytest.approx(54.5)
    assert out.loc[1, "value_source"] == "market"
    assert (out.loc[2, "market_value"], out.loc[2, "value_source"]) == (0.0, "no market data")
    assert (out.loc[3, "market_value"], out.loc[3, "value_source"]) == (90.0, "your estimate")


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
    out = mk.skill_pay_gradient(ratings, roles)
    assert out["skill"].tolist() == ["Negotiation", "Repairing"]
    assert out["correlation"].tolist() == [1.0, -1.0]
    assert out["slope_usd"].tolist() == [100, -100]


def test_on_the_demo_every_skill_gets_a_quadrant_and_roles_change_values(demo_con):
    inputs = matrix_inputs(demo_con)
    staff = sv.compute_matrix(inputs, ["15-1252.00"], "self", TODAY)
    manager = sv.compute_matrix(inputs, ["11-3021.00"], "self", TODAY)
    assert len(staff.frame) == len(inputs.skills) == 46
    assert set(staff.frame["quadrant"]) <= set(sv.QUADRANTS)
    assert staff.stand_ins == {"15-1252.00": "15-1251.00"}  # Software Developers have no O*NET ratings
    speaking = {r.name: r.market_value for r in manager.frame.itertuples()}["Public speaking"]
    assert speaking > {r.name: r.market_value for r in staff.frame.itertuples()}["Public speaking"]


def test_cli_matrix_json_lists_every_skill_with_a_quadrant(demo_db):
    out = subprocess.run([sys.executable, "-m", "careerdata.cli", "matrix", "--json", "--db", str(demo_db)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 46
    assert {r["quadrant"] for r in rows} <= set(sv.QUADRANTS)
    assert {"skill", "kind", "self_level", "evidence_level", "market_value", "quadrant"} <= set(rows[0])
    by_code = subprocess.run([sys.executable, "-m", "careerdata.cli", "matrix", "--role", "11-3021.00", "--json",
                              "--db", str(demo_db)], capture_output=True, text=True, timeout=120)
    assert by_code.returncode == 0
    assert json.loads(by_code.stdout) != rows
    bad = subprocess.run([sys.executable, "-m", "careerdata.cli", "matrix", "--role", "Astronaut", "--db",
                          str(demo_db)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "unknown role 'Astronaut'" in bad.stderr
