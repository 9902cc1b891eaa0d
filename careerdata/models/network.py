"""What the Network page writes beyond the journal's contacts and visibility items: cadence tiers and
visibility expectations per level.

The core entities (Contact, Interaction, VisibilityItem) live in `careerdata.models.career`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from careerdata.models.career import Model, Relationship


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


class CadenceTierTable(Model):
    """The whole cadence-tier table as edited on the Network page (errors name the row)."""

    tiers: list[CadenceTier]


class VisibilityExpectationTable(Model):
    """The visibility expectation per influence proficiency, as edited on the Network page."""

    rows: list[VisibilityExpectation]
