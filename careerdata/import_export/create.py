"""Create and open career files: the demo persona, an empty file, or an existing one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from careerdata.core import errors
from careerdata.core.clock import today
from careerdata.import_export.yaml_files import DEFAULT_LADDER, DEMO_DIR, read_career, read_ladder
from careerdata.journal import repo
from careerdata.journal.repo import (
    insert_accomplishment,
    insert_assessment,
    insert_contact,
    insert_conversation,
    insert_interaction,
    insert_opportunity,
    insert_position,
    insert_skill,
    insert_target_role,
    insert_visibility,
    write_profile,
)
from careerdata.market.loader import load_market_data
from careerdata.models import career as m
from careerdata.models.career import CareerFile
from careerdata.offers.repo import insert_offer
from careerdata.store import db
from careerdata.store.db import transaction

# The demo persona (sample_data/demo) is written as of this date: her last win ended 11 days
# before it, her advocate (the sponsor-to-be) Elena Petrova was last seen 4 days before, her review cycle
# ends in the months after.
DEMO_AS_OF = dt.date(2026, 11, 21)


def demo_shift_days(as_of: dt.date) -> int:
    """Days to move every date of the demo persona so the story happens as of `as_of`.

    Whole weeks, rounded down: weekdays stay (a Tuesday 1:1 stays a Tuesday) and nothing lands
    after `as_of` (the latest dated record is the day before DEMO_AS_OF). So the last win is
    11 to 17 days old, Elena Petrova (her advocate) touched 4 to 10 days before, the review cycle ahead, on any
    date.
    """
    return (as_of - DEMO_AS_OF).days // 7 * 7


def _shift(value, delta: dt.timedelta):
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value + delta
    if isinstance(value, list):
        return [_shift(v, delta) for v in value]
    if isinstance(value, dict):
        return {k: _shift(v, delta) for k, v in value.items()}
    return value


def shift_career(career: CareerFile, days: int) -> CareerFile:
    """The same career with every date (wins, touches, stages, review cycle, plans) `days` later."""
    if days == 0:
        return career
    return CareerFile.model_validate(_shift(career.model_dump(), dt.timedelta(days=days)))


def create_database(path: Path | str, *, demo: bool, force: bool = False, as_of: dt.date | None = None) -> Path:
    """Build a new career file next to `path`, then move it into place.

    The old file (with --force) is replaced only once the new one is complete, so a failure
    half-way leaves whatever was there before untouched.
    """
    path = Path(path)
    if path.exists() and not force:
        raise errors.InputError(f"{path} already exists; pass --force to replace it (its data will be lost).")
    if path.exists():
        db.connect(path).close()  # refuses a locked, newer or non-DuckDB file before we touch it
    path.parent.mkdir(parents=True, exist_ok=True)
    with db.built_beside(path, "creating") as tmp:
        con = db.connect(tmp)
        try:
            populate(con, demo=demo, as_of=as_of)
            con.execute("CHECKPOINT")
        finally:
            con.close()
    return path


def populate(con: duckdb.DuckDBPyConnection, *, demo: bool, as_of: dt.date | None = None) -> None:
    """Fill a freshly migrated file: market data and ladder always, the persona if `demo`,
    its dates moved to `as_of` (default: today) so the demo never goes stale."""
    load_market_data(con)
    repo.replace_ladder(con, read_ladder(DEFAULT_LADDER))
    if demo:
        as_of = as_of or today()
        load_career_file(con, shift_career(read_career(DEMO_DIR), demo_shift_days(as_of)))
        repo.set_meta(con, "demo_as_of", as_of.isoformat())
    repo.set_meta(con, "dataset", "demo" if demo else "user")


# Each list of a career file, in write order (what others refer to comes first), with its writer.
WRITERS = (
    ("positions", lambda cur, x, where: insert_position(cur, x)),
    ("skills", lambda cur, x, where: insert_skill(cur, x)),
    ("assessments", lambda cur, x, where: insert_assessment(cur, x, where + "skill")),
    ("contacts", lambda cur, x, where: insert_contact(cur, x)),
    ("accomplishments", insert_accomplishment),
    ("interactions", insert_interaction),
    ("visibility", lambda cur, x, where: insert_visibility(cur, x)),
    ("target_roles", insert_target_role),
    ("opportunities", insert_opportunity),
    ("conversations", insert_conversation),
    ("offers", insert_offer),
)


def load_career_file(con, career: m.CareerFile) -> dict[str, int]:
    """Write a whole career (the demo persona or a user's file) in one transaction; an error names the
    list and the position in it (`accomplishments[3].skills`), and nothing is written."""
    with transaction(con) as cur:
        write_profile(cur, career.profile)
        for field, write in WRITERS:
            for n, item in enumerate(getattr(career, field)):
                write(cur, item, f"{field}[{n}].")
    return {
        "skills": len(career.skills),
        "accomplishments": len(career.accomplishments),
        "metrics": sum(len(a.metrics) for a in career.accomplishments),
        "contacts": len(career.contacts),
    }
