"""Pure helpers behind the data-entry forms: editor tables to models, errors to field labels.

Kept free of Streamlit so the conversions a user depends on (an empty editor row is not a
metric; a blank cell is "unknown", not zero) are unit-tested.
"""

from __future__ import annotations

import math
import re

import pandas as pd
from pydantic import BaseModel, ValidationError

from careerdata.models import career as m

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
    "baseline": "Before",
    "new_value": "After",
    "unit": "Unit",
    "money_usd": "Worth a year (USD)",
    "hours": "Hours saved a year",
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


METRIC_FIELDS = ("category", "description", "baseline", "new_value", "unit", "money_usd", "hours", "confidence",
                 "verified_by")


def metric_values(row) -> dict:
    """A stored metric (a frame row, a dict) as the editor's starting values: missing cells are None."""
    return {k: _clean(row.get(k)) if hasattr(row, "get") else None for k in METRIC_FIELDS}


def metric_data(values: dict) -> dict:
    """What the metric editor's widgets hold, as the data to validate as an `ImpactMetric`.

    Text is stripped; a blank category or description is left out, so validation says it "is empty"
    (not "should have at least 1 character"); blank numbers are None (unknown, never zero); a blank
    unit is ""; the verifier counts only when the confidence is "verified" (the editor disables the
    field otherwise), so a name left behind from switching confidence is not stored."""
    data = {k: _clean(values.get(k)) for k in METRIC_FIELDS}
    for key in ("description", "unit", "verified_by"):
        if isinstance(data[key], str):
            data[key] = data[key].strip()
    data["unit"] = data["unit"] or ""
    data["confidence"] = data["confidence"] or "estimated"
    if data["confidence"] != "verified":
        data["verified_by"] = None
    return {k: v for k, v in data.items() if v is not None or k not in ("category", "description")}


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
        loc = tuple(item["loc"])
        if item["type"] == "missing" and loc[:1] == ("metrics",) and len(loc) == 3:
            msg = "is empty: a metric needs a category and what changed"
        elif item["type"] == "missing":
            msg = "is empty"
        label = field_label(loc)
        out.append(f"{label}: {msg}" if label else msg[:1].upper() + msg[1:])
    return out


def _cross_field_errors(model: type[BaseModel], data: dict, bad: set[str]) -> list[str]:
    """The model's own whole-record rules (an end date before the start...), run on the fields that
    are valid on their own, so a form shows them in the same round as the field errors.

    Pydantic skips `mode="after"` model validators once any field fails; this runs each of them
    on a record built from the raw values, and keeps what they say about fields not already named.
    """
    out: list[str] = []
    draft = model.model_construct(**{k: v for k, v in data.items() if k in model.model_fields and k not in bad})
    for decorator in model.__pydantic_decorators__.model_validators.values():
        if decorator.info.mode != "after":
            continue
        try:
            decorator.func(draft)
        except ValueError as err:
            out.append(str(err)[:1].upper() + str(err)[1:])
        except Exception:  # noqa: BLE001 - a rule that needs a field that is missing or invalid: not its turn
            continue
    return out


def all_errors(model: type[BaseModel], data: dict) -> list[str]:
    """Every problem with `data` as `model` at once: field errors and whole-record rules."""
    try:
        model.model_validate(data)
    except ValidationError as err:
        bad = {str(e["loc"][0]) for e in err.errors() if e["loc"]}
        field_msgs = friendly_errors(err)
        return field_msgs + [m for m in _cross_field_errors(model, data, bad) if m not in field_msgs]
    return []


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
