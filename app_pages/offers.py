"""Offers: total compensation year by year, the market, and the negotiation with a script to rehearse."""

import streamlit as st

from careerdata.core.clock import today
from careerdata.market.loader import OEWS_ATTRIBUTION
from careerdata.offers import comp, negotiation
from careerdata.offers import repo as ro
from careerdata.offers import view as ov
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import offers as offer_form

esc = layout.escape_markdown
KPI_WIDTH = 232  # px: four across at 1440, two by two at 1024
layout.header("Offers", "Which offer pays most over four years, what would you leave behind, and what should you "
                        "ask for?")
widgets.show_flash()
now = today()
view = state.read(ov.offers, now)


def add_form() -> None:
    gen = widgets.form_generation("new_offer")
    new = offer_form.offer_form(f"new_offer_{gen}", None, view.opportunities, "Add this offer")
    if new and widgets.save(lambda: state.write(ro.add_offer, new), f"Added {new.label}"):
        widgets.reset_form("new_offer")
        st.rerun()


if not view.entries:
    with st.container(border=True):
        st.markdown("**No offers yet.** When an opportunity reaches the offer stage, add its offer here (base, bonus, "
                    "sign-on, equity and vesting) with your current job's package, and see four years side by side, "
                    "where each sits in the market, and what to ask for.")
        layout.page_link("pipeline", label="Move an opportunity to the offer stage", icon=":material/filter_alt:")
        layout.page_link("import_export", label="Or import a spreadsheet of offers (CSV template: offers.csv)",
                         icon=":material/upload_file:", tab="import")
    add_form()
    st.stop()

# --- headline ----------------------------------------------------------------------------------------
current = view.current
offers_only = [e for e in view.entries if not e.comp.offer.current_job]
kpis = st.container(horizontal=True, wrap=True)  # cards wrap to two rows on a narrow window
k1, k2, k3, k4 = (kpis.container(width=KPI_WIDTH) for _ in range(4))
for col, (cur, group) in zip((k1, k2), list(view.groups.items())[:2], strict=False):
    best = max((c for c in group if not c.offer.current_job), key=lambda c: c.total_4y, default=group[0])
    diff = next((d for d in view.differences if d.offer is best and d.delta_4y is not None), None)
    col.metric(f"{'Staying' if best.offer.current_job else 'Best'} 4 years ({cur})",
               comp.money_short(best.total_4y, cur), border=True,
               delta=best.offer.label,
               delta_color="off", delta_arrow="off",
               help="The offer that pays most over years 1-4 of total compensation, in its currency; vs staying: "
                    "minus your current job's four years (which include the equity you would leave behind)"
                    + (f": {comp.signed(diff.delta_4y, cur)}." if diff else "."))
if len(view.groups) < 2:
    currencies = sorted({e.comp.currency for e in offers_only})
    k2.metric("Offers", f"{len(offers_only)}", delta=f"in {' and '.join(currencies)}" if currencies else None,
              delta_color="off", delta_arrow="off", border=True, help="Offers on file (the current job not counted).")
k3.metric("Left behind", comp.money_short(current.comp.left_behind, current.comp.currency) if current else "—",
          delta="unvested equity if you leave" if current else "add your current job", delta_color="off",
          delta_arrow="off", border=True, help="Your current job's grant value × (100% − the % vested today), at "
                                               "today's price: what leaving forfeits.")
k4.metric("Wins to quote", f"{view.wins}", delta="quantified, last 3 years", delta_color="off",
          delta_arrow="off", border=True, help="Accomplishments with an impact metric done in the last three years: "
                                               "the script quotes the top three.")

tab_compare, tab_market, tab_negotiate, tab_edit = st.tabs(["Compare", "Market", "Negotiate", "Add or edit"])

with tab_compare:
    for cur in view.groups:
        st.plotly_chart(view.years_charts[cur], theme=None, key=f"offer_years_{cur}")
        with layout.scrolling_table(f"offers_{cur}"):  # the totals first, year by year after them
            st.dataframe(view.tables[cur], hide_index=True, width="stretch", key=f"offer_table_{cur}",
                         column_order=["Offer", "4-year total", "vs staying (4 years)", "A year on average",
                                       "Year 1", "Year 2", "Year 3", "Year 4", "Title"],
                         column_config={"Offer": st.column_config.TextColumn(pinned=True)})
        st.caption(f"Amounts in {cur}, never added to another currency. Year y = base + bonus target + sign-on "
                   "(year 1) + equity vesting that year + refreshers (granted yearly from year 2) + benefits (your "
                   "estimate); no raises assumed. The current job counts from today; offers from their start date. "
                   "Source: your career file.")
        st.plotly_chart(view.components_charts[cur], theme=None, key=f"offer_parts_{cur}")
    if len(view.groups) > 1:
        st.info("Offers in different currencies are shown each in its own currency and never summed or compared "
                "as numbers: no exchange rate is assumed.", icon=":material/currency_exchange:")
    for e in view.entries:
        for note in e.comp.notes:
            st.markdown(f"- **{esc(e.comp.offer.label)}**: {esc(note)}")
    pick = st.selectbox("Year by year, part by part", [e.id for e in view.entries], key="offer_breakdown",
                        format_func=lambda i: view.entry(i).comp.offer.label)
    st.dataframe(ov.component_table(view.entry(pick).comp), hide_index=True, width="stretch", key="offer_parts_table")

with tab_market:
    for occ, fig in view.placement_charts.items():
        st.plotly_chart(fig, theme=None, key=f"offer_market_{occ}")
        p = next(e.placement for e in view.entries if e.placement.occupation == occ and e.placement.points)
        st.caption(f"Grey: BLS OEWS May {p.year} national annual wage percentiles for {p.title} ({occ}), all "
                   f"experience levels, base pay only. Light bars: the band each base is measured against, the "
                   "estimate for the offer's ladder level (an estimate: the level mapped to a percentile band, as on "
                   f"Target roles) or else the 50th–90th percentiles. {' '.join(p.notes)} {OEWS_ATTRIBUTION} Indigo: "
                   "the base of each offer (your figures).")
    for e in view.entries:
        vs_level = f"; {e.placement.versus_level}" if e.placement.versus_level else ""
        band = f" ({e.placement.band.label})" if e.placement.band else ""
        st.markdown(f"- **{esc(e.comp.offer.label)}**: base {esc(comp.money(e.comp.offer.base, e.comp.currency))}, "
                    f"{esc(e.placement.where)}{esc(vs_level)}{esc(band)}.")

with tab_negotiate:
    if not offers_only:
        st.info("Add an offer to plan its negotiation: only your current job is on file.")
    else:
        nid = st.selectbox("Offer to negotiate", [e.id for e in offers_only], key="offer_negotiate",
                           format_func=lambda i: view.entry(i).comp.offer.label)
        e = view.entry(nid)
        cur, plan, script = e.comp.currency, e.plan, e.script
        numbers = st.container(horizontal=True, wrap=True)  # two by two on a narrow window
        n1, n2, n3, n4 = (numbers.container(width=KPI_WIDTH) for _ in range(4))
        n1.metric("Offer as it stands", comp.money(e.comp.average, cur), help="4-year total / 4.", border=True)
        n2.metric("Anchor (open here)", comp.money(plan.anchor, cur), border=True)
        n3.metric("Target", comp.money(plan.target, cur), border=True)
        n4.metric("Walk-away", comp.money(plan.walk_away, cur), border=True,
                  help="Your best alternative: below it, take that instead.")
        st.markdown("**Why these numbers** (a year, total compensation, " + cur + ")\n\n"
                    + "\n".join(f"- {esc(r)}" for r in plan.reasoning))
        left, right = st.columns(2, gap="large")
        with left:
            st.markdown(f"**Opening**\n\n{esc(script.opening)}")
            st.markdown(f"**The ask**\n\n{esc(script.ask)}")
            st.markdown("**What not to say**\n\n" + "\n".join(f"- {esc(d)}" for d in script.dont_say))
        with right:
            st.markdown("**Objections and answers**")
            for n, (q, a) in enumerate(script.objections):
                with st.expander(q, expanded=n == 0):
                    st.markdown(esc(a))
        draft = negotiation.conversation(plan, script, now)
        label = "Update the conversation with this draft" if e.conversation_id else "Save to Conversations to rehearse"
        if st.button(label, type="primary", key=f"save_negotiation_{nid}", icon=":material/forum:") and widgets.save(
                lambda: state.write(ro.save_negotiation, nid, draft),
                f"Saved “{draft.title}” in Conversations: rehearse it there"):
            st.rerun()
        if e.conversation_id:
            log = (f"rehearsed {e.rehearsals} time{'s' if e.rehearsals != 1 else ''}, confidence {e.confidence}/5 "
                   "after the latest" if e.rehearsals else "not rehearsed yet")
            st.caption(f"Saved as “{esc(draft.title)}” in Conversations with its objection cards: {log}. Updating it "
                       "keeps the rehearsal log.")
            if st.button("Rehearse it in Conversations", key=f"open_conv_{nid}", icon=":material/arrow_forward:"):
                st.session_state["_conv_select"] = e.conversation_id
                st.switch_page(layout.page_file("conversations"))

with tab_edit:
    st.markdown("**Add an offer**")
    add_form()
    st.divider()
    eid = st.selectbox("Edit an offer", [e.id for e in view.entries], key="offer_edit",
                       format_func=lambda i: view.entry(i).comp.offer.label)
    chosen = view.entry(eid).comp.offer
    edited = offer_form.offer_form(f"edit_offer_{eid}", chosen, view.opportunities, "Save changes")
    if edited and widgets.save(lambda: state.write(ro.update_offer, eid, edited), f"Saved {edited.label}"):
        st.rerun()
    with st.popover("Delete this offer", icon=":material/delete:"):
        st.markdown(f"Delete **{esc(chosen.label)}**? A negotiation saved in Conversations stays there.")
        if st.button("Delete", type="primary", key=f"delete_offer_{eid}") and widgets.save(
                lambda: state.write(ro.delete_offer, eid), f"Deleted {chosen.label}"):
            st.rerun()
