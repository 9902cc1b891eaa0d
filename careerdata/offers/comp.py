"""Total compensation year by year (years 1-4), in each offer's own currency. Pure: no database.

For an offer, year y counts from its start date; for the current job, from today.

    total_y = base + bonus + sign_on (year 1 only) + equity_y + refresh_y + benefits

* bonus = base x bonus_pct / 100, or the fixed bonus_amount (the target, every year).
* equity_y = G x (vested(12y + e) - vested(12(y-1) + e)) / 100, where G is the grant's value
  (RSUs: equity_value; options: option_count x max(0, current_price - strike), so options under
  water are worth 0), vested() is the schedule's cumulative percent (see `models.Vesting`) and
  e is 0 for an offer and the whole months the current grant has already vested for the job.
* refresh_y = R x (p_1 + ... + p_(y-1)) shifted: a refresher of value R is granted at the start
  of each year from year 2 and vests on the same yearly percents without a cliff, so
  refresh_y = R x sum_{k=2..y} p_(y-k+1) / 100.
* Base and bonus stay flat (no raises assumed); benefits_value is the user's estimate.
* left behind (current job only) = G x (100 - vested(e)) / 100: the unvested equity you forfeit
  by leaving today.

Every figure is a Decimal rounded to cents (half up) per component; a year's total is the sum
of its rounded components and total_4y the sum of the four years. Offers in different
currencies are never added together or compared as numbers: `by_currency` groups them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from careerdata.models.offers import Offer, Vesting

YEARS = 4
CENT = Decimal("0.01")
COMPONENTS = ("base", "bonus", "sign_on", "equity", "refresh", "benefits")
COMPONENT_LABELS = {"base": "Base", "bonus": "Bonus (target)", "sign_on": "Sign-on", "equity": "Equity vesting",
                    "refresh": "Refreshers", "benefits": "Benefits (your estimate)"}


def cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Year:
    year: int
    base: Decimal
    bonus: Decimal
    sign_on: Decimal
    equity: Decimal
    refresh: Decimal
    benefits: Decimal

    @property
    def total(self) -> Decimal:
        return self.base + self.bonus + self.sign_on + self.equity + self.refresh + self.benefits


@dataclass(frozen=True)
class OfferComp:
    offer: Offer
    years: tuple[Year, ...]
    grant_value: Decimal  # what the equity grant is worth at today's price (options: the spread)
    left_behind: Decimal | None  # current job: unvested equity forfeited by leaving today
    notes: tuple[str, ...] = field(default=())

    @property
    def currency(self) -> str:
        return self.offer.currency

    @property
    def totals(self) -> list[Decimal]:
        return [y.total for y in self.years]

    @property
    def total_4y(self) -> Decimal:
        return sum(self.totals, Decimal(0))

    @property
    def average(self) -> Decimal:
        """Annualised total compensation: total_4y / 4, in cents."""
        return cents(self.total_4y / YEARS)

    def as_dict(self) -> dict:
        """The `offers compare --json` record: amounts in the offer's own currency."""
        return {"company": self.offer.company, "title": self.offer.title, "current_job": self.offer.current_job,
                "currency": self.currency, "years": [number(t) for t in self.totals],
                "total_4y": number(self.total_4y),
                "left_behind": None if self.left_behind is None else number(self.left_behind)}


def number(value: Decimal) -> int | float:
    """A Decimal for JSON: an int when whole, else a float with cents."""
    value = cents(value)
    return int(value) if value == value.to_integral_value() else float(value)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (0 when end is not after start)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    return max(0, months)


def grant_value(offer: Offer) -> Decimal:
    """RSUs: the grant value. Options: option_count x max(0, current_price - strike)."""
    if offer.equity_kind == "rsu":
        return Decimal(offer.equity_value or 0)
    if offer.equity_kind == "options":
        spread = max(Decimal(0), Decimal(offer.current_price) - Decimal(offer.strike))
        return offer.option_count * spread
    return Decimal(0)


def bonus(offer: Offer) -> Decimal:
    if offer.bonus_amount is not None:
        return Decimal(offer.bonus_amount)
    if offer.bonus_pct is not None:
        return Decimal(offer.base) * Decimal(offer.bonus_pct) / 100
    return Decimal(0)


def refresh_in_year(schedule: Vesting, per_year: Decimal, year: int) -> Decimal:
    """refresh_y = R x sum_{k=2..y} p_(y-k+1) / 100 (grants from year 2, no cliff)."""
    pcts = schedule.year_percents
    return sum((per_year * pcts[year - k] / 100 for k in range(2, year + 1) if year - k < len(pcts)), Decimal(0))


def _notes(offer: Offer, schedule: Vesting, elapsed: int) -> list[str]:
    cur = offer.currency
    notes = []
    if offer.sign_on and offer.sign_on_clawback_months:
        notes.append(f"Sign-on {money(offer.sign_on, cur)} is repaid if you leave within "
                     f"{offer.sign_on_clawback_months} months.")
    if offer.equity_kind == "options":
        price, strike = Decimal(offer.current_price), Decimal(offer.strike)
        if price <= strike:
            notes.append(f"Options under water: strike {money(strike, cur, 2)} is at or above the current price "
                         f"{money(price, cur, 2)}, so they are worth {money(0, cur)} today.")
    if offer.equity_kind != "none" and schedule.cliff_months and elapsed < schedule.cliff_months:
        when = "until" if offer.current_job else "for the first"
        notes.append(f"Equity cliff: nothing vests {when} {schedule.cliff_months} months"
                     + (f" (you are {elapsed} months in)." if offer.current_job else "."))
    pcts = schedule.year_percents
    early = sum(pcts[: len(pcts) // 2], Decimal(0))
    if offer.equity_kind != "none" and len(pcts) > 1 and early < 50:
        notes.append(f"Back-loaded vesting ({schedule.text}): only {early.normalize():f}% of the grant vests in the "
                     f"first {len(pcts) // 2} year(s).")
    return notes


def compute(offer: Offer, today: dt.date) -> OfferComp:
    """Years 1-4 of one offer or of the current job (see the module docstring for the formulas)."""
    schedule = offer.schedule
    grant = grant_value(offer)
    elapsed = months_between(offer.start_date, today) if offer.current_job and offer.start_date else 0
    base, bon, benefits = cents(offer.base), cents(bonus(offer)), cents(offer.benefits_value)
    years = []
    for y in range(1, YEARS + 1):
        vested = schedule.vested_percent(elapsed + 12 * y) - schedule.vested_percent(elapsed + 12 * (y - 1))
        years.append(Year(
            year=y, base=base, bonus=bon, sign_on=cents(offer.sign_on) if y == 1 else Decimal("0.00"),
            equity=cents(grant * vested / 100),
            refresh=cents(refresh_in_year(schedule, Decimal(offer.refresh_per_year), y)), benefits=benefits))
    left = cents(grant * (100 - schedule.vested_percent(elapsed)) / 100) if offer.current_job else None
    return OfferComp(offer, tuple(years), cents(grant), left, tuple(_notes(offer, schedule, elapsed)))


def compare(offers: list[Offer], today: dt.date) -> list[OfferComp]:
    """Every offer's years 1-4, the current job first, then offers by annualised total (per currency)."""
    comps = [compute(o, today) for o in offers]
    return sorted(comps, key=lambda c: (not c.offer.current_job, c.currency, -c.average, c.offer.company.casefold()))


def by_currency(comps: list[OfferComp]) -> dict[str, list[OfferComp]]:
    """Groups that may be compared as numbers: one per currency (USD first)."""
    out: dict[str, list[OfferComp]] = {}
    for c in sorted(comps, key=lambda c: (c.currency != "USD", c.currency)):
        out.setdefault(c.currency, []).append(c)
    return out


def money(value, currency: str, places: int = 0) -> str:
    """'$245,000' for USD, 'CAD 245,000' for any other currency: never a bare number."""
    amount = Decimal(value)
    text = f"{abs(amount):,.{places}f}"
    sign = "-" if amount < 0 else ""
    return f"{sign}${text}" if currency == "USD" else f"{sign}{currency} {text}"


def money_short(value, currency: str) -> str:
    """'$1.53M', '$20.8k', 'CAD 412k': for KPI cards (the tables show the exact amount)."""
    amount = abs(Decimal(value))
    sign = "-" if Decimal(value) < 0 else ""
    text = (f"{amount / 1_000_000:.2f}M" if amount >= 1_000_000 else
            f"{amount / 1000:.1f}k" if amount >= 10_000 else f"{amount:,.0f}")
    return f"{sign}${text}" if currency == "USD" else f"{sign}{currency} {text}"


def signed(value, currency: str) -> str:
    """'+$541,167' / '-$12,000': a difference."""
    return ("+" if Decimal(value) >= 0 else "") + money(value, currency)


@dataclass(frozen=True)
class Difference:
    """An offer against the current job, only when both are in the same currency."""

    offer: OfferComp
    versus: OfferComp | None
    delta_4y: Decimal | None  # offer total_4y - current job total_4y
    reason: str


def against_current(comps: list[OfferComp]) -> list[Difference]:
    """What each offer is worth over four years beyond staying.

    delta = offer.total_4y - current.total_4y. The equity you leave behind is already in it:
    staying pays it out (in current.total_4y, as far as it vests in years 1-4), so it is not
    subtracted twice. A different currency gets no delta, and says so.
    """
    current = next((c for c in comps if c.offer.current_job), None)
    out = []
    for c in comps:
        if c.offer.current_job:
            continue
        if current is None:
            out.append(Difference(c, None, None, "add your current job to compare against staying"))
        elif current.currency != c.currency:
            out.append(Difference(c, current, None, f"in {c.currency}, your current job is in {current.currency}: "
                                                    "not compared as numbers (no exchange rate is assumed)"))
        else:
            out.append(Difference(c, current, c.total_4y - current.total_4y, ""))
    return out
