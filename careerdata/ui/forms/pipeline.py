"""Forms and tabs of the Pipeline page: open cards, follow-ups, every opportunity, time in stage."""

import streamlit as st

from careerdata.core import dates, vocab
from careerdata.core.clock import today
from careerdata.journal import queries
from careerdata.models import career as m
from careerdata.models import pipeline as mp
from careerdata.pipeline import queries as plq
from careerdata.pipeline import repo as plr
from careerdata.ui import layout, state, widgets


def open_tab(live, now):
    """Open opportunities as cards: move one to its next stage."""
    if live.empty:
        st.info("No open opportunities. Add the next one on the “Add an opportunity” tab.")
    start, end = widgets.pager("open_page", len(live), "open opportunities", "furthest along first")
    # Past one page, the cards scroll inside a box so the page picker and the tabs stay close by.
    with st.container(height=900 if len(live) > widgets.LIST_PAGE_SIZE else "content", border=False):
        for row in live.iloc[start:end].itertuples():
            oid = int(row.id)
            with st.container(border=True):
                head, side = st.columns([4, 2], vertical_alignment="top")
                since = dates.as_date(row.stage_since)
                follow_due = dates.as_date(row.follow_up_due)
                head.markdown(f"**{layout.escape_markdown(row.title)}**  \n"
                              f":blue-badge[{vocab.OPPORTUNITY_STAGE_LABELS[row.stage]}] "
                              + (f"since {since:%d %b %Y} ({dates.when_label(since, now)}) · " if since is not None else "")
                              + f"{vocab.OPPORTUNITY_KIND_LABELS[row.kind]}"
                              + (f" · {layout.escape_markdown(row.company)}" if row.company else "")
                              + (f" · target role {layout.escape_markdown(row.target_role)}"
                                 if isinstance(row.target_role, str) and row.target_role else ""))
                details = []
                if row.next_step:
                    details.append(f"**Next step:** {layout.escape_markdown(row.next_step)}")
                if row.contacts:
                    details.append(f"**Contacts:** {layout.escape_markdown(row.contacts)}")
                if details:
                    head.markdown("  \n".join(details))
                if follow_due is not None:
                    when = dates.when_label(follow_due, now)
                    colour = "red" if follow_due < now else "orange" if (follow_due - now).days <= 7 else "gray"
                    side.markdown(f":{colour}[:material/event: Follow-up {follow_due:%d %b %Y} ({when})]")
                with side.popover("Move stage", icon=":material/arrow_forward:"), st.form(f"move_{oid}", border=False):
                    order = list(vocab.OPPORTUNITY_STAGES)
                    nxt = order[min(order.index(row.stage) + 1, order.index("accepted"))]
                    stage = st.selectbox("New stage", [s for s in order if s != row.stage],
                                         index=[s for s in order if s != row.stage].index(nxt),
                                         format_func=vocab.OPPORTUNITY_STAGE_LABELS.get, key=f"move_stage_{oid}")
                    entered = st.date_input("Entered on", value=now, min_value=widgets.EARLIEST, key=f"move_date_{oid}")
                    next_step = st.text_input("Next step", value=row.next_step, key=f"move_next_{oid}")
                    follow = st.date_input("Follow-up due", value=follow_due, min_value=widgets.EARLIEST,
                                           key=f"move_follow_{oid}")
                    if st.form_submit_button("Move", type="primary"):
                        move = widgets.validate(mp.StageMove, {"stage": stage, "entered_on": entered,
                                                               "next_step": next_step, "follow_up_due": follow})
                        if move and widgets.save(lambda o=oid, mv=move: state.write(plr.move_opportunity, o, mv),
                                                 f"Moved “{row.title}” to {vocab.OPPORTUNITY_STAGE_LABELS[stage]}"):
                            st.rerun()


def follow_ups_tab(due, now):
    """Follow-ups due, most overdue first."""
    if due.empty:
        st.success("No follow-up due in the next 14 days.")
    else:
        with layout.scrolling_table("follow_ups"):  # which opportunity and when first, the detail after
            st.dataframe(
                due.assign(when=[dates.when_label(d, now) for d in due["follow_up_due"]],
                           stage=due["stage"].map(vocab.OPPORTUNITY_STAGE_LABELS))[
                    ["follow_up_due", "when", "title", "stage", "next_step", "contacts"]],
                hide_index=True, width="stretch",
                column_order=["title", "when", "follow_up_due", "stage", "next_step", "contacts"],
                column_config={
                    "follow_up_due": st.column_config.DateColumn("Follow-up due", format="YYYY-MM-DD"),
                    "when": "When", "title": st.column_config.TextColumn("Opportunity", width="medium", pinned=True),
                    "stage": "Stage", "next_step": st.column_config.TextColumn("Next step", width="large"),
                    "contacts": "Contacts",
                })
        st.caption("Open opportunities with a follow-up date up to 14 days ahead, most overdue first. Change a date "
                   "with Move stage (Open tab) or by editing the opportunity.")


def opportunity_form(key: str, initial: m.Opportunity | None, submit: str, *, new: bool) -> m.Opportunity | None:
    """The add / edit form; returns a validated Opportunity on submit."""
    contact_names = state.read(queries.names, "contact")
    role_names = state.read(queries.names, "target_role")
    now = today()
    o = initial
    with st.form(key, border=True):
        c1, c2, c3 = st.columns([2.2, 1.6, 2.2])  # room for each field's whole value at 1024 px
        title = c1.text_input("Title", value=o.title if o else "", key=f"{key}_title",
                              placeholder="Staff Engineer at Cloudnova")
        kind = c2.selectbox("Kind", vocab.OPPORTUNITY_KINDS, index=vocab.OPPORTUNITY_KINDS.index(o.kind) if o else 0,
                            format_func=vocab.OPPORTUNITY_KIND_LABELS.get, key=f"{key}_kind")
        company = c3.text_input("Company", value=o.company if o else "", key=f"{key}_company")
        (c1, c2), (c3, c4) = st.columns(2), st.columns(2)
        roles = [""] + role_names
        role = c1.selectbox("Target role", roles, index=roles.index(o.target_role) if o and o.target_role in roles
                            else 0, format_func=lambda r: r or "—", key=f"{key}_role")
        stage = (c2.selectbox("Stage", vocab.OPPORTUNITY_STAGES, format_func=vocab.OPPORTUNITY_STAGE_LABELS.get, key=f"{key}_stage")
                 if new else o.stage)
        opened = c3.date_input("Opened on", value=o.opened_on if o else now, min_value=widgets.EARLIEST,
                               key=f"{key}_opened")
        follow = c4.date_input("Follow-up due", value=o.follow_up_due if o else None, min_value=widgets.EARLIEST,
                               key=f"{key}_follow")
        next_step = st.text_input("Next step", value=o.next_step if o else "", key=f"{key}_next")
        people = st.multiselect("Contacts", contact_names, default=[c for c in (o.contacts if o else [])
                                                                    if c in contact_names], key=f"{key}_contacts",
                                help="Who can open the door, refer you, or decide.")
        notes = st.text_area("Notes", value=o.notes if o else "", key=f"{key}_notes", height=80)
        if not st.form_submit_button(submit, type="primary"):
            return None
    return widgets.validate(m.Opportunity, {
        "title": title, "kind": kind, "company": company, "target_role": role or None, "stage": stage,
        "opened_on": opened, "next_step": next_step, "follow_up_due": follow, "contacts": people, "notes": notes})


def all_tab(opps, stints):
    """Every opportunity: edit or delete one, see its stage history."""
    if opps.empty:
        st.info("No opportunities yet.")
    else:
        st.caption("Select a row to edit it, see its stage history, or delete it.")
        table = opps.assign(stage=opps["stage"].map(vocab.OPPORTUNITY_STAGE_LABELS), kind=opps["kind"].map(vocab.OPPORTUNITY_KIND_LABELS))
        with layout.scrolling_table("opportunities"):
            picked = st.dataframe(
                table[["id", "title", "kind", "company", "stage", "opened_on", "stage_since", "follow_up_due", "contacts"]],
                hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="opps_table",
                column_config={
                    "id": None, "title": st.column_config.TextColumn("Opportunity", width="medium", pinned=True),
                    "kind": "Kind",
                    "company": "Company", "stage": "Stage",
                    "opened_on": st.column_config.DateColumn("Opened", format="YYYY-MM-DD"),
                    "stage_since": st.column_config.DateColumn("In stage since", format="YYYY-MM-DD"),
                    "follow_up_due": st.column_config.DateColumn("Follow-up", format="YYYY-MM-DD"),
                    "contacts": "Contacts",
                })
        rows = picked.selection.rows if picked else []
        if rows:
            oid = int(opps.iloc[rows[0]]["id"])
            current = state.read(plq.opportunity_model, oid)
            st.subheader(f"Edit: {current.title}")
            history = stints[stints["opportunity_id"] == oid]
            if not history.empty:
                st.dataframe(history.assign(stage=history["stage"].map(vocab.OPPORTUNITY_STAGE_LABELS))[
                    ["stage", "entered_on", "left_on", "days", "ongoing"]], hide_index=True, width="stretch",
                    column_config={"stage": "Stage", "entered_on": st.column_config.DateColumn("Entered"),
                                   "left_on": st.column_config.DateColumn("Left"),
                                   "days": st.column_config.NumberColumn("Days in stage"),
                                   "ongoing": st.column_config.CheckboxColumn("Still there")})
            edited = opportunity_form(f"edit_opp_{oid}_{widgets.form_generation('edit_opp')}", current, "Save changes",
                                      new=False)
            if edited and widgets.save(lambda: state.write(plr.update_opportunity, oid, edited),
                                       f"Saved “{edited.title}”"):
                widgets.reset_form("edit_opp")
                st.rerun()
            with st.popover("Delete this opportunity", icon=":material/delete:"):
                st.markdown(f"Delete **{layout.escape_markdown(current.title)}** with its stage history? "
                            "This cannot be undone.")
                if st.button("Delete for good", type="primary", key=f"delete_opp_{oid}"):
                    state.write(plr.delete_opportunity, oid)
                    st.session_state["flash"] = f"Deleted “{current.title}”"
                    st.rerun()


def time_in_stage_tab(opps, funnel, stage_time):
    """How long opportunities sit in each stage."""
    if opps.empty:
        st.info("Stage numbers appear once you have opportunities.")
    else:
        with st.container():  # one table under the other: each has room for its columns at 1024 px
            st.markdown("**Stage conversion**")
            st.dataframe(funnel.assign(stage=funnel["stage"].map(vocab.OPPORTUNITY_STAGE_LABELS)), hide_index=True, width="stretch",
                         column_config={
                             "stage": "Stage", "reached": st.column_config.NumberColumn("Reached"),
                             "open_here": st.column_config.NumberColumn("Still here"),
                             "lost_here": st.column_config.NumberColumn("Lost here"),
                             "conversion": st.column_config.NumberColumn(
                                 "Moved on", format="percent",
                                 help="reached(next) ÷ (reached − still here): of those that left, the share that "
                                      "moved on")})
        with st.container():
            st.markdown("**Time in stage (days)**")
            st.dataframe(stage_time.assign(stage=stage_time["stage"].map(vocab.OPPORTUNITY_STAGE_LABELS)), hide_index=True,
                         width="stretch", column_config={
                             "stage": "Stage",
                             "median_days": st.column_config.NumberColumn("Median", format="%.1f"),
                             "mean_days": st.column_config.NumberColumn("Mean", format="%.1f"),
                             "completed": st.column_config.NumberColumn("Finished"),
                             "ongoing": st.column_config.NumberColumn("Still there"),
                             "oldest_ongoing": st.column_config.NumberColumn("Oldest still there")})
