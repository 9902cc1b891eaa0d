"""What the Pipeline page writes beyond the journal's Opportunity: a stage move."""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from careerdata.models.career import Model, OpportunityStage


class StageMove(Model):
    """An opportunity moving to a stage on a date (forward, to lost, or reopened)."""

    stage: OpportunityStage
    entered_on: dt.date
    next_step: str = Field(default="", max_length=500)
    follow_up_due: dt.date | None = None

    @field_validator("follow_up_due", mode="before")
    @classmethod
    def _blank(cls, value):
        if isinstance(value, str) and not value.strip():
            return None
        return value
