"""The plan that cultivates the lead before the review: dated steps, their contacts and their status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.core.dates import format_day
from careerdata.figures import network as fnetwork
from careerdata.promotion.evidence import to_date


@dataclass(frozen=True)
class PlanStep:
    """One step of the plan, back-scheduled from the review date."""

    key: str
    title: str
    why: str
    due: dt.date
    role: str  # manager / sponsor / skip / advocates
    contact: str | None  # who, from the network data


# (key, days before the review, role, title, why)
PLAN_TEMPLATE = (
    ("ask_bar", 182, "manager", "Ask {manager} what “knocking it out of the park” looks like at {target}",
     "Six months ahead there is still time to do the work the answer asks for."),
    ("sponsor_1", 154, "sponsor", "Tell {sponsor} you are going for {target}; ask what they need to see",
     "A sponsor can only argue for a case they know about."),
    ("skip_1", 133, "skip", "Skip-level check-in with {skip}: share this cycle's wins, ask how {target} is calibrated",
     "The skip-level usually sits in calibration."),
    ("sponsor_2", 112, "sponsor", "Sponsor check-in with {sponsor}: a short written update of the latest wins",
     "Regular, short updates keep the sponsor's story current."),
    ("mid_review", 91, "manager", "Mid-cycle review of the draft with {manager}: which gap would block {target}?",
     "Three months leave room to close a gap before the case is final."),
    ("sponsor_3", 70, "sponsor", "Sponsor check-in with {sponsor}: the gaps you closed since the mid-cycle review",
     "Show movement on the gaps your manager named."),
    ("skip_2", 63, "skip", "Second skip-level check-in with {skip}: the case in three sentences",
     "Calibration conversations start before the meeting."),
    ("quotes", 49, "advocates", "Ask two or three advocates for a one-line quote on what they saw",
     "Quotes from outside your team show scope."),
    ("sponsor_4", 28, "sponsor", "Brief {sponsor} before calibration: the three claims to repeat",
     "Make the sponsor's job easy: short, quantified, memorable."),
    ("final_case", 21, "manager", "Send the final case to {manager}",
     "Managers need time to turn your case into their packet."),
)


PLAN_STEP_KEYS = tuple(k for k, *_ in PLAN_TEMPLATE)


def plan_contacts(contacts: pd.DataFrame) -> dict[str, str | None]:
    """Who plays each role: the manager, the skip-level and the sponsor (most influential, then most recent)."""
    out: dict[str, str | None] = {"manager": None, "skip": None, "sponsor": None}
    if contacts.empty:
        return out
    ranked = contacts.assign(_last=pd.to_datetime(contacts["last_interaction"])).sort_values(
        ["influence", "_last"], ascending=[False, False], na_position="last")
    for role in ("manager", "skip", "sponsor"):
        # a sponsor is the advocacy stage (careerdata.figures.network.sponsors), manager and skip relationships
        match = fnetwork.sponsors(ranked) if role == "sponsor" else ranked[ranked["relationship"] == role]
        if not match.empty:
            out[role] = str(match.iloc[0]["name"])
    return out


def plan_steps(review_date: dt.date, contacts: pd.DataFrame, target_label: str) -> list[PlanStep]:
    """The cultivating-the-lead plan: each step `days` before the review, with who it is with."""
    who = plan_contacts(contacts)
    names = {"manager": who["manager"] or "your manager", "skip": who["skip"] or "your skip-level",
             "sponsor": who["sponsor"] or "your sponsor", "target": target_label}
    steps = []
    for key, days, role, title, why in PLAN_TEMPLATE:
        steps.append(PlanStep(key, title.format(**names), why, review_date - dt.timedelta(days=days), role,
                              who.get(role)))
    return steps


DUE_SOON_DAYS = 14


def plan_status(stored: str | None, due: dt.date, today: dt.date) -> str:
    """Done / Skipped as stored; otherwise Overdue (past due), Due soon (within 14 days) or Upcoming."""
    if stored == "done":
        return "Done"
    if stored == "skipped":
        return "Skipped"
    if due < today:
        return "Overdue"
    if (due - today).days <= DUE_SOON_DAYS:
        return "Due soon"
    return "Upcoming"


def plan_table(steps: list[PlanStep], states: pd.DataFrame, today: dt.date) -> pd.DataFrame:
    """The plan with each step's status and the conversation logged against it."""
    by_key = {r.step_key: r for r in states.itertuples()} if not states.empty else {}
    rows = []
    for s in steps:
        st = by_key.get(s.key)
        logged = None
        if st is not None and st.logged_on is not None and not pd.isna(st.logged_on):
            logged = f"{format_day(to_date(st.logged_on))} · {st.contact} · {st.channel}: {st.notes}"
        rows.append({"key": s.key, "due": s.due, "step": s.title, "with": s.contact or "—",
                     "status": plan_status(st.status if st is not None else None, s.due, today),
                     "conversation": logged or "", "why": s.why})
    return pd.DataFrame(rows, columns=["key", "due", "step", "with", "status", "conversation", "why"])


def plan_progress(table: pd.DataFrame) -> dict[str, int]:
    counts = table["status"].value_counts() if not table.empty else pd.Series(dtype=int)
    return {s: int(counts.get(s, 0)) for s in ("Done", "Overdue", "Due soon", "Upcoming", "Skipped")}


def days_until(day: dt.date, today: dt.date) -> int:
    return (day - today).days


STEP_CHOICE_CHARS = 52  # a step's title as a choice: what fits the picker at 1024 px; the full title shows under it


def step_choice_label(due: dt.date, title: str) -> str:
    """"30 Sep 2026 · Ask Dana Whitfield what…": the due day and the title cut at a word to fit the picker."""
    if len(title) > STEP_CHOICE_CHARS:
        title = title[:STEP_CHOICE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"{format_day(due)} · {title}"
