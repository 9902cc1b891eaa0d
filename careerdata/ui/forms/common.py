"""Pure helpers behind the data-entry forms: editor tables to models, errors to field labels.

Kept free of Streamlit so the conversions a user depends on (an empty editor row is not a
metric; a blank cell is "unknown", not zero) are unit-tested.
"""

from __future__ import annotations

import math
import re

import pandas as pd
from pydantic import ValidationError

from careerdata.models import career as m

METRIC_COLUMNS = ["category", "description", "baseline", "new_value", "unit", "money_usd", "hours", "confidence",
                  "verified_by"]

FIELD_LABELS = {
    "title": "Title",
    "start_date": "Start date",
    "end_date": "End date",
    "employer": "Employer",
    "scope": "Scope",
    "situation": "Situation",
    "task": "Task",
    "action": "Action",
    "result": "Result",
    "skills": "Skills",
    "competencies": "Competencies",
    "links": "Links",
    "metrics": "Impact metric",
    "category": "Category",
    "description": "What changed",
    "baseline": "Baseline",
    "new_value": "New value",
    "unit": "Unit",
    "money_usd": "Money (USD/yr)",
    "hours": "Hours saved/yr",
    "confidence": "Confidence",
    "verified_by": "Verified by",
    "name": "Name",
    "kind": "Kind",
    "taxonomy_id": "Taxonomy id",
    "self_level": "Level",
    "as_of": "As of",
    "skill": "Skill",
    "contact": "Contact",
    "date": "Date",
    "channel": "Channel",
    "follow_up_due": "Follow-up due",
    "relationship": "Relationship",
    "influence": "Influence",
    "advocacy_stage": "Advocacy stage",
    "cadence_days": "Keep-in-touch cadence (days)",
    "current_title": "Current title",
    "current_level": "Current level",
    "current_pay": "Current pay",
    "headline": "Headline",
    "review_cycle_start": "Review cycle start",
    "review_cycle_end": "Review cycle end",
    "reach": "Reach",
    "venue": "Venue",
    "url": "Link",
}


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def metrics_frame(metrics: list[m.ImpactMetric]) -> pd.DataFrame:
    """The editable table for an accomplishment's metrics (one empty table when there are none)."""
    rows = [metric.model_dump() for metric in metrics]
    frame = pd.DataFrame(rows, columns=METRIC_COLUMNS)
    for col in ("baseline", "new_value", "money_usd", "hours"):
        frame[col] = pd.to_numeric(frame[col]).astype("float64")
    for col in ("category", "description", "unit", "confidence", "verified_by"):
        frame[col] = frame[col].astype("object")
    return frame


def metric_rows(frame: pd.DataFrame) -> list[dict]:
    """Editor rows to metric dicts; rows left entirely blank are dropped, blanks become None."""
    rows = []
    for record in frame.to_dict("records"):
        cleaned = {k: _clean(record.get(k)) for k in METRIC_COLUMNS}
        if all(v is None for v in cleaned.values()):
            continue
        if cleaned["confidence"] is None:
            cleaned["confidence"] = "estimated"
        if cleaned["unit"] is None:
            cleaned["unit"] = ""
        rows.append(cleaned)
    return rows


def lines(text: str | None) -> list[str]:
    """One entry per non-empty line (links in a text area)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def field_label(loc: tuple) -> str:
    """('metrics', 0, 'verified_by') -> 'Impact metric 1 › Verified by'."""
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            if parts:
                parts[-1] = f"{parts[-1]} {part + 1}"
        else:
            parts.append(FIELD_LABELS.get(str(part), str(part).replace("_", " ").capitalize()))
    return " › ".join(parts)


def friendly_errors(err: ValidationError) -> list[str]:
    """One message per problem, naming the field as the form labels it."""
    out = []
    for item in err.errors():
        msg = re.sub(r"^Value error, ", "", item["msg"])
        label = field_label(tuple(item["loc"]))
        out.append(f"{label}: {msg}" if label else msg[:1].upper() + msg[1:])
    return out


REQUIREMENT_COLUMNS = ["skill", "importance", "required_level", "must_have"]
PAY_POINT_COLUMNS = ["amount", "kind", "as_of", "note"]


def requirements_frame(skills: list[m.TargetRoleSkill]) -> pd.DataFrame:
    frame = pd.DataFrame([s.model_dump() for s in skills], columns=REQUIREMENT_COLUMNS)
    return frame.astype({"skill": "object", "importance": "Int64", "required_level": "Int64", "must_have": "bool"})


def requirement_rows(frame: pd.DataFrame) -> list[dict]:
    """Editor rows to required-skill dicts; blank rows dropped, a blank flag means not a must-have."""
    rows = []
    for record in frame.to_dict("records"):
        cleaned = {k: _clean(record.get(k)) for k in REQUIREMENT_COLUMNS}
        if cleaned["skill"] is None and cleaned["importance"] is None and cleaned["required_level"] is None:
            continue
        cleaned["must_have"] = bool(cleaned["must_have"])
        rows.append({k: v for k, v in cleaned.items() if v is not None})
    return rows


def pay_points_frame(points: list[m.PayPoint]) -> pd.DataFrame:
    frame = pd.DataFrame([p.model_dump() for p in points], columns=PAY_POINT_COLUMNS)
    frame["amount"] = pd.to_numeric(frame["amount"]).astype("float64")
    frame["as_of"] = pd.to_datetime(frame["as_of"])
    return frame.astype({"kind": "object", "note": "object"})


def pay_point_rows(frame: pd.DataFrame) -> list[dict]:
    rows = []
    for record in frame.to_dict("records"):
        cleaned = {k: _clean(record.get(k)) for k in PAY_POINT_COLUMNS}
        if all(v is None for v in cleaned.values()):
            continue
        if isinstance(cleaned["as_of"], pd.Timestamp):
            cleaned["as_of"] = cleaned["as_of"].date()
        rows.append({k: v for k, v in cleaned.items() if v is not None})
    return rows
