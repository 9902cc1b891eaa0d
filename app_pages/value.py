"""Value proposition: what does your target employer need, and what proof of value can you offer it?"""

import streamlit as st

from careerdata.core.clock import today
from careerdata.figures import impact as fimpact
from careerdata.market.loader import OEWS_ATTRIBUTION, ONET_ATTRIBUTION, PROJECTIONS_ATTRIBUTION, PROXY_ATTRIBUTION
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import value as vaf
from careerdata.value import offer as vp
from careerdata.value import view as views

layout.header("Value proposition",
              "What does the employer you want need, and what proof of value can you offer it?")
widgets.show_flash()

now = today()
customers = state.read(views.customers)
profile = customers.profile
ladder_name = customers.ladder_name
esc = layout.escape_markdown

# --- the customer: one target --------------------------------------------------------------
target, note = widgets.target_picker(
    customers, "Customer (target role)", "value_target",
    "One of your target roles; its level's ladder expectations and its O*NET occupation's tasks describe what "
    "this customer needs.")
if customers.no_target_roles:
    note.info("You have no target roles yet, so the customer is an O\\*NET occupation"
              + (f", compared with the next level after yours ({target.level})." if target.level else "."),
              icon=":material/info:")
elif not target.onet_code:
    note.info("This target role has no O\\*NET occupation, so its jobs come from the ladder only.",
              icon=":material/info:")

view = state.read(views.value, target.key, now)
jobs, needs, coverage, summary, strongest = view.jobs, view.needs, view.coverage, view.summary, view.strongest
task_stand_in, has_wins, stand_ins = view.task_stand_in, view.has_wins, view.stand_ins

# --- headline --------------------------------------------------------------------------------
with st.container(border=True):
    st.caption(f"Your value proposition for {esc(target.label)}")
    st.markdown(f"#### {esc(view.statement)}")
    if not has_wins:
        layout.page_link("journal", label="Log your first win with its impact", icon=":material/add_circle:",
                         tab="log")

kpis = layout.kpi_row()
kpis.metric("Needs you can prove", f"{summary.covered} of {summary.needs}" if summary.needs else "—",
            help="Pains and gains of this customer with at least one accomplishment that addresses them "
                 f"(match score ≥ {vp.MATCH_MIN}; see “How it's computed”).", border=True)
kpis.metric("Impact behind that proof", fimpact.money_run_rate_label(summary.money_usd) if summary.money_usd else "—",
            delta=f"{summary.verified_share:.0%} verified" if summary.verified_share is not None else None,
            delta_color="off", delta_arrow="off",
            help="Sum of the annualised money of the impact metrics of every accomplishment that addresses at "
                 "least one need. Your own estimates, USD per year.", border=True)
kpis.metric("Hours saved behind it", fimpact.hours_run_rate_label(summary.hours) if summary.hours else "—",
            delta=view.hours_of_all, delta_color="off", delta_arrow="off",
            help="Hours per year your addressing accomplishments saved others (your estimates).", border=True)
top_skill = strongest.iloc[0] if not strongest.empty else None
kpis.metric("Strongest skill", top_skill["name"] if top_skill is not None else "—",
            delta=f"evidence {top_skill['evidence_level']:.1f}/5 · market value {top_skill['market_value']:.0f}"
            if top_skill is not None else None, delta_color="off", delta_arrow="off",
            help="Your skill with the highest evidence level × market value for this target's occupation "
                 "(the skill-value model).", border=True)

if needs.empty:
    layout.empty_state("This customer has no ladder level and no O\\*NET tasks to read needs from: pick a target "
                       "role with a level, or set your current level in your profile.", "journal",
                       "Set your current level")
elif not has_wins:
    layout.empty_state("No accomplishments yet, so nothing proves you meet these needs. Log a win with a metric.",
                       "journal", "Log a win in the Journal")
else:
    st.plotly_chart(view.needs_figure, theme=None, key="needs_chart")
st.caption(
    f"Needs from the {esc(ladder_name)}" + (f" (level {target.level})" if target.level else "")
    + (f" and O\\*NET® 29.3 tasks of {esc(target.occupation or '')}" if view.has_tasks else "")
    + "; proof from your career file. Money is your own annualised estimate. O\\*NET® is a trademark of USDOL/ETA; "
      "full attribution under “How it's computed”.")

tab_customer, tab_offer, tab_pitch, tab_how = st.tabs(
    ["The customer", "Your offer", "Pitch builder", "How it's computed"])

# --- the customer ----------------------------------------------------------------------------
with tab_customer:
    vaf.customer_tab(esc, target, task_stand_in, jobs, coverage)

# --- the offer -------------------------------------------------------------------------------
with tab_offer:
    vaf.offer_tab(has_wins, strongest, view, stand_ins, target, esc)

# --- the pitch -------------------------------------------------------------------------------
with tab_pitch:
    vaf.pitch_tab(has_wins, target, esc, view)

# --- how it's computed -----------------------------------------------------------------------
with tab_how:
    st.markdown((vp.__doc__ or "").replace("O*NET", "O\\*NET"))
    st.caption(esc(f"{ONET_ATTRIBUTION} {PROXY_ATTRIBUTION} {OEWS_ATTRIBUTION} {PROJECTIONS_ATTRIBUTION}"))
