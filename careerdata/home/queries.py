"""Home's reads for the first paint: the KPIs and the headline, without pandas, Plotly or pydantic.

Home is the first page a user sees, so these draw while the heavy libraries load for the nudges and
charts below them (`careerdata.home.view`). The figures are `careerdata.figures.summary`'s, their one
definition; this module adds the profile, the drafted headline and the "start here" steps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from careerdata.core.text import join_words
from careerdata.figures import impact
from careerdata.figures import summary as fsummary
from careerdata.home import first_run as fr

STRONGEST_SKILLS = 3  # named in the drafted headline


@dataclass(frozen=True)
class Kpis:
    """Everything Home shows above its check-in and charts."""

    profile: dict | None
    headline: str
    figures: fsummary.Summary


def profile(con) -> dict | None:
    cur = con.cursor().execute("SELECT * FROM profile WHERE id = 1")
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None


def strongest_skills(con, limit: int = STRONGEST_SKILLS) -> list[str]:
    """The skills with the most quantified wins, then the most wins, then by name (only skills with evidence)."""
    return [r[0] for r in con.cursor().execute("""
        SELECT s.name FROM skill s
        JOIN accomplishment_skill x ON x.skill_id = s.id
        JOIN v_accomplishment_evidence e ON e.accomplishment_id = x.accomplishment_id
        GROUP BY s.id, s.name
        ORDER BY count(*) FILTER (WHERE e.metrics > 0) DESC, count(*) DESC, s.name
        LIMIT ?""", [limit]).fetchall()]


def value_headline(profile: dict | None, accomplishments: int, strongest: list[str], money_run_rate: float) -> str:
    """The one-line value proposition: the user's own, or one drafted from their evidence:
    "<title> with a <money run-rate> of quantified impact across <n> accomplishments, strongest in <a, b and c>."."""
    if profile and profile.get("headline"):
        return profile["headline"]
    title = profile["current_title"] if profile else "Software professional"
    if not accomplishments:
        return f"{title}. Log accomplishments with their impact and this line will state your value in numbers."
    parts = [f"{title} with a {impact.money_run_rate_label(money_run_rate)} of quantified impact across "
             f"{accomplishments} accomplishments"]
    if strongest:
        parts.append(f"strongest in {join_words(strongest)}")
    return ", ".join(parts) + "."


def kpis(con, today: dt.date) -> Kpis:
    """The profile, the headline and the summary figures, in a few aggregate queries."""
    who = profile(con)
    figures = fsummary.summary(con, today)
    strongest = strongest_skills(con) if figures.accomplishments and not (who and who.get("headline")) else []
    return Kpis(who, value_headline(who, figures.accomplishments, strongest, figures.impact.money_run_rate), figures)


def first_run(con, today: dt.date) -> fr.FirstRun:
    """The "start here" steps and the gaps an import leaves (careerdata.home.first_run)."""
    return fr.first_run(con, today)
