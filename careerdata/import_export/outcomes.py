"""Wins hidden in free text: which lines of a job description state an outcome, and which
numbers in them could become impact metrics.

People keep their wins in LinkedIn position descriptions, as bullets or as plain sentences.
`outcome_statements` splits a description into lines, and plain lines into sentences, and keeps
those that state an outcome:

* it starts with a verb of achievement in the past tense ("Cut", "Built", "Renegotiated",
  any "...ed" word that is not a duty word like "worked", "assisted", "participated"), or
* it carries a figure (a number, a percentage, an amount of money).

Headings ("Pipelines for retail clients:") and duties ("Responsible for on-call", "Own the
warehouse", "Worked with analysts") are not outcomes. Each statement comes back once, in its
first spelling, without its bullet and trailing full stop.

`suggest_metrics` reads the figures of a statement as suggested impact metrics, for the user
to confirm: "from 6 h to 20 min" (a baseline and a new value, in the second unit), "used by
40 internal teams" (40 teams), "$1.2M a year" (USD per year; "a month" is multiplied by 12),
"by 35%" (a percentage). The category is guessed from the words around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*[•·\-*–▪●◦]\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\u00C0-\u024F])")
_FIGURE = re.compile(r"\d")
_ACHIEVED = {
    "built", "cut", "led", "ran", "grew", "won", "made", "drove", "wrote", "shipped", "saved", "set", "took",
    "brought", "rebuilt", "rewrote", "halved", "doubled", "tripled", "launched", "founded", "owned", "scaled",
    "moved", "mentored", "coached", "hired", "taught", "spoke", "sold", "closed", "kept", "held", "beat",
}
_DUTY = {
    "worked", "used", "based", "assisted", "participated", "involved", "tasked", "responsible", "supported",
    "attended", "joined", "started", "continued", "handled", "followed", "learned", "needed", "required",
}
_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc|approx|incl|vs)\.$", re.IGNORECASE)


def _units(description: str) -> list[str]:
    """Bullet lines whole; plain lines split into sentences."""
    out: list[str] = []
    for raw in description.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _BULLET.match(line):
            out.append(_BULLET.sub("", line))
            continue
        parts = _SENTENCE_END.split(line)
        merged: list[str] = []
        for part in parts:  # "e.g. Kafka" is not the end of a sentence
            if merged and _ABBREVIATION.search(merged[-1]):
                merged[-1] += " " + part
            else:
                merged.append(part)
        out.extend(merged)
    return out


def states_outcome(text: str) -> bool:
    """True when a line or sentence reads as something achieved (see the module docstring)."""
    words = re.findall(r"[^\W\d_][\w'-]*", text)
    if not words or text.rstrip().endswith(":") or len(words) < 3:
        return False
    first = words[0].casefold()
    if first in _DUTY:
        return False
    if first in _ACHIEVED or (first.endswith("ed") and len(first) > 4):
        return True
    return bool(_FIGURE.search(text)) and first not in {"own", "owns", "responsible", "manage", "manages"}


def outcome_statements(description: str) -> list[str]:
    """The outcome-stating lines and sentences of a description, each once, cleaned."""
    seen: dict[str, str] = {}
    for unit in _units(description):
        text = " ".join(unit.split()).rstrip(" .;")
        if states_outcome(text):
            seen.setdefault(text.casefold(), text)
    return list(seen.values())


# --- figures -> suggested metrics -------------------------------------------------------------

_NUM = r"(\d+(?:[.,]\d+)*)"
_TIME_UNITS = {"ms": 0.001 / 60, "s": 1 / 60, "sec": 1 / 60, "secs": 1 / 60, "seconds": 1 / 60, "second": 1 / 60,
               "min": 1.0, "mins": 1.0, "minute": 1.0, "minutes": 1.0, "h": 60.0, "hr": 60.0, "hrs": 60.0,
               "hour": 60.0, "hours": 60.0, "day": 1440.0, "days": 1440.0, "week": 10080.0, "weeks": 10080.0}
_FROM_TO = re.compile(rf"\bfrom\s+{_NUM}\s*([a-zA-Z%]+)?\s+(?:to|down to|up to)\s+{_NUM}\s*([a-zA-Z%]+)?", re.I)
_MONEY = re.compile(r"([$€£])\s?(\d+(?:[.,]\d+)?)\s*([kKmMbB]n?)?\b(?:\s*(?:a|per|/)\s*(year|yr|month|mo|quarter))?")
_PERCENT = re.compile(rf"{_NUM}\s?%")
_COUNT = re.compile(rf"\b(?:by|for|to|across|of)\s+{_NUM}\s+((?:[a-z-]+\s)?[a-z-]+)", re.I)
_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_PER_YEAR = {"year": 1, "yr": 1, "month": 12, "mo": 12, "quarter": 4}
_CATEGORY_WORDS = [
    ("revenue", ("revenue", "sales", "arr", "mrr", "upsell", "deal", "bookings", "conversion")),
    ("reliability", ("incident", "outage", "uptime", "page", "pages", "sev", "error", "errors", "slo", "availability",
                     "downtime", "on-call")),
    ("risk", ("risk", "security", "compliance", "audit", "vulnerab", "gdpr", "sox")),
    ("cost", ("cost", "spend", "saving", "saved", "budget", "contract", "bill", "licen", "cheaper")),
    ("time", ("runtime", "latency", "time", "faster", "minutes", "hours", "build", "deploy", "lead time", "batch")),
    ("users", ("user", "users", "team", "teams", "customer", "customers", "member", "members", "adopt", "client")),
]


@dataclass(frozen=True)
class SuggestedMetric:
    """A figure read from text: the user confirms (or dismisses) it before it counts anywhere."""

    category: str
    description: str
    baseline: float | None = None
    new_value: float | None = None
    unit: str = ""
    money_usd: float | None = None


def _number(text: str) -> float:
    return float(text.replace(",", "")) if text.count(",") and "." not in text else float(text.replace(",", "."))


def guess_category(text: str, default: str = "time") -> str:
    low = text.casefold()
    for category, words in _CATEGORY_WORDS:
        if any(w in low for w in words):
            return category
    return default


def _from_to(match: re.Match, statement: str) -> SuggestedMetric:
    """"from 6 h to 20 min": a baseline and a new value, the baseline converted to the second unit."""
    before, unit_a, after, unit_b = _number(match[1]), (match[2] or ""), _number(match[3]), (match[4] or "")
    unit_a, unit_b = unit_a.casefold(), unit_b.casefold()
    if unit_a in _TIME_UNITS and unit_b in _TIME_UNITS:
        before = round(before * _TIME_UNITS[unit_a] / _TIME_UNITS[unit_b], 4)
    return SuggestedMetric(guess_category(statement), statement, before, after, unit_b or unit_a)


def suggest_metrics(statement: str) -> list[SuggestedMetric]:
    """The figures in one outcome statement as suggested metrics (see the module docstring)."""
    out: list[SuggestedMetric] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match) -> bool:
        return all(match.end() <= a or match.start() >= b for a, b in taken)

    for match in _FROM_TO.finditer(statement):
        out.append(_from_to(match, statement))
        taken.append(match.span())
    for match in _MONEY.finditer(statement):
        if not free(match):
            continue
        amount = _number(match[2]) * _SCALE.get((match[3] or "").casefold(), 1)
        per = _PER_YEAR.get((match[4] or "year").casefold(), 1)
        category = guess_category(statement, "cost")
        if match[1] == "$":
            out.append(SuggestedMetric(category, statement, money_usd=amount * per))
        else:  # not dollars: kept as a value in its currency for the user to convert
            currency = {"€": "EUR", "£": "GBP"}[match[1]]
            out.append(SuggestedMetric(category, statement, new_value=amount * per, unit=f"{currency}/yr"))
        taken.append(match.span())
    for match in _PERCENT.finditer(statement):
        if free(match):
            out.append(SuggestedMetric(guess_category(statement), statement, new_value=_number(match[1]), unit="%"))
            taken.append(match.span())
    for match in _COUNT.finditer(statement):
        if free(match):
            noun = match[2].strip()
            out.append(SuggestedMetric(guess_category(noun + " " + statement, "users"), statement,
                                       new_value=_number(match[1]), unit=noun))
            taken.append(match.span())
    return out
