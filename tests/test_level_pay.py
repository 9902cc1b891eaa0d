"""Level-aware pay: ladder levels mapped to BLS OEWS percentile bands, labelled as estimates."""

import math

import pytest

from careerdata.roles import pay as lp

SOFTWARE = {10: 82460.0, 25: 105210.0, 50: 135980.0, 75: 171980.0, 90: 214670.0}  # 15-1252, May 2025


def test_a_percentile_is_read_log_linearly_in_z_between_published_points():
    # halfway in z between the 10th and 90th is the median: √(100 × 400) = 200
    assert lp.wage_at_percentile({10: 100.0, 90: 400.0}, 50) == (pytest.approx(200.0), False)
    assert lp.wage_at_percentile({25: 100.0, 50: 200.0, 75: 400.0}, 75) == (pytest.approx(400.0), False)
    # beyond the 75th: the last segment's slope, z(90)/z(75) = 1.9001 doublings: 100 × 2^1.9001 = 373.2
    wage, extrapolated = lp.wage_at_percentile({50: 100.0, 75: 200.0}, 90)
    assert extrapolated and wage == pytest.approx(100 * 2 ** (1.2815516 / 0.6744898), rel=1e-6)
    assert lp.wage_at_percentile({50: 100.0, 75: None}, 60) is None
    assert lp.percentile_of({10: 100.0, 90: 400.0}, 200.0) == pytest.approx(50.0)


def test_levels_map_to_documented_bands():
    assert lp.level_band("IC", 5) == (50, 75)
    assert lp.level_band("IC", 6) == (75, 90)
    assert lp.level_band("IC", 7) == (90, 95)
    assert lp.level_band("IC", 8) == (95, 98)
    assert lp.level_band("EM", 6) == (50, 75)
    assert lp.level_band("EM", 8) == (90, 95)


def test_staff_and_principal_get_different_labelled_estimates():
    staff = lp.pay_estimate(SOFTWARE, "L6", "IC", 6, "Software Developers", 2025)
    principal = lp.pay_estimate(SOFTWARE, "L7", "IC", 7, "Software Developers", 2025)
    assert (staff.low, staff.high) == (pytest.approx(171980.0), pytest.approx(214670.0))
    assert staff.label == ("Estimate for L6: 75th–90th percentile of Software Developers (BLS OEWS May 2025), "
                           "$171,980–$214,670")
    assert not staff.extrapolated and principal.extrapolated
    assert principal.low == pytest.approx(214670.0) and principal.high > principal.low
    assert principal.label.startswith("Estimate for L7: 90th–95th percentile") and "extrapolated" in principal.label
    # the point estimate is the wage at the band's middle z
    mid_z = (1.2815516 + 0.6744898) / 2
    assert staff.point == pytest.approx(math.exp(math.log(171980) + (math.log(214670) - math.log(171980))
                                                 * (mid_z - 0.6744898) / (1.2815516 - 0.6744898)), rel=1e-6)
    assert staff.as_dict()["is_estimate"] is True and staff.as_dict()["percentile_band"] == [75, 90]


def test_where_your_pay_sits():
    text = lp.where_pay_sits(SOFTWARE, 198000.0, "Software Developers")
    assert text == "Your pay ($198,000, your figure) sits at about the 86th percentile of Software Developers"
    assert lp.ordinal(1) == "1st" and lp.ordinal(12) == "12th" and lp.ordinal(23) == "23rd"
