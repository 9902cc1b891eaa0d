"""The drafted case in Markdown, built from a `CaseAnalysis`, and the diff between two saved versions.

The draft the user edits holds two documents for two readers, one after the other:

* the **packet**, for the manager and the promotion committee: the case only (summary, impact,
  evidence by theme, the competencies the evidence meets), in one voice, the third person ("Priya
  delivered…"); every claim is the user's own win, written as action, result and metric. It names no
  colleague's influence, nobody's advocacy and nothing about who has or has not heard of a win;
* the **private plan**, for the user alone, under the heading `PRIVATE_HEADING`: advocates with their
  influence and what each has seen, and the gaps with the plan to close them, addressed to "you".

`careerdata.promotion.export.split_case` cuts the two apart, so the packet's files never carry the
plan. User text is escaped so it is shown literally."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import pandas as pd

from careerdata.core import vocab
from careerdata.core.dates import format_day, format_span
from careerdata.core.money import format_money
from careerdata.core.text import escape_md, join_words, plural
from careerdata.figures import cycle as fcycle
from careerdata.figures import impact as fimpact
from careerdata.figures import readiness as freadiness
from careerdata.figures.metric_text import metric_text
from careerdata.promotion.case import CaseAnalysis, scope_counts
from careerdata.promotion.evidence import EVIDENCE_SECTIONS, SCOPE_PHRASES, SECTIONS, has_links
from careerdata.promotion.export import PRIVATE_HEADING
from careerdata.promotion.lint import has_number


def _claim(a, metrics: pd.DataFrame, first_metric: dict[int, int] | None = None) -> str:
    """One evidence bullet: the title (past tense), when and where, the result, a metric and a link.

    `first_metric` maps an accomplishment id to the position of its first row in `metrics`
    (see `_first_rows`), so a draft of many wins does not filter the metrics once per win."""
    body = (a.result or a.action or "").strip()
    line = f"- **{escape_md(a.title)}** ({format_span(a.start_date, a.end_date)}, {SCOPE_PHRASES.get(a.scope, a.scope)})"
    if body:
        line += f": {escape_md(body)}"
    if not has_number(body):
        first = _first_rows(metrics) if first_metric is None else first_metric
        if a.id in first:
            line += f" Metric: {escape_md(metric_text(**_metric_fields(metrics.iloc[first[a.id]])).sentence)}."
    links = list(a.links) if has_links(a.links) else []
    if links:
        first = str(links[0])
        if re.match(r"https?://", first):
            line += f" [link]({first.replace(')', '%29').replace(' ', '%20')})"
        else:
            line += f" ({escape_md(first)})"
    return line


def _first_rows(metrics: pd.DataFrame) -> dict[int, int]:
    """{accomplishment id: position of its first row in `metrics`}."""
    first: dict[int, int] = {}
    for pos, acc_id in enumerate(metrics["accomplishment_id"]):
        first.setdefault(acc_id, pos)
    return first


METRIC_FIELDS = ("description", "baseline", "new_value", "unit", "money_usd", "hours", "confidence", "verified_by")


def _metric_fields(row) -> dict:
    return {k: row[k] for k in METRIC_FIELDS}


def draft_case(analysis: CaseAnalysis) -> str:
    """The draft the user edits: the packet, then the private plan (see the module docstring).
    Deterministic: same data, same text."""
    return packet_markdown(analysis) + "\n" + private_plan_markdown(analysis)


def packet_markdown(analysis: CaseAnalysis) -> str:
    """The case for its readers, the manager and the committee, in the third person."""
    a = analysis
    p = a.profile or {}
    name = p.get("name") or "The candidate"
    first = name.split()[0] if p.get("name") else "They"
    target = f"{a.target_title} ({a.target})" if a.target_title != a.target else a.target
    t = a.totals
    r = a.readiness
    lines = [f"# Promotion case: {escape_md(name)} for {escape_md(target)}", "",
             f"Review cycle {format_day(a.cycle_start)} – {format_day(a.cycle_end)} · "
             f"drafted {format_day(a.today)} from the career file", ""]

    # Summary
    lines += [f"## {SECTIONS['summary']}", ""]
    who = escape_md(name)
    if p.get("current_title"):
        now = escape_md(p["current_title"]) + (f", {escape_md(a.current)}" if a.current else "")
        who += f" ({now})"
    summary = f"{who} is proposed for **{escape_md(target)}**."
    if t.wins:
        scopes = scope_counts(a.cycle_accs)
        scope_text = ", ".join(f"{n} {SCOPE_PHRASES[s]}" for s, n in scopes.items())
        summary += f" In this cycle {escape_md(first)} delivered {fcycle.wins_label(t.wins)} ({scope_text})"
        if t.money or t.hours:
            parts = []
            if t.money:
                parts.append(f"**{fimpact.money_run_rate_label(t.money)}** of quantified impact")
            if t.hours:
                parts.append(f"{t.hours:,.0f} hours a year saved")
            summary += " with " + " and ".join(parts)
            if t.money:
                summary += (f" (own estimates; {format_money(t.verified_money)} of it verified by a colleague)"
                            if t.verified_money else " (own estimates)")
        summary += "."
    else:
        summary += " No accomplishment is logged in this cycle yet."
    if r.total:
        met = a.coverage.loc[a.coverage["ratio"] >= 1, "name"].tolist() if not a.coverage.empty else []
        summary += f" For {escape_md(a.target)} the evidence has {freadiness.count_label(r.at_bar, r.total)}"
        summary += f" ({escape_md(join_words(sorted(met)))})." if met else "."
    lines += [summary, ""]

    # Impact
    lines += [f"## {SECTIONS['impact']}", ""]
    if t.metrics:
        cats = ", ".join(f"{c} {format_money(v)}" for c, v in sorted(t.by_category.items(), key=lambda kv: -kv[1]))
        lead = (f"Quantified impact in the cycle: **{fimpact.money_run_rate_label(t.money)}**"
                + (f" ({cats})" if cats else "")
                + f" and **{t.hours:,.0f} hours a year** saved, from {plural(t.metrics, 'metric')} on "
                f"{t.quantified_wins} of {plural(t.wins, 'accomplishment')}. Money figures are own annualised "
                "estimates.")
        lines += [lead, ""]
        lines += ["| Accomplishment | What changed | Before → after | Worth a year | Confidence |",
                  "| --- | --- | --- | --- | --- |"]
        titles = dict(zip(a.cycle_accs["id"], a.cycle_accs["title"], strict=True))
        ordered = a.metrics.assign(_m=a.metrics["money_usd"].fillna(-1), _h=a.metrics["hours"].fillna(-1))
        ordered = ordered.sort_values(["_m", "_h", "id"], ascending=[False, False, True])
        for m in ordered.to_dict("records"):
            text = metric_text(**_metric_fields(m))
            lines.append(f"| {escape_md(titles.get(m['accomplishment_id'], ''))} | {escape_md(text.what)} | "
                         f"{escape_md(text.change) or '—'} | {text.worth or '—'} | {escape_md(text.proof)} |")
        lines.append("")
    else:
        lines += ["_No impact metric on an accomplishment in this cycle yet: add a baseline and a new value._", ""]

    # Evidence sections
    by_id = {int(x.id): x for x in a.cycle_accs.itertuples()} if not a.cycle_accs.empty else {}
    first_metric = _first_rows(a.metrics)
    for key in EVIDENCE_SECTIONS:
        lines += [f"## {SECTIONS[key]}", ""]
        ids = a.sections.get(key, [])
        if key == "scope" and by_id:
            scopes = scope_counts(a.cycle_accs)
            lines += ["Scope in the cycle: " + ", ".join(f"{n} {SCOPE_PHRASES[s]}" for s, n in scopes.items())
                      + (" accomplishments." if sum(scopes.values()) > 1 else " accomplishment."), ""]
        if ids:
            lines += [_claim(by_id[i], a.metrics, first_metric) for i in ids] + [""]
        else:
            lines += ["_Nothing in this cycle is linked to this section yet._", ""]

    return "\n".join(lines).rstrip() + "\n"


def private_plan_markdown(analysis: CaseAnalysis) -> str:
    """The plan behind the case, for the user alone: who supports it, how much their word counts,
    what each has seen of this cycle's wins, and the gaps with the plan to close them."""
    a = analysis
    lines = [f"# {PRIVATE_HEADING}", "",
             "For you only: it stays out of the packet's files. Who supports your case and what they have seen, "
             "and the gaps you are closing before the review.", ""]
    # Advocates
    lines += [f"## {SECTIONS['advocates']}", ""]
    if a.advocates.empty:
        lines += ["_No supporter, advocate or sponsor recorded yet: add contacts and their advocacy stage._", ""]
    else:
        for c in a.advocates.itertuples():
            when = f"last spoke {format_day(c.last_interaction)}" if c.last_interaction else "no conversation logged"
            what = ("has seen " + ", ".join(f"“{escape_md(s)}”" for s in c.seen[:3])) if c.seen else \
                "you have not yet told them about a win from this cycle"
            who = vocab.RELATIONSHIP_LABELS.get(c.relationship, c.relationship).lower()
            lines.append(f"- **{escape_md(c.name)}**, {who} ({c.advocacy_stage}, influence "
                         f"{int(c.influence)}/5; {when}): {what}.")
        lines.append("")

    # Gaps and plan
    lines += [f"## {SECTIONS['gaps']}", ""]
    if not a.gaps:
        lines += [f"- No gap against the {escape_md(a.target)} expectations in this cycle. Plan: keep logging your "
                  "wins as they happen and keep your advocates current.", ""]
    for g in a.gaps:
        state = "no evidence in this cycle" if g.strength <= 0 else f"evidence {g.strength:.1f} of {g.target}"
        lines.append(f"- **{escape_md(g.name)}**: {state} ({escape_md(a.target)} expects {g.target}/5: "
                     f"{escape_md(g.expectation)}) Plan: {escape_md(' '.join(g.plan))}")
    lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class VersionDiff:
    text: str  # unified diff ('' when identical)
    added: int
    removed: int


def version_diff(old: str, new: str, old_label: str = "before", new_label: str = "after") -> VersionDiff:
    """A unified diff of two drafts (difflib), with the count of added and removed lines."""
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), fromfile=old_label, tofile=new_label,
                                      lineterm="", n=1))
    added = sum(1 for x in lines if x.startswith("+") and not x.startswith("+++"))
    removed = sum(1 for x in lines if x.startswith("-") and not x.startswith("---"))
    return VersionDiff("\n".join(lines), added, removed)
