"""Shared page furniture: the page registry, the sidebar, headers and empty states."""

from __future__ import annotations

import streamlit as st

from careerdata.store import db
from careerdata.ui import state

# key -> (file, title, icon, url path); dashboard.py builds the navigation from this. Material icons
# here are drawn from the font bundled with Streamlit's frontend; only the tab icon (page_icon in
# dashboard.py) would be fetched from Google, so that one is a local file.
# SECTIONS orders the navigation; a key only shows once its page is registered in PAGES.
PAGES: dict[str, tuple[str, str, str, str]] = {
    "home": ("app_pages/home.py", "Home", ":material/space_dashboard:", "home"),
    "pnl": ("app_pages/pnl.py", "Career P&L", ":material/account_balance:", "career-pnl"),
    "matrix": ("app_pages/matrix.py", "Skill-value matrix", ":material/scatter_plot:", "matrix"),
    "market": ("app_pages/market.py", "Market", ":material/query_stats:", "market"),
    "value": ("app_pages/value.py", "Value proposition", ":material/handshake:", "value-proposition"),
    "competitors": ("app_pages/competitors.py", "Competitors", ":material/groups:", "competitors"),
    "promotion": ("app_pages/promotion.py", "Promotion case", ":material/workspace_premium:", "promotion"),
    "network": ("app_pages/network.py", "Network", ":material/hub:", "network"),
    "pipeline": ("app_pages/pipeline.py", "Pipeline", ":material/filter_alt:", "pipeline"),
    "conversations": ("app_pages/conversations.py", "Conversations", ":material/forum:", "conversations"),
    "offers": ("app_pages/offers.py", "Offers", ":material/request_quote:", "offers"),
    "roles": ("app_pages/roles.py", "Target roles", ":material/compare_arrows:", "target-roles"),
    "journal": ("app_pages/journal.py", "Journal", ":material/edit_note:", "journal"),
    "import_export": ("app_pages/import_export.py", "Import & export", ":material/sync_alt:", "import-export"),
    "about": ("app_pages/about.py", "About & data sources", ":material/info:", "about"),
}
# The order follows a new user's path: the one-pager and the P&L, then where data comes in (import a
# résumé, then log wins: the order of Home's first steps), then what the data is used for; About last.
SECTIONS: dict[str, list[str]] = {
    "Overview": ["home", "pnl"],
    "Your data": ["import_export", "journal"],
    "Product": ["matrix", "value", "market", "competitors"],
    "Growth": ["promotion", "roles"],
    "Sales": ["network", "pipeline", "offers", "conversations"],
    "About": ["about"],
}


def navigation_sections() -> dict[str, list[str]]:
    """SECTIONS with only the registered pages, and no empty sections."""
    shown = {section: [k for k in keys if k in PAGES] for section, keys in SECTIONS.items()}
    return {section: keys for section, keys in shown.items() if keys}


def page_file(key: str) -> str:
    return PAGES[key][0]


def page_link(key: str, label: str | None = None, icon: str | None = None, tab: str | None = None) -> None:
    """A link to a page of the registry, optionally opening one of its tabs (`?tab=`)."""
    file, title, default_icon, _ = PAGES[key]
    st.page_link(file, label=label or title, icon=icon or default_icon, query_params={"tab": tab} if tab else None)


def escape_markdown(text) -> str:
    """Show text literally where Streamlit renders Markdown (O*NET's asterisk is not emphasis)."""
    if text is None or (isinstance(text, float) and text != text):  # None or NaN: nothing to show
        return ""
    text = str(text)
    for char in "\\*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return text


def header(title: str, question: str) -> None:
    """Every page opens with its title and the one question it answers."""
    st.title(title)
    st.caption(question)


def kpi_row():
    """The row a page's KPI cards (`st.metric(..., border=True)`) go in: call `.metric` on it.

    A wrapping horizontal container, not `st.columns`: each card is as wide as its label, value
    and delta need and the row wraps onto a second line when they do not all fit, so nothing is
    cut to an ellipsis at 1024 px (columns split the width evenly and only stack below 640 px).
    """
    return st.container(horizontal=True, gap="small")


SCROLLS_KEY_PREFIX = "scrolls-"


def scrolling_table(name: str):
    """The container for a table that scrolls sideways on purpose: it has more columns than a 1024 px
    window holds, and its key column is pinned (`column_config` `pinned=True`) so each row stays named.

    Any other table must fit its column; the screen check (tests/screen_check.py) accepts a table wider
    than its column only inside this container (its key starts with SCROLLS_KEY_PREFIX).
    """
    return st.container(key=f"{SCROLLS_KEY_PREFIX}{name}")


def empty_state(message: str, page: str, action: str) -> None:
    """Say what is missing and link to where it is added; never a blank chart."""
    with st.container(border=True):
        st.markdown(f"**{message}**")
        page_link(page, label=action, icon=":material/add_circle:")


def sidebar(created_now: bool) -> None:
    """Which file is open, whether it is the demo, and the way to start your own."""
    path = state.db_path()
    with st.sidebar:
        if created_now:
            st.success("First launch: created a career file with the demo persona so you can explore.")
        demo = state.demo_loaded()
        st.markdown("**Career file**")
        st.caption(escape_markdown(str(path)))  # plain text: a code block would load a highlighter first
        if db.is_connection_read_only(state.connection()):
            st.warning("This file is read-only: you can explore it, but nothing can be saved. Check its "
                       "permissions.", icon=":material/lock:")
        if demo:
            st.info("You are looking at **demo data** (Priya Raman, a fictional senior engineer).", icon=":material/science:")
            with st.popover("Start my own file", icon=":material/restart_alt:", width="stretch"):
                st.markdown(
                    f"Replaces the demo data in `{path.name}` with an **empty** career file of your own. "
                    "You can get the demo back any time with `careerdata init --demo --force`."
                )
                if st.button("Replace demo with an empty file", type="primary", key="start_empty"):
                    state.start_empty_file()
                    st.rerun()
        st.caption("Local only: nothing leaves this machine. O*NET® and BLS data: see About.")
