"""Writes of the Pipeline page: moving, editing and deleting opportunities, each in one transaction.

Adding an opportunity reuses `careerdata.journal.repo.add_opportunity`. A reference that does not
resolve is an InputError naming the field, and nothing is written.
"""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.journal.repo import id_by_name
from careerdata.models import career as m
from careerdata.models import pipeline as mp
from careerdata.store.db import require_row, transaction


def move_opportunity(con, opportunity_id: int, move: mp.StageMove) -> None:
    """Move an opportunity to a stage on a date, keeping its stage history.

    The date must not be before its latest stage change. Moving back to a stage it already
    passed records the new date for that stage; reopening a lost opportunity removes the
    'lost' mark.
    """
    with transaction(con) as cur:
        require_row(cur, "opportunity", opportunity_id, "opportunity")
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
        require_row(cur, "opportunity", opportunity_id, "opportunity")
        first = cur.execute("SELECT min(entered_on) FROM opportunity_stage WHERE opportunity_id = ?",
                            [opportunity_id]).fetchone()[0]
        if first is not None and o.opened_on > first:
            raise InputError(f"opened_on: must be on or before {first:%Y-%m-%d}, when its first stage began")
        role_id = id_by_name(cur, "target_role", o.target_role, "target_role") if o.target_role else None
        cur.execute(
            """UPDATE opportunity SET title = ?, kind = ?, company = ?, target_role_id = ?, opened_on = ?,
                   next_step = ?, follow_up_due = ?, notes = ? WHERE id = ?""",
            [o.title, o.kind, o.company, role_id, o.opened_on, o.next_step, o.follow_up_due, o.notes,
             opportunity_id],
        )
        cur.execute("DELETE FROM opportunity_contact WHERE opportunity_id = ?", [opportunity_id])
        for n, name in enumerate(dict.fromkeys(o.contacts)):
            cid = id_by_name(cur, "contact", name, f"contacts[{n}]")
            cur.execute("INSERT INTO opportunity_contact VALUES (?, ?)", [opportunity_id, cid])


def delete_opportunity(con, opportunity_id: int) -> None:
    with transaction(con) as cur:
        for table in ("opportunity_contact", "opportunity_stage"):
            cur.execute(f"DELETE FROM {table} WHERE opportunity_id = ?", [opportunity_id])
        cur.execute("DELETE FROM opportunity WHERE id = ?", [opportunity_id])
