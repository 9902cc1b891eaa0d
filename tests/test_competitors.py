"""Unit tests of the competitors analytics on hand-computed cases: profiles, benchmarks, moat, positioning."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from careerdata.competitors import analytics as cp

TODAY = dt.date(2026, 11, 21)
COMPETENCIES = pd.DataFrame({
    "key": ["craft", "communication", "people_management", "storytelling"],
    "name": ["Craft", "Communication", "People management", "Storytelling"],
    "group": ["technical", "influence", "people", "influence"], "description": ""})


def test_competency_profile_scores_linked_wins_with_the_one_evidence_formula_of_skills():
    evidence = pd.DataFrame([
        # craft: one win today, company scope, verified metric -> 1 x 2 x 1.5 = 3 points
        ("craft", TODAY, "company", 1, 1),
        # communication: a team win two years ago without a metric (0.5) + an org win today with a metric
        # (1.5 x 1.25 = 1.875) -> 2.375 points
        ("communication", TODAY - dt.timedelta(days=round(2 * 365.25)), "team", 0, 0),
        ("communication", TODAY, "org", 2, 0),
    ], columns=["competency_key", "done_on", "scope", "metrics", "verified"])
    prof = cp.competency_profile(evidence, COMPETENCIES, TODAY).set_index("key")
    assert prof.loc["craft", "points"] == pytest.approx(3.0)
    assert prof.loc["craft", "level"] == round(5 * (1 - math.exp(-3 / 2.5)), 1) == 3.5  # as a skill would
    assert prof.loc["communication", "points"] == pytest.approx(2.375, abs=1e-3)
    assert prof.loc["communication", "level"] == round(5 * (1 - math.exp(-2.375 / 2.5)), 1) == 3.1
    assert prof.loc["communication", "accomplishments"] == 2 and prof.loc["communication", "quantified"] == 1
    assert prof.loc["people_management", "level"] == 0.0 and prof.loc["people_management", "accomplishments"] == 0
    empty = cp.competency_profile(evidence.iloc[0:0], COMPETENCIES, TODAY)
    assert empty["level"].tolist() == [0.0] * 4


RATINGS = pd.DataFrame([
    # craft: Programming (imp 4, level 7 -> 5.0) and Quality Control Analysis (imp 2, level 3.5 -> 2.5)
    ("X", "2.B.3.e", "Programming", "skill", 4.0, 7.0),
    ("X", "2.B.3.m", "Quality Control Analysis", "skill", 2.0, 3.5),
    # communication: Writing (imp 3, level 4.2 -> 3.0)
    ("X", "2.A.1.c", "Writing", "skill", 3.0, 4.2),
    # influence group (for the custom 'storytelling' competency): Persuasion (imp 1, level 7 -> 5.0)
    ("X", "2.B.1.c", "Persuasion", "skill", 1.0, 7.0),
    # knowledge is not part of the profile
    ("X", "2.C.3.a", "Computers and Electronics", "knowledge", 5.0, 7.0),
], columns=["onet_soc_code", "element_id", "name", "kind", "importance", "level"])


def test_benchmark_profiles_from_the_ladder_and_onet():
    onet = cp.onet_profile(RATINGS, COMPETENCIES)
    assert onet["craft"] == round((4 * 5.0 + 2 * 2.5) / 6, 2) == 4.17
    assert onet["communication"] == 3.0
    # a competency the crosswalk does not know uses every element of its group (influence: Writing, Persuasion)
    assert onet["storytelling"] == round((3 * 3.0 + 1 * 5.0) / 4, 2) == 3.5
    assert "people_management" not in onet  # no rated element mapped to it
    expectations = pd.DataFrame([("L5", "craft", 4, ""), ("L6", "craft", 5, ""), ("L6", "communication", 4, "")],
                                columns=["level_code", "competency_key", "target", "text"])
    assert cp.level_profile(expectations, "L6") == {"craft": 5.0, "communication": 4.0}
    assert cp.level_profile(expectations, None) == {}
    you = pd.DataFrame({"key": COMPETENCIES["key"], "name": COMPETENCIES["name"], "group": COMPETENCIES["group"],
                        "level": [4.0, 4.6, 0.0, 2.0], "accomplishments": [3, 2, 0, 1]})
    bench = cp.benchmark_frame(you, cp.level_profile(expectations, "L5"), cp.level_profile(expectations, "L6"), onet)
    assert bench["target"].tolist()[:2] == [5.0, 4.0] and math.isnan(bench["target"].iloc[2])
    assert cp.reference_column(bench) == "target"
    assert cp.meets(bench, "target") == (1, 2)  # communication 4.6 >= 4; craft 4.0 < 5
    diffs = cp.differentiators(bench, "onet")  # vs O*NET: communication +1.6; craft -0.17; storytelling -1.5
    assert diffs["key"].tolist() == ["communication"] and diffs["margin"].tolist() == [1.6]
    gaps = cp.gaps(bench, "target")
    assert gaps["key"].tolist() == ["craft"] and gaps["gap"].tolist() == [1.0]
    assert cp.reference_column(bench.assign(target=float("nan"))) == "onet"


# --- the moat ---------------------------------------------------------------------------------

POOL = {"A": {"e1", "tech:Redis"}, "B": {"e1"}, "C": {"e1", "e2"}, "D": {"e3"}}
SKILLS = pd.DataFrame({"id": [1, 2, 3, 4, 5, 6], "name": ["Writing", "Persuasion", "Redis", "Welding", "Pitching",
                                                         "Negotiation"]})
MAPPINGS = pd.DataFrame({"skill_id": [1, 2, 3, 4, 6], "element_id": ["e1", "e2", None, "e3", "e2"],
                         "technology": [None, None, "Redis", None, None]})
EVIDENCE = pd.DataFrame({"skill_id": [1, 2, 3, 4, 5, 6], "evidence_level": [5.0, 4.0, 2.5, 5.0, 4.0, 3.0]})


def test_moat_is_the_mean_of_the_best_rarity_times_evidence_slots():
    needed = {"e1", "e2", "tech:Redis"}
    moat = cp.moat(SKILLS, EVIDENCE, MAPPINGS, POOL, needed, {"pitching"})
    # Writing: listed by 3 of 4 -> rarity 0.25 x 5/5 = 0.25; Persuasion: 1 of 4 -> 0.75 x 4/5 = 0.6;
    # Redis: 1 of 4 -> 0.75 x 2.5/5 = 0.375; Negotiation maps to the same item as Persuasion -> counted once;
    # Welding is not needed; Pitching is named by the role but has no O*NET link -> unmeasured.
    assert moat.slots["name"].tolist() == ["Persuasion", "Redis", "Writing"]
    assert moat.slots["contribution"].tolist() == [0.6, 0.375, 0.25]
    assert moat.score == pytest.approx(100 * (0.6 + 0.375 + 0.25) / 5) == 24.5
    assert moat.unmeasured == ["Pitching"] and moat.pool_size == 4
    assert set(moat.considered["name"]) == {"Writing", "Persuasion", "Redis", "Negotiation"}
    assert cp.moat(SKILLS, EVIDENCE, MAPPINGS, POOL, needed, set(), slots=2).score == pytest.approx(48.8, abs=0.05)
    assert cp.rare_proven(moat)["name"].tolist() == ["Persuasion", "Negotiation", "Redis"]  # 0.6, 0.45, 0.375
    # a skill the role names counts even when the occupation does not list it
    welding = cp.moat(SKILLS, EVIDENCE, MAPPINGS, POOL, set(), {"welding"})
    assert welding.slots["name"].tolist() == ["Welding"] and welding.score == pytest.approx(100 * 0.75 / 5)


def test_moat_without_evidence_is_zero():
    none = cp.moat(SKILLS, EVIDENCE.iloc[0:0], MAPPINGS, POOL, {"e1", "e2"}, set())
    assert none.score == 0.0 and none.slots.empty


def test_commonness_and_commodity_items():
    assert cp.commonness(frozenset({"e1"}), POOL) == (3, 0.75)
    assert cp.commonness(frozenset({"e2", "tech:Redis"}), POOL) == (2, 0.5)
    assert cp.commonness(frozenset({"e1"}), {}) == (0, 0.0)
    table = cp.commodity({"e1", "e2", "tech:Redis"}, POOL, {"e1": "Writing"}, hot={"Redis"}, yours={"e1"})
    assert table["item"].tolist() == ["Writing"] and table["you"].tolist() == ["have"]
    assert table["listed_by"].tolist() == [3]
    table = cp.commodity({"e1", "tech:Redis"}, POOL, {}, hot={"Redis"}, yours=set(), share=0.25)
    assert table["item"].tolist() == ["e1", "Redis"] and table["hot"].tolist() == [False, True]


def test_listed_items_and_target_items():
    ratings = pd.DataFrame({"onet_soc_code": ["A", "A", "B"], "element_id": ["e1", "e2", "e1"],
                            "importance": [3.0, 2.9, 4.0]})
    tech = pd.DataFrame({"onet_soc_code": ["A", "C"], "technology": ["Go", "Rust"]})
    assert cp.listed_items(ratings, tech, ["A", "B"]) == {"A": {"e1", "tech:Go"}, "B": {"e1"}}
    # a stand-in's ratings, the occupation's own technologies
    assert cp.target_items(ratings, tech, "B", "C") == {"e1", "tech:Rust"}
    assert cp.target_items(ratings, tech, None, None) == set()


# --- positioning ------------------------------------------------------------------------------

def test_positioning_means_and_the_tilt_of_a_target_role():
    groups = {"craft": "technical", "architecture": "technical", "communication": "influence",
              "delivery": "execution"}
    assert cp.position({"craft": 4, "architecture": 2, "communication": 3, "delivery": 5}, groups) == (3.0, 4.0)
    assert cp.position({"craft": 4}, groups) is None
    level = {"craft": 4.0, "communication": 4.0}
    onet = {"craft": 3.0, "communication": 2.0}  # mean 2.5: craft +0.5, communication -0.5
    assert cp.tilt(level, onet) == {"craft": 4.5, "communication": 3.5}
    assert cp.tilt({}, onet) == onet and cp.tilt(level, {}) == level
    assert cp.tilt({"craft": 5.0}, {"craft": 3.0, "communication": 1.0}) == {"craft": 5.0}  # clipped
    levels = pd.DataFrame({"code": ["L5", "L6"], "track": ["IC", "IC"], "rank": [5, 6], "title": ["S", "St"]})
    expectations = pd.DataFrame([("L5", "craft", 3, ""), ("L5", "communication", 2, ""),
                                 ("L6", "craft", 4, ""), ("L6", "communication", 4, "")],
                                columns=["level_code", "competency_key", "target", "text"])
    points = cp.positioning({"craft": 3.8, "communication": 3.6}, groups, levels, expectations,
                            [("Staff", cp.tilt(cp.level_profile(expectations, "L6"), onet), "L6 tilted")])
    assert points["label"].tolist() == ["You", "L5", "L6", "Staff"]
    assert points[["x", "y"]].values.tolist() == [[3.8, 3.6], [3.0, 2.0], [4.0, 4.0], [4.5, 3.5]]
    assert cp.nearest_level(points) == "L6"
    assert cp.nearest_level(points[points["kind"] != "you"]) is None


def test_the_map_names_you_the_chosen_target_and_every_level_without_an_overlap():
    from careerdata.competitors.charts import LABEL_STYLE, MAP_PLOT, MAP_WIDTHS, position_labels
    from careerdata.core import placement

    # the demo's crowded corner: you, L6 and M1 within half a level of each other, two targets on one spot
    points = pd.DataFrame([
        ("You", "you", None, 3.77, 3.52), ("L5", "level", "IC", 3.33, 2.67), ("L6", "level", "IC", 4.0, 3.5),
        ("L7", "level", "IC", 5.0, 4.0), ("L8", "level", "IC", 5.0, 4.33), ("M1", "level", "EM", 3.0, 3.5),
        ("M2", "level", "EM", 3.0, 4.0), ("Solutions Architect", "target", None, 4.29, 3.36),
        ("Staff Engineer (Helio Health)", "target", None, 4.29, 3.36)], columns=["label", "kind", "track", "x", "y"])
    notes = position_labels(points, "Staff Engineer (Helio Health)")
    assert sorted(n["text"] for n in notes) == sorted(["<b>You</b>", "L5", "L6", "L7", "L8", "M1", "M2",
                                                       "Staff Engineer (Helio Health)"])
    kinds = dict(zip(points["label"], points["kind"], strict=True))
    for width in MAP_WIDTHS:
        boxes = []
        for n in notes:
            label = n["text"].removeprefix("<b>").removesuffix("</b>")
            px, py = MAP_PLOT.px(n["x"], n["y"], width)
            tw, th = placement.text_size(label, LABEL_STYLE[kinds[label]][0])
            boxes.append(placement.Box(px + n["ax"] - tw / 2, py + n["ay"] - th / 2, px + n["ax"] + tw / 2,
                                       py + n["ay"] + th / 2))
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
