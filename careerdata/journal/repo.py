"""All writes to the career file go through here, each in one transaction.

Public functions take the shared connection, validate nothing themselves (callers pass
pydantic models, already valid) and resolve names to ids inside the transaction: a name
that does not resolve is an InputError naming the field, and nothing is written.
The `_insert_*` helpers take a cursor that is already inside a transaction, so a whole
career file can be loaded atomically.
"""

from __future__ import annotations

import duckdb

from careerdata.core.errors import InputError
from careerdata.core.text import name_key
from careerdata.models import career as m
from careerdata.store.db import Cursor, transaction


def id_by_name(cur: Cursor, table: str, name: str, field: str) -> int:
    """Look up an id by case-insensitive name in an allowlisted table."""
    assert table in {"skill", "contact", "target_role"}
    row = cur.execute(f"SELECT id FROM {table} WHERE name_key = ?", [name_key(name)]).fetchone()
    if row is None:
        raise InputError(f"{field}: unknown {table.replace('_', ' ')} {name!r}")
    return row[0]


def accomplishment_id(cur: Cursor, title: str, field: str) -> int:
    row = cur.execute(
        "SELECT id FROM accomplishment WHERE lower(title) = lower(?) ORDER BY id LIMIT 1", [title]
    ).fetchone()
    if row is None:
        raise InputError(f"{field}: unknown accomplishment {title!r}")
    return row[0]


# --- meta & profile -------------------------------------------------------------------

def _set_meta(cur: Cursor, key: str, value: str) -> None:
    cur.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [key, value])


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    with transaction(con) as cur:
        _set_meta(cur, key, value)


def write_profile(cur: Cursor, p: m.Profile) -> None:
    cur.execute(
        """INSERT OR REPLACE INTO profile (id, name, headline, current_title, current_level, current_pay,
               review_cycle_start, review_cycle_end, updated_at)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?, current_timestamp)""",
        [p.name, p.headline, p.current_title, p.current_level, p.current_pay,
         p.review_cycle_start, p.review_cycle_end],
    )


def save_profile(con, profile: m.Profile) -> None:
    with transaction(con) as cur:
        write_profile(cur, profile)


def insert_position(cur: Cursor, p: m.Position) -> int:
    return cur.execute(
        "INSERT INTO position (employer, title, level, start_date, end_date) VALUES (?, ?, ?, ?, ?) RETURNING id",
        [p.employer, p.title, p.level, p.start_date, p.end_date],
    ).fetchone()[0]


# --- skills ---------------------------------------------------------------------------

def insert_skill(cur: Cursor, s: m.Skill) -> int:
    existing = cur.execute("SELECT id FROM skill WHERE name_key = ?", [name_key(s.name)]).fetchone()
    if existing:
        raise InputError(f"skill.name: a skill called {s.name!r} already exists")
    return cur.execute(
        "INSERT INTO skill (name, name_key, kind, taxonomy_id, notes) VALUES (?, ?, ?, ?, ?) RETURNING id",
        [s.name, name_key(s.name), s.kind, s.taxonomy_id, s.notes],
    ).fetchone()[0]


def add_skill(con, skill: m.Skill, first_assessment: m.SkillAssessment | None = None) -> int:
    """Add a skill, with the user's level today, in one transaction."""
    with transaction(con) as cur:
        skill_id = insert_skill(cur, skill)
        if first_assessment is not None:
            insert_assessment(cur, first_assessment)
        return skill_id


def update_skill(con, skill_id: int, skill: m.Skill) -> None:
    with transaction(con) as cur:
        clash = cur.execute(
            "SELECT id FROM skill WHERE name_key = ? AND id <> ?", [name_key(skill.name), skill_id]
        ).fetchone()
        if clash:
            raise InputError(f"skill.name: another skill is already called {skill.name!r}")
        cur.execute(
            "UPDATE skill SET name = ?, name_key = ?, kind = ?, taxonomy_id = ?, notes = ? WHERE id = ?",
            [skill.name, name_key(skill.name), skill.kind, skill.taxonomy_id, skill.notes, skill_id],
        )


def insert_assessment(cur: Cursor, a: m.SkillAssessment, field: str = "assessment.skill") -> int:
    skill_id = id_by_name(cur, "skill", a.skill, field)
    return cur.execute(
        "INSERT INTO skill_assessment (skill_id, as_of, self_level, note) VALUES (?, ?, ?, ?) RETURNING id",
        [skill_id, a.as_of, a.self_level, a.note],
    ).fetchone()[0]


def record_assessment(con, assessment: m.SkillAssessment) -> int:
    """Append a self-assessment (assessments are never edited, so the history stays honest)."""
    with transaction(con) as cur:
        return insert_assessment(cur, assessment)


# --- accomplishments ------------------------------------------------------------------

def write_accomplishment_children(cur: Cursor, acc_id: int, a: m.Accomplishment, where: str) -> None:
    for i, name in enumerate(a.skills):
        skill_id = id_by_name(cur, "skill", name, f"{where}skills[{i}]")
        cur.execute("INSERT INTO accomplishment_skill VALUES (?, ?)", [acc_id, skill_id])
    wanted = list(dict.fromkeys(a.competencies))
    if wanted:
        known = {r[0] for r in cur.execute("SELECT key FROM competency").fetchall()}
        unknown = [c for c in wanted if c not in known]
        if unknown:
            i = a.competencies.index(unknown[0])
            listed = ", ".join(sorted(known)[:12]) + (" …" if len(known) > 12 else "")
            raise InputError(f"{where}competencies[{i}]: unknown competency {unknown[0]!r}; the ladder's competencies "
                             f"are: {listed or 'none (load a ladder first)'}")
    for comp in wanted:
        cur.execute(
            "INSERT INTO accomplishment_competency (accomplishment_id, competency_key) VALUES (?, ?)",
            [acc_id, comp],
        )
    for i, metric in enumerate(a.metrics):
        insert_metric(cur, acc_id, metric, f"{where}metrics[{i}]")


def insert_metric(cur: Cursor, acc_id: int, metric: m.ImpactMetric, where: str = "metric") -> int:
    """One impact metric on an accomplishment; its verifier is resolved by name (InputError naming
    `where`.verified_by when no contact has that name)."""
    verifier = id_by_name(cur, "contact", metric.verified_by, f"{where}.verified_by") if metric.verified_by else None
    return cur.execute(
        """INSERT INTO impact_metric (accomplishment_id, category, description, baseline, new_value, unit,
               money_usd, hours, confidence, verified_by_contact_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        [acc_id, metric.category, metric.description, metric.baseline, metric.new_value, metric.unit,
         metric.money_usd, metric.hours, metric.confidence, verifier],
    ).fetchone()[0]


def insert_accomplishment(cur: Cursor, a: m.Accomplishment, where: str = "") -> int:
    acc_id = cur.execute(
        """INSERT INTO accomplishment (title, start_date, end_date, employer, scope, situation, task, action,
               result, links)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        [a.title, a.start_date, a.end_date, a.employer, a.scope, a.situation, a.task, a.action, a.result,
         a.links],
    ).fetchone()[0]
    write_accomplishment_children(cur, acc_id, a, where)
    return acc_id


def add_accomplishment(con, accomplishment: m.Accomplishment) -> int:
    with transaction(con) as cur:
        return insert_accomplishment(cur, accomplishment)


def _delete_accomplishment_children(cur: Cursor, acc_id: int, metrics: bool = True) -> None:
    for table in ("accomplishment_skill", "impact_metric") if metrics else ("accomplishment_skill",):
        cur.execute(f"DELETE FROM {table} WHERE accomplishment_id = ?", [acc_id])
    cur.execute("DELETE FROM accomplishment_competency WHERE accomplishment_id = ? AND status = 'linked'", [acc_id])


def update_accomplishment(con, acc_id: int, accomplishment: m.Accomplishment, *, metrics: bool = True) -> None:
    """Replace an accomplishment with its skills, metrics and competency links.

    With `metrics=False` the win's impact metrics stay as they are and `accomplishment.metrics` is
    ignored: the Journal edits a win's text and its metrics separately (`add_metric`, `update_metric`).

    The form lists the competencies the user wants: those become links (a confirmed one stays
    confirmed, a once-rejected suggestion the user now ticks becomes a link); links the user
    removed are dropped; rejected suggestions not ticked stay rejected so they are not offered again.
    """
    a = accomplishment
    with transaction(con) as cur:
        if cur.execute("SELECT count(*) FROM accomplishment WHERE id = ?", [acc_id]).fetchone()[0] == 0:
            raise InputError(f"accomplishment {acc_id} does not exist (was it deleted?)")
        cur.execute(
            """UPDATE accomplishment SET title = ?, start_date = ?, end_date = ?, employer = ?, scope = ?,
                   situation = ?, task = ?, action = ?, result = ?, links = ?, updated_at = current_timestamp
               WHERE id = ?""",
            [a.title, a.start_date, a.end_date, a.employer, a.scope, a.situation, a.task, a.action, a.result,
             a.links, acc_id],
        )
        _delete_accomplishment_children(cur, acc_id, metrics)
        wanted = list(dict.fromkeys(a.competencies))
        marks = ", ".join("?" for _ in wanted) or "NULL"
        cur.execute(f"""DELETE FROM accomplishment_competency
                        WHERE accomplishment_id = ? AND status = 'confirmed' AND competency_key NOT IN ({marks})""",
                    [acc_id, *wanted])
        cur.execute(f"""UPDATE accomplishment_competency SET status = 'linked'
                        WHERE accomplishment_id = ? AND status = 'rejected' AND competency_key IN ({marks})""",
                    [acc_id, *wanted])
        existing = {
            r[0] for r in cur.execute(
                "SELECT competency_key FROM accomplishment_competency WHERE accomplishment_id = ?", [acc_id]
            ).fetchall()
        }
        a = a.model_copy(update={"competencies": [c for c in wanted if c not in existing],
                                 **({} if metrics else {"metrics": []})})
        write_accomplishment_children(cur, acc_id, a, "")


def delete_accomplishment(con, acc_id: int) -> None:
    with transaction(con) as cur:
        _delete_accomplishment_children(cur, acc_id)
        cur.execute("DELETE FROM accomplishment_competency WHERE accomplishment_id = ?", [acc_id])
        cur.execute("DELETE FROM interaction_accomplishment WHERE accomplishment_id = ?", [acc_id])
        cur.execute("DELETE FROM metric_suggestion WHERE accomplishment_id = ?", [acc_id])
        cur.execute("DELETE FROM accomplishment WHERE id = ?", [acc_id])


# --- network, visibility, roles, pipeline, conversations ------------------------------

def insert_contact(cur: Cursor, c: m.Contact) -> int:
    if cur.execute("SELECT count(*) FROM contact WHERE name_key = ?", [name_key(c.name)]).fetchone()[0]:
        raise InputError(f"contact.name: a contact called {c.name!r} already exists")
    return cur.execute(
        """INSERT INTO contact (name, name_key, relationship, company, title, influence, advocacy_stage,
               cadence_days, notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        [c.name, name_key(c.name), c.relationship, c.company, c.title, c.influence, c.advocacy_stage,
         c.cadence_days, c.notes],
    ).fetchone()[0]


def add_contact(con, contact: m.Contact) -> int:
    with transaction(con) as cur:
        return insert_contact(cur, contact)


def insert_interaction(cur: Cursor, i: m.Interaction, where: str = "") -> int:
    contact_id = id_by_name(cur, "contact", i.contact, f"{where}contact")
    iid = cur.execute(
        "INSERT INTO interaction (contact_id, date, channel, notes, follow_up_due) VALUES (?, ?, ?, ?, ?) "
        "RETURNING id",
        [contact_id, i.date, i.channel, i.notes, i.follow_up_due],
    ).fetchone()[0]
    for n, title in enumerate(dict.fromkeys(i.accomplishments)):
        acc_id = accomplishment_id(cur, title, f"{where}accomplishments[{n}]")
        cur.execute("INSERT INTO interaction_accomplishment VALUES (?, ?)", [iid, acc_id])
    return iid


def add_interaction(con, interaction: m.Interaction) -> int:
    with transaction(con) as cur:
        return insert_interaction(cur, interaction)


def insert_visibility(cur: Cursor, v: m.VisibilityItem) -> int:
    return cur.execute(
        """INSERT INTO visibility_item (title, kind, venue, date, audience, reach, is_external, url)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        [v.title, v.kind, v.venue, v.date, v.audience, v.reach, v.is_external, v.url],
    ).fetchone()[0]


def add_visibility_item(con, item: m.VisibilityItem) -> int:
    with transaction(con) as cur:
        return insert_visibility(cur, item)


def insert_target_role(cur: Cursor, r: m.TargetRole, where: str = "") -> int:
    if cur.execute("SELECT count(*) FROM target_role WHERE name_key = ?", [name_key(r.name)]).fetchone()[0]:
        raise InputError(f"{where}name: a target role called {r.name!r} already exists")
    rid = cur.execute(
        """INSERT INTO target_role (name, name_key, level, company, onet_soc_code, pay_min, pay_max, notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        [r.name, name_key(r.name), r.level, r.company, r.onet_soc_code, r.pay_min, r.pay_max, r.notes],
    ).fetchone()[0]
    seen = set()
    for n, s in enumerate(r.skills):
        if name_key(s.skill) in seen:
            raise InputError(f"{where}skills[{n}].skill: {s.skill!r} is listed twice")
        seen.add(name_key(s.skill))
        cur.execute(
            "INSERT INTO target_role_skill VALUES (?, ?, ?, ?, ?)",
            [rid, s.skill, s.importance, s.required_level, s.must_have],
        )
    for p in r.pay_points:
        cur.execute(
            "INSERT INTO target_role_pay_point (target_role_id, amount, kind, as_of, note) VALUES (?, ?, ?, ?, ?)",
            [rid, p.amount, p.kind, p.as_of, p.note],
        )
    return rid


def add_target_role(con, role: m.TargetRole) -> int:
    with transaction(con) as cur:
        return insert_target_role(cur, role)


def insert_opportunity(cur: Cursor, o: m.Opportunity, where: str = "") -> int:
    role_id = id_by_name(cur, "target_role", o.target_role, f"{where}target_role") if o.target_role else None
    oid = cur.execute(
        """INSERT INTO opportunity (title, kind, company, target_role_id, stage, opened_on, next_step,
               follow_up_due, notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        [o.title, o.kind, o.company, role_id, o.stage, o.opened_on, o.next_step, o.follow_up_due, o.notes],
    ).fetchone()[0]
    for n, name in enumerate(dict.fromkeys(o.contacts)):
        cid = id_by_name(cur, "contact", name, f"{where}contacts[{n}]")
        cur.execute("INSERT INTO opportunity_contact VALUES (?, ?)", [oid, cid])
    stages = {h.stage: h.entered_on for h in o.history}
    stages.setdefault(o.stage, max([o.opened_on, *stages.values()]))
    for stage, entered in stages.items():
        cur.execute("INSERT INTO opportunity_stage VALUES (?, ?, ?)", [oid, stage, entered])
    return oid


def add_opportunity(con, opportunity: m.Opportunity) -> int:
    with transaction(con) as cur:
        return insert_opportunity(cur, opportunity)


def insert_conversation(cur: Cursor, c: m.Conversation, where: str = "") -> int:
    counterpart = id_by_name(cur, "contact", c.counterpart, f"{where}counterpart") if c.counterpart else None
    cid = cur.execute(
        """INSERT INTO conversation (title, kind, counterpart_contact_id, planned_for, goal, talking_points,
               anchor, target, walk_away, status, outcome)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        [c.title, c.kind, counterpart, c.planned_for, c.goal, c.talking_points, c.anchor, c.target,
         c.walk_away, c.status, c.outcome],
    ).fetchone()[0]
    for o in c.objections:
        cur.execute(
            "INSERT INTO conversation_objection (conversation_id, objection, answer) VALUES (?, ?, ?)",
            [cid, o.objection, o.answer],
        )
    for r in c.rehearsals:
        cur.execute(
            """INSERT INTO conversation_rehearsal (conversation_id, date, confidence_before, confidence_after, notes)
               VALUES (?, ?, ?, ?, ?)""",
            [cid, r.date, r.confidence_before, r.confidence_after, r.notes],
        )
    return cid


def add_conversation(con, conversation: m.Conversation) -> int:
    with transaction(con) as cur:
        return insert_conversation(cur, conversation)


# --- ladder & whole files -------------------------------------------------------------

def _replace_ladder(cur: Cursor, ladder: m.Ladder) -> None:
    for table in ("level_expectation", "competency", "ladder_level", "ladder"):
        cur.execute(f"DELETE FROM {table}")
    cur.execute("INSERT INTO ladder (id, name, source) VALUES (1, ?, ?)", [ladder.name, ladder.source])
    for lvl in ladder.levels:
        cur.execute("INSERT INTO ladder_level VALUES (?, ?, ?, ?, ?)",
                    [lvl.code, lvl.track, lvl.rank, lvl.title, lvl.summary])
    for c in ladder.competencies:
        cur.execute("INSERT INTO competency VALUES (?, ?, ?, ?)", [c.key, c.name, c.group, c.description])
    for e in ladder.expectations:
        cur.execute("INSERT INTO level_expectation VALUES (?, ?, ?, ?)",
                    [e.level, e.competency, e.target, e.text])


def replace_ladder(con, ladder: m.Ladder) -> None:
    """Load a company's ladder in place of the current one (evidence links keep their keys)."""
    with transaction(con) as cur:
        _replace_ladder(cur, ladder)


# --- impact metrics, one at a time (the Journal's metric editor) ------------------------------

def _require_accomplishment(cur: Cursor, acc_id: int) -> None:
    if cur.execute("SELECT count(*) FROM accomplishment WHERE id = ?", [acc_id]).fetchone()[0] == 0:
        raise InputError(f"accomplishment {acc_id} does not exist (was it deleted?)")


def add_metric(con, acc_id: int, metric: m.ImpactMetric) -> int:
    """Add one impact metric to an accomplishment; returns the metric's id."""
    with transaction(con) as cur:
        _require_accomplishment(cur, acc_id)
        return insert_metric(cur, acc_id, metric)


def update_metric(con, metric_id: int, metric: m.ImpactMetric) -> None:
    """Replace one impact metric's fields (it stays on its accomplishment, with its id)."""
    with transaction(con) as cur:
        if cur.execute("SELECT count(*) FROM impact_metric WHERE id = ?", [metric_id]).fetchone()[0] == 0:
            raise InputError(f"metric {metric_id} does not exist (was it deleted?)")
        verifier = (id_by_name(cur, "contact", metric.verified_by, "metric.verified_by")
                    if metric.verified_by else None)
        cur.execute(
            """UPDATE impact_metric SET category = ?, description = ?, baseline = ?, new_value = ?, unit = ?,
                   money_usd = ?, hours = ?, confidence = ?, verified_by_contact_id = ?
               WHERE id = ?""",
            [metric.category, metric.description, metric.baseline, metric.new_value, metric.unit,
             metric.money_usd, metric.hours, metric.confidence, verifier, metric_id])


def delete_metric(con, metric_id: int) -> None:
    with transaction(con) as cur:
        cur.execute("DELETE FROM impact_metric WHERE id = ?", [metric_id])


# --- metric suggestions (figures read from imported text) ----------------------------------

def confirm_suggestion(con, suggestion_id: int, metric: m.ImpactMetric | None = None) -> int:
    """Turn a suggested metric into a real impact metric and mark it confirmed, in one transaction.

    `metric` is the suggestion as the user reviewed it in the metric editor; without it the
    suggestion is taken as read (confidence "estimated": your reading of your own text).
    Returns the new metric's id."""
    with transaction(con) as cur:
        row = cur.execute("""SELECT accomplishment_id, category, description, baseline, new_value, unit, money_usd
                             FROM metric_suggestion WHERE id = ? AND status = 'open'""", [suggestion_id]).fetchone()
        if row is None:
            raise InputError("suggestion: it was already confirmed or dismissed (or its win was deleted)")
        acc_id, category, description, baseline, new_value, unit, money = row
        if metric is None:
            metric = m.ImpactMetric(category=category, description=description, baseline=baseline,
                                    new_value=new_value, unit=unit, money_usd=money, confidence="estimated")
        metric_id = insert_metric(cur, acc_id, metric)
        cur.execute("UPDATE metric_suggestion SET status = 'confirmed' WHERE id = ?", [suggestion_id])
        return metric_id


def dismiss_suggestion(con, suggestion_id: int) -> None:
    """Keep a suggestion as dismissed, so importing the same file again does not offer it again."""
    with transaction(con) as cur:
        cur.execute("UPDATE metric_suggestion SET status = 'dismissed' WHERE id = ? AND status = 'open'",
                    [suggestion_id])
