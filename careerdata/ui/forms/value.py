"""Tabs of the Value proposition page: customer, offer, the impact ledger and the pitch."""

import streamlit as st

from careerdata.core import vocab
from careerdata.core.money import format_money
from careerdata.market.loader import PROXY_ATTRIBUTION
from careerdata.models.value import PitchVersion
from careerdata.ui import layout, state, widgets
from careerdata.value import customer as vc
from careerdata.value import pitch as vpitch
from careerdata.value import repo as repo_vp
from careerdata.value import view as views
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
            st.dataframe(strongest, hide_index=True, width="stretch", column_config={
                "name": "Skill", "kind": "Kind",
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
            st.dataframe(best[["need", "title", "best_metric", "money", "hours", "confidence", "score"]],
                         hide_index=True, width="stretch", column_config={
                             "need": "Need", "title": st.column_config.TextColumn("Accomplishment", width="large"),
                             "best_metric": st.column_config.TextColumn("Quantified impact", width="medium"),
                             "money": st.column_config.TextColumn("USD/yr"),
                             "hours": st.column_config.NumberColumn("Hours/yr", format="%.0f"),
                             "confidence": "Confidence",
                             "score": st.column_config.NumberColumn("Match", help="0–6, see How it's computed")})


def ledger_tab(view, now):
    """The impact ledger by quarter, category and confidence, with the metrics behind a bar."""
    if not view.has_metrics:
        layout.empty_state("No impact metrics yet: add a baseline, a new value and what it was worth to a win.",
                           "journal", "Quantify a win")
    else:
        c1, c2 = st.columns(2)
        measure_label = c1.radio("Measure", ["Money (USD/yr)", "Hours saved (h/yr)"], horizontal=True,
                                 key="ledger_measure")
        span = c2.radio("Period", ["All time", "Last 12 quarters"], horizontal=True, key="ledger_span")
        measure = "money_usd" if measure_label.startswith("Money") else "hours"
        book = state.read(views.ledger, measure, 12 if span == "Last 12 quarters" else None, now)
        conf = book.by_confidence
        money = measure == "money_usd"

        def fmt(v: float) -> str:
            return format_money(v) if money else f"{v:,.0f} h"

        kpis = layout.kpi_row()
        kpis.metric("All-time run-rate", fmt(float(conf["value"].sum())),
                     help="Σ of every impact metric's " + ("money (USD a year)" if money else "hours saved a year")
                          + ": the yearly value of everything you have delivered. Your estimates.", border=True)
        for row in conf.itertuples(index=False):
            kpis.metric(vocab.CONFIDENCE_LABELS[row.confidence], fmt(row.value),
                       delta=f"{row.share:.0%} of the total · {row.metrics} metric(s)" if row.share is not None
                       else f"{row.metrics} metric(s)", delta_color="off", delta_arrow="off", border=True,
                       help="verified: confirmed by a named person · measured: from a dashboard or data · "
                            "estimated: your own guess")
        if book.figure is None:
            st.info("No " + ("money" if money else "hours") + " figures in this period: switch the measure or the "
                    "period, or add them to your metrics in the Journal.")
            event = None
        else:
            event = st.plotly_chart(book.figure, theme=None,
                                    key="ledger_chart", on_select="rerun", selection_mode="points")
        st.caption("Bars: the quarter the work was done (end date, or start date while ongoing), coloured by impact "
                   "category; the more solid the bar, the surer the figure (verified, measured, estimated). Line: cumulative yearly value delivered to date (a run-rate, "
                   "not cash). Source: your career file; your own estimates.")

        st.markdown("##### What is behind a bar")
        bar_quarters = book.bar_quarters
        points = event.selection.points if event is not None and event.selection else []
        if points:
            picked = points[0]
            picked_key = (picked.get("x"), (picked.get("customdata") or [None])[0])
            if picked_key != st.session_state.get("_ledger_pick") and picked_key[0] in bar_quarters:
                st.session_state["_ledger_pick"] = picked_key
                st.session_state["ledger_quarter"] = picked_key[0]
                st.session_state["ledger_category"] = picked_key[1] or ""
        if bar_quarters:
            if st.session_state.get("ledger_quarter") not in bar_quarters:  # default: the biggest quarter
                st.session_state["ledger_quarter"] = book.biggest
            d1, d2 = st.columns(2)
            quarter = d1.selectbox("Quarter", bar_quarters, key="ledger_quarter", help="Or click a bar in the chart.")
            cats = [""] + book.categories[quarter]
            if st.session_state.get("ledger_category") not in cats:
                st.session_state["ledger_category"] = ""
            category = d2.selectbox("Category", cats, key="ledger_category",
                                    format_func=lambda c: vocab.IMPACT_CATEGORY_LABELS.get(c, "All categories"))
            drill = state.read(views.ledger_drill, quarter, category or None, measure)
            drill["category"] = drill["category"].map(vocab.IMPACT_CATEGORY_LABELS)
            drill["value"] = [fmt(v) if v == v and v else "" for v in drill["value"]]
            st.dataframe(drill, hide_index=True, width="stretch", column_config={
                "accomplishment": st.column_config.TextColumn("Accomplishment", width="large"),
                "done_on": st.column_config.DateColumn("Done", format="MMM YYYY"),
                "category": "Category", "metric": st.column_config.TextColumn("Metric", width="large"),
                "value": st.column_config.TextColumn("USD/yr" if money else "Hours/yr"),
                "confidence": "Confidence", "verified_by": "Verified by"})
        by_category = book.by_category
        with st.expander("Totals by category"):
            st.dataframe(by_category.assign(category=by_category["category"].map(vocab.IMPACT_CATEGORY_LABELS),
                                            value=[fmt(v) for v in by_category["value"]]),
                         hide_index=True, width="stretch", column_config={
                             "category": "Category",
                             "value": st.column_config.TextColumn("USD/yr" if money else "Hours/yr"),
                             "metrics": "Metrics", "share": st.column_config.NumberColumn("Share", format="percent")})


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
                b1, b2 = st.columns(2)
                if b1.button(f"Save as version {version_key + 1}", key=f"save_{kind}", type="primary",
                             icon=":material/save:"):
                    pitch = widgets.validate(PitchVersion, {
                        "target_key": target.key, "target_label": target.label, "target_role_id": target.role_id,
                        "kind": kind, "text": text})
                    if pitch and widgets.save(lambda p=pitch: state.write(repo_vp.save_pitch, p),
                                              f"Saved the {vocab.PITCH_KIND_LABELS[kind]} as version {version_key + 1}"):
                        st.session_state[f"_pitch_fresh_{kind}_{target.key}"] = False
                        st.rerun()
                if b2.button("Start again from the draft", key=f"fresh_{kind}", icon=":material/restart_alt:"):
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
