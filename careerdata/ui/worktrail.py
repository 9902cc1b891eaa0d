"""Widgets of the work trail: Home's weekly check-in, the Journal's review queue, the calendar download."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from careerdata.home import checkin as ck
from careerdata.import_export import ics
from careerdata.import_export import view as io_view
from careerdata.journal import candidates
from careerdata.journal import view as journal_view
from careerdata.models.career import Channel
from careerdata.models.worktrail import CheckIn
from careerdata.ui import layout, state, widgets

CHANNELS = list(Channel.__args__)


def _weeks(n: int) -> str:
    return f"{n} week{'s' if n != 1 else ''}"


def weekly_checkin(status: ck.CheckInStatus) -> None:
    """The two-minute weekly check-in card: what you shipped, who you told, one visible thing; the streak."""
    with st.container(border=True, key="weekly_checkin"):
        head, streak = st.columns([2, 1], vertical_alignment="center")
        head.markdown(f"**Weekly check-in** · week of {status.week:%b %-d} · two minutes")
        streak.metric("Streak", _weeks(status.streak), help="Consecutive weeks with a check-in, ending this week "
                      "(or last week, while this one is still open).")
        if status.done_this_week and not st.session_state.get("checkin_edit"):
            last = status.last or {}
            said = [(k, last.get(f)) for k, f in (("Shipped", "shipped"), ("Told", "told"), ("Visible", "visible"))]
            st.success("Done for this week. " + " ".join(f"{k}: {layout.escape_markdown(v)}." for k, v in said if v),
                       icon=":material/check_circle:")
            if st.button("Change this week's answers", key="checkin_edit_button"):
                st.session_state["checkin_edit"] = True
                st.rerun()
            return
        _checkin_form(status)


def _checkin_form(status: ck.CheckInStatus) -> None:
    labels = _labels(status.candidates)
    gen = widgets.form_generation("checkin")
    with st.form(f"checkin_{gen}", border=False):
        left, right = st.columns(2, gap="medium")
        with left:
            picked = st.multiselect(
                "What did you ship?", list(labels),
                placeholder="Pick candidate wins from your work trail" if labels else "No candidate wins waiting",
                disabled=not labels, key=f"checkin_picked_{gen}", help="New candidate wins from `careerdata import git` or `import gh`; each one "
                "you pick becomes an accomplishment with its STAR fields pre-filled.")
            shipped = st.text_input("…or in your words", max_chars=2000, placeholder="Cut checkout latency to 120 ms",
                                    key=f"checkin_shipped_{gen}")
        with right:
            told = st.multiselect("Who did you tell?", status.contacts, placeholder="Manager, sponsor, a peer…",
                                  disabled=not status.contacts, key=f"checkin_told_{gen}",
                                  help="Each gets a touch today that names what you shipped.")
            channel = st.selectbox("How", CHANNELS, index=CHANNELS.index("chat"), key=f"checkin_channel_{gen}")
        visible = st.text_input("One visible thing this week", max_chars=500,
                                placeholder="Demo at Thursday's team sync", key=f"checkin_visible_{gen}")
        submitted = st.form_submit_button("Save check-in", type="primary")
    if not status.contacts:
        layout.page_link("journal", label="Add the people you work with", icon=":material/person_add:", tab="people")
    if not submitted:
        return
    entry = widgets.validate(CheckIn, {"week_start": status.week, "shipped": shipped, "accept": [labels[p] for p in picked], "told": told,
                                       "channel": channel, "visible": visible})
    if entry and widgets.save(lambda: state.write(ck.save_checkin, entry),
                              f"Checked in for the week of {status.week:%b %-d}"):
        st.session_state.pop("checkin_edit", None)
        widgets.reset_form("checkin")
        st.rerun()


def _labels(frame: pd.DataFrame) -> dict[str, int]:
    """Option label -> candidate id (a label shared by two candidates gets its id appended)."""
    out: dict[str, int] = {}
    for _, r in frame.iterrows():
        label = ck.candidate_label(r)
        out[label if label not in out else f"{label} (#{int(r['id'])})"] = int(r["id"])
    return out


def _span(row) -> str:
    start, end = pd.Timestamp(row["start_date"]), pd.Timestamp(row["end_date"])
    return f"{start:%Y-%m-%d}" if start == end else f"{start:%Y-%m-%d} → {end:%Y-%m-%d}"


def review_queue() -> None:
    """The Journal's review queue: candidate wins from git or gh; accept, merge several into one, or dismiss."""
    q = state.read(journal_view.review_queue)
    waiting, counts = q.waiting, q.counts
    st.caption(f"{counts['new']} waiting · {counts['accepted']} accepted · {counts['dismissed']} dismissed. "
               "Candidates come from your own git history and merged pull requests, read on this machine.")
    if waiting.empty:
        with st.container(border=True):
            st.markdown("**No candidate wins waiting.** Turn the work already on your disk into wins:")
            st.code("careerdata import git ~/code/my-repo --author you@company.com\n"
                    "gh pr list --author @me --state merged --json "
                    "number,title,body,mergedAt,createdAt,url,additions,deletions,reviews > prs.json\n"
                    "careerdata import gh prs.json", language="bash")
        return
    table = waiting.assign(when=[_span(r) for _, r in waiting.iterrows()],
                           kind=waiting["change_type"].map(candidates.CHANGE_TYPE_LABELS).fillna("—"))
    st.dataframe(
        table[["title", "repo", "when", "kind", "commits", "lines_added", "lines_removed", "people"]],
        hide_index=True, width="stretch", key="queue_table",
        column_config={"title": st.column_config.TextColumn("Candidate win", width="medium"),
                       "repo": "Repository", "when": "When", "kind": "Type",
                       "commits": st.column_config.NumberColumn("Commits"),
                       "lines_added": st.column_config.NumberColumn("+ lines"),
                       "lines_removed": st.column_config.NumberColumn("− lines"),
                       "people": st.column_config.TextColumn("Who knows it")})
    labels = _labels(waiting)
    picked = st.multiselect("Candidates to decide on", list(labels), key="queue_pick",
                            placeholder="Pick one to accept or dismiss, or several to merge into one win")
    if not picked:
        return
    ids = [labels[p] for p in picked]
    by_id = waiting.set_index("id")
    _decide([by_id.loc[i].to_dict() | {"id": i} for i in ids])


def _decide(rows: list) -> None:
    ids = [int(r["id"]) for r in rows]
    draft = candidates.star_draft(rows)
    with st.container(border=True):
        verb = "Merge into one win" if len(rows) > 1 else "Accept as a win"
        title = st.text_input("Title of the win", value=str(rows[0]["title"]), max_chars=200,
                              key=f"queue_title_{'_'.join(map(str, ids))}")
        st.caption("The STAR fields it starts with (edit them on the Accomplishments tab after accepting):")
        for field in ("situation", "task", "action", "result"):
            text = draft[field].strip()
            st.text(f"{field.capitalize()}: {text if text else '(empty: add it yourself)'}")
        accept, dismiss = st.columns(2)
        if accept.button(verb, type="primary", key="queue_accept", width="stretch") and widgets.save(
                lambda: state.write(candidates.accept, ids, title or None),
                f"Added “{title}” to your accomplishments"):
            st.rerun()
        if dismiss.button(f"Dismiss {len(rows)}", key="queue_dismiss", width="stretch") and widgets.save(
                lambda: state.write(candidates.dismiss, ids), f"Dismissed {len(rows)} candidate(s)"):
            st.rerun()


def calendar_download(what: tuple[str, ...], key: str, today: dt.date,
                      case: tuple[str, dt.date, dt.date] | None = None) -> None:
    """A download of this page's dates as an .ics calendar (re-importing it updates, not duplicates)."""
    events = state.read(io_view.calendar_events, what, today, case)
    names = " and ".join(ics.KIND_LABELS[w] for w in what)
    st.download_button(f"Add to calendar (.ics, {events} event{'s' if events != 1 else ''})",
                       lambda: state.read(io_view.calendar, what, today, case)[0],  # built when clicked
                       file_name=ics.file_name(what), mime="text/calendar", key=key, icon=":material/event:",
                       disabled=not events,
                       help=f"Your {names} as all-day events. Importing the file again updates the same events "
                            "instead of adding copies. Nothing leaves this machine until you open the file.")
