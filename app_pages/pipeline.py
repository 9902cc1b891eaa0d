"""Pipeline: promotions, internal moves and new jobs as a sales pipeline."""

import streamlit as st

from careerdata.core.clock import today
from careerdata.journal import queries, repo
from careerdata.models import career as m
from careerdata.models import network as ms
from careerdata.network import analytics as sa
from careerdata.network import charts as cs
from careerdata.network import queries as qs
from careerdata.network import repo as rs
from careerdata.network import view as vs
from careerdata.ui import layout, state, widgets, worktrail

KIND_LABELS = {"promotion": "Promotion", "internal_move": "Internal move", "new_job": "New job"}
STAGE_LABELS = {**cs.PIPELINE_LABELS, "lost": "Lost"}


layout.header("Pipeline", "Which opportunities are moving, where do they stall, and which follow-up is due?")
widgets.show_flash()

now = today()
with st.sidebar:
    kinds = st.multiselect("Opportunity kinds", list(m.OPPORTUNITY_KINDS), default=list(m.OPPORTUNITY_KINDS),
                           format_func=KIND_LABELS.get, key="pipeline_kinds",
                           help="Filters every number and chart on the Pipeline page.")
view = state.read(vs.pipeline, now, tuple(sorted(kinds)))
opps, live, due, funnel = view.opps, view.live, view.due, view.funnel
stints, stage_time, rate, kpi = view.stints, view.stage_time, view.rate, view.kpi

k1, k2, k3, k4 = st.columns(4)
k1.metric("Open opportunities", f"{kpi.open:,}",
          delta=f"{kpi.late_stage:,} at interview or offer" if kpi.open else None,
          delta_color="off", delta_arrow="off", help="Leads not yet accepted or lost.", border=True)
k2.metric("Follow-ups overdue", f"{kpi.overdue:,}",
          delta=f"{kpi.due_soon:,} more due in the next 14 days", delta_color="off", delta_arrow="off",
          help="Open opportunities whose follow-up date has passed.", border=True)
k3.metric("Win rate", f"{rate:.0%}" if rate is not None else "—",
          delta=f"{kpi.accepted:,} accepted of {kpi.closed:,} closed" if kpi.closed else "none closed yet",
          delta_color="off", delta_arrow="off", help="accepted ÷ (accepted + lost), over closed opportunities.",
          border=True)
k4.metric("Longest wait right now", f"{kpi.longest_wait} days" if kpi.longest_wait is not None else "—",
          delta=f"at {STAGE_LABELS[kpi.longest_stage].lower()}" if kpi.longest_stage else None,
          delta_color="off", delta_arrow="off",
          help="The open opportunity that has sat longest in its current stage.", border=True)

if opps.empty:
    with st.container(border=True):
        if not view.total:
            st.markdown("**No opportunities yet.** Add the promotion you are working towards, an internal move or a "
                        "job lead: the funnel and time in stage are built from them.")
        else:
            st.markdown("**No opportunities of the kinds picked in the sidebar.**")
        layout.page_link("pipeline", label="Add an opportunity", icon=":material/add_circle:", tab="add")
else:
    left, right = st.columns(2, gap="large")
    with left:
        st.plotly_chart(view.funnel_chart, theme=None, key="pipeline_funnel")
        st.caption("Bars: opportunities that reached each stage (a skipped stage counts as passed). 'Moved on': of "
                   "those that left a stage, won or lost, the share that reached the next; ones still sitting there "
                   "are left out. Source: your career file.")
    with right:
        if stints.empty:
            st.info("No stage history yet: move an opportunity to its next stage to start timing it.")
        else:
            st.plotly_chart(view.time_chart, theme=None, key="time_in_stage")
            st.caption("Days from entering a stage to entering the next one; a diamond is an open opportunity still "
                       "in that stage today. Bars: median of finished stints. Source: your career file.")

tab_labels = {
    "open": f"Open ({len(live):,})",
    "follow": f"Follow-ups ({len(due):,})",
    "all": f"All opportunities ({len(opps):,})",
    "times": "Stage numbers",
    "add": "Add an opportunity",
}
tab_open, tab_follow, tab_all, tab_times, tab_add = st.tabs(
    list(tab_labels.values()), default=tab_labels.get(st.query_params.get("tab", "open"), tab_labels["open"]))

with tab_open:
    if live.empty:
        st.info("No open opportunities. Add the next one on the “Add an opportunity” tab.")
    start, end = widgets.pager("open_page", len(live), "open opportunities", "furthest along first")
    # Past one page, the cards scroll inside a box so the page picker and the tabs stay close by.
    with st.container(height=900 if len(live) > widgets.LIST_PAGE_SIZE else "content", border=False):
        for row in live.iloc[start:end].itertuples():
            oid = int(row.id)
            with st.container(border=True):
                head, side = st.columns([4, 2], vertical_alignment="top")
                since = sa.as_date(row.stage_since)
                follow_due = sa.as_date(row.follow_up_due)
                head.markdown(f"**{layout.escape_markdown(row.title)}**  \n"
                              f":blue-badge[{STAGE_LABELS[row.stage]}] "
                              + (f"since {since:%d %b %Y} ({sa.when_label(since, now)}) · " if since is not None else "")
                              + f"{KIND_LABELS[row.kind]}"
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
                    when = sa.when_label(follow_due, now)
                    colour = "red" if follow_due < now else "orange" if (follow_due - now).days <= 7 else "gray"
                    side.markdown(f":{colour}[:material/event: Follow-up {follow_due:%d %b %Y} ({when})]")
                with side.popover("Move stage", icon=":material/arrow_forward:"), st.form(f"move_{oid}", border=False):
                    order = list(m.OPPORTUNITY_STAGES)
                    nxt = order[min(order.index(row.stage) + 1, order.index("accepted"))]
                    stage = st.selectbox("New stage", [s for s in order if s != row.stage],
                                         index=[s for s in order if s != row.stage].index(nxt),
                                         format_func=STAGE_LABELS.get, key=f"move_stage_{oid}")
                    entered = st.date_input("Entered on", value=now, min_value=widgets.EARLIEST, key=f"move_date_{oid}")
                    next_step = st.text_input("Next step", value=row.next_step, key=f"move_next_{oid}")
                    follow = st.date_input("Follow-up due", value=follow_due, min_value=widgets.EARLIEST,
                                           key=f"move_follow_{oid}")
                    if st.form_submit_button("Move", type="primary"):
                        move = widgets.validate(ms.StageMove, {"stage": stage, "entered_on": entered,
                                                               "next_step": next_step, "follow_up_due": follow})
                        if move and widgets.save(lambda o=oid, mv=move: state.write(rs.move_opportunity, o, mv),
                                                 f"Moved “{row.title}” to {STAGE_LABELS[stage]}"):
                            st.rerun()

with tab_follow:
    worktrail.calendar_download(("followups",), "pipeline_ics", now)
    if due.empty:
        st.success("No follow-up due in the next 14 days.")
    else:
        st.dataframe(
            due.assign(when=[sa.when_label(d, now) for d in due["follow_up_due"]],
                       stage=due["stage"].map(STAGE_LABELS))[
                ["follow_up_due", "when", "title", "stage", "next_step", "contacts"]],
            hide_index=True, width="stretch",
            column_config={
                "follow_up_due": st.column_config.DateColumn("Follow-up due", format="YYYY-MM-DD"),
                "when": "When", "title": st.column_config.TextColumn("Opportunity", width="medium"), "stage": "Stage",
                "next_step": st.column_config.TextColumn("Next step", width="large"), "contacts": "Contacts",
            })
        st.caption("Open opportunities with a follow-up date up to 14 days ahead, most overdue first. Change a date "
                   "with Move stage (Open tab) or by editing the opportunity.")

contact_names = state.read(queries.names, "contact")
role_names = state.read(queries.names, "target_role")


def opportunity_form(key: str, initial: m.Opportunity | None, submit: str, *, new: bool) -> m.Opportunity | None:
    """The add / edit form; returns a validated Opportunity on submit."""
    o = initial
    with st.form(key, border=True):
        c1, c2, c3 = st.columns([3, 1, 2])
        title = c1.text_input("Title", value=o.title if o else "", key=f"{key}_title",
                              placeholder="Staff Engineer at Cloudnova")
        kind = c2.selectbox("Kind", m.OPPORTUNITY_KINDS, index=m.OPPORTUNITY_KINDS.index(o.kind) if o else 0,
                            format_func=KIND_LABELS.get, key=f"{key}_kind")
        company = c3.text_input("Company", value=o.company if o else "", key=f"{key}_company")
        c1, c2, c3, c4 = st.columns(4)
        roles = [""] + role_names
        role = c1.selectbox("Target role", roles, index=roles.index(o.target_role) if o and o.target_role in roles
                            else 0, format_func=lambda r: r or "—", key=f"{key}_role")
        stage = (c2.selectbox("Stage", m.OPPORTUNITY_STAGES, format_func=STAGE_LABELS.get, key=f"{key}_stage")
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


with tab_all:
    if opps.empty:
        st.info("No opportunities yet.")
    else:
        st.caption("Select a row to edit it, see its stage history, or delete it.")
        table = opps.assign(stage=opps["stage"].map(STAGE_LABELS), kind=opps["kind"].map(KIND_LABELS))
        picked = st.dataframe(
            table[["id", "title", "kind", "company", "stage", "opened_on", "stage_since", "follow_up_due", "contacts"]],
            hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="opps_table",
            column_config={
                "id": None, "title": st.column_config.TextColumn("Opportunity", width="large"), "kind": "Kind",
                "company": "Company", "stage": "Stage",
                "opened_on": st.column_config.DateColumn("Opened", format="YYYY-MM-DD"),
                "stage_since": st.column_config.DateColumn("In stage since", format="YYYY-MM-DD"),
                "follow_up_due": st.column_config.DateColumn("Follow-up", format="YYYY-MM-DD"),
                "contacts": "Contacts",
            })
        rows = picked.selection.rows if picked else []
        if rows:
            oid = int(opps.iloc[rows[0]]["id"])
            current = qs.opportunity_model(state.connection(), oid)
            st.subheader(f"Edit: {current.title}")
            history = stints[stints["opportunity_id"] == oid]
            if not history.empty:
                st.dataframe(history.assign(stage=history["stage"].map(STAGE_LABELS))[
                    ["stage", "entered_on", "left_on", "days", "ongoing"]], hide_index=True, width="stretch",
                    column_config={"stage": "Stage", "entered_on": st.column_config.DateColumn("Entered"),
                                   "left_on": st.column_config.DateColumn("Left"),
                                   "days": st.column_config.NumberColumn("Days in stage"),
                                   "ongoing": st.column_config.CheckboxColumn("Still there")})
            edited = opportunity_form(f"edit_opp_{oid}_{widgets.form_generation('edit_opp')}", current, "Save changes",
                                      new=False)
            if edited and widgets.save(lambda: state.write(rs.update_opportunity, oid, edited),
                                       f"Saved “{edited.title}”"):
                widgets.reset_form("edit_opp")
                st.rerun()
            with st.popover("Delete this opportunity", icon=":material/delete:"):
                st.markdown(f"Delete **{layout.escape_markdown(current.title)}** with its stage history? "
                            "This cannot be undone.")
                if st.button("Delete for good", type="primary", key=f"delete_opp_{oid}"):
                    state.write(rs.delete_opportunity, oid)
                    st.session_state["flash"] = f"Deleted “{current.title}”"
                    st.rerun()

with tab_times:
    if opps.empty:
        st.info("Stage numbers appear once you have opportunities.")
    else:
        s1, s2 = st.columns(2, gap="large")
        with s1:
            st.markdown("**Stage conversion**")
            st.dataframe(funnel.assign(stage=funnel["stage"].map(STAGE_LABELS)), hide_index=True, width="stretch",
                         column_config={
                             "stage": "Stage", "reached": st.column_config.NumberColumn("Reached"),
                             "open_here": st.column_config.NumberColumn("Still here"),
                             "lost_here": st.column_config.NumberColumn("Lost here"),
                             "conversion": st.column_config.NumberColumn(
                                 "Moved on", format="percent",
                                 help="reached(next) ÷ (reached − still here): of those that left, the share that "
                                      "moved on")})
        with s2:
            st.markdown("**Time in stage (days)**")
            st.dataframe(stage_time.assign(stage=stage_time["stage"].map(STAGE_LABELS)), hide_index=True,
                         width="stretch", column_config={
                             "stage": "Stage",
                             "median_days": st.column_config.NumberColumn("Median", format="%.1f"),
                             "mean_days": st.column_config.NumberColumn("Mean", format="%.1f"),
                             "completed": st.column_config.NumberColumn("Finished"),
                             "ongoing": st.column_config.NumberColumn("Still there"),
                             "oldest_ongoing": st.column_config.NumberColumn("Oldest still there")})

with tab_add:
    gen = widgets.form_generation("add_opp")
    new_opp = opportunity_form(f"add_opp_{gen}", None, "Add opportunity", new=True)
    if new_opp and widgets.save(lambda: state.write(repo.add_opportunity, new_opp), f"Added “{new_opp.title}”"):
        widgets.reset_form("add_opp")
        st.rerun()
    if not contact_names:
        st.caption("Tip: add the people involved as contacts in the Journal first, so you can link them here.")
        layout.page_link("journal", label="Add a contact", icon=":material/person_add:", tab="people")
