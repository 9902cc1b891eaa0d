"""Your network's shared figures: who is a sponsor, who is overdue for a touch, how long since you were seen.

Vocabulary: a contact's **relationship** says who they are to you (manager, skip-level manager,
senior leader, mentor, peer, ...); their **advocacy stage** says what they would do for you
(unknown → aware → supporter → advocate → sponsor). "Sponsor" is only ever the advocacy stage:
someone who spends their own standing to get you the next role.

* **Sponsors** = contacts whose advocacy stage is "sponsor". Shown as "2 sponsors" or
  "no sponsor yet".
* **Overdue for a touch**: a contact never contacted, or whose days since the last interaction
  exceed their keep-in-touch cadence (their own `cadence_days`). Most overdue first; never
  contacted counts as most overdue.
* **Days since the last visibility item** = today − the date of the latest talk, post, open-source
  contribution, internal demo or document; None when there is none.

"Overdue" is one SQL condition (`OVERDUE_SQL`), counted over the career file by `overdue_count` (Home's
KPI, no pandas) and applied to a page's contacts DataFrame by `overdue_contacts`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import duckdb

from careerdata.store import db

if TYPE_CHECKING:
    import pandas as pd

SPONSOR_STAGE = "sponsor"
# Over a relation with last_interaction (date or NULL) and cadence_days; $today is the day.
DAYS_SINCE_SQL = "date_diff('day', last_interaction::DATE, $today::DATE)"
OVERDUE_SQL = f"(last_interaction IS NULL OR {DAYS_SINCE_SQL} > cadence_days)"


def sponsors(contacts: pd.DataFrame) -> pd.DataFrame:
    """The contacts at advocacy stage "sponsor" (the relationship plays no part)."""
    if contacts.empty:
        return contacts
    return contacts[contacts["advocacy_stage"] == SPONSOR_STAGE]


def sponsor_label(count: int) -> str:
    """"no sponsor yet" / "1 sponsor" / "2 sponsors" (Home's nudge and Network's funnel say it so)."""
    return "no sponsor yet" if count == 0 else f"{count} sponsor{'' if count == 1 else 's'}"


def overdue_count(con: duckdb.DuckDBPyConnection, today: dt.date) -> int:
    """How many contacts in the career file are overdue for a touch (`OVERDUE_SQL`)."""
    sql = f"SELECT count(*) FROM v_contact_touch WHERE {OVERDUE_SQL}"
    return int(con.cursor().execute(sql, {"today": today}).fetchone()[0])


def overdue_contacts(contacts: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Contacts past their cadence (`OVERDUE_SQL`), with days_since and overdue_by = days_since − cadence_days,
    most overdue first (never contacted on top), then by influence; ties keep the frame's order.

    contacts: last_interaction (date or missing), cadence_days, influence."""
    import pandas as pd

    if contacts.empty:
        return contacts.assign(days_since=pd.Series(dtype="Int64"), overdue_by=pd.Series(dtype="Int64"))
    rows = pd.DataFrame({"row": range(len(contacts)),
                         "last_interaction": pd.to_datetime(contacts["last_interaction"]).to_numpy(),
                         "cadence_days": contacts["cadence_days"].to_numpy(),
                         "influence": contacts["influence"].to_numpy()})
    cur = db.scratch()
    try:
        cur.register("contact_rows", rows)
        due = cur.execute(f"""SELECT row, {DAYS_SINCE_SQL} AS days_since, {DAYS_SINCE_SQL} - cadence_days AS overdue_by
                              FROM contact_rows WHERE {OVERDUE_SQL}
                              ORDER BY overdue_by DESC NULLS FIRST, influence DESC NULLS LAST, row""",
                          {"today": today}).fetchall()
    finally:
        cur.close()
    out = contacts.iloc[[r[0] for r in due]].reset_index(drop=True)
    return out.assign(days_since=pd.array([r[1] for r in due], dtype="Int64"),
                      overdue_by=pd.array([r[2] for r in due], dtype="Int64"))


def overdue_label(count: int) -> str:
    """"3 overdue" (under the heading "Contacts overdue for a touch")."""
    return f"{count} overdue"


def days_since(last: dt.date | None, today: dt.date) -> int | None:
    """today − `last` in days; None when there is no date."""
    if last is None:
        return None
    return (today - (last.date() if isinstance(last, dt.datetime) else last)).days


def days_since_last(dates: pd.Series, today: dt.date) -> int | None:
    """`days_since` the latest date in `dates`; None when there is none."""
    import pandas as pd

    clean = pd.to_datetime(dates.dropna()) if len(dates) else pd.Series(dtype="datetime64[ns]")
    return None if clean.empty else days_since(clean.max().date(), today)


def last_visibility(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    """The date of the latest visibility item in the career file (for `days_since`)."""
    return con.cursor().execute("SELECT max(date) FROM visibility_item").fetchone()[0]


def visibility_label(days: int | None) -> str:
    """"last talk, post or demo 12 days ago" / "no talk, post or demo logged"."""
    return "no talk, post or demo logged" if days is None else f"last talk, post or demo {days} days ago"
