"""Writes for offers, each user action in one transaction.

An offer belongs to an opportunity at the offer stage (found by its title, compared as a name
key) or is the current job (at most one). `insert_offer` and `find_offer` take a cursor that is
already inside a transaction, so the demo loader and the CSV importer write a whole file at once.
The negotiation drafted from an offer is saved as a conversation (with its objections) and linked
to the offer in the same transaction; saving it again updates the plan and keeps the rehearsal log.
"""

from __future__ import annotations

import duckdb

from careerdata.core import clock
from careerdata.core.errors import InputError
from careerdata.models import career as m
from careerdata.models.offers import Offer
from careerdata.store.db import transaction

Cursor = duckdb.DuckDBPyConnection

COLUMNS = ("opportunity_id", "is_current_job", "company", "title", "level", "onet_soc_code", "currency", "base",
           "bonus_pct", "bonus_amount", "sign_on", "sign_on_clawback_months", "equity_kind", "equity_value",
           "option_count", "strike", "current_price", "vesting", "cliff_months", "refresh_per_year",
           "benefits_value", "start_date", "notes")
OFFER_STAGES = ("offer", "accepted")  # an opportunity must have reached an offer to hold one


def name_key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def opportunity_id(cur: Cursor, title: str, field: str = "opportunity") -> int:
    """The id of the opportunity with this title; it must be at the offer stage (or accepted)."""
    rows = cur.execute("SELECT id, title, stage FROM opportunity ORDER BY id").fetchall()
    match = [r for r in rows if name_key(r[1]) == name_key(title)]
    if not match:
        raise InputError(f"{field}: no opportunity titled {title!r} in your pipeline (add it on the Pipeline page)")
    oid, _, stage = match[0]
    if stage not in OFFER_STAGES:
        raise InputError(f"{field}: {title!r} is at the {stage} stage; move it to the offer stage on the Pipeline "
                         "page first")
    return oid


def _find_opportunity(cur: Cursor, title: str) -> tuple[int, str] | None:
    for oid, t, stage in cur.execute("SELECT id, title, stage FROM opportunity ORDER BY id").fetchall():
        if name_key(t) == name_key(title):
            return oid, stage
    return None


def resolve_opportunity(cur: Cursor, o: Offer, where: str = "", create: bool = False) -> int | None:
    """The opportunity an offer belongs to (None for the current job).

    With `create` (a CSV import, where a spreadsheet names companies, not pipeline entries): an
    offer without an opportunity joins the one offer-stage opportunity at the same company, and
    an opportunity that does not exist yet is added at the offer stage, opened today.
    """
    if o.current_job:
        return None
    title = o.opportunity
    if title is None and create:
        same = [r for r in cur.execute("SELECT id, title, company FROM opportunity WHERE stage IN ('offer', "
                                       "'accepted') ORDER BY id").fetchall() if name_key(r[2]) == name_key(o.company)]
        if len(same) == 1:
            return same[0][0]
        title = f"{o.title} at {o.company}"[:200]
    if title is None:
        raise InputError(f"{where}opportunity: choose the pipeline opportunity (at the offer stage) this offer "
                         "belongs to, or mark it as your current job")
    if create and _find_opportunity(cur, title) is None:
        today = clock.today()
        oid = cur.execute("INSERT INTO opportunity (title, kind, company, stage, opened_on) VALUES (?, 'new_job', ?, "
                          "'offer', ?) RETURNING id", [title, o.company, today]).fetchone()[0]
        cur.execute("INSERT INTO opportunity_stage VALUES (?, 'offer', ?)", [oid, today])
        return oid
    return opportunity_id(cur, title, f"{where}opportunity")


def stored(cur: Cursor, offer_id: int) -> dict:
    """An offer's saved fields under the model's names (for an import to merge a row into)."""
    cur.execute(f"""SELECT o.is_current_job AS current_job, p.title AS opportunity,
                           {', '.join('o.' + c for c in COLUMNS[2:])}
                    FROM offer o LEFT JOIN opportunity p ON p.id = o.opportunity_id WHERE o.id = ?""", [offer_id])
    return dict(zip([d[0] for d in cur.description], cur.fetchone(), strict=True))


def _values(cur: Cursor, o: Offer, where: str, create: bool = False) -> list:
    opp = resolve_opportunity(cur, o, where, create)
    return [opp, o.current_job, o.company, o.title, o.level, o.onet_soc_code, o.currency, o.base, o.bonus_pct,
            o.bonus_amount, o.sign_on, o.sign_on_clawback_months, o.equity_kind, o.equity_value, o.option_count,
            o.strike, o.current_price, o.vesting, o.cliff_months, o.refresh_per_year, o.benefits_value,
            o.start_date, o.notes]


def _check_current_job(cur: Cursor, o: Offer, offer_id: int | None, where: str) -> None:
    if not o.current_job:
        return
    other = cur.execute("SELECT id FROM offer WHERE is_current_job AND id IS DISTINCT FROM ?", [offer_id]).fetchone()
    if other:
        raise InputError(f"{where}current_job: you already have a current job entry; edit that one instead")


def insert_offer(cur: Cursor, o: Offer, where: str = "", create: bool = False) -> int:
    """Insert one offer inside the caller's transaction; names resolve or raise InputError naming the field."""
    _check_current_job(cur, o, None, where)
    marks = ", ".join("?" for _ in COLUMNS)
    return cur.execute(f"INSERT INTO offer ({', '.join(COLUMNS)}) VALUES ({marks}) RETURNING id",
                       _values(cur, o, where, create)).fetchone()[0]


def write_offer(cur: Cursor, offer_id: int, o: Offer, where: str = "", create: bool = False) -> None:
    """Replace every field of an existing offer inside the caller's transaction."""
    _check_current_job(cur, o, offer_id, where)
    sets = ", ".join(f"{c} = ?" for c in COLUMNS)
    cur.execute(f"UPDATE offer SET {sets} WHERE id = ?", [*_values(cur, o, where, create), offer_id])


def find_offer(cur: Cursor, o: Offer) -> int | None:
    """The offer with the same natural key: the current job, or company + title (name keys)."""
    if o.current_job:
        row = cur.execute("SELECT id FROM offer WHERE is_current_job").fetchone()
        return row[0] if row else None
    for oid, company, title in cur.execute(
            "SELECT id, company, title FROM offer WHERE NOT is_current_job ORDER BY id").fetchall():
        if name_key(company) == name_key(o.company) and name_key(title) == name_key(o.title):
            return oid
    return None


def _require(cur: Cursor, offer_id: int) -> None:
    if not cur.execute("SELECT count(*) FROM offer WHERE id = ?", [offer_id]).fetchone()[0]:
        raise InputError("offer: it no longer exists (deleted in another window?)")


def add_offer(con, offer: Offer) -> int:
    with transaction(con) as cur:
        return insert_offer(cur, offer)


def update_offer(con, offer_id: int, offer: Offer) -> None:
    with transaction(con) as cur:
        _require(cur, offer_id)
        write_offer(cur, offer_id, offer)


def delete_offer(con, offer_id: int) -> None:
    """Delete an offer; a negotiation conversation drafted from it stays in Conversations."""
    with transaction(con) as cur:
        cur.execute("DELETE FROM offer_conversation WHERE offer_id = ?", [offer_id])
        cur.execute("DELETE FROM offer WHERE id = ?", [offer_id])


def save_negotiation(con, offer_id: int, conversation: m.Conversation) -> int:
    """Save the drafted negotiation as a conversation to rehearse; returns the conversation id.

    The first save adds the conversation with its objection cards and links it to the offer.
    A later save updates its goal, talking points and numbers, adds objection cards whose text
    is new, and keeps the rehearsal log, status and outcome. All in one transaction.
    """
    c = conversation
    with transaction(con) as cur:
        _require(cur, offer_id)
        row = cur.execute("""SELECT l.conversation_id FROM offer_conversation l JOIN conversation v
                             ON v.id = l.conversation_id WHERE l.offer_id = ?""", [offer_id]).fetchone()
        if row is None:
            cid = cur.execute(
                """INSERT INTO conversation (title, kind, planned_for, goal, talking_points, anchor, target, walk_away,
                       status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                [c.title, c.kind, c.planned_for, c.goal, c.talking_points, c.anchor, c.target, c.walk_away,
                 c.status]).fetchone()[0]
            cur.execute("INSERT OR REPLACE INTO offer_conversation (offer_id, conversation_id) VALUES (?, ?)",
                        [offer_id, cid])
            have: set[str] = set()
        else:
            cid = row[0]
            cur.execute("UPDATE conversation SET goal = ?, talking_points = ?, anchor = ?, target = ?, walk_away = ? "
                        "WHERE id = ?", [c.goal, c.talking_points, c.anchor, c.target, c.walk_away, cid])
            have = {name_key(r[0]) for r in cur.execute(
                "SELECT objection FROM conversation_objection WHERE conversation_id = ?", [cid]).fetchall()}
        for o in c.objections:
            if name_key(o.objection) not in have:
                cur.execute("INSERT INTO conversation_objection (conversation_id, objection, answer) VALUES (?, ?, ?)",
                            [cid, o.objection, o.answer])
        return cid
