"""Forms and tabs of the Journal page: wins, skills, people and visibility, the profile."""

import pandas as pd
import streamlit as st

from careerdata.core import vocab
from careerdata.core.clock import today
from careerdata.journal import charts as journal_charts
from careerdata.journal import queries, repo
from careerdata.journal import view as journal_view
from careerdata.models import career as m
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import metrics as metrics_ui


def log_tab(skill_names, competencies, employers, contact_names):
    """Log a win, then add what it was worth in the metric editor below it."""
    if not skill_names:
        st.info("Tip: add your skills on the **Skills** tab first, so you can link wins to them.")
    logged = st.session_state.get("journal_logged_win")
    if logged is not None:
        titles = state.read(queries.accomplishments).set_index("id")["title"]
        if logged in titles.index:
            with st.container(border=True):
                metrics_ui.win_metrics("log", int(logged), str(titles[logged]), contact_names)
                if st.button("Done: log another win", key="journal_logged_done"):
                    st.session_state.pop("journal_logged_win", None)
                    metrics_ui.close_editor()
                    st.rerun()
    gen = widgets.form_generation("log")
    new = widgets.accomplishment_form(
        f"log_{gen}", None, skills=skill_names, competencies=competencies, employers=employers,
        submit_label="Save accomplishment")
    if new:
        saved = []
        if widgets.save(lambda: saved.append(state.write(repo.add_accomplishment, new)), f"Saved “{new.title}”"):
            st.session_state["journal_logged_win"] = saved[0]
            metrics_ui.close_editor()
            widgets.reset_form("log")
            st.rerun()


def wins_tab(accs, skill_names, competencies, employers, contact_names):
    """Your wins: suggested metrics to review, the list, and editing (its metrics too) or deleting one."""
    suggestions = state.read(queries.metric_suggestions)
    if not suggestions.empty:
        metrics_ui.suggestions_panel(suggestions, contact_names)
    if accs.empty:
        layout.empty_state("No accomplishments yet. Log your first win on the “Log a win” tab.", "journal",
                           "Open the Journal")
    else:
        st.caption("Select a row to add what the win was worth, edit it or delete it.")
        with layout.scrolling_table("accomplishments"):
            picked = st.dataframe(
                accs[["id", "title", "done_on", "employer", "scope", "metrics", "money_usd", "skills"]],
                hide_index=True, width="stretch", height=320, on_select="rerun", selection_mode="single-row",
                key="acc_table",
                column_config={
                    "id": None,
                    "title": st.column_config.TextColumn("Accomplishment", width="medium", pinned=True),
                    "done_on": st.column_config.DateColumn("Done", format="YYYY-MM-DD"),
                    "employer": "Employer",
                    "scope": "Scope",
                    "metrics": st.column_config.NumberColumn("Metrics"),
                    "money_usd": st.column_config.NumberColumn("Value / yr (USD)", format="compact"),
                    "skills": st.column_config.TextColumn("Skills", width="medium"),
                },
            )
        rows = picked.selection.rows if picked else []
        if rows:
            acc_id = int(accs.iloc[rows[0]]["id"])
            current = state.read(queries.accomplishment_model, acc_id)
            st.subheader(f"Edit: {layout.escape_markdown(current.title)}")
            with st.container(border=True):  # what the win was worth first: the evidence a case is made of
                metrics_ui.win_metrics("wins", acc_id, current.title, contact_names)
            edited = widgets.accomplishment_form(
                f"edit_{acc_id}_{widgets.form_generation('edit')}", current, skills=skill_names,
                competencies=competencies, employers=employers, submit_label="Save changes")
            if edited and widgets.save(lambda: state.write(repo.update_accomplishment, acc_id, edited, metrics=False),
                                       f"Updated “{edited.title}”"):
                widgets.reset_form("edit")
                st.rerun()
            with st.popover("Delete this accomplishment", icon=":material/delete:"):
                st.markdown(f"Delete **{layout.escape_markdown(current.title)}** with its {len(current.metrics)} metric(s)? "
                            "This cannot be undone.")
                if st.button("Delete for good", type="primary", key=f"delete_{acc_id}"):
                    state.write(repo.delete_accomplishment, acc_id)
                    st.session_state["flash"] = f"Deleted “{current.title}”"
                    st.rerun()


def _start_level(self_level) -> int:
    """Where the rating slider starts: the last self-rating, or 3 for a skill never rated (an
    imported skill has none until you give one; it was once a crash)."""
    if pd.isna(self_level):
        st.caption("Not rated yet: the slider starts at 3 (on your own).")
        return 3
    return int(self_level)


def skills_tab(skills, skill_names):
    """Skills: their assessment history, a new assessment, editing one, adding one."""
    left, right = st.container(), st.container()  # the table, then its detail under it (room for both at 1024 px)
    with left:
        if skills.empty:
            st.info("No skills yet. Add the first one below: technical, domain, soft and leadership skills "
                    "all count.")
        else:
            st.dataframe(
                skills[["name", "kind", "self_level", "assessed_on", "accomplishments", "quantified"]],
                hide_index=True, width="stretch", height=min(38 + 35 * len(skills), 1200),
                column_config={
                    "name": st.column_config.TextColumn("Skill"),
                    "kind": st.column_config.TextColumn("Kind"),
                    "self_level": st.column_config.ProgressColumn("Self level", min_value=0, max_value=5,
                                                                  format="%d / 5", help=widgets.LEVEL_HELP,
                                                                  width="small"),
                    "assessed_on": st.column_config.DateColumn("Assessed", format="MMM YY"),
                    "accomplishments": st.column_config.NumberColumn("Wins", help="Accomplishments using it"),
                    "quantified": st.column_config.NumberColumn("Quantified",
                                                                help="Of those, wins with an impact metric"),
                },
            )
    with right:
        if skill_names:
            pick = st.selectbox("Skill", skill_names, key="skill_pick",
                                help="Record a new level for it, see its history, or edit it.")
            row = skills[skills["name"] == pick].iloc[0]
            history = state.read(queries.skill_history, int(row["id"]))
            if not history.empty:
                st.plotly_chart(journal_charts.skill_history_chart(history, pick), theme=None, key="skill_history")
            with st.form("assess", border=True):
                st.markdown(f"**Record a self-assessment of {layout.escape_markdown(pick)}**: kept as history, "
                            "never overwritten.")
                level = st.slider("Level", 1, 5, _start_level(row["self_level"]), help=widgets.LEVEL_HELP,
                                  key="assess_level")
                as_of = st.date_input("As of", value=today(), min_value=widgets.EARLIEST, key="assess_date")
                note = st.text_input("Why this level?", key="assess_note", placeholder="Evidence or a gap you see")
                if st.form_submit_button("Record assessment", type="primary"):
                    entry = widgets.validate(m.SkillAssessment,
                                             {"skill": pick, "self_level": level, "as_of": as_of, "note": note})
                    if entry and widgets.save(lambda: state.write(repo.record_assessment, entry),
                                              f"Recorded {pick} at level {level}"):
                        st.rerun()
            with (st.expander(f"Edit {pick}: rename it, change its kind or its market-data link"),
                  st.form(f"edit_skill_{row['id']}", border=False)):
                    new_name = st.text_input("Name", value=pick, key=f"edit_skill_name_{row['id']}")
                    new_kind = st.selectbox("Kind", vocab.SKILL_KINDS, index=vocab.SKILL_KINDS.index(row["kind"]),
                                            key=f"edit_skill_kind_{row['id']}")
                    new_tax = st.text_input("O*NET element or technology", value=row["taxonomy_id"] or "",
                                            key=f"edit_skill_tax_{row['id']}")
                    if st.form_submit_button("Save skill"):
                        edited_skill = widgets.validate(m.Skill, {
                            "name": new_name, "kind": new_kind, "taxonomy_id": new_tax or None})
                        if edited_skill and widgets.save(
                                lambda: state.write(repo.update_skill, int(row["id"]), edited_skill),
                                f"Saved {edited_skill.name}"):
                            st.rerun()
        gen = widgets.form_generation("skill")
        with st.form(f"add_skill_{gen}", border=True):
            st.markdown("**Add a skill**")
            name = st.text_input("Name", key=f"skill_name_{gen}", placeholder="e.g. Kubernetes, Negotiation")
            kind = st.selectbox("Kind", vocab.SKILL_KINDS, key=f"skill_kind_{gen}")
            first_level = st.slider("Your level today", 1, 5, 3, help=widgets.LEVEL_HELP, key=f"skill_level_{gen}")
            taxonomy = st.text_input("O*NET element or technology (optional)", key=f"skill_tax_{gen}",
                                     help="e.g. 2.B.1.d (Negotiation) or 'Python'; links it to market data.")
            if st.form_submit_button("Add skill", type="primary"):
                made = widgets.validate_all(
                    (m.Skill, {"name": name, "kind": kind, "taxonomy_id": taxonomy or None}),
                    (m.SkillAssessment, {"skill": name or "?", "self_level": first_level, "as_of": today()}))
                skill, first = made or (None, None)
                if made and widgets.save(lambda: state.write(repo.add_skill, skill, first),
                                         f"Added {skill.name}"):
                    widgets.reset_form("skill")
                    st.rerun()


def people_tab(contact_names, accs):
    """People: log a touch, add a contact, log a visibility item."""
    contacts = state.read(queries.contacts)
    left, right = st.container(), st.container()  # one under the other: whole dates and labels at 1024 px
    with left:
        if contact_names:
            gen = widgets.form_generation("touch")
            with st.form(f"touch_{gen}", border=True):
                st.markdown("**Log a touch**: a 1:1, coffee, call or message with someone in your network.")
                who = st.selectbox("Contact", contact_names, key=f"touch_contact_{gen}")
                c1, c2 = st.columns(2)
                when = c1.date_input("Date", value=today(), min_value=widgets.EARLIEST, key=f"touch_date_{gen}")
                channel = c2.selectbox("Channel", vocab.INTERACTION_CHANNELS, key=f"touch_channel_{gen}")
                notes = st.text_area("Notes", key=f"touch_notes_{gen}", height=80,
                                     placeholder="What you shared, what they asked for")
                wins = st.multiselect("Wins you told them about", accs["title"].tolist(), key=f"touch_wins_{gen}")
                follow = st.date_input("Follow-up due (optional)", value=None, min_value=widgets.EARLIEST,
                                       key=f"touch_follow_{gen}")
                if st.form_submit_button("Log touch", type="primary"):
                    touch = widgets.validate(m.Interaction, {
                        "contact": who, "date": when, "channel": channel, "notes": notes,
                        "accomplishments": wins, "follow_up_due": follow})
                    if touch and widgets.save(lambda: state.write(repo.add_interaction, touch),
                                              f"Logged a touch with {who}"):
                        widgets.reset_form("touch")
                        st.rerun()
        overdue = state.read(journal_view.overdue_contacts, today())
        st.markdown(f"**Losing touch** ({len(overdue)})")
        if contacts.empty:
            st.info("No contacts yet. Add your manager, a sponsor and a mentor first.")
        elif overdue.empty:
            st.success("Everyone is within their keep-in-touch cadence.")
        else:
            st.dataframe(
                overdue[["name", "relationship", "days_since", "cadence_days", "overdue_by"]].assign(
                    relationship=lambda f: f["relationship"].map(vocab.RELATIONSHIP_LABELS)),
                hide_index=True, width="stretch",
                column_config={"name": "Contact", "relationship": "Relationship",
                               "days_since": st.column_config.NumberColumn("Days since", help="Blank: never"),
                               "cadence_days": st.column_config.NumberColumn("Cadence", help="Ideal days between touches"),
                               "overdue_by": st.column_config.NumberColumn("Overdue", help="Days past the cadence")},
            )
    with right:
        gen = widgets.form_generation("contact")
        with st.form(f"contact_{gen}", border=True):
            st.markdown("**Add a contact**")
            c1, c2 = st.columns(2)
            cname = c1.text_input("Name", key=f"c_name_{gen}")
            rel = c2.selectbox("Relationship", vocab.RELATIONSHIPS, format_func=vocab.RELATIONSHIP_LABELS.get,
                               key=f"c_rel_{gen}")
            company = c1.text_input("Company", key=f"c_company_{gen}")
            title = c2.text_input("Title", key=f"c_title_{gen}")
            influence = c1.slider("Influence", 1, 5, 3, key=f"c_inf_{gen}",
                                  help="How much their word counts where decisions about you are made")
            stage = c2.selectbox("Advocacy stage", vocab.ADVOCACY_STAGES, key=f"c_stage_{gen}",
                                 help="unknown → aware → supporter → advocate → sponsor")
            cadence = st.number_input("Keep-in-touch cadence (days, 0 = default for the relationship)", 0, 730, 0,
                                      key=f"c_cad_{gen}")
            if st.form_submit_button("Add contact", type="primary"):
                contact = widgets.validate(m.Contact, {
                    "name": cname, "relationship": rel, "company": company, "title": title, "influence": influence,
                    "advocacy_stage": stage, "cadence_days": cadence or None})
                if contact and widgets.save(lambda: state.write(repo.add_contact, contact), f"Added {cname}"):
                    widgets.reset_form("contact")
                    st.rerun()
        gen = widgets.form_generation("visibility")
        with st.form(f"visibility_{gen}", border=True):
            st.markdown("**Log a talk, post, demo, doc or open-source work**")
            c1, c2 = st.columns(2)
            vtitle = c1.text_input("Title", key=f"v_title_{gen}")
            vkind = c2.selectbox("Kind", vocab.VISIBILITY_KINDS, key=f"v_kind_{gen}",
                                 format_func=lambda k: k.replace("_", " "))
            venue = c1.text_input("Venue", key=f"v_venue_{gen}", placeholder="Eng all-hands, meetup, blog")
            vdate = c2.date_input("Date", value=today(), min_value=widgets.EARLIEST, key=f"v_date_{gen}")
            reach = c1.number_input("Reach (people)", 0, 100_000_000, 0, key=f"v_reach_{gen}")
            external = c2.toggle("External (outside your company)", key=f"v_ext_{gen}")
            url = st.text_input("Link", key=f"v_url_{gen}")
            if st.form_submit_button("Log it", type="primary"):
                item = widgets.validate(m.VisibilityItem, {
                    "title": vtitle, "kind": vkind, "venue": venue, "date": vdate, "reach": reach,
                    "is_external": external, "url": url})
                if item and widgets.save(lambda: state.write(repo.add_visibility_item, item), f"Logged “{vtitle}”"):
                    widgets.reset_form("visibility")
                    st.rerun()


def profile_tab():
    """Your profile: name, title, level, pay and review cycle."""
    profile = state.read(queries.profile) or {}
    levels = state.read(queries.ladder_levels)
    level_codes = [""] + levels["code"].tolist()
    level_titles = dict(zip(levels["code"], levels["title"], strict=True))
    with st.form("profile", border=True):
        c1, c2 = st.columns(2)
        pname = c1.text_input("Name", value=profile.get("name", ""))
        ptitle = c2.text_input("Current title", value=profile.get("current_title", ""))
        current = profile.get("current_level", "")
        plevel = c1.selectbox("Current level (from the ladder)", level_codes,
                              index=level_codes.index(current) if current in level_codes else 0,
                              format_func=lambda c: f"{c} · {level_titles[c]}" if c else "—")
        pay = c2.number_input("Current pay (USD/yr, optional, stays on this machine)", 0.0, 1e8,
                              float(profile.get("current_pay") or 0.0), step=1000.0)
        cycle_start = c1.date_input("Review cycle start", value=profile.get("review_cycle_start"),
                                    min_value=widgets.EARLIEST)
        cycle_end = c2.date_input("Review cycle end", value=profile.get("review_cycle_end"),
                                  min_value=widgets.EARLIEST)
        headline = st.text_area("Headline value proposition", value=profile.get("headline", ""), height=80,
                                help="One or two sentences: who you help, how, and the proof. Leave empty to have "
                                     "one drafted from your evidence on the home page.")
        if st.form_submit_button("Save profile", type="primary"):
            saved = widgets.validate(m.Profile, {
                "name": pname, "current_title": ptitle, "current_level": plevel, "current_pay": pay or None,
                "review_cycle_start": cycle_start, "review_cycle_end": cycle_end, "headline": headline})
            if saved and widgets.save(lambda: state.write(repo.save_profile, saved), "Profile saved"):
                st.rerun()
