"""The career file's headline summary: Home's KPIs, each from its one definition, in a few SQL aggregates.

No pandas, Plotly or pydantic: Home draws these before anything heavy loads. The figures:

* impact run-rate, delivered to date, hours, added this year, verified share: `impact.totals`;
* **wins with a metric** = accomplishments with at least one impact metric ÷ all accomplishments
  (None without accomplishments);
* **skills with evidence** = skills linked to at least one accomplishment (claims you can prove),
  out of all skills;
* contacts overdue for a touch: `network.overdue_count`;
* days since the last visibility item: `network.days_since(network.last_visibility(...))`, and
  days since the latest win (its done_on: end date, or start date while ongoing) the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from careerdata.figures import impact, network


@dataclass(frozen=True)
class Summary:
    impact: impact.ImpactTotals
    accomplishments: int
    quantified: int  # accomplishments with at least one impact metric
    metrics: int
    skills: int
    skills_with_evidence: int
    overdue_contacts: int
    days_since_visibility: int | None
    days_since_win: int | None

    @property
    def share_with_metric(self) -> float | None:
        """Wins with a metric ÷ all wins; None without wins."""
        return self.quantified / self.accomplishments if self.accomplishments else None


def summary(con, today: dt.date) -> Summary:
    """Every figure of the summary (module docstring), over the whole career file."""
    cur = con.cursor()
    accomplishments, quantified, metrics, last_win = cur.execute("""
        SELECT count(*), count(*) FILTER (WHERE metrics > 0), coalesce(sum(metrics), 0), max(done_on)
        FROM v_accomplishment_evidence""").fetchone()
    skills, with_evidence = cur.execute("""
        SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM accomplishment_skill x WHERE x.skill_id = s.id))
        FROM skill s""").fetchone()
    return Summary(
        impact=impact.totals(con, today),
        accomplishments=int(accomplishments), quantified=int(quantified), metrics=int(metrics),
        skills=int(skills), skills_with_evidence=int(with_evidence),
        overdue_contacts=network.overdue_count(con, today),
        days_since_visibility=network.days_since(network.last_visibility(con), today),
        days_since_win=network.days_since(last_win, today),
    )


def share_label(share: float | None) -> str:
    """"75%" of wins with a metric; "—" without wins."""
    return "—" if share is None else f"{share:.0%}"


def evidence_label(with_evidence: int, skills: int) -> str:
    """"12 of 30" skills with evidence."""
    return f"{with_evidence} of {skills}"
