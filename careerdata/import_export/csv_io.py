"""CSV in and out, one file per entity, in the columns of `sample_data/templates/<entity>.csv`.

The same columns are written by `export csv` and read by `import csv`, so a spreadsheet
round-trips: export, edit, import. Headers match case-insensitively and in any order; a
missing required column or an unknown one is refused (a typo would otherwise be silently
dropped). Blank cells mean "not stated": the default for a new record, no change for an
existing one. Columns holding several values separate them with ";".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
from pydantic import BaseModel, Field

from careerdata.core.errors import InputError
from careerdata.core.progress import Progress, report
from careerdata.core.text import neutralise_cell, restore_cell
from careerdata.import_export.common import Bundle, decode_text, read_csv, require_columns
from careerdata.models import career as m
from careerdata.models.offers import Offer

# The offer columns: the first eleven are the spreadsheet most people keep; the rest are optional.
OFFER_COLUMNS = ("company", "title", "level", "base", "bonus_pct", "sign_on", "equity_value", "vesting", "cliff_months",
                 "refresh_per_year", "start_date", "currency", "bonus_amount", "sign_on_clawback_months",
                 "benefits_value", "equity_kind", "option_count", "strike", "current_price", "current_job",
                 "opportunity", "onet_soc_code", "notes")
TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "sample_data" / "templates"
LIST_SEPARATOR = ";"


class MetricRow(m.ImpactMetric):
    """An impact metric row: the metric plus the accomplishment (title and start date) it belongs to."""

    accomplishment: m.Name
    accomplishment_start_date: dt.date = Field(description="start date of that accomplishment")


@dataclass(frozen=True)
class CsvEntity:
    name: str  # the CLI and file name: skills -> skills.csv
    entity: str  # the import entity
    model: type[BaseModel]
    columns: tuple[str, ...]
    required: tuple[str, ...]
    lists: tuple[str, ...]
    key: str  # the natural key, in words
    export_sql: str


CSV_ENTITIES: dict[str, CsvEntity] = {
    e.name: e
    for e in (
        CsvEntity(
            "positions", "position", m.Position, ("employer", "title", "level", "start_date", "end_date"),
            ("employer", "title", "start_date"), (), "employer + title + start_date",
            "SELECT employer, title, level, start_date, end_date FROM position ORDER BY start_date, id"),
        CsvEntity(
            "skills", "skill", m.Skill, ("name", "kind", "taxonomy_id", "notes"), ("name", "kind"), (), "name",
            "SELECT name, kind, taxonomy_id, notes FROM skill ORDER BY name_key"),
        CsvEntity(
            "contacts", "contact", m.Contact,
            ("name", "relationship", "company", "title", "influence", "advocacy_stage", "cadence_days", "notes"),
            ("name", "relationship"), (), "name",
            """SELECT name, relationship, company, title, influence, advocacy_stage, cadence_days, notes
               FROM contact ORDER BY name_key"""),
        CsvEntity(
            "assessments", "assessment", m.SkillAssessment, ("skill", "as_of", "self_level", "note"),
            ("skill", "as_of", "self_level"), (), "skill + as_of",
            """SELECT s.name AS skill, a.as_of, a.self_level, a.note
               FROM skill_assessment a JOIN skill s ON s.id = a.skill_id ORDER BY s.name_key, a.as_of, a.id"""),
        CsvEntity(
            "accomplishments", "accomplishment", m.Accomplishment,
            ("title", "start_date", "end_date", "employer", "scope", "situation", "task", "action", "result",
             "skills", "competencies", "links"),
            ("title", "start_date"), ("skills", "competencies", "links"), "title + start_date",
            """SELECT a.title, a.start_date, a.end_date, a.employer, a.scope, a.situation, a.task, a.action, a.result,
                      (SELECT list(s.name ORDER BY s.name_key) FROM accomplishment_skill x JOIN skill s
                         ON s.id = x.skill_id WHERE x.accomplishment_id = a.id) AS skills,
                      (SELECT list(c.competency_key ORDER BY c.competency_key) FROM accomplishment_competency c
                         WHERE c.accomplishment_id = a.id AND c.status <> 'rejected') AS competencies,
                      a.links
               FROM accomplishment a ORDER BY a.start_date, a.id"""),
        CsvEntity(
            "metrics", "metric", MetricRow,
            ("accomplishment", "accomplishment_start_date", "category", "description", "baseline", "new_value",
             "unit", "money_usd", "hours", "confidence", "verified_by"),
            ("accomplishment", "accomplishment_start_date", "category", "description"), (),
            "accomplishment + accomplishment_start_date + description",
            """SELECT a.title AS accomplishment, a.start_date AS accomplishment_start_date, x.category,
                      x.description, x.baseline, x.new_value, x.unit, x.money_usd, x.hours, x.confidence,
                      c.name AS verified_by
               FROM impact_metric x JOIN accomplishment a ON a.id = x.accomplishment_id
               LEFT JOIN contact c ON c.id = x.verified_by_contact_id
               ORDER BY a.start_date, a.id, x.id"""),
        CsvEntity(
            "interactions", "interaction", m.Interaction,
            ("contact", "date", "channel", "notes", "follow_up_due", "accomplishments"),
            ("contact", "date"), ("accomplishments",), "contact + date + channel",
            """SELECT c.name AS contact, i.date, i.channel, i.notes, i.follow_up_due,
                      (SELECT list(a.title ORDER BY a.title) FROM interaction_accomplishment x
                         JOIN accomplishment a ON a.id = x.accomplishment_id WHERE x.interaction_id = i.id)
                        AS accomplishments
               FROM interaction i JOIN contact c ON c.id = i.contact_id ORDER BY i.date, i.id"""),
        CsvEntity(
            "visibility", "visibility", m.VisibilityItem,
            ("title", "kind", "venue", "date", "audience", "reach", "is_external", "url"),
            ("title", "kind", "date"), (), "title + date",
            "SELECT title, kind, venue, date, audience, reach, is_external, url FROM visibility_item "
            "ORDER BY date, id"),
        CsvEntity(
            "offers", "offer", Offer, OFFER_COLUMNS, ("company", "title", "base"), (),
            "company + title (or current_job = true)",
            f"""SELECT {', '.join('o.' + c if c not in ('opportunity', 'current_job') else c for c in OFFER_COLUMNS)}
                FROM (SELECT *, is_current_job AS current_job FROM offer) o
                LEFT JOIN (SELECT id AS opp_id, title AS opportunity FROM opportunity) p ON p.opp_id = o.opportunity_id
                ORDER BY o.is_current_job DESC, o.id"""),
    )
}


def entity_spec(name: str) -> CsvEntity:
    spec = CSV_ENTITIES.get(name.strip().casefold())
    if spec is None:
        raise InputError(f"unknown CSV entity {name!r}; choose one of: {', '.join(CSV_ENTITIES)}")
    return spec


def read_csv_entity(raw: bytes, name: str, entity: str) -> Bundle:
    """Parse and validate one entity's CSV into a Bundle (nothing is written here)."""
    spec = entity_spec(entity)
    text = decode_text(raw, name)
    if not text.strip():
        raise InputError(f"{name}: the file is empty; it needs the header row {','.join(spec.columns)} "
                         f"(see sample_data/templates/{spec.name}.csv)")
    table = read_csv(text, name)
    require_columns(table, spec.required, allowed=spec.columns)
    bundle = Bundle(source=name, format=f"csv:{spec.name}")
    rows = []
    lists = [c for c in spec.lists if table.has(c)]
    for row_no, row in table.rows:
        data = {}
        for column, cell in row.items():
            value = restore_cell(cell)  # our own export's neutralised cells read back exactly
            if value == "":
                continue  # blank: not stated
            if column in lists:
                value = [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
            data[column] = value
        rows.append((data, f"{name} row {row_no}"))
    bundle.add_many(spec.entity, spec.model, rows)
    if not table.rows:
        bundle.notes.append(f"{name} has a header but no rows")
    return bundle


def _cell(value) -> str:
    """A value as its CSV cell; text that a spreadsheet would run as a formula is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):  # exact money: 215000.00 -> 215000, 12.50 -> 12.5
        return format(value.normalize(), "f") if value == value else ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, (list, tuple)):
        return neutralise_cell(f"{LIST_SEPARATOR} ".join(str(v) for v in value))
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise_cell(str(value))


EXPORT_CHUNK_ROWS = 5_000


def export_csv(con: duckdb.DuckDBPyConnection, entity: str, progress: Progress | None = None) -> str:
    """One entity's rows in its template's columns (header only when there are none).

    Rows are fetched and written 5,000 at a time, reporting rows written of the total to `progress`.
    """
    spec = entity_spec(entity)
    cur = con.cursor()
    total = cur.execute(f"SELECT count(*) FROM ({spec.export_sql})").fetchone()[0] if progress else 0
    cur.execute(spec.export_sql)
    names = [d[0] for d in cur.description]
    assert tuple(names) == spec.columns, (names, spec.columns)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spec.columns)
    done = 0
    while rows := cur.fetchmany(EXPORT_CHUNK_ROWS):
        writer.writerows([_cell(v) for v in row] for row in rows)
        done += len(rows)
        report(progress, done, total, spec.name)
    return out.getvalue()


_TABLES = {"positions": "position", "skills": "skill", "contacts": "contact", "assessments": "skill_assessment",
           "accomplishments": "accomplishment", "metrics": "impact_metric", "interactions": "interaction",
           "visibility": "visibility_item", "offers": "offer"}


def entity_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per CSV entity (table names from the allowlist above)."""
    cur = con.cursor()
    return {name: cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for name, table in _TABLES.items()}


def template_path(entity: str) -> Path:
    return TEMPLATES_DIR / f"{entity_spec(entity).name}.csv"
