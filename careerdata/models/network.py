"""Pydantic models for the career-sales features (network cadence, visibility, pipeline, conversations).

The core entities (Contact, Interaction, VisibilityItem, Opportunity, Conversation, Objection,
Rehearsal) live in `careerdata.models`; these are the extra things the sales pages write.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from careerdata.models.career import ONET_SOC_PATTERN, Model, OpportunityStage, Relationship


class CadenceTier(Model):
    """Keep-in-touch cadence for one relationship tier: ideal and maximum days between touches."""

    relationship: Relationship
    ideal_days: Annotated[int, Field(ge=1, le=730)]
    max_days: Annotated[int, Field(ge=1, le=1460)]

    @model_validator(mode="after")
    def _order(self):
        if self.max_days < self.ideal_days:
            raise ValueError("max_days must be at least ideal_days")
        return self


class VisibilityExpectation(Model):
    """How much visible work an influence proficiency (1-5) calls for in 12 months."""

    influence_target: Annotated[int, Field(ge=1, le=5)]
    items_per_year: Annotated[int, Field(ge=0, le=365)]
    external_per_year: Annotated[int, Field(ge=0, le=365)]

    @model_validator(mode="after")
    def _order(self):
        if self.external_per_year > self.items_per_year:
            raise ValueError("external_per_year cannot be more than items_per_year")
        return self


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


class PayOccupation(Model):
    """The O*NET-SOC occupation whose BLS percentiles a conversation quotes."""

    onet_soc_code: str

    @field_validator("onet_soc_code")
    @classmethod
    def _soc(cls, value):
        if not ONET_SOC_PATTERN.match(value):
            raise ValueError("must be an O*NET-SOC code like 15-1252.00")
        return value


class CadenceTierTable(Model):
    """The whole cadence-tier table as edited on the Network page (errors name the row)."""

    tiers: list[CadenceTier]


class VisibilityExpectationTable(Model):
    """The visibility expectation per influence proficiency, as edited on the Network page."""

    rows: list[VisibilityExpectation]
