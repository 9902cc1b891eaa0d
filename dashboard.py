"""Career Product Dashboard: page config, navigation over app_pages/, the shared sidebar."""

from pathlib import Path

import streamlit as st

from careerdata.core.errors import CareerDataError
from careerdata.ui import layout, state

# A local file: a ":material/...:" page_icon makes every page load fetch the tab icon from fonts.gstatic.com,
# and an emoji is a blank box where no emoji font is installed.
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"
st.set_page_config(page_title="Career Product Dashboard", page_icon=str(FAVICON), layout="wide")

try:
    created = state.ensure_database(state.db_path())
    state.connection()
except CareerDataError as err:
    st.title("Career Product Dashboard")
    st.error(f"The career file cannot be opened. {err}", icon=":material/error:")
    st.stop()

navigation = st.navigation(  # expanded: show every page, not "View more"
    {
        section: [
            st.Page(layout.PAGES[key][0], title=layout.PAGES[key][1], icon=layout.PAGES[key][2],
                    url_path=layout.PAGES[key][3], default=key == "home")
            for key in keys
        ]
        for section, keys in layout.navigation_sections().items()
    },
    expanded=True,
)
if created:
    st.session_state["created_demo_file"] = True
layout.sidebar(created_now=st.session_state.get("created_demo_file", False))
navigation.run()
