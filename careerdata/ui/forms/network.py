"""Forms and tabs of the Network page: touches, wins, visibility, contacts and cadence tiers."""

import streamlit as st

from careerdata.core import dates, vocab
from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.models import network as ms
from careerdata.network import charts as cs
from careerdata.network import queries as qs
from careerdata.network import repo as rs
from careerdata.network import view as vs
from careerdata.ui import layout, state, widgets


def touch_tab(status, losing, view, now):
    """Log a touch: the contacts losing touch first, one click to log a quick touch, or a full one."""
    if status.empty:
        st.info("No contacts yet, so nobody to lose touch with.")
        layout.page_link("journal", label="Add a contact in the Journal", icon=":material/person_add:", tab="people")
    elif losing.empty:
        st.success("Everyone is within their ideal keep-in-touch gap.")
    else:
        st.plotly_chart(view.losing_chart, theme=None, key="losing_touch_chart")
        st.caption("Bars: days since the last logged interaction. Black tick: the contact's ideal gap (its cadence); "
                   "diamond: the maximum before the relationship goes cold (the tier's stretch; see Cadence tiers). "
                   "Source: your career file.")
        st.markdown(f"**Most overdue first** ({len(losing):,}). *Touched today* logs an interaction dated today "
                    "in one click; add notes with the form below.")
        start, end = widgets.pager("losing_page", len(losing), "contacts past their ideal gap", "most overdue first")
        listed = losing.iloc[start:end]
        with st.container(height=min(70 + 78 * len(listed), 560), border=False):
            for row in listed.itertuples():
                with st.container(border=True):
                    # who and how overdue on the left, the button with room for its label on the right (1024 px)
                    c1, c3 = st.columns([3, 1.3], vertical_alignment="center")
                    where = " · ".join(x for x in (vocab.RELATIONSHIP_LABELS.get(row.relationship, row.relationship),
                                                   row.company) if x)
                    if row.status == "never":
                        gap_text = f"Never contacted · ideal every {row.ideal_days} days"
                    else:
                        gap_text = (f"Last touch {int(row.days_since)} days ago · ideal {row.ideal_days}, "
                                    f"max {row.max_days} · {row.overdue_ratio:.1f}× ideal")
                    colour = "red" if row.status in ("past_max", "never") else "orange"
                    c1.markdown(f"**{layout.escape_markdown(row.name)}**"
                                + (f" · {layout.escape_markdown(where)}" if where else "") + "  \n"
                                f":{colour}-badge[{vocab.CADENCE_STATUS_LABELS[row.status]}] {gap_text}")
                    if c3.button("Touched today", key=f"quick_touch_{row.id}", icon=":material/check:",
                                 help=f"Log an interaction with {row.name} dated today"):
                        touch = widgets.validate(m.Interaction, {
                            "contact": row.name, "date": now, "channel": "other",
                            "notes": "Quick touch logged from the Network page."})
                        if touch and widgets.save(lambda t=touch: state.write(repo.add_interaction, t),
                                                  f"Logged a touch with {row.name} today"):
                            st.rerun()
        if len(losing) > widgets.LIST_PAGE_SIZE:
            with st.expander(f"All {len(losing):,} contacts past their ideal gap, as a table"):
                st.dataframe(
                    losing[["name", "relationship", "company", "status", "days_since", "ideal_days", "max_days",
                            "overdue_ratio"]].assign(status=lambda f: f["status"].map(vocab.CADENCE_STATUS_LABELS),
                                                     relationship=lambda f: f["relationship"].map(
                                                         vocab.RELATIONSHIP_LABELS)),
                    hide_index=True, width="stretch", height=400, key="losing_table",
                    column_config={
                        "name": "Contact", "relationship": "Relationship", "company": "Company", "status": "Cadence",
                        "days_since": st.column_config.NumberColumn("Days since last touch"),
                        "ideal_days": st.column_config.NumberColumn("Ideal gap (days)"),
                        "max_days": st.column_config.NumberColumn("Max gap (days)"),
                        "overdue_ratio": st.column_config.NumberColumn("× ideal", format="%.1f"),
                    })
                st.caption("Most overdue first; never contacted have no days. Log a touch for anyone with the form "
                           "below or *Touched today* on their page of the list.")
        gen = widgets.form_generation("net_touch")
        with st.form(f"net_touch_{gen}", border=True):
            st.markdown("**Log a touch with notes**")
            c1, c2, c3 = st.columns([2, 1.3, 1.3])  # a whole date shows at 1024 px
            who = c1.selectbox("Contact", view.touch_names, key=f"net_touch_contact_{gen}",
                               help="Most overdue first; everyone else after them.")
            when = c2.date_input("Date", value=now, min_value=widgets.EARLIEST, key=f"net_touch_date_{gen}")
            channel = c3.selectbox("Channel", vocab.INTERACTION_CHANNELS, key=f"net_touch_channel_{gen}")
            notes = st.text_area("Notes", key=f"net_touch_notes_{gen}", height=68,
                                 placeholder="What you shared, what they asked for")
            c1, c2 = st.columns([2.6, 1.4])
            wins = c1.multiselect("Wins you told them about", view.win_titles, key=f"net_touch_wins_{gen}",
                                  help="This is what fills the 'Who knows your wins' map.")
            follow = c2.date_input("Follow-up due", value=None, min_value=widgets.EARLIEST,
                                   key=f"net_touch_follow_{gen}")
            if st.form_submit_button("Log touch", type="primary"):
                touch = widgets.validate(m.Interaction, {
                    "contact": who, "date": when, "channel": channel, "notes": notes, "accomplishments": wins,
                    "follow_up_due": follow})
                if touch and widgets.save(lambda: state.write(repo.add_interaction, touch), f"Logged a touch with {who}"):
                    widgets.reset_form("net_touch")
                    st.rerun()


def wins_tab(status, now, view):
    """Who knows which win: the map, and what to tell whom."""
    if status.empty or not view.win_titles:
        missing = "contacts" if status.empty else "accomplishments"
        st.info(f"No {missing} yet: the map crosses your key contacts with your best wins.")
        layout.page_link("journal", label="Add a contact" if status.empty else "Log a win",
                         icon=":material/add_circle:", tab="people" if status.empty else "log")
    else:
        window = st.segmented_control("Wins from the last", ["12 months", "3 years", "All time"], default="3 years",
                                      key="wins_window")
        years = {"12 months": 1, "3 years": 3, "All time": None}.get(window or "3 years", 3)
        known = state.read(vs.network_wins, now, years)
        if known.who_knows is None:
            st.info("No key contacts (manager, skip-level, sponsor or influence 4+) or no wins in this window.")
        else:
            st.plotly_chart(known.heatmap, theme=None, key="who_knows")
            st.caption(f"Key contacts: your manager, skip-level, sponsors and anyone with influence 4 or 5. Wins: your "
                       f"top {len(known.wins)} by annualised value (your estimate). A number is how many logged "
                       "touches mentioned the win; blank means they have not heard it from you. "
                       "Source: your career file.")
            st.markdown("**Who to tell next**")
            with layout.scrolling_table("who_to_tell"):
                st.dataframe(known.table, hide_index=True, width="stretch", column_config={
                "win": st.column_config.TextColumn("Win", width="medium", pinned=True),
                "value": st.column_config.NumberColumn("Value / yr (your estimate)", format="compact"),
                "heard": st.column_config.TextColumn("Key people who heard it"),
                "tell": st.column_config.TextColumn("Not heard yet", width="large"),
            })


def visibility_tab(gap, vis_summary, now, visibility, view, expectations):
    """Visibility: the timeline, the balance inside and outside, the gap to the target level, and logging an item."""
    # the numbers first, then the gap chart and the history at full width (readable at 1024 px)
    share = vis_summary.external_share
    kpis = layout.kpi_row()
    kpis.metric("Outside the company, last 12 months", f"{share:.0%}" if share is not None else "—",
                delta=f"{vis_summary.external} of {vis_summary.items} items", delta_color="off", delta_arrow="off",
                help="Share of your visible items in the last 365 days that reached people outside your company.",
                border=True)
    kpis.metric("Reach, last 12 months", f"{vis_summary.reach:,} people",
                delta=f"last external item {dates.when_label(vis_summary.last_external, now)}"
                if vis_summary.last_external else "no external item yet", delta_color="off", delta_arrow="off",
                help="Sum of the audience sizes you logged (your estimate).", border=True)
    if gap is None:
        st.info("Your ladder has no influence expectation for the target level, so there is no bar to compare "
                "with. Pick a target level in the sidebar, or load a ladder with an influence competency.")
    else:
        with st.container(border=True):
            st.markdown(f"**What {layout.escape_markdown(gap.level_title)} ({gap.level}) expects**: influence "
                        f"{gap.influence_target} of 5")
            st.markdown(f"> {layout.escape_markdown(gap.expectation_text)}")
            met = (f"Your last 12 months meet the visibility bar of influence level {gap.level_met}."
                   if gap.level_met else "Your last 12 months do not yet meet the influence-1 visibility bar.")
            st.markdown(met)
        st.plotly_chart(cs.visibility_gap_chart(gap), theme=None, key="visibility_gap")
        st.caption(f"You: talks, posts, demos, docs and open-source work in the last 12 months (your career file). "
                   f"Expected: your ladder asks for influence {gap.influence_target} of 5 at {gap.level}; this "
                   "page's table below turns that into items a year (a default rule of thumb you can edit).")
    if visibility.empty:
        with st.container(border=True):
            st.markdown("**No talks, posts, demos, docs or open-source work logged yet.** Log the first one below "
                        "(or in the Journal): value that is not seen is not rewarded.")
            layout.page_link("journal", label="Open People & visibility in the Journal", tab="people")
    else:
        st.plotly_chart(view.timeline_chart, theme=None, key="visibility_timeline")
        st.caption("One marker per item; shape: talk ●, post ■, open source ◆, internal demo ▲, doc ★. Reach is "
                   "the audience you logged (your estimate). Source: your career file.")
        st.plotly_chart(view.balance_chart, theme=None, key="visibility_balance")
        st.caption("Items per calendar year, inside vs outside your company. Source: your career file.")
        with layout.scrolling_table("visibility"):
            st.dataframe(
            visibility.assign(kind=visibility["kind"].map(vocab.VISIBILITY_KIND_LABELS))[
                ["date", "title", "kind", "venue", "audience", "reach", "is_external"]],
            hide_index=True, width="stretch", height=min(38 + 35 * len(visibility), 400),
            column_config={
                "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                "title": st.column_config.TextColumn("Title", width="medium", pinned=True),
                "kind": "Kind", "venue": "Venue", "audience": "Audience",
                "reach": st.column_config.NumberColumn("Reach (people)"),
                "is_external": st.column_config.CheckboxColumn("External"),
            })
    gen = widgets.form_generation("net_vis")
    with st.form(f"net_vis_{gen}", border=True):
        st.markdown("**Log a talk, post, demo, doc or open-source work**")
        c1, c2, c3 = st.columns([2, 1.4, 1.6])  # room for a whole date at 1024 px
        vtitle = c1.text_input("Title", key=f"net_vis_title_{gen}")
        vkind = c2.selectbox("Kind", vocab.VISIBILITY_KINDS, key=f"net_vis_kind_{gen}",
                             format_func=lambda k: vocab.VISIBILITY_KIND_LABELS.get(k, k))
        vdate = c3.date_input("Date", value=now, min_value=widgets.EARLIEST, key=f"net_vis_date_{gen}")
        (c1, c2), (c3, c4) = st.columns(2), st.columns(2)
        venue = c1.text_input("Venue", key=f"net_vis_venue_{gen}", placeholder="Eng all-hands, meetup, blog")
        audience = c2.text_input("Audience", key=f"net_vis_audience_{gen}", placeholder="Who was there or reads it")
        reach = c3.number_input("Reach (people)", 0, 100_000_000, 0, key=f"net_vis_reach_{gen}")
        external = c4.toggle("Outside the company", key=f"net_vis_ext_{gen}")
        url = st.text_input("Link", key=f"net_vis_url_{gen}")
        if st.form_submit_button("Log it", type="primary"):
            item = widgets.validate(m.VisibilityItem, {
                "title": vtitle, "kind": vkind, "venue": venue, "date": vdate, "audience": audience, "reach": reach,
                "is_external": external, "url": url})
            if item and widgets.save(lambda: state.write(repo.add_visibility_item, item), f"Logged “{vtitle}”"):
                widgets.reset_form("net_vis")
                st.rerun()
    with st.expander("Visibility expected per influence level (edit to your company's norms)"):
        st.caption("How many visible items a year, and how many of them outside the company, each influence "
                   "proficiency of your ladder calls for. The defaults are this product's rule of thumb.")
        edited = st.data_editor(expectations, hide_index=True, key="vis_expectations_editor", width="stretch",
                                disabled=["influence_target"], column_config={
                                    "influence_target": st.column_config.NumberColumn("Influence level (1–5)"),
                                    "items_per_year": st.column_config.NumberColumn("Items a year", min_value=0,
                                                                                    max_value=365, step=1),
                                    "external_per_year": st.column_config.NumberColumn("Of them outside the company",
                                                                                       min_value=0, max_value=365,
                                                                                       step=1)})
        if st.button("Save expectations", key="save_vis_expectations"):
            table = widgets.validate(ms.VisibilityExpectationTable, {"rows": edited.to_dict("records")})
            if table and widgets.save(lambda: state.write(rs.save_visibility_expectations, table.rows),
                                      "Saved the visibility expectations"):
                st.rerun()


def contacts_tab(status):
    """Contacts: edit one, and see its latest touches."""
    if status.empty:
        st.info("No contacts yet.")
        layout.page_link("journal", label="Add a contact in the Journal", icon=":material/person_add:", tab="people")
    else:
        st.caption("Select a row to edit the contact. Add new contacts in the Journal (People & visibility).")
        shown = status[["id", "name", "relationship", "company", "influence", "advocacy_stage", "ideal_days",
                        "max_days", "last_interaction", "status"]].assign(
            status=lambda f: f["status"].map(vocab.CADENCE_STATUS_LABELS),
            relationship=lambda f: f["relationship"].map(vocab.RELATIONSHIP_LABELS))
        with layout.scrolling_table("contacts"):
            picked = st.dataframe(
                shown, hide_index=True, width="stretch", height=min(38 + 35 * len(shown), 520), on_select="rerun",
                selection_mode="single-row", key="contacts_table",
                column_config={
                    "id": None, "name": st.column_config.TextColumn("Contact", pinned=True),
                    "relationship": "Relationship", "company": "Company",
                    "influence": st.column_config.ProgressColumn("Influence", min_value=0, max_value=5, format="%d / 5",
                                                                 width="small"),
                    "advocacy_stage": "Advocacy stage",
                    "ideal_days": st.column_config.NumberColumn("Ideal gap (days)"),
                    "max_days": st.column_config.NumberColumn("Max gap (days)"),
                    "last_interaction": st.column_config.DateColumn("Last touch", format="YYYY-MM-DD"),
                    "status": "Cadence",
                })
        layout.page_link("journal", label="Add a contact in the Journal", icon=":material/person_add:", tab="people")
        rows = picked.selection.rows if picked else []
        if rows:
            row = status.iloc[rows[0]]
            cid = int(row["id"])
            st.subheader(f"Edit {row['name']}")
            with st.form(f"edit_contact_{cid}", border=True):
                c1, c2, c3 = st.columns(3)
                name = c1.text_input("Name", value=row["name"], key=f"ec_name_{cid}")
                rel = c2.selectbox("Relationship", vocab.RELATIONSHIPS, index=vocab.RELATIONSHIPS.index(row["relationship"]),
                                   format_func=vocab.RELATIONSHIP_LABELS.get, key=f"ec_rel_{cid}")
                stage = c3.selectbox("Advocacy stage", vocab.ADVOCACY_STAGES,
                                     index=vocab.ADVOCACY_STAGES.index(row["advocacy_stage"]), key=f"ec_stage_{cid}",
                                     help="unknown → aware → supporter → advocate → sponsor")
                company = c1.text_input("Company", value=row["company"], key=f"ec_company_{cid}")
                title = c2.text_input("Title", value=row["title"], key=f"ec_title_{cid}")
                influence_level = c3.slider("Influence", 1, 5, int(row["influence"]), key=f"ec_inf_{cid}",
                                            help="How much their word counts where decisions about you are made")
                cadence = c1.number_input("Ideal gap between touches (days)", 1, 730, int(row["cadence_days"]),
                                          key=f"ec_cad_{cid}")
                notes = st.text_area("Notes", value=row["notes"], key=f"ec_notes_{cid}", height=80)
                if st.form_submit_button("Save contact", type="primary"):
                    contact = widgets.validate(m.Contact, {
                        "name": name, "relationship": rel, "company": company, "title": title,
                        "influence": influence_level, "advocacy_stage": stage, "cadence_days": cadence,
                        "notes": notes})
                    if contact and widgets.save(lambda: state.write(rs.update_contact, cid, contact),
                                                f"Saved {contact.name}"):
                        st.rerun()
            recent = state.read(qs.recent_touches, cid)
            if not recent.empty:
                st.markdown("**Latest touches**")
                st.dataframe(recent, hide_index=True, width="stretch", column_config={
                    "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"), "channel": "Channel",
                    "notes": st.column_config.TextColumn("Notes", width="large"),
                    "follow_up_due": st.column_config.DateColumn("Follow-up due", format="YYYY-MM-DD")})


def cadence_tab(status, view):
    """Cadence tiers: ideal and maximum days between touches per relationship."""
    tiers = state.read(qs.cadence_tiers)
    st.markdown("How often to be in touch with each kind of relationship: the **ideal** gap between touches, and the "
                "**maximum** before the relationship goes cold. A contact's own cadence (Contacts tab) is its ideal; "
                "its maximum keeps the tier's stretch: ideal × tier maximum ÷ tier ideal, rounded up.")
    with st.container():  # the editor, then the counts under it: each has the width for its columns
        edited_tiers = st.data_editor(
            tiers, hide_index=True, key="cadence_editor", width="stretch", disabled=["relationship"],
            column_config={
                "relationship": "Relationship",
                "ideal_days": st.column_config.NumberColumn("Ideal gap (days)", min_value=1, max_value=730, step=1),
                "max_days": st.column_config.NumberColumn("Maximum gap (days)", min_value=1, max_value=1460, step=1),
            })
        st.caption("Changing a tier's ideal also moves the contacts that were on its old default; contacts with a "
                   "cadence of their own keep it.")
        if st.button("Save cadence tiers", type="primary", key="save_cadence"):
            table = widgets.validate(ms.CadenceTierTable, {"tiers": edited_tiers.to_dict("records")})
            if table and widgets.save(lambda: state.write(rs.save_cadence_tiers, table.tiers),
                                      "Saved the cadence tiers"):
                st.rerun()
    with st.container():
        if status.empty:
            st.info("Once you have contacts, this shows how many in each tier are in touch.")
        else:
            st.markdown("**Your contacts per tier, today**")
            st.dataframe(view.by_tier, hide_index=True, width="stretch", column_config={
                "relationship": "Relationship", **{s: st.column_config.NumberColumn(vocab.CADENCE_STATUS_LABELS[s])
                                                   for s in vocab.CADENCE_STATUSES}})
