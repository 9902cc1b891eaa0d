"""Home's headline figures, read in one small SQL summary: the one definition of each.

Home is the first page a user sees, so its KPIs are drawn before anything heavy is imported:
this module needs only DuckDB (no pandas, no Plotly, no pydantic), and every figure is an
aggregate computed in SQL over the whole file, so the answer is a handful of numbers
whatever the data's size. The charts and nudges below the KPIs come from `careerdata.home.view`.

When work was done: an accomplishment counts on `done_on` = its end date, or its start date
while it is ongoing (the view v_accomplishment_evidence), and so do its impact metrics.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from careerdata.core.money import format_money

# A contact is overdue when never contacted, or when the days since the last interaction
# exceed their keep-in-touch cadence: (today - last_interaction) > cadence_days. ? = today.
OVERDUE_SQL = "(last_interaction IS NULL OR date_diff('day', last_interaction, ?::DATE) > cadence_days)"
STRONGEST_SKILLS = 3  # named in the drafted headline


@dataclass(frozen=True)
class ImpactTotals:
    """Money (annualised USD) and hours saved per year, by when the work was done.

    ytd = done between 1 January of today's year and today; prev_ytd = done between
    1 January of last year and the same day last year (28 February for a 29 February today);
    verified_share = money of metrics with confidence 'verified' / all money (None without money).
    """

    money_ytd: float
    money_prev_ytd: float
    hours_ytd: float
    hours_prev_ytd: float
    money_all: float
    hours_all: float
    verified_share: float | None


@dataclass(frozen=True)
class HomeKpis:
    """Everything Home shows above its charts."""

    profile: dict | None
    headline: str
    totals: ImpactTotals
    accomplishments: int
    metrics: int
    share_with_metric: float | None  # accomplishments with at least one metric / all accomplishments
    skills: int
    skills_with_evidence: int  # skills linked to at least one accomplishment
    overdue_contacts: int
    days_since_visibility: int | None  # days since the latest talk, post, demo or doc; None when there is none


def same_day_last_year(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return dt.date(today.year - 1, 2, 28)


def impact_totals(con, today: dt.date) -> ImpactTotals:
    """This year to date against the same stretch of last year, plus all-time totals (see ImpactTotals)."""
    start, prev_start, prev_end = dt.date(today.year, 1, 1), dt.date(today.year - 1, 1, 1), same_day_last_year(today)
    row = con.cursor().execute("""
        SELECT coalesce(sum(m.money_usd) FILTER (WHERE d BETWEEN $start AND $today), 0),
               coalesce(sum(m.money_usd) FILTER (WHERE d BETWEEN $prev_start AND $prev_end), 0),
               coalesce(sum(m.hours) FILTER (WHERE d BETWEEN $start AND $today), 0),
               coalesce(sum(m.hours) FILTER (WHERE d BETWEEN $prev_start AND $prev_end), 0),
               coalesce(sum(m.money_usd), 0), coalesce(sum(m.hours), 0),
               coalesce(sum(m.money_usd) FILTER (WHERE m.confidence = 'verified'), 0)
        FROM (SELECT m.*, coalesce(a.end_date, a.start_date) AS d
              FROM impact_metric m JOIN accomplishment a ON a.id = m.accomplishment_id) m
    """, {"start": start, "today": today, "prev_start": prev_start, "prev_end": prev_end}).fetchone()
    money_ytd, money_prev, hours_ytd, hours_prev, money_all, hours_all, verified = (float(v) for v in row)
    return ImpactTotals(money_ytd, money_prev, hours_ytd, hours_prev, money_all, hours_all,
                        verified / money_all if money_all else None)


def value_headline(profile: dict | None, accomplishments: int, strongest: list[str], money_all: float) -> str:
    """The one-line value proposition: the user's own, or one drafted from their evidence.

    Drafted: "<title> with <all-time money> of quantified impact across <n> accomplishments,
    strongest in <up to 3 skills with the most quantified wins, then the most wins>."
    """
    if profile and profile.get("headline"):
        return profile["headline"]
    title = profile["current_title"] if profile else "Software professional"
    if not accomplishments:
        return f"{title}. Log accomplishments with their impact and this line will state your value in numbers."
    parts = [f"{title} with {format_money(money_all)} of quantified impact across {accomplishments} accomplishments"]
    if strongest:
        parts.append(f"strongest in {', '.join(strongest)}")
    return ", ".join(parts) + "."


def _profile(cur) -> dict | None:
    cur.execute("SELECT * FROM profile WHERE id = 1")
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None


def kpis(con, today: dt.date) -> HomeKpis:
    """Home's headline and KPI figures, in a few aggregate queries."""
    cur = con.cursor()
    profile = _profile(cur)
    totals = impact_totals(con, today)
    accomplishments, with_metric, metrics = cur.execute("""
        SELECT count(*), count(*) FILTER (WHERE metrics > 0), coalesce(sum(metrics), 0)
        FROM v_accomplishment_evidence""").fetchone()
    skills, with_evidence = cur.execute("""
        SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM accomplishment_skill x WHERE x.skill_id = s.id))
        FROM skill s""").fetchone()
    strongest = [r[0] for r in cur.execute("""
        SELECT s.name FROM skill s
        JOIN accomplishment_skill x ON x.skill_id = s.id
        JOIN v_accomplishment_evidence e ON e.accomplishment_id = x.accomplishment_id
        GROUP BY s.id, s.name
        ORDER BY count(*) FILTER (WHERE e.metrics > 0) DESC, count(*) DESC, s.name
        LIMIT ?""", [STRONGEST_SKILLS]).fetchall()]
    overdue = cur.execute(f"SELECT count(*) FROM v_contact_touch WHERE {OVERDUE_SQL}", [today]).fetchone()[0]
    last_visible = cur.execute("SELECT max(date) FROM visibility_item").fetchone()[0]
    return HomeKpis(
        profile=profile,
        headline=value_headline(profile, accomplishments, strongest, totals.money_all),
        totals=totals,
        accomplishments=accomplishments,
        metrics=int(metrics),
        share_with_metric=with_metric / accomplishments if accomplishments else None,
        skills=skills,
        skills_with_evidence=with_evidence,
        overdue_contacts=overdue,
        days_since_visibility=(today - last_visible).days if last_visible is not None else None,
    )


def overdue_contacts(con, today: dt.date) -> list[dict]:
    """Contacts past their keep-in-touch cadence (OVERDUE_SQL), most overdue first, never contacted on top.

    Each with days_since (None when never contacted) and overdue_by = days_since - cadence_days.
    """
    cur = con.cursor().execute(f"""
        SELECT id, name, relationship, company, title, influence, advocacy_stage, cadence_days, last_interaction,
               interactions, date_diff('day', last_interaction, ?::DATE) AS days_since,
               date_diff('day', last_interaction, ?::DATE) - cadence_days AS overdue_by
        FROM v_contact_touch WHERE {OVERDUE_SQL}
        ORDER BY overdue_by DESC NULLS FIRST, influence DESC, name""", [today, today, today])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
