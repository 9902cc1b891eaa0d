"""The date the app treats as today."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """The date the app treats as today (CAREERDATA_TODAY pins it for demos and tests)."""
    pinned = os.environ.get("CAREERDATA_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()
