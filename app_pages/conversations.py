"""Conversations: plan and rehearse the uncomfortable ones (a raise, a promotion, scope, on-call)."""

import pandas as pd
import streamlit as st

from careerdata.conversations import analytics as cv
from careerdata.conversations import charts as cvc
from careerdata.conversations import queries as cvq
from careerdata.conversations import repo as cvr
from careerdata.core import dates, money, vocab
from careerdata.core.clock import today
from careerdata.journal import queries, repo
from careerdata.market.loader import OEWS_ATTRIBUTION
from careerdata.models import conversations as mc
from careerdata.network import analytics as sa
from careerdata.network import queries as qs
from careerdata.ui import layout, state, widgets, worktrail
from careerdata.ui.forms import conversations as cvf

layout.header("Conversations", "Which hard conversation comes next, and are you ready for it?")
widgets.show_flash()

now = today()
convs = state.read(cvq.conversations)
contact_names = state.read(queries.names, "contact")
profile = state.read(queries.profile) or {}
current_pay = profile.get("current_pay")


if convs.empty:
    with st.container(border=True):
        st.markdown("**No hard conversations planned yet.** Pick the one you have been putting off (a raise, a "
                    "promotion, fairer on-call, more scope) and plan it below. Talking points are drafted from your "
                    "own evidence and public pay data, and you can rehearse and log it here.")
        if not contact_names:
            layout.page_link("journal", label="Add the person you will talk to as a contact", tab="people",
                             icon=":material/person_add:")
    gen = widgets.form_generation("new_conv")
    new = cvf.plan_form(f"new_conv_{gen}", None, "Plan this conversation")
    if new and widgets.save(lambda: state.write(repo.add_conversation, new), f"Planned “{new.title}”"):
        widgets.reset_form("new_conv")
        st.rerun()
    st.stop()

# --- which conversation -------------------------------------------------------------------
ids = convs["id"].tolist()
if "_conv_select" in st.session_state:
    st.session_state["conv_pick"] = st.session_state.pop("_conv_select")
if st.session_state.get("conv_pick") not in ids:
    st.session_state.pop("conv_pick", None)
upcoming = cv.next_conversation(convs, now)
by_id = convs.set_index("id")


def conv_label(cid: int) -> str:
    row = by_id.loc[cid]
    when = dates.as_date(row["planned_for"])
    return f"{row['title']} · {when:%d %b %Y}" if when else f"{row['title']} · no date"


st.session_state.setdefault("conv_pick", upcoming["id"] if upcoming else ids[0])
cid = st.selectbox("Conversation", ids, format_func=conv_label, key="conv_pick",
                   help="The next upcoming conversation is picked for you.")
conv = {k: (None if not isinstance(v, list | dict) and pd.isna(v) else v) for k, v in by_id.loc[cid].to_dict().items()}
conv["id"] = cid
objections = state.read(cvq.objections, cid)
rehearsals = state.read(cvq.rehearsals, cid)
ready = cv.readiness(rehearsals, objections)
planned = dates.as_date(conv["planned_for"])

kpis = layout.kpi_row()
kpis.metric("When", f"{planned:%d %b %Y}" if planned else "—", delta=dates.when_label(planned, now), delta_color="off",
          delta_arrow="off", border=True, help="The date you plan to have this conversation.")
kpis.metric("Confidence", f"{ready.latest_after} / 5" if ready.latest_after else "—",
          delta=(f"{ready.gain:+d} over {ready.rehearsals} rehearsal(s)" if ready.gain is not None
                 else "not rehearsed yet"), delta_color="normal" if ready.gain else "off",
          delta_arrow="auto" if ready.gain else "off", border=True,
          help="Your confidence after the latest rehearsal, and the change from before the first one (1–5).")
kpis.metric("Objection cards answered", f"{ready.answered} of {ready.objections}", border=True,
          help="Objections you expect, with a prepared answer that is not blank.")
kpis.metric("Status", vocab.CONVERSATION_STATUS_LABELS[conv["status"]],
          delta=f"{vocab.CONVERSATION_KIND_LABELS[conv['kind']]}" + (f" with {conv['counterpart']}" if conv["counterpart"] else ""),
          delta_color="off", delta_arrow="off", border=True)

# --- pay: occupation, percentiles and numbers ---------------------------------------------
market = state.read(cvq.market_pay)
codes = market["onet_soc_code"].tolist()
occ_titles = dict(zip(market["onet_soc_code"], market["title"], strict=True))
saved_occ = conv.get("onet_soc_code")
occupation = cv.default_occupation(saved_occ, state.read(cvq.target_role_occupations), codes)
own = {k: (None if conv[k] is None else float(conv[k])) for k in ("anchor", "target", "walk_away")}
is_money = conv["kind"] == "raise" or any(v is not None for v in own.values())


def _save_occupation(conversation_id: int, key: str) -> None:
    state.write(cvr.set_conversation_occupation, conversation_id, mc.PayOccupation(onet_soc_code=st.session_state[key]))
    st.session_state["flash"] = "Saved the pay benchmark occupation"


occ_key = f"conv_occ_{cid}"
if occ_key in st.session_state and st.session_state[occ_key] in codes:
    occupation = st.session_state[occ_key]
market_row = market[market["onet_soc_code"] == occupation].iloc[0].to_dict() if occupation else None
points = state.read(cvq.pay_points)
my_points = points[points["onet_soc_code"] == occupation] if occupation else points.iloc[0:0]
suggestion = cv.suggest_numbers(current_pay, market_row, my_points["amount"].tolist())

if is_money and market_row is not None:
    chart_col, side_col = st.columns([3, 1], gap="large")
    with side_col:
        st.selectbox("Pay benchmark (occupation)", codes, index=codes.index(occupation), key=occ_key,
                     format_func=lambda c: f"{occ_titles[c]} ({c})", on_change=_save_occupation, args=(cid, occ_key),
                     help="Whose BLS pay percentiles to compare with; saved with this conversation. Defaults to "
                          "the occupation most of your target roles map to.")
        pos = cv.pay_percentile(current_pay, market_row)
        st.metric("Your current pay", money.format_money_exact(current_pay) if current_pay else "—",
                  delta=pos.label if pos else None, delta_color="off", delta_arrow="off", border=True,
                  help="Your base pay from your profile (stays on this machine), placed among the BLS percentiles.")
        if not current_pay:
            layout.page_link("journal", label="Add your current pay", icon=":material/payments:", tab="profile")
    with chart_col:
        comparison = cv.pay_comparison(market_row, current_pay, own, my_points)
        st.plotly_chart(cvc.pay_chart(comparison, market_row, cv.pay_finding(market_row, current_pay, own["target"])),
                        theme=None, key="pay_chart")
        notes = []
        if market_row.get("wage_is_soc_aggregate"):
            notes.append(f"The wages cover the whole group “{market_row['wage_occ_title']}”, not only this specialty.")
        if market_row.get("topcoded_fields"):
            notes.append(f"BLS top-codes wages of ${cv.TOPCODE_USD:,} or more; those percentiles are not shown.")
        st.caption(f"Grey: BLS OEWS May {market_row['year']} national annual wage percentiles for "
                   f"{market_row['title']} ({occupation}), all experience levels, base pay only. "
                   + " ".join(notes)
                   + f" {OEWS_ATTRIBUTION} Indigo: your own figures (current pay from your profile, your anchor, "
                   "target and walk-away, and pay data points you collected for target roles in this occupation), "
                   "from your career file.")
elif not rehearsals.empty:
    st.plotly_chart(cvc.rehearsal_chart(rehearsals), theme=None, key="rehearsal_chart_head")
    st.caption("Confidence you logged before and after each rehearsal, 1–5 (your own rating). Source: your career file.")
else:
    with st.container(border=True):
        st.markdown("**Not rehearsed yet.** Say it out loud, with a friend playing the other side or into a recording, "
                    "then log how confident you felt before and after on the Rehearsals tab. Confidence you can see "
                    "growing is the best sign you are ready.")

# --- the draft ---------------------------------------------------------------------------
mentions = state.read(qs.win_mentions)
counterpart_id = conv.get("counterpart_id")
heard = set(mentions.loc[mentions["contact_id"] == counterpart_id, "accomplishment_id"]) \
    if counterpart_id is not None else set()
levels = state.read(queries.ladder_levels)
influence = state.read(qs.influence_expectations)
target_level = sa.default_target_level(profile.get("current_level"), levels)
level_row = influence[influence["code"] == target_level] if target_level and not influence.empty else influence
level_expectation = ((f"{level_row.iloc[0]['title']} ({target_level})", str(level_row.iloc[0]["text"]))
                     if not level_row.empty and isinstance(level_row.iloc[0]["text"], str) else None)
draft = cv.draft_talking_points(
    conv, state.read(queries.accomplishments), now, heard=heard, market=market_row if is_money else None,
    current_pay=current_pay, pay_points=my_points if is_money else None, numbers=suggestion,
    level_expectation=level_expectation)


tab_labels = {
    "points": "Talking points",
    "numbers": "Numbers",
    "objections": f"Objections ({ready.objections})",
    "rehearsals": f"Rehearsals ({ready.rehearsals})",
    "plan": "Plan & outcome",
    "new": "Plan a new conversation",
}
tab_points, tab_numbers, tab_obj, tab_reh, tab_plan, tab_new = st.tabs(
    list(tab_labels.values()), default=tab_labels.get(st.query_params.get("tab", "points"), tab_labels["points"]))

with tab_points:
    cvf.talking_points_tab(cid, conv, draft)

with tab_numbers:
    cvf.numbers_tab(cid, own, suggestion, my_points)

with tab_obj:
    cvf.objections_tab(conv, objections, cid)

with tab_reh:
    worktrail.calendar_download(("rehearsals",), "conversations_ics", now)
    cvf.rehearsals_tab(rehearsals, is_money, cid, now)

with tab_plan:
    cvf.plan_tab(cid)

with tab_new:
    cvf.new_conversation_tab()
