"""`careerdata export ics`: the dates the product plans, as an RFC 5545 calendar.

Written with the `icalendar` library (well kept, and it gets folding, escaping and the required
properties right so every calendar app reads the file). Every event is an all-day event whose text
says what to do; nothing links off the machine.

UIDs are stable: `<kind>-<entity>-<file id>@careerdata`, where the file id is a random id each
career file gets once (migration 0014, `meta.file_id`). Importing a newer export into a calendar
therefore updates its events (a moved review moves its plan steps) instead of duplicating them,
and two career files never collide.

What goes in (`--what`):
- plan: the promotion plan's open steps, back-scheduled from the review (as on Promotion case);
- review: the promotion review date;
- followups: the latest open follow-up per contact, and open opportunities' follow-ups;
- cadence: each contact's next keep-in-touch date (last touch + their cadence; overdue ones today);
- rehearsals: for each planned conversation, a rehearsal `REHEARSE_DAYS_BEFORE` days ahead and the conversation.
Dates already past are moved to today and say since when they are due.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
from icalendar import Calendar, Event

from careerdata.conversations import queries as cq
from careerdata.core import vocab
from careerdata.core.dates import format_day
from careerdata.core.errors import InputError
from careerdata.network import analytics as na
from careerdata.network import queries as nq
from careerdata.pipeline import analytics as pla
from careerdata.pipeline import queries as plq
from careerdata.promotion import evidence as pe
from careerdata.promotion import plan as pp
from careerdata.promotion import queries as pq
from careerdata.store.db import get_meta

KINDS = vocab.CALENDAR_KINDS
KIND_LABELS = vocab.CALENDAR_KIND_LABELS
REHEARSE_DAYS_BEFORE = 3
PRODID = "-//careerdata//Career Product Dashboard//EN"


@dataclass(frozen=True)
class DatedItem:
    """One calendar event: `uid_part` names the entity (stable across exports), `day` the all-day date."""

    kind: str
    uid_part: str
    day: dt.date
    summary: str
    description: str


def parse_what(value: str | None) -> tuple[str, ...]:
    """`--what plan,review` -> ("plan", "review"); unknown names are an InputError naming them."""
    if not value:
        return KINDS
    asked = [w.strip().lower() for w in value.split(",") if w.strip()]
    unknown = [w for w in asked if w not in KINDS]
    if unknown or not asked:
        raise InputError(f"--what: unknown {', '.join(unknown) or '(empty)'}; choose from {', '.join(KINDS)}")
    return tuple(dict.fromkeys(asked))


def _d(value) -> dt.date | None:
    return pe.to_date(value)


def _when(day: dt.date, today: dt.date) -> tuple[dt.date, str]:
    """Past dates land on today, saying since when."""
    if day < today:
        return today, f" (due since {format_day(day)})"
    return day, ""


def plan_items(con, today: dt.date, case: tuple[str, dt.date, dt.date] | None = None
               ) -> tuple[list[DatedItem], list[DatedItem]]:
    """(plan steps, review) for the default case the Promotion page opens with: the next level up over
    the profile's review cycle, review on the saved review date or the cycle's end. Without a profile
    there is no review to plan towards, so nothing. `case` = (target level, cycle start, cycle end)
    picks another case, as the page's sidebar does."""
    setup = pq.case_setup(con)
    levels = setup.levels
    if levels.empty or not setup.profile:  # no profile yet: no review to plan towards
        return [], []
    current = setup.profile.get("current_level") if setup.profile else None
    codes = list(levels["code"])
    target = pe.next_level(levels, current) or (current if current in codes else codes[0])
    start, end = pe.default_cycle(setup.profile, today)
    if case is not None:
        target, start, end = case
    case = pq.promo_case(con, target, start, end)
    review = _d(case["review_date"]) if case and case.get("review_date") else end
    label = f"{pe.level_title(levels, target)} ({target})"
    states = pq.plan_states(con, case["id"]) if case else pd.DataFrame(columns=["step_key", "status"])
    stored = dict(zip(states["step_key"], states["status"], strict=True))
    steps = []
    for s in pp.plan_steps(review, pq.contact_touch(con), label):
        if stored.get(s.key) in ("done", "skipped"):
            continue
        day, late = _when(s.due, today)
        steps.append(DatedItem("plan", f"{target}-{start.isoformat()}-{s.key}", day, s.title,
                               f"Promotion plan for {label}, review on {format_day(review)}{late}. {s.why} "
                               "Mark it done on the Promotion case page."))
    reviews = [] if review < today else [DatedItem(
        "review", f"{target}-{start.isoformat()}", review, f"Promotion review for {label}",
        "Calibration day. Your final case should be with your manager by now; "
        "the plan's steps lead up to this date.")]
    return steps, reviews


def followup_items(con, today: dt.date) -> list[DatedItem]:
    """The latest follow-up per contact (a later touch with them closes it) and open opportunities' follow-ups."""
    rows = con.cursor().execute("""
        SELECT i.id, c.name, i.date, i.follow_up_due, i.notes FROM interaction i JOIN contact c ON c.id = i.contact_id
        WHERE i.follow_up_due IS NOT NULL
          AND i.date = (SELECT max(j.date) FROM interaction j WHERE j.contact_id = i.contact_id)
        ORDER BY i.follow_up_due, i.id""").fetchall()
    items = []
    for iid, name, on, due, notes in rows:
        day, late = _when(due, today)
        note = " ".join(str(notes).split())[:300]
        items.append(DatedItem("followup", f"interaction-{iid}", day, f"Follow up with {name}",
                               f"You talked on {format_day(on)}{late}." + (f" Notes: {note}" if note else "")
                               + " Log the touch on the Journal page."))
    opps = pla.open_opportunities(plq.opportunities(con))
    for _, o in opps.iterrows():
        due = _d(o["follow_up_due"])
        if due is None:
            continue
        day, late = _when(due, today)
        step = " ".join(str(o["next_step"] or "").split())[:300]
        items.append(DatedItem("followup", f"opportunity-{int(o['id'])}", day, f"Follow up: {o['title']}",
                               f"Opportunity at {o['company'] or 'no company named'}, stage {o['stage']}{late}."
                               + (f" Next step: {step}" if step else "") + " Update it on the Pipeline page."))
    return items


def cadence_items(con, today: dt.date) -> list[DatedItem]:
    """Each contact's next touch: last touch + their ideal cadence; never touched or overdue: today."""
    status = na.cadence_status(nq.contacts(con), today)
    items = []
    for _, c in status.iterrows():
        last = _d(c["last_interaction"])
        due = today if last is None else last + dt.timedelta(days=int(c["ideal_days"]))
        day, late = _when(due, today)
        since = "never" if last is None else f"on {format_day(last)}"
        items.append(DatedItem("cadence", f"contact-{int(c['id'])}", day, f"Keep in touch: {c['name']}",
                               f"Your {vocab.RELATIONSHIP_LABELS.get(c['relationship'], c['relationship']).lower()} "
                               f"{c['name']}: every {int(c['ideal_days'])} days; "
                               f"last touch {since}{late}. Share a recent win; log it on the Journal page."))
    return items


def rehearsal_items(con, today: dt.date) -> list[DatedItem]:
    """For each conversation still planned: a rehearsal a few days before, and the conversation itself."""
    convs = cq.conversations(con)
    items = []
    for _, c in convs.iterrows():
        on = _d(c["planned_for"])
        if on is None or c["status"] not in ("planned", "rehearsing") or on < today:
            continue
        with_whom = f" with {c['counterpart']}" if isinstance(c["counterpart"], str) and c["counterpart"] else ""
        rehearse = max(today, on - dt.timedelta(days=REHEARSE_DAYS_BEFORE))
        items.append(DatedItem("rehearsal", f"conversation-{int(c['id'])}-rehearsal", rehearse,
                               f"Rehearse: {c['title']}",
                               f"Say your opening and your numbers out loud, answer each objection card, "
                               f"then log the rehearsal on the Conversations page. The conversation{with_whom} "
                               f"is on {format_day(on)}; {int(c['rehearsals'])} rehearsal(s) so far."))
        goal = " ".join(str(c["goal"] or "").split())[:300]
        items.append(DatedItem("rehearsal", f"conversation-{int(c['id'])}", on, f"Conversation: {c['title']}",
                               f"The {c['kind']} conversation{with_whom}." + (f" Goal: {goal}" if goal else "")
                               + " Record the outcome on the Conversations page."))
    return items


def dated_items(con, what: tuple[str, ...], today: dt.date, case: tuple[str, dt.date, dt.date] | None = None
                ) -> list[DatedItem]:
    """Every event of the chosen kinds, by date."""
    items: list[DatedItem] = []
    if "plan" in what or "review" in what:
        steps, review = plan_items(con, today, case)
        items += (steps if "plan" in what else []) + (review if "review" in what else [])
    if "followups" in what:
        items += followup_items(con, today)
    if "cadence" in what:
        items += cadence_items(con, today)
    if "rehearsals" in what:
        items += rehearsal_items(con, today)
    return sorted(items, key=lambda i: (i.day, i.kind, i.uid_part))


def file_id(con) -> str:
    """The career file's own id (set once by migration 0014)."""
    return get_meta(con, "file_id") or "careerdata"


def uid(item: DatedItem, file: str) -> str:
    return f"{item.kind}-{item.uid_part}-{file}@careerdata"


def calendar_bytes(con, what: tuple[str, ...] = KINDS, today: dt.date | None = None,
                   case: tuple[str, dt.date, dt.date] | None = None) -> bytes:
    """The .ics file: one all-day event per dated item, with stable UIDs."""
    from careerdata.core.clock import today as clock_today

    today = today or clock_today()
    file = file_id(con)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Career plan")
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.UTC)
    for item in dated_items(con, what, today, case):
        ev = Event()
        ev.add("uid", uid(item, file))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", item.day)
        ev.add("dtend", item.day + dt.timedelta(days=1))
        ev.add("summary", item.summary)
        ev.add("description", item.description)
        ev.add("categories", [item.kind])
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical()


def file_name(what: tuple[str, ...]) -> str:
    return "career-plan.ics" if set(what) == set(KINDS) else f"career-{'-'.join(what)}.ics"
