"""Cached model of what Home draws below its KPIs: nudges, recent wins, the two charts, the check-in.

The KPIs come first from `careerdata.home.queries` (no pandas); this part reads the tables the
nudges and charts need, so it loads pandas, and Home draws it after the KPIs are on screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.home import checkin as ck
from careerdata.home import overview as ov
from careerdata.journal import queries


@dataclass
class HomeDetails:
    nudges: list[ov.Nudge]
    recent_wins: pd.DataFrame
    quarters: pd.DataFrame
    impact_by_quarter: pd.DataFrame
    checkin: ck.CheckInStatus


def details(con, today: dt.date) -> HomeDetails:
    accs = queries.accomplishments(con)
    metrics = queries.impact_metrics(con)
    contacts = queries.contacts(con)
    visibility = queries.visibility(con)
    checkin = ck.checkin_status(con, today)
    return HomeDetails(
        nudges=sorted(ov.nudges(accs, contacts, visibility, today) + ck.checkin_nudges(checkin, today),
                      key=lambda n: n.priority),
        recent_wins=ov.recent_wins(accs),
        quarters=ov.quarterly_activity(accs, today),
        impact_by_quarter=ov.impact_by_quarter(metrics, today) if not metrics.empty else pd.DataFrame(),
        checkin=checkin,
    )


def checkin(con, today: dt.date) -> ck.CheckInStatus:
    """The weekly check-in alone, for the welcome screen of an empty file (careerdata.home.checkin)."""
    return ck.checkin_status(con, today)
