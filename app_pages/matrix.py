"""Skill-value matrix: which skills does the market pay for, and which can you prove?"""

import streamlit as st

from careerdata.core.clock import today
from careerdata.core.text import frame_csv
from careerdata.market.loader import OEWS_ATTRIBUTION, ONET_ATTRIBUTION, PROJECTIONS_ATTRIBUTION
from careerdata.matrix import repo as repo_sv
from careerdata.matrix import skill_value as sv
from careerdata.matrix import view as views
from careerdata.matrix.charts import skill_matrix_chart
from careerdata.matrix.queries import matrix_inputs
from careerdata.models import career as m
from careerdata.ui import layout, state, widgets

layout.header("Skill-value matrix",
              "Which of your skills does the market pay for, and which can you prove with your record?")
widgets.show_flash()

inputs = state.read(matrix_inputs)
if inputs.skills.empty:
    layout.empty_state("No skills yet: add your skills and rate them to see what they are worth.", "journal",
                       "Add skills in the Journal")
    st.stop()

choices = sv.role_choices(inputs)
default = sv.ALL_TARGETS if sv.ALL_TARGETS in choices else "O*NET: Software Developers (15-1252.00)"
controls = st.columns([3, 2])
role_label = controls[0].selectbox("Value the skills for", list(choices), index=list(choices).index(default),
                                   key="matrix_role",
                                   help="Your target roles (from their O*NET occupation) or any occupation in the "
                                        "shipped data. Changes every value on this page.")
basis = controls[1].segmented_control("Proficiency", ["Self-assessed", "Evidence"], default="Self-assessed",
                                      key="matrix_basis",
                                      help="Self-assessed: your latest rating. Evidence: what your linked "
                                           "accomplishments show, recency-weighted.")
proficiency = "evidence" if basis == "Evidence" else "self"
if sv.ALL_TARGETS not in choices:
    st.info("No target role has an O*NET occupation yet, so this shows Software Developers.")

result = state.read(views.skill_matrix, tuple(choices[role_label]), proficiency, today())
frame = result.frame
no_value = result.quadrant_count(sv.NO_VALUE)
kpis = layout.kpi_row()
for quad in sv.QUADRANTS:
    kpis.metric(quad, result.quadrant_count(quad), help=sv.QUADRANT_MEANING[quad], border=True)
kpis.metric("Claimed but unproven", result.unproven,
            help=f"Self-rating at least {sv.GAP_UNPROVEN} above the evidence level of your accomplishments.",
            border=True)
if no_value:
    st.caption(f"{no_value} skill(s) have no market value for this choice of roles; the table under **All skills** "
               "says why for each (for example a technology not in the occupation's O\\*NET technology list).")

short_label = "your target roles" if role_label == sv.ALL_TARGETS else role_label.removeprefix("O*NET: ")
st.plotly_chart(skill_matrix_chart(frame, result.value_threshold, proficiency, short_label), theme=None,
                key="matrix_chart")
roles_text = ", ".join(f"{o.title} ({o.code})" + (f" at ladder level {t.level}" if t.level else "")
                       for o, t in zip(result.occupations, result.targets, strict=True))
st.caption(
    f"Market value for {layout.escape_markdown(roles_text)}: O\\*NET® 29.3 importance and level, the career "
    "ladder's expectation at the target level, and each skill's pay gradient across occupations, weighted by "
    f"BLS OEWS May {inputs.reference_year} median wage (against computer occupations' "
    f"${inputs.reference_median:,.0f}) and BLS projected growth 2024–34. Dotted lines: proficiency "
    f"{sv.HIGH_PROFICIENCY} and your median value {result.value_threshold:.0f}. Diamonds are your own estimates; "
    "open circles at 0 have no market value for this role (the table says why). Points are nudged sideways so "
    "equal levels stay visible.")
if not any(t.level for t in result.targets):
    st.caption("An O\\*NET occupation picked directly has no ladder level, so its values leave out the ladder "
               "expectation; pick one of your target roles to value skills at its level.")
for code, proxy in result.stand_ins.items():
    st.warning(f"O\\*NET 29.3 has no skill ratings for {code}; its values use the ratings of the stand-in "
               f"occupation {proxy} (chosen by this project, not O\\*NET data).", icon=":material/swap_horiz:")
with st.expander("How the market value is computed"):
    st.markdown((sv.__doc__ or "").replace("O*NET", "O\\*NET"))
    st.caption(layout.escape_markdown(f"{ONET_ATTRIBUTION} {OEWS_ATTRIBUTION} {PROJECTIONS_ATTRIBUTION}"))

table = sv.ranked_table(frame)
value_cols = {  # widths in px: the tables of the first three tabs fit a 560 px column (a 1024 px screen)
    "name": st.column_config.TextColumn("Skill", width=170, pinned=True),
    "kind": st.column_config.TextColumn("Kind", width=85), "quadrant": st.column_config.TextColumn("Quadrant", width=85),
    "market_value": st.column_config.NumberColumn("Value", format="%.0f", width=55,
                                                  help="Market value index for the chosen roles"),
    "value_source": "Value from",
    "self_level": st.column_config.NumberColumn("Self", format="%d", width=50),
    "evidence_level": st.column_config.NumberColumn("Evidence", format="%.1f", width=75),
    "accomplishments": st.column_config.NumberColumn("Wins", width=50),
    "quantified": None,
    "value_gain": st.column_config.NumberColumn("Gain", format="%.1f", width=55,
                                                help="Value gain: market value × (4 − proficiency) / 4"),
    "finding": st.column_config.TextColumn("Finding", width=140), "recommendation": "What to do",
    "basis": st.column_config.TextColumn("Based on (or why no value)", width="large"),
}
tab_invest, tab_lead, tab_unproven, tab_all, tab_own = st.tabs(
    ["Invest next", "Lead with", "Claimed but unproven", "All skills", "Your estimates & links"])
with tab_invest:
    st.caption("Ranked by the market value you would unlock by reaching level 4 (able to teach it).")
    st.dataframe(sv.invest_next(frame)[["name", "quadrant", "market_value", "proficiency", "value_gain", "finding"]],
                 hide_index=True, width="stretch",
                 column_config={**value_cols, "proficiency": st.column_config.NumberColumn("Now", format="%.1f",
                                                                                           width=50)})
with tab_lead:
    st.caption("Proven and valued: open a pitch or a promotion case with these.")
    lead = sv.lead_with(frame)
    if lead.empty:
        st.info("No skill is both high-value and high-proficiency for this role yet.")
    else:
        st.dataframe(lead[["name", "kind", "market_value", "self_level", "evidence_level", "accomplishments"]],
                     hide_index=True, width="stretch", column_config=value_cols)
with tab_unproven:
    unproven = sv.unproven(frame)
    if unproven.empty:
        st.success("Every skill you rate highly is backed by your accomplishments.")
    else:
        st.caption("You rate these well above what your logged wins show: log the evidence, or re-rate.")
        st.dataframe(unproven[["name", "kind", "self_level", "evidence_level", "accomplishments"]],
                     hide_index=True, width="stretch", column_config=value_cols)
        layout.page_link("journal", label="Log evidence in the Journal", icon=":material/add_circle:",
                         tab="log")
with tab_all:
    st.caption("Every skill, most value to gain first; scroll sideways for the sources (the skill stays in view).")
    with layout.scrolling_table("all_skills"):
        st.dataframe(table, hide_index=True, width="stretch", column_config=value_cols, height=420)
    st.download_button("Download as CSV", frame_csv(table).encode("utf-8"),
                       file_name="skill-value-matrix.csv", mime="text/csv", icon=":material/download:")
with tab_own:
    left, right = st.columns(2, gap="large")
    skill_names = inputs.skills["name"].tolist()
    with left, st.form("estimate", border=True):
        st.markdown("**Your own estimate** of a skill's market value (0–300 on the same index). It replaces the "
                    "computed value and is always shown as *your estimate*.")
        est_skill = st.selectbox("Skill", skill_names, key="est_skill")
        est_value = st.number_input("Value index", 0.0, 300.0, 50.0, step=5.0, key="est_value")
        est_note = st.text_input("Why?", key="est_note", placeholder="e.g. every posting I target asks for it")
        buttons = st.container(horizontal=True)
        if buttons.form_submit_button("Save estimate", type="primary"):
            estimate = widgets.validate(m.SkillValueEstimate, {
                "skill": est_skill, "value": est_value, "note": est_note, "as_of": today()})
            if estimate and widgets.save(lambda: state.write(repo_sv.set_value_estimate, estimate),
                                         f"Saved your estimate for {est_skill}"):
                st.rerun()
        if buttons.form_submit_button("Clear estimate") and widgets.save(
                lambda: state.write(repo_sv.clear_value_estimate, est_skill), f"Cleared the estimate for {est_skill}"):
            st.rerun()
    with right, st.form("link", border=True):
        st.markdown("**Link a skill to O\\*NET** when the default map misses it or gets it wrong. Your links "
                    "replace the default ones for that skill.")
        link_skill = st.selectbox("Skill", skill_names, key="link_skill")
        elements = inputs.elements
        element = st.selectbox("O*NET skill or knowledge element", [""] + elements["element_id"].tolist(),
                               format_func=lambda e: "—" if not e else
                               f"{elements.set_index('element_id').loc[e, 'name']} ({e})", key="link_element")
        tech = st.selectbox("or an O*NET technology", [""] + sorted(inputs.technologies.tolist()),
                            key="link_tech")
        if st.form_submit_button("Add link", type="primary"):
            link = widgets.validate(m.SkillLink, {"skill": link_skill, "element_id": element, "technology": tech})
            if link and widgets.save(lambda: state.write(repo_sv.add_skill_link, link), f"Linked {link_skill}"):
                st.rerun()
    mapped = result.mappings.merge(inputs.skills[["id", "name"]], left_on="skill_id", right_on="id")
    st.caption("How each skill is linked to market data now")
    st.dataframe(mapped[["name", "element_id", "technology", "mapped_by"]], hide_index=True, width="stretch",
                 column_config={"name": "Skill", "element_id": "O*NET element", "technology": "O*NET technology",
                                "mapped_by": "Linked by"})
