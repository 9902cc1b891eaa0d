"""The metric editor: one impact metric at a time, filled in as a person thinks about it, with the
sentence it will produce shown live.

An impact metric is the product's most important data (what a win was worth), so it gets its own
form instead of a grid row: category and what changed, before → after with a unit, what it is worth
a year in money or hours, how sure the number is and who confirmed it. The preview is
`careerdata.figures.metric_text`, the same sentence the promotion packet, the brag document and the
value ledger print. The widgets are not inside `st.form`, so the preview follows every change; the
editor runs as a fragment, so a change reruns only the editor. Nothing is written until "Save
metric", and then in one transaction; every problem is listed at once, by field name.

Where the editor is open is one session value, `EDITING`: the win, the metric (None for a new one),
the suggestion it confirms (None for a metric typed by hand), the place on the page that shows it and
the values it starts from.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from careerdata.core import vocab
from careerdata.figures.metric_text import metric_text
from careerdata.journal import queries, repo
from careerdata.models import career as m
from careerdata.ui import layout, state, widgets
from careerdata.ui.forms import common as forms

EDITING = "metric_editing"

CONFIDENCE_SHORT = {"verified": "Verified", "measured": "Measured", "estimated": "Estimated"}
CONFIDENCE_HELP = ("Estimated: your own reckoning · Measured: read from a dashboard or data · Verified: a named "
                   "person confirmed it (the strongest evidence in a promotion case)")


def open_editor(place: str, acc_id: int, metric_id: int | None = None, values: dict | None = None,
                suggestion: int | None = None) -> None:
    """Open the editor at `place` on a win: a new metric, a stored one, or a suggestion to review."""
    st.session_state[EDITING] = {"place": place, "acc": acc_id, "metric": metric_id, "suggestion": suggestion,
                                 "values": forms.metric_values(values or {})}
    widgets.reset_form("metric")  # fresh widget keys, so the widgets start from these values


def close_editor() -> None:
    st.session_state.pop(EDITING, None)
    widgets.reset_form("metric")


def editing(place: str) -> dict | None:
    open_ = st.session_state.get(EDITING)
    return open_ if open_ and open_["place"] == place else None


def preview_markdown(sentence: str) -> str:
    """The sentence shown literally: Markdown escaped and '$' kept from starting LaTeX."""
    return layout.escape_markdown(sentence).replace("$", "\\$")


def _fields(key: str, start: dict, contacts: list[str]) -> dict:
    """The editor's widgets; returns what they hold."""
    cats = list(vocab.IMPACT_CATEGORIES)
    c1, c2 = st.columns([2, 5])
    category = c1.selectbox("Category", cats, index=cats.index(start["category"]) if start["category"] in cats
                            else None, format_func=vocab.IMPACT_CATEGORY_LABELS.get, placeholder="Pick one",
                            key=f"{key}_category", help="What kind of value: money made or saved, time, "
                                                        "reliability, users, risk.")
    description = c2.text_input("What changed", value=start["description"] or "", key=f"{key}_description",
                                max_chars=500, placeholder="e.g. p95 checkout latency",
                                help="The thing you moved, in a few words; the numbers go below.")
    b1, b2, b3 = st.columns([2, 2, 1])
    baseline = b1.number_input("Before", value=start["baseline"], format="%g", key=f"{key}_baseline",
                               placeholder="e.g. 420", help="The number before your work (leave empty if unknown).")
    new_value = b2.number_input("After", value=start["new_value"], format="%g", key=f"{key}_new_value",
                                placeholder="e.g. 180", help="The number after it.")
    unit = b3.text_input("Unit", value=start["unit"] or "", key=f"{key}_unit", max_chars=40, placeholder="ms",
                         help="e.g. ms, %, USD/month, pages/week")
    w1, w2 = st.columns(2)
    money = w1.number_input("Worth a year (USD)", value=start["money_usd"], step=1000.0, format="%g",
                            key=f"{key}_money_usd", placeholder="e.g. 50000",
                            help="What the change is worth each year it stays live, 0 or more: a cost you cut is "
                                 "a positive saving. Leave empty if you cannot put a number on it.")
    hours = w2.number_input("Hours saved a year", value=start["hours"], step=10.0, format="%g",
                            key=f"{key}_hours", placeholder="e.g. 1200",
                            help="People's hours given back each year (yours, your team's, your users').")
    p1, p2 = st.columns([3, 2])
    confidence = p1.radio("Confidence", list(vocab.CONFIDENCES), index=vocab.CONFIDENCES.index(
        start["confidence"] or "estimated"), format_func=CONFIDENCE_SHORT.get, horizontal=True,
        key=f"{key}_confidence", help=CONFIDENCE_HELP)
    verified = confidence == "verified"
    who = start["verified_by"] if start["verified_by"] in contacts else None
    verified_by = p2.selectbox("Verified by", contacts, index=contacts.index(who) if who else None,
                               key=f"{key}_verified_by", disabled=not verified,
                               placeholder="Who confirmed it" if contacts else "Add the person first",
                               help="Only for a verified metric: the person who confirmed the number.")
    if verified and not contacts:
        p2.caption("No contacts yet: add the person who confirmed it on **People & visibility** first.")
    return {"category": category, "description": description, "baseline": baseline, "new_value": new_value,
            "unit": unit, "money_usd": money, "hours": hours, "confidence": confidence, "verified_by": verified_by}


def _save(open_: dict, metric: m.ImpactMetric) -> bool:
    if open_["suggestion"] is not None:
        return widgets.save(lambda: state.write(repo.confirm_suggestion, open_["suggestion"], metric),
                            "Confirmed the suggested metric")
    if open_["metric"] is not None:
        return widgets.save(lambda: state.write(repo.update_metric, open_["metric"], metric), "Saved the metric")
    return widgets.save(lambda: state.write(repo.add_metric, open_["acc"], metric), "Added the metric")


def editor(open_: dict, contacts: list[str]) -> None:
    """The open editor: the fields, the live preview, Save and Cancel."""
    key = f"metric_{widgets.form_generation('metric')}"
    heading = ("Review the suggested metric" if open_["suggestion"] is not None
               else "Edit the metric" if open_["metric"] is not None else "Add a metric")
    with st.container(border=True, key=f"{key}_editor"):
        st.markdown(f"**{heading}**")
        values = _fields(key, open_["values"], contacts)
        data = forms.metric_data(values)
        sentence = _sentence(data)
        st.markdown("Preview: " + (f"**{preview_markdown(sentence)}**" if sentence else
                                   "_fill in what changed and the numbers to see the sentence_"))
        st.caption("This is how the metric reads in your promotion case, brag document and value ledger.")
        actions = st.container(horizontal=True, gap="small")
        save = actions.button("Save metric", type="primary", key=f"{key}_save")
        actions.button("Cancel", key=f"{key}_cancel", on_click=close_editor)
        if save:  # every problem at once, inside the editor, under the button that found them
            metric = widgets.validate(m.ImpactMetric, data)
            if metric and _save(open_, metric):
                close_editor()
                st.rerun()


def _metric_row(row, place: str, acc_id: int) -> None:
    c1, c2 = st.columns([3, 1], vertical_alignment="center")
    label = vocab.IMPACT_CATEGORY_LABELS.get(row["category"], row["category"])
    c1.markdown(f"{label} · {preview_markdown(_sentence(row))}")
    buttons = c2.container(horizontal=True, horizontal_alignment="right", gap="small")
    buttons.button("Edit", key=f"metric_edit_{place}_{row['id']}", icon=":material/edit:", on_click=open_editor,
                   args=(place, acc_id, int(row["id"]), row))
    with buttons.popover("Delete", icon=":material/delete:"):
        st.markdown(f"Delete **{preview_markdown(_sentence(row))}**? This cannot be undone.")
        if st.button("Delete for good", type="primary", key=f"metric_delete_{place}_{row['id']}") and widgets.save(
                lambda: state.write(repo.delete_metric, int(row["id"])), "Deleted the metric"):
            close_editor()
            st.rerun()


def _sentence(row) -> str:
    """The one metric sentence (careerdata.figures.metric_text) of a stored row or the editor's values."""
    data = forms.metric_data(row)
    return metric_text(**{k: v for k, v in data.items() if k != "category"}).sentence


@st.fragment
def win_metrics(place: str, acc_id: int, title: str, contacts: list[str]) -> None:
    """A win's impact metrics, each as its sentence with Edit and Delete, and the editor to add one."""
    rows = state.read(queries.win_metrics, acc_id)
    st.markdown(f"**Impact metrics of “{layout.escape_markdown(title)}”** ({len(rows)}): what the win was worth, "
                "one measurable change at a time.")
    if rows.empty:
        st.caption("None yet. A before → after number, money or hours a year turns this win into evidence.")
    for row in rows.to_dict("records"):
        _metric_row(row, place, acc_id)
    open_ = editing(place)
    if open_ and open_["acc"] == acc_id and open_["suggestion"] is None:
        editor(open_, contacts)
    else:
        st.button("Add a metric", key=f"metric_add_{place}_{acc_id}", icon=":material/add_circle:",
                  on_click=open_editor, args=(place, acc_id))


@st.fragment
def suggestions_panel(suggestions: pd.DataFrame, contacts: list[str], shown: int = 8) -> None:
    """Figures an import read from your wins: review each in the metric editor, or dismiss it."""
    with st.container(border=True):
        st.markdown(f"**Suggested impact metrics ({len(suggestions)})**: figures read from your imported wins. "
                    "They count nowhere until you review them: check the numbers, say how sure they are and "
                    "save.")
        open_ = editing("suggestions")
        for row in suggestions.head(shown).to_dict("records"):
            c1, c2 = st.columns([2, 1], vertical_alignment="center")
            figure = metric_text(baseline=row["baseline"], new_value=row["new_value"], unit=row["unit"],
                                 money_usd=row["money_usd"])
            c1.markdown(f"{vocab.IMPACT_CATEGORY_LABELS.get(row['category'], row['category'])}: "
                        f"**{preview_markdown(figure.change or figure.worth)}** · "
                        f"{layout.escape_markdown(row['accomplishment'])}")
            buttons = c2.container(horizontal=True, horizontal_alignment="right", gap="small")
            buttons.button("Review", key=f"sugg_ok_{row['id']}", type="primary", on_click=open_editor,
                           args=("suggestions", int(row["accomplishment_id"])),
                           kwargs={"values": row, "suggestion": int(row["id"])})
            if buttons.button("Dismiss", key=f"sugg_no_{row['id']}") and widgets.save(
                    lambda sid=row["id"]: state.write(repo.dismiss_suggestion, int(sid)), "Dismissed"):
                st.rerun()
            if open_ and open_["suggestion"] == row["id"]:
                editor(open_, contacts)
        if len(suggestions) > shown:
            st.caption(f"{len(suggestions) - shown} more after these.")
