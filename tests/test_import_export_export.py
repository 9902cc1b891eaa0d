"""The Markdown brag document: a period's wins grouped by ladder competency, with their metrics."""

from __future__ import annotations

import datetime as dt

from careerdata.import_export.export import brag_markdown, brag_period
from careerdata.journal import repo
from careerdata.models import career as m


def test_the_period_defaults_to_the_review_cycle(demo_con):
    assert brag_period(demo_con) == (dt.date(2026, 4, 1), dt.date(2027, 3, 31))


def test_without_a_review_cycle_the_period_is_the_year_centred_on_today_as_on_the_promotion_case(empty_con):
    assert brag_period(empty_con) == (dt.date(2026, 5, 23), dt.date(2027, 5, 22))


def test_the_demo_brag_document_groups_wins_by_competency_with_their_impact(demo_con):
    doc = brag_markdown(demo_con)
    start, end = dt.date(2026, 4, 1), dt.date(2027, 3, 31)
    # a win counts when its span overlaps the cycle (figures.cycle), ongoing work up to today
    wins = demo_con.execute("SELECT title FROM accomplishment WHERE start_date <= ? "
                            "AND coalesce(end_date, greatest(start_date, DATE '2026-11-21')) >= ?",
                            [end, start]).fetchall()
    assert doc.startswith("# Brag document: Priya Raman\n")
    assert "01 Apr 2026 to 31 Mar 2027" in doc
    assert f"**In this period:** {len(wins)} wins" in doc
    # every win of the period is written out exactly once, as a level-3 heading
    for (title,) in wins:
        assert doc.count(f"### {title}\n") == 1, title
    outside = demo_con.execute("SELECT title FROM accomplishment WHERE coalesce(end_date, DATE '2026-11-21') < ?",
                               [start]).fetchall()
    assert len(wins) == 10 and len(outside) > 0
    assert not any(f"### {t}\n" in doc for (t,) in outside)
    sections = [line[3:] for line in doc.splitlines() if line.startswith("## ")]
    names = [r[0] for r in demo_con.execute("SELECT name FROM competency ORDER BY grp, name").fetchall()]
    assert [s for s in sections if s in names] == [n for n in names if n in sections]  # ladder order
    assert "Visibility" in sections
    assert "verified by Ravi Shah" in doc and "≈ $540k/yr" in doc and "own estimate" in doc
    assert "Users: New clinic sign-ups: 46 → 95 sign-ups/month" in doc


def test_a_win_under_several_competencies_is_written_once_and_named_under_the_others(empty_con):
    repo.add_accomplishment(empty_con, m.Accomplishment(
        title="Ran the *first* [incident] review_day", start_date=dt.date(2026, 6, 1), scope="org",
        competencies=["delivery", "communication"], result="Sev-1s halved",
        metrics=[m.ImpactMetric(category="reliability", description="Sev-1 incidents", baseline=8, new_value=4,
                                unit="per quarter", money_usd=120000, confidence="measured")]))
    doc = brag_markdown(empty_con, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    title = r"Ran the \*first\* \[incident\] review\_day"  # user text is literal Markdown
    assert doc.count(f"### {title}") == 1
    assert f"- {title} (written up under" in doc
    assert "- Reliability: Sev-1 incidents: 8 → 4 per quarter, ≈ $120k/yr, measured" in doc
    assert "**In this period:** 1 win, 1 impact metric (0 verified), $120k/yr run-rate" in doc


def test_an_empty_period_says_what_to_do(empty_con):
    doc = brag_markdown(empty_con)
    assert "No accomplishment overlaps this period" in doc and "## " not in doc


def test_the_document_can_sit_inside_a_page_with_lower_headings(demo_con):
    doc = brag_markdown(demo_con, base_level=3)
    assert doc.startswith("### Brag document") and "\n#### " in doc and "\n## " not in doc
