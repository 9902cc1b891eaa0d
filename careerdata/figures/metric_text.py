"""An impact metric in words: the one sentence every page, export and pitch uses for a metric.

"p95 latency: 420 → 180 ms, ≈ $50k/yr, verified by Dana"

A metric is stored as numbers and a confidence (careerdata.models.career.ImpactMetric); people read it
as one line. The Journal's metric editor previews exactly the line that the promotion packet, the brag
document, the value ledger and the suggested-metric list show, because all of them call `metric_text`.

The parts, in order, each left out when it has nothing to say:

* what: the description, whitespace collapsed;
* change: "baseline → new unit" ("420 → 180 ms"; a "%" unit sticks to the number: "22% → 6%"); with
  one of the two numbers only, that number ("0.5 s");
* worth: "≈ $50k/yr" and/or "≈ 1,200 h/yr saved" (the stored annualised money and hours; "≈" because
  both are estimates of a year's worth; zero counts as nothing to say);
* proof: "verified by Dana" (a named person confirmed it), "measured" (from a dashboard or data) or
  "own estimate".

The text is plain: callers escape it for the format they write (Markdown, HTML, a Plotly label).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from careerdata.core.money import format_money
from careerdata.core.text import format_number


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except TypeError:  # pandas.NA
        return True


def _text(value) -> str:
    return "" if _missing(value) else " ".join(str(value).split())


def format_metric_number(value) -> str:
    """9800 -> '9,800'; 0.5 -> '0.5'; 1.25 -> '1.25'; 2.0 -> '2'; missing -> '' (core.text.format_number's "?"
    would read as part of the sentence)."""
    return "" if _missing(value) else format_number(value)


def change_text(baseline, new_value, unit) -> str:
    """'420 → 180 ms', '22% → 6%', '180 ms' (one number only), '' (none)."""
    before, after, unit = format_metric_number(baseline), format_metric_number(new_value), _text(unit)
    glue = "" if unit == "%" else " "
    if before and after:
        return f"{before}{glue}{unit} → {after}{glue}{unit}" if unit == "%" else f"{before} → {after}{glue}{unit}".strip()
    one = before or after
    return f"{one}{glue}{unit}".strip() if one else ""


def worth_text(money_usd, hours) -> str:
    """'≈ $50k/yr', '≈ 1,200 h/yr saved', '≈ $50k/yr and 1,200 h/yr saved', or ''."""
    bits = []
    if not _missing(money_usd) and float(money_usd) != 0:
        bits.append(f"{format_money(float(money_usd))}/yr")
    if not _missing(hours) and float(hours) != 0:
        bits.append(f"{format_metric_number(hours)} h/yr saved")
    return ("≈ " + " and ".join(bits)) if bits else ""


def proof_text(confidence, verified_by) -> str:
    """'verified by Dana', 'measured' or 'own estimate' (a 'verified' without a name says 'verified')."""
    confidence = _text(confidence) or "estimated"
    if confidence == "verified":
        who = _text(verified_by)
        return f"verified by {who}" if who else "verified"
    return "measured" if confidence == "measured" else "own estimate"


@dataclass(frozen=True)
class MetricText:
    what: str
    change: str
    worth: str
    proof: str

    @property
    def phrase(self) -> str:
        """What changed and by how much: 'p95 latency: 420 → 180 ms' (just the description without numbers)."""
        if self.what and self.change:
            return f"{self.what}: {self.change}"
        return self.what or self.change

    @property
    def sentence(self) -> str:
        """The whole line: 'p95 latency: 420 → 180 ms, ≈ $50k/yr, verified by Dana'."""
        return ", ".join(p for p in (self.phrase, self.worth, self.proof) if p)


def metric_text(description="", baseline=None, new_value=None, unit="", money_usd=None, hours=None,
                confidence="estimated", verified_by=None) -> MetricText:
    """The parts of a metric's sentence (see the module docstring); any value may be missing (None, NaN)."""
    return MetricText(_text(description), change_text(baseline, new_value, unit), worth_text(money_usd, hours),
                      proof_text(confidence, verified_by))


FIELDS = ("description", "baseline", "new_value", "unit", "money_usd", "hours", "confidence", "verified_by")


def row_text(row: Mapping) -> MetricText:
    """`metric_text` of a mapping with the metric's fields (a frame row, a model dump); absent keys are missing."""
    return metric_text(**{k: row.get(k) for k in FIELDS if k in row})


def metric_sentence(row: Mapping) -> str:
    """The metric's one line, e.g. 'p95 latency: 420 → 180 ms, ≈ $50k/yr, verified by Dana'."""
    return row_text(row).sentence
