"""Target roles: fit, must-have gating, gaps, the learning plan, postings, and the CLI."""

import datetime as dt
import json
import subprocess
import sys
from types import SimpleNamespace

import pandas as pd
from helpers import button, open_app, texts

from careerdata.figures import fit as ffit
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


def test_the_weakest_must_have_discounts_the_fit_softly_and_says_why():
    req = _req([("People management", 5, 4, True, 1, 0, ""), ("Go", 5, 4, False, 4, 4, "Go"),
                ("Hiring", 2, 4, True, 3, 3, "Hiring")])
    fit = rl.fit_score(req, role_level="M1")
    # coverage (5 × 0.25 + 5 × 1 + 2 × 0.75) / 12 = 0.6458; gate 0.5 + 0.5 × 0.25 = 0.625; fit 40.4
    assert fit.coverage == 64.6
    assert fit.gate == 0.625 and fit.gating_skill == "People management"
    assert fit.fit == 40.4
    assert fit.reason == "40, lowered from 65: People management is below M1's must-have level 4; you: 1"


def test_a_missing_must_have_halves_the_fit_never_zeroes_it():
    # Engineering Manager at 70% coverage without people management: 35, not 0.
    req = _req([("People management", 3, 4, True, 0, 0, ""), ("Go", 7, 4, False, 4, 4, "Go")])
    fit = rl.fit_score(req, role_level="M1")
    assert (fit.coverage, fit.gate, fit.fit) == (70.0, 0.5, 35.0)
    assert fit.reason == "35, lowered from 70: People management is below M1's must-have level 4; you: none"
    met = rl.fit_score(req.assign(current_self=4), role_level="M1")
    assert (met.fit, met.reason) == (100.0, "100: coverage of the requirements; no must-have gap")
    gate = rl.must_have_gate(req)
    assert (gate.factor, gate.skill, gate.required, gate.current) == (0.5, "People management", 4.0, 0.0)
    # the pure gate: coverage 0.25 and 1.0 on the must-haves -> 0.5 + 0.5 × 0.25, set by position 0
    assert ffit.soft_gate(pd.Series([0.25, 0.5, 1.0]), pd.Series([True, False, True])) == (0.625, 0)
    assert ffit.soft_gate(pd.Series([1.0, 0.5]), pd.Series([True, False])) == (1.0, None)


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
    # Start: coverage (0 + 0 + 4 × 0.75) / 10 = 0.3, must-have gate 0.5 -> fit 15.
    # Budgeting: coverage 0.4 -> 20, +5 in 1 week; People management: 0.8 × gate 1 -> 80, +65 in 16 weeks
    # (4.1/week); Go: 0.4 × 0.5 -> 20, +5 in 4 weeks. Then People management (+70 in 16) before Go.
    assert plan["skill"].tolist() == ["Budgeting", "People management", "Go"]
    assert plan["fit_gain"].tolist() == [5.0, 70.0, 10.0]
    assert plan["projected_fit"].iloc[-1] == 100.0
    assert plan["effort_weeks"].tolist() == [1.0, 16.0, 4.0]  # default 4 weeks per missing level
    assert plan["done_by"].iloc[1] == dt.date(2026, 11, 21) + dt.timedelta(weeks=17)
    assert plan["effort_is_default"].tolist() == [False, True, True]


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
    # coverage 69.6, People management missing: halved to 34.8, never 0
    assert rows["Engineering Manager"]["fit"] == 34.8
    assert rows["Engineering Manager"]["fit_reason"] == ("35, lowered from 70: People management is below M1's "
                                                         "must-have level 4; you: none")
    staff, manager = rows["Staff Engineer"]["pay_estimate"], rows["Engineering Manager"]["pay_estimate"]
    assert staff["is_estimate"] and staff["percentile_band"] == [75, 90] and staff["low"] == 171980
    assert manager["percentile_band"] == [50, 75] and manager["low"] == wage["11-3021.00"]
    assert architects["pay_estimate"] is None and architects["pay_estimate_note"] == "the role has no ladder level"
    assert "86th percentile of Software Developers" in rows["Staff Engineer"]["your_pay_position"]
    bad = subprocess.run([sys.executable, "-m", "careerdata.cli", "roles", "compare", "Astronaut", "--db",
                          str(demo_db)], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_roles_page_compares_the_demo_roles(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/roles.py")
    fits = [m.value for m in at.metric if m.label == "Role fit (0–100)"]
    assert len(fits) == 4 and all(0 <= float(v) <= 100 for v in fits)
    assert len(at.get("plotly_chart")) >= 3  # fit vs pay, requirements heatmap, pay comparison
    assert "$136k" in [m.value for m in at.metric if m.label == "BLS median pay"]
    shown = texts(at)
    assert "Role fit 35, lowered from 70: People management is below M1's must-have level 4; you: none" in shown
    # Market once said 73 for Computer and Information Systems Managers where Target roles said 0 for the
    # Engineering Manager built on it: each card now names both figures, the occupation match as the Market has it
    assert "Its occupation on the Market: 73/100 occupation match" in shown  # Engineering Manager (11-3021.00)
    assert "Its occupation on the Market: 63/100 occupation match" in shown  # Staff and Principal (15-1252.00)
    # Staff and Principal: different, labelled estimates
    assert "Level estimate (L6): **$172k–$215k**" in shown and "Level estimate (L7): **$215k–$245k**" in shown
    assert "Estimate for L7: 90th–95th percentile of Software Developers" in shown


def test_a_roles_occupation_match_is_the_markets(demo_db):
    """The occupation match Target roles shows for a role's occupation is the Market's roles map figure."""
    from careerdata.market import view as market_view
    from careerdata.roles import view as roles_view

    con = db.connect(demo_db)
    try:
        today = dt.date(2026, 11, 21)
        details = roles_view.comparison(con, ("Engineering Manager", "O*NET: Software Developers (15-1252.00)"),
                                        "self", today)
        market = market_view.market(con, ("11-3021.00", "15-1252.00"), "self", today).roles_map
    finally:
        con.close()
    by_code = dict(zip(market["onet_soc_code"], market["fit"], strict=True))
    assert [d.occupation_match for d in details] == [by_code["11-3021.00"], by_code["15-1252.00"]]
    # the bare occupation's role fit is drafted from its top skills and technologies: a different figure
    assert round(details[1].occupation_match) == 63 and round(details[1].fit.fit) == 54


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


def test_the_comparison_opens_on_your_roles_topped_up_with_occupations_to_two():
    from careerdata.roles import compare

    assert compare.default_picks(["A", "B", "C", "D", "E"], ["O1"]) == ["A", "B", "C", "D"]
    assert compare.default_picks(["A"], ["O1", "O2"]) == ["A", "O1"]
    assert compare.default_picks([], ["O1", "O2", "O3"]) == ["O1", "O2"]
    spec = rl.RoleSpec(key="s", name="Staff", onet_soc_code="15-1252.00", requirements=_req([]), level="L6",
                       target_role_id=3)
    assert compare.role_where(spec) == "L6 · market · 15-1252.00"  # your own role at no company: the market
    assert compare.role_where(rl.RoleSpec(key="o", name="x", onet_soc_code="15-1299.08", requirements=_req([]))) \
        == "15-1299.08"


def test_posting_skills_become_requirements_with_the_importance_of_where_they_were_listed():
    from careerdata.roles import compare, posting

    found = pd.DataFrame({"skill": ["Go", "Kafka", "Rust"], "importance": [posting.MUST, posting.NICE, posting.MUST]})
    rows = compare.posting_requirements(found, ["Go", "Kafka"])
    assert rows.to_dict("records") == [
        {"skill": "Go", "importance": 5, "required_level": 3, "must_have": True},
        {"skill": "Kafka", "importance": 2, "required_level": 3, "must_have": False}]


def test_chart_titles_state_the_biggest_gap_and_where_your_pay_sits():
    from careerdata.roles.charts import pay_finding, requirements_finding

    req = pd.DataFrame({"skill": ["Go", "People management", "SQL"], "role": ["Staff", "Manager", "Staff"],
                        "importance": [5, 4, 3], "required_level": [5, 4, 3], "current": [3.0, 0.0, 3.0],
                        "must_have": [False, True, False]})
    assert requirements_finding(req) == ("2 of 3 requirements are above your level; the biggest gap is the "
                                         "must-have People management of Manager (4 levels short)")
    assert requirements_finding(req.assign(current=5.0)) == "You meet all 3 requirements of these roles"
    rows = pd.DataFrame({"role": ["Staff", "Manager", "Architect"], "median_wage": [136_000.0, 175_000.0, None]})
    assert pay_finding(rows, 150_000) == ("Your pay $150,000 is above the BLS median of 1 of 2 roles; Manager pays "
                                          "most (BLS median $175,000)")
    assert pay_finding(rows, None) == "Manager pays most (BLS median $175,000)"
