"""Cached models of the Value proposition and Competitors pages.

Each function reads what one part of a page shows and runs its analysis, so a rerun (a click, a
tab, a radio) is one cache hit per part: the target selector (`customers`), the customer and the
offer for one target (`value`), the impact ledger for one measure and period (`ledger`), the
metrics behind one bar (`ledger_drill`) and the competitor benchmarks for one target
(`competitors`). Every number still comes from `careerdata.analytics.value_prop` and
`careerdata.analytics.competitors`; what is returned is only what the page shows (the full table
of offer matches, for instance, stays here), including its Plotly figures: building a figure
costs tens of milliseconds, taking a cached one back a few.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from careerdata.analytics import competitors as cp
from careerdata.analytics import skill_value as sv
from careerdata.analytics import value_prop as vp
from careerdata.charts.competitors import moat_chart, positioning_chart, radar_chart
from careerdata.charts.value_prop import ledger_chart, needs_chart
from careerdata.queries import impact_metrics
from careerdata.queries import value_prop as q
from careerdata.queries.skill_value import matrix_inputs

# --- the target selector (both pages) -----------------------------------------------------------


@dataclass
class Customers:
    choices: list[vp.Target]
    default: str | None  # key of the target to open with
    profile: dict
    current_level: str | None
    ladder_name: str
    no_target_roles: bool
    has_competencies: bool


def _choices(sel: q.SelectorInputs) -> tuple[list[vp.Target], str | None]:
    lad = sel.ladder
    current_level = (lad.profile or {}).get("current_level") or None
    choices = vp.targets(sel.target_roles, sel.roles, lad.levels, current_level)
    default = choices[vp.default_target(choices, lad.levels, current_level, sel.employer)].key if choices else None
    return choices, default


def customers(con) -> Customers:
    sel = q.selector_inputs(con)
    choices, default = _choices(sel)
    profile = sel.ladder.profile or {}
    return Customers(choices=choices, default=default, profile=profile,
                     current_level=profile.get("current_level") or None,
                     ladder_name=(sel.ladder.ladder or {}).get("name", "the career ladder"),
                     no_target_roles=sel.target_roles.empty, has_competencies=not sel.ladder.competencies.empty)


def _target(choices: list[vp.Target], key: str) -> vp.Target:
    for t in choices:
        if t.key == key:
            return t
    raise KeyError(f"no target {key!r}")


# --- value proposition: the customer and the offer ------------------------------------------------


@dataclass
class ValueView:
    target: vp.Target
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
    choices, _ = _choices(sel)
    target = _target(choices, target_key)
    lad = sel.ladder
    profile = lad.profile or {}
    current_level = profile.get("current_level") or None
    inputs = matrix_inputs(con)
    accomplishments = q.accomplishment_texts(con)
    metrics = impact_metrics(con)
    links = q.competency_links(con)

    proxy = inputs.proxies.get(target.onet_code) if target.onet_code else None
    tasks, task_stand_in = vp.occupation_tasks(q.occupation_tasks(con, (target.onet_code, proxy)),
                                               target.onet_code, inputs.proxies)
    jobs = vp.customer_jobs(target, lad.expectations, lad.competencies, tasks)
    needs = vp.customer_needs(jobs, target, current_level, lad.expectations, lad.competencies)
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
        drafts={kind: vp.draft_pitch(kind, profile, target, needs, strongest, evidence, summary)
                for kind in vp.PITCH_KINDS},
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
    all_quarters = vp.ledger_quarters(metrics, today)
    entries = vp.ledger(metrics, measure)
    cumulative = vp.ledger_cumulative(entries, all_quarters)
    quarters = all_quarters[-last_quarters:] if last_quarters else all_quarters
    shown = entries[entries["quarter"].isin(quarters)]
    with_values = shown[shown["value"] > 0]
    order = {quarter: i for i, quarter in enumerate(quarters)}
    bar_quarters = sorted(set(with_values["quarter"]), key=order.__getitem__, reverse=True)
    present = with_values.groupby("quarter")["category"].agg(set) if not with_values.empty else {}
    shown_cumulative = cumulative[cumulative["quarter"].isin(quarters)]
    return LedgerView(
        quarters=quarters, entries=shown, cumulative=shown_cumulative,
        by_confidence=vp.ledger_by_confidence(entries), by_category=vp.ledger_by_category(entries),
        bar_quarters=bar_quarters,
        biggest=with_values.groupby("quarter")["value"].sum().idxmax() if bar_quarters else None,
        categories={qr: [c for c in vp.CATEGORIES if c in present[qr]] for qr in bar_quarters},
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
    return vp.ledger_drill(metrics.astype(dict.fromkeys(text, "str")), quarter, category, measure)


# --- competitors ---------------------------------------------------------------------------------------


@dataclass
class CompetitorsView:
    target: vp.Target
    has_evidence: bool
    you: pd.DataFrame
    bench: pd.DataFrame
    against: str | None
    names: dict[str, str]
    against_label: str
    occupation: str
    ratings_code: str | None
    is_stand_in: bool
    level_titles: dict[str, str]
    moat: cp.Moat
    rare: pd.DataFrame
    commodity: pd.DataFrame
    diffs: pd.DataFrame
    gaps: pd.DataFrame
    met: int
    rated: int
    points: pd.DataFrame
    selected_label: str
    near: str | None
    element_names: dict[str, str]
    radar_figure: go.Figure
    positioning_figure: go.Figure
    moat_figure: go.Figure | None  # None without a proven skill that the target needs


def _label(t: vp.Target) -> str:
    return t.name if t.company == "" else f"{t.name} ({t.company})"


def competitors(con, target_key: str, today: dt.date) -> CompetitorsView:
    sel = q.selector_inputs(con)
    choices, _ = _choices(sel)
    target = _target(choices, target_key)
    lad = sel.ladder
    current_level = (lad.profile or {}).get("current_level") or None
    inputs = matrix_inputs(con)

    you = cp.competency_profile(q.competency_evidence(con), lad.competencies, today)
    has_evidence = bool((you["accomplishments"] > 0).any())
    ratings, ratings_code, is_stand_in = cp.occupation_ratings(inputs.ratings, target.onet_code, inputs.proxies)
    onet = cp.onet_profile(ratings, lad.competencies)
    current = cp.level_profile(lad.expectations, current_level)
    wanted = cp.level_profile(lad.expectations, target.level)
    bench = cp.benchmark_frame(you, current if current_level != target.level else {}, wanted, onet)
    against = cp.reference_column(bench)
    level_titles = dict(zip(lad.levels["code"], lad.levels["title"], strict=True))
    occupation = target.occupation or "the target occupation"
    names = {"current": f"Your level now: {current_level} {level_titles.get(current_level, '')}".strip(),
             "target": f"Target level: {target.level} {level_titles.get(target.level, '')}".strip(),
             "onet": f"O*NET: {occupation}" + (" (stand-in ratings)" if is_stand_in else "")}
    against_label = {"target": f"the {target.level} bar",
                     "onet": f"the O*NET profile of {occupation}"}.get(against, "")

    # the market side: moat and commodity
    mappings = sv.resolve_mappings(inputs.skills, inputs.default_map, inputs.user_map, inputs.elements,
                                   inputs.technologies)
    skill_evidence = sv.evidence_levels(inputs.evidence, today)
    pool = cp.listed_items(inputs.ratings, inputs.tech, sorted(set(inputs.ratings["onet_soc_code"])))
    needed = cp.target_items(inputs.ratings, inputs.tech, ratings_code, target.onet_code)
    needed_names = vp.target_role_skill_names(q.role_skills(con), target)
    moat = cp.moat(inputs.skills, skill_evidence, mappings, pool, needed, needed_names)
    your_items = set().union(*cp.skill_items(mappings).values()) if not mappings.empty else set()
    element_names = dict(zip(inputs.elements["element_id"], inputs.elements["name"], strict=True))
    hot = set(inputs.tech.loc[inputs.tech["hot_technology"], "technology"])

    # positioning: you, the ladder, and every target role (or just this occupation)
    groups = dict(zip(lad.competencies["key"], lad.competencies["group"], strict=True))
    placed = []
    for t in (choices if not sel.target_roles.empty else [target]):
        profile = cp.tilt(cp.level_profile(lad.expectations, t.level),
                          onet if t.onet_code == target.onet_code else cp.onet_profile(
                              cp.occupation_ratings(inputs.ratings, t.onet_code, inputs.proxies)[0],
                              lad.competencies))
        placed.append((_label(t), profile,
                       f"{t.level or 'no level'} expectations tilted by {t.occupation or 'no O*NET occupation'}"))
    points = cp.positioning(dict(zip(you["key"], you["level"], strict=True)) if has_evidence else {}, groups,
                            lad.levels, lad.expectations, placed)
    met, rated = cp.meets(bench, against) if against else (0, 0)
    gap_rows = cp.gaps(bench, against) if against else bench.iloc[0:0]
    top_gap = gap_rows.iloc[0] if not gap_rows.empty and has_evidence else None
    if against and has_evidence:
        radar_title = f"You reach {against_label} on {met} of {rated} competencies"
        if top_gap is not None:
            radar_title += f"; biggest gap: {top_gap['name']}"
    elif against:
        radar_title = f"What {target.short} expects, competency by competency"
    else:
        radar_title = "Your competency profile (this target has no ladder level or O*NET occupation to compare with)"
    near = cp.nearest_level(points)
    pos_title = (f"On depth vs breadth you sit closest to {near} ({level_titles.get(near, '')})" if near
                 else "Technical depth vs business & communication breadth")
    moat_figure = None
    if not moat.slots.empty:
        lead = moat.slots.head(3)["name"].tolist()
        moat_title = (f"Moat {moat.score:.0f}/100: {vp._join(lead)} "
                      f"{'are' if len(lead) > 1 else 'is'} rare among {moat.pool_size} occupations and proven")
        moat_figure = moat_chart(moat.slots, moat.pool_size, cp.MOAT_SLOTS, moat_title)
    return CompetitorsView(
        target=target, has_evidence=has_evidence, you=you, bench=bench, against=against, names=names,
        against_label=against_label, occupation=occupation, ratings_code=ratings_code, is_stand_in=is_stand_in,
        level_titles=level_titles, moat=moat, rare=cp.rare_proven(moat),
        commodity=cp.commodity(needed, pool, element_names, hot, your_items),
        diffs=cp.differentiators(bench, against) if against and has_evidence else bench.iloc[0:0],
        gaps=gap_rows, met=met, rated=rated, points=points, selected_label=_label(target), near=near,
        element_names=element_names, radar_figure=radar_chart(bench, names, radar_title, show_you=has_evidence),
        positioning_figure=positioning_chart(points, _label(target), pos_title), moat_figure=moat_figure)
