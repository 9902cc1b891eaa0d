"""Pydantic models for the promotion case: what a valid case, link decision, version and plan entry is.

Every promotion write (the page's forms, the CLI) builds one of these first, so a bad value is
refused with the field's name before anything touches the database.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from careerdata.core import vocab
from careerdata.models.career import Interaction, Model

LevelCode = Annotated[str, Field(min_length=1, max_length=20)]
CompetencyKey = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")]
StepKey = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")]

MAX_CASE_CHARS = 200_000


class CaseKey(Model):
    """One promotion case: a target level in one review cycle."""

    target_level: LevelCode
    cycle_start: dt.date
    cycle_end: dt.date

    @model_validator(mode="after")
    def _order(self):
        if self.cycle_end < self.cycle_start:
            raise ValueError("cycle end must be on or after the cycle start")
        if (self.cycle_end - self.cycle_start).days > 3 * 366:
            raise ValueError("a review cycle longer than three years is not a cycle")
        return self


class LinkDecision(Model):
    """The user's answer to a suggested accomplishment -> competency match."""

    accomplishment_id: Annotated[int, Field(ge=1)]
    competency_key: CompetencyKey
    decision: Literal[vocab.LINK_DECISIONS]


class CaseVersion(Model):
    """A saved draft of the case (Markdown), with an optional note on what changed."""

    markdown: Annotated[str, Field(min_length=1, max_length=MAX_CASE_CHARS)]
    note: str = Field(default="", max_length=200)


class ReviewDate(Model):
    """The date of the promotion review (calibration); the plan is back-scheduled from it."""

    review_date: dt.date
    cycle_start: dt.date

    @model_validator(mode="after")
    def _after_cycle_start(self):
        if self.review_date < self.cycle_start:
            raise ValueError("the review date must be on or after the start of the review cycle")
        if (self.review_date - self.cycle_start).days > 3 * 366:
            raise ValueError("the review date is more than three years after the cycle starts")
        return self


class PlanStepStatus(Model):
    step_key: StepKey
    status: Literal[vocab.PLAN_STATUSES]


class PlanStepLog(Model):
    """A conversation logged against a plan step: it becomes an interaction and marks the step done."""

    step_key: StepKey
    interaction: Interaction

    @model_validator(mode="after")
    def _notes(self):
        if not self.interaction.notes.strip():
            raise ValueError("notes: say what you asked and what you heard, so the plan keeps the answer")
        return self
