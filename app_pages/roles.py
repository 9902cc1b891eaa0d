"""Target roles: which role should you go for next, and what would it take?"""

import pandas as pd
import streamlit as st

from careerdata.core.clock import today
from careerdata.core.money import format_money
from careerdata.journal import queries
from careerdata.roles import analytics as rl
from careerdata.roles import repo as repo_roles
from careerdata.roles import view as views_roles
from careerdata.roles.charts import fit_pay_chart, pay_compare_chart, plan_chart, requirements_heatmap
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import roles as rof

layout.header("Target roles", "Which role should you go for next, how well do you fit it, and what would it take?")
widgets.show_flash()

profile = state.read(queries.profile) or {}
roles_base = state.read(views_roles.base, today())
occupations = roles_base.occupations
by_label = {s.name: s for s in roles_base.saved}

tab_names = {"compare": "Compare", "plan": "Learning plan", "edit": "Edit roles"}
tab_compare, tab_plan, tab_edit = st.tabs(list(tab_names.values()),
                                          default=tab_names.get(st.query_params.get("tab", "compare"), "Compare"))


with tab_compare:
    options = list(by_label) + list(occupations)
    default = list(by_label)[:4] if len(by_label) >= 2 else list(by_label) + list(occupations)[:2 - len(by_label)]
    c1, c2 = st.columns([3, 1])
    picked = c1.multiselect("Compare 2 to 4 roles", options, default=default, max_selections=4, key="compare_roles",
                            help="Your target roles, or any O*NET occupation in the shipped data.")
    basis_label = c2.segmented_control("Your level", ["Self-assessed", "Evidence"], default="Self-assessed",
                                       key="roles_basis")
    basis = "evidence" if basis_label == "Evidence" else "self"
    if not by_label:
        st.info("You have no target roles yet: the comparison uses O\\*NET occupations. Create your own roles on the "
                "**Edit roles** tab.", icon=":material/info:")
    if roles_base.no_skills:
        layout.empty_state("Add your skills first: fit and gaps compare the roles' requirements with your levels.",
                           "journal", "Add skills")
    if len(picked) < 2:
        st.warning("Pick at least two roles to compare.")
    else:
        details = state.read(views_roles.comparison, tuple(picked), basis, today())
        specs = [d.spec for d in details]
        reqs = {d.spec.name: d.req for d in details}
        fits = {d.spec.name: d.fit for d in details}
        facts = {d.spec.name: d.facts for d in details}
        found_gaps = {d.spec.name: d.gaps for d in details}
        support = {d.spec.name: d.evidence for d in details}
        cols = st.columns(len(specs))
        for col, spec in zip(cols, specs, strict=True):
            fit, fact = fits[spec.name], facts[spec.name]
            with col.container(border=True):
                st.markdown(f"**{layout.escape_markdown(spec.name)}**")
                where = " · ".join(x for x in (spec.level, spec.company or ("market" if spec.target_role_id else ""),
                                               spec.onet_soc_code or "") if x)
                st.caption(layout.escape_markdown(where))
                st.metric("Fit", f"{fit.fit:.0f}/100",
                          delta=(f"coverage {fit.coverage:.0f}, gated by {fit.gating_skill}" if fit.gating_skill
                                 else "no must-have gap"),
                          delta_color="inverse" if fit.gating_skill else "off", delta_arrow="off",
                          help="Importance-weighted coverage of the requirements × the weakest must-have's coverage. "
                               f"Coverage before the gate: {fit.coverage:.0f}.")
                st.metric("BLS median pay", format_money(fact.median_wage),
                          delta=fact.wage_reason if fact.wage_reason else f"May {fact.year}",
                          delta_color="off", delta_arrow="off", help="BLS OEWS national median annual wage.")
                growth = "n/a" if fact.growth_pct is None else f"{fact.growth_pct:+.1f}%"
                openings = "n/a" if fact.openings_thousands is None else f"{fact.openings_thousands * 1000:,.0f}"
                st.metric("Projected growth 2024–34", growth, delta=f"{openings} openings a year",
                          delta_color="off", delta_arrow="off", help="BLS Employment Projections 2024–34.")
                for note in spec.notes:
                    st.caption(layout.escape_markdown(note))

        summary = pd.DataFrame([{
            "role": s.name, "fit": fits[s.name].fit, "median_wage": facts[s.name].median_wage,
            "p10": facts[s.name].p10, "p25": facts[s.name].p25, "p75": facts[s.name].p75, "p90": facts[s.name].p90,
            "year": facts[s.name].year, "occupation": facts[s.name].occupation, "pay_min": s.pay_min,
            "pay_max": s.pay_max} for s in specs])
        all_req = pd.concat([r.assign(role=name, current=r[rl.score_column(basis)]) for name, r in reqs.items()],
                            ignore_index=True)
        st.plotly_chart(fit_pay_chart(summary, profile.get("current_pay")), theme=None, key="fit_pay")
        st.plotly_chart(requirements_heatmap(all_req, [s.name for s in specs], basis_label.lower()), theme=None,
                        key="req_heatmap")
        st.caption("Fit: your file's skill levels against each role's requirements (formula below). Pay and demand: "
                   "BLS OEWS May 2025 and BLS Employment Projections 2024–34 (public domain); O\\*NET® 29.3 "
                   "(CC BY 4.0) for occupations' requirements. Role pay ranges and data points are your own figures.")

        t_fit, t_gaps, t_pay, t_demand, t_evidence = st.tabs(["Fit breakdown", "Gaps", "Pay", "Demand", "Evidence"])
        level_cfg = {"skill": "Requirement", "importance": "Importance", "required_level": "Required",
                     "must_have": st.column_config.CheckboxColumn("Must-have"),
                     "current_self": st.column_config.NumberColumn("You (self)", format="%.0f"),
                     "current_evidence": st.column_config.NumberColumn("You (evidence)", format="%.1f"),
                     "your_skill": "Matched your skill", "current": st.column_config.NumberColumn("You", format="%.1f"),
                     "shortfall": st.column_config.NumberColumn("Short by", format="%.1f"), "weight": None}
        with t_fit:
            for spec in specs:
                st.markdown(f"**{layout.escape_markdown(spec.name)}**: fit {fits[spec.name].fit:.0f}")
                st.dataframe(reqs[spec.name], hide_index=True, width="stretch", column_config=level_cfg)
            with st.expander("How fit is computed"):
                st.markdown((rl.__doc__ or "").replace("O*NET", "O\\*NET"))
        with t_gaps:
            gcols = st.columns(len(specs))
            for col, spec in zip(gcols, specs, strict=True):
                g = found_gaps[spec.name]
                col.markdown(f"**{layout.escape_markdown(spec.name)}**: {len(g)} gap(s)")
                col.dataframe(g[["skill", "required_level", "current", "shortfall", "must_have"]].head(10),
                              hide_index=True, width="stretch", column_config=level_cfg)
        with t_pay:
            points = pd.concat([s.pay_points.assign(role=s.name) for s in specs if not s.pay_points.empty]
                               or [pd.DataFrame(columns=["amount", "kind", "as_of", "note", "role"])],
                               ignore_index=True)
            if not points.empty:
                points["as_of"] = pd.to_datetime(points["as_of"])
            st.plotly_chart(pay_compare_chart(summary, points, profile.get("current_pay")), theme=None,
                            key="pay_compare")
            if not profile.get("current_pay"):
                layout.page_link("journal", label="Add your current pay to see it on this chart (stays local)",
                                 icon=":material/payments:", tab="profile")
        with t_demand:
            st.dataframe(pd.DataFrame([{
                "Role": s.name, "Occupation": facts[s.name].occupation or "—",
                "Employment (May 2025)": facts[s.name].employment,
                "Growth 2024–34 (%)": facts[s.name].growth_pct,
                "Openings a year": None if facts[s.name].openings_thousands is None
                else facts[s.name].openings_thousands * 1000} for s in specs]),
                hide_index=True, width="stretch",
                column_config={"Employment (May 2025)": st.column_config.NumberColumn(format="localized"),
                               "Openings a year": st.column_config.NumberColumn(format="localized")})
            st.caption("Source: BLS OEWS May 2025 (employment) and Employment Projections 2024–34 (growth and openings)."
                       " Figures are for the whole occupation, not a seniority level.")
        with t_evidence:
            ecols = st.columns(len(specs))
            for col, spec in zip(ecols, specs, strict=True):
                col.markdown(f"**{layout.escape_markdown(spec.name)}**")
                best = support[spec.name]
                if best.empty:
                    col.info("No accomplishment uses this role's required skills yet.")
                for b in best.itertuples(index=False):
                    with col.container(border=True):
                        st.markdown(layout.escape_markdown(b.title))
                        value = f" · {format_money(b.money_usd)}/yr" if b.money_usd else ""
                        st.caption(f"{pd.Timestamp(b.done_on):%b %Y} · uses {layout.escape_markdown(b.skills)}{value}")

with tab_plan:
    plan_options = list(by_label) + list(occupations)
    if not plan_options:
        st.info("No roles to plan for.")
    else:
        chosen = st.selectbox("Plan for", plan_options, key="plan_role")
        planned = state.read(views_roles.role_plan, chosen, today())
        spec, plan, start_fit = planned.spec, planned.plan, planned.start_fit
        if plan.empty:
            st.success(f"You meet every requirement of {chosen} at your self-assessed levels.")
        else:
            st.plotly_chart(plan_chart(plan, start_fit, spec.name), theme=None, key="plan_chart")
            st.caption("Each step closes one gap (to the required level); order = most fit gained per week of effort. "
                       "Effort is your estimate; blanks use 4 weeks per missing level.")
            edited = st.data_editor(
                plan[["skill", "current", "required_level", "must_have", "fit_gain", "effort_weeks", "done_by",
                      "projected_fit"]],
                hide_index=True, width="stretch", key=f"plan_editor_{spec.key}",
                disabled=["skill", "current", "required_level", "must_have", "fit_gain", "done_by", "projected_fit"],
                column_config={"skill": "Gap", "current": "You", "required_level": "Required",
                               "must_have": st.column_config.CheckboxColumn("Must-have"),
                               "fit_gain": st.column_config.NumberColumn("Fit gained", format="+%.1f"),
                               "effort_weeks": st.column_config.NumberColumn("Effort (weeks, your estimate)",
                                                                             min_value=0.5, max_value=520, step=0.5),
                               "done_by": st.column_config.DateColumn("Done by", format="MMM D, YYYY"),
                               "projected_fit": st.column_config.NumberColumn("Fit after", format="%.0f")})
            if spec.target_role_id is None:
                st.caption("Effort estimates are saved for your own target roles; create one on **Edit roles** to keep "
                           "them.")
            elif st.button("Save effort estimates", type="primary", key="save_efforts"):
                changed = edited[edited["effort_weeks"] != plan["effort_weeks"]]

                def _save_efforts(rows=changed, role_id=spec.target_role_id):
                    for r in rows.itertuples(index=False):
                        state.write(repo_roles.set_gap_effort, role_id, r.skill, float(r.effort_weeks))

                if widgets.save(_save_efforts, f"Saved {len(changed)} effort estimate(s)"):
                    st.rerun()

with tab_edit:
    rof.edit_tab(by_label, occupations, roles_base)
