"""Competitors: who do you compete with for your next role, and what makes you difficult to compete with?"""

import streamlit as st

from careerdata.competitors import analytics as cp
from careerdata.competitors import view as views
from careerdata.core.clock import today
from careerdata.figures import cycle as fcycle
from careerdata.figures import moat as fmoat
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import competitors as tabs
from careerdata.value import view as value_view

layout.header("Competitors",
              "Who do you compete with for your next role, and what makes you difficult to compete with?")

now = today()
customers = state.read(value_view.customers)
ladder_name = customers.ladder_name
esc = layout.escape_markdown

if not customers.has_competencies:
    st.warning("No career ladder is loaded: load one with `careerdata ladder FILE.yaml`.")
    st.stop()
target, note = widgets.target_picker(
    customers, "Compete for (target role)", "competitors_target",
    "Sets the target benchmarks: its ladder level and its O*NET occupation.")
if customers.no_target_roles:
    note.info("You have no target roles yet, so you are compared with an O\\*NET occupation"
              + (f" and the next level after yours ({target.level})." if target.level else
                 "; set your current level in your profile to compare with the ladder too."),
              icon=":material/info:")

# --- profiles, benchmarks, moat and commodity: one cached model per target ----------------------
view = state.read(views.competitors, target.key, now)
has_evidence, against, against_label, moat, rare = (view.has_evidence, view.against, view.against_label, view.moat,
                                                    view.rare)

# --- headline --------------------------------------------------------------------------------
diffs, gap_rows, met, rated = view.diffs, view.gaps, view.met, view.rated
kpis = layout.kpi_row()
kpis.metric("Moat score", fmoat.moat_label(moat.score) if has_evidence or not moat.considered.empty else "—",
            help="How rare your proven combination of the skills this target needs is among "
                 f"{moat.pool_size} occupations' O*NET requirements: 100 × mean over your {cp.MOAT_SLOTS} best "
                 "of rarity × evidence / 5. See the Moat tab.", border=True)
if view.readiness is not None:  # the one readiness for a level (careerdata.figures.readiness), as on Promotion case
    kpis.metric(f"Readiness for {view.readiness.level}", view.readiness.score_label,
                delta=view.readiness.count_label, delta_color="off", delta_arrow="off",
                help="Mean, over the level's competencies, of min(1, evidence level ÷ expected level), from this "
                     f"review cycle's wins ({fcycle.cycle_span_label(view.window)}); the Promotion case shows the "
                     "same.", border=True)
else:
    kpis.metric("Competencies at the bar", f"{met} of {rated}" if rated and has_evidence else "—",
                help=f"Competencies where your evidence level reaches {against_label or 'the benchmark'}.",
                border=True)
kpis.metric("Differentiators", f"{len(diffs) + len(rare)}" if has_evidence else "—",
            delta=f"{len(diffs)} competenc{'y' if len(diffs) == 1 else 'ies'} · {len(rare)} rare skill"
                  f"{'' if len(rare) == 1 else 's'}" if has_evidence else None,
            delta_color="off", delta_arrow="off",
            help=f"Competencies where you exceed the benchmark by ≥ {cp.DIFFERENTIATOR_MARGIN} with evidence, plus "
                 f"proven skills the target needs that at most {cp.RARE_SHARE:.0%} of occupations list.", border=True)
top_gap = gap_rows.iloc[0] if not gap_rows.empty and has_evidence else None
kpis.metric("Biggest gap", f"{top_gap['gap']:.1f} levels" if top_gap is not None else "—",
            delta=f"{top_gap['name']}: {top_gap['you']:.1f} vs {top_gap[against]:.0f}" if top_gap is not None
            else None, delta_color="off", delta_arrow="off",
            help="The competency where the benchmark expects most beyond your evidence (expected − yours).",
            border=True)

if not has_evidence:
    layout.empty_state("No accomplishment is linked to a ladder competency yet, so your own profile is empty; the "
                       "charts show the benchmarks only. Link competencies when you log a win.", "journal",
                       "Log a win with its competencies")

charts = tabs.row()  # side by side at 1440 px, one under the other at 1024 px
charts.container(width=tabs.HALF).plotly_chart(view.radar_figure, theme=None, key="radar")
charts.container(width=tabs.HALF).plotly_chart(view.positioning_figure, theme=None, key="positioning")
st.caption(
    f"Your levels: the evidence level of each competency from the wins you linked to it in the review cycle "
    f"{fcycle.cycle_span_label(view.window)} (your career file). Ladder "
    f"levels: {esc(ladder_name)}. O\\*NET profile: O\\*NET® 29.3 skill ratings of {esc(view.occupation)}"
    + (f", using the stand-in occupation {view.ratings_code} (chosen by this project, not O\\*NET data)"
       if view.is_stand_in
       else "")
    + ", mapped to the ladder's competencies by this project's crosswalk; it describes the average worker in the "
      "occupation, not a level. Full attribution under “How it's computed”.")

tab_diff, tab_moat, tab_commodity, tab_table, tab_how = st.tabs(
    ["Differentiators & gaps", "Moat score", "Commodity skills", "Benchmarks table", "How it's computed"])
with tab_diff:
    tabs.differentiators_tab(view)
with tab_moat:
    tabs.moat_tab(view, target)
with tab_commodity:
    tabs.commodity_tab(view, target)
with tab_table:
    tabs.tables_tab(view)
with tab_how:
    tabs.how_tab(view)
