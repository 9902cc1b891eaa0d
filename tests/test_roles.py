"""Target roles: fit, must-have gating, gaps, the learning plan, postings, and the CLI."""

import datetime as dt
import json
import subprocess
import sys
from types import SimpleNamespace

import pandas as pd
import pytest
from helpers import button, open_app, texts

from careerdata.roles import analytics as rl
from careerdata.store import db


def _req(rows):
    return pd.DataFrame(rows, columns=["skill", "importance", "required_level", "must_have", "current_self",
                                       "current_evidence", "your_skill"])


def test_fit_is_importance_weighted_coverage_capped_per_skill():
    req = _req([("Go", 4, 4, False, 4, 2, "Go"), ("Negotiation", 2, 4, False, 2, 4, "Negotiation"),
                ("Kafka", 2, 2, False, 5, 5, "Kafka")])
    fit = rl.fit_score(req)
    # (4 × 1 + 2 × 0.5 + 2 × 1) / 8 = 0.875
    assert (fit.fit, fit.coverage, fit.gate, fit.gating_skill) == (87.5, 87.5, 1.0, None)
    assert rl.fit_score(req, "evidence").fit == 75.0  # (4 × 0.5 + 2 × 1 + 2 × 1) / 8


def test_the_weakest_must_have_gates_the_fit():
    req = _req([("People management", 5, 4, True, 1, 0, ""), ("Go", 5, 4, False, 4, 4, "Go"),
                ("Hiring", 2, 4, True, 3, 3, "Hiring")])
    fit = rl.fit_score(req)
    coverage = (5 * 0.25 + 5 * 1 + 2 * 0.75) / 12
    assert fit.coverage == pytest.approx(round(100 * coverage, 1))
    assert fit.gate == 0.25 and fit.gating_skill == "People management"
    assert fit.fit == pytest.approx(round(100 * coverage * 0.25, 1))


def test_gaps_put_must_haves_first_then_the_biggest_weighted_shortfall():
    req = _req([("A", 5, 4, False, 3, 0, ""), ("B", 2, 5, False, 1, 0, ""), ("C", 1, 3, True, 2, 0, ""),
                ("D", 5, 3, False, 4, 0, "")])
    g = rl.gaps(req)
    assert g["skill"].tolist() == ["C", "B", "A"]  # C must-have; B 2×4=8 beats A 5×1=5; D is met
    assert g["shortfall"].tolist() == [1.0, 4.0, 1.0]


def test_learning_plan_takes_the_best_fit_per_week_and_projects_fit():
    req = _req([("People management", 5, 4, True, 0, 0, ""), ("Budgeting", 1, 2, False, 0, 0, ""),
                ("Go", 4, 4, False, 3, 3, "Go")])
    plan = rl.learning_plan(req, {"Budgeting": 1.0}, start=dt.date(2026, 11, 21))
    # Budgeting and Go add nothing while the must-have gate is 0, so People management comes first.
    assert plan["skill"].tolist()[0] == "People management"
    assert plan["projected_fit"].iloc[-1] == 100.0
    assert plan["effort_weeks"].tolist()[0] == 16.0  # default 4 weeks per missing level
    assert plan["done_by"].iloc[0] == dt.date(2026, 11, 21) + dt.timedelta(weeks=16)
    assert plan["effort_is_default"].tolist() == [True] + [s != "Budgeting" for s in plan["skill"][1:]]


def test_an_occupation_without_ratings_uses_its_stand_in_or_only_technologies():
    inputs = SimpleNamespace(
        skills=pd.DataFrame(columns=["id", "name"]),
        ratings=pd.DataFrame({"onet_soc_code": ["15-1251.00"], "element_id": ["2.B.3.e"], "name": ["Programming"],
                              "kind": ["skill"], "importance": [4.6], "level": [5.0]}),
        tech=pd.DataFrame({"onet_soc_code": ["15-1252.00", "15-1299.07"], "technology": ["Python", "Solidity"],
                           "hot_technology": [True, False], "in_demand": [True, True]}),
        proxies={"15-1252.00": "15-1251.00"})
    no_links = pd.DataFrame(columns=["skill_id", "element_id", "technology"])
    req, stand_in = rl.occupation_requirements("15-1252.00", inputs, no_links)
    assert stand_in == "15-1251.00"
    assert req.to_dict("records") == [
        {"skill": "Programming", "importance": 5, "required_level": 4, "must_have": False},
        {"skill": "Python", "importance": 4, "required_level": 3, "must_have": False}]
    req, stand_in = rl.occupation_requirements("15-1299.07", inputs, no_links)
    assert stand_in is None and req["skill"].tolist() == ["Solidity"]


def test_posting_matching_finds_whole_words_and_respects_case_for_short_terms():
    vocab = {"go": ("Go", "your skill"), "kubernetes": ("Kubernetes", "your skill"),
             "c++": ("C++", "O*NET technology"), "apache kafka": ("Apache Kafka", "O*NET technology"),
             "kafka": ("Kafka", "known skill"), "negotiation": ("Negotiation", "O*NET skill")}
    text = ("Senior engineer: Go, Kubernetes and C++. You will go to market with product, run Apache Kafka "
            "and good negotiation skills. Golang welcome.")
    found = rl.match_posting(text, vocab)
    assert found["skill"].tolist() == ["Apache Kafka", "C++", "Go", "Kubernetes", "Negotiation"]
    assert "Kafka" not in found["skill"].tolist()  # inside "Apache Kafka", the longer term wins


def test_occupation_search_covers_alternate_titles():
    titles = pd.DataFrame({"onet_soc_code": ["15-1252.00", "15-1252.00", "11-3021.00"],
                           "title": ["Software Developers", "Staff Software Engineer", "Computer and Information "
                                     "Systems Managers"], "kind": ["occupation", "alternate", "occupation"]})
    found = rl.search_occupations(titles, "staff engineer")
    assert found["label"].tolist() == ["Staff Software Engineer → Software Developers (15-1252.00)"]


def test_cli_compares_target_roles_and_an_onet_code_with_real_pay(demo_db):
    out = subprocess.run([sys.executable, "-m", "careerdata.cli", "roles", "compare", "Staff Engineer",
                          "Engineering Manager", "15-1299.08", "--json", "--db", str(demo_db)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = {r["role"]: r for r in json.loads(out.stdout)}
    con = db.connect(demo_db)
    wage = dict(con.execute("SELECT onet_soc_code, median_wage FROM market_role").fetchall())
    con.close()
    assert rows["Staff Engineer"]["median_wage"] == wage["15-1252.00"] == 135980.0
    assert rows["Engineering Manager"]["median_wage"] == wage["11-3021.00"]
    architects = rows["Computer Systems Engineers/Architects"]
    assert "SOC group 15-1299" in architects["median_wage_note"]
    for r in rows.values():
        assert 0 <= r["fit"] <= 100
        assert all({"skill", "required", "current"} <= set(g) for g in r["gaps"])
    assert rows["Engineering Manager"]["gated_by"] == "People management"
    bad = subprocess.run([sys.executable, "-m", "careerdata.cli", "roles", "compare", "Astronaut", "--db",
                          str(demo_db)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_roles_page_compares_the_demo_roles(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/roles.py")
    fits = [m.value for m in at.metric if m.label == "Fit"]
    assert len(fits) == 4 and all(v.endswith("/100") for v in fits)
    assert len(at.get("plotly_chart")) >= 3  # fit vs pay, requirements heatmap, pay comparison
    assert "$136k" in [m.value for m in at.metric if m.label == "BLS median pay"]


def test_creating_a_role_from_onet_then_deleting_it(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, "app_pages/roles.py")
    assert "You have no target roles yet" in texts(at)
    at.text_input(key="occ_search_new").input("solutions architect").run()
    occupation = next(s for s in at.selectbox if s.label == "Occupation")
    assert "Solutions Architect → Computer Network Architects (15-1241.00)" in occupation.options
    occupation.set_value("Solutions Architect → Computer Network Architects (15-1241.00)")
    at.run()
    button(at, "Pre-fill skills from O*NET").click().run()
    at.text_input(key="role_name_new").input("Solutions Architect")
    button(at, "Save role").click().run()
    assert not at.exception
    con = db.connect(empty_db)
    role = con.execute("SELECT id, name, onet_soc_code FROM target_role").fetchall()
    n_req = con.execute("SELECT count(*) FROM target_role_skill").fetchone()[0]
    con.close()
    assert [(r[1], r[2]) for r in role] == [("Solutions Architect", "15-1241.00")]
    assert n_req >= 5
    at.selectbox(key="edit_role_pick").set_value("Solutions Architect").run()
    button(at, "Delete for good").click().run()
    con = db.connect(empty_db)
    assert con.execute("SELECT count(*) FROM target_role").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM target_role_skill").fetchone()[0] == 0
    con.close()
