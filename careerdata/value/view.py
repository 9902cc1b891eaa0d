"""Cached models of the Value proposition and Competitors pages.

Each function reads what one part of a page shows and runs its analysis, so a rerun (a click, a
tab, a radio) is one cache hit per part: the target selector (`customers`), the customer and the
offer for one target (`value`) and the competitor benchmarks for one target (`competitors`); the
Career P&L's models are in `careerdata.pnl.view`. Every number still comes from `careerdata.value.offer` and
`careerdata.competitors.analytics`; what is returned is only what the page shows (the full table
of offer matches, for instance, stays here), including its Plotly figures: building a figure
costs tens of milliseconds, taking a cached one back a few.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from careerdata.core import vocab
from careerdata.figures import impact as fimpact
from careerdata.journal.queries import impact_metrics
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs
from careerdata.value import customer as vc
from careerdata.value import offer as vp
from careerdata.value import pitch as vpitch
from careerdata.value import queries as q
from careerdata.value import targets as vt
from careerdata.value.charts import needs_chart
from careerdata.value.targets import pick_target, target_choices

# --- the target selector (both pages) -----------------------------------------------------------


@dataclass
class Customers:
    choices: list[vt.Target]
    default: str | None  # key of the target to open with
    profile: dict
    current_level: str | None
    ladder_name: str
    no_target_roles: bool
    has_competencies: bool


def customers(con) -> Customers:
    sel = q.selector_inputs(con)
    choices, default = target_choices(sel)
    profile = sel.ladder.profile or {}
    return Customers(choices=choices, default=default, profile=profile,
                     current_level=profile.get("current_level") or None,
                     ladder_name=(sel.ladder.ladder or {}).get("name", "the career ladder"),
                     no_target_roles=sel.target_roles.empty, has_competencies=not sel.ladder.competencies.empty)


# --- value proposition: the customer and the offer ------------------------------------------------


@dataclass
class ValueView:
    target: vt.Target
    has_tasks: bool
    task_stand_in: str | None
    jobs: pd.DataFrame
    needs: pd.DataFrame
    coverage: pd.DataFrame
    needs_figure: go.Figure | None  # None when there is nothing to draw (no needs or no wins)
    summary: vp.OfferSummary
    strongest: pd.DataFrame
    stand_ins: dict[str, str]
    proofs: pd.DataFrame  # the best three proofs per need, in need order, with the need's label
    statement: str
    drafts: dict[str, str]  # pitch kind -> the fresh draft
    has_wins: bool
    reference_year: int | None
    # the same sums over all your wins (Home's "Impact of all your wins", figures.impact.run_rate): the proof's
    # figures above are the part of them that addresses this customer's needs
    all_money: float = 0.0
    all_hours: float = 0.0

    @property
    def hours_of_all(self) -> str | None:
        """"of 19,326 h/yr from all your wins", when the proof's hours are only part of them."""
        if not self.all_hours or round(self.summary.hours) == round(self.all_hours):
            return None
        return f"of {fimpact.hours_run_rate_label(self.all_hours)} from all your wins"


def _proofs(needs: pd.DataFrame, matches: pd.DataFrame) -> pd.DataFrame:
    best = matches[matches["rank"] <= 3].copy()
    if best.empty:
        return best
    labels = dict(zip(needs["need_id"], needs["label"], strict=True))
    order = {n: i for i, n in enumerate(needs["need_id"])}
    best = best.sort_values(["need_id", "rank"], key=lambda s: s.map(order) if s.name == "need_id" else s)
    best["need"] = best["need_id"].map(labels)
    return best


def value(con, target_key: str, today: dt.date) -> ValueView:
    sel = q.selector_inputs(con)
    choices, _ = target_choices(sel)
    target = pick_target(choices, target_key)
    lad = sel.ladder
    profile = lad.profile or {}
    current_level = profile.get("current_level") or None
    inputs = matrix_inputs(con)
    accomplishments = q.accomplishment_texts(con)
    metrics = impact_metrics(con)
    links = q.competency_links(con)

    proxy = inputs.proxies.get(target.onet_code) if target.onet_code else None
    tasks, task_stand_in = vc.occupation_tasks(q.occupation_tasks(con, (target.onet_code, proxy)),
                                               target.onet_code, inputs.proxies)
    jobs = vc.customer_jobs(target, lad.expectations, lad.competencies, tasks)
    needs = vc.customer_needs(jobs, target, current_level, lad.expectations, lad.competencies)
    impact = vp.accomplishment_impact(accomplishments, metrics)
    matches = vp.offer_matches(needs, accomplishments, metrics, links, impact=impact)
    coverage = vp.need_coverage(needs, matches)
    summary = vp.offer_summary(coverage, matches, metrics)
    codes = [target.onet_code] if target.onet_code else []
    matrix = sv.compute_matrix(inputs, codes, "evidence", today) if not inputs.skills.empty else None
    strongest = vp.strongest_skills(matrix.frame if matrix is not None else inputs.skills.iloc[0:0])
    evidence = vp.top_evidence(matches, accomplishments, metrics, impact=impact)
    has_wins = not accomplishments.empty
    return ValueView(
        target=target, has_tasks=not tasks.empty, task_stand_in=task_stand_in, jobs=jobs, needs=needs,
        coverage=coverage, needs_figure=needs_chart(coverage, target.short) if has_wins and not needs.empty else None,
        summary=summary, strongest=strongest,
        stand_ins=matrix.stand_ins if matrix is not None else {}, proofs=_proofs(needs, matches),
        statement=vp.value_statement(profile, target, needs, strongest, summary),
        drafts={kind: vpitch.draft_pitch(kind, profile, target, needs, strongest, evidence, summary)
                for kind in vocab.PITCH_KINDS},
        has_wins=has_wins, reference_year=inputs.reference_year,
        all_money=fimpact.run_rate(metrics, "money_usd"), all_hours=fimpact.run_rate(metrics, "hours"))


# --- the impact ledger ------------------------------------------------------------------------------
