"""Market: where do your skills fit in the job market, and what does it pay?"""

import streamlit as st

from careerdata.core.clock import today
from careerdata.journal import queries
from careerdata.market import view as views
from careerdata.market.charts import pay_percentiles_chart, pay_trend_chart, roles_map_chart, skill_pay_chart
from careerdata.market.loader import OEWS_ATTRIBUTION, ONET_ATTRIBUTION, PROJECTIONS_ATTRIBUTION
from careerdata.market.pay_gradient import association_sentence
from careerdata.matrix.queries import matrix_inputs, wage_history
from careerdata.roles.pay import where_pay_sits
from careerdata.ui import layout, state

layout.header("Market", "Where do your skills fit in the job market, what does it pay, and what is in demand?")

inputs = state.read(matrix_inputs)
if inputs.roles.empty:
    st.warning("No market data is loaded: run `careerdata market sample_data/market`.")
    st.stop()

with st.sidebar:
    basis = st.segmented_control("Occupation match uses", ["Self-assessed", "Evidence"], default="Self-assessed",
                                 key="market_basis", help="Which proficiency counts towards your occupation match.")
proficiency = "evidence" if basis == "Evidence" else "self"

target_codes, stand_in = views.target_codes(inputs.target_roles)
if stand_in:
    st.info("No target role has an O\\*NET occupation yet, so the pay and technology sections show Software "
            "Developers (15-1252.00).", icon=":material/info:")

view = state.read(views.market, target_codes, proficiency, today())
result, roles = view.matrix, view.roles_map
wage_year = int(inputs.roles["year"].dropna().max())

st.subheader("Roles map")
if inputs.skills.empty:
    layout.empty_state("Add your skills to see how well they match each occupation.", "journal", "Add skills")
else:
    st.plotly_chart(roles_map_chart(roles), theme=None, key="roles_map")
    stand_ins = roles.dropna(subset=["stand_in"])
    st.caption(
        f"Each bubble is an O\\*NET occupation; size = BLS employment May {wage_year}, colour = BLS projected growth "
        "2024–34, bars = 25th–75th percentile wage. Targets are outlined. "
        f"{len(stand_ins)} occupations without O\\*NET ratings use a documented stand-in for the occupation match. "
        "Sources: O\\*NET® 29.3 (CC BY 4.0); BLS OEWS May 2025; BLS Employment Projections 2024–34.")

tab_pay, tab_skills, tab_tech = st.tabs(["Pay for your target occupations", "Which skills pay",
                                         "Hot and in-demand technologies"])
with tab_pay:
    soc_codes = list(dict.fromkeys(inputs.roles.loc[inputs.roles["onet_soc_code"].isin(target_codes), "soc_code"]))
    history = state.read(wage_history, soc_codes)
    profile = state.read(queries.profile) or {}
    st.plotly_chart(pay_percentiles_chart(history, wage_year), theme=None, key="pay_percentiles")
    st.caption("Grey line: 10th–90th percentile; box: 25th–75th; dot: median.")
    if profile.get("current_pay"):
        pay = float(profile["current_pay"])
        latest = history[history["year"] == wage_year]
        where = [where_pay_sits({10: r.annual_p10, 25: r.annual_p25, 50: r.annual_median, 75: r.annual_p75,
                                 90: r.annual_p90}, pay, r.occ_title) for r in latest.itertuples(index=False)]
        st.markdown("  \n".join(layout.escape_markdown(w) + "." for w in where if w))
    groups = inputs.roles[inputs.roles["onet_soc_code"].isin(target_codes) & inputs.roles["wage_is_soc_aggregate"]]
    for row in groups.itertuples(index=False):
        st.caption(f"{row.title} has no wage of its own in OEWS: the figure is for the whole SOC group "
                   f"{row.soc_code} ({row.wage_occ_title}).")
    st.plotly_chart(pay_trend_chart(history), theme=None, key="pay_trend")
    st.caption("Line: median; shaded band: 25th–75th percentile. Nominal dollars (not adjusted for inflation).")
    st.caption(layout.escape_markdown(OEWS_ATTRIBUTION) + " Nominal dollars, excluding the self-employed; "
               "national figures, not adjusted for seniority or location.")

with tab_skills:
    gradient = view.gradient
    yours = {e for e in result.mappings["element_id"].dropna()}
    occupations = int(gradient["occupations"].max()) if not gradient.empty else 0
    st.plotly_chart(skill_pay_chart(gradient, yours, occupations), theme=None, key="skill_pay")
    st.caption("Each bar: the correlation r of an O\\*NET skill's importance with median pay across "
               f"{occupations} computer-related occupations that have their own ratings and wages; whiskers: its 95% "
               "interval (Fisher z). ● = a skill you have. An association across occupations, not what one more point "
               "of a skill earns a person. Sources: O\\*NET® 29.3 Skills ratings; BLS OEWS May 2025.")
    if not gradient.empty:
        lines = [association_sentence(r) for r in gradient.head(3).itertuples(index=False)]
        lines += [association_sentence(r) for r in gradient.tail(1).itertuples(index=False)]
        st.markdown("\n".join(f"- {layout.escape_markdown(line)}" for line in lines))
        st.caption("The two manager occupations (Computer and Information Systems Managers; Architectural and "
                   "Engineering Managers) are the best paid and rate social and resource skills highest, so each line "
                   "also gives r without them. With n this small the intervals are wide: read the sign and rough size, "
                   "not the decimals.")

with tab_tech:
    tech = view.hot_tech
    if tech.empty:
        st.info("The shipped O\\*NET data lists no hot or in-demand technology for these occupations.")
    else:
        covered = view.tech_coverage
        kpis = layout.kpi_row()
        kpis.metric("In demand for your targets", covered.demanded_label,
                  help="O*NET In Demand technologies of your target occupations that one of your skills is linked to.",
                  border=True)
        kpis.metric("Hot across all postings", covered.hot_label, help="O*NET Hot Technologies listed for your target "
                  "occupations that you have.", border=True)
        missing = covered.missing
        if missing:
            st.markdown("**In demand for your targets, not in your skills:** "
                        + ", ".join(layout.escape_markdown(t) for t in missing))
        # what you have first; which occupations ask for it last (the widest column)
        st.dataframe(tech, hide_index=True, width="stretch", height=360,
                     column_order=["technology", "you", "hot", "roles", "in_demand_for"], column_config={
                         "technology": st.column_config.TextColumn("Technology", width=170),
                         "you": st.column_config.TextColumn("You", width=70),
                         "hot": st.column_config.CheckboxColumn(
                             "Hot", width=50, help="O*NET Hot Technology: frequently in job postings across all "
                                                   "employers"),
                         "roles": st.column_config.NumberColumn(
                             "Listed by", width=75, help="How many of your target occupations list it"),
                         "in_demand_for": st.column_config.TextColumn(
                             "In demand for", width=160, help="O*NET In Demand: frequent in postings for that "
                                                              "occupation")})

st.caption(layout.escape_markdown(ONET_ATTRIBUTION) + " " + layout.escape_markdown(PROJECTIONS_ATTRIBUTION))
