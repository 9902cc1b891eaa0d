"""Promotion case: can I make the case for the next level, and who needs to hear it before the review?"""

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from careerdata.core import dates
from careerdata.core.clock import today
from careerdata.figures import cycle as fcycle
from careerdata.figures import impact as fimpact
from careerdata.figures import readiness as freadiness
from careerdata.journal import queries
from careerdata.models.promotion import CaseKey
from careerdata.promotion import charts as pc
from careerdata.promotion import evidence as pa
from careerdata.promotion import plan as pplan
from careerdata.promotion import queries as pq
from careerdata.promotion import readiness as pready
from careerdata.promotion import view as promotion_view
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import promotion as prf
from careerdata.ui.forms.common import friendly_errors

layout.header("Promotion case", "Can you make the case for the next level: what your evidence covers, what is missing, "
                                "and the case itself, ready to send?")
widgets.show_flash()

MAX_SHOWN_SUGGESTIONS = 10

now = today()
setup = state.read(pq.case_setup)
levels = setup.levels
if levels.empty or not setup.has_competencies:
    layout.empty_state("This file has no career ladder. Load your company's with `careerdata ladder FILE.yaml`.",
                       "about", "See which ladder is in use")
    st.stop()

# --- the case: target level and cycle (page-wide, in the sidebar) ---------------------------------
codes = levels["code"].tolist()
current = (setup.profile or {}).get("current_level") or None
default_target = pa.next_level(levels, current) or (current if current in codes else codes[0])
default_start, default_end = pa.default_cycle(setup.profile, now)
with st.sidebar:
    st.markdown("**Promotion case**")
    target = st.selectbox("Target level", codes, index=codes.index(default_target), key="promo_target",
                          format_func=lambda c: pa.level_label(levels, c),
                          help="Defaults to the next level up from the current level in your profile.")
    cycle_start = st.date_input("Review cycle starts", value=default_start, min_value=widgets.EARLIEST,
                                key="promo_cycle_start", format="YYYY-MM-DD",
                                help="Defaults to the review cycle in your profile.")
    cycle_end = st.date_input("Review cycle ends", value=default_end, min_value=widgets.EARLIEST,
                              key="promo_cycle_end", format="YYYY-MM-DD")
try:
    case_key = CaseKey(target_level=target, cycle_start=cycle_start, cycle_end=cycle_end)
except ValidationError as err:
    st.error("Fix the review cycle in the sidebar:\n\n" + "\n".join(f"- {e}" for e in friendly_errors(err)),
             icon=":material/error:")
    st.stop()


case = state.read(pq.promo_case, target, cycle_start, cycle_end)
versions = state.read(pq.case_versions, int(case["id"])) if case else pd.DataFrame()
review_date = pa.to_date(case["review_date"]) if case and case.get("review_date") else cycle_end
# The cycle's read and the whole analysis, cached as one unit (views.promotion).
view = state.read(promotion_view.promotion_case, target, cycle_start, cycle_end, now, review_date)
a, generated, matrix, evidence = view.analysis, view.draft, view.matrix, view.evidence
target_label = view.target_label
r, t = a.readiness, a.totals
span = f"{dates.format_day(cycle_start)} – {dates.format_day(cycle_end)}"

if current is None:
    with st.container(border=True):
        st.markdown("**Your profile has no current level**, so the target cannot default to the next level up.")
        layout.page_link("journal", label="Set your current level in the profile", icon=":material/person:",
                         tab="profile")

# --- headline: readiness and coverage ------------------------------------------------------------
kpis = layout.kpi_row()
kpis.metric(f"Readiness for {target}", pready.readiness_label(r),
            delta=freadiness.count_label(r.at_bar, r.total), delta_color="off", delta_arrow="off",
            help="Mean, over the target level's competencies, of min(1, evidence strength ÷ expected level). "
                 "100% means this cycle's evidence meets every expectation of the level.", border=True)
kpis.metric("Wins in the cycle", fcycle.wins_label(t.wins), delta=f"{t.quantified_wins} with a metric", delta_color="off",
            delta_arrow="off", help=f"Accomplishments whose dates overlap the cycle {span}.", border=True)
kpis.metric("Quantified impact in the cycle", fimpact.money_run_rate_label(t.money) if t.money else "—",
            delta=f"{fimpact.hours_run_rate_label(t.hours)} saved", delta_color="off", delta_arrow="off",
            help="Sum of the annualised money and hours of the impact metrics on this cycle's wins: your "
                 "own estimates.", border=True)
days_left = pplan.days_until(review_date, now)
kpis.metric("Days to the review", f"{days_left}" if days_left >= 0 else "passed",
            delta=f"review on {dates.format_day(review_date)}", delta_color="off", delta_arrow="off",
            help="Set the review (calibration) date on the Cultivating the lead tab; it defaults to the cycle end.",
            border=True)

# side by side at 1440 px, the gaps under the chart at 1024 px (a wrapping row of fixed-width boxes)
row = st.container(horizontal=True, gap="medium")
with row.container(width=550):
    if a.cycle_accs.empty:
        with st.container(border=True):
            st.markdown(f"**No accomplishment in the cycle {span} yet.** Log wins with the ladder competencies "
                        "they show, and the coverage of each competency appears here.")
            layout.page_link("journal", label="Log a win", icon=":material/add_circle:", tab="log")
    else:
        if matrix.empty:
            st.info(f"The ladder has no expectations for {target}: load a ladder that describes it "
                    "(`careerdata ladder FILE.yaml`).")
        else:
            title = pc.heatmap_title(target, r.at_bar, r.total, r.no_evidence)
            st.plotly_chart(pc.coverage_heatmap(matrix, view.level_labels, target, title), theme=None, key="coverage_heatmap")
        ladder = state.read(queries.ladder_info)
        st.caption(
            "Evidence level (0–5) per competency, the same formula as a skill's: each of this cycle's linked wins "
            "earns scope (team 1, org 1.25, company or external 1.5) × 2 with a verified metric (1.5 with a metric) "
            "× recency (halves every two years) points, and level = 5 × (1 − e^(−points ÷ 2.5)). Blue cells meet "
            "the expectation; yellow to red fall short. "
            "Source: your career file and the ladder "
            f"“{layout.escape_markdown(ladder['name']) if ladder else 'in use'}”.")
with row.container(width=380):
    st.subheader("Gaps to close")
    if a.cycle_accs.empty:
        st.info(f"Every {target} competency is a gap until wins from this cycle are logged.")
    elif not a.gaps:
        st.success(f"No gap: this cycle's evidence meets every {target} expectation. Keep it fresh.")
    for gap in a.gaps[:4]:
        with st.container(border=True):
            st.markdown(f"**{layout.escape_markdown(gap.name)}** · {gap.status} "
                        f"({gap.strength:.1f} of {gap.target} expected)")
            st.caption(layout.escape_markdown(gap.mitigations[0]))
    if len(a.gaps) > 4:
        st.caption(f"{len(a.gaps) - 4} more in the case's “Gaps and plan” section.")

# --- detail -----------------------------------------------------------------------------------------
# Static labels: a label that changed after a save would send the user back to the first tab.
tab_labels = {
    "evidence": "Evidence mapping",
    "draft": "Case draft & linter",
    "versions": "Versions & export",
    "plan": "Cultivating the lead",
}
tab_evidence, tab_draft, tab_versions, tab_plan = st.tabs(
    list(tab_labels.values()), default=tab_labels.get(st.query_params.get("tab", "evidence")))

with tab_evidence:
    prf.evidence_tab(a, evidence, MAX_SHOWN_SUGGESTIONS, span, target_label, target)

draft_key = f"promo_draft_{target}_{cycle_start}_{cycle_end}"
if draft_key not in st.session_state:
    st.session_state[draft_key] = str(versions.iloc[0]["markdown"]) if not versions.empty else generated


def _regenerate() -> None:
    st.session_state[draft_key] = generated


with tab_draft:
    text = prf.draft_tab(draft_key, _regenerate, versions, case_key, target, cycle_start, cycle_end, now, r)

with tab_versions:
    prf.versions_tab(versions, text, target_label, target, a, cycle_end)

with tab_plan:
    prf.plan_tab(view, case, now, review_date, cycle_start, case_key, a)
