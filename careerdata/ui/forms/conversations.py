"""Forms and tabs of the Conversations page: the plan, talking points, numbers, objection cards and rehearsals."""

import streamlit as st

from careerdata.conversations import analytics as cv
from careerdata.conversations import charts as cvc
from careerdata.conversations import queries as cvq
from careerdata.conversations import repo as cvr
from careerdata.core import money, vocab
from careerdata.journal import queries, repo
from careerdata.models import career as m
from careerdata.ui import layout, state, widgets


def plan_form(key: str, initial: m.Conversation | None, submit: str) -> m.Conversation | None:
    """The plan of a conversation (numbers, talking points and cards are edited in their own tabs)."""
    contact_names = state.read(queries.names, "contact")
    c = initial
    with st.form(key, border=True):
        (c1, c2), (c3, c4) = st.columns([2, 1]), st.columns(2)  # every value whole at 1024 px
        title = c1.text_input("Title", value=c.title if c else "", key=f"{key}_title",
                              placeholder="Ask Dana to nominate me for Staff")
        kind = c2.selectbox("Kind", vocab.CONVERSATION_KINDS, index=vocab.CONVERSATION_KINDS.index(c.kind) if c else 0,
                            format_func=vocab.CONVERSATION_KIND_LABELS.get, key=f"{key}_kind")
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
            s1, s2 = st.columns([1.3, 3])
            status = s1.selectbox("Status", vocab.CONVERSATION_STATUSES, index=vocab.CONVERSATION_STATUSES.index(c.status),
                                  format_func=vocab.CONVERSATION_STATUS_LABELS.get, key=f"{key}_status")
            outcome = s2.text_area("Outcome: what was agreed, what happens next", value=c.outcome, key=f"{key}_outcome",
                                   height=80)
        if not st.form_submit_button(submit, type="primary"):
            return None
    data = c.model_dump() if c else {"objections": [], "rehearsals": []}
    data.update({"title": title, "kind": kind, "counterpart": counterpart or None, "planned_for": planned,
                 "goal": goal, "status": status, "outcome": outcome})
    return widgets.validate(m.Conversation, data)


def save_plan(cid: int, update: dict, message: str) -> None:
    """Validate the saved plan with `update` applied, and write it (errors name the field)."""
    current = state.read(cvq.conversation_model, cid)
    model = widgets.validate(m.Conversation, {**current.model_dump(), **update})
    if model and widgets.save(lambda: state.write(cvr.update_conversation, cid, model), message):
        st.rerun()


def talking_points_tab(cid, conv, draft):
    """Talking points: a draft from your evidence to start from, edited and saved with the conversation."""
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
            save_plan(cid, {"talking_points": st.session_state[tp_key]}, "Saved the talking points")
    with right:
        st.markdown("**How the draft is built**")
        st.markdown(
            "- **The ask**: your goal for the conversation.\n"
            f"- **Evidence**: your top {cv.EVIDENCE_WINS} wins of the last {cv.EVIDENCE_YEARS} years by annualised "
            "value, each marked *new* or *already heard* by the person you will talk to (from the touches you "
            "logged with them).\n"
            "- **Promotions**: what the target level expects for influence, from your ladder.\n"
            "- **Raises**: the BLS pay percentiles, where your pay and target sit, your own pay data points and your "
            "anchor, target and walk-away (or suggested ones, labelled so).\n"
            "- **Close**: ask, prove, stop talking, agree the next step.")
        if st.session_state[tp_key] != (conv["talking_points"] or ""):
            st.warning("You have unsaved changes to the talking points.", icon=":material/edit:")


def numbers_tab(cid, own, suggestion, my_points):
    """Anchor, target and walk-away, with the suggested numbers and how they are computed."""
    n_left, n_right = st.columns([2, 3], gap="large")
    keys = {k: f"num_{k}_{cid}" for k in ("anchor", "target", "walk_away")}
    for k, key in keys.items():
        st.session_state.setdefault(key, own[k])

    def _use_suggestion(s: cv.Numbers | None = suggestion) -> None:
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
            save_plan(cid, {k: st.session_state[key] for k, key in keys.items()}, "Saved your numbers")
    with n_right:
        if suggestion:
            with st.container(border=True):
                st.markdown(f"**Suggested from your pay and the benchmarks:** anchor "
                            f"{money.format_money_exact(suggestion.anchor)}, target {money.format_money_exact(suggestion.target)}, "
                            f"walk-away {money.format_money_exact(suggestion.walk_away)}.")
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
        with layout.scrolling_table("pay_points"):
            st.dataframe(my_points[["amount", "kind", "role", "as_of", "note"]], hide_index=True, width="stretch",
                     column_config={
                         "amount": st.column_config.NumberColumn("Amount (USD/yr)", format="dollar", pinned=True),
                         "kind": "Kind", "role": "Target role",
                         "as_of": st.column_config.DateColumn("As of", format="MMM YYYY"),
                         "note": st.column_config.TextColumn("Note", width="large")})
    if "roles" in layout.PAGES:
        layout.page_link("roles", label="Add pay data points to a target role", icon=":material/add_circle:")


def objection_card(card) -> None:
    """One objection card, with its answer (or a warning that it has none), to edit or delete."""
    with st.container(border=True):
        st.markdown(f"**“{layout.escape_markdown(card.objection)}”**")
        if card.answer and card.answer.strip():
            st.markdown(f":material/reply: {layout.escape_markdown(card.answer)}")
        else:
            st.markdown(":orange[:material/warning: No answer prepared yet]")
        with st.popover("Edit", icon=":material/edit:"), st.form(f"obj_{card.id}", border=False):
            text = st.text_area("Objection", value=card.objection, key=f"obj_text_{card.id}", height=80)
            answer = st.text_area("Your answer", value=card.answer, key=f"obj_answer_{card.id}", height=140)
            save_col, delete_col = st.columns(2)
            if save_col.form_submit_button("Save", type="primary"):
                edited = widgets.validate(m.Objection, {"objection": text, "answer": answer})
                if edited and widgets.save(lambda i=int(card.id), e=edited: state.write(cvr.update_objection, i, e),
                                           "Saved the objection card"):
                    st.rerun()
            if delete_col.form_submit_button("Delete"):
                state.write(cvr.delete_objection, int(card.id))
                st.session_state["flash"] = "Deleted the objection card"
                st.rerun()


def objections_tab(conv, objections, cid):
    """Objection cards: what you expect to hear and your prepared answer."""
    missing = cv.missing_common_objections(conv["kind"], objections["objection"].tolist())
    if objections.empty:
        st.info("No objection cards yet. Write down what they might say, and your answer, before you walk in.")
    for card in objections.itertuples():
        objection_card(card)
    gen = widgets.form_generation(f"obj_new_{cid}")
    with st.form(f"obj_new_{cid}_{gen}", border=True):
        st.markdown("**Add an objection card**")
        text = st.text_input("What they might say", key=f"obj_new_text_{cid}_{gen}",
                             placeholder="There is no budget this cycle.")
        answer = st.text_area("Your answer", key=f"obj_new_answer_{cid}_{gen}", height=90,
                              placeholder="Short, calm, with one piece of evidence.")
        if st.form_submit_button("Add card", type="primary"):
            card = widgets.validate(m.Objection, {"objection": text, "answer": answer})
            if card and widgets.save(lambda: state.write(cvr.add_objection, cid, card), "Added an objection card"):
                widgets.reset_form(f"obj_new_{cid}")
                st.rerun()
    if missing:
        st.caption(f"Objections people often raise in {cv.conversation_phrase(conv['kind'])} that you have no card "
                   "for yet: "
                   + "; ".join(f"“{layout.escape_markdown(o)}”" for o in missing))
        if st.button(f"Add these {len(missing)} as cards to answer", key=f"add_common_{cid}",
                     icon=":material/playlist_add:"):
            cards = [m.Objection(objection=o) for o in missing]
            if widgets.save(lambda: state.write(cvr.add_objections, cid, cards), f"Added {len(cards)} objection cards"):
                st.rerun()


def rehearsals_tab(rehearsals, is_money, cid, now):
    """Rehearsals: confidence before and after each run-through."""
    with st.container():  # the history, then the form under it: the table has room for its notes at 1024 px
        if rehearsals.empty:
            st.info("No rehearsals logged yet. Rehearse it out loud, then log it below.")
        else:
            if is_money:
                st.plotly_chart(cvc.rehearsal_chart(rehearsals), theme=None, key="rehearsal_chart")
                st.caption("Your own confidence rating before and after each rehearsal. Source: your career file.")
            with layout.scrolling_table("rehearsals"):
                picked = st.dataframe(
                    rehearsals, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                    key=f"reh_table_{cid}",
                    column_config={"id": None, "date": st.column_config.DateColumn("Date", format="YYYY-MM-DD",
                                                                                  pinned=True),
                                   "confidence_before": st.column_config.NumberColumn("Before (1–5)"),
                                   "confidence_after": st.column_config.NumberColumn("After (1–5)"),
                                   "notes": st.column_config.TextColumn("Notes", width="large")})
            rows = picked.selection.rows if picked else []
            if rows and st.button("Delete the selected rehearsal", key=f"del_reh_{cid}", icon=":material/delete:"):
                state.write(cvr.delete_rehearsal, int(rehearsals.iloc[rows[0]]["id"]))
                st.session_state["flash"] = "Deleted the rehearsal"
                st.rerun()
    with st.container():
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
                if reh and widgets.save(lambda: state.write(cvr.add_rehearsal, cid, reh), "Logged the rehearsal"):
                    widgets.reset_form(f"reh_{cid}")
                    st.rerun()


def plan_tab(cid):
    """The plan and, once it happened, the outcome."""
    current = state.read(cvq.conversation_model, cid)
    edited = plan_form(f"plan_{cid}_{widgets.form_generation('plan')}", current, "Save plan and outcome")
    if edited and widgets.save(lambda: state.write(cvr.update_conversation, cid, edited), f"Saved “{edited.title}”"):
        widgets.reset_form("plan")
        st.rerun()
    with st.popover("Delete this conversation", icon=":material/delete:"):
        st.markdown(f"Delete **{layout.escape_markdown(current.title)}** with its objection cards and rehearsals? "
                    "This cannot be undone.")
        if st.button("Delete for good", type="primary", key=f"delete_conv_{cid}"):
            state.write(cvr.delete_conversation, cid)
            st.session_state["flash"] = f"Deleted “{current.title}”"
            st.rerun()


def new_conversation_tab():
    """Plan another conversation."""
    gen = widgets.form_generation("new_conv")
    new = plan_form(f"new_conv_{gen}", None, "Plan this conversation")
    if new:
        def _add() -> None:
            st.session_state["_conv_select"] = state.write(repo.add_conversation, new)

        if widgets.save(_add, f"Planned “{new.title}”"):
            widgets.reset_form("new_conv")
            st.rerun()
