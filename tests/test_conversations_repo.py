"""Conversation writes on a real DuckDB file: edits, objections, rehearsals, delete."""

from __future__ import annotations

import datetime as dt

import pytest

from careerdata.conversations import queries as cvq
from careerdata.conversations import repo as cvr
from careerdata.core.errors import InputError
from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.models import conversations as mc

TODAY = dt.date(2026, 11, 21)


def test_conversation_edits_objections_rehearsals_and_delete(empty_con):
    repo.add_contact(empty_con, m.Contact(name="Dana", relationship="manager"))
    cid = repo.add_conversation(empty_con, m.Conversation(title="Ask for a raise", kind="raise", counterpart="Dana"))
    plan = cvq.conversation_model(empty_con, cid).model_copy(
        update={"anchor": 230_000, "target": 215_000, "walk_away": 205_000, "talking_points": "- proof"})
    cvr.update_conversation(empty_con, cid, plan)
    assert cvq.conversation_model(empty_con, cid).target == 215_000
    cvr.set_conversation_occupation(empty_con, cid, mc.PayOccupation(onet_soc_code="15-1252.00"))
    with pytest.raises(InputError, match="no market pay data"):
        cvr.set_conversation_occupation(empty_con, cid, mc.PayOccupation(onet_soc_code="99-9999.00"))
    oid = cvr.add_objection(empty_con, cid, m.Objection(objection="No budget this cycle."))
    assert cvr.add_objections(empty_con, cid, [m.Objection(objection="no budget this cycle."),
                                              m.Objection(objection="Wait for the review.")]) == 1
    cvr.update_objection(empty_con, oid, m.Objection(objection="No budget this cycle.", answer="Then April, in writing."))
    cvr.add_rehearsal(empty_con, cid, m.Rehearsal(date=TODAY, confidence_before=2, confidence_after=4))
    row = cvq.conversations(empty_con).iloc[0]
    assert (row["status"], row["objections"], row["answered"], row["rehearsals"], row["onet_soc_code"]) == (
        "rehearsing", 2, 1, 1, "15-1252.00")
    cvr.delete_objection(empty_con, oid)
    assert len(cvq.objections(empty_con, cid)) == 1
    cvr.delete_conversation(empty_con, cid)
    for table in ("conversation", "conversation_objection", "conversation_rehearsal", "conversation_market"):
        assert empty_con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
