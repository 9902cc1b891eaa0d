"""The Offers page's reads and analysis as one cached unit (`careerdata.ui.state.read(offers, today)`).

Every figure comes from `comp` (years 1-4), `market` (BLS placement) and `negotiation` (numbers
and script); the charts are built here once per file version, so a rerun is a cache hit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from careerdata.offers import charts, comp, negotiation, queries
from careerdata.offers.market import Placement, place


@dataclass(frozen=True)
class Entry:
    id: int
    comp: comp.OfferComp
    stage: str | None
    conversation_id: int | None
    rehearsals: int
    confidence: int | None  # after the latest rehearsal, 1-5
    placement: Placement
    plan: negotiation.Plan | None  # None for the current job
    script: negotiation.Script | None


@dataclass
class OffersView:
    entries: list[Entry]
    groups: dict[str, list[comp.OfferComp]]  # by currency
    years_charts: dict[str, go.Figure]
    components_charts: dict[str, go.Figure]
    tables: dict[str, pd.DataFrame]
    placement_charts: dict[str, go.Figure]  # by occupation code
    differences: list[comp.Difference]
    opportunities: list[str]  # offer-stage opportunities an offer can belong to
    wins: int  # quantified wins of the last three years (the script's evidence)
    notes: list[str] = field(default_factory=list)

    def entry(self, offer_id: int) -> Entry:
        return next(e for e in self.entries if e.id == offer_id)

    @property
    def current(self) -> Entry | None:
        return next((e for e in self.entries if e.comp.offer.current_job), None)


def year_table(group: list[comp.OfferComp]) -> pd.DataFrame:
    """One row per offer: years 1-4, the 4-year total, a year on average and the difference to staying."""
    current = next((c for c in group if c.offer.current_job), None)
    rows = []
    for c in group:
        cur = c.currency
        vs = "—" if current is None or c is current else comp.signed(c.total_4y - current.total_4y, cur)
        rows.append({"Offer": c.offer.label, "Title": c.offer.title,
                     **{f"Year {y.year}": comp.money(y.total, cur) for y in c.years},
                     "4-year total": comp.money(c.total_4y, cur), "A year on average": comp.money(c.average, cur),
                     "vs staying (4 years)": vs})
    return pd.DataFrame(rows)


def component_table(c: comp.OfferComp) -> pd.DataFrame:
    """Rows: base, bonus, sign-on, equity, refreshers, benefits and the total; columns: years 1-4."""
    cur = c.currency
    rows = [{"": comp.COMPONENT_LABELS[k], **{f"Year {y.year}": comp.money(getattr(y, k), cur) for y in c.years}}
            for k in comp.COMPONENTS]
    rows.append({"": "Total", **{f"Year {y.year}": comp.money(y.total, cur) for y in c.years}})
    return pd.DataFrame(rows)


def offers(con, today: dt.date) -> OffersView:
    stored = queries.offers(con)
    market = queries.market_pay(con)
    fallback = queries.default_occupation(con)
    wins = queries.quantified_wins(con)
    ladder = queries.ladder_levels(con)
    comps = {s.id: comp.compute(s.offer, today) for s in stored}
    everyone = list(comps.values())
    entries = []
    for s in stored:
        c = comps[s.id]
        placement = place(s.offer.base, s.offer.currency, s.occupation or fallback, market, s.offer.level, ladder)
        p = sc = None
        if not s.offer.current_job:
            p = negotiation.plan(c, [x for x in everyone if x is not c], placement.band, wins, today)
            sc = negotiation.script(p, everyone)
        entries.append(Entry(s.id, c, s.stage, s.conversation_id, s.rehearsals, s.confidence, placement, p, sc))
    ordered = comp.compare([s.offer for s in stored], today)
    order = {id(c.offer): n for n, c in enumerate(ordered)}
    entries.sort(key=lambda e: order[id(e.comp.offer)])
    groups = comp.by_currency([e.comp for e in entries])
    by_occ: dict[str, list[Entry]] = {}
    for e in entries:
        if e.placement.points:
            by_occ.setdefault(e.placement.occupation, []).append(e)
    placement_charts = {
        occ: charts.placement_chart([(e.comp.offer.label, float(e.comp.offer.base), e.placement.where,
                                      e.placement.band) for e in es], es[0].placement)
        for occ, es in by_occ.items()}
    return OffersView(
        entries=entries, groups=groups,
        years_charts={cur: charts.years_chart(g) for cur, g in groups.items()},
        components_charts={cur: charts.components_chart(g) for cur, g in groups.items()},
        tables={cur: year_table(g) for cur, g in groups.items()},
        placement_charts=placement_charts, differences=comp.against_current([e.comp for e in entries]),
        opportunities=queries.offer_stage_opportunities(con),
        wins=len(negotiation.best_wins(wins, today, limit=100)))
