"""Forms and tabs of the Promotion case page: evidence and suggestions, the draft and its lint, versions, the plan."""

import pandas as pd
import streamlit as st

from careerdata.core import dates, vocab
from careerdata.models.promotion import CaseVersion, LinkDecision, PlanStepLog, PlanStepStatus, ReviewDate
from careerdata.promotion import draft as pdraft
from careerdata.promotion import export as promo_export
from careerdata.promotion import plan as pplan
from careerdata.promotion import queries as pq
from careerdata.promotion import repo as promo_repo
from careerdata.promotion import view as promotion_view
from careerdata.ui import layout, state, widgets, worktrail


def evidence_tab(a, evidence, MAX_SHOWN_SUGGESTIONS, span, target_label, target):
    """Evidence: the coverage matrix, suggested links to confirm or reject, and the gaps."""
    if a.cycle_accs.empty:
        with st.container(border=True):
            st.markdown(f"**Nothing to map yet:** no accomplishment overlaps the cycle {span}.")
            layout.page_link("journal", label="Log a win with its competencies", icon=":material/add_circle:",
                             tab="log")
    else:
        st.markdown(f"**Suggested matches ({len(a.suggestions)})**: competencies your wins seem to show but are not "
                    "linked to. Confirm the ones that are true; reject the rest so they are not suggested again.")
        if a.suggestions.empty:
            st.success("No suggestion waiting: every likely match has been linked, confirmed or rejected.")
        else:
            gen = widgets.form_generation("promo_links")
            shown_suggestions = a.suggestions.head(MAX_SHOWN_SUGGESTIONS)
            calls = {}
            with st.container(border=True):
                for row in shown_suggestions.itertuples():
                    pair = (int(row.accomplishment_id), row.competency_key)
                    c_text, c_call = st.columns([5, 2], vertical_alignment="center")
                    c_text.markdown(f"**{layout.escape_markdown(row.title)}** → "
                                    f"{layout.escape_markdown(row.competency)}")
                    c_text.caption(layout.escape_markdown(f"Suggested from {row.reasons}"))
                    calls[pair] = c_call.radio(
                        f"{row.title} → {row.competency}", ["Later", "Confirm", "Reject"], horizontal=True,
                        key=f"promo_call_{gen}_{pair[0]}_{pair[1]}", label_visibility="collapsed")
            if len(a.suggestions) > MAX_SHOWN_SUGGESTIONS:
                st.caption(f"{len(a.suggestions) - MAX_SHOWN_SUGGESTIONS} more after you decide these.")
            if st.button("Save decisions", type="primary", key="save_link_decisions"):
                decisions = [widgets.validate(LinkDecision, {
                    "accomplishment_id": acc_id, "competency_key": comp,
                    "decision": "confirmed" if call == "Confirm" else "rejected"})
                    for (acc_id, comp), call in calls.items() if call != "Later"]
                if not decisions:
                    st.warning("Choose Confirm or Reject for at least one suggestion first.")
                elif all(decisions) and widgets.save(lambda: state.write(promo_repo.decide_links, decisions),
                                                     f"Saved {len(decisions)} decision(s)"):
                    widgets.reset_form("promo_links")
                    st.rerun()

        st.markdown(f"**Evidence per competency** against {layout.escape_markdown(target_label)}")
        strength = a.coverage[["name", "wins", "quantified", "widest_scope", "strength", "target", "ratio"]].assign(
            widest_scope=lambda f: f["widest_scope"].fillna("—"), ratio=lambda f: (f["ratio"] * 100).round())
        st.dataframe(  # widths in px: the table fits the 562 px column of a 1024 px screen
            strength, hide_index=True, width="stretch",
            column_config={
                "name": st.column_config.TextColumn("Competency", width=160, pinned=True),
                "wins": st.column_config.NumberColumn("Wins", width=45, help="Linked or confirmed wins in the cycle"),
                "quantified": st.column_config.NumberColumn("Metric", width=55, help="Wins with a metric"),
                "widest_scope": st.column_config.TextColumn("Scope", width=70, help="The widest scope of those wins"),
                "strength": st.column_config.ProgressColumn("Strength", min_value=0, max_value=5, format="%.1f / 5",
                                                            width=90, help="Evidence strength (0–5)"),
                "target": st.column_config.NumberColumn("Expects", format="%d / 5", width=65,
                                                        help=f"What {target} expects"),
                "ratio": st.column_config.ProgressColumn("Covered", min_value=0, max_value=100, format="%d%%",
                                                         width=65),
            })
        st.markdown("**Wins in the cycle** and where each goes in the case")
        st.dataframe(
            evidence, hide_index=True, width="stretch",
            column_order=["title", "section", "competencies", "weight"],
            column_config={
                "title": st.column_config.TextColumn("Accomplishment", width=190, pinned=True),
                "section": st.column_config.TextColumn("Case section", width=105),
                "competencies": st.column_config.TextColumn("Competencies", width=140,
                                                            help="Linked in the Journal or confirmed here"),
                "weight": st.column_config.TextColumn("Weight", width=120,
                                                      help="Scope · metrics · points (scope × quality × recency, "
                                                           "see the caption under the chart)"),
            })
        rejected = a.links[(a.links["status"] == "rejected") & a.links["accomplishment_id"].isin(set(a.cycle_accs["id"]))]
        if not rejected.empty:
            titles = dict(zip(a.cycle_accs["id"], a.cycle_accs["title"], strict=True))
            options = [(int(x.accomplishment_id), x.competency_key) for x in rejected.itertuples()]
            with st.expander(f"Rejected suggestions ({len(options)})"):
                undo = st.multiselect("Suggest these again", options, key="promo_undo_reject",
                                      format_func=lambda o: f"{titles[o[0]]} → {a.comp_names.get(o[1], o[1])}")
                if st.button("Forget the rejection", disabled=not undo, key="promo_undo_button") and widgets.save(
                        lambda: state.write(promo_repo.undo_rejections, undo), "They will be suggested again"):
                    st.rerun()
        st.caption("Links made in the Journal count as evidence straight away; suggestions count once confirmed.")
        layout.page_link("journal", label="Edit a win's competencies in the Journal", icon=":material/edit_note:",
                         tab="accomplishments")


def draft_tab(draft_key, _regenerate, versions, case_key, target, cycle_start, cycle_end, now, r):
    """The draft: generated from the evidence, edited, linted line by line and saved as a version."""
    edit_col, lint_col = st.columns([3, 2], gap="large")
    with edit_col:
        source = (f"opened from version {int(versions.iloc[0]['version'])}" if not versions.empty
                  else "drafted from your data")
        st.markdown(f"**The case in Markdown**, {source}: edit freely, then save it as a version. Everything from "
                    f"“{promo_export.PRIVATE_HEADING}” down is for you only: the packet's exports leave it out.")
        text = st.text_area("Case (Markdown)", key=draft_key, height=620, label_visibility="collapsed")
        note = st.text_input("What changed (optional)", key=f"promo_note_{widgets.form_generation('promo_note')}",
                             placeholder="e.g. tightened the impact section after Dana's review")
        buttons = st.container(horizontal=True)  # wraps rather than cutting a label at 1024 px
        if buttons.button("Save as a new version", type="primary", key="save_version"):
            version = widgets.validate(CaseVersion, {"markdown": text, "note": note})
            if version and widgets.save(lambda: state.write(promo_repo.save_version, case_key, version),
                                        f"Saved version {len(versions) + 1} of the {target} case"):
                widgets.reset_form("promo_note")
                st.rerun()
        buttons.button("Regenerate from the data", key="regenerate", on_click=_regenerate,
                  help="Replaces the text in the editor with a fresh draft from your data; saved versions stay.")
    with lint_col:
        findings = state.read(promotion_view.draft_findings, cycle_start, cycle_end, now,
                              tuple(r.no_evidence), text)
        st.markdown(f"**Linter: {len(findings)} finding(s)**" if findings else "**Linter**")
        if not findings:
            st.success("No finding: claims are past tense with a metric or link, evidence is in the cycle, the gaps "
                       "are named and advocates are current.")
        for f in findings:
            with st.container(border=True):
                where = f"Line {f.line}" if f.line else "Missing"
                st.markdown(f"**{where}** · {f.title}")
                if f.excerpt:
                    st.code(f.excerpt if len(f.excerpt) <= 220 else f.excerpt[:219] + "…", language=None,
                            wrap_lines=True)
                st.caption(layout.escape_markdown(f.message))
    with st.expander("Preview"):
        # The user's own Markdown document (no HTML is ever enabled); '$' would otherwise start LaTeX.
        st.markdown(text.replace("$", "\\$"))
    return text


def versions_tab(versions, text, target_label, target, a, cycle_end):
    """Saved versions of the case, and what changed between two of them."""
    if versions.empty:
        st.info("No saved version yet. Save one from the **Case draft & linter** tab: each draft you send for "
                "review stays here, with a diff between any two.")
    else:
        st.markdown(f"**{len(versions)} saved version(s)** of the {layout.escape_markdown(target_label)} case")
        st.dataframe(
            versions[["version", "created_at", "note", "chars"]], hide_index=True, width="stretch",
            column_config={"version": st.column_config.NumberColumn("Version", format="v%d"),
                           "created_at": st.column_config.DatetimeColumn("Saved", format="D MMM YYYY, HH:mm"),
                           "note": st.column_config.TextColumn("What changed", width="large"),
                           "chars": st.column_config.NumberColumn("Characters")})
        numbers = versions["version"].astype(int).tolist()
        options = ["editor", *numbers]

        def _label(o):
            return "the draft in the editor" if o == "editor" else f"version {o}"

        d1, d2 = st.columns(2)
        old = d1.selectbox("Compare", options, index=options.index(numbers[1] if len(numbers) > 1 else numbers[0]),
                           format_func=_label, key=f"diff_old_{len(numbers)}")
        new = d2.selectbox("with", options, index=options.index(numbers[0]) if len(numbers) > 1 else 0,
                           format_func=_label, key=f"diff_new_{len(numbers)}")
        by_number = dict(zip(numbers, versions["markdown"], strict=True))
        diff = pdraft.version_diff(text if old == "editor" else by_number[old], text if new == "editor" else by_number[new],
                               _label(old), _label(new))
        if not diff.text:
            st.success(f"No difference between {_label(old)} and {_label(new)}.")
        else:
            st.markdown(f"**{diff.added} line(s) added, {diff.removed} removed** from {_label(old)} to {_label(new)}")
            st.code(diff.text, language="diff", height=420)

    export_tab(text, target, a, cycle_end)


def export_tab(text, target, a, cycle_end):
    """Two downloads for two readers: the packet (the case only) and the private plan, each in three formats."""
    title = f"Promotion case: {a.target_title} ({target})"
    author = (a.profile or {}).get("name") or None
    formats = (("md", ":material/description:"), ("docx", ":material/article:"), ("html", ":material/print:"))
    st.markdown("**Export the packet** for your manager and the committee: the draft in the editor (saved or "
                "not) without its private plan, so no influence rating, advocate or gap leaves the app.")
    packet_row = st.container(horizontal=True)  # wraps at 1024 px rather than cutting a label
    for fmt, icon in formats:
        packet_row.download_button(
            f"Packet: {promo_export.FORMATS[fmt][0]}",
            data=lambda fmt=fmt: promo_export.export_packet(text, fmt, title, author),
            file_name=promo_export.file_name(target, cycle_end, fmt), mime=promo_export.FORMATS[fmt][1],
            key=f"download_{fmt}", icon=icon, on_click="ignore")
    st.caption(f"The HTML prints cleanly (print it to PDF from the browser). The same from the command line: "
               f"`careerdata promotion --target {target} --format docx -o case.docx`.")
    with st.container(border=True):
        st.markdown(f"**{promo_export.PRIVATE_HEADING}**: your advocates with their influence, who has heard "
                    "about which win, and the gaps you are closing. For you only; a separate file, marked private.")
        private_row = st.container(horizontal=True)
        for fmt, _icon in formats:
            private_row.download_button(
                f"Private plan: {promo_export.FORMATS[fmt][0]}",
                data=lambda fmt=fmt: promo_export.export_private(text, fmt, author),
                file_name=promo_export.file_name(target, cycle_end, fmt, private=True),
                mime=promo_export.FORMATS[fmt][1], key=f"download_private_{fmt}", icon=":material/lock:",
                on_click="ignore")
        st.caption(f"`careerdata promotion --private --target {target} -o plan.md` writes it from the command line.")


def plan_tab(view, case, now, review_date, cycle_start, case_key, a):
    """The plan that cultivates the lead before the review: dated steps and their status."""
    steps = view.steps
    states = state.read(pq.plan_states, int(case["id"])) if case else pd.DataFrame()
    table = pplan.plan_table(steps, states, now)
    progress = pplan.plan_progress(table)
    top_left, top_right = st.columns([2, 3], gap="large")
    with top_left, st.form("review_date", border=True):
        st.markdown("**Review date**: the calibration or promotion meeting. The plan is scheduled back from it.")
        picked = st.date_input("Review date", value=review_date, min_value=widgets.EARLIEST, key="promo_review_date")
        if st.form_submit_button("Save review date", type="primary"):
            chosen = widgets.validate(ReviewDate, {"review_date": picked, "cycle_start": cycle_start})
            if chosen and widgets.save(lambda: state.write(promo_repo.set_review_date, case_key, chosen),
                                       f"Review date set to {dates.format_day(picked)}"):
                st.rerun()
    with top_right:
        p = st.container(horizontal=True, gap="small")  # wraps rather than cutting a label at 1024 px
        p.metric("Done", progress["Done"], border=True)
        p.metric("Overdue", progress["Overdue"], border=True, help="Past their date and not done")
        p.metric("Due in 14 days", progress["Due soon"], border=True)
        p.metric("Later", progress["Upcoming"], border=True)
        st.caption("Cultivate the lead months ahead: ask what great looks like at the target level, keep the "
                   "sponsor and skip-level current, and review the draft with your manager mid-cycle.")
        worktrail.calendar_download(("plan", "review"), "promo_ics", now,
                                    (case_key.target_level, case_key.cycle_start, case_key.cycle_end))
    status_colors = {"Overdue": "#B91C1C", "Due soon": "#B45309", "Done": "#15803D", "Skipped": "#6B7280"}
    st.dataframe(
        table[["due", "step", "with", "status", "conversation"]].style.map(
            lambda v: f"color: {status_colors[v]}; font-weight: 600" if v in status_colors else "", subset=["status"]),
        hide_index=True, width="stretch",
        column_config={"due": st.column_config.DateColumn("Due", format="D MMM", width=65),
                       "step": st.column_config.TextColumn("Step", width=230, pinned=True),
                       "with": st.column_config.TextColumn("With", width=100),
                       "status": st.column_config.TextColumn("Status", width=75),
                       "conversation": st.column_config.TextColumn("Conversation logged", width=90)})
    contact_names = a.contacts["name"].tolist()
    if not contact_names:
        with st.container(border=True):
            st.markdown("**No contacts yet**: add your manager, skip-level and sponsor to log these conversations.")
            layout.page_link("journal", label="Add contacts", icon=":material/person_add:", tab="people")
    else:
        by_key = {s.key: s for s in steps}
        open_first = sorted(steps, key=lambda s: (table.set_index("key").loc[s.key, "status"] in ("Done", "Skipped"),
                                                  s.due))
        step_key = st.selectbox("Plan step", [s.key for s in open_first], key="plan_step",
                                format_func=lambda k: pplan.step_choice_label(by_key[k].due, by_key[k].title))
        step = by_key[step_key]
        st.markdown(f"**{layout.escape_markdown(step.title)}**")
        st.caption(layout.escape_markdown(step.why))
        gen = widgets.form_generation("plan_log")
        with st.form(f"plan_log_{step_key}_{gen}", border=True):
            st.markdown("**Log the conversation**: it is saved as a touch with the contact and marks the step done.")
            f1, f2, f3 = st.columns(3)
            who = f1.selectbox("With", contact_names, key=f"plan_who_{step_key}_{gen}",
                               index=contact_names.index(step.contact) if step.contact in contact_names else 0)
            when = f2.date_input("Date", value=now, min_value=widgets.EARLIEST, key=f"plan_date_{step_key}_{gen}")
            channel = f3.selectbox("Channel", vocab.INTERACTION_CHANNELS, key=f"plan_channel_{step_key}_{gen}")
            notes = st.text_area("What you asked and what you heard", key=f"plan_notes_{step_key}_{gen}", height=90)
            if st.form_submit_button("Log conversation and mark done", type="primary"):
                entry = widgets.validate(PlanStepLog, {"step_key": step_key, "interaction": {
                    "contact": who, "date": when, "channel": channel, "notes": notes}})
                if entry and widgets.save(lambda: state.write(promo_repo.log_plan_step, case_key, entry),
                                          f"Logged the conversation with {who}"):
                    widgets.reset_form("plan_log")
                    st.rerun()
        s1, s2, s3 = st.columns(3)
        for col, status, label in ((s1, "done", "Mark done without a note"), (s2, "skipped", "Skip this step"),
                                   (s3, "open", "Reopen")):
            if col.button(label, key=f"plan_set_{status}", width="stretch"):
                change = widgets.validate(PlanStepStatus, {"step_key": step_key, "status": status})
                if change and widgets.save(lambda change=change: state.write(promo_repo.set_plan_step, case_key,
                                                                             change), "Plan updated"):
                    st.rerun()
