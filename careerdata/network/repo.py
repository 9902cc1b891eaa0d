"""Writes of the Network page: contacts, cadence tiers and visibility expectations.

Logging a touch and adding contacts and visibility items reuse the
core functions in `careerdata.journal.repo` (`add_interaction`, `add_contact`, ...). Every function here is
one transaction; callers pass models that are already valid; a reference that does not resolve
is an InputError naming the field, and nothing is written.
"""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.core.text import name_key
from careerdata.models import career as m
from careerdata.models import network as ms
from careerdata.store.db import require_row, transaction

# --- network ---------------------------------------------------------------------------

def update_contact(con, contact_id: int, contact: m.Contact) -> None:
    """Edit a contact (name, relationship, company, influence, advocacy stage, cadence, notes)."""
    c = contact
    with transaction(con) as cur:
        require_row(cur, "contact", contact_id, "contact")
        clash = cur.execute("SELECT id FROM contact WHERE name_key = ? AND id <> ?", [name_key(c.name), contact_id]).fetchone()
        if clash:
            raise InputError(f"contact.name: another contact is already called {c.name!r}")
        cur.execute(
            """UPDATE contact SET name = ?, name_key = ?, relationship = ?, company = ?, title = ?, influence = ?,
                   advocacy_stage = ?, cadence_days = ?, notes = ? WHERE id = ?""",
            [c.name, name_key(c.name), c.relationship, c.company, c.title, c.influence, c.advocacy_stage,
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
