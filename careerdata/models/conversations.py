"""What the Conversations page writes beyond the journal's Conversation: the BLS occupation for its pay numbers."""

from __future__ import annotations

from pydantic import field_validator

from careerdata.models.career import ONET_SOC_PATTERN, Model


class PayOccupation(Model):
    """The O*NET-SOC occupation whose BLS percentiles a conversation quotes."""

    onet_soc_code: str

    @field_validator("onet_soc_code")
    @classmethod
    def _soc(cls, value):
        if not ONET_SOC_PATTERN.match(value):
            raise ValueError("must be an O*NET-SOC code like 15-1252.00")
        return value
