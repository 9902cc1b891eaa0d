"""Writes of the Conversations page: conversations, their objections and rehearsals, each in one transaction.

Adding a conversation reuses `careerdata.journal.repo.add_conversation`. A reference that does not
resolve is an InputError naming the field, and nothing is written.
"""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.core.text import name_key
from careerdata.journal.repo import id_by_name
from careerdata.models import career as m
from careerdata.models import conversations as mc
from careerdata.store.db import require_row, transaction


def update_conversation(con, conversation_id: int, conversation: m.Conversation) -> None:
    """Edit a conversation's plan, numbers, talking points, status and outcome.

    Its objections and rehearsals are kept; they change through their own functions.
    """
    c = conversation
    with transaction(con) as cur:
        require_row(cur, "conversation", conversation_id, "conversation")
        counterpart = id_by_name(cur, "contact", c.counterpart, "counterpart") if c.counterpart else None
        cur.execute(
            """UPDATE conversation SET title = ?, kind = ?, counterpart_contact_id = ?, planned_for = ?, goal = ?,
                   talking_points = ?, anchor = ?, target = ?, walk_away = ?, status = ?, outcome = ?
               WHERE id = ?""",
            [c.title, c.kind, counterpart, c.planned_for, c.goal, c.talking_points, c.anchor, c.target,
             c.walk_away, c.status, c.outcome, conversation_id],
        )


def set_conversation_occupation(con, conversation_id: int, occupation: mc.PayOccupation) -> None:
    """Remember which occupation's BLS pay percentiles this conversation quotes."""
    with transaction(con) as cur:
        require_row(cur, "conversation", conversation_id, "conversation")
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
        require_row(cur, "conversation", conversation_id, "conversation")
        return cur.execute(
            "INSERT INTO conversation_objection (conversation_id, objection, answer) VALUES (?, ?, ?) RETURNING id",
            [conversation_id, objection.objection, objection.answer],
        ).fetchone()[0]


def add_objections(con, conversation_id: int, objections: list[m.Objection]) -> int:
    """Add several objection cards at once, skipping ones the conversation already has (same text)."""
    added = 0
    with transaction(con) as cur:
        require_row(cur, "conversation", conversation_id, "conversation")
        existing = {
            name_key(r[0]) for r in cur.execute(
                "SELECT objection FROM conversation_objection WHERE conversation_id = ?", [conversation_id]).fetchall()
        }
        for o in objections:
            if name_key(o.objection) in existing:
                continue
            existing.add(name_key(o.objection))
            cur.execute("INSERT INTO conversation_objection (conversation_id, objection, answer) VALUES (?, ?, ?)",
                        [conversation_id, o.objection, o.answer])
            added += 1
    return added


def update_objection(con, objection_id: int, objection: m.Objection) -> None:
    with transaction(con) as cur:
        require_row(cur, "conversation_objection", objection_id, "objection")
        cur.execute("UPDATE conversation_objection SET objection = ?, answer = ? WHERE id = ?",
                    [objection.objection, objection.answer, objection_id])


def delete_objection(con, objection_id: int) -> None:
    with transaction(con) as cur:
        cur.execute("DELETE FROM conversation_objection WHERE id = ?", [objection_id])


def add_rehearsal(con, conversation_id: int, rehearsal: m.Rehearsal) -> int:
    """Log a rehearsal; a planned conversation becomes 'rehearsing'."""
    r = rehearsal
    with transaction(con) as cur:
        require_row(cur, "conversation", conversation_id, "conversation")
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
