"""Competitors: who do you compete with for your next role, and what makes you difficult to compete with?"""

import pandas as pd
import streamlit as st

from careerdata.competitors import analytics as cp
from careerdata.competitors import view as views
from careerdata.core.clock import today
from careerdata.figures import cycle as fcycle
from careerdata.figures import moat as fmoat
from careerdata.market.loader import ONET_ATTRIBUTION, PROXY_ATTRIBUTION, SKILL_MAP_ATTRIBUTION
from careerdata.ui import layout, state, widgets
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
has_evidence, bench, against, names = view.has_evidence, view.bench, view.against, view.names
against_label, occupation, moat, rare, commodity = (view.against_label, view.occupation, view.moat, view.rare,
                                                    view.commodity)
ratings_code, is_stand_in = view.ratings_code, view.is_stand_in
element_names = view.element_names

# --- headline --------------------------------------------------------------------------------
diffs, gap_rows, met, rated = view.diffs, view.gaps, view.met, view.rated
k = st.columns(4)
k[0].metric("Moat score", fmoat.moat_label(moat.score) if has_evidence or not moat.considered.empty else "—",
            help="How rare your proven combination of the skills this target needs is among "
                 f"{moat.pool_size} occupations' O*NET requirements: 100 × mean over your {cp.MOAT_SLOTS} best "
                 "of rarity × evidence / 5. See the Moat tab.", border=True)
if view.readiness is not None:  # the one readiness for a level (careerdata.figures.readiness), as on Promotion case
    k[1].metric(f"Readiness for {view.readiness.level}", view.readiness.score_label,
                delta=view.readiness.count_label, delta_color="off", delta_arrow="off",
                help="Mean, over the level's competencies, of min(1, evidence level ÷ expected level), from this "
                     f"review cycle's wins ({fcycle.cycle_span_label(view.window)}); the Promotion case shows the "
                     "same.", border=True)
else:
    k[1].metric("Competencies at the bar", f"{met} of {rated}" if rated and has_evidence else "—",
                help=f"Competencies where your evidence level reaches {against_label or 'the benchmark'}.",
                border=True)
k[2].metric("Differentiators", f"{len(diffs) + len(rare)}" if has_evidence else "—",
            delta=f"{len(diffs)} competenc{'y' if len(diffs) == 1 else 'ies'} · {len(rare)} rare skill"
                  f"{'' if len(rare) == 1 else 's'}" if has_evidence else None,
            delta_color="off", delta_arrow="off",
            help=f"Competencies where you exceed the benchmark by ≥ {cp.DIFFERENTIATOR_MARGIN} with evidence, plus "
                 f"proven skills the target needs that at most {cp.RARE_SHARE:.0%} of occupations list.", border=True)
top_gap = gap_rows.iloc[0] if not gap_rows.empty and has_evidence else None
k[3].metric("Biggest gap", f"{top_gap['gap']:.1f} levels" if top_gap is not None else "—",
            delta=f"{top_gap['name']}: {top_gap['you']:.1f} vs {top_gap[against]:.0f}" if top_gap is not None
            else None, delta_color="off", delta_arrow="off",
            help="The competency where the benchmark expects most beyond your evidence (expected − yours).",
            border=True)

if not has_evidence:
    layout.empty_state("No accomplishment is linked to a ladder competency yet, so your own profile is empty; the "
                       "charts show the benchmarks only. Link competencies when you log a win.", "journal",
                       "Log a win with its competencies")

left, right = st.columns(2, gap="medium")
with left:
    st.plotly_chart(view.radar_figure, theme=None, key="radar")
with right:
    st.plotly_chart(view.positioning_figure, theme=None, key="positioning")
st.caption(
    f"Your levels: the evidence level of each competency from the wins you linked to it in the review cycle "
    f"{fcycle.cycle_span_label(view.window)} (your career file). Ladder "
    f"levels: {esc(ladder_name)}. O\\*NET profile: O\\*NET® 29.3 skill ratings of {esc(occupation)}"
    + (f", using the stand-in occupation {ratings_code} (chosen by this project, not O\\*NET data)" if is_stand_in
       else "")
    + ", mapped to the ladder's competencies by this project's crosswalk; it describes the average worker in the "
      "occupation, not a level. Full attribution under “How it's computed”.")

tab_diff, tab_moat, tab_commodity, tab_table, tab_how = st.tabs(
    ["Differentiators & gaps", "Moat score", "Commodity skills", "Benchmarks table", "How it's computed"])

with tab_diff:
    c1, c2 = st.columns(2, gap="large")
    with c1:
        st.markdown(f"##### Where you beat {esc(against_label) or 'the benchmark'}")
        if not has_evidence:
            st.info("Link accomplishments to competencies to find your differentiators.")
        elif diffs.empty:
            st.info(f"No competency is {cp.DIFFERENTIATOR_MARGIN} or more above {against_label} yet.")
        else:
            st.dataframe(diffs[["name", "you", against, "margin", "accomplishments"]], hide_index=True,
                         width="stretch", column_config={
                             "name": "Competency", "you": st.column_config.NumberColumn("You", format="%.1f"),
                             against: st.column_config.NumberColumn("Expected", format="%.1f"),
                             "margin": st.column_config.NumberColumn("Ahead by", format="%+.1f"),
                             "accomplishments": "Linked wins"})
        st.markdown("##### Rare skills you can prove")
        if rare.empty:
            st.info(f"None of your proven skills that this target needs is listed by {cp.RARE_SHARE:.0%} or fewer "
                    "of the occupations.")
        else:
            st.dataframe(rare[["name", "listed_by", "rarity", "evidence_level"]], hide_index=True, width="stretch",
                         column_config={
                             "name": "Skill",
                             "listed_by": st.column_config.NumberColumn(f"Listed by (of {moat.pool_size})"),
                             "rarity": st.column_config.NumberColumn("Rarity", format="percent"),
                             "evidence_level": st.column_config.NumberColumn("Your evidence", format="%.1f")})
    with c2:
        st.markdown(f"##### Gaps to {esc(against_label) or 'the benchmark'}")
        if not has_evidence:
            st.info("No evidence yet, so every competency the benchmark rates is a gap: link competencies to your "
                    "wins to see which matter most.")
        elif gap_rows.empty:
            st.success("Your evidence meets every expectation of this benchmark.")
        else:
            st.dataframe(gap_rows[["name", "you", against, "gap", "accomplishments"]], hide_index=True,
                         width="stretch", column_config={
                             "name": "Competency", "you": st.column_config.NumberColumn("You", format="%.1f"),
                             against: st.column_config.NumberColumn("Expected", format="%.1f"),
                             "gap": st.column_config.NumberColumn("Short by", format="%.1f"),
                             "accomplishments": "Linked wins"})
            layout.page_link("journal", label="Log evidence for a gap", icon=":material/add_circle:", tab="log")

with tab_moat:
    st.markdown(f"**Moat score {moat.score:.0f} / 100** for {esc(target.short)}: 100 × (1/{cp.MOAT_SLOTS}) × Σ of "
                f"your {cp.MOAT_SLOTS} largest *rarity × evidence / 5*, over the skills this target needs. Rarity = "
                f"1 − the share of {moat.pool_size} occupations with their own O\\*NET ratings that list the skill's "
                "O\\*NET element (importance ≥ 3) or technology.")
    if view.moat_figure is None:
        layout.empty_state("No proven skill that this target needs yet: link skills to your wins.", "journal",
                           "Log a win with its skills")
    else:
        st.plotly_chart(view.moat_figure, theme=None, key="moat_chart")
        st.caption("Each bar: the points a skill adds (grey: the most it could add). Sources: your career file "
                   "(evidence), O\\*NET® 29.3 skills, knowledge and technology lists; skill-to-O\\*NET links by "
                   "this project's default map or your own.")
        with st.expander(f"All {len(moat.considered)} proven skills this target needs"):
            st.dataframe(moat.considered[["name", "listed_by", "commonness", "evidence_level", "contribution"]],
                         hide_index=True, width="stretch", column_config={
                             "name": "Skill", "listed_by": f"Listed by (of {moat.pool_size})",
                             "commonness": st.column_config.NumberColumn("Commonness", format="percent"),
                             "evidence_level": st.column_config.NumberColumn("Evidence", format="%.1f"),
                             "contribution": st.column_config.NumberColumn("Rarity × evidence / 5", format="%.2f")})
    if moat.unmeasured:
        st.caption("Named by this target role but not linked to O\\*NET, so their rarity cannot be measured: "
                   + esc(", ".join(moat.unmeasured)) + ". Link them on the Skill-value matrix page.")

with tab_commodity:
    st.markdown(f"What {esc(target.short)} needs that at least {cp.COMMODITY_SHARE:.0%} of the {moat.pool_size} "
                "occupations also list: table stakes, necessary to be considered but not a reason to pick you.")
    yours_common = moat.considered[moat.considered["commonness"] >= cp.COMMODITY_SHARE]
    c1, c2 = st.columns([2, 3], gap="large")
    with c1:
        st.markdown("##### Your commodity skills")
        if yours_common.empty:
            st.info("None of your proven skills is a commodity for this target.")
        else:
            st.dataframe(yours_common[["name", "listed_by", "evidence_level"]], hide_index=True, width="stretch",
                         column_config={"name": "Skill", "listed_by": f"Listed by (of {moat.pool_size})",
                                        "evidence_level": st.column_config.NumberColumn("Evidence", format="%.1f")})
    with c2:
        st.markdown("##### What most roles list")
        if commodity.empty:
            st.info("The shipped O\\*NET data lists nothing common for this target.")
        else:
            missing = int((commodity["you"] == "missing").sum())
            st.caption(f"{len(commodity)} items; {missing} not linked to any of your skills. Hot = O\\*NET Hot "
                       "Technology (frequent in job postings).")
            st.dataframe(commodity, hide_index=True, width="stretch", height=360, column_config={
                "item": "Skill, knowledge or technology", "kind": "Kind",
                "listed_by": st.column_config.NumberColumn(f"Listed by (of {moat.pool_size})"),
                "commonness": st.column_config.NumberColumn("Commonness", format="percent"),
                "hot": st.column_config.CheckboxColumn("Hot"), "you": "You"})

with tab_table:
    table = bench.drop(columns=["key"]).copy()
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "name": "Competency", "group": "Group",
        "you": st.column_config.NumberColumn("You (evidence)", format="%.1f"),
        "accomplishments": "Linked wins",
        "current": st.column_config.NumberColumn(names["current"], format="%.1f"),
        "target": st.column_config.NumberColumn(names["target"], format="%.1f"),
        "onet": st.column_config.NumberColumn(names["onet"], format="%.2f")})
    points = view.points
    spots = points.assign(kind=points["kind"].map({"you": "You", "level": "Ladder level", "target": "Target role"}))
    st.dataframe(spots[["label", "kind", "x", "y", "detail"]], hide_index=True, width="stretch", column_config={
        "label": "On the map", "kind": "What", "x": st.column_config.NumberColumn("Technical depth", format="%.2f"),
        "y": st.column_config.NumberColumn("Breadth", format="%.2f"), "detail": "Placed from"})

with tab_how:
    st.markdown((cp.__doc__ or "").replace("O*NET", "O\\*NET"))
    crosswalk = pd.DataFrame([{"O*NET skill": element_names.get(e, e), "element": e, "competency": c}
                              for e, c in cp.ONET_TO_COMPETENCY.items()])
    with st.expander("The O\\*NET-to-competency crosswalk (chosen by this project)"):
        st.dataframe(crosswalk, hide_index=True, width="stretch")
    st.caption(esc(f"{ONET_ATTRIBUTION} {PROXY_ATTRIBUTION} {SKILL_MAP_ATTRIBUTION}"))
