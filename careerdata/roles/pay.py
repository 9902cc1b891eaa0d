"""Level-aware pay: a labelled estimate of what a ladder level pays, from BLS OEWS percentiles.

BLS OEWS publishes pay percentiles of an occupation (10th, 25th, median, 75th, 90th), not pay by
seniority. This module maps a ladder level to a **percentile band** of its occupation and reads
the band off the published percentiles. It is an estimate and is always labelled as one.

**Band by ladder level** (track, rank from the ladder):

| IC rank | band | | EM rank | band |
|---|---|---|---|---|
| ≤ 3 (L3) | 10th–25th | | ≤ 6 (M1) | 50th–75th |
| 4 (L4) | 25th–50th | | 7 (M2) | 75th–90th |
| 5 (L5, Senior) | 50th–75th | | ≥ 8 (M3) | 90th–95th |
| 6 (L6, Staff) | 75th–90th | | | |
| 7 (L7) | 90th–95th | | | |
| ≥ 8 (L8, Principal) | 95th–98th | | | |

The IC bands follow the share of engineers at or above each level in a typical ladder (about
half are below Senior; Staff and above are roughly the top quarter). The EM bands sit one step
lower for the same rank because the manager occupation (11-3021 Computer and Information Systems
Managers) already includes directors and CIOs, so a first-line manager sits in its upper middle.

**Reading a percentile** p: log wage is taken as linear in the normal quantile z(p) between the
published percentiles (a piecewise log-normal); beyond the highest (or lowest) published one it is
extended with the slope of the last segment, and the estimate says it is extrapolated. The point
estimate of a band is the wage at its middle z. The inverse gives the percentile at which a wage
(for example your current pay) sits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

_NORMAL = NormalDist()
PUBLISHED = (10, 25, 50, 75, 90)
IC_BANDS = ((3, (10, 25)), (4, (25, 50)), (5, (50, 75)), (6, (75, 90)), (7, (90, 95)))
IC_TOP_BAND = (95, 98)
EM_BANDS = ((6, (50, 75)), (7, (75, 90)))
EM_TOP_BAND = (90, 95)


def level_band(track: str, rank: int) -> tuple[int, int]:
    """The percentile band (low, high) of a ladder level (see the table in the module docstring)."""
    bands, top = (EM_BANDS, EM_TOP_BAND) if track == "EM" else (IC_BANDS, IC_TOP_BAND)
    for up_to, band in bands:
        if rank <= up_to:
            return band
    return top


def _z(pct: float) -> float:
    return _NORMAL.inv_cdf(pct / 100.0)


def _known(points: dict[int, float | None]) -> list[tuple[float, float]]:
    """(z, log wage) of the published percentiles that have a value, in order."""
    return [(_z(p), math.log(w)) for p, w in sorted(points.items()) if w is not None and w > 0 and not math.isnan(w)]


def wage_at_percentile(points: dict[int, float | None], pct: float) -> tuple[float, bool] | None:
    """(wage, extrapolated) at percentile `pct` from the published percentiles; None with fewer than two."""
    known = _known(points)
    if len(known) < 2:
        return None
    z = _z(pct)
    for (z0, w0), (z1, w1) in zip(known, known[1:], strict=False):
        if z0 <= z <= z1:
            return math.exp(w0 + (w1 - w0) * (z - z0) / (z1 - z0)), False
    (z0, w0), (z1, w1) = (known[-2], known[-1]) if z > known[-1][0] else (known[0], known[1])
    return math.exp(w0 + (w1 - w0) * (z - z0) / (z1 - z0)), True


def percentile_of(points: dict[int, float | None], wage: float) -> float | None:
    """The percentile (1–99) at which `wage` sits, the inverse of wage_at_percentile."""
    known = _known(points)
    if len(known) < 2 or wage <= 0:
        return None
    w = math.log(wage)
    pairs = list(zip(known, known[1:], strict=False))
    segment = next(((a, b) for a, b in pairs if a[1] <= w <= b[1]), None)
    if segment is None:
        segment = pairs[-1] if w > known[-1][1] else pairs[0]
    (z0, w0), (z1, w1) = segment
    z = z0 + (z1 - z0) * (w - w0) / (w1 - w0) if w1 != w0 else z0
    return max(1.0, min(99.0, _NORMAL.cdf(z) * 100.0))


@dataclass(frozen=True)
class PayEstimate:
    level: str
    low: float
    high: float
    point: float
    low_pct: int
    high_pct: int
    extrapolated: bool
    occupation: str
    year: int | None
    label: str

    def as_dict(self) -> dict:
        return {"level": self.level, "low": round(self.low), "high": round(self.high), "point": round(self.point),
                "percentile_band": [self.low_pct, self.high_pct], "extrapolated": self.extrapolated,
                "occupation": self.occupation, "year": self.year, "label": self.label, "is_estimate": True}


def ordinal(n: float) -> str:
    n = int(round(n))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pay_estimate(points: dict[int, float | None], level: str, track: str, rank: int, occupation: str,
                 year: int | None) -> PayEstimate | None:
    """The labelled pay estimate of a ladder level in an occupation (None without two published percentiles)."""
    low_pct, high_pct = level_band(track, rank)
    low, high = wage_at_percentile(points, low_pct), wage_at_percentile(points, high_pct)
    if low is None or high is None:
        return None
    mid = wage_at_percentile(points, _NORMAL.cdf((_z(low_pct) + _z(high_pct)) / 2) * 100.0)
    extrapolated = low[1] or high[1]
    label = (f"Estimate for {level}: {ordinal(low_pct)}–{ordinal(high_pct)} percentile of {occupation} "
             f"(BLS OEWS May {year}), ${low[0]:,.0f}–${high[0]:,.0f}"
             + ("; above the highest published percentile, so extrapolated" if extrapolated else ""))
    return PayEstimate(level, low[0], high[0], mid[0], low_pct, high_pct, extrapolated, occupation, year, label)


def where_pay_sits(points: dict[int, float | None], pay: float, occupation: str) -> str | None:
    """'Your pay ($198,000, your figure) sits at about the 84th percentile of Software Developers.'"""
    pct = percentile_of(points, pay)
    if pct is None:
        return None
    return f"Your pay (${pay:,.0f}, your figure) sits at about the {ordinal(pct)} percentile of {occupation}"
