"""Cached models of the Promotion case page: the cycle's case (read, analysis, draft) and a draft's findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.promotion import case as pcase
from careerdata.promotion import draft as pdraft
from careerdata.promotion import evidence as pa
from careerdata.promotion import lint as plint
from careerdata.promotion import plan as pplan
from careerdata.promotion import queries as pq
from careerdata.promotion import readiness as pready


@dataclass
class PromotionView:
    """Everything the page shows about one case; `analysis` is built from the cycle's accomplishments
    only, so its `accomplishments` are the cycle's too (the linter reads every title itself)."""

    analysis: pcase.CaseAnalysis
    draft: str  # the case generated from the data
    matrix: pd.DataFrame  # the heatmap's: competency x (current, target, next) level
    level_labels: dict[str, str]  # the heatmap's columns, in order
    evidence: pd.DataFrame  # one row per win in the cycle
    steps: list[pplan.PlanStep]  # the cultivating-the-lead plan back from the review date
    target_label: str  # "Staff Engineer (L6)"


def promotion_case(con, target: str, cycle_start: dt.date, cycle_end: dt.date, today: dt.date,
                   review_date: dt.date) -> PromotionView:
    """The case for `target` over the cycle, from only the cycle's accomplishments (and their links,
    skills and metrics)."""
    inputs = pq.cycle_case_inputs(con, cycle_start, cycle_end, today)
    analysis = pcase.analyse(inputs, target, cycle_start, cycle_end, today)
    levels, current = inputs.levels, analysis.current
    codes = set(levels["code"])
    shown = [lvl for lvl in dict.fromkeys([current, target, pa.next_level(levels, target)]) if lvl in codes]
    matrix = pready.coverage_matrix(analysis.strength, inputs.expectations, shown)
    labels = {lvl: pa.level_label(levels, lvl) + (" (target)" if lvl == target else " (current)"
                                                  if lvl == current else "") for lvl in dict.fromkeys(matrix["level"])}
    target_label = f"{analysis.target_title} ({target})"
    return PromotionView(
        analysis=analysis,
        draft=pdraft.draft_case(analysis),
        matrix=matrix,
        level_labels=labels,
        evidence=pcase.evidence_table(analysis),
        steps=pplan.plan_steps(review_date, inputs.contacts, target_label),
        target_label=target_label,
    )


def draft_findings(con, cycle_start: dt.date, cycle_end: dt.date, today: dt.date, uncovered: tuple[str, ...],
                   markdown: str) -> list[plint.Finding]:
    """The linter's findings on a draft of the case (`uncovered`: the case's competencies without
    evidence). Every accomplishment's title and dates are read, to catch a line naming a win from
    another cycle; the analysis is not needed again."""
    linter = plint.Linter.build(cycle_start=cycle_start, cycle_end=cycle_end, today=today,
                             accomplishments=pq.accomplishment_spans(con), uncovered=list(uncovered),
                             contacts=pq.contact_touch(con))
    return linter.check(markdown)
