"""The weekly check-in on Home: two minutes, once a week, so the record is kept as you go.

It asks what you shipped (offering the review queue's new candidate wins from git or gh), who you
told, and one visible thing; it keeps a streak and feeds the Home nudges.

Streak (in weeks, Monday to Sunday): the run of consecutive checked-in weeks that ends with this
week when it is done, otherwise with last week (this week is not lost until it is over).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.core.clock import today as clock_today
from careerdata.core.errors import InputError
from careerdata.home.overview import Nudge
from careerdata.journal.candidates import accept_in
from careerdata.models.worktrail import CheckIn
from careerdata.store.db import transaction

LAPSED_WEEKS = 2  # a check-in this many weeks old means the habit lapsed


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


def streak(weeks: list[dt.date], today: dt.date) -> int:
    """Consecutive checked-in weeks ending this week (if done) or last week (module docstring)."""
    done = {week_start(w) for w in weeks}
    week = week_start(today)
    if week not in done:
        week -= dt.timedelta(days=7)
    count = 0
    while week in done:
        count += 1
        week -= dt.timedelta(days=7)
    return count


@dataclass(frozen=True)
class CheckInStatus:
    week: dt.date  # this week's Monday
    done_this_week: bool
    streak: int
    total: int  # weeks ever checked in
    last: dict | None  # the latest check-in (week_start, shipped, told, visible)
    candidates: pd.DataFrame  # the review queue's new candidates: id, title, repo, start_date, end_date
    contacts: list[str]  # names, for "who did you tell"


def checkin_status(con, today: dt.date) -> CheckInStatus:
    """What the check-in card shows (one read of the check-ins, the queue and the contact names)."""
    cur = con.cursor()
    rows = cur.execute("SELECT week_start, shipped, told, visible FROM weekly_checkin ORDER BY week_start DESC"
                       ).fetchall()
    weeks = [r[0] for r in rows]
    cands = cur.execute("""SELECT id, title, repo, start_date, end_date, source FROM win_candidate WHERE status = 'new'
                           ORDER BY end_date DESC, id DESC""").df()
    names = [r[0] for r in cur.execute("SELECT name FROM contact ORDER BY name_key").fetchall()]
    this = week_start(today)
    last = dict(zip(("week_start", "shipped", "told", "visible"), rows[0], strict=True)) if rows else None
    return CheckInStatus(this, this in weeks, streak(weeks, today), len(weeks), last, cands, names)


def candidate_label(row) -> str:
    """How the check-in lists a candidate: "title · repo · Mar 3–4"."""
    start, end = pd.Timestamp(row["start_date"]), pd.Timestamp(row["end_date"])
    span = f"{start:%b %-d}" if start == end else f"{start:%b %-d}–{end:%b %-d}"
    return f"{row['title']} · {row['repo']} · {span}"


def save_checkin(con, entry: CheckIn, employer: str | None = None) -> list[int]:
    """Write the week's check-in in one transaction; returns the ids of the wins it added.

    Each picked candidate becomes an accomplishment (STAR pre-filled, as the Journal's review queue
    does); each contact told gets an interaction on the check-in day naming those wins; the week's
    answers are kept (a second check-in in the same week replaces the first's answers).
    """
    day = min(clock_today(), entry.week_start + dt.timedelta(days=6))
    with transaction(con) as cur:
        added = [accept_in(cur, [cid], employer=employer) for cid in dict.fromkeys(entry.accept)]
        titles = [cur.execute("SELECT title FROM accomplishment WHERE id = ?", [a]).fetchone()[0] for a in added]
        what = "; ".join(titles + ([entry.shipped] if entry.shipped else []))
        for name in dict.fromkeys(entry.told):
            row = cur.execute("SELECT id FROM contact WHERE name_key = ?", [" ".join(name.split()).casefold()]
                              ).fetchone()
            if row is None:
                raise InputError(f"told: unknown contact {name!r} (add them on the Journal page first)")
            iid = cur.execute("INSERT INTO interaction (contact_id, date, channel, notes) VALUES (?, ?, ?, ?) "
                              "RETURNING id", [row[0], day, entry.channel, f"Told them what I shipped: {what}"[:10_000]]
                              ).fetchone()[0]
            for acc_id in added:
                cur.execute("INSERT INTO interaction_accomplishment VALUES (?, ?)", [iid, acc_id])
        cur.execute("""INSERT OR REPLACE INTO weekly_checkin (week_start, shipped, told, visible, done_at)
                       VALUES (?, ?, ?, ?, current_timestamp)""",
                    [entry.week_start, what, ", ".join(dict.fromkeys(entry.told)), entry.visible])
    return added


def checkin_nudges(status: CheckInStatus, today: dt.date) -> list[Nudge]:
    """What the check-ins add to Home's "Do this next".

    - candidate wins waiting in the review queue (from git or gh): review them;
    - the latest check-in (this week or last) shipped something but told nobody: tell someone;
    - check-ins were kept once but none in the last `LAPSED_WEEKS` weeks: the streak lapsed.
    """
    found: list[Nudge] = []
    waiting = len(status.candidates)
    if waiting:
        found.append(Nudge(f"{waiting} candidate win(s) from your work trail wait in the review queue: accept, merge "
                           "or dismiss them while you still remember the story.", "Review candidate wins", "journal",
                           2, "queue"))
    last = status.last
    if last and (status.week - last["week_start"]).days <= 7 and last["shipped"] and not last["told"]:
        found.append(Nudge(f"You shipped “{last['shipped'][:80]}” but told nobody. Your manager and sponsor can "
                           "only speak for work they have heard about.", "Log a touch", "journal", 2, "people"))
    if last and (status.week - last["week_start"]).days >= 7 * LAPSED_WEEKS:
        weeks = (status.week - last["week_start"]).days // 7
        found.append(Nudge(f"Your last weekly check-in was {weeks} weeks ago. Two minutes on Home keeps the "
                           "record as you go.", "Do this week's check-in", "home", 3))
    return found
