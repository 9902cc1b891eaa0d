"""Import & export: bring a résumé, a LinkedIn export or spreadsheets in; take everything out again."""


import streamlit as st

from careerdata.import_export.csv_io import entity_counts
from careerdata.ui import layout, state, widgets
from careerdata.ui import uploads as own_files
from careerdata.ui.forms import import_export as ief

layout.header("Import & export", "Nobody types eight years of work by hand: bring your career in from a résumé, "
                                 "LinkedIn or a spreadsheet, and take it anywhere, any time.")
widgets.show_flash()

counts = state.run(entity_counts)
kpis = layout.kpi_row()
for name, label, help_text in (
        ("positions", "Positions", "Jobs and titles you held"),
        ("skills", "Skills", "Technical, domain, soft and leadership skills"),
        ("accomplishments", "Accomplishments", "Wins, projects, awards and certifications"),
        ("contacts", "Contacts", "People in your network"),
        ("visibility", "Talks & posts", "Talks, posts, demos, docs and open-source work")):
    kpis.metric(label, f"{counts[name]:,}", help=f"{help_text}: in your career file now")

tab_import, tab_export, tab_restore = st.tabs(["Import", "Export & backup", "Your ladder & restore"])
with tab_import:
    ief.import_tab()

with tab_export:
    ief.export_tab(counts)

with tab_restore:
    with st.container(border=True):  # one under the other: each upload box has the width for its limits
        own_files.ladder_upload()
    with st.container(border=True):
        own_files.backup_restore_upload()
