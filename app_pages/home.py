"""Home: the product one-pager. What am I worth to the business, and what should I do next?

The KPIs draw first, from a few SQL aggregates (`careerdata.home.queries`, no pandas or Plotly);
the check-in, nudges and charts need pandas and Plotly, so they are imported and drawn after
the KPIs are on screen, into containers placed where they belong.
"""

import streamlit as st

from careerdata.core.clock import today
from careerdata.core.money import format_money
from careerdata.figures import impact, network, summary
from careerdata.home import queries as home_queries
from careerdata.ui import layout, state

layout.header("Your career, as a product", "What value have you delivered, and what should you do next to get it seen?")

now = today()
start = state.read(home_queries.first_run, now)
if start.empty:  # a new user's file: where to begin, not a page of zeros
    from careerdata.home import view as views_home
    from careerdata.ui import widgets, worktrail

    st.markdown("Welcome. Four steps turn this into your career's one-pager: each link opens the place where "
                "it is done, and this page fills in as you go.")
    widgets.start_here(start)
    worktrail.weekly_checkin(state.read(views_home.checkin, now))  # the two-minute habit starts on day one
    st.stop()
start_slot = st.container() if start.progress < 1 and not state.demo_loaded() else None
kpis = state.read(home_queries.kpis, now)
profile, figures = kpis.profile, kpis.figures
totals = figures.impact
with st.container(border=True):
    who = f"{profile['name']} · {profile['current_title']}" if profile else "Your value proposition"
    st.caption(layout.escape_markdown(who))
    st.markdown(f"#### {layout.escape_markdown(kpis.headline)}")
    if not profile:
        layout.page_link("journal", label="Add your name, title and headline in the Journal", icon=":material/person:")

checkin_slot = st.container()
kpis_row = layout.kpi_row()
kpis_row.metric(
    f"Impact added in {now.year}", f"{format_money(totals.money_ytd)}/yr",
    delta=f"{format_money(totals.money_ytd - totals.money_prev_ytd)}/yr vs same time {now.year - 1}"
    if totals.money_ytd or totals.money_prev_ytd else None,
    help="Run-rate added by wins completed this calendar year: the sum of their annualised money estimates, "
         "compared with the same stretch of last year. Your own estimates.", border=True)
kpis_row.metric(
    "Impact of all your wins", impact.money_run_rate_label(totals.money_run_rate),
    delta=impact.money_delivered_label(totals.money_delivered), delta_color="off", delta_arrow="off",
    help="Run-rate: the sum of every impact metric's annualised money, what the changes are worth each year "
         "they stay live. Delivered to date: each metric's yearly value × the years since its win was done. "
         + (f"{totals.verified_share:.0%} of the run-rate is verified by a named contact."
            if totals.verified_share is not None else "Your own estimates."), border=True)
kpis_row.metric(
    "Hours saved for others", impact.hours_run_rate_label(totals.hours_run_rate),
    delta=impact.hours_delivered_label(totals.hours_delivered), delta_color="off", delta_arrow="off",
    help=f"Hours a year your work saves others (run-rate; {totals.hours_ytd:,.0f} h/yr added in {now.year}), and "
         "the hours saved to date: each metric's hours a year × the years since its win was done.", border=True)
kpis_row.metric(
    "Wins with a metric", summary.share_label(figures.share_with_metric),
    delta=f"of {figures.accomplishments} accomplishments", delta_color="off", delta_arrow="off",
    help="Share of your accomplishments with at least one quantified impact metric.", border=True)
kpis_row.metric(
    "Skills with evidence", summary.evidence_label(figures.skills_with_evidence, figures.skills),
    delta="linked to at least one win", delta_color="off", delta_arrow="off",
    help="Skills linked to at least one accomplishment: claims you can prove.", border=True)
kpis_row.metric(
    "Contacts overdue for a touch", network.overdue_label(figures.overdue_contacts),
    delta=network.visibility_label(figures.days_since_visibility), delta_color="off", delta_arrow="off",
    help="Contacts past their keep-in-touch cadence; and days since your last visibility item.",
    border=True)

# Below the KPIs: pandas and Plotly load from here on, after the KPIs are drawn.
from careerdata.home import charts as home_charts  # noqa: E402
from careerdata.home import view as views_home  # noqa: E402
from careerdata.ui import widgets, worktrail  # noqa: E402

details = state.read(views_home.details, now)
if start_slot is not None:
    with start_slot:
        widgets.start_here(start)
        widgets.gaps_panel(start.gaps, "Gaps in your data")
with checkin_slot:
    worktrail.weekly_checkin(details.checkin)

st.subheader("Do this next")
if not details.nudges:
    st.success("Nothing urgent: your wins are quantified, your sponsors are warm and your work is visible.")
for nudge in details.nudges[:5]:
    with st.container(border=True):
        st.markdown(layout.escape_markdown(nudge.message))
        layout.page_link(nudge.page, label=nudge.action, icon=":material/arrow_forward:", tab=nudge.tab)

tab_impact, tab_wins, tab_recent = st.tabs(["Impact over time", "Wins per quarter", "Recent wins"])
with tab_impact:
    if not figures.metrics:
        layout.empty_state("No impact metrics yet: add a baseline, a new value and what it was worth to a win.",
                           "journal", "Quantify a win")
    elif details.impact_by_quarter.empty:
        st.info("No quantified impact in the last 12 quarters.")
    else:
        st.plotly_chart(home_charts.impact_by_quarter_chart(details.impact_by_quarter,
                                                            details.quarters["quarter"].tolist()),
                        theme=None, key="impact_chart")
        st.caption("Your own estimates, annualised, on the quarter the work was done; categories with no money "
                   "estimate (often reliability and risk) are left out. Source: your career file.")
    if figures.metrics:
        layout.page_link("pnl", label="Your career P&L: every quarter, hours too, how sure each figure is, the wins "
                                      "behind a bar", icon=":material/account_balance:")
with tab_wins:
    if not figures.accomplishments:
        layout.empty_state("No wins logged yet.", "journal", "Log your first accomplishment")
    else:
        st.plotly_chart(home_charts.activity_chart(details.quarters), theme=None, key="activity_chart")
        st.caption("Counts of accomplishments by the quarter they were completed. Source: your career file.")
with tab_recent:
    if not figures.accomplishments:
        layout.empty_state("No wins logged yet.", "journal", "Log your first accomplishment")
    for win in details.recent_wins.itertuples():
        with st.container(border=True):
            value = f" · {format_money(win.money_usd)}/yr" if win.money_usd else ""
            proof = f"{win.metrics} metric(s)" if win.metrics else "no metric yet"
            st.markdown(f"**{layout.escape_markdown(win.title)}**")
            st.caption(f"{win.done_on:%b %Y} · {win.scope} scope · {proof}{value}")
