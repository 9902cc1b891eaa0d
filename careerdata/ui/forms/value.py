"""Tabs of the Value proposition page: customer, offer and the pitch."""

import streamlit as st

from careerdata.core import vocab
from careerdata.core.money import format_money
from careerdata.market.loader import PROXY_ATTRIBUTION
from careerdata.models.value import PitchVersion
from careerdata.ui import layout, state, widgets
from careerdata.value import customer as vc
from careerdata.value import pitch as vpitch
from careerdata.value import repo as repo_vp
from careerdata.value.queries import pitch_versions


def customer_tab(esc, target, task_stand_in, jobs, coverage):
    """The customer: what the target is hired to do and the needs that follow."""
    st.markdown(f"**{esc(target.label)}**" + (f" · O\\*NET occupation {esc(target.occupation)} ({target.onet_code})"
                                            if target.occupation and target.role_id is not None else ""))
    if task_stand_in:
        st.warning(f"O\\*NET 29.3 lists no tasks for {target.onet_code}; these are the tasks of the stand-in "
                   f"occupation {task_stand_in}. {esc(PROXY_ATTRIBUTION)}", icon=":material/swap_horiz:")
    c_jobs, c_pains, c_gains = st.columns(3, gap="large")
    with c_jobs:
        st.markdown("##### Jobs to be done")
        st.caption("What this customer hires the role to do.")
        ladder_jobs = jobs[jobs["origin"] == "ladder"]
        onet_jobs = jobs[jobs["origin"] == "onet"]
        if ladder_jobs.empty and onet_jobs.empty:
            st.info("No ladder level and no O\\*NET tasks for this target.")
        for r in ladder_jobs.head(5).itertuples(index=False):
            st.markdown(f"- {esc(r.text)}  \n  *{esc(r.source)}*")
        for r in onet_jobs.head(vc.TASKS_SHOWN - min(5, len(ladder_jobs))).itertuples(index=False):
            st.markdown(f"- {esc(r.text)}  \n  *{esc(r.source)}*")
        if len(jobs) > vc.TASKS_SHOWN:
            with st.expander(f"All {len(jobs)} jobs"):
                st.dataframe(jobs[["text", "source"]], hide_index=True, width="stretch",
                             column_config={"text": st.column_config.TextColumn("Job", width="large"),
                                            "source": "Source"})
    for column, kind, heading, blurb in (
            (c_pains, "pain", "Pains", "What goes wrong for this customer when the job is done badly."),
            (c_gains, "gain", "Gains", "Outcomes this customer wants more of, incl. what the next level adds.")):
        with column:
            st.markdown(f"##### {heading}")
            st.caption(blurb)
            part = coverage[coverage["kind"] == kind]
            if part.empty:
                st.info(f"No {heading.lower()} found in this customer's job sentences.")
            for r in part.itertuples(index=False):
                with st.container(border=True):
                    st.markdown(f"**{esc(r.label)}**")
                    st.caption(f"“{esc(r.detail)}” — {esc(r.source)}")
                    proof = f"{r.wins} of your wins address it" if r.wins else "no proof yet: a gap to close"
                    st.caption(proof + (f" · {format_money(r.money_usd)}/yr" if r.money_usd else ""))


def offer_tab(has_wins, strongest, view, stand_ins, target, esc):
    """The offer: your wins that meet each need, and the needs you cannot show yet."""
    if not has_wins:
        layout.empty_state("Your offer is your evidence: log accomplishments with skills, competencies and metrics.",
                           "journal", "Log a win")
    else:
        st.markdown("##### Strongest skills with evidence")
        if strongest.empty:
            st.info("None of your skills is linked to an accomplishment yet: link skills when you log a win.")
        else:
            with layout.scrolling_table("strongest_skills"):
                st.dataframe(strongest, hide_index=True, width="stretch", column_config={
                "name": st.column_config.TextColumn("Skill", pinned=True), "kind": "Kind",
                "evidence_level": st.column_config.NumberColumn("Evidence (0–5)", format="%.1f"),
                "accomplishments": st.column_config.NumberColumn("Wins"),
                "quantified": st.column_config.NumberColumn("With a metric"),
                "market_value": st.column_config.NumberColumn("Market value", format="%.0f",
                                                              help="The skill-value index for this occupation"),
                "value_source": "Value from",
                "strength": st.column_config.NumberColumn("Evidence × value", format="%.0f")})
            st.caption("Evidence level (0–5) from your linked wins; market value from the skill-value model"
                       + (f" for {esc(target.occupation)}: O\\*NET® 29.3 importance and level, weighted by the BLS "
                          f"OEWS May {view.reference_year} median wage and BLS projected growth 2024–34"
                          if target.occupation else " (no O\\*NET occupation for this target, so none)") + ".")
            for code, proxy in stand_ins.items():
                st.caption(f"O\\*NET 29.3 has no skill ratings for {code}; market values use the stand-in "
                           f"occupation {proxy} (chosen by this project, not O\\*NET data).")
        st.markdown("##### Pain relievers and gain creators")
        st.caption("Your best three proofs per need: accomplishments with a metric in the need's category or a "
                   "link to its competency, plus shared words. Money and hours are your estimates, per year.")
        best = view.proofs
        if best.empty:
            st.info("None of your accomplishments addresses these needs yet.")
        else:
            best["money"] = [format_money(v) if v else "" for v in best["money_usd"]]
            with layout.scrolling_table("proofs"):
                st.dataframe(best[["need", "title", "best_metric", "money", "hours", "confidence", "score"]],
                         hide_index=True, width="stretch", column_config={
                             "need": st.column_config.TextColumn("Need", width="medium", pinned=True),
                             "title": st.column_config.TextColumn("Accomplishment", width="large"),
                             "best_metric": st.column_config.TextColumn("Quantified impact", width="medium"),
                             "money": st.column_config.TextColumn("USD/yr"),
                             "hours": st.column_config.NumberColumn("Hours/yr", format="%.0f"),
                             "confidence": "Confidence",
                             "score": st.column_config.NumberColumn("Match", help="0–6, see How it's computed")})


def pitch_tab(has_wins, target, esc, view):
    """The 30-second and 2-minute pitches: drafted, edited, timed and saved."""
    if not has_wins:
        layout.empty_state("A pitch is drafted from your evidence: log a few wins with their impact first.",
                           "journal", "Log a win")
    else:
        versions = state.read(pitch_versions, target.key)
        latest = vpitch.latest_versions(versions)
        st.caption(f"Drafted from your top evidence for {esc(target.short)}, without any AI service. Edit it, "
                   "save it as a version, copy it from the box below the editor. Speaking time at "
                   f"{vpitch.WORDS_PER_MINUTE} words a minute.")
        cols = st.columns(2, gap="large")
        for col, kind in zip(cols, vocab.PITCH_KINDS, strict=True):
            with col:
                saved = latest.get(kind)
                gen = widgets.form_generation(f"pitch_{kind}_{target.key}")
                fresh = st.session_state.get(f"_pitch_fresh_{kind}_{target.key}", False)
                draft = view.drafts[kind]
                start = draft if fresh or not saved else saved["text"]
                version_key = saved["version"] if saved else 0
                key = f"pitch_{kind}_{target.key}_{version_key}_{gen}"
                st.markdown(f"##### {vocab.PITCH_KIND_LABELS[kind]}")
                st.caption(f"Version {saved['version']} saved {saved['created_at']:%d %b %Y %H:%M}"
                           if saved and not fresh else "Fresh draft, not saved yet")
                text = st.text_area(vocab.PITCH_KIND_LABELS[kind], value=start, key=key,
                                    height=200 if kind == "30s" else 420, label_visibility="collapsed")
                st.caption(f"{vpitch.word_count(text)} words · about {vpitch.speaking_seconds(text)} s aloud")
                buttons = st.container(horizontal=True)  # side by side when they fit, else one under the other
                if buttons.button(f"Save as version {version_key + 1}", key=f"save_{kind}", type="primary",
                             icon=":material/save:"):
                    pitch = widgets.validate(PitchVersion, {
                        "target_key": target.key, "target_label": target.label, "target_role_id": target.role_id,
                        "kind": kind, "text": text})
                    if pitch and widgets.save(lambda p=pitch: state.write(repo_vp.save_pitch, p),
                                              f"Saved the {vocab.PITCH_KIND_LABELS[kind]} as version {version_key + 1}"):
                        st.session_state[f"_pitch_fresh_{kind}_{target.key}"] = False
                        st.rerun()
                if buttons.button("Start again from the draft", key=f"fresh_{kind}", icon=":material/restart_alt:"):
                    st.session_state[f"_pitch_fresh_{kind}_{target.key}"] = True
                    widgets.reset_form(f"pitch_{kind}_{target.key}")
                    st.rerun()
                st.code(text, language=None, wrap_lines=True, height=150)
                st.caption("Copy with the button at the top right of the box above.")
        if not versions.empty:
            with st.expander(f"Saved versions for {target.label} ({len(versions)})"):
                st.dataframe(versions[["kind", "version", "created_at", "text"]], hide_index=True, width="stretch",
                             column_config={"kind": "Pitch", "version": "Version",
                                            "created_at": st.column_config.DatetimeColumn("Saved",
                                                                                          format="D MMM YYYY, HH:mm"),
                                            "text": st.column_config.TextColumn("Text", width="large")})
