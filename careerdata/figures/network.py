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
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

SPONSOR_STAGE = "sponsor"


def sponsors(contacts: pd.DataFrame) -> pd.DataFrame:
    """The contacts at advocacy stage "sponsor" (the relationship plays no part)."""
    if contacts.empty:
        return contacts
    return contacts[contacts["advocacy_stage"] == SPONSOR_STAGE]


def sponsor_label(count: int) -> str:
    """"no sponsor yet" / "1 sponsor" / "2 sponsors" (Home's nudge and Network's funnel say it so)."""
    return "no sponsor yet" if count == 0 else f"{count} sponsor{'' if count == 1 else 's'}"


def overdue_contacts(contacts: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """Contacts past their cadence (module docstring), with days_since and overdue_by, most overdue first.

    contacts: last_interaction (date or missing), cadence_days, influence."""
    if contacts.empty:
        return contacts.assign(days_since=pd.Series(dtype="Int64"), overdue_by=pd.Series(dtype="Int64"))
    last = pd.to_datetime(contacts["last_interaction"])
    days = (pd.Timestamp(today) - last).dt.days
    out = contacts.assign(days_since=days.astype("Int64"), overdue_by=(days - contacts["cadence_days"]).astype("Int64"))
    due = out[out["days_since"].isna() | (out["overdue_by"] > 0)]
    return due.sort_values(["overdue_by", "influence"], ascending=[False, False], na_position="first").reset_index(
        drop=True)


def overdue_label(count: int) -> str:
    """"3 overdue" (under the heading "Contacts overdue for a touch")."""
    return f"{count} overdue"


def days_since_last(dates: pd.Series, today: dt.date) -> int | None:
    """today − the latest date in `dates`, in days; None when there is none."""
    clean = pd.to_datetime(dates.dropna()) if len(dates) else pd.Series(dtype="datetime64[ns]")
    if clean.empty:
        return None
    return (today - clean.max().date()).days


def visibility_label(days: int | None) -> str:
    """"last talk, post or demo 12 days ago" / "no talk, post or demo logged"."""
    return "no talk, post or demo logged" if days is None else f"last talk, post or demo {days} days ago"
