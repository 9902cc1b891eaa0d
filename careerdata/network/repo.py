"""Writes for the career-sales pages: contacts, cadence tiers, pipeline moves, conversations.

Logging a touch and adding contacts, visibility items, opportunities and conversations reuse the
core functions in `careerdata.journal.repo` (`add_interaction`, `add_contact`, ...). Every function here is
one transaction; callers pass models that are already valid; a reference that does not resolve
is an InputError naming the field, and nothing is written.
"""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.journal.repo import Cursor, _id_by_name, _key
from careerdata.models import career as m
from careerdata.models import network as ms
from careerdata.store.db import transaction


def _require(cur: Cursor, table: str, row_id: int, what: str) -> None:
    assert table in {"contact", "opportunity", "conversation", "conversation_objection", "conversation_rehearsal"}
    if cur.execute(f"SELECT count(*) FROM {table} WHERE id = ?", [row_id]).fetchone()[0] == 0:
        raise InputError(f"{what} {row_id} does not exist (was it deleted?)")


# --- network ---------------------------------------------------------------------------

def update_contact(con, contact_id: int, contact: m.Contact) -> None:
    """Edit a contact (name, relationship, company, influence, advocacy stage, cadence, notes)."""
    c = contact
    with transaction(con) as cur:
        _require(cur, "contact", contact_id, "contact")
        clash = cur.execute("SELECT id FROM contact WHERE name_key = ? AND id <> ?", [_key(c.name), contact_id]).fetchone()
        if clash:
            raise InputError(f"contact.name: another contact is already called {c.name!r}")
        cur.execute(
            """UPDATE contact SET name = ?, name_key = ?, relationship = ?, company = ?, title = ?, influence = ?,
                   advocacy_stage = ?, cadence_days = ?, notes = ? WHERE id = ?""",
            [c.name, _key(c.name), c.relationship, c.company, c.title, c.influence, c.advocacy_stage,
             c.cadence_days, c.notes, contact_id],
        )


def save_cadence_tiers(con, tiers: list[ms.CadenceTier]) -> int:
    """Replace the ideal/max days of the given tiers.

    Contacts whose cadence equals their tier's old ideal (they were on the default) move to the
    new ideal; contacts with a cadence of their own keep it. Returns how many contacts moved.
    """
    moved = 0
    with transaction(con) as cur:
        seen = set()
        for n, tier in enumerate(tiers):
            if tier.relationship in seen:
                raise InputError(f"tiers[{n}].relationship: {tier.relationship!r} is listed twice")
            seen.add(tier.relationship)
            old = cur.execute("SELECT ideal_days FROM cadence_tier WHERE relationship = ?",
                              [tier.relationship]).fetchone()
            if old is not None and old[0] != tier.ideal_days:
                moved += cur.execute(
                    "SELECT count(*) FROM contact WHERE relationship = ? AND cadence_days = ?",
                    [tier.relationship, old[0]]).fetchone()[0]
                cur.execute("UPDATE contact SET cadence_days = ? WHERE relationship = ? AND cadence_days = ?",
                            [tier.ideal_days, tier.relationship, old[0]])
            cur.execute(
                """INSERT INTO cadence_tier (relationship, ideal_days, max_days) VALUES (?, ?, ?)
                   ON CONFLICT (relationship) DO UPDATE SET ideal_days = excluded.ideal_days,
                       max_days = excluded.max_days""",
                [tier.relationship, tier.ideal_days, tier.max_days],
            )
    return moved


def save_visibility_expectations(con, rows: list[ms.VisibilityExpectation]) -> None:
    with transaction(con) as cur:
        for row in rows:
            cur.execute(
                """INSERT INTO visibility_expectation (influence_target, items_per_year, external_per_year)
                   VALUES (?, ?, ?)
                   ON CONFLICT (influence_target) DO UPDATE SET items_per_year = excluded.items_per_year,
                       external_per_year = excluded.external_per_year""",
                [row.influence_target, row.items_per_year, row.external_per_year],
            )


# --- pipeline --------------------------------------------------------------------------

def move_opportunity(con, opportunity_id: int, move: ms.StageMove) -> None:
    """Move an opportunity to a stage on a date, keeping its stage history.

    The date must not be before its latest stage change. Moving back to a stage it already
    passed records the new date for that stage; reopening a lost opportunity removes the
    'lost' mark.
    """
    with transaction(con) as cur:
        _require(cur, "opportunity", opportunity_id, "opportunity")
        current = cur.execute("SELECT stage FROM opportunity WHERE id = ?", [opportunity_id]).fetchone()[0]
        if move.stage == current:
            raise InputError(f"stage: the opportunity is already at {current!r}")
        last = cur.execute("SELECT max(entered_on) FROM opportunity_stage WHERE opportunity_id = ?",
                           [opportunity_id]).fetchone()[0]
        if last is not None and move.entered_on < last:
            raise InputError(f"entered_on: must be on or after {last:%Y-%m-%d}, the date of its last stage change")
        if current == "lost":
            cur.execute("DELETE FROM opportunity_stage WHERE opportunity_id = ? AND stage = 'lost'", [opportunity_id])
        cur.execute(
            """INSERT INTO opportunity_stage (opportunity_id, stage, entered_on) VALUES (?, ?, ?)
               ON CONFLICT (opportunity_id, stage) DO UPDATE SET entered_on = excluded.entered_on""",
            [opportunity_id, move.stage, move.entered_on],
        )
        cur.execute("UPDATE opportunity SET stage = ?, next_step = ?, follow_up_due = ? WHERE id = ?",
                    [move.stage, move.next_step, move.follow_up_due, opportunity_id])


def update_opportunity(con, opportunity_id: int, opportunity: m.Opportunity) -> None:
    """Edit an opportunity's details and contacts (its stage changes only through `move_opportunity`)."""
    o = opportunity
    with transaction(con) as cur:
        _require(cur, "opportunity", opportunity_id, "opportunity")
        first = cur.execute("SELECT min(entered_on) FROM opportunity_stage WHERE opportunity_id = ?",
                            [opportunity_id]).fetchone()[0]
        if first is not None and o.opened_on > first:
            raise InputError(f"opened_on: must be on or before {first:%Y-%m-%d}, when its first stage began")
        role_id = _id_by_name(cur, "target_role", o.target_role, "target_role") if o.target_role else None
        cur.execute(
            """UPDATE opportunity SET title = ?, kind = ?, company = ?, target_role_id = ?, opened_on = ?,
                   next_step = ?, follow_up_due = ?, notes = ? WHERE id = ?""",
            [o.title, o.kind, o.company, role_id, o.opened_on, o.next_step, o.follow_up_due, o.notes,
             opportunity_id],
        )
        cur.execute("DELETE FROM opportunity_contact WHERE opportunity_id = ?", [opportunity_id])
        for n, name in enumerate(dict.fromkeys(o.contacts)):
            cid = _id_by_name(cur, "contact", name, f"contacts[{n}]")
            cur.execute("INSERT INTO opportunity_contact VALUES (?, ?)", [opportunity_id, cid])


def delete_opportunity(con, opportunity_id: int) -> None:
    with transaction(con) as cur:
        for table in ("opportunity_contact", "opportunity_stage"):
            cur.execute(f"DELETE FROM {table} WHERE opportunity_id = ?", [opportunity_id])
        cur.execute("DELETE FROM opportunity WHERE id = ?", [opportunity_id])


# --- conversations ---------------------------------------------------------------------

def update_conversation(con, conversation_id: int, conversation: m.Conversation) -> None:
    """Edit a conversation's plan, numbers, talking points, status and outcome.

    Its objections and rehearsals are kept; they change through their own functions.
    """
    c = conversation
    with transaction(con) as cur:
        _require(cur, "conversation", conversation_id, "conversation")
        counterpart = _id_by_name(cur, "contact", c.counterpart, "counterpart") if c.counterpart else None
        cur.execute(
            """UPDATE conversation SET title = ?, kind = ?, counterpart_contact_id = ?, planned_for = ?, goal = ?,
                   talking_points = ?, anchor = ?, target = ?, walk_away = ?, status = ?, outcome = ?
               WHERE id = ?""",
            [c.title, c.kind, counterpart, c.planned_for, c.goal, c.talking_points, c.anchor, c.target,
             c.walk_away, c.status, c.outcome, conversation_id],
        )


def set_conversation_occupation(con, conversation_id: int, occupation: ms.PayOccupation) -> None:
    """Remember which occupation's BLS pay percentiles this conversation quotes."""
    with transaction(con) as cur:
        _require(cur, "conversation", conversation_id, "conversation")
        known = cur.execute("SELECT count(*) FROM market_role WHERE onet_soc_code = ?",
                            [occupation.onet_soc_code]).fetchone()[0]
        if not known:
            raise InputError(f"onet_soc_code: no market pay data for {occupation.onet_soc_code!r}")
        cur.execute(
            """INSERT INTO conversation_market (conversation_id, onet_soc_code) VALUES (?, ?)
               ON CONFLICT (conversation_id) DO UPDATE SET onet_soc_code = excluded.onet_soc_code""",
            [conversation_id, occupation.onet_soc_code],
        )


def add_objection(con, conversation_id: int, objection: m.Objection) -> int:
    with transaction(con) as cur:
        _require(cur, "conversation", conversation_id, "conversation")
        return cur.execute(
            "INSERT INTO conversation_objection (conversation_id, objection, answer) VALUES (?, ?, ?) RETURNING id",
            [conversation_id, objection.objection, objection.answer],
        ).fetchone()[0]


def add_objections(con, conversation_id: int, objections: list[m.Objection]) -> int:
    """Add several objection cards at once, skipping ones the conversation already has (same text)."""
    added = 0
    with transaction(con) as cur:
        _require(cur, "conversation", conversation_id, "conversation")
        existing = {
            _key(r[0]) for r in cur.execute(
                "SELECT objection FROM conversation_objection WHERE conversation_id = ?", [conversation_id]).fetchall()
        }
        for o in objections:
            if _key(o.objection) in existing:
                continue
            existing.add(_key(o.objection))
            cur.execute("INSERT INTO conversation_objection (conversation_id, objection, answer) VALUES (?, ?, ?)",
                        [conversation_id, o.objection, o.answer])
            added += 1
    return added


def update_objection(con, objection_id: int, objection: m.Objection) -> None:
    with transaction(con) as cur:
        _require(cur, "conversation_objection", objection_id, "objection")
        cur.execute("UPDATE conversation_objection SET objection = ?, answer = ? WHERE id = ?",
                    [objection.objection, objection.answer, objection_id])


def delete_objection(con, objection_id: int) -> None:
    with transaction(con) as cur:
        cur.execute("DELETE FROM conversation_objection WHERE id = ?", [objection_id])


def add_rehearsal(con, conversation_id: int, rehearsal: m.Rehearsal) -> int:
    """Log a rehearsal; a planned conversation becomes 'rehearsing'."""
    r = rehearsal
    with transaction(con) as cur:
        _require(cur, "conversation", conversation_id, "conversation")
        rid = cur.execute(
            """INSERT INTO conversation_rehearsal (conversation_id, date, confidence_before, confidence_after, notes)
               VALUES (?, ?, ?, ?, ?) RETURNING id""",
            [conversation_id, r.date, r.confidence_before, r.confidence_after, r.notes],
        ).fetchone()[0]
        cur.execute("UPDATE conversation SET status = 'rehearsing' WHERE id = ? AND status = 'planned'",
                    [conversation_id])
        return rid


def delete_rehearsal(con, rehearsal_id: int) -> None:
    with transaction(con) as cur:
        cur.execute("DELETE FROM conversation_rehearsal WHERE id = ?", [rehearsal_id])


def delete_conversation(con, conversation_id: int) -> None:
    with transaction(con) as cur:
        for table in ("conversation_objection", "conversation_rehearsal", "conversation_market"):
            cur.execute(f"DELETE FROM {table} WHERE conversation_id = ?", [conversation_id])
        cur.execute("DELETE FROM conversation WHERE id = ?", [conversation_id])

