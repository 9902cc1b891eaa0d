"""Cached model of what Home shows below its KPIs: nudges, recent wins and the quarterly charts.

Home is the first page a user sees; reading whole tables (with every STAR text) on each click
cost more than the page itself at 100x data, so the page reads this once per change of data.
The KPIs above come from the small SQL summary in `careerdata.home.queries`, drawn first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.home import overview as ov
from careerdata.journal import queries


@dataclass
class HomeView:
    nudges: list[ov.Nudge]
    recent_wins: pd.DataFrame
    quarters: pd.DataFrame
    impact_by_quarter: pd.DataFrame


def home(con, today: dt.date, days_since_visibility: int | None) -> HomeView:
    accs = queries.accomplishments(con)
    metrics = queries.impact_metrics(con)
    contacts = queries.contacts(con)
    return HomeView(
        nudges=ov.nudges(accs, contacts, days_since_visibility, today),
        recent_wins=ov.recent_wins(accs),
        quarters=ov.quarterly_activity(accs, today),
        impact_by_quarter=ov.impact_by_quarter(metrics, today) if not metrics.empty else pd.DataFrame(),
    )
