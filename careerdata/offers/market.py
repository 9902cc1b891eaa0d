"""Where an offer's base pay sits in the market: BLS OEWS percentiles of its occupation.

BLS OEWS wages are annual base pay (they leave out equity and non-production bonuses such as a
sign-on), national and across every experience level, in US dollars. So an offer is placed by
its **base**, only when it is in USD, against the percentiles of its occupation (the offer's
O*NET-SOC code, else its opportunity's target role's, else the user's most-used target-role
occupation). Where the base sits: `careerdata.conversations.analytics.pay_percentile`, the same
interpolation the Conversations page uses.

The band a negotiation aims base pay at: where the offer's level is in the user's ladder, the
level-aware pay estimate of `careerdata.roles.pay.pay_estimate` (the ladder level mapped to a
percentile band of the occupation, labelled as an estimate, as on Target roles); otherwise the BLS
50th-90th percentiles, labelled as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from careerdata.conversations.analytics import PERCENTILES, pay_percentile
from careerdata.offers.negotiation import Band
from careerdata.roles.pay import pay_estimate


@dataclass(frozen=True)
class Placement:
    occupation: str | None  # O*NET-SOC code
    title: str | None  # its O*NET title
    year: int | None  # BLS OEWS May <year>
    points: tuple[tuple[int, float], ...]  # published (percentile, annual wage), top-coded ones left out
    where: str  # "about the 92nd percentile" / "above the 90th percentile" / why it is not placed
    band: Band | None
    notes: tuple[str, ...] = ()
    level_estimate: bool = False  # the band is the estimate for the offer's ladder level (else BLS 50th-90th)
    versus_level: str = ""  # "within your estimate for L6" / "above ..." / "" without one


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _level_band(level: str, ladder: pd.DataFrame, points: dict[int, float], title: str,
                year: int | None) -> Band | None:
    row = ladder[ladder["level_code"] == level] if level else ladder.iloc[0:0]
    if row.empty:
        return None
    est = pay_estimate(points, level, str(row.iloc[0]["track"]), int(row.iloc[0]["rank"]), title, year)
    if est is None:
        return None
    return Band(Decimal(str(round(est.low))), Decimal(str(round(est.point))), Decimal(str(round(est.high))),
                est.label)


def place(base: Decimal, currency: str, occupation: str | None, market: pd.DataFrame, level: str = "",
          ladder: pd.DataFrame | None = None) -> Placement:
    """Place an annual base among the occupation's BLS percentiles (USD only), with the band to aim at."""
    if currency != "USD":
        return Placement(occupation, None, None, (), f"not placed: BLS pay is in US dollars and this offer is in "
                                                     f"{currency}", None)
    if not occupation:
        return Placement(None, None, None, (), "not placed: no occupation (set the offer's O*NET-SOC code, or a "
                                               "target role's)", None)
    row = market[market["onet_soc_code"] == occupation]
    if row.empty:
        return Placement(occupation, None, None, (), f"not placed: {occupation} has no BLS pay in the shipped data",
                         None)
    r = row.iloc[0].to_dict()
    points = tuple((p, float(r[f"p{p}"])) for p in PERCENTILES if r.get(f"p{p}") is not None
                   and not pd.isna(r[f"p{p}"]))
    year = None if pd.isna(r["year"]) else int(r["year"])
    pos = pay_percentile(float(base), r)
    notes = []
    if r.get("wage_is_soc_aggregate"):
        notes.append(f"The wages cover the whole group “{r['wage_occ_title']}”, not only this specialty.")
    if r.get("topcoded_fields"):
        notes.append("BLS top-codes the highest wages; those percentiles are left out.")
    known = dict(points)
    band = _level_band(level, ladder, known, str(r["title"]), year) if ladder is not None else None
    if band is not None:
        side = "below" if base < band.low else "above" if base > band.high else "within"
        return Placement(occupation, str(r["title"]), year, points, pos.label if pos else "not placed", band,
                         tuple(notes), True, f"{side} the estimate for {level}")
    if 50 in known and 90 in known:
        mid = known.get(75, (known[50] + known[90]) / 2)
        band = Band(Decimal(str(round(known[50]))), Decimal(str(round(mid))), Decimal(str(round(known[90]))),
                    f"BLS OEWS May {year} {_ordinal(50)}–{_ordinal(90)} percentile of {r['title']} "
                    f"(national, all levels), ${known[50]:,.0f}–${known[90]:,.0f}")
    return Placement(occupation, str(r["title"]), year, points, pos.label if pos else "not placed", band,
                     tuple(notes))
