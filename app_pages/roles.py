"""Target roles: which role should you go for next, and what would it take?"""

import streamlit as st

from careerdata.core.clock import today
from careerdata.journal import queries
from careerdata.models import career as m
from careerdata.roles import queries as queries_roles
from careerdata.roles import view as views_roles
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import common as forms
from careerdata.ui.forms import roles as role_forms

layout.header("Target roles", "Which role should you go for next, how well do you fit it, and what would it take?")
widgets.show_flash()

profile = state.read(queries.profile) or {}
roles_base = state.read(views_roles.base, today())
by_label = {s.name: s for s in roles_base.saved}

tab_names = {"compare": "Compare", "plan": "Learning plan", "edit": "Edit roles"}
tab_compare, tab_plan, tab_edit = st.tabs(list(tab_names.values()),
                                          default=tab_names.get(st.query_params.get("tab", "compare"), "Compare"))

with tab_compare:
    role_forms.compare_tab(roles_base, profile)

with tab_plan:
    role_forms.plan_tab(roles_base)

with tab_edit:
    choice = st.selectbox("Role", ["New role", *by_label], key="edit_role_pick",
                          help="Pick a role to edit it, or start a new one.")
    editing = None if choice == "New role" else by_label[choice]
    base = (state.read(queries_roles.target_role_model, editing.target_role_id) if editing
            else m.TargetRole(name="New role"))
    slot = "new" if editing is None else str(editing.target_role_id)
    draft_key, gen_key = f"req_draft_{slot}", f"req_gen_{slot}"
    if draft_key not in st.session_state:
        st.session_state[draft_key] = forms.requirements_frame(base.skills)
        st.session_state[gen_key] = 0
    code = role_forms.occupation_picker(roles_base, base, slot, draft_key, gen_key)
    role_forms.posting_reader(slot, draft_key, gen_key)
    role_forms.role_form(editing, base, slot, code, draft_key, gen_key)
    if editing is not None:
        role_forms.delete_role(editing, draft_key)
