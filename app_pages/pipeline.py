"""Pipeline: promotions, internal moves and new jobs as a sales pipeline."""

import streamlit as st

from careerdata.core import vocab
from careerdata.core.clock import today
from careerdata.journal import queries, repo
from careerdata.pipeline import view as plv
from careerdata.ui import layout, state, widgets, worktrail
from careerdata.ui.forms import pipeline as plf

layout.header("Pipeline", "Which opportunities are moving, where do they stall, and which follow-up is due?")
widgets.show_flash()

now = today()
with st.sidebar:
    kinds = st.multiselect("Opportunity kinds", list(vocab.OPPORTUNITY_KINDS), default=list(vocab.OPPORTUNITY_KINDS),
                           format_func=vocab.OPPORTUNITY_KIND_LABELS.get, key="pipeline_kinds",
                           help="Filters every number and chart on the Pipeline page.")
view = state.read(plv.pipeline, now, tuple(sorted(kinds)))
opps, live, due, funnel = view.opps, view.live, view.due, view.funnel
stints, stage_time, rate, kpi = view.stints, view.stage_time, view.rate, view.kpi

kpis = layout.kpi_row()
kpis.metric("Open opportunities", f"{kpi.open:,}",
          delta=f"{kpi.late_stage:,} at interview or offer" if kpi.open else None,
          delta_color="off", delta_arrow="off", help="Leads not yet accepted or lost.", border=True)
kpis.metric("Follow-ups overdue", f"{kpi.overdue:,}",
          delta=f"{kpi.due_soon:,} more due in the next 14 days", delta_color="off", delta_arrow="off",
          help="Open opportunities whose follow-up date has passed.", border=True)
kpis.metric("Win rate", f"{rate:.0%}" if rate is not None else "—",
          delta=f"{kpi.accepted:,} accepted of {kpi.closed:,} closed" if kpi.closed else "none closed yet",
          delta_color="off", delta_arrow="off", help="accepted ÷ (accepted + lost), over closed opportunities.",
          border=True)
kpis.metric("Longest wait right now", f"{kpi.longest_wait} days" if kpi.longest_wait is not None else "—",
          delta=f"at {vocab.OPPORTUNITY_STAGE_LABELS[kpi.longest_stage].lower()}" if kpi.longest_stage else None,
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
    # one chart under the other: each keeps the full width at 1024 px
    st.plotly_chart(view.funnel_chart, theme=None, key="pipeline_funnel")
    st.caption("Bars: opportunities that reached each stage (a skipped stage counts as passed). 'Moved on': of "
               "those that left a stage, won or lost, the share that reached the next; ones still sitting there "
               "are left out. Source: your career file.")
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
    plf.open_tab(live, now)

with tab_follow:
    worktrail.calendar_download(("followups",), "pipeline_ics", now)
    plf.follow_ups_tab(due, now)

with tab_all:
    plf.all_tab(opps, stints)

with tab_times:
    plf.time_in_stage_tab(opps, funnel, stage_time)

with tab_add:
    gen = widgets.form_generation("add_opp")
    new_opp = plf.opportunity_form(f"add_opp_{gen}", None, "Add opportunity", new=True)
    if new_opp and widgets.save(lambda: state.write(repo.add_opportunity, new_opp), f"Added “{new_opp.title}”"):
        widgets.reset_form("add_opp")
        st.rerun()
    if not state.read(queries.names, "contact"):
        st.caption("Tip: add the people involved as contacts in the Journal first, so you can link them here.")
        layout.page_link("journal", label="Add a contact", icon=":material/person_add:", tab="people")
