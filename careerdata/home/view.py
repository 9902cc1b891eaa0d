"""Cached model of the Home page: every figure it shows, computed once per change of data.

Home is the first page a user sees; reading whole tables (with every STAR text) on each click
cost more than the page itself at 100x data, so the page reads this small summary instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from careerdata.home import checkin as ck
from careerdata.home import first_run as fr
from careerdata.home import overview as ov
from careerdata.journal import queries


@dataclass
class HomeView:
    profile: dict | None
    headline: str
    totals: ov.ImpactTotals
    accomplishments: int
    metrics: int
    share_with_metric: float | None
    skills: int
    skills_with_evidence: int
    overdue_contacts: int
    days_since_visibility: int | None
    nudges: list[ov.Nudge]
    recent_wins: pd.DataFrame
    quarters: pd.DataFrame
    impact_by_quarter: pd.DataFrame
    checkin: ck.CheckInStatus


def home(con, today: dt.date) -> HomeView:
    profile = queries.profile(con)
    accs = queries.accomplishments(con)
    metrics = queries.impact_metrics(con)
    skills = queries.skills(con)
    contacts = queries.contacts(con)
    visibility = queries.visibility(con)
    totals = ov.impact_totals(metrics, today)
    checkin = ck.checkin_status(con, today)
    return HomeView(
        profile=profile,
        headline=ov.value_headline(profile, accs, skills, totals),
        totals=totals,
        accomplishments=len(accs),
        metrics=len(metrics),
        share_with_metric=ov.share_with_metric(accs),
        skills=len(skills),
        skills_with_evidence=ov.skills_with_evidence(skills),
        overdue_contacts=len(ov.overdue_contacts(contacts, today)),
        days_since_visibility=ov.days_since_last(visibility["date"], today) if not visibility.empty else None,
        nudges=sorted(ov.nudges(accs, contacts, visibility, today) + ck.checkin_nudges(checkin, today),
                      key=lambda n: n.priority),
        recent_wins=ov.recent_wins(accs),
        quarters=ov.quarterly_activity(accs, today),
        impact_by_quarter=ov.impact_by_quarter(metrics, today) if not metrics.empty else pd.DataFrame(),
        checkin=checkin,
    )


def first_run(con, today: dt.date) -> fr.FirstRun:
    """The "start here" steps and the gaps an import leaves (careerdata.home.first_run), cached as a view."""
    return fr.first_run(con, today)


def checkin(con, today: dt.date) -> ck.CheckInStatus:
    """The weekly check-in alone, for the welcome screen of an empty file (careerdata.home.checkin)."""
    return ck.checkin_status(con, today)
