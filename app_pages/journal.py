"""Journal: log wins with their impact, keep skills honest, note who you talked to."""

import streamlit as st

from careerdata.journal import queries
from careerdata.journal import view as journal_view
from careerdata.ui import layout, state, widgets, worktrail
from careerdata.ui.forms import journal as jof

layout.header("Journal", "What did you do, what was it worth, and who knows about it? Log it while it is fresh.")
widgets.show_flash()

skills = state.read(queries.skills)
skill_names = skills["name"].tolist()
contact_names = state.read(queries.names, "contact")
competencies = state.read(queries.competencies)
employers = state.read(queries.employers)
accs = state.read(queries.accomplishments)

tab_labels = {
    "log": "Log a win",
    "accomplishments": f"Accomplishments ({len(accs)})",
    "skills": f"Skills ({len(skills)})",
    "people": "People & visibility",
    "profile": "Profile",
    "queue": f"From git ({state.read(journal_view.review_queue).counts['new']})",
}
tab_log, tab_list, tab_skills, tab_people, tab_profile, tab_queue = st.tabs(
    list(tab_labels.values()), default=tab_labels.get(st.query_params.get("tab", "log"), tab_labels["log"])
)

with tab_log:
    jof.log_tab(skill_names, competencies, employers, contact_names)

with tab_list:
    jof.wins_tab(accs, skill_names, competencies, employers, contact_names)

with tab_skills:
    jof.skills_tab(skills, skill_names)

with tab_people:
    jof.people_tab(contact_names, accs)

with tab_profile:
    jof.profile_tab()

with tab_queue:
    worktrail.review_queue()
