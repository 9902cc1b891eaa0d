"""Pydantic models for the value-proposition page: what a valid saved pitch is.

A pitch is saved per target (one of your target roles, or an O*NET occupation when you have
none) and kind (the 30-second or the 2-minute version); every save is a new version.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, model_validator

from careerdata.core import vocab
from careerdata.models.career import Model, Name

MAX_PITCH_CHARS = 6000
TARGET_KEY = re.compile(r"^(role:[1-9][0-9]*|onet:\d{2}-\d{4}\.\d{2})$")


class PitchVersion(Model):
    """One saved version of a pitch for one target."""

    target_key: Annotated[str, Field(pattern=TARGET_KEY.pattern)]
    target_label: Name
    target_role_id: Annotated[int, Field(ge=1)] | None = None
    kind: Literal[vocab.PITCH_KINDS]
    text: Annotated[str, Field(min_length=20, max_length=MAX_PITCH_CHARS)]

    @model_validator(mode="after")
    def _key_matches_role(self):
        if self.target_key.startswith("role:"):
            if self.target_role_id != int(self.target_key.removeprefix("role:")):
                raise ValueError("target_key: a target role's key must name its id")
        elif self.target_role_id is not None:
            raise ValueError("target_role_id: an O*NET target has no target role")
        return self
