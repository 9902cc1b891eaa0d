"""Where an offer's base pay sits in the market: BLS OEWS percentiles of its occupation.

BLS OEWS wages are annual base pay (they leave out equity and non-production bonuses such as a
sign-on), national and across every experience level, in US dollars. So an offer is placed by
its **base**, only when it is in USD, against the percentiles of its occupation (the offer's
O*NET-SOC code, else its opportunity's target role's, else the user's most-used target-role
occupation). Where the base sits: `careerdata.conversations.analytics.pay_percentile`, the same
interpolation the Conversations page uses. The band a negotiation aims base pay at is the BLS
50th-90th percentiles, labelled as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from careerdata.conversations.analytics import PERCENTILES, pay_percentile
from careerdata.offers.negotiation import Band


@dataclass(frozen=True)
class Placement:
    occupation: str | None  # O*NET-SOC code
    title: str | None  # its O*NET title
    year: int | None  # BLS OEWS May <year>
    points: tuple[tuple[int, float], ...]  # published (percentile, annual wage), top-coded ones left out
    where: str  # "about the 92nd percentile" / "above the 90th percentile" / why it is not placed
    band: Band | None
    notes: tuple[str, ...] = ()


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def place(base: Decimal, currency: str, occupation: str | None, market: pd.DataFrame) -> Placement:
    """Place an annual base among the occupation's BLS percentiles (USD only), with the BLS band."""
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
    band = None
    if 50 in known and 90 in known:
        mid = known.get(75, (known[50] + known[90]) / 2)
        band = Band(Decimal(str(round(known[50]))), Decimal(str(round(mid))), Decimal(str(round(known[90]))),
                    f"BLS OEWS May {year} {_ordinal(50)}–{_ordinal(90)} percentile of {r['title']} "
                    f"(national, all levels), ${known[50]:,.0f}–${known[90]:,.0f}")
    return Placement(occupation, str(r["title"]), year, points, pos.label if pos else "not placed", band,
                     tuple(notes))
