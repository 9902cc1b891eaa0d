"""What the weekly check-in writes: what you shipped, who you told, one visible thing."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, model_validator

from careerdata.models.career import Channel, Model, Name


class CheckIn(Model):
    """One week's check-in. `accept` are review-queue candidates you shipped (they become wins);
    `told` are contacts you told about this week's work (each gets an interaction naming those wins)."""

    week_start: dt.date
    shipped: str = Field(default="", max_length=2000)
    accept: list[Annotated[int, Field(ge=1)]] = Field(default_factory=list)
    told: list[Name] = Field(default_factory=list)
    channel: Channel = "chat"
    visible: str = Field(default="", max_length=500)

    @model_validator(mode="after")
    def _something(self):
        if self.week_start.weekday() != 0:
            raise ValueError("week_start: a check-in week starts on a Monday")
        if not (self.shipped.strip() or self.accept or self.told or self.visible.strip()):
            raise ValueError("answer at least one question: what you shipped, who you told, or one visible thing")
        if self.told and not (self.shipped.strip() or self.accept):
            raise ValueError("told: say what you shipped (or pick a candidate), so the people you told know which work")
        return self
