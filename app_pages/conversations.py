"""Conversations: plan and rehearse the uncomfortable ones (a raise, a promotion, scope, on-call)."""

import pandas as pd
import streamlit as st

from careerdata.core.clock import today
from careerdata.journal import queries, repo
from careerdata.market.loader import OEWS_ATTRIBUTION
from careerdata.models import career as m
from careerdata.models import network as ms
from careerdata.network import analytics as sa
from careerdata.network import charts as cs
from careerdata.network import queries as qs
from careerdata.network import repo as rs
from careerdata.ui import layout, state, widgets, worktrail

KIND_LABELS = {"raise": "Raise", "promotion": "Promotion", "scope": "More scope", "on_call": "On-call load",
               "other": "Other"}
STATUS_LABELS = {"planned": "Planned", "rehearsing": "Rehearsing", "done": "Done", "cancelled": "Cancelled"}

layout.header("Conversations", "Which hard conversation comes next, and are you ready for it?")
widgets.show_flash()

now = today()
convs = state.read(qs.conversations)
contact_names = state.read(queries.names, "contact")
profile = state.read(queries.profile) or {}
current_pay = profile.get("current_pay")


def plan_form(key: str, initial: m.Conversation | None, submit: str) -> m.Conversation | None:
    """The plan of a conversation (numbers, talking points and cards are edited in their own tabs)."""
    c = initial
    with st.form(key, border=True):
        c1, c2, c3, c4 = st.columns([3, 1, 2, 1])
        title = c1.text_input("Title", value=c.title if c else "", key=f"{key}_title",
                              placeholder="Ask Dana to nominate me for Staff")
        kind = c2.selectbox("Kind", m.CONVERSATION_KINDS, index=m.CONVERSATION_KINDS.index(c.kind) if c else 0,
                            format_func=KIND_LABELS.get, key=f"{key}_kind")
        people = [""] + contact_names
        counterpart = c3.selectbox("With", people, index=people.index(c.counterpart) if c and c.counterpart in people
                                   else 0, format_func=lambda n: n or "—", key=f"{key}_with",
                                   help="The contact you will talk to (add people in the Journal).")
        planned = c4.date_input("Planned for", value=c.planned_for if c else None, min_value=widgets.EARLIEST,
                                key=f"{key}_date")
        goal = st.text_area("Goal: what you will ask for, and what a good outcome is", value=c.goal if c else "",
                            key=f"{key}_goal", height=80)
        status, outcome = "planned", ""
        if c:
            s1, s2 = st.columns([1, 4])
            status = s1.selectbox("Status", m.CONVERSATION_STATUSES, index=m.CONVERSATION_STATUSES.index(c.status),
                                  format_func=STATUS_LABELS.get, key=f"{key}_status")
            outcome = s2.text_area("Outcome: what was agreed, what happens next", value=c.outcome, key=f"{key}_outcome",
                                   height=80)
        if not st.form_submit_button(submit, type="primary"):
            return None
    data = c.model_dump() if c else {"objections": [], "rehearsals": []}
    data.update({"title": title, "kind": kind, "counterpart": counterpart or None, "planned_for": planned,
                 "goal": goal, "status": status, "outcome": outcome})
    return widgets.validate(m.Conversation, data)


if convs.empty:
    with st.container(border=True):
        st.markdown("**No hard conversations planned yet.** Pick the one you have been putting off (a raise, a "
                    "promotion, fairer on-call, more scope) and plan it below. Talking points are drafted from your "
                    "own evidence and public pay data, and you can rehearse and log it here.")
        if not contact_names:
            layout.page_link("journal", label="Add the person you will talk to as a contact", tab="people",
                             icon=":material/person_add:")
    gen = widgets.form_generation("new_conv")
    new = plan_form(f"new_conv_{gen}", None, "Plan this conversation")
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
upcoming = sa.next_conversation(convs, now)
by_id = convs.set_index("id")


def conv_label(cid: int) -> str:
    row = by_id.loc[cid]
    when = sa.as_date(row["planned_for"])
    return f"{row['title']} · {when:%d %b %Y}" if when else f"{row['title']} · no date"


st.session_state.setdefault("conv_pick", upcoming["id"] if upcoming else ids[0])
cid = st.selectbox("Conversation", ids, format_func=conv_label, key="conv_pick",
                   help="The next upcoming conversation is picked for you.")
conv = {k: (None if not isinstance(v, list | dict) and pd.isna(v) else v) for k, v in by_id.loc[cid].to_dict().items()}
conv["id"] = cid
objections = state.read(qs.objections, cid)
rehearsals = state.read(qs.rehearsals, cid)
ready = sa.readiness(rehearsals, objections)
planned = sa.as_date(conv["planned_for"])

k1, k2, k3, k4 = st.columns(4)
k1.metric("When", f"{planned:%d %b %Y}" if planned else "—", delta=sa.when_label(planned, now), delta_color="off",
          delta_arrow="off", border=True, help="The date you plan to have this conversation.")
k2.metric("Confidence", f"{ready.latest_after} / 5" if ready.latest_after else "—",
          delta=(f"{ready.gain:+d} over {ready.rehearsals} rehearsal(s)" if ready.gain is not None
                 else "not rehearsed yet"), delta_color="normal" if ready.gain else "off",
          delta_arrow="auto" if ready.gain else "off", border=True,
          help="Your confidence after the latest rehearsal, and the change from before the first one (1–5).")
k3.metric("Objection cards answered", f"{ready.answered} of {ready.objections}", border=True,
          help="Objections you expect, with a prepared answer that is not blank.")
k4.metric("Status", STATUS_LABELS[conv["status"]],
          delta=f"{KIND_LABELS[conv['kind']]}" + (f" with {conv['counterpart']}" if conv["counterpart"] else ""),
          delta_color="off", delta_arrow="off", border=True)

# --- pay: occupation, percentiles and numbers ---------------------------------------------
market = state.read(qs.market_pay)
codes = market["onet_soc_code"].tolist()
occ_titles = dict(zip(market["onet_soc_code"], market["title"], strict=True))
saved_occ = conv.get("onet_soc_code")
occupation = sa.default_occupation(saved_occ, state.read(qs.target_role_occupations), codes)
own = {k: (None if conv[k] is None else float(conv[k])) for k in ("anchor", "target", "walk_away")}
is_money = conv["kind"] == "raise" or any(v is not None for v in own.values())


def _save_occupation(conversation_id: int, key: str) -> None:
    state.write(rs.set_conversation_occupation, conversation_id, ms.PayOccupation(onet_soc_code=st.session_state[key]))
    st.session_state["flash"] = "Saved the pay benchmark occupation"


occ_key = f"conv_occ_{cid}"
if occ_key in st.session_state and st.session_state[occ_key] in codes:
    occupation = st.session_state[occ_key]
market_row = market[market["onet_soc_code"] == occupation].iloc[0].to_dict() if occupation else None
points = state.read(qs.pay_points)
my_points = points[points["onet_soc_code"] == occupation] if occupation else points.iloc[0:0]
suggestion = sa.suggest_numbers(current_pay, market_row, my_points["amount"].tolist())

if is_money and market_row is not None:
    chart_col, side_col = st.columns([3, 1], gap="large")
    with side_col:
        st.selectbox("Pay benchmark (occupation)", codes, index=codes.index(occupation), key=occ_key,
                     format_func=lambda c: f"{occ_titles[c]} ({c})", on_change=_save_occupation, args=(cid, occ_key),
                     help="Whose BLS pay percentiles to compare with; saved with this conversation. Defaults to "
                          "the occupation most of your target roles map to.")
        pos = sa.pay_percentile(current_pay, market_row)
        st.metric("Your current pay", sa.format_money_exact(current_pay) if current_pay else "—",
                  delta=pos.label if pos else None, delta_color="off", delta_arrow="off", border=True,
                  help="Your base pay from your profile (stays on this machine), placed among the BLS percentiles.")
        if not current_pay:
            layout.page_link("journal", label="Add your current pay", icon=":material/payments:", tab="profile")
    with chart_col:
        comparison = sa.pay_comparison(market_row, current_pay, own, my_points)
        st.plotly_chart(cs.pay_chart(comparison, market_row, sa.pay_finding(market_row, current_pay, own["target"])),
                        theme=None, key="pay_chart")
        notes = []
        if market_row.get("wage_is_soc_aggregate"):
            notes.append(f"The wages cover the whole group “{market_row['wage_occ_title']}”, not only this specialty.")
        if market_row.get("topcoded_fields"):
            notes.append(f"BLS top-codes wages of ${sa.TOPCODE_USD:,} or more; those percentiles are not shown.")
        st.caption(f"Grey: BLS OEWS May {market_row['year']} national annual wage percentiles for "
                   f"{market_row['title']} ({occupation}), all experience levels, base pay only. "
                   + " ".join(notes)
                   + f" {OEWS_ATTRIBUTION} Indigo: your own figures (current pay from your profile, your anchor, "
                   "target and walk-away, and pay data points you collected for target roles in this occupation), "
                   "from your career file.")
elif not rehearsals.empty:
    st.plotly_chart(cs.rehearsal_chart(rehearsals), theme=None, key="rehearsal_chart_head")
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
draft = sa.draft_talking_points(
    conv, state.read(queries.accomplishments), now, heard=heard, market=market_row if is_money else None,
    current_pay=current_pay, pay_points=my_points if is_money else None, numbers=suggestion,
    level_expectation=level_expectation)


def _save_plan(update: dict, message: str) -> None:
    """Validate the saved plan with `update` applied, and write it (errors name the field)."""
    current = qs.conversation_model(state.connection(), cid)
    model = widgets.validate(m.Conversation, {**current.model_dump(), **update})
    if model and widgets.save(lambda: state.write(rs.update_conversation, cid, model), message):
        st.rerun()


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
    tp_key = f"tp_{cid}"
    if tp_key not in st.session_state:
        st.session_state[tp_key] = conv["talking_points"] or ""

    def _use_draft(key: str = tp_key, text: str = draft) -> None:
        st.session_state[key] = text

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.text_area("Your talking points (Markdown; saved with the conversation)", key=tp_key, height=420,
                     placeholder="Press “Draft from my evidence” for a first version, then make it yours.")
        buttons = st.container(horizontal=True)
        buttons.button("Draft from my evidence", key=f"draft_{cid}", on_click=_use_draft, icon=":material/edit_note:",
                  help="Replaces the text with a draft built from your wins, who has heard them, BLS pay percentiles "
                       "and your numbers. The same data always gives the same draft; nothing leaves this machine.")
        if buttons.button("Save talking points", type="primary", key=f"save_tp_{cid}"):
            _save_plan({"talking_points": st.session_state[tp_key]}, "Saved the talking points")
    with right:
        st.markdown("**How the draft is built**")
        st.markdown(
            "- **The ask**: your goal for the conversation.\n"
            f"- **Evidence**: your top {sa.EVIDENCE_WINS} wins of the last {sa.EVIDENCE_YEARS} years by annualised "
            "value, each marked *new* or *already heard* by the person you will talk to (from the touches you "
            "logged with them).\n"
            "- **Promotions**: what the target level expects for influence, from your ladder.\n"
            "- **Raises**: the BLS pay percentiles, where your pay and target sit, your own pay data points and your "
            "anchor, target and walk-away (or suggested ones, labelled so).\n"
            "- **Close**: ask, prove, stop talking, agree the next step.")
        if st.session_state[tp_key] != (conv["talking_points"] or ""):
            st.warning("You have unsaved changes to the talking points.", icon=":material/edit:")

with tab_numbers:
    n_left, n_right = st.columns([2, 3], gap="large")
    keys = {k: f"num_{k}_{cid}" for k in ("anchor", "target", "walk_away")}
    for k, key in keys.items():
        st.session_state.setdefault(key, own[k])

    def _use_suggestion(s: sa.Numbers | None = suggestion) -> None:
        if s:
            for k in keys:
                st.session_state[keys[k]] = getattr(s, k)

    with n_left:
        st.markdown("**Your numbers** (annual base pay, USD). Open at the anchor, aim for the target, and know the "
                    "walk-away below which you say no.")
        st.number_input("Anchor: the number you open with", min_value=0.0, max_value=1e10, step=1000.0, format="%.0f",
                        key=keys["anchor"])
        st.number_input("Target: what you want to land", min_value=0.0, max_value=1e10, step=1000.0, format="%.0f",
                        key=keys["target"])
        st.number_input("Walk-away: the least you will accept", min_value=0.0, max_value=1e10, step=1000.0,
                        format="%.0f", key=keys["walk_away"])
        if st.button("Save numbers", type="primary", key=f"save_numbers_{cid}"):
            _save_plan({k: st.session_state[key] for k, key in keys.items()}, "Saved your numbers")
    with n_right:
        if suggestion:
            with st.container(border=True):
                st.markdown(f"**Suggested from your pay and the benchmarks:** anchor "
                            f"{sa.format_money_exact(suggestion.anchor)}, target {sa.format_money_exact(suggestion.target)}, "
                            f"walk-away {sa.format_money_exact(suggestion.walk_away)}.")
                st.caption(f"How: {suggestion.basis}; anchor = target + 6%, rounded up to $1,000; walk-away = halfway "
                           "from your pay to the target, rounded down to $1,000. A starting point, not advice.")
                st.button("Use the suggested numbers", key=f"use_suggestion_{cid}", on_click=_use_suggestion)
        else:
            st.info("Add your current pay in your profile to get suggested numbers.")
            layout.page_link("journal", label="Add your current pay", icon=":material/payments:", tab="profile")
        if my_points.empty:
            st.caption("No pay data points of your own for this occupation yet: offers, posted ranges, what peers or "
                       "recruiters told you. They are kept with your target roles.")
        else:
            st.markdown("**Pay data points you collected** (your own, for target roles in this occupation)")
            st.dataframe(my_points[["amount", "kind", "role", "as_of", "note"]], hide_index=True, width="stretch",
                         column_config={
                             "amount": st.column_config.NumberColumn("Amount (USD/yr)", format="dollar"),
                             "kind": "Kind", "role": "Target role",
                             "as_of": st.column_config.DateColumn("As of", format="MMM YYYY"),
                             "note": st.column_config.TextColumn("Note", width="large")})
        if "roles" in layout.PAGES:
            layout.page_link("roles", label="Add pay data points to a target role", icon=":material/add_circle:")

with tab_obj:
    missing = sa.missing_common_objections(conv["kind"], objections["objection"].tolist())
    if objections.empty:
        st.info("No objection cards yet. Write down what they might say, and your answer, before you walk in.")
    for card in objections.itertuples():
        with st.container(border=True):
            c1, c2 = st.columns([6, 1], vertical_alignment="top")
            c1.markdown(f"**“{layout.escape_markdown(card.objection)}”**")
            if card.answer and card.answer.strip():
                c1.markdown(f":material/reply: {layout.escape_markdown(card.answer)}")
            else:
                c1.markdown(":orange[:material/warning: No answer prepared yet]")
            with c2.popover("Edit", icon=":material/edit:"), st.form(f"obj_{card.id}", border=False):
                text = st.text_area("Objection", value=card.objection, key=f"obj_text_{card.id}", height=80)
                answer = st.text_area("Your answer", value=card.answer, key=f"obj_answer_{card.id}", height=140)
                save_col, delete_col = st.columns(2)
                if save_col.form_submit_button("Save", type="primary"):
                    edited = widgets.validate(m.Objection, {"objection": text, "answer": answer})
                    if edited and widgets.save(lambda i=int(card.id), e=edited: state.write(rs.update_objection, i, e),
                                               "Saved the objection card"):
                        st.rerun()
                if delete_col.form_submit_button("Delete"):
                    state.write(rs.delete_objection, int(card.id))
                    st.session_state["flash"] = "Deleted the objection card"
                    st.rerun()
    gen = widgets.form_generation(f"obj_new_{cid}")
    with st.form(f"obj_new_{cid}_{gen}", border=True):
        st.markdown("**Add an objection card**")
        text = st.text_input("What they might say", key=f"obj_new_text_{cid}_{gen}",
                             placeholder="There is no budget this cycle.")
        answer = st.text_area("Your answer", key=f"obj_new_answer_{cid}_{gen}", height=90,
                              placeholder="Short, calm, with one piece of evidence.")
        if st.form_submit_button("Add card", type="primary"):
            card = widgets.validate(m.Objection, {"objection": text, "answer": answer})
            if card and widgets.save(lambda: state.write(rs.add_objection, cid, card), "Added an objection card"):
                widgets.reset_form(f"obj_new_{cid}")
                st.rerun()
    if missing:
        st.caption(f"Common objections to a {KIND_LABELS[conv['kind']].lower()} conversation you have no card for: "
                   + "; ".join(f"“{layout.escape_markdown(o)}”" for o in missing))
        if st.button(f"Add these {len(missing)} as cards to answer", key=f"add_common_{cid}",
                     icon=":material/playlist_add:"):
            cards = [m.Objection(objection=o) for o in missing]
            if widgets.save(lambda: state.write(rs.add_objections, cid, cards), f"Added {len(cards)} objection cards"):
                st.rerun()

with tab_reh:
    worktrail.calendar_download(("rehearsals",), "conversations_ics", now)
    r_left, r_right = st.columns([3, 2], gap="large")
    with r_left:
        if rehearsals.empty:
            st.info("No rehearsals logged yet. Rehearse it out loud, then log it on the right.")
        else:
            if is_money:
                st.plotly_chart(cs.rehearsal_chart(rehearsals), theme=None, key="rehearsal_chart")
                st.caption("Your own confidence rating before and after each rehearsal. Source: your career file.")
            picked = st.dataframe(
                rehearsals, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                key=f"reh_table_{cid}",
                column_config={"id": None, "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD"),
                               "confidence_before": st.column_config.NumberColumn("Before (1–5)"),
                               "confidence_after": st.column_config.NumberColumn("After (1–5)"),
                               "notes": st.column_config.TextColumn("Notes", width="large")})
            rows = picked.selection.rows if picked else []
            if rows and st.button("Delete the selected rehearsal", key=f"del_reh_{cid}", icon=":material/delete:"):
                state.write(rs.delete_rehearsal, int(rehearsals.iloc[rows[0]]["id"]))
                st.session_state["flash"] = "Deleted the rehearsal"
                st.rerun()
    with r_right:
        gen = widgets.form_generation(f"reh_{cid}")
        with st.form(f"reh_{cid}_{gen}", border=True):
            st.markdown("**Log a rehearsal**")
            when = st.date_input("Date", value=now, min_value=widgets.EARLIEST, key=f"reh_date_{cid}_{gen}")
            c1, c2 = st.columns(2)
            before = c1.slider("Confidence before", 1, 5, 3, key=f"reh_before_{cid}_{gen}",
                               help="1 = dreading it · 3 = unsure · 5 = ready")
            after = c2.slider("Confidence after", 1, 5, 3, key=f"reh_after_{cid}_{gen}")
            notes = st.text_area("What went well, what to fix", key=f"reh_notes_{cid}_{gen}", height=90)
            if st.form_submit_button("Log rehearsal", type="primary"):
                reh = widgets.validate(m.Rehearsal, {"date": when, "confidence_before": before,
                                                     "confidence_after": after, "notes": notes})
                if reh and widgets.save(lambda: state.write(rs.add_rehearsal, cid, reh), "Logged the rehearsal"):
                    widgets.reset_form(f"reh_{cid}")
                    st.rerun()

with tab_plan:
    current = qs.conversation_model(state.connection(), cid)
    edited = plan_form(f"plan_{cid}_{widgets.form_generation('plan')}", current, "Save plan and outcome")
    if edited and widgets.save(lambda: state.write(rs.update_conversation, cid, edited), f"Saved “{edited.title}”"):
        widgets.reset_form("plan")
        st.rerun()
    with st.popover("Delete this conversation", icon=":material/delete:"):
        st.markdown(f"Delete **{layout.escape_markdown(current.title)}** with its objection cards and rehearsals? "
                    "This cannot be undone.")
        if st.button("Delete for good", type="primary", key=f"delete_conv_{cid}"):
            state.write(rs.delete_conversation, cid)
            st.session_state["flash"] = f"Deleted “{current.title}”"
            st.rerun()

with tab_new:
    gen = widgets.form_generation("new_conv")
    new = plan_form(f"new_conv_{gen}", None, "Plan this conversation")
    if new:
        def _add() -> None:
            st.session_state["_conv_select"] = state.write(repo.add_conversation, new)

        if widgets.save(_add, f"Planned “{new.title}”"):
            widgets.reset_form("new_conv")
            st.rerun()
