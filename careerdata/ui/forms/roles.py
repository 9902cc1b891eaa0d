"""Tabs of the Target roles page: the comparison, the learning plan and the role editor.

The figures come from `careerdata.roles` (view.comparison for each role, compare for the frames and
sentences); here they are only laid out. Role cards sit in a wrapping row of fixed-width cards, so
four fit side by side at 1440 px and two at 1024 px, and nothing in them is cut to an ellipsis.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from careerdata.core.clock import today
from careerdata.core.money import format_money
from careerdata.figures import fit as ffit
from careerdata.matrix.queries import matrix_inputs
from careerdata.models import career as m
from careerdata.roles import analytics as rl
from careerdata.roles import compare
from careerdata.roles import pay as level_pay
from careerdata.roles import queries as queries_roles
from careerdata.roles import repo as repo_roles
from careerdata.roles import view as views_roles
from careerdata.roles.charts import HEATMAP_ROWS, fit_pay_chart, pay_compare_chart, plan_chart, requirements_heatmap
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import common as forms

esc = layout.escape_markdown
CARD_WIDTH = 232  # px: four cards in the 978 px column at 1440 px, two in the 562 px one at 1024 px
SOURCES = ("Fit: your file's skill levels against each role's requirements (formula on Fit breakdown). Pay and "
           "demand: BLS OEWS May 2025 and BLS Employment Projections 2024–34 (public domain); O\\*NET® 29.3 "
           "(CC BY 4.0) for occupations' requirements. Role pay ranges and data points are your own figures.")
LEVEL_COLUMNS = {  # widths in px: a table fits the 562 px column of a 1024 px screen
    "skill": st.column_config.TextColumn("Requirement", width=140, pinned=True),
    "must_have": st.column_config.CheckboxColumn("★", width=35, help="Must-have: gates the fit"),
    "importance": st.column_config.NumberColumn("Importance", width=75),
    "required_level": st.column_config.NumberColumn("Required", width=65),
    "current_self": st.column_config.NumberColumn("You (self)", format="%.0f", width=70),
    "current_evidence": st.column_config.NumberColumn("Evidence", format="%.1f", width=70,
                                                      help="Your evidence level from your wins"),
    "your_skill": st.column_config.TextColumn("Your skill", width=100, help="Your skill matched to it"),
    "role": st.column_config.TextColumn("Role", width=150, pinned=True),
    "current": st.column_config.NumberColumn("You", format="%.1f", width=50),
    "shortfall": st.column_config.NumberColumn("Short by", format="%.1f", width=70), "weight": None,
}


def role_card(detail) -> None:
    """One role: fit with its reason, BLS median pay, the level estimate, growth and openings."""
    spec, fit, facts = detail.spec, detail.fit, detail.facts
    st.markdown(f"**{esc(spec.name)}**")
    st.caption(esc(compare.role_where(spec)))
    st.metric("Role fit (0–100)", ffit.role_fit_label(fit.fit),
              delta=("lowered by a must-have gap" if fit.gating_skill else "no must-have gap"),
              delta_color="inverse" if fit.gating_skill else "off", delta_arrow="off",
              help="Importance-weighted coverage of the requirements, discounted (never zeroed) by the "
                   f"weakest must-have. Coverage before the discount: {fit.coverage:.0f}.")
    st.caption(esc(fit.label))
    if detail.occupation_match is not None:  # the Market's figure for the same occupation, named as such
        st.caption(esc(f"Its occupation on the Market: {ffit.occupation_match_label(detail.occupation_match)}"))
    st.metric("BLS median pay", format_money(facts.median_wage), delta=f"May {facts.year}", delta_color="off",
              delta_arrow="off", help="BLS OEWS national median annual wage.")
    if facts.wage_reason:
        st.caption(esc(f"Pay: {facts.wage_reason}."))
    estimate = detail.pay_estimate
    if estimate is not None:
        st.markdown(f"Level estimate ({esc(estimate.level)}): **{esc(format_money(estimate.low))}–"
                    f"{esc(format_money(estimate.high))}**",
                    help=f"Our estimate, not a BLS figure. {estimate.label} (how: the Pay tab).")
    else:
        st.caption("No level pay estimate: " + esc(detail.pay_estimate_note or "no data"))
    growth, openings = compare.growth_label(facts)
    st.metric("Projected growth 2024–34", growth, delta=openings, delta_color="off", delta_arrow="off",
              help="BLS Employment Projections 2024–34.")
    for note in spec.notes:
        st.caption(esc(note))


def role_cards(details) -> None:
    row = st.container(horizontal=True, gap="small")
    for detail in details:
        with row.container(border=True, width=CARD_WIDTH):
            role_card(detail)


def _fit_tab(details) -> None:
    names = [d.spec.name for d in details]
    pick = st.segmented_control("Role", names, default=names[0], key="fit_breakdown_role") or names[0]
    detail = details[names.index(pick)]
    st.markdown(f"**{esc(pick)}**: fit {detail.fit.fit:.0f}")
    st.dataframe(detail.req, hide_index=True, width="stretch", column_config=LEVEL_COLUMNS,
                 column_order=["skill", "must_have", "importance", "required_level", "current_self",
                               "current_evidence", "your_skill"])
    with st.expander("How fit is computed"):
        st.markdown((rl.__doc__ or "").replace("O*NET", "O\\*NET"))


def _gaps_tab(details) -> None:
    gaps = pd.concat([d.gaps.head(10).assign(role=d.spec.name) for d in details], ignore_index=True)
    counts = " · ".join(f"{esc(d.spec.name)}: {len(d.gaps)}" for d in details)
    st.caption(f"Gaps (requirements above your level), must-haves first; up to 10 a role. {counts}")
    st.dataframe(gaps, hide_index=True, width="stretch", column_config=LEVEL_COLUMNS,
                 column_order=["role", "skill", "required_level", "current", "shortfall", "must_have"])


def _pay_tab(details, summary: pd.DataFrame, current_pay) -> None:
    st.plotly_chart(pay_compare_chart(summary, compare.pay_points(details), current_pay), theme=None,
                    key="pay_compare")
    if not current_pay:
        layout.page_link("journal", label="Add your current pay to see it on this chart (stays local)",
                         icon=":material/payments:", tab="profile")
    for d in details:  # the level estimate and where your pay sits, in words, role by role
        said = [d.pay_estimate.label if d.pay_estimate else f"No level estimate: {d.pay_estimate_note or 'no data'}",
                d.pay_position or ""]
        st.caption(f"**{esc(d.spec.name)}**: " + esc(". ".join(x for x in said if x)) + ".")
    with st.expander("How the level estimate is computed"):
        st.markdown(level_pay.__doc__ or "")


def _demand_tab(details) -> None:
    st.dataframe(compare.demand(details), hide_index=True, width="stretch", column_config={
        "Role": st.column_config.TextColumn(width=140, pinned=True),
        "Occupation": st.column_config.TextColumn(width=170),
        "Employment (May 2025)": st.column_config.NumberColumn("Employed", format="localized", width=85,
                                                               help="Employment, May 2025"),
        "Growth 2024–34 (%)": st.column_config.NumberColumn("Growth %", width=75, help="Growth 2024–34"),
        "Openings a year": st.column_config.NumberColumn("Openings/yr", format="localized", width=85)})
    st.caption("Source: BLS OEWS May 2025 (employment) and Employment Projections 2024–34 (growth and openings)."
               " Figures are for the whole occupation, not a seniority level.")


def _evidence_tab(details) -> None:
    row = st.container(horizontal=True, gap="small")
    for d in details:
        with row.container(width=CARD_WIDTH):
            st.markdown(f"**{esc(d.spec.name)}**")
            if d.evidence.empty:
                st.info("No accomplishment uses this role's required skills yet.")
            for b in d.evidence.itertuples(index=False):
                with st.container(border=True):
                    st.markdown(esc(b.title))
                    value = f" · {format_money(b.money_usd)}/yr" if b.money_usd else ""
                    st.caption(f"{pd.Timestamp(b.done_on):%b %Y} · uses {esc(b.skills)}{value}")


def compare_tab(roles_base, profile: dict) -> None:
    """Pick 2–4 roles; their cards, fit against pay, then the detail in tabs."""
    saved = [s.name for s in roles_base.saved]
    picked = st.multiselect("Compare 2 to 4 roles", saved + list(roles_base.occupations),
                            default=compare.default_picks(saved, list(roles_base.occupations)), max_selections=4,
                            key="compare_roles", help="Your target roles, or any O*NET occupation in the shipped data.")
    basis_label = st.segmented_control("Your level", ["Self-assessed", "Evidence"], default="Self-assessed",
                                       key="roles_basis")
    basis = "evidence" if basis_label == "Evidence" else "self"
    if not saved:
        st.info("You have no target roles yet: the comparison uses O\\*NET occupations. Create your own roles on the "
                "**Edit roles** tab.", icon=":material/info:")
    if roles_base.no_skills:
        layout.empty_state("Add your skills first: fit and gaps compare the roles' requirements with your levels.",
                           "journal", "Add skills")
    if len(picked) < 2:
        st.warning("Pick at least two roles to compare.")
        return
    details = state.read(views_roles.comparison, tuple(picked), basis, today())
    role_cards(details)
    summary = compare.summary(details)
    st.plotly_chart(fit_pay_chart(summary, profile.get("current_pay")), theme=None, key="fit_pay")
    st.caption(SOURCES)
    t_req, t_fit, t_gaps, t_pay, t_demand, t_evidence = st.tabs(
        ["Requirements", "Fit breakdown", "Gaps", "Pay", "Demand", "Evidence"])
    with t_req:
        st.plotly_chart(requirements_heatmap(compare.all_requirements(details, basis), picked), theme=None,
                        key="req_heatmap")
        st.caption(f"Cells: the required level · yours ({(basis_label or 'Self-assessed').lower()}); "
                   f"★ = must-have; colour = levels short. The {HEATMAP_ROWS} most important requirements.")
    with t_fit:
        _fit_tab(details)
    with t_gaps:
        _gaps_tab(details)
    with t_pay:
        _pay_tab(details, summary, profile.get("current_pay"))
    with t_demand:
        _demand_tab(details)
    with t_evidence:
        _evidence_tab(details)


PLAN_COLUMNS = {"skill": st.column_config.TextColumn("Gap", width=120, pinned=True),
                "current": st.column_config.NumberColumn("You", width=45),
                "required_level": st.column_config.NumberColumn("Required", width=65),
                "must_have": st.column_config.CheckboxColumn("★", width=35, help="Must-have"),
                "fit_gain": st.column_config.NumberColumn("Fit +", format="+%.1f", width=60, help="Fit gained"),
                "effort_weeks": st.column_config.NumberColumn("Weeks", min_value=0.5, max_value=520, step=0.5,
                                                              width=70, help="Effort in weeks: your estimate"),
                "done_by": st.column_config.DateColumn("Done by", format="MMM YYYY", width=80),
                "projected_fit": st.column_config.NumberColumn("Fit after", format="%.0f", width=65)}


def _save_efforts(edited: pd.DataFrame, plan: pd.DataFrame, role_id: int) -> None:
    changed = edited[edited["effort_weeks"] != plan["effort_weeks"]]

    def write(rows=changed):
        for r in rows.itertuples(index=False):
            state.write(repo_roles.set_gap_effort, role_id, r.skill, float(r.effort_weeks))

    if widgets.save(write, f"Saved {len(changed)} effort estimate(s)"):
        st.rerun()


def plan_tab(roles_base) -> None:
    """The learning plan of one role: the gaps in the order that gains most fit per week, with your efforts."""
    options = [s.name for s in roles_base.saved] + list(roles_base.occupations)
    if not options:
        st.info("No roles to plan for.")
        return
    chosen = st.selectbox("Plan for", options, key="plan_role")
    planned = state.read(views_roles.role_plan, chosen, today())
    spec, plan = planned.spec, planned.plan
    if plan.empty:
        st.success(f"You meet every requirement of {chosen} at your self-assessed levels.")
        return
    st.plotly_chart(plan_chart(plan, planned.start_fit, spec.name), theme=None, key="plan_chart")
    st.caption("Each step closes one gap (to the required level); order = most fit gained per week of effort. "
               "Effort is your estimate; blanks use 4 weeks per missing level.")
    edited = st.data_editor(plan[list(PLAN_COLUMNS)], hide_index=True, width="stretch",
                            key=f"plan_editor_{spec.key}", column_config=PLAN_COLUMNS,
                            disabled=[c for c in PLAN_COLUMNS if c != "effort_weeks"])
    if spec.target_role_id is None:
        st.caption("Effort estimates are saved for your own target roles; create one on **Edit roles** to keep them.")
    elif st.button("Save effort estimates", type="primary", key="save_efforts"):
        _save_efforts(edited, plan, spec.target_role_id)


# --- the role editor ----------------------------------------------------------------------------

def occupation_picker(roles_base, base: m.TargetRole, slot: str, draft_key: str, gen_key: str) -> str | None:
    """Step 1: search O*NET titles, pick the occupation, optionally draft the requirements from it."""
    ss = st.session_state
    st.markdown("**1. The O\\*NET occupation it maps to** (for market pay, demand and a draft of its skills)")
    s1, s2 = st.columns([2, 3])
    query = s1.text_input("Search O*NET titles and alternate titles", key=f"occ_search_{slot}",
                          placeholder="e.g. staff engineer, solutions architect, data scientist")
    titles = state.read(queries_roles.occupation_titles)
    found = rl.search_occupations(titles, query) if query else pd.DataFrame(columns=["onet_soc_code", "label"])
    names = {code: label.removeprefix("O*NET: ").rsplit(" (", 1)[0] for label, code in roles_base.occupations.items()}
    choices = {"— none —": None}
    if base.onet_soc_code:
        choices[f"{names.get(base.onet_soc_code, base.onet_soc_code)} ({base.onet_soc_code})"] = base.onet_soc_code
    choices.update(dict(zip(found["label"], found["onet_soc_code"], strict=True)))
    picked_label = s2.selectbox("Occupation", list(choices), key=f"occ_pick_{slot}_{query}",
                                index=1 if len(choices) > 1 else 0,
                                help="Search by any job title on the left; O*NET alternate titles map to occupations.")
    code = choices[picked_label]
    if st.button("Pre-fill skills from O*NET", disabled=not code, key=f"prefill_{slot}",
                 help="Replaces the requirements below with the occupation's important O*NET skills and its hot and "
                      "in-demand technologies, named after your own skills where they are linked."):
        ss[draft_key], stand_in = rl.occupation_requirements(code, state.read(matrix_inputs), roles_base.mappings)
        ss[gen_key] += 1
        if stand_in:
            ss["flash"] = f"O*NET has no ratings for {code}; skills drafted from its stand-in {stand_in}."
        st.rerun()
    return code


def _suggested_skills(suggested: dict, slot: str, draft_key: str, gen_key: str) -> None:
    ss = st.session_state
    found = pd.DataFrame(suggested["skills"], columns=["skill", "matched", "importance", "known"])
    if found.empty:
        st.info("No known skill, alias or O*NET technology found in that text.")
        return
    have = {s.casefold() for s in ss[draft_key]["skill"].dropna()}
    fresh = [s for s in found["skill"] if s.casefold() not in have]
    st.dataframe(found, hide_index=True, width="stretch", column_config={
        "skill": "Skill", "matched": "Phrase in the posting", "importance": "Suggested importance",
        "known": st.column_config.CheckboxColumn("In your skills")})
    add = st.multiselect("Add to the requirements (you confirm)", fresh, default=fresh, key=f"suggest_pick_{slot}")
    if st.button("Add selected", key=f"suggest_add_{slot}", disabled=not add):
        ss[draft_key] = pd.concat([ss[draft_key], compare.posting_requirements(found, add)], ignore_index=True)
        ss[gen_key] += 1
        ss.pop(f"suggested_{slot}", None)
        st.rerun()


def posting_reader(slot: str, draft_key: str, gen_key: str) -> None:
    """Paste a job posting: its skills (you confirm which to add) and its pay range."""
    ss = st.session_state
    with st.expander("Suggest skills from a job posting"):
        st.caption("Paste the posting: its skills are found in other words too (k8s, Postgres, \"drive alignment "
                   "across teams\"), with the phrase that matched and a suggested importance from where it appears "
                   "(\"What you bring\" → must-have; \"is a plus\" → nice-to-have).")
        text = st.text_area("Paste the posting", key=f"posting_{slot}", height=150)
        if st.button("Suggest skills", key=f"suggest_{slot}", disabled=not text.strip()):
            ss[f"suggested_{slot}"] = state.read(views_roles.posting, text)
        suggested = ss.get(f"suggested_{slot}")
        if suggested is None:
            return
        _suggested_skills(suggested, slot, draft_key, gen_key)
        if suggested["pay_range"]:
            low, high = suggested["pay_range"]
            st.markdown(f"Pay range in the posting: **\\${low:,.0f}–\\${high:,.0f}**")
            if st.button("Use it as the role's pay range", key=f"posted_pay_{slot}"):
                ss[f"pay_gen_{slot}"] = ss.get(f"pay_gen_{slot}", 0) + 1
                ss[f"posted_range_{slot}"] = (low, high)
                st.rerun()


REQUIREMENT_COLUMNS = {
    "skill": st.column_config.TextColumn("Skill", required=True, width=195),
    "importance": st.column_config.NumberColumn("Importance", min_value=1, max_value=5, step=1, default=3,
                                                required=True, width=90),
    "required_level": st.column_config.NumberColumn("Required level", min_value=1, max_value=5, step=1, default=3,
                                                    required=True, width=110),
    "must_have": st.column_config.CheckboxColumn("★ Must-have", default=False, width=100)}
PAY_POINT_COLUMNS = {
    "amount": st.column_config.NumberColumn("Amount (USD/yr)", min_value=0, format="dollar", required=True,
                                            width=125),
    "kind": st.column_config.SelectboxColumn("Kind", options=["offer", "posted_range", "peer", "recruiter", "other"],
                                             default="other", width=110),
    "as_of": st.column_config.DateColumn("As of", required=True, width=100),
    "note": st.column_config.TextColumn("Note", width=160)}


def role_form(editing, base: m.TargetRole, slot: str, code: str | None, draft_key: str, gen_key: str) -> None:
    """Steps 2–4: the role, its required skills and your pay data points; saved in one transaction."""
    ss = st.session_state
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
        req_edit = st.data_editor(ss[draft_key], num_rows="dynamic", hide_index=True, width="stretch",
                                  key=f"req_editor_{slot}_{ss[gen_key]}", column_config=REQUIREMENT_COLUMNS)
        st.markdown("**4. Your pay data points** (an offer, a posted range, a peer's number)")
        pay_edit = st.data_editor(forms.pay_points_frame(base.pay_points), num_rows="dynamic", hide_index=True,
                                  width="stretch", key=f"pay_editor_{slot}", column_config=PAY_POINT_COLUMNS)
        notes = st.text_area("Notes", value=base.notes, key=f"role_notes_{slot}", height=80)
        if st.form_submit_button("Save role", type="primary"):
            _save_role(editing, draft_key, {
                "name": name, "level": level, "company": company, "onet_soc_code": code or None,
                "pay_min": pay_min or None, "pay_max": pay_max or None, "notes": notes,
                "skills": forms.requirement_rows(req_edit), "pay_points": forms.pay_point_rows(pay_edit)})


def _save_role(editing, draft_key: str, data: dict) -> None:
    role = widgets.validate(m.TargetRole, data)
    if role is None:
        return

    def save_role(role=role):
        if editing is None:
            return state.write(repo_roles.create_target_role, role)
        return state.write(repo_roles.update_target_role, editing.target_role_id, role)

    if widgets.save(save_role, f"Saved {role.name}"):
        st.session_state.pop(draft_key, None)
        st.rerun()


def delete_role(editing, draft_key: str) -> None:
    with st.popover("Delete this role", icon=":material/delete:"):
        st.markdown(f"Delete **{esc(editing.name)}** with its requirements, pay points and effort estimates? "
                    "Opportunities linked to it keep their record.")
        if st.button("Delete for good", type="primary", key=f"delete_role_{editing.target_role_id}"):
            state.write(repo_roles.delete_target_role, editing.target_role_id)
            st.session_state.pop(draft_key, None)
            st.session_state["flash"] = f"Deleted {editing.name}"
            st.rerun()
