"""The Target roles page's role editor: the O*NET occupation, skills from a posting, the role form, delete."""

import pandas as pd
import streamlit as st

from careerdata.core import vocab
from careerdata.matrix.queries import matrix_inputs
from careerdata.models import career as m
from careerdata.roles import analytics as rl
from careerdata.roles import queries as queries_roles
from careerdata.roles import repo as repo_roles
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import common as forms


def edit_tab(by_label: dict, occupations: dict, roles_base) -> None:
    """Add or edit a target role: pick it, map it to an occupation, draft its skills, save or delete it."""
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
    code = occupation_picker(slot, base, occupations, roles_base, draft_key, gen_key)
    posting_suggestions(slot, draft_key, gen_key)
    role_form(slot, editing, base, code, draft_key, gen_key)
    if editing is not None:
        delete_role(slot, editing, draft_key)


def occupation_picker(slot: str, base, occupations: dict, roles_base, draft_key: str, gen_key: str):
    """1. The O*NET occupation the role maps to (searched by any title), and pre-filling skills from it."""
    ss = st.session_state
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
    return code


def posting_suggestions(slot: str, draft_key: str, gen_key: str) -> None:
    """Skills found in a pasted job posting, added to the requirements once the user confirms them."""
    ss = st.session_state
    with st.expander("Suggest skills from a job posting"):
        posting = st.text_area("Paste the posting", key=f"posting_{slot}", height=150)
        if st.button("Suggest skills", key=f"suggest_{slot}", disabled=not posting.strip()):
            inputs = state.read(matrix_inputs)
            known = rl.posting_vocabulary(inputs.skills, inputs.elements, inputs.technologies, inputs.default_map)
            ss[f"suggested_{slot}"] = rl.match_posting(posting, known)
        suggested = ss.get(f"suggested_{slot}")
        if suggested is not None:
            if suggested.empty:
                st.info("No known skill or O*NET technology found in that text.")
            else:
                have = {s.casefold() for s in ss[draft_key]["skill"].dropna()}
                fresh = [s for s in suggested["skill"] if s.casefold() not in have]
                st.dataframe(suggested, hide_index=True, width="stretch",
                             column_config={"skill": "Skill", "source": "Matched as", "mentions": "Mentions"})
                add = st.multiselect("Add to the requirements (you confirm)", fresh, default=fresh,
                                     key=f"suggest_pick_{slot}")
                if st.button("Add selected", key=f"suggest_add_{slot}", disabled=not add):
                    extra = pd.DataFrame({"skill": add, "importance": 3, "required_level": 3, "must_have": False})
                    ss[draft_key] = pd.concat([ss[draft_key], extra], ignore_index=True)
                    ss[gen_key] += 1
                    ss.pop(f"suggested_{slot}", None)
                    st.rerun()


def role_form(slot: str, editing, base, code, draft_key: str, gen_key: str) -> None:
    """2-4. The role, its required skills and pay data points, validated and saved in one go."""
    ss = st.session_state
    with st.form(f"role_form_{slot}", border=True):
        st.markdown("**2. The role**")
        f1, f2, f3 = st.columns(3)
        name = f1.text_input("Title", value="" if editing is None else base.name, key=f"role_name_{slot}",
                             placeholder="Staff Engineer")
        level = f2.text_input("Level", value=base.level, key=f"role_level_{slot}", placeholder="L6 or M1")
        company = f3.text_input("Company (empty = the market)", value=base.company, key=f"role_company_{slot}")
        p1, p2 = st.columns(2)
        pay_min = p1.number_input("Pay range from (USD/yr, your figure)", 0.0, 1e8, float(base.pay_min or 0.0),
                                  step=1000.0, key=f"role_pmin_{slot}")
        pay_max = p2.number_input("Pay range to (USD/yr, your figure)", 0.0, 1e8, float(base.pay_max or 0.0),
                                  step=1000.0, key=f"role_pmax_{slot}")
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
                "kind": st.column_config.SelectboxColumn("Kind", options=list(vocab.PAY_POINT_KINDS), default="other"),
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


def delete_role(slot: str, editing, draft_key: str) -> None:
    """Delete the role (with its requirements, pay points and effort estimates) after a confirmation."""
    ss = st.session_state
    with st.popover("Delete this role", icon=":material/delete:"):
        st.markdown(f"Delete **{layout.escape_markdown(editing.name)}** with its requirements, pay points and "
                    "effort estimates? Opportunities linked to it keep their record.")
        if st.button("Delete for good", type="primary", key=f"delete_role_{slot}"):
            state.write(repo_roles.delete_target_role, editing.target_role_id)
            ss.pop(draft_key, None)
            ss["flash"] = f"Deleted {editing.name}"
            st.rerun()
