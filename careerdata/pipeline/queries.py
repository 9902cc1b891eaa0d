"""Reads of the Pipeline page: opportunities and their stage history."""

from __future__ import annotations

import pandas as pd

from careerdata.models import career as m
from careerdata.store.db import frame


def opportunities(con) -> pd.DataFrame:
    """Opportunities with their target role, contacts (comma-separated) and current-stage date."""
    return frame(con, """
        SELECT o.id, o.title, o.kind, o.company, r.name AS target_role, o.stage, o.opened_on, o.next_step,
               o.follow_up_due, o.notes,
               coalesce((SELECT string_agg(c.name, ', ' ORDER BY c.name) FROM opportunity_contact oc
                         JOIN contact c ON c.id = oc.contact_id WHERE oc.opportunity_id = o.id), '') AS contacts,
               (SELECT max(s.entered_on) FROM opportunity_stage s
                WHERE s.opportunity_id = o.id AND s.stage = o.stage) AS stage_since
        FROM opportunity o LEFT JOIN target_role r ON r.id = o.target_role_id
        ORDER BY o.opened_on DESC, o.id DESC
    """)


def opportunity_stages(con) -> pd.DataFrame:
    return frame(con, "SELECT opportunity_id, stage, entered_on FROM opportunity_stage "
                    "ORDER BY opportunity_id, entered_on")


def opportunity_model(con, opportunity_id: int) -> m.Opportunity:
    """One opportunity as the model its edit form validates (stage history left out)."""
    cur = con.cursor()
    row = cur.execute("""
        SELECT o.title, o.kind, o.company, r.name, o.stage, o.opened_on, o.next_step, o.follow_up_due, o.notes
        FROM opportunity o LEFT JOIN target_role r ON r.id = o.target_role_id WHERE o.id = ?""",
                      [opportunity_id]).fetchone()
    if row is None:
        raise KeyError(opportunity_id)
    keys = ["title", "kind", "company", "target_role", "stage", "opened_on", "next_step", "follow_up_due", "notes"]
    data = dict(zip(keys, row, strict=True))
    data["contacts"] = [r[0] for r in cur.execute(
        "SELECT c.name FROM opportunity_contact oc JOIN contact c ON c.id = oc.contact_id "
        "WHERE oc.opportunity_id = ? ORDER BY c.name", [opportunity_id]).fetchall()]
    return m.Opportunity.model_validate(data)
