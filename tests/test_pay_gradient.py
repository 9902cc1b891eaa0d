"""Honest "which skills pay": n, r with a Fisher-z interval, the result without managers, signed money;
the stand-in choice on evidence; the roles-map hover."""

import pandas as pd
import pytest

from careerdata.market import pay_gradient as pg
from careerdata.market.charts import roles_map_chart, skill_pay_chart
from careerdata.market.stand_in import stand_in_evidence


def test_fisher_interval_on_a_hand_computed_case():
    # atanh(0.5) = 0.549306, se = 1/√25 = 0.2, ±1.96 × 0.2 = ±0.391993 -> tanh(0.157313), tanh(0.941299)
    low, high = pg.fisher_interval(0.5, 28)
    assert (low, high) == (pytest.approx(0.156028, abs=1e-5), pytest.approx(0.735818, abs=1e-5))
    assert pg.fisher_interval(0.5, 3) == (None, None)


def _data():
    codes = ["a", "b", "c", "d", "11-3021.00", "11-9041.00"]
    roles = pd.DataFrame({"onet_soc_code": codes, "median_wage": [100.0, 110.0, 120.0, 130.0, 200.0, 210.0],
                          "wage_is_soc_aggregate": [False] * 6})
    ratings = pd.DataFrame({"onet_soc_code": codes, "element_id": ["2.B.1.b"] * 6, "name": ["Coordination"] * 6,
                            "kind": ["skill"] * 6, "importance": [3.0, 2.0, 2.0, 3.0, 5.0, 5.0]})
    return ratings, roles


def test_the_result_is_also_given_without_the_two_manager_occupations():
    ratings, roles = _data()
    out = pg.with_and_without_managers(ratings, roles).iloc[0]
    assert out["occupations"] == 6 and out["n_without_managers"] == 4
    assert out["correlation"] > 0.9  # carried by the managers
    assert out["r_without_managers"] == pytest.approx(0.0, abs=1e-9)  # 3, 2, 2, 3 against 100..130: r = 0
    line = pg.association_sentence(next(pg.with_and_without_managers(ratings, roles).itertuples(index=False)))
    assert line.startswith("Coordination: r = +0.9") and "n = 6 occupations" in line
    assert "without the two manager occupations r = +0.00" in line and "n = 4" in line


def test_money_is_signed_once_and_the_chart_says_association():
    assert pg.signed_money(-27306) == "−$27,306" and pg.signed_money(98103) == "+$98,103"
    ratings, roles = _data()
    fig = skill_pay_chart(pg.with_and_without_managers(ratings, roles), set(), 6)
    hover = " ".join(t for bar in fig.data for t in bar.hovertext)
    assert "+$-" not in hover and "95% interval" in hover and "association" in hover
    # r = Σdxdy / √(Σdx² Σdy²) = 300 / √(9.333 × 11350) = 0.9217; pay weight 1 + r / 2
    assert pg.pay_weights(pg.skill_pay_gradient(ratings, roles)) == {"2.B.1.b": pytest.approx(1.4609, abs=1e-3)}


def test_roles_map_hover_names_a_stand_in_only_where_there_is_one():
    frame = pd.DataFrame({"onet_soc_code": ["a", "b"], "title": ["Rated", "Unrated"], "fit": [70.0, 60.0],
                          "median_wage": [100.0, 120.0], "p25": [80.0, 90.0], "p75": [120.0, 140.0],
                          "employment": [1000, 2000], "growth_pct": [5.0, None], "is_target": [True, False],
                          "stand_in": [None, "c"], "wage_is_group": [False, False], "year": [2025, 2025]})
    hover = roles_map_chart(frame).data[0].hovertext
    assert "stand-in" not in hover[0] and "nan" not in hover[0]
    assert "(ratings of stand-in c)" in hover[1]


def test_stand_in_evidence_prefers_the_candidate_that_agrees_with_the_neighbourhood():
    elements = ["e1", "e2", "e3", "e4"]
    table = {"n1": [1, 2, 3, 4], "n2": [1, 2, 4, 3], "good": [1, 2, 3, 5], "odd": [4, 3, 2, 1]}
    ratings = pd.DataFrame([{"onet_soc_code": c, "element_id": e, "kind": "skill", "importance": float(v)}
                            for c, vals in table.items() for e, v in zip(elements, vals, strict=True)])
    related = pd.DataFrame({"onet_soc_code": ["x"] * 4, "related_onet_soc_code": ["n1", "n2", "good", "odd"],
                            "relatedness_tier": ["Primary-Short"] * 4})
    wide = ratings.pivot_table(index="element_id", columns="onet_soc_code", values="importance")
    out = stand_in_evidence(ratings, related, "x", {"good": wide["good"], "odd": wide["odd"]})
    assert out["candidate"].tolist() == ["good", "odd"]
    # good vs n1: 6.5 / √(8.75 × 5) = 0.9827; vs n2: 4.5 / 6.614 = 0.6804; vs odd: −0.9827
    good = out.iloc[0]
    assert good["neighbours"] == 3
    assert good["mean_r"] == pytest.approx((0.9827 + 0.6804 - 0.9827) / 3, abs=1e-3)
