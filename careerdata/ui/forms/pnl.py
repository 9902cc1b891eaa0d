"""The Career P&L page: the impact ledger of every metric, by quarter, category and confidence, with the
wins behind a bar (figures from careerdata.value.view.ledger and ledger_drill)."""

import streamlit as st

from careerdata.core import vocab
from careerdata.core.money import format_money
from careerdata.pnl import view as views
from careerdata.pnl.queries import has_metrics
from careerdata.ui import layout, state


def ledger(now):
    """The impact ledger by quarter, category and confidence, with the metrics behind a bar."""
    if not state.read(has_metrics):
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
            with layout.scrolling_table("ledger_drill"):  # the figure first; when and who after
                st.dataframe(drill, hide_index=True, width="stretch", column_order=[
                    "accomplishment", "metric", "value", "confidence", "verified_by", "category", "done_on"],
                    column_config={
                    "accomplishment": st.column_config.TextColumn("Accomplishment", width="medium", pinned=True),
                    "done_on": st.column_config.DateColumn("Done", format="MMM YYYY"),
                    "category": "Category", "metric": st.column_config.TextColumn("Metric", width="medium"),
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
