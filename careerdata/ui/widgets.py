"""Reusable Streamlit forms. Each returns a validated model on submit, or None.

Validation errors are shown inside the form, naming the field; nothing is written until
the model is valid, and the caller writes it in one transaction through `state.write`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st
from pydantic import BaseModel, ValidationError

from careerdata.core import vocab
from careerdata.core.clock import today
from careerdata.core.errors import CareerDataError
from careerdata.models import career as m
from careerdata.ui import layout
from careerdata.ui.forms import common as forms

M = TypeVar("M", bound=BaseModel)
EARLIEST = dt.date(1970, 1, 1)

LEVEL_HELP = "1 = aware of it · 2 = can do it with help · 3 = on your own · 4 = teach others · 5 = known for it"


def show_errors(problems: list[str]) -> None:
    st.error("Not saved. Fix these fields:\n\n" + "\n".join(f"- {layout.escape_markdown(e)}" for e in problems),
             icon=":material/error:")


def validate(model: type[M], data: dict) -> M | None:
    """Build `model` from form data, or show every problem at once (fields and whole-record
    rules, careerdata.ui.forms.all_errors) and return None."""
    try:
        return model.model_validate(data)
    except ValidationError:
        show_errors(forms.all_errors(model, data))
        return None


def validate_all(*parts: tuple[type[BaseModel], dict]) -> list[BaseModel] | None:
    """Several models from one form (a skill and its first rating): all problems in one message."""
    problems = [e for model, data in parts for e in forms.all_errors(model, data)]
    if problems:
        show_errors(problems)
        return None
    return [model.model_validate(data) for model, data in parts]


def save(action: Callable[[], object], success: str) -> bool:
    """Run a write; if it is refused (bad input, full disk, read-only file) say why: nothing was written."""
    try:
        action()
    except CareerDataError as err:
        st.error(f"Not saved: {err}", icon=":material/error:")
        return False
    st.session_state["flash"] = success
    return True


def show_flash() -> None:
    message = st.session_state.pop("flash", None)
    if message:
        st.toast(message, icon=":material/check_circle:")


def form_generation(name: str) -> int:
    """A counter in the form key: bumping it after a save gives a fresh, empty form."""
    return st.session_state.setdefault(f"_gen_{name}", 0)


def reset_form(name: str) -> None:
    st.session_state[f"_gen_{name}"] = form_generation(name) + 1


def accomplishment_form(
    key: str,
    initial: m.Accomplishment | None,
    *,
    skills: list[str],
    competencies: pd.DataFrame,
    employers: list[str],
    submit_label: str,
) -> m.Accomplishment | None:
    """A win's own fields (title, dates, STAR, skills, competencies, links); its impact metrics are
    edited one at a time beside it (careerdata.ui.forms.metrics) and pass through unchanged."""
    a = initial
    comp_names = dict(zip(competencies["key"], competencies["name"], strict=True)) if not competencies.empty else {}
    with st.form(key, border=True):
        st.text_input("Title", value=a.title if a else "", key=f"{key}_title",
                      placeholder="Cut p99 checkout latency from 1.2s to 300ms",
                      help="Past tense, specific, readable without context.")
        c1, c2 = st.columns(2)  # dates side by side at full width: a 1024 px window still shows a whole date
        c3, c4 = st.columns(2)
        c1.date_input("Start date", value=a.start_date if a else today(), min_value=EARLIEST, key=f"{key}_start")
        c2.date_input("End date", value=a.end_date if a else None, min_value=EARLIEST, key=f"{key}_end",
                      help="Leave empty while the work is ongoing.")
        options = list(dict.fromkeys(([a.employer] if a and a.employer else []) + employers))
        c3.selectbox("Employer", options, index=0 if options else None, accept_new_options=True,
                     key=f"{key}_employer", placeholder="Type or pick an employer")
        c4.radio("Scope", vocab.SCOPES, index=vocab.SCOPES.index(a.scope) if a else 0, horizontal=True,
                 key=f"{key}_scope", help="Who felt the impact: your team, your org, the company, or outside it.")
        s1, s2 = st.columns(2)
        s1.text_area("Situation", value=a.situation if a else "", key=f"{key}_situation", height=90,
                     placeholder="What was wrong or at stake?")
        s2.text_area("Task", value=a.task if a else "", key=f"{key}_task", height=90,
                     placeholder="What were you responsible for?")
        s1.text_area("Action", value=a.action if a else "", key=f"{key}_action", height=110,
                     placeholder="What did you do (not the team: you)?")
        s2.text_area("Result", value=a.result if a else "", key=f"{key}_result", height=110,
                     placeholder="What changed, in numbers where you can?")
        k1, k2 = st.columns(2)
        k1.multiselect("Skills used", skills, default=[s for s in (a.skills if a else []) if s in skills],
                       key=f"{key}_skills", help="Add new skills on the Skills tab.")
        k2.multiselect("Ladder competencies shown", list(comp_names), format_func=lambda k: comp_names.get(k, k),
                       default=[c for c in (a.competencies if a else []) if c in comp_names],
                       key=f"{key}_competencies")
        st.text_area("Links (one per line)", value="\n".join(a.links) if a else "", key=f"{key}_links", height=68,
                     placeholder="https://… design doc, PR, dashboard")
        if a is None:
            st.caption("After you save, add what the win was worth: one impact metric at a time, with a preview "
                       "of how it reads.")
        submitted = st.form_submit_button(submit_label, type="primary")
    if not submitted:
        return None
    ss = st.session_state
    data = {
        "title": ss[f"{key}_title"],
        "start_date": ss[f"{key}_start"],
        "end_date": ss[f"{key}_end"],
        "employer": ss[f"{key}_employer"],
        "scope": ss[f"{key}_scope"],
        "situation": ss[f"{key}_situation"],
        "task": ss[f"{key}_task"],
        "action": ss[f"{key}_action"],
        "result": ss[f"{key}_result"],
        "skills": ss[f"{key}_skills"],
        "competencies": ss[f"{key}_competencies"],
        "links": forms.lines(ss[f"{key}_links"]),
        "metrics": a.metrics if a else [],  # edited one at a time (careerdata.ui.forms.metrics), never here
    }
    return validate(m.Accomplishment, data)


LIST_PAGE_SIZE = 20  # items shown with their own buttons at a time; the rest are a page turn away


def pager(key: str, total: int, noun: str, order: str, page_size: int = LIST_PAGE_SIZE) -> tuple[int, int]:
    """The [start, end) slice of a long list to show, with a caption that says how many are hidden
    and a page picker (nothing extra when everything fits on one page)."""
    from careerdata.ui.paging import page_bounds, page_count, showing_label

    pages = page_count(total, page_size)
    if pages <= 1:
        return 0, total
    if st.session_state.get(key, 1) > pages:  # the list shrank under a remembered page
        st.session_state[key] = pages
    c1, c2 = st.columns([5, 1], vertical_alignment="bottom")
    page = c2.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1, key=key)
    start, end = page_bounds(total, page, page_size)
    c1.caption(showing_label(start, end, total, noun, order))
    return start, end


def target_picker(customers, label: str, key: str, help: str):
    """The target-role selector shared by the Value proposition and Competitors pages.

    Returns (target, note column) or stops the page with a message when there is nothing to pick.
    """
    if not customers.choices:
        st.warning("No target roles and no market data are loaded: run `careerdata market sample_data/market`.")
        st.stop()
    by_key = {t.key: t for t in customers.choices}
    pick, note = st.columns([3, 2], vertical_alignment="bottom")  # room for a whole target name at 1024 px
    target_key = pick.selectbox(label, list(by_key), index=list(by_key).index(customers.default),
                                format_func=lambda k: by_key[k].label, key=key, help=help)
    return by_key[target_key], note


def start_here(start) -> None:
    """The first-run checklist (careerdata.home.first_run): progress, and each step a link to where it is done."""
    done = sum(step.done for step in start.steps)
    with st.container(border=True):
        st.subheader("Start here")
        st.progress(start.progress, text=f"{done} of {len(start.steps)} steps done")
        for step in start.steps:
            c1, c2 = st.columns([3, 1], vertical_alignment="center")
            c1.markdown(f"{':material/check_circle:' if step.done else ':material/radio_button_unchecked:'} "
                        f"{'~~' + step.message + '~~' if step.done else step.message}")
            with c2:
                layout.page_link(step.page, label=step.action, icon=":material/arrow_forward:", tab=step.tab)


def gaps_panel(gaps, title: str = "What next") -> None:
    """What an import (or a file) still lacks, each gap with the link to the form that closes it."""
    if not gaps:
        return
    with st.container(border=True):
        st.markdown(f"**{title}**")
        for gap in gaps:
            c1, c2 = st.columns([3, 1], vertical_alignment="center")
            c1.markdown(gap.message)
            with c2:
                layout.page_link(gap.page, label=gap.action, icon=":material/arrow_forward:", tab=gap.tab)
