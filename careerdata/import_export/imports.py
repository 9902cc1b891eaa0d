"""Writes for imports: upserts by natural key, a whole file in ONE transaction.

The rule that makes importing the same file twice change nothing:

* Every record has a natural key (names compare case-insensitively, whitespace collapsed):
  skill = name; contact = name; position = employer + title + start date;
  accomplishment = title + start date; visibility item = title + date;
  skill assessment = skill + as-of date; impact metric = its accomplishment + description;
  interaction = contact + date + channel; the profile is the one profile. LinkedIn knows
  dates to the month only: its positions and accomplishments match a record with the same
  names that starts in the same month, and an end date in the month already stored is kept.
  A résumé highlight has only its job's dates: it matches a win with the same title that
  started during that job.
* A record whose key is new is **added**.
* A record whose key exists is **updated** only in the fields the source states (every
  non-blank CSV cell; a connection's company and position; a résumé's dates and text).
  Values an importer had to guess or compose for a new record (a skill's kind, a contact's
  relationship, notes it wrote) never overwrite what is there, and a blank never erases.
  Lists are merged: missing skills, links, competencies and metrics of an accomplishment
  are added, nothing is removed. Skill assessments are history and are never edited.
* Otherwise the record is **skipped**.

`run_import(..., dry_run=True)` runs the very same writes and rolls them back, so the
preview is exactly what an import would do. Any error rolls the whole file back and names
the file, the row and the field.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from careerdata.core.errors import InputError
from careerdata.core.progress import Progress
from careerdata.core.text import name_key
from careerdata.core.urls import url_key
from careerdata.import_export.bulk import BULK_ENTITIES, BulkRefused, BulkWriter
from careerdata.import_export.common import ENTITY_LABELS, ENTITY_ORDER, KEY_FIELDS, Bundle, Item
from careerdata.import_export.report import ADDED, SKIPPED, UPDATED, Change, ImportReport
from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.models.offers import Offer
from careerdata.offers import repo as offers_repo
from careerdata.store.db import transaction, write_error

Cursor = duckdb.DuckDBPyConnection

class _DryRun(Exception):
    pass


def run_import(con: duckdb.DuckDBPyConnection, bundle: Bundle, *, dry_run: bool = False,
               progress: Progress | None = None, bulk: bool = True) -> ImportReport:
    """Write (or with `dry_run`, preview) a bundle in one transaction: all of it or nothing.

    Skills and contacts (the bulk of big files: a résumé's keywords, a LinkedIn network) are
    matched in memory against one read of their table and written with one INSERT and one
    UPDATE per set of changed columns; new accomplishments, metrics and interactions are
    written in bulk too (`careerdata.import_export.bulk`), and the records that may match a
    stored one record by record. Either way the report lists every record with its source.
    When the database refuses a bulk insert, the import runs again record by record (`bulk=False`)
    so the message names the row.
    """
    try:
        return _run(con, bundle, dry_run, progress, bulk)
    except BulkRefused:
        return _run(con, bundle, dry_run, progress, bulk=False)


def _run(con: duckdb.DuckDBPyConnection, bundle: Bundle, dry_run: bool, progress: Progress | None,
         bulk: bool) -> ImportReport:
    report = ImportReport(bundle.source, bundle.format, dry_run, notes=list(bundle.notes))
    items = sorted(bundle.items, key=lambda i: ENTITY_ORDER.index(i.entity))
    total = len(items)
    known: dict[str, dict[str, dict]] = {}  # skills and contacts by name key, read once per import
    tell = _teller(progress, total)
    try:
        with transaction(con) as cur:
            fast = BulkWriter(cur) if bulk else None
            for entity in ENTITY_ORDER:
                group = [it for it in items if it.entity == entity]
                if not group:
                    continue
                if entity in NAMED:
                    report.changes.extend(_upsert_named(cur, NAMED[entity], group, known))
                    tell(len(group), entity)
                    continue
                _write_group(con, cur, group, known, fast if entity in BULK_ENTITIES else None, report, tell)
            if any(c.action != SKIPPED for c in report.changes):  # the first-run checklist's import step
                cur.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", ["imported", bundle.format])
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _teller(progress: Progress | None, total: int) -> Callable[[int, str], None]:
    """Count records done and tell `progress` about every 1% of them (and the last)."""
    step, state = max(1, total // 100), {"done": 0, "told": 0}

    def tell(n: int, entity: str) -> None:
        state["done"] += n
        if progress and (state["done"] - state["told"] >= step or state["done"] == total):
            state["told"] = state["done"]
            progress(state["done"], total, ENTITY_LABELS[entity])

    return tell


def _write_group(con, cur: Cursor, group: list[Item], known: dict, fast: BulkWriter | None, report: ImportReport,
                 tell: Callable[[int, str], None]) -> None:
    """One entity's records: new ones queued for bulk writing, the others one by one (pending rows first)."""
    if fast is not None:
        fast.start(group[0].entity)
    for it in group:
        if fast is not None and fast.add(it):
            report.changes.append(_change(it, _record(it), None))
        else:
            if fast is not None:
                fast.flush()
            change = _upsert_one(con, cur, it, known)
            report.changes.append(change)
            if fast is not None:
                fast.written_one_by_one(it, change.action == ADDED)
        tell(1, it.entity)
    if fast is not None:
        fast.flush()


def _record(it: Item) -> str:
    """How the report names a record that bulk writing adds (as the one-by-one upserts name it)."""
    x = it.model
    if it.entity == "accomplishment":
        return f"{x.title} ({x.start_date})"
    if it.entity == "metric":
        return f"{x.description} ({x.accomplishment})"
    return f"{x.contact} on {x.date} ({x.channel})"


def _upsert_one(con, cur: Cursor, it: Item, known: dict) -> Change:
    """One record's upsert; an error names where it came from."""
    try:
        return _UPSERTS[it.entity](cur, it, known)
    except InputError as err:
        raise InputError(f"{it.where}, {err}") from None
    except duckdb.Error as err:
        refused = write_error(err, con)
        if not isinstance(refused, InputError):  # the file, not this record: read-only, disk full
            raise refused from None
        raise InputError(f"{it.where}: the database refused it ({str(err).splitlines()[0]})") from None


# --- comparing ------------------------------------------------------------------------------

def _same(old, new) -> bool:
    if isinstance(new, float) or isinstance(old, float):
        if old is None or new is None:
            return old is new
        return math.isclose(float(old), float(new), rel_tol=1e-12, abs_tol=1e-12)
    if isinstance(old, dt.datetime) and not isinstance(new, dt.datetime):
        old = old.date()
    return old == new


def _diff(existing: dict, model, fields: frozenset[str], allowed: tuple[str, ...]) -> dict:
    """Columns to change: stated by the source, allowed for the entity, different from what is stored."""
    out = {}
    for name in allowed:
        if name not in fields:
            continue
        new = getattr(model, name)
        if new is None or new == "":
            continue
        if not _same(existing[name], new):
            out[name] = new
    return out


def _row(cur: Cursor, sql: str, params: list) -> dict | None:
    cur.execute(sql, params)
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def _update(cur: Cursor, table: str, row_id: int, changes: dict, allowed: tuple[str, ...], id_col: str = "id") -> None:
    """UPDATE with column names from the entity's allowlist and every value a parameter."""
    assert table in {"profile", "position", "skill", "contact", "accomplishment", "impact_metric", "interaction",
                     "visibility_item"}
    assert set(changes) <= set(allowed)
    sets = ", ".join(f"{col} = ?" for col in changes)
    cur.execute(f"UPDATE {table} SET {sets} WHERE {id_col} = ?", [*changes.values(), row_id])


def _change(it: Item, record: str, changes) -> Change:
    if changes is None:
        return Change(it.entity, record, ADDED, (), it.where)
    if changes:
        return Change(it.entity, record, UPDATED, tuple(changes), it.where)
    return Change(it.entity, record, SKIPPED, (), it.where)


def _same_month(a: dt.date | None, b: dt.date | None) -> bool:
    return a is not None and b is not None and (a.year, a.month) == (b.year, b.month)


def _month_tolerant(it: Item, changes: dict, existing: dict) -> dict:
    """Drop a month-precision date that only restates a more precise one already stored."""
    if it.month_dates and "end_date" in changes and _same_month(changes["end_date"], existing["end_date"]):
        del changes["end_date"]
    return changes


def _find_by_key(cur: Cursor, sql: str, params: list, text_cols: dict[str, str]) -> dict | None:
    """Rows narrowed in SQL by exact values, then matched on names compared as name keys."""
    cur.execute(sql, params)
    names = [d[0] for d in cur.description]
    for row in cur.fetchall():
        rec = dict(zip(names, row, strict=True))
        if all(name_key(rec[col] or "") == name_key(want) for col, want in text_cols.items()):
            return rec
    return None


def _skill_id(cur: Cursor, name: str, field_name: str) -> int:
    row = cur.execute("SELECT id FROM skill WHERE name_key = ?", [name_key(name)]).fetchone()
    if row is None:
        raise InputError(f"{field_name}: unknown skill {name!r} (add it as a skill first, or in the same import)")
    return row[0]


def _contact_id(cur: Cursor, name: str, field_name: str) -> int:
    row = cur.execute("SELECT id FROM contact WHERE name_key = ?", [name_key(name)]).fetchone()
    if row is None:
        raise InputError(f"{field_name}: unknown contact {name!r} (add the contact first, or in the same import)")
    return row[0]


# --- skills and contacts in bulk --------------------------------------------------------------

@dataclass(frozen=True)
class Named:
    """A table whose records are known by name (name_key UNIQUE): written in bulk by an import."""

    table: str
    fields: tuple[str, ...]  # columns an import may set, besides name and name_key
    types: tuple[str, ...]  # their SQL types, for the list parameters of the bulk statements
    skip_note: str = ""  # why an item that may only update (add_if_new=False) was skipped


def _upsert_named(cur: Cursor, spec: Named, items: list[Item], known: dict) -> list[Change]:
    """Decide add / update / skip for every item against one read of the table, then write in bulk.

    A name repeated in the file is matched against its first occurrence, exactly as if the
    records were written one by one: its stated fields update the record being added.
    """
    rows = _known(cur, known, spec.table, spec.fields)
    new: dict[str, dict] = {}
    updates: dict[int, dict] = {}
    out: list[Change] = []
    for it in items:
        model = it.model
        key = name_key(model.name)
        rec = rows.get(key)
        if rec is None:
            if not it.add_if_new:
                out.append(Change(it.entity, model.name, SKIPPED, (), it.where, spec.skip_note))
                continue
            rec = {"name": model.name, "name_key": key, **{f: getattr(model, f) for f in spec.fields}}
            rows[key] = new[key] = rec
            out.append(_change(it, model.name, None))
            continue
        changes = _diff(rec, model, it.update, spec.fields)
        if changes:
            rec.update(changes)
            if "id" in rec:  # stored before this import; a record added by it is inserted with its final values
                updates.setdefault(rec["id"], {}).update(changes)
        out.append(_change(it, model.name, changes))
    where = f"{items[0].where} to {items[-1].where}" if len(items) > 1 else items[0].where
    try:
        _bulk_insert(cur, spec, list(new.values()))
        _bulk_update(cur, spec, updates)
    except duckdb.Error as err:
        refused = write_error(err, cur)
        if not isinstance(refused, InputError):  # the file, not these records: read-only, disk full
            raise refused from None
        raise InputError(f"{where}: the database refused them ({str(err).splitlines()[0]})") from None
    known.pop(spec.table, None)  # ids of the new rows: read again by whoever needs them
    return out


def _known(cur: Cursor, known: dict, table: str, columns: tuple[str, ...]) -> dict[str, dict]:
    """A named table's rows by name key ({name_key: {id, name, columns...}}), read once per import."""
    assert table in {"skill", "contact"}
    if table not in known:
        cur.execute(f"SELECT name_key, id, name, {', '.join(columns)} FROM {table}")
        names = [d[0] for d in cur.description][1:]
        known[table] = {row[0]: dict(zip(names, row[1:], strict=True)) for row in cur.fetchall()}
    return known[table]


def _bulk_insert(cur: Cursor, spec: Named, rows: list[dict]) -> None:
    """One INSERT of every new row, its values passed as one list parameter per column (ids from the sequence)."""
    if not rows:
        return
    columns = ("name", "name_key", *spec.fields)
    types = ("VARCHAR", "VARCHAR", *spec.types)
    select = ", ".join(f"unnest(?::{t}[])" for t in types)
    cur.execute(f"INSERT INTO {spec.table} ({', '.join(columns)}) SELECT {select}",
                [[row[c] for row in rows] for c in columns])


def _bulk_update(cur: Cursor, spec: Named, updates: dict[int, dict]) -> None:
    """One UPDATE ... FROM per set of changed columns (column names from the spec's allowlist)."""
    by_columns: dict[tuple[str, ...], list[tuple[int, dict]]] = {}
    for row_id, changes in updates.items():
        by_columns.setdefault(tuple(f for f in spec.fields if f in changes), []).append((row_id, changes))
    for columns, group in by_columns.items():
        types = dict(zip(spec.fields, spec.types, strict=True))
        source = ", ".join(["unnest(?::BIGINT[]) AS id", *(f"unnest(?::{types[c]}[]) AS {c}" for c in columns)])
        sets = ", ".join(f"{c} = u.{c}" for c in columns)
        cur.execute(f"UPDATE {spec.table} SET {sets} FROM (SELECT {source}) u WHERE {spec.table}.id = u.id",
                    [[row_id for row_id, _ in group], *([ch[c] for _, ch in group] for c in columns)])


# --- per entity -----------------------------------------------------------------------------

PROFILE_FIELDS = ("name", "headline", "current_title", "current_level", "current_pay", "review_cycle_start",
                  "review_cycle_end")


def _upsert_profile(cur: Cursor, it: Item, known: dict) -> Change:
    p: m.Profile = it.model
    existing = _row(cur, f"SELECT {', '.join(PROFILE_FIELDS)} FROM profile WHERE id = 1", [])
    if existing is None:
        repo.write_profile(cur, p)
        return _change(it, p.name, None)
    changes = _diff(existing, p, it.update, PROFILE_FIELDS)
    if changes:
        merged = m.Profile.model_validate({**existing, **changes})  # the result must still be a valid profile
        repo.write_profile(cur, merged)
    return _change(it, p.name, changes)


POSITION_FIELDS = ("level", "end_date")


def _upsert_position(cur: Cursor, it: Item, known: dict) -> Change:
    p: m.Position = it.model
    record = f"{p.title} at {p.employer} from {p.start_date}"
    sql = "SELECT id, employer, title, level, start_date, end_date FROM position WHERE start_date = ? ORDER BY id"
    existing = _find_by_key(cur, sql, [p.start_date], {"employer": p.employer, "title": p.title})
    if existing is None and it.month_dates:
        existing = _find_by_key(cur, sql.replace("start_date = ?", "date_trunc('month', start_date) = ?"),
                                [p.start_date.replace(day=1)], {"employer": p.employer, "title": p.title})
    if existing is None:
        repo.insert_position(cur, p)
        return _change(it, record, None)
    changes = _month_tolerant(it, _diff(existing, p, it.update, POSITION_FIELDS), existing)
    if changes:
        end = changes.get("end_date", existing["end_date"])
        if end is not None and end < existing["start_date"]:
            raise InputError("end_date: end date must be on or after the start date")
        _update(cur, "position", existing["id"], changes, POSITION_FIELDS)
    return _change(it, record, changes)


SKILL_FIELDS = ("kind", "taxonomy_id", "notes")


def _upsert_assessment(cur: Cursor, it: Item, known: dict) -> Change:
    a: m.SkillAssessment = it.model
    record = f"{a.skill} on {a.as_of}"
    skill_id = _skill_id(cur, a.skill, "skill")
    exists = cur.execute("SELECT count(*) FROM skill_assessment WHERE skill_id = ? AND as_of = ?",
                         [skill_id, a.as_of]).fetchone()[0]
    if exists:
        return _change(it, record, {})  # assessments are history: never edited by an import
    repo.insert_assessment(cur, a, "skill")
    return _change(it, record, None)


CONTACT_FIELDS = ("relationship", "company", "title", "influence", "advocacy_stage", "cadence_days", "notes")
NAMED = {
    "skill": Named("skill", SKILL_FIELDS, ("VARCHAR", "VARCHAR", "VARCHAR")),
    "contact": Named("contact", CONTACT_FIELDS, ("VARCHAR", "VARCHAR", "VARCHAR", "INTEGER", "VARCHAR", "INTEGER",
                                                 "VARCHAR"), "not one of your contacts"),
}


ACCOMPLISHMENT_FIELDS = ("end_date", "employer", "scope", "situation", "task", "action", "result")


def _find_accomplishment(cur: Cursor, title: str, start: dt.date, month: bool = False,
                         window: tuple[dt.date, dt.date | None] | None = None) -> dict | None:
    sql = (f"SELECT id, title, start_date, links, {', '.join(ACCOMPLISHMENT_FIELDS)} FROM accomplishment "
           "WHERE start_date = ? ORDER BY id")
    found = _find_by_key(cur, sql, [start], {"title": title})
    if found is None and month:
        found = _find_by_key(cur, sql.replace("start_date = ?", "date_trunc('month', start_date) = ?"),
                             [start.replace(day=1)], {"title": title})
    if found is None and window is not None:
        found = _find_by_key(cur, sql.replace("start_date = ?", "start_date BETWEEN ? AND ?"),
                             [window[0], window[1] or dt.date.max], {"title": title})
    return found


def _upsert_accomplishment(cur: Cursor, it: Item, known: dict) -> Change:
    a: m.Accomplishment = it.model
    record = f"{a.title} ({a.start_date})"
    existing = _find_accomplishment(cur, a.title, a.start_date, it.month_dates, it.window)
    if existing is None:
        _suggest(cur, repo.insert_accomplishment(cur, a), it)
        return _change(it, record, None)
    acc_id = existing["id"]
    _suggest(cur, acc_id, it)
    changes = _month_tolerant(it, _diff(existing, a, it.update, ACCOMPLISHMENT_FIELDS), existing)
    end = changes.get("end_date", existing["end_date"])
    if end is not None and end < existing["start_date"]:
        raise InputError("end_date: end date must be on or after the start date")
    links = list(existing["links"] or [])
    have_links = {url_key(u) for u in links}
    new_links = [u for u in a.links if url_key(u) not in have_links] if "links" in it.update else []
    if new_links:
        changes["links"] = links + new_links
    if changes:
        _update(cur, "accomplishment", acc_id, changes, (*ACCOMPLISHMENT_FIELDS, "links"))
        cur.execute("UPDATE accomplishment SET updated_at = current_timestamp WHERE id = ?", [acc_id])
    # children: add what is missing, remove nothing
    have_skills = {r[0] for r in cur.execute("SELECT skill_id FROM accomplishment_skill WHERE accomplishment_id = ?",
                                             [acc_id]).fetchall()}
    add_skills = []
    if "skills" in it.update:
        for i, name in enumerate(a.skills):
            if _skill_id(cur, name, f"skills[{i}]") not in have_skills:
                add_skills.append(name)
    have_comps = {r[0] for r in cur.execute(
        "SELECT competency_key FROM accomplishment_competency WHERE accomplishment_id = ?", [acc_id]).fetchall()}
    add_comps = [c for c in a.competencies if c not in have_comps] if "competencies" in it.update else []
    have_metrics = {name_key(r[0]) for r in cur.execute(
        "SELECT description FROM impact_metric WHERE accomplishment_id = ?", [acc_id]).fetchall()}
    add_metrics = [x for x in a.metrics if name_key(x.description) not in have_metrics] if "metrics" in it.update else []
    if add_skills or add_comps or add_metrics:
        extra = a.model_copy(update={"skills": add_skills, "competencies": add_comps, "metrics": add_metrics})
        repo.write_accomplishment_children(cur, acc_id, extra, "")
        changes.update({k: True for k, v in (("skills", add_skills), ("competencies", add_comps),
                                              ("metrics", add_metrics)) if v})
    return _change(it, record, changes)


def _suggest(cur: Cursor, acc_id: int, it: Item) -> None:
    """Store the figures read from a win's text as open suggestions, each once: a suggestion the
    user already confirmed or dismissed, or a metric they already have with that value, is not
    offered again."""
    for s in it.suggestions:
        same = cur.execute(
            """SELECT (SELECT count(*) FROM metric_suggestion WHERE accomplishment_id = ? AND unit = ?
                           AND baseline IS NOT DISTINCT FROM ? AND new_value IS NOT DISTINCT FROM ?
                           AND money_usd IS NOT DISTINCT FROM ?)
                    + (SELECT count(*) FROM impact_metric WHERE accomplishment_id = ? AND unit = ?
                           AND new_value IS NOT DISTINCT FROM ? AND money_usd IS NOT DISTINCT FROM ?)""",
            [acc_id, s.unit, s.baseline, s.new_value, s.money_usd, acc_id, s.unit, s.new_value, s.money_usd]).fetchone()[0]
        if not same:
            cur.execute("INSERT INTO metric_suggestion (accomplishment_id, category, description, baseline, new_value, "
                        "unit, money_usd, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [acc_id, s.category, s.description[:500], s.baseline, s.new_value, s.unit, s.money_usd,
                         it.where])


METRIC_FIELDS = ("category", "baseline", "new_value", "unit", "money_usd", "hours", "confidence",
                 "verified_by_contact_id")


def _upsert_metric(cur: Cursor, it: Item, known: dict) -> Change:
    x = it.model  # careerdata.import_export.csv_io.MetricRow: an ImpactMetric plus the accomplishment it belongs to
    record = f"{x.description} ({x.accomplishment})"
    acc = _find_accomplishment(cur, x.accomplishment, x.accomplishment_start_date)
    if acc is None:
        raise InputError(f"accomplishment: no accomplishment {x.accomplishment!r} starting "
                         f"{x.accomplishment_start_date} (import it first, or in the same import)")
    verifier = _contact_id(cur, x.verified_by, "verified_by") if x.verified_by else None
    existing = _find_by_key(cur, f"SELECT id, description, {', '.join(METRIC_FIELDS)} FROM impact_metric "
                                 "WHERE accomplishment_id = ? ORDER BY id", [acc["id"]], {"description": x.description})
    if existing is None:
        metric = m.ImpactMetric.model_validate(x.model_dump(include=set(m.ImpactMetric.model_fields)))
        acc_model = m.Accomplishment.model_construct(skills=[], competencies=[], metrics=[metric])
        repo.write_accomplishment_children(cur, acc["id"], acc_model, "")
        return _change(it, record, None)
    fields = set(it.update) | ({"verified_by_contact_id"} if "verified_by" in it.update else set())
    probe = {name: getattr(x, name) for name in METRIC_FIELDS if name != "verified_by_contact_id"}
    probe["verified_by_contact_id"] = verifier
    changes = _diff(existing, _Obj(probe), frozenset(fields), METRIC_FIELDS)
    final_conf = changes.get("confidence", existing["confidence"])
    final_verifier = changes.get("verified_by_contact_id", existing["verified_by_contact_id"])
    if final_conf == "verified" and final_verifier is None:
        raise InputError("verified_by: a verified metric needs verified_by: the contact who confirmed it")
    if changes:
        _update(cur, "impact_metric", existing["id"], changes, METRIC_FIELDS)
    return _change(it, record, [c.removesuffix("_contact_id") for c in changes])


class _Obj:
    def __init__(self, values: dict):
        self.__dict__.update(values)


INTERACTION_FIELDS = ("notes", "follow_up_due")


def _upsert_interaction(cur: Cursor, it: Item, known: dict) -> Change:
    i: m.Interaction = it.model
    record = f"{i.contact} on {i.date} ({i.channel})"
    contact_id = _contact_id(cur, i.contact, "contact")
    existing = _row(cur, "SELECT id, notes, follow_up_due FROM interaction WHERE contact_id = ? AND date = ? "
                         "AND channel = ? ORDER BY id LIMIT 1", [contact_id, i.date, i.channel])
    if existing is None:
        repo.insert_interaction(cur, i)
        return _change(it, record, None)
    changes = _diff(existing, i, it.update, INTERACTION_FIELDS)
    if changes:
        _update(cur, "interaction", existing["id"], changes, INTERACTION_FIELDS)
    if "accomplishments" in it.update:
        have = {r[0] for r in cur.execute(
            "SELECT accomplishment_id FROM interaction_accomplishment WHERE interaction_id = ?",
            [existing["id"]]).fetchall()}
        added = False
        for n, title in enumerate(dict.fromkeys(i.accomplishments)):
            acc_id = repo.accomplishment_id(cur, title, f"accomplishments[{n}]")
            if acc_id not in have:
                cur.execute("INSERT INTO interaction_accomplishment VALUES (?, ?)", [existing["id"], acc_id])
                have.add(acc_id)
                added = True
        if added:
            changes["accomplishments"] = True
    return _change(it, record, changes)


VISIBILITY_FIELDS = ("kind", "venue", "audience", "reach", "is_external", "url")


def _upsert_visibility(cur: Cursor, it: Item, known: dict) -> Change:
    v: m.VisibilityItem = it.model
    record = f"{v.title} ({v.date})"
    existing = _find_by_key(cur, f"SELECT id, title, {', '.join(VISIBILITY_FIELDS)} FROM visibility_item "
                                 "WHERE date = ? ORDER BY id", [v.date], {"title": v.title})
    if existing is None:
        repo.insert_visibility(cur, v)
        return _change(it, record, None)
    changes = _diff(existing, v, it.update, VISIBILITY_FIELDS)
    if changes:
        _update(cur, "visibility_item", existing["id"], changes, VISIBILITY_FIELDS)
    return _change(it, record, changes)


_UPSERTS: dict[str, Callable[[Cursor, Item, dict], Change]] = {
    "profile": _upsert_profile,
    "position": _upsert_position,
    "assessment": _upsert_assessment,
    "accomplishment": _upsert_accomplishment,
    "metric": _upsert_metric,
    "interaction": _upsert_interaction,
    "visibility": _upsert_visibility,
}


# --- offers (their writes live in careerdata.offers.repo) ---------------------------------------

OFFER_FIELDS = tuple(f for f in Offer.model_fields if f not in KEY_FIELDS["offer"])


def _upsert_offer(cur: Cursor, it: Item, known: dict) -> Change:
    o: Offer = it.model
    record = "your current job" if o.current_job else f"{o.title} at {o.company}"
    offer_id = offers_repo.find_offer(cur, o)
    if offer_id is None:
        before = cur.execute("SELECT max(id) FROM opportunity").fetchone()[0] or 0
        offers_repo.insert_offer(cur, o, create=True)
        made = cur.execute("SELECT title FROM opportunity WHERE id > ?", [before]).fetchone()
        note = f"also added the opportunity {made[0]!r} at the offer stage to your Pipeline" if made else ""
        return Change(it.entity, record, ADDED, (), it.where, note)
    existing = offers_repo.stored(cur, offer_id)
    changes = _diff(existing, o, it.update, tuple(f for f in OFFER_FIELDS if f != "opportunity"))
    if "opportunity" in it.update and name_key(o.opportunity or "") != name_key(existing["opportunity"] or ""):
        changes["opportunity"] = o.opportunity
    if changes:
        merged = Offer.model_validate({**{k: v for k, v in existing.items() if v is not None}, **changes,
                                       "company": existing["company"], "title": existing["title"]})
        offers_repo.write_offer(cur, offer_id, merged, create=True)
    return _change(it, record, changes)


_UPSERTS["offer"] = _upsert_offer
