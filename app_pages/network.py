"""Network: who speaks up for you, who you are losing touch with, who knows your wins, and how visible you are."""

import streamlit as st

from careerdata.core.clock import today
from careerdata.journal import queries
from careerdata.network import analytics as sa
from careerdata.network import view as vs
from careerdata.ui import layout, state, widgets, worktrail
from careerdata.ui.forms import network as nwf

layout.header("Network", "Who will speak up for you when you are not in the room, and who are you losing touch with?")
widgets.show_flash()

now = today()
levels = state.read(queries.ladder_levels)
profile = state.read(queries.profile) or {}

codes = levels["code"].tolist()
level_titles = dict(zip(levels["code"], levels["title"], strict=True))
default_level = sa.default_target_level(profile.get("current_level"), levels)
with st.sidebar:
    target_level = st.selectbox(
        "Target level", codes, index=codes.index(default_level) if default_level in codes else None,
        format_func=lambda c: f"{c} · {level_titles[c]}", key="network_target_level",
        help="The level you are going for. Sponsor coverage and the visibility gap are measured against it. "
             "Defaults to the level above your current one (Journal → Profile).") if codes else None
view = state.read(vs.network, now, target_level)
status, losing, counts = view.status, view.losing, view.counts
visibility, vis_summary = view.visibility, view.vis_summary
target_label, coverage, gap = view.target_label, view.coverage, view.gap
employer, expectations = view.employer, view.expectations

kpis = layout.kpi_row()
kpis.metric("Advocates and sponsors", f"{view.advocates:,} of {len(status):,}",
          help="Contacts at advocate or sponsor stage: people who speak up for you without being asked.", border=True)
kpis.metric("Contacts overdue for a touch", view.overdue_label,
          delta=f"{counts['past_max'] + counts['never']:,} past the maximum gap" if len(losing) else None,
          delta_color="inverse", delta_arrow="off",
          help="Contacts past their ideal keep-in-touch gap (their cadence), counted from the latest interaction; "
               "'past the maximum' have gone beyond the tier's maximum, or were never contacted.", border=True)
kpis.metric(f"Sponsor coverage for {target_level or 'your target'}", f"{sa.coverage_score(coverage)} of {len(coverage)}",
          help="Checks met: a sponsor, a skip-level supporter, your manager's support, and enough advocates "
               "outside your team for the target level.", border=True)
kpis.metric("Visible items, last 12 months", f"{vis_summary.items:,}",
          delta=f"{vis_summary.external:,} outside the company", delta_color="off", delta_arrow="off",
          help="Talks, posts, demos, docs and open-source work dated in the last 365 days.", border=True)

# the funnel at full width, then the coverage checks as a row of cards that wraps on a narrow window
if status.empty:
    with st.container(border=True):
        st.markdown("**No contacts yet.** Add your manager, a sponsor and a mentor first: the advocacy funnel, "
                    "cadence and sponsor coverage are built from them.")
        layout.page_link("journal", label="Add a contact in the Journal", icon=":material/person_add:", tab="people")
else:
    st.plotly_chart(view.funnel_chart, theme=None, key="advocacy_funnel")
    st.caption("Each bar counts contacts at that advocacy stage or further along "
               "(unknown → aware → supporter → advocate → sponsor). Stages are your own judgement. "
               "Source: your career file.")
st.markdown(f"**Sponsor coverage for {layout.escape_markdown(target_label)}**"
            + (f" at {layout.escape_markdown(employer)}" if employer else ""))
if not profile.get("current_level"):
    layout.page_link("journal", label="Set your current level, so the target is the level above it",
                     icon=":material/person:", tab="profile")
icons = {"met": ":material/check_circle:", "partial": ":material/error:", "missing": ":material/cancel:"}
colours = {"met": "green", "partial": "orange", "missing": "red"}
checks = st.container(horizontal=True)
for check in coverage:
    with checks.container(border=True, width=270):
        st.markdown(f":{colours[check.status]}[{icons[check.status]} **{layout.escape_markdown(check.label)}**]  \n"
                    f"{layout.escape_markdown(check.detail)}")
st.caption("Counts contacts at your current employer (from your positions). Peers and reports count as your "
           "own team; the number of outside advocates asked for grows with the level (rank − 4, at least 1), a "
           "rule of thumb. Source: your career file and ladder.")

tab_labels = {
    "touch": f"Losing touch ({len(losing):,})",
    "wins": "Who knows your wins",
    "visibility": f"Visibility ({len(visibility):,})",
    "contacts": f"Contacts ({len(status):,})",
    "cadence": "Cadence tiers",
}
tab_touch, tab_wins, tab_vis, tab_contacts, tab_cadence = st.tabs(
    list(tab_labels.values()), default=tab_labels.get(st.query_params.get("tab", "touch"), tab_labels["touch"]))

with tab_touch:
    worktrail.calendar_download(("cadence", "followups"), "network_ics", now)
    nwf.touch_tab(status, losing, view, now)

with tab_wins:
    nwf.wins_tab(status, now, view)

with tab_vis:
    nwf.visibility_tab(gap, vis_summary, now, visibility, view, expectations)

with tab_contacts:
    nwf.contacts_tab(status)

with tab_cadence:
    nwf.cadence_tab(status, view)
