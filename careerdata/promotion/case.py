"""The whole case for one target level and review cycle: evidence, coverage, suggestions, gaps, impact,
scope and advocates, computed once as a `CaseAnalysis` that the page, the draft and the exports share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from careerdata.core import vocab
from careerdata.core.dates import format_span
from careerdata.figures import impact as fimpact
from careerdata.promotion.evidence import (
    EVIDENCE_SECTIONS,
    SCOPE_ORDER,
    SECTION_OF_COMPETENCY,
    SECTION_OF_GROUP,
    SECTION_TIE_ORDER,
    SECTIONS,
    competencies_by_accomplishment,
    evidence_strength,
    level_title,
    to_date,
    with_cycle,
)
from careerdata.promotion.readiness import Gap, Readiness, coverage, gaps, readiness
from careerdata.promotion.suggest import suggestions

ADVOCATE_STAGES = ("supporter", "advocate", "sponsor")


ADVOCATE_RECENT_DAYS = 45  # the home page's sponsor-silence threshold: advocates repeat what they recently heard


MAX_ADVOCATES = 6


@dataclass(frozen=True)
class CaseTotals:
    """The impact ledger over the cycle's accomplishments (own estimates, annualised)."""

    money: float
    verified_money: float
    hours: float
    metrics: int
    quantified_wins: int
    wins: int
    by_category: dict[str, float] = field(default_factory=dict)


def case_totals(cycle_accs: pd.DataFrame, metrics: pd.DataFrame) -> CaseTotals:
    if cycle_accs.empty:
        return CaseTotals(0.0, 0.0, 0.0, 0, 0, 0, {})
    m = metrics[metrics["accomplishment_id"].isin(set(cycle_accs["id"]))]
    money = m["money_usd"].fillna(0.0)
    by_cat = money.groupby(m["category"]).sum()
    return CaseTotals(
        money=fimpact.run_rate(m, "money_usd"),
        verified_money=float(money[m["confidence"] == "verified"].sum()),
        hours=fimpact.run_rate(m, "hours"),
        metrics=len(m),
        quantified_wins=int(m["accomplishment_id"].nunique()),
        wins=len(cycle_accs),
        by_category={k: float(v) for k, v in by_cat.items() if v > 0},
    )


def scope_counts(cycle_accs: pd.DataFrame) -> dict[str, int]:
    if cycle_accs.empty:
        return {}
    counts = cycle_accs["scope"].value_counts()
    return {s: int(counts[s]) for s in SCOPE_ORDER if s in counts}


def advocates(contacts: pd.DataFrame, seen: pd.DataFrame, cycle_accs: pd.DataFrame, employer: str | None,
              today: dt.date) -> pd.DataFrame:
    """Contacts who support the case (supporter, advocate or sponsor) where the decision is made.

    Where = the current employer's people (or contacts with no company) when the employer is known.
    `seen` = the in-cycle wins they were told about (an interaction that discussed it) or verified.
    Strongest stage first, then influence.
    """
    cols = ["name", "relationship", "title", "advocacy_stage", "influence", "last_interaction", "days_since",
            "recent", "seen"]
    if contacts.empty:
        return pd.DataFrame(columns=cols)
    c = contacts[contacts["advocacy_stage"].isin(ADVOCATE_STAGES)].copy()
    if employer:
        c = c[(c["company"] == employer) | (c["company"].fillna("") == "")]
    if c.empty:
        return pd.DataFrame(columns=cols)
    titles = dict(zip(cycle_accs["id"], cycle_accs["title"], strict=True)) if not cycle_accs.empty else {}
    seen_by: dict[int, dict[int, str]] = {}
    for s in seen.itertuples():
        if s.accomplishment_id in titles:
            labels = seen_by.setdefault(s.contact_id, {})
            if s.how == "verified" or s.accomplishment_id not in labels:
                suffix = " (verified a metric)" if s.how == "verified" else ""
                labels[s.accomplishment_id] = titles[s.accomplishment_id] + suffix
    last = [to_date(v) for v in c["last_interaction"]]
    c["last_interaction"] = last
    c["days_since"] = [(today - d).days if d else None for d in last]
    c["recent"] = [d is not None and (today - d).days <= ADVOCATE_RECENT_DAYS for d in last]
    c["seen"] = [list(seen_by.get(i, {}).values()) for i in c["id"]]
    c["stage_rank"] = c["advocacy_stage"].map(vocab.ADVOCACY_RANK)
    c = c.sort_values(["stage_rank", "influence", "name"], ascending=[False, False, True]).head(MAX_ADVOCATES)
    return c[cols].reset_index(drop=True)


def section_of(comp_keys: list[str], groups: dict[str, str]) -> str:
    """The case section an accomplishment goes in: the one most of its competencies map to."""
    votes: dict[str, int] = {}
    for key in comp_keys:
        section = SECTION_OF_COMPETENCY.get(key) or SECTION_OF_GROUP.get(groups.get(key, ""), "scope")
        votes[section] = votes.get(section, 0) + 1
    if not votes:
        return "scope"
    best = max(votes.values())
    return next(s for s in SECTION_TIE_ORDER if votes.get(s) == best)


@dataclass
class CaseAnalysis:
    """Everything the page, the draft, the linter and the CLI need about one case."""

    target: str
    target_title: str
    current: str | None
    current_title: str
    cycle_start: dt.date
    cycle_end: dt.date
    today: dt.date
    profile: dict | None
    accomplishments: pd.DataFrame  # all, with in_cycle, last_active, points
    cycle_accs: pd.DataFrame
    links: pd.DataFrame
    competencies: pd.DataFrame
    strength: pd.DataFrame
    coverage: pd.DataFrame  # at the target level
    readiness: Readiness
    suggestions: pd.DataFrame
    gaps: list[Gap]
    totals: CaseTotals
    metrics: pd.DataFrame  # in the cycle
    advocates: pd.DataFrame
    contacts: pd.DataFrame
    sections: dict[str, list[int]]
    comp_names: dict[str, str]


def analyse(inputs, target: str, cycle_start: dt.date, cycle_end: dt.date, today: dt.date) -> CaseAnalysis:
    """Build the case for `target` over the cycle from a `queries.promotion.CaseInputs`."""
    levels = inputs.levels
    current = (inputs.profile or {}).get("current_level") or None
    metrics_all = inputs.metrics
    verified = metrics_all.loc[metrics_all["confidence"] == "verified", "accomplishment_id"].value_counts().to_dict() \
        if not metrics_all.empty else {}
    accs = with_cycle(inputs.accomplishments, cycle_start, cycle_end, today, verified)
    cycle_accs = accs[accs["in_cycle"]].reset_index(drop=True) if not accs.empty else accs
    strength = evidence_strength(cycle_accs, inputs.links, inputs.competencies)
    cov = coverage(strength, inputs.expectations, target)
    suggested = suggestions(cycle_accs, inputs.skills, inputs.links, inputs.competencies)
    in_ids = set(cycle_accs["id"]) if not cycle_accs.empty else set()
    metrics = inputs.metrics[inputs.metrics["accomplishment_id"].isin(in_ids)]
    groups = dict(zip(inputs.competencies["key"], inputs.competencies["group"], strict=True))
    keys_of = competencies_by_accomplishment(inputs.links)
    sections: dict[str, list[int]] = {s: [] for s in EVIDENCE_SECTIONS}
    for acc_id in cycle_accs.sort_values("points", ascending=False)["id"] if not cycle_accs.empty else []:
        sections[section_of(keys_of.get(acc_id, []), groups)].append(int(acc_id))
    return CaseAnalysis(
        target=target,
        target_title=level_title(levels, target),
        current=current,
        current_title=level_title(levels, current) if current else "",
        cycle_start=cycle_start,
        cycle_end=cycle_end,
        today=today,
        profile=inputs.profile,
        accomplishments=accs,
        cycle_accs=cycle_accs,
        links=inputs.links,
        competencies=inputs.competencies,
        strength=strength,
        coverage=cov,
        readiness=readiness(cov, target),
        suggestions=suggested,
        gaps=gaps(cov, suggested, cycle_accs, inputs.links),
        totals=case_totals(cycle_accs, inputs.metrics),
        metrics=metrics,
        advocates=advocates(inputs.contacts, inputs.seen, cycle_accs, inputs.current_employer, today),
        contacts=inputs.contacts,
        sections=sections,
        comp_names=dict(zip(inputs.competencies["key"], inputs.competencies["name"], strict=True)),
    )


def evidence_table(analysis: CaseAnalysis) -> pd.DataFrame:
    """One row per in-cycle accomplishment: its active competencies, points and where it goes in the case.

    `weight` says in one short line what the points rest on: "org · 2 metrics · 1.88 pts".
    """
    cols = ["id", "title", "span", "scope", "metrics", "points", "weight", "competencies", "section"]
    accs = analysis.cycle_accs
    if accs.empty:
        return pd.DataFrame(columns=cols)
    keys_of = competencies_by_accomplishment(analysis.links)
    section_by_id = {i: SECTIONS[s] for s, ids in analysis.sections.items() for i in ids}
    rows = []
    for a in accs.sort_values("points", ascending=False).itertuples():
        keys = keys_of.get(a.id, [])
        rows.append({
            "id": int(a.id), "title": a.title, "span": format_span(a.start_date, a.end_date),
            "scope": a.scope, "metrics": int(a.metrics), "points": round(float(a.points), 2),
            "weight": f"{a.scope} · {int(a.metrics)} metric{'' if int(a.metrics) == 1 else 's'} · "
                      f"{float(a.points):.2f} pts",
            "competencies": ", ".join(analysis.comp_names.get(k, k) for k in keys),
            "section": section_by_id.get(int(a.id), ""),
        })
    return pd.DataFrame(rows, columns=cols)
