"""Home's KPI summary (careerdata.figures.summary): hand-computed on a real file, and the same SQL
over the file as over the DataFrames the other pages hold, so a figure is one formula whichever way
it is read."""

import datetime as dt

import pytest

from careerdata.figures import impact, network, summary
from careerdata.home import queries as home_queries
from careerdata.journal import queries

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def small(empty_con):
    """Three wins (two with metrics), three skills (two with evidence), three contacts, two talks."""
    cur = empty_con.cursor()
    cur.execute("""INSERT INTO accomplishment (id, title, start_date, end_date, scope) VALUES
        (1, 'Cut cloud cost', DATE '2026-01-10', DATE '2026-03-01', 'org'),
        (2, 'Faster deploys', DATE '2025-05-01', DATE '2025-06-01', 'team'),
        (3, 'Mentored two', DATE '2026-10-01', NULL, 'team')""")  # ongoing: done_on = its start
    cur.execute("""INSERT INTO impact_metric (accomplishment_id, category, description, money_usd, hours, confidence)
        VALUES (1, 'cost', 'cloud bill', 100000, NULL, 'verified'), (1, 'time', 'on-call', NULL, 50, 'measured'),
               (2, 'time', 'deploy wait', 20000, 300, 'estimated')""")
    cur.execute("""INSERT INTO skill (id, name, name_key, kind) VALUES (1, 'AWS', 'aws', 'technical'),
        (2, 'Go', 'go', 'technical'), (3, 'Mentoring', 'mentoring', 'leadership')""")
    cur.execute("INSERT INTO accomplishment_skill VALUES (1, 1), (2, 1), (2, 2)")
    cur.execute("""INSERT INTO contact (id, name, name_key, relationship, influence, advocacy_stage, cadence_days)
        VALUES (1, 'Ann', 'ann', 'manager', 4, 'advocate', 14), (2, 'Bo', 'bo', 'peer', 2, 'aware', 60),
               (3, 'Cy', 'cy', 'mentor', 3, 'supporter', 30)""")
    cur.execute("""INSERT INTO interaction (contact_id, date, channel) VALUES
        (1, DATE '2026-11-01', 'chat'), (2, DATE '2026-10-01', 'chat')""")  # Ann 20 > 14 days, Bo 51 <= 60, Cy never
    cur.execute("""INSERT INTO visibility_item (title, kind, date) VALUES ('Talk', 'talk', DATE '2026-09-01'),
        ('Post', 'post', DATE '2026-11-09')""")
    return empty_con


def test_the_summary_on_a_hand_computed_file(small):
    s = summary.summary(small, TODAY)
    assert (s.accomplishments, s.quantified, s.metrics) == (3, 2, 3)
    assert s.share_with_metric == pytest.approx(2 / 3) and summary.share_label(s.share_with_metric) == "67%"
    assert (s.skills, s.skills_with_evidence) == (3, 2) and summary.evidence_label(2, 3) == "2 of 3"
    assert s.overdue_contacts == 2  # Ann (20 days > 14) and Cy (never); Bo is within 60
    assert s.days_since_visibility == 12 and s.days_since_win == 51  # 9 Nov; the ongoing win started 1 Oct
    t = s.impact
    assert (t.money_run_rate, t.hours_run_rate) == (120_000, 350)
    assert (t.money_ytd, t.money_prev_ytd, t.hours_ytd, t.hours_prev_ytd) == (100_000, 20_000, 50, 300)
    assert t.verified_share == pytest.approx(100_000 / 120_000)
    # 265 days live since 1 Mar 2026, 538 days since 1 Jun 2025
    assert t.money_delivered == pytest.approx((100_000 * 265 + 20_000 * 538) / 365.25)
    assert t.hours_delivered == pytest.approx((50 * 265 + 300 * 538) / 365.25)


def test_an_empty_file_has_zeros_and_no_shares(empty_con):
    s = summary.summary(empty_con, TODAY)
    assert (s.accomplishments, s.skills, s.overdue_contacts, s.share_with_metric, s.days_since_visibility) == (
        0, 0, 0, None, None)
    assert (s.impact.money_run_rate, s.impact.money_delivered, s.impact.verified_share) == (0, 0, None)


def test_the_file_and_a_pages_dataframes_give_the_same_figures(demo_con):
    """Home reads the file in SQL; the cycle, the promotion case and the Journal read DataFrames."""
    s = summary.summary(demo_con, TODAY)
    from_frames = impact.frame_totals(queries.impact_metrics(demo_con), TODAY)
    for field in ("money_run_rate", "hours_run_rate", "money_delivered", "hours_delivered", "verified_share",
                  "money_ytd", "money_prev_ytd", "hours_ytd", "hours_prev_ytd"):
        assert getattr(s.impact, field) == pytest.approx(getattr(from_frames, field)), field
    assert s.overdue_contacts == len(network.overdue_contacts(queries.contacts(demo_con), TODAY)) > 0
    assert s.days_since_visibility == network.days_since_last(queries.visibility(demo_con)["date"], TODAY)
    accs, skills = queries.accomplishments(demo_con), queries.skills(demo_con)
    assert s.share_with_metric == pytest.approx((accs["metrics"] > 0).mean())
    assert s.skills_with_evidence == int((skills["accomplishments"] > 0).sum())


def test_the_drafted_headline_names_the_run_rate_and_the_strongest_proven_skills(small):
    k = home_queries.kpis(small, TODAY)
    assert k.headline == ("Software professional with a $120k/yr run-rate of quantified impact across 3 "
                          "accomplishments, strongest in AWS and Go.")  # Mentoring has no win: not "strongest"
    small.execute("INSERT INTO profile (id, name, current_title, headline) VALUES (1, 'Pat', 'SRE', 'I keep it up.')")
    assert home_queries.kpis(small, TODAY).headline == "I keep it up."
