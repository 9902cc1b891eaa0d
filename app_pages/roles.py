"""Target roles: which role should you go for next, and what would it take?"""

import pandas as pd
import streamlit as st

from careerdata.core.clock import today
from careerdata.core.money import format_money
from careerdata.figures import fit as ffit
from careerdata.journal import queries
from careerdata.matrix.queries import matrix_inputs
from careerdata.models import career as m
from careerdata.roles import analytics as rl
from careerdata.roles import pay as level_pay
from careerdata.roles import posting as posting_reader
from careerdata.roles import queries as queries_roles
from careerdata.roles import repo as repo_roles
from careerdata.roles import view as views_roles
from careerdata.roles.charts import fit_pay_chart, pay_compare_chart, plan_chart, requirements_heatmap
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import common as forms

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
        by_name = {d.spec.name: d for d in details}
        cols = st.columns(len(specs))
        for col, spec in zip(cols, specs, strict=True):
            fit, fact = fits[spec.name], facts[spec.name]
            with col.container(border=True):
                st.markdown(f"**{layout.escape_markdown(spec.name)}**")
                where = " · ".join(x for x in (spec.level, spec.company or ("market" if spec.target_role_id else ""),
                                               spec.onet_soc_code or "") if x)
                st.caption(layout.escape_markdown(where))
                st.metric("Role fit (0–100)", ffit.role_fit_label(fit.fit),
                          delta=("lowered by a must-have gap" if fit.gating_skill else "no must-have gap"),
                          delta_color="inverse" if fit.gating_skill else "off", delta_arrow="off",
                          help="Importance-weighted coverage of the requirements, discounted (never zeroed) by the "
                               f"weakest must-have. Coverage before the discount: {fit.coverage:.0f}.")
                st.caption(layout.escape_markdown(fit.label))
                st.metric("BLS median pay", format_money(fact.median_wage),
                          delta=fact.wage_reason if fact.wage_reason else f"May {fact.year}",
                          delta_color="off", delta_arrow="off", help="BLS OEWS national median annual wage.")
                estimate = by_name[spec.name].pay_estimate
                if estimate is not None:
                    st.markdown(f"Level estimate ({layout.escape_markdown(estimate.level)}): "
                                f"**{layout.escape_markdown(format_money(estimate.low))}–"
                                f"{layout.escape_markdown(format_money(estimate.high))}**",
                                help="Our estimate, not a BLS figure: the ladder level mapped to a percentile band of "
                                     "the occupation's BLS OEWS pay (how: the Pay tab).")
                    st.caption(layout.escape_markdown(estimate.label))
                else:
                    st.caption("No level pay estimate: "
                               + layout.escape_markdown(by_name[spec.name].pay_estimate_note or "no data"))
                if by_name[spec.name].pay_position:
                    st.caption(layout.escape_markdown(by_name[spec.name].pay_position) + ".")
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
            "pay_max": s.pay_max,
            "estimate_low": by_name[s.name].pay_estimate.low if by_name[s.name].pay_estimate else None,
            "estimate_high": by_name[s.name].pay_estimate.high if by_name[s.name].pay_estimate else None,
            "estimate_label": by_name[s.name].pay_estimate.label if by_name[s.name].pay_estimate else None}
            for s in specs])
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
            for spec in specs:
                if by_name[spec.name].pay_position:
                    st.caption(layout.escape_markdown(f"{spec.name}: {by_name[spec.name].pay_position}."))
            with st.expander("How the level estimate is computed"):
                st.markdown(level_pay.__doc__ or "")
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
    choice = st.selectbox("Role", ["New role", *by_label], key="edit_role_pick",
                          help="Pick a role to edit it, or start a new one.")
    editing = None if choice == "New role" else by_label[choice]
    base = (state.read(queries_roles.target_role_model, editing.target_role_id) if editing
            else m.TargetRole(name="New role"))
    slot = "new" if editing is None else str(editing.target_role_id)
    ss = st.session_state
    draft_key, gen_key = f"req_draft_{slot}", f"req_gen_{slot}"
    if draft_key not in ss:
        ss[draft_key] = forms.requirements_frame(base.skills)
        ss[gen_key] = 0

    st.markdown("**1. The O\\*NET occupation it maps to** (for market pay, demand and a draft of its skills)")
    s1, s2 = st.columns([2, 3])
    query = s1.text_input("Search O*NET titles and alternate titles", key=f"occ_search_{slot}",
                          placeholder="e.g. staff engineer, solutions architect, data scientist")
    titles = state.read(queries_roles.occupation_titles)
    found = rl.search_occupations(titles, query) if query else pd.DataFrame(columns=["onet_soc_code", "label"])
    names = {code: label.removeprefix("O*NET: ").rsplit(" (", 1)[0] for label, code in occupations.items()}
    choices = {"— none —": None}
    if base.onet_soc_code:
        choices[f"{names.get(base.onet_soc_code, base.onet_soc_code)} ({base.onet_soc_code})"] = base.onet_soc_code
    choices.update(dict(zip(found["label"], found["onet_soc_code"], strict=True)))
    picked_label = s2.selectbox("Occupation", list(choices), key=f"occ_pick_{slot}_{query}",
                                index=1 if len(choices) > 1 else 0,
                                help="Search by any job title on the left; O*NET alternate titles map to occupations.")
    code = choices[picked_label]
    b1, b2 = st.columns([1, 3])
    if b1.button("Pre-fill skills from O*NET", disabled=not code, key=f"prefill_{slot}",
                 help="Replaces the requirements below with the occupation's important O*NET skills and its hot and "
                      "in-demand technologies, named after your own skills where they are linked."):
        ss[draft_key], stand_in = rl.occupation_requirements(code, state.read(matrix_inputs), roles_base.mappings)
        ss[gen_key] += 1
        if stand_in:
            ss["flash"] = f"O*NET has no ratings for {code}; skills drafted from its stand-in {stand_in}."
        st.rerun()

    with st.expander("Suggest skills from a job posting"):
        st.caption("Paste the posting: its skills are found in other words too (k8s, Postgres, \"drive alignment "
                   "across teams\"), with the phrase that matched and a suggested importance from where it appears "
                   "(\"What you bring\" → must-have; \"is a plus\" → nice-to-have).")
        posting_text = st.text_area("Paste the posting", key=f"posting_{slot}", height=150)
        if st.button("Suggest skills", key=f"suggest_{slot}", disabled=not posting_text.strip()):
            ss[f"suggested_{slot}"] = state.read(views_roles.posting, posting_text)
        suggested = ss.get(f"suggested_{slot}")
        if suggested is not None:
            found_skills = pd.DataFrame(suggested["skills"], columns=["skill", "matched", "importance", "known"])
            if found_skills.empty:
                st.info("No known skill, alias or O*NET technology found in that text.")
            else:
                have = {s.casefold() for s in ss[draft_key]["skill"].dropna()}
                fresh = [s for s in found_skills["skill"] if s.casefold() not in have]
                st.dataframe(found_skills, hide_index=True, width="stretch", column_config={
                    "skill": "Skill", "matched": "Phrase in the posting", "importance": "Suggested importance",
                    "known": st.column_config.CheckboxColumn("In your skills")})
                add = st.multiselect("Add to the requirements (you confirm)", fresh, default=fresh,
                                     key=f"suggest_pick_{slot}")
                if st.button("Add selected", key=f"suggest_add_{slot}", disabled=not add):
                    picked_rows = found_skills[found_skills["skill"].isin(add)]
                    extra = pd.DataFrame({
                        "skill": picked_rows["skill"],
                        "importance": picked_rows["importance"].map(posting_reader.SUGGESTED_IMPORTANCE),
                        "required_level": 3, "must_have": picked_rows["importance"] == posting_reader.MUST})
                    ss[draft_key] = pd.concat([ss[draft_key], extra], ignore_index=True)
                    ss[gen_key] += 1
                    ss.pop(f"suggested_{slot}", None)
                    st.rerun()
            if suggested["pay_range"]:
                low, high = suggested["pay_range"]
                st.markdown(f"Pay range in the posting: **\\${low:,.0f}–\\${high:,.0f}**")
                if st.button("Use it as the role's pay range", key=f"posted_pay_{slot}"):
                    ss[f"pay_gen_{slot}"] = ss.get(f"pay_gen_{slot}", 0) + 1
                    ss[f"posted_range_{slot}"] = (low, high)
                    st.rerun()

    with st.form(f"role_form_{slot}", border=True):
        st.markdown("**2. The role**")
        f1, f2, f3 = st.columns(3)
        name = f1.text_input("Title", value="" if editing is None else base.name, key=f"role_name_{slot}",
                             placeholder="Staff Engineer")
        level = f2.text_input("Level", value=base.level, key=f"role_level_{slot}", placeholder="L6 or M1")
        company = f3.text_input("Company (empty = the market)", value=base.company, key=f"role_company_{slot}")
        p1, p2 = st.columns(2)
        posted = ss.get(f"posted_range_{slot}", (base.pay_min or 0.0, base.pay_max or 0.0))
        pay_gen = ss.get(f"pay_gen_{slot}", 0)
        pay_min = p1.number_input("Pay range from (USD/yr, your figure)", 0.0, 1e8, float(posted[0] or 0.0),
                                  step=1000.0, key=f"role_pmin_{slot}_{pay_gen}")
        pay_max = p2.number_input("Pay range to (USD/yr, your figure)", 0.0, 1e8, float(posted[1] or 0.0),
                                  step=1000.0, key=f"role_pmax_{slot}_{pay_gen}")
        st.markdown("**3. Required skills** (importance and level 1–5; ★ must-haves gate the fit)")
        req_edit = st.data_editor(
            ss[draft_key], num_rows="dynamic", hide_index=True, width="stretch",
            key=f"req_editor_{slot}_{ss[gen_key]}",
            column_config={
                "skill": st.column_config.TextColumn("Skill", required=True, width="large"),
                "importance": st.column_config.NumberColumn("Importance", min_value=1, max_value=5, step=1,
                                                            default=3, required=True),
                "required_level": st.column_config.NumberColumn("Required level", min_value=1, max_value=5, step=1,
                                                                default=3, required=True),
                "must_have": st.column_config.CheckboxColumn("★ Must-have", default=False)})
        st.markdown("**4. Your pay data points** (an offer, a posted range, a peer's number)")
        pay_edit = st.data_editor(
            forms.pay_points_frame(base.pay_points), num_rows="dynamic", hide_index=True, width="stretch",
            key=f"pay_editor_{slot}",
            column_config={
                "amount": st.column_config.NumberColumn("Amount (USD/yr)", min_value=0, format="dollar",
                                                        required=True),
                "kind": st.column_config.SelectboxColumn("Kind", options=["offer", "posted_range", "peer",
                                                                          "recruiter", "other"], default="other"),
                "as_of": st.column_config.DateColumn("As of", required=True),
                "note": st.column_config.TextColumn("Note", width="large")})
        notes = st.text_area("Notes", value=base.notes, key=f"role_notes_{slot}", height=80)
        if st.form_submit_button("Save role", type="primary"):
            role = widgets.validate(m.TargetRole, {
                "name": name, "level": level, "company": company, "onet_soc_code": code or None,
                "pay_min": pay_min or None, "pay_max": pay_max or None, "notes": notes,
                "skills": forms.requirement_rows(req_edit), "pay_points": forms.pay_point_rows(pay_edit)})
            if role:
                def save_role(role=role):
                    if editing is None:
                        return state.write(repo_roles.create_target_role, role)
                    return state.write(repo_roles.update_target_role, editing.target_role_id, role)

                if widgets.save(save_role, f"Saved {role.name}"):
                    ss.pop(draft_key, None)
                    st.rerun()
    if editing is not None:
        with st.popover("Delete this role", icon=":material/delete:"):
            st.markdown(f"Delete **{layout.escape_markdown(editing.name)}** with its requirements, pay points and "
                        "effort estimates? Opportunities linked to it keep their record.")
            if st.button("Delete for good", type="primary", key=f"delete_role_{slot}"):
                state.write(repo_roles.delete_target_role, editing.target_role_id)
                ss.pop(draft_key, None)
                ss["flash"] = f"Deleted {editing.name}"
                st.rerun()
