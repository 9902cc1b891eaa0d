"""Hard conversations in numbers: where your pay sits in the public BLS percentiles, the numbers to ask
for, the talking points drawn from your own wins, the common objections and rehearsal readiness.

Pure functions over the frames of `careerdata.conversations.queries`; `today` is always passed in.
Nothing here calls an external service: the talking-point draft is assembled from the user's own
evidence and the public BLS pay percentiles, deterministically.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from careerdata.core.dates import as_date
from careerdata.core.money import format_money, format_money_exact
from careerdata.core.text import name_key
from careerdata.network.analytics import top_wins

PERCENTILES = (10, 25, 50, 75, 90)
TOPCODE_USD = 239_200  # BLS OEWS May 2025: '#' means a wage of at least $239,200 a year
MIN_RAISE = 0.03  # a target below current pay × 1.03 is not worth a hard conversation
DEFAULT_RAISE = 0.05  # when no benchmark sits above your pay
ANCHOR_PREMIUM = 0.06  # open this much above the target


def percentile_points(market: dict | pd.Series | None) -> list[tuple[int, float]]:
    """(percentile, annual wage) pairs that BLS published for the occupation (top-coded ones left out)."""
    if market is None:
        return []
    points = []
    for p in PERCENTILES:
        value = market.get(f"p{p}")
        if value is not None and not pd.isna(value):
            points.append((p, float(value)))
    return points


@dataclass(frozen=True)
class PayPosition:
    percentile: float | None  # None when outside the published range
    label: str


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pay_percentile(amount: float | None, market: dict | pd.Series | None) -> PayPosition | None:
    """Where an annual amount sits among the occupation's BLS percentiles.

    Linear interpolation between the two published percentiles around it:
    pct = p_lo + (p_hi − p_lo) × (amount − wage_lo) / (wage_hi − wage_lo).
    Below the lowest published percentile or above the highest, it says so instead.
    """
    points = percentile_points(market)
    if amount is None or pd.isna(amount) or not points:
        return None
    lo_p, lo_w = points[0]
    hi_p, hi_w = points[-1]
    if amount < lo_w:
        return PayPosition(None, f"below the {_ordinal(lo_p)} percentile")
    if amount > hi_w:
        return PayPosition(None, f"above the {_ordinal(hi_p)} percentile")
    for (p1, w1), (p2, w2) in zip(points, points[1:], strict=False):
        if w1 <= amount <= w2:
            pct = p1 if w2 == w1 else p1 + (p2 - p1) * (amount - w1) / (w2 - w1)
            return PayPosition(pct, f"about the {_ordinal(round(pct))} percentile")
    return PayPosition(float(lo_p), f"about the {_ordinal(lo_p)} percentile")


def _ceil_k(x: float) -> float:
    return float(math.ceil(round(x, 2) / 1000) * 1000)


def _floor_k(x: float) -> float:
    return float(math.floor(round(x, 2) / 1000) * 1000)


@dataclass(frozen=True)
class Numbers:
    anchor: float
    target: float
    walk_away: float
    basis: str


def suggest_numbers(current_pay: float | None, market: dict | pd.Series | None,
                    pay_point_amounts: list[float]) -> Numbers | None:
    """Suggested anchor, target and walk-away for a pay conversation.

    With current pay c: candidates = the BLS percentiles and your own pay data points that are at
    least c × 1.03; target = the lowest candidate rounded up to $1,000 (or c × 1.05 when none);
    anchor = target × 1.06 rounded up to $1,000; walk-away = c + (target − c) / 2 rounded down
    to $1,000. Without current pay: target = the 75th percentile, walk-away = the median.
    None when neither current pay nor BLS percentiles are known.
    """
    points = dict(percentile_points(market))
    own = [float(a) for a in pay_point_amounts if a is not None and not pd.isna(a)]
    if current_pay:
        c = float(current_pay)
        floor = c * (1 + MIN_RAISE)
        candidates = [w for w in [*points.values(), *own] if w >= floor]
        if candidates:
            best = min(candidates)
            source = next((f"the BLS {_ordinal(p)} percentile" for p, w in points.items() if w == best),
                          "your own pay data point")
            target = _ceil_k(best)
            basis = f"target = {source} ({format_money_exact(best)}), the lowest benchmark at least 3% above your pay"
        else:
            target = _ceil_k(c * (1 + DEFAULT_RAISE))
            basis = "no benchmark sits 3% or more above your pay, so target = your pay + 5%"
        return Numbers(anchor=_ceil_k(target * (1 + ANCHOR_PREMIUM)), target=target,
                       walk_away=_floor_k(c + (target - c) / 2), basis=basis)
    if 75 in points and 50 in points:
        target = _ceil_k(points[75])
        return Numbers(anchor=_ceil_k(target * (1 + ANCHOR_PREMIUM)), target=target, walk_away=_floor_k(points[50]),
                       basis="no current pay in your profile, so target = the BLS 75th percentile, "
                             "walk-away = the median")
    return None


def pay_comparison(market: dict | pd.Series | None, current_pay: float | None, numbers: dict[str, float | None],
                   pay_points: pd.DataFrame) -> pd.DataFrame:
    """The rows of the pay chart: BLS percentiles (market), your pay data points and your numbers.

    Columns: group (the chart row), label, amount, source ("market" or "yours"), detail.
    """
    rows = []
    for p, w in percentile_points(market):
        rows.append(("BLS percentiles", "Median" if p == 50 else f"{_ordinal(p)} pct", w, "market",
                     f"{_ordinal(p)} percentile of {market.get('title', '')}"))
    if not pay_points.empty:
        for r in pay_points.itertuples():
            when = as_date(r.as_of)
            rows.append(("Your pay data points", str(r.kind).replace("_", " "), float(r.amount), "yours",
                         f"{r.role} · {str(r.kind).replace('_', ' ')} · {when:%b %Y}" if when else str(r.role)))
    if current_pay:
        rows.append(("Your numbers", "Current pay", float(current_pay), "yours", "your current base pay (profile)"))
    for key, label in (("walk_away", "Walk-away"), ("target", "Target"), ("anchor", "Anchor")):
        value = numbers.get(key)
        if value is not None and not pd.isna(value):
            rows.append(("Your numbers", label, float(value), "yours", f"your {label.lower()}"))
    return pd.DataFrame(rows, columns=["group", "label", "amount", "source", "detail"])


COMMON_OBJECTIONS: dict[str, list[str]] = {
    "raise": [
        "The budget for this cycle is already fixed.",
        "Pay is only set at the annual review.",
        "Market data from elsewhere doesn't apply to our company.",
        "Let's revisit this after your next review.",
    ],
    "promotion": [
        "You're not ready yet: show it for longer.",
        "There are only a few promotion slots this cycle.",
        "Most of your impact is inside your own team.",
        "I haven't seen you operate at the next level.",
    ],
    "scope": [
        "That belongs to another team.",
        "It will pull you away from your current work.",
        "It's too early to decide who owns that.",
    ],
    "on_call": [
        "Every team carries the same on-call load.",
        "We can't spare the time to fix alerts.",
        "Other teams won't want to join the rotation.",
    ],
    "other": [
        "Now isn't a good time.",
        "What exactly are you asking me to do?",
    ],
}


# How a sentence names a conversation of each kind ("Objections people often raise in a raise conversation").
CONVERSATION_PHRASES = {
    "raise": "a raise conversation",
    "promotion": "a promotion conversation",
    "scope": "a conversation about more scope",
    "on_call": "a conversation about on-call load",
    "other": "any hard conversation",
}


def conversation_phrase(kind: str) -> str:
    """'a raise conversation', 'a conversation about on-call load', 'any hard conversation' (other kinds)."""
    return CONVERSATION_PHRASES.get(kind, CONVERSATION_PHRASES["other"])


DEFAULT_ASK = {
    "raise": "Ask for a pay adjustment",
    "promotion": "Ask to be put forward for promotion",
    "scope": "Ask for the larger scope",
    "on_call": "Ask for a fairer on-call load",
    "other": "Make the ask",
}


EVIDENCE_YEARS = 3
EVIDENCE_WINS = 3


def _win_line(win, counterpart: str | None, heard: set[int]) -> str:
    money = win.money_usd if win.money_usd and not pd.isna(win.money_usd) else None
    proof = f"{format_money(money)} a year (your estimate)" if money else (
        f"{int(win.metrics)} impact metric(s)" if win.metrics else "no metric yet")
    done = as_date(win.done_on)
    line = f"- **{win.title}** ({done:%b %Y}): {proof}." if done else f"- **{win.title}**: {proof}."
    if counterpart:
        line += " Already heard it." if win.id in heard else f" New to {counterpart}: lead with it."
    return line


def draft_talking_points(
    conversation: dict,
    wins: pd.DataFrame,
    today: dt.date,
    *,
    heard: set[int] | None = None,
    market: dict | pd.Series | None = None,
    current_pay: float | None = None,
    pay_points: pd.DataFrame | None = None,
    numbers: Numbers | None = None,
    level_expectation: tuple[str, str] | None = None,
) -> str:
    """Talking points in Markdown, assembled from your data only (same input, same text).

    Sections: the ask (the goal, or a default per kind); evidence (your top wins of the last
    three years by annualised money, then metrics, marked new or already heard by the
    counterpart, from logged interactions); for promotions, the target level's influence
    expectation; for raises (or when numbers are set), the BLS percentiles, where your current
    pay and target sit among them, your own pay data points, and anchor / target / walk-away
    (your own numbers, else the suggested ones, labelled so); and a close.
    """
    heard = heard or set()
    counterpart = conversation.get("counterpart") or None
    kind = conversation.get("kind", "other")
    lines: list[str] = []
    goal = (conversation.get("goal") or "").strip()
    lines.append(f"**The ask:** {goal if goal else DEFAULT_ASK.get(kind, DEFAULT_ASK['other']) + '.'}")

    best = top_wins(wins, today, years=EVIDENCE_YEARS, limit=EVIDENCE_WINS)
    lines.append("")
    if best.empty:
        lines.append("**Evidence:** no accomplishments in the last three years yet. Log your wins with their "
                     "impact in the Journal first.")
    else:
        lines.append(f"**Evidence** (your top {len(best)} wins of the last {EVIDENCE_YEARS} years):")
        lines.extend(_win_line(w, counterpart, heard) for w in best.itertuples())

    if kind == "promotion" and level_expectation:
        label, text = level_expectation
        lines.append("")
        lines.append(f"**What {label} expects** (your ladder, influence): {text}")

    own = {k: conversation.get(k) for k in ("anchor", "target", "walk_away")}
    has_own = any(v is not None and not pd.isna(v) for v in own.values())
    points = percentile_points(market)
    if (kind == "raise" or has_own) and (points or current_pay or has_own):
        lines.append("")
        if points:
            year = market.get("year")
            title = market.get("title")
            lines.append(f"**Market** (BLS OEWS May {year}, {title}, national, all experience levels):")
            lines.append("- " + "; ".join(
                f"{'median' if p == 50 else _ordinal(p) + ' percentile'} {format_money_exact(w)}" for p, w in points)
                + ".")
            if market.get("topcoded_fields"):
                lines.append(f"- BLS top-codes the highest wages: the percentile(s) left out are at least "
                             f"{format_money_exact(TOPCODE_USD)}.")
            if market.get("wage_is_soc_aggregate"):
                lines.append(f"- These wages cover the whole group '{market.get('wage_occ_title')}', not only this "
                             "specialty.")
        else:
            lines.append("**Market:** no BLS percentiles for this occupation.")
        if current_pay:
            where = pay_percentile(current_pay, market)
            tail = f", {where.label} for this occupation" if where else ""
            lines.append(f"- Your current pay: {format_money_exact(current_pay)}{tail}.")
        if pay_points is not None and not pay_points.empty:
            quoted = "; ".join(
                f"{format_money_exact(r.amount)} ({str(r.kind).replace('_', ' ')}, {r.role}, {as_date(r.as_of):%b %Y})"
                for r in pay_points.itertuples())
            lines.append(f"- Pay data points you collected: {quoted}.")
        if points:
            lines.append("- BLS covers every experience level nationally and leaves out bonus and equity: "
                         "use it as a floor, not the local market.")
        nums = own if has_own else (
            {"anchor": numbers.anchor, "target": numbers.target, "walk_away": numbers.walk_away} if numbers else {})
        if nums and any(v is not None and not pd.isna(v) for v in nums.values()):
            whose = "Your numbers" if has_own else "Suggested numbers (edit them in Numbers)"
            parts = []
            if nums.get("anchor") is not None and not pd.isna(nums.get("anchor")):
                parts.append(f"open at {format_money_exact(nums['anchor'])} (anchor)")
            if nums.get("target") is not None and not pd.isna(nums.get("target")):
                target = nums["target"]
                where = pay_percentile(target, market)
                parts.append(f"aim for {format_money_exact(target)} (target" + (f", {where.label}" if where else "")
                             + ")")
            if nums.get("walk_away") is not None and not pd.isna(nums.get("walk_away")):
                parts.append(f"do not settle below {format_money_exact(nums['walk_away'])} (walk-away)")
            lines.append("")
            lines.append(f"**{whose}:** " + ", ".join(parts) + ".")
            if not has_own and numbers:
                lines.append(f"- How they were suggested: {numbers.basis}.")

    lines.append("")
    lines.append("**Close:** make the ask, give the proof, then stop talking. Agree the next step and a date.")
    return "\n".join(lines)


def missing_common_objections(kind: str, existing: list[str]) -> list[str]:
    """The common objections for this kind of conversation that have no card yet."""
    have = {name_key(o) for o in existing}
    return [o for o in COMMON_OBJECTIONS.get(kind, COMMON_OBJECTIONS["other"]) if name_key(o) not in have]


def default_occupation(saved: str | None, role_occupations: list[str], market_codes: list[str]) -> str | None:
    """The occupation a conversation quotes: the saved one, else the one most of your target roles
    map to, else Software Developers (15-1252.00), else the first with pay data."""
    for code in [saved, *role_occupations, "15-1252.00"]:
        if code and code in market_codes:
            return code
    return market_codes[0] if market_codes else None


@dataclass(frozen=True)
class Readiness:
    rehearsals: int
    first_before: int | None
    latest_after: int | None
    objections: int
    answered: int

    @property
    def gain(self) -> int | None:
        """latest confidence after − first confidence before (1-5 scale)."""
        if self.first_before is None or self.latest_after is None:
            return None
        return self.latest_after - self.first_before


def readiness(rehearsals: pd.DataFrame, objections: pd.DataFrame) -> Readiness:
    """Rehearsal count, first 'before' and latest 'after' confidence, and objection cards answered
    (an answer that is not blank)."""
    answered = int(objections["answer"].fillna("").str.strip().ne("").sum()) if not objections.empty else 0
    if rehearsals.empty:
        return Readiness(0, None, None, len(objections), answered)
    ordered = rehearsals.sort_values(["date", "id"]) if "id" in rehearsals else rehearsals.sort_values("date")
    return Readiness(len(ordered), int(ordered.iloc[0]["confidence_before"]), int(ordered.iloc[-1]["confidence_after"]),
                     len(objections), answered)


def next_conversation(convs: pd.DataFrame, today: dt.date) -> dict | None:
    """The soonest planned or rehearsing conversation dated today or later (else one without a date)."""
    if convs.empty:
        return None
    live = convs[convs["status"].isin(["planned", "rehearsing"])]
    dates = [as_date(d) for d in live["planned_for"]]
    upcoming = [(d, i) for d, i in zip(dates, live.index, strict=True) if d is not None and d >= today]
    if upcoming:
        return live.loc[min(upcoming)[1]].to_dict()
    undated = [i for d, i in zip(dates, live.index, strict=True) if d is None]
    return live.loc[undated[0]].to_dict() if undated else None


def pay_finding(market: dict | pd.Series | None, current_pay: float | None, target: float | None) -> str:
    """The pay chart's title: where your target (else your current pay) sits among the BLS percentiles."""
    if market is None:
        return "Your pay numbers"
    where_to = f"for {market.get('title')} (BLS, May {market.get('year')})"
    for label, amount in (("Your target of", target), ("Your current pay of", current_pay)):
        if amount is not None and not pd.isna(amount):
            pos = pay_percentile(amount, market)
            if pos:
                return f"{label} {format_money(amount)} is {pos.label} {where_to}"
    median = market.get("p50")
    if median is not None and not pd.isna(median):
        return f"The median {where_to} is {format_money(median)}"
    return f"Pay percentiles {where_to}"
