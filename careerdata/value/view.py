"""Cached models of the Value proposition and Competitors pages.

Each function reads what one part of a page shows and runs its analysis, so a rerun (a click, a
tab, a radio) is one cache hit per part: the target selector (`customers`), the customer and the
offer for one target (`value`), the impact ledger for one measure and period (`ledger`), the
metrics behind one bar (`ledger_drill`) and the competitor benchmarks for one target
(`competitors`). Every number still comes from `careerdata.value.offer` and
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
from careerdata.journal.queries import impact_metrics
from careerdata.matrix import skill_value as sv
from careerdata.matrix.queries import matrix_inputs
from careerdata.value import customer as vc
from careerdata.value import ledger as vl
from careerdata.value import offer as vp
from careerdata.value import pitch as vpitch
from careerdata.value import queries as q
from careerdata.value import targets as vt
from careerdata.value.charts import ledger_chart, needs_chart
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
    has_metrics: bool
    reference_year: int | None


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
        has_wins=has_wins, has_metrics=not metrics.empty, reference_year=inputs.reference_year)


# --- the impact ledger ------------------------------------------------------------------------------


@dataclass
class LedgerView:
    quarters: list[str]  # the quarters shown
    entries: pd.DataFrame  # the ledger's entries in those quarters
    cumulative: pd.DataFrame  # the cumulative run-rate in those quarters
    by_confidence: pd.DataFrame  # all time
    by_category: pd.DataFrame  # all time
    bar_quarters: list[str]  # shown quarters with a value, newest first
    biggest: str | None  # the shown quarter with the most value
    categories: dict[str, list[str]]  # quarter -> its categories with a value, in CATEGORIES order
    figure: go.Figure | None  # None when the quarters shown have no value


def ledger(con, measure: str, last_quarters: int | None, today: dt.date) -> LedgerView:
    """The career P&L for one measure; last_quarters: only the latest N quarters (None: all time)."""
    metrics = q.ledger_metrics(con)
    all_quarters = vl.ledger_quarters(metrics, today)
    entries = vl.ledger(metrics, measure)
    cumulative = vl.ledger_cumulative(entries, all_quarters)
    quarters = all_quarters[-last_quarters:] if last_quarters else all_quarters
    shown = entries[entries["quarter"].isin(quarters)]
    with_values = shown[shown["value"] > 0]
    order = {quarter: i for i, quarter in enumerate(quarters)}
    bar_quarters = sorted(set(with_values["quarter"]), key=order.__getitem__, reverse=True)
    present = with_values.groupby("quarter")["category"].agg(set) if not with_values.empty else {}
    shown_cumulative = cumulative[cumulative["quarter"].isin(quarters)]
    return LedgerView(
        quarters=quarters, entries=shown, cumulative=shown_cumulative,
        by_confidence=vl.ledger_by_confidence(entries), by_category=vl.ledger_by_category(entries),
        bar_quarters=bar_quarters,
        biggest=with_values.groupby("quarter")["value"].sum().idxmax() if bar_quarters else None,
        categories={qr: [c for c in vocab.IMPACT_CATEGORIES if c in present[qr]] for qr in bar_quarters},
        figure=ledger_chart(shown, shown_cumulative, quarters, measure) if shown["value"].sum() > 0 else None)


def _quarter_span(quarter: str) -> tuple[dt.date, dt.date]:
    """'2026 Q3' -> (1 Jul 2026, 30 Sep 2026)."""
    year, number = quarter.split(" Q")
    first = dt.date(int(year), 3 * int(number) - 2, 1)
    after = dt.date(int(year) + 1, 1, 1) if number == "4" else dt.date(int(year), 3 * int(number) + 1, 1)
    return first, after - dt.timedelta(days=1)


def ledger_drill(con, quarter: str, category: str | None, measure: str) -> pd.DataFrame:
    """The metrics behind one bar (`value_prop.ledger_drill` of that quarter's metrics)."""
    start, end = _quarter_span(quarter)
    metrics = q.metrics_between(con, start, end)
    # a quarter whose names are all blank reads them as objects; the whole table reads them as text
    text = [c for c in ("accomplishment", "category", "description", "unit", "confidence", "verified_by")
            if metrics[c].dtype == object]
    return vl.ledger_drill(metrics.astype(dict.fromkeys(text, "str")), quarter, category, measure)
