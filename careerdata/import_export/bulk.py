"""Bulk writes for an import's new accomplishments, impact metrics and interactions.

Written one by one, each record cost several round trips (look up its key, its skills, its
contact, insert it, insert each child: about 7 ms here), so a career's worth of records took
minutes. Here a record is decided in memory against one read per import of what it could
collide with or refers to, and the new ones are written with one INSERT per table.

The rule stays the one in `careerdata.import_export.imports`: a record takes this fast path only
when it is certainly **new** and everything it names is known, i.e.

* an accomplishment whose title (as a name key) no stored or earlier record has, whose skills,
  competencies and verifiers all exist (and no two of its skills are the same record);
* a metric whose accomplishment (title + start date) exists and has no metric with that
  description, whose verifier exists and which validates as an impact metric;
* an interaction whose contact exists, with no interaction on that date through that channel,
  whose wins discussed all exist (each a different record).

Any other record (it may match a stored one, or it names something unknown) goes the
record-by-record way after the pending rows are written, so the database it sees, the report and
every error message are exactly what they were. If the database refuses a bulk insert the
caller runs the whole import again record by record (`BulkRefused`): the transaction is rolled
back either way, and that run names the row.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from careerdata.core.text import name_key
from careerdata.import_export.common import Item
from careerdata.models import career as m

Cursor = duckdb.DuckDBPyConnection
BULK_ENTITIES = ("accomplishment", "metric", "interaction")


class BulkRefused(Exception):
    """The database refused a bulk insert: run the import record by record to name the row."""


def _insert(cur: Cursor, table: str, columns: dict[str, str], rows: list[tuple]) -> None:
    """One INSERT of `rows` (tuples in the order of `columns`: name -> SQL type), one list parameter per column."""
    if not rows:
        return
    assert table in {"accomplishment", "accomplishment_skill", "accomplishment_competency", "impact_metric",
                     "metric_suggestion", "interaction", "interaction_accomplishment"}
    select = ", ".join(f"unnest(?::{t}[])" for t in columns.values())
    try:
        cur.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}",
                    [list(col) for col in zip(*rows, strict=True)])
    except duckdb.Error as err:
        raise BulkRefused(str(err)) from None


ACCOMPLISHMENT_COLS = {"id": "BIGINT", "title": "VARCHAR", "start_date": "DATE", "end_date": "DATE",
                       "employer": "VARCHAR", "scope": "VARCHAR", "situation": "VARCHAR", "task": "VARCHAR",
                       "action": "VARCHAR", "result": "VARCHAR", "links": "VARCHAR[]"}
METRIC_COLS = {"accomplishment_id": "BIGINT", "category": "VARCHAR", "description": "VARCHAR", "baseline": "DOUBLE",
               "new_value": "DOUBLE", "unit": "VARCHAR", "money_usd": "DOUBLE", "hours": "DOUBLE",
               "confidence": "VARCHAR", "verified_by_contact_id": "BIGINT"}
SUGGESTION_COLS = {"accomplishment_id": "BIGINT", "category": "VARCHAR", "description": "VARCHAR",
                   "baseline": "DOUBLE", "new_value": "DOUBLE", "unit": "VARCHAR", "money_usd": "DOUBLE",
                   "source": "VARCHAR"}
INTERACTION_COLS = {"id": "BIGINT", "contact_id": "BIGINT", "date": "DATE", "channel": "VARCHAR", "notes": "VARCHAR",
                    "follow_up_due": "DATE"}
PAIR = {"a": "BIGINT", "b": "BIGINT"}


class BulkWriter:
    """The fast path of one import (module docstring): `start` a group, `add` each record (None: take
    the record-by-record way, after `flush`), `flush` at the end of the group."""

    def __init__(self, cur: Cursor):
        self.cur = cur
        self.pending: list[tuple[Item, object]] = []
        self.entity = ""

    # --- what the import could collide with or refers to, read once per group ---------------------

    def start(self, entity: str) -> None:
        """Read what records of `entity` are matched against (after the earlier groups are written)."""
        self.entity, cur = entity, self.cur
        self.skills = dict(cur.execute("SELECT name_key, id FROM skill").fetchall())
        self.contacts = dict(cur.execute("SELECT name_key, id FROM contact").fetchall())
        if entity == "accomplishment":
            self.titles = {name_key(t) for (t,) in cur.execute("SELECT title FROM accomplishment").fetchall()}
            self.competencies = {k for (k,) in cur.execute("SELECT key FROM competency").fetchall()}
        elif entity == "metric":
            self.accs: dict[tuple[str, dt.date], int] = {}
            for acc_id, title, start in cur.execute("SELECT id, title, start_date FROM accomplishment ORDER BY id"
                                                    ).fetchall():
                self.accs.setdefault((name_key(title), start), acc_id)
            self.metrics = {(a, name_key(d)) for a, d in cur.execute(
                "SELECT accomplishment_id, description FROM impact_metric").fetchall()}
        elif entity == "interaction":
            self.by_lower = dict(cur.execute("SELECT lower(title), min(id) FROM accomplishment GROUP BY 1").fetchall())
            self.touches = set(cur.execute("SELECT contact_id, date, channel FROM interaction").fetchall())

    def written_one_by_one(self, it: Item, added: bool) -> None:
        """A record the slow way added may be matched by a later one of the file: remember its key."""
        if not added:
            return
        if it.entity == "accomplishment":
            self.titles.add(name_key(it.model.title))
        elif it.entity == "metric":
            acc_id = self.accs.get((name_key(it.model.accomplishment), it.model.accomplishment_start_date))
            self.metrics.add((acc_id, name_key(it.model.description)))
        elif it.entity == "interaction":
            self.touches.add((self.contacts.get(name_key(it.model.contact)), it.model.date, it.model.channel))

    # --- deciding --------------------------------------------------------------------------------

    def add(self, it: Item) -> bool:
        """Queue `it` when it is certainly new and all it names is known; False: write it one by one."""
        decide = {"accomplishment": self._accomplishment, "metric": self._metric,
                  "interaction": self._interaction}[it.entity]
        row = decide(it)
        if row is None:
            return False
        self.pending.append((it, row))
        return True

    def _verifiers(self, metrics) -> list[int | None] | None:
        ids = [self.contacts.get(name_key(x.verified_by)) if x.verified_by else None for x in metrics]
        return None if any(x.verified_by and i is None for x, i in zip(metrics, ids, strict=True)) else ids

    def _accomplishment(self, it: Item):
        a: m.Accomplishment = it.model
        key = name_key(a.title)
        if key in self.titles:
            return None
        skill_ids = [self.skills.get(name_key(s)) for s in a.skills]
        if None in skill_ids or len(set(skill_ids)) != len(skill_ids):
            return None
        if any(c not in self.competencies for c in a.competencies):
            return None
        verifiers = self._verifiers(a.metrics)
        if verifiers is None:
            return None
        self.titles.add(key)
        return skill_ids, verifiers

    def _metric(self, it: Item):
        x = it.model
        acc_id = self.accs.get((name_key(x.accomplishment), x.accomplishment_start_date))
        if acc_id is None or (acc_id, name_key(x.description)) in self.metrics:
            return None
        verifiers = self._verifiers([x])
        if verifiers is None:
            return None
        try:
            metric = m.ImpactMetric.model_validate(x.model_dump(include=set(m.ImpactMetric.model_fields)))
        except ValueError:
            return None  # the one-by-one way raises it, as before
        self.metrics.add((acc_id, name_key(x.description)))
        return acc_id, metric, verifiers[0]

    def _interaction(self, it: Item):
        i: m.Interaction = it.model
        contact_id = self.contacts.get(name_key(i.contact))
        if contact_id is None or (contact_id, i.date, i.channel) in self.touches:
            return None
        acc_ids = [self.by_lower.get(t.lower()) for t in dict.fromkeys(i.accomplishments)]
        if None in acc_ids or len(set(acc_ids)) != len(acc_ids):
            return None
        self.touches.add((contact_id, i.date, i.channel))
        return contact_id, acc_ids

    # --- writing ---------------------------------------------------------------------------------

    def _ids(self, sequence: str, n: int) -> list[int]:
        assert sequence in {"seq_accomplishment", "seq_interaction"}
        return [r[0] for r in self.cur.execute(f"SELECT nextval('{sequence}') FROM range(?) ORDER BY 1", [n])
                .fetchall()]

    def flush(self) -> None:
        """Write every queued record: one INSERT per table."""
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        {"accomplishment": self._write_accomplishments, "metric": self._write_metrics,
         "interaction": self._write_interactions}[pending[0][0].entity](pending)

    def _write_accomplishments(self, pending: list) -> None:
        ids = self._ids("seq_accomplishment", len(pending))
        accs, skills, comps, metrics, suggestions = [], [], [], [], []
        for acc_id, (it, (skill_ids, verifiers)) in zip(ids, pending, strict=True):
            a: m.Accomplishment = it.model
            accs.append((acc_id, a.title, a.start_date, a.end_date, a.employer, a.scope, a.situation, a.task,
                         a.action, a.result, list(a.links)))
            skills.extend((acc_id, s) for s in skill_ids)
            comps.extend((acc_id, c) for c in dict.fromkeys(a.competencies))
            metrics.extend((acc_id, x.category, x.description, x.baseline, x.new_value, x.unit, x.money_usd, x.hours,
                            x.confidence, v) for x, v in zip(a.metrics, verifiers, strict=True))
            suggestions.extend(_suggestions(acc_id, a, it))
        _insert(self.cur, "accomplishment", ACCOMPLISHMENT_COLS, accs)
        _insert(self.cur, "accomplishment_skill", {"accomplishment_id": "BIGINT", "skill_id": "BIGINT"}, skills)
        _insert(self.cur, "accomplishment_competency", {"accomplishment_id": "BIGINT", "competency_key": "VARCHAR"},
                comps)
        _insert(self.cur, "impact_metric", METRIC_COLS, metrics)
        _insert(self.cur, "metric_suggestion", SUGGESTION_COLS, suggestions)

    def _write_metrics(self, pending: list) -> None:
        _insert(self.cur, "impact_metric", METRIC_COLS, [
            (acc_id, x.category, x.description, x.baseline, x.new_value, x.unit, x.money_usd, x.hours, x.confidence, v)
            for _, (acc_id, x, v) in pending])

    def _write_interactions(self, pending: list) -> None:
        ids = self._ids("seq_interaction", len(pending))
        rows, links = [], []
        for iid, (it, (contact_id, acc_ids)) in zip(ids, pending, strict=True):
            i: m.Interaction = it.model
            rows.append((iid, contact_id, i.date, i.channel, i.notes, i.follow_up_due))
            links.extend((iid, a) for a in acc_ids)
        _insert(self.cur, "interaction", INTERACTION_COLS, rows)
        _insert(self.cur, "interaction_accomplishment", {"interaction_id": "BIGINT", "accomplishment_id": "BIGINT"},
                links)


def _suggestions(acc_id: int, a: m.Accomplishment, it: Item) -> list[tuple]:
    """A new win's suggestions as `imports._suggest` stores them: each once, and none that restates one
    of its metrics (same unit, new value and money)."""
    seen: set[tuple] = set()
    metrics = {(x.unit, x.new_value, x.money_usd) for x in a.metrics}
    out = []
    for s in it.suggestions:
        key = (s.unit, s.baseline, s.new_value, s.money_usd)
        if key in seen or (s.unit, s.new_value, s.money_usd) in metrics:
            continue
        seen.add(key)
        out.append((acc_id, s.category, s.description[:500], s.baseline, s.new_value, s.unit, s.money_usd, it.where))
    return out
