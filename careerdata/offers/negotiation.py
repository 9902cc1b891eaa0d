"""The negotiation of one offer: anchor, target and walk-away with the reasoning, and a script.

Numbers are annualised total compensation (a comp's 4-year total / 4) in the offer's own
currency; other offers in another currency are never used as numbers.

* walk-away = your best alternative in the same currency: the highest annualised total of the
  current job and the other offers, rounded up to 1,000. Without any, the offer as it stands.
* market lift (USD offers with a BLS occupation only): your evidence picks a point of the market
  band for base pay. Three or more quantified wins in the last three years: the top of the band;
  one or two: its middle; none: its bottom. The band is the level estimate for the offer's level
  where one exists, else the BLS 50th-90th percentiles. lift = max(0, goal - base) x (1 + bonus%).
* target = the largest of: the offer + market lift, the best competing offer, the offer x 1.05
  (there is nearly always 5% of room) and the walk-away; rounded up to 1,000.
* anchor = target x (1 + 6%), rounded up to 1,000 (the same premium as pay conversations).

How a yearly gap (anchor or target - offer) is asked for (`split`): base first, up to the top of
the band (or 10% of base without a band), the rest as equity over four years (4 x the yearly
rest) or, if equity is off the table, as a sign-on of the same size. Base numbers for the saved conversation follow: target
base = base + the base part; anchor base = target base x 1.06; walk-away base = the base that
brings the offer to the walk-away (at least the base offered), never above the target base.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from careerdata.figures.metric_text import metric_text
from careerdata.models import career as m
from careerdata.offers.comp import OfferComp, money

ANCHOR_PREMIUM = Decimal("0.06")
MIN_ASK = Decimal("0.05")
BASE_ROOM_WITHOUT_BAND = Decimal("0.10")
EVIDENCE_YEARS = 3
STRONG_EVIDENCE = 3


@dataclass(frozen=True)
class Band:
    """A base-pay band (annual, USD) and what it is: a level estimate or BLS percentiles."""

    low: Decimal
    mid: Decimal
    high: Decimal
    label: str  # "Estimate for L6: 75th–90th percentile of Software Developers (BLS OEWS May 2025)"


@dataclass(frozen=True)
class Plan:
    offer: OfferComp
    anchor: Decimal
    target: Decimal
    walk_away: Decimal
    reasoning: tuple[str, ...]
    base_room: Decimal  # yearly total compensation that base can still add (to the band top, bonus included)
    base_numbers: tuple[Decimal, Decimal, Decimal] | None  # (anchor, target, walk-away) base pay, USD only
    wins: tuple[str, ...] = field(default=())


def ceil_k(x: Decimal) -> Decimal:
    return Decimal(math.ceil(Decimal(x) / 1000)) * 1000


def floor_k(x: Decimal) -> Decimal:
    return Decimal(math.floor(Decimal(x) / 1000)) * 1000


def _date(value) -> dt.date | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    return value.date() if isinstance(value, (pd.Timestamp, dt.datetime)) else value


def best_wins(wins: pd.DataFrame, today: dt.date, limit: int = 3) -> pd.DataFrame:
    """Quantified wins of the last three years, by money (your estimate), then metrics, then most recent."""
    if wins.empty:
        return wins
    start = today - dt.timedelta(days=round(365.25 * EVIDENCE_YEARS))
    done = [_date(d) for d in wins["done_on"]]
    recent = wins[[d is not None and start <= d <= today for d in done]]
    recent = recent.assign(_money=recent["money_usd"].fillna(0.0), _done=[_date(d) for d in recent["done_on"]])
    recent = recent.sort_values(["_money", "metrics", "_done"], ascending=[False, False, False])
    return recent.drop(columns=["_money", "_done"]).head(limit).reset_index(drop=True)


def win_line(w) -> str:
    """'Cut AWS spend 31% — Monthly spend: 410,000 → 283,000 USD (about $1.5M a year, my estimate)': the win,
    its strongest metric as the one metric phrase (careerdata.figures.metric_text) and the win's money."""
    text = str(w.title)
    description = w.description if isinstance(w.description, str) else ""
    phrase = metric_text(description, w.baseline, w.new_value, w.unit if isinstance(w.unit, str) else "").phrase
    if phrase:
        text += f" — {phrase}"
    if w.money_usd and not pd.isna(w.money_usd):
        text += f" (about {money(Decimal(str(round(float(w.money_usd)))), 'USD')} a year, my estimate)"
    return text


def plan(target: OfferComp, others: list[OfferComp], band: Band | None, wins: pd.DataFrame,
         today: dt.date) -> Plan:
    """Anchor, target and walk-away for `target`, with every step of the reasoning in words."""
    o, cur = target.offer, target.currency
    avg = target.average
    why: list[str] = [f"The offer as it stands: {money(avg, cur)} a year (its 4-year total "
                      f"{money(target.total_4y, cur)} / 4)."]
    same = [c for c in others if c.currency == cur and c is not target]
    skipped = sorted({c.currency for c in others if c.currency != cur})
    if skipped:
        why.append(f"Not used as numbers: alternatives in {', '.join(skipped)} (no exchange rate is assumed).")
    best_alt = max(same, key=lambda c: c.average, default=None)
    if best_alt is not None:
        walk = ceil_k(best_alt.average)
        who = "staying in your current job" if best_alt.offer.current_job else f"the {best_alt.offer.company} offer"
        why.append(f"Walk-away {money(walk, cur)}: your best alternative is {who} at {money(best_alt.average, cur)} "
                   "a year; below that, you are better off taking it.")
    else:
        walk = floor_k(avg)
        why.append(f"Walk-away {money(walk, cur)}: no alternative in {cur} on file, so the offer as it stands.")
    competing = max((c for c in same if not c.offer.current_job), key=lambda c: c.average, default=None)

    best = best_wins(wins, today)
    n_wins = len(best)
    pct = Decimal(o.bonus_pct or 0) / 100
    lift = Decimal(0)
    if band is not None:
        goal, where = ((band.high, "top") if n_wins >= STRONG_EVIDENCE else
                       (band.mid, "middle") if n_wins else (band.low, "bottom"))
        lift = max(Decimal(0), goal - Decimal(o.base)) * (1 + pct)
        evidence = (f"{n_wins} quantified win{'s' if n_wins != 1 else ''} in the last {EVIDENCE_YEARS} years"
                    if n_wins else "no quantified wins in the last three years yet")
        gain = (f"{money(lift, cur)} a year more than offered" + (" (bonus included)." if pct else ".")) if lift \
            else f"the base offered ({money(o.base, cur)}) is already there."
        why.append(f"Market: {band.label}. With {evidence}, aim base at the {where} of the band, "
                   f"{money(goal, 'USD')}: {gain}")
    elif cur != "USD":
        why.append(f"Market: BLS pay percentiles are US dollars, so they are not applied to a {cur} offer.")
    else:
        why.append("Market: no BLS occupation for this offer (set one on the offer), so no market band.")
    candidates = {"the offer plus the market lift": avg + lift, "5% above the offer": avg * (1 + MIN_ASK),
                  "your walk-away": Decimal(walk)}
    if competing is not None:
        candidates[f"the {competing.offer.company} offer"] = competing.average
    source, top = max(candidates.items(), key=lambda kv: kv[1])
    goal_tc = ceil_k(top)
    why.append(f"Target {money(goal_tc, cur)}: the highest of "
               + "; ".join(f"{k} {money(v, cur)}" for k, v in candidates.items()) + f" (here: {source}).")
    anchor = ceil_k(goal_tc * (1 + ANCHOR_PREMIUM))
    why.append(f"Anchor {money(anchor, cur)}: the target + 6%, so there is room to come down to it.")

    room = ((band.high - Decimal(o.base)) if band is not None else Decimal(o.base) * BASE_ROOM_WITHOUT_BAND)
    room = max(Decimal(0), room) * (1 + pct)
    gap = max(Decimal(0), goal_tc - avg)
    base_part, equity_part = split(gap, room)
    why.append(f"The gap to the target, {money(gap, cur)} a year: {money(base_part, cur)} of it as base"
               + (" (base only up to the top of the band)" if band is not None else " (base only up to 10% more)")
               + (f", the rest as {money(equity_part * 4, cur)} more equity over four years." if equity_part else "."))
    base_numbers = None
    if cur == "USD":
        t_base = ceil_k(Decimal(o.base) + base_part / (1 + pct))
        w_base = min(t_base, ceil_k(Decimal(o.base) + max(Decimal(0), walk - avg) / (1 + pct)))
        base_numbers = (ceil_k(t_base * (1 + ANCHOR_PREMIUM)), t_base, max(w_base, floor_k(Decimal(o.base))))
    return Plan(target, anchor, goal_tc, Decimal(walk), tuple(why), room, base_numbers,
                tuple(win_line(w) for w in best.itertuples()))


def split(gap: Decimal, room: Decimal) -> tuple[Decimal, Decimal]:
    """(yearly part asked as base, yearly part asked as equity): base first, up to `room`."""
    base_part = min(gap, room)
    return base_part, gap - base_part


@dataclass(frozen=True)
class Script:
    opening: str
    ask: str
    objections: tuple[tuple[str, str], ...]
    dont_say: tuple[str, ...]

    def as_text(self) -> str:
        lines = ["Opening", self.opening, "", "The ask", self.ask, "", "Objections"]
        for q, a in self.objections:
            lines += [f"- \"{q}\"", f"  {a}"]
        lines += ["", "What not to say"] + [f"- {d}" for d in self.dont_say]
        return "\n".join(lines)


def script(p: Plan, others: list[OfferComp]) -> Script:
    """The words, from the user's own wins and the plan's numbers (same data, same text)."""
    c, o, cur = p.offer, p.offer.offer, p.offer.currency
    proof = "; ".join(p.wins[:3])
    opening = (f"Thank you for the offer. I'm excited about the {o.title} role at {o.company} and I want to make it "
               "work. Before I sign, I'd like to go through the package. "
               + (f"Here is what I will bring, from the last three years: {proof}. " if proof else "")
               + "That is the level of impact I'm planning to deliver for you.")
    base_part, equity_part = split(max(Decimal(0), p.anchor - c.average), p.base_room)
    parts = []
    if base_part:
        new_base = Decimal(o.base) + base_part / (1 + Decimal(o.bonus_pct or 0) / 100)
        parts.append(f"a base of {money(ceil_k(new_base), cur)}")
    if equity_part:
        parts.append(f"{money(ceil_k(equity_part * 4), cur)} more in equity over four years")
    ask = (f"I'm looking for total compensation of about {money(p.anchor, cur)} a year"
           + (f": {' and '.join(parts)}, with the rest of the offer as it is." if parts else ".")
           + " If you can get there, I'm ready to accept.")
    competing = [x for x in others if not x.offer.current_job and x is not c]
    current = next((x for x in others if x.offer.current_job), None)
    gap = max(Decimal(0), p.target - c.average)
    objections = [
        ("That's the top of the band.",
         f"I understand base is capped. Then let's close the gap of {money(gap, cur)} a year another way: "
         f"{money(gap * 4, cur)} more equity over four years, or a sign-on of {money(gap * 4, cur)}."),
        ("We don't negotiate equity.",
         f"Then base and sign-on: a sign-on of {money(gap * 4, cur)}"
         + (f" also covers the {money(current.left_behind, current.currency)} of unvested equity I leave behind."
            if current is not None and current.left_behind and current.currency == cur else ".")),
        ("We need your answer by Friday.",
         "I want to say yes. Send the revised offer in writing and I'll answer within two working days of getting it."),
        ("What are you earning now?",
         "I'd rather focus on what this role is worth: the market for it and what I'll deliver. "
         f"The number I'm looking for is {money(p.anchor, cur)} a year in total."),
    ]
    same_cur = [x for x in competing if x.currency == cur]
    if same_cur:
        best = max(same_cur, key=lambda x: x.average)
        objections.append(("Your other offer isn't comparable.",
                           f"Over four years it comes to {money(best.total_4y, cur)}, {money(best.average, cur)} a "
                           "year with its vesting and refreshers counted the same way as yours. I'd rather join you; "
                           "help me make the numbers work."))
    if any("Back-loaded" in n for n in c.notes):
        first = c.years[0].equity
        objections.append(("Our equity will be worth far more than that.",
                           f"I value it at today's price. It vests {o.vesting}, so year 1 brings only "
                           f"{money(first, cur)} of it; a larger sign-on or front-loaded refreshers would even that out."))
    dont = [
        "Don't name your current pay or a range first: the bottom of a range becomes the offer.",
        f"Don't reveal your walk-away ({money(p.walk_away, cur)}).",
        "Don't accept or decline on the call: \"Thank you, let me look at it in writing.\"",
        "Don't bluff about an offer you don't have; quote only numbers you can show.",
        "Don't justify the ask with personal costs (rent, a mortgage); use the market and your results.",
        "Don't apologise for asking, and stop talking after the number.",
    ]
    return Script(opening, ask, tuple(objections), tuple(dont))


def conversation(p: Plan, s: Script, today: dt.date) -> m.Conversation:
    """The conversation to rehearse in Conversations: the script as talking points, the cards as objections."""
    o, cur = p.offer.offer, p.offer.currency
    points = "\n".join(["Numbers (annualised total compensation, " + cur + "):",
                        f"- Open at {money(p.anchor, cur)}, aim for {money(p.target, cur)}, walk away below "
                        f"{money(p.walk_away, cur)}.", "", "Why these numbers:"]
                       + [f"- {r}" for r in p.reasoning] + ["", s.as_text()])
    anchor = target = walk = None
    if p.base_numbers is not None:
        anchor, target, walk = (float(x) for x in p.base_numbers)
    return m.Conversation(
        title=f"Negotiate the {o.company} offer"[:200], kind="other", planned_for=today,
        goal=f"Reach {money(p.target, cur)} a year in total compensation for {o.title} at {o.company}; "
             f"walk away below {money(p.walk_away, cur)}.",
        talking_points=points[:10_000], anchor=anchor, target=target, walk_away=walk, status="rehearsing",
        objections=[m.Objection(objection=q, answer=a) for q, a in s.objections])
