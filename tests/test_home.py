import datetime as dt

import pandas as pd

from careerdata.core.money import format_money
from careerdata.home import overview as ov
from careerdata.home import queries as home_queries

TODAY = dt.date(2026, 11, 21)


def _metrics(rows):
    return pd.DataFrame(rows, columns=["id", "done_on", "category", "money_usd", "hours", "confidence"])


def _win(con, title: str, done: dt.date, metrics=()) -> None:
    """An accomplishment done on `done` with (category, money, hours, confidence) metrics."""
    acc = con.execute("INSERT INTO accomplishment (title, start_date, end_date, scope) VALUES (?, ?, ?, 'team') "
                      "RETURNING id", [title, done - dt.timedelta(days=30), done]).fetchone()[0]
    for n, (category, money, hours, confidence) in enumerate(metrics):
        con.execute("INSERT INTO impact_metric (accomplishment_id, category, description, money_usd, hours, confidence)"
                    " VALUES (?, ?, ?, ?, ?, ?)", [acc, category, f"metric {n}", money, hours, confidence])


def test_impact_totals_compare_this_year_to_date_with_the_same_stretch_last_year(empty_con):
    _win(empty_con, "a", dt.date(2026, 3, 1), [("cost", 100_000.0, 10.0, "verified")])
    _win(empty_con, "b", dt.date(2026, 11, 1), [("time", None, 200.0, "estimated")])
    _win(empty_con, "c", dt.date(2025, 6, 1), [("revenue", 50_000.0, None, "measured")])
    _win(empty_con, "d", dt.date(2025, 12, 1), [("cost", 30_000.0, None, "measured")])  # after 21 Nov last year
    _win(empty_con, "e", dt.date(2019, 1, 1), [("users", 20_000.0, 5.0, "estimated")])
    _win(empty_con, "f", dt.date(2026, 12, 1), [("cost", 7.0, 1.0, "measured")])  # after today: all-time only
    t = home_queries.impact_totals(empty_con, TODAY)
    assert (t.money_ytd, t.money_prev_ytd, t.hours_ytd, t.hours_prev_ytd) == (100_000, 50_000, 210, 0)
    assert (t.money_all, t.hours_all) == (200_007, 216)
    assert t.verified_share == 100_000 / 200_007


def test_impact_totals_on_an_empty_file_are_zero_not_nan(empty_con):
    t = home_queries.impact_totals(empty_con, TODAY)
    assert (t.money_ytd, t.money_all, t.hours_all, t.verified_share) == (0, 0, 0, None)


def test_last_year_of_a_29_february_is_the_28th():
    assert home_queries.same_day_last_year(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)


def test_home_kpis_count_evidence_and_draft_the_headline(empty_con):
    empty_con.execute("INSERT INTO profile (id, name, current_title) VALUES (1, 'Ana', 'Staff engineer')")
    _win(empty_con, "a", dt.date(2026, 3, 1), [("cost", 1_500_000.0, None, "measured")])
    _win(empty_con, "b", dt.date(2026, 4, 1))
    for name, kind in (("Go", "technical"), ("SQL", "technical"), ("Writing", "soft")):
        empty_con.execute("INSERT INTO skill (name, name_key, kind) VALUES (?, lower(?), ?)", [name, name, kind])
    empty_con.execute("""INSERT INTO accomplishment_skill SELECT a.id, s.id FROM accomplishment a, skill s
                         WHERE (a.title, s.name) IN (('a', 'SQL'), ('b', 'Go'), ('b', 'SQL'))""")
    empty_con.execute("INSERT INTO visibility_item (title, kind, date) VALUES ('Talk', 'talk', DATE '2026-10-22')")
    k = home_queries.kpis(empty_con, TODAY)
    assert (k.accomplishments, k.metrics, k.share_with_metric) == (2, 1, 0.5)
    assert (k.skills, k.skills_with_evidence, k.days_since_visibility) == (3, 2, 30)
    # SQL: 1 quantified win of 2; Go: none of 1; Writing has no evidence and is not named
    assert k.headline == "Staff engineer with $1.5M of quantified impact across 2 accomplishments, strongest in SQL, Go."


def test_home_kpis_on_an_empty_file(empty_con):
    k = home_queries.kpis(empty_con, TODAY)
    assert (k.accomplishments, k.share_with_metric, k.days_since_visibility, k.overdue_contacts) == (0, None, None, 0)
    assert k.headline.startswith("Software professional. Log accomplishments")


def test_quarterly_activity_shows_every_quarter_including_quiet_ones():
    accs = pd.DataFrame({
        "done_on": [dt.date(2026, 10, 2), dt.date(2026, 11, 1), dt.date(2026, 2, 1), dt.date(2019, 1, 1)],
        "metrics": [2, 0, 1, 3],
    })
    q = ov.quarterly_activity(accs, TODAY, quarters=4)
    assert q["quarter"].tolist() == ["2026 Q1", "2026 Q2", "2026 Q3", "2026 Q4"]
    assert q["accomplishments"].tolist() == [1, 0, 0, 2]
    assert q["quantified"].tolist() == [1, 0, 0, 1]
    assert q["unquantified"].tolist() == [0, 0, 0, 1]


def test_quarter_labels_cross_the_year_boundary():
    q = ov.quarterly_activity(pd.DataFrame({"done_on": [], "metrics": []}), dt.date(2026, 2, 1), quarters=3)
    assert q["quarter"].tolist() == ["2025 Q3", "2025 Q4", "2026 Q1"]
    assert q["accomplishments"].sum() == 0


def test_impact_by_quarter_sums_money_per_category_in_the_window():
    metrics = _metrics([
        (1, dt.date(2026, 10, 5), "cost", 10.0, 1.0, "measured"),
        (2, dt.date(2026, 11, 5), "cost", 5.0, None, "measured"),
        (3, dt.date(2026, 11, 5), "time", None, 7.0, "measured"),
        (4, dt.date(2020, 1, 1), "cost", 99.0, None, "measured"),
    ])
    out = ov.impact_by_quarter(metrics, TODAY, quarters=4)
    assert out.to_dict("records") == [
        {"quarter": "2026 Q4", "category": "cost", "money_usd": 15.0, "hours": 1.0, "metrics": 2},
        {"quarter": "2026 Q4", "category": "time", "money_usd": 0.0, "hours": 7.0, "metrics": 1},
    ]


def _contacts(rows):
    return pd.DataFrame(rows, columns=["name", "relationship", "advocacy_stage", "influence", "cadence_days",
                                       "last_interaction"])


def test_overdue_contacts_most_overdue_first_and_never_contacted_on_top(empty_con):
    for name, rel, influence, cadence, last in (
        ("Ann", "peer", 2, 60, dt.date(2026, 11, 1)),      # 20 days: fine
        ("Bob", "sponsor", 5, 30, dt.date(2026, 9, 22)),   # 60 days: 30 overdue
        ("Cy", "mentor", 3, 45, dt.date(2026, 9, 1)),      # 81 days: 36 overdue
        ("Di", "recruiter", 1, 90, None),                   # never
        ("Ed", "peer", 3, 30, dt.date(2026, 10, 22)),      # exactly 30 days: on cadence, not overdue
    ):
        cid = empty_con.execute("INSERT INTO contact (name, name_key, relationship, influence, advocacy_stage, "
                                "cadence_days) VALUES (?, lower(?), ?, ?, 'aware', ?) RETURNING id",
                                [name, name, rel, influence, cadence]).fetchone()[0]
        if last:
            empty_con.execute("INSERT INTO interaction (contact_id, date, channel) VALUES (?, ?, 'call')", [cid, last])
    out = home_queries.overdue_contacts(empty_con, TODAY)
    assert [(c["name"], c["days_since"], c["overdue_by"]) for c in out] == [
        ("Di", None, None), ("Cy", 81, 36), ("Bob", 60, 30)]
    assert home_queries.kpis(empty_con, TODAY).overdue_contacts == 3


def test_nudges_fire_for_silent_sponsor_unquantified_wins_and_a_drought():
    accs = pd.DataFrame({"title": ["Big win", "Glue work"], "done_on": [dt.date(2026, 9, 1), dt.date(2026, 8, 1)],
                         "metrics": [2, 0]})
    contacts = _contacts([("Elena", "sponsor", "advocate", 5, 30, pd.Timestamp("2026-09-22"))])
    found = ov.nudges(accs, contacts, 11, TODAY)
    text = " | ".join(n.message for n in found)
    assert "sponsor Elena 60 days ago" in text
    assert "1 win(s) from the last 12 months have no metric: “Glue work”" in text
    assert "No win logged in 81 days" in text
    assert "last talk, post or demo" not in text  # 11 days ago is recent
    assert found[0].priority == 1


def test_nudges_on_an_empty_file_point_at_the_first_step():
    empty = pd.DataFrame(columns=["title", "done_on", "metrics"])
    found = ov.nudges(empty, _contacts([]), None, TODAY)
    assert [n.action for n in found] == ["Log your first win"]


def test_money_is_formatted_the_way_people_say_it():
    assert [format_money(v) for v in (1_234_567, 340_000, 950, None)] == ["$1.2M", "$340k", "$950", "—"]


def test_a_visibility_drought_is_nudged_after_30_days():
    empty = pd.DataFrame(columns=["title", "done_on", "metrics"])
    assert not [n for n in ov.nudges(empty, _contacts([]), 30, TODAY) if "talk, post or demo" in n.message]
    assert [n.message for n in ov.nudges(empty, _contacts([]), 31, TODAY) if "talk, post or demo" in n.message] == [
        "Your last talk, post or demo was 31 days ago. Value that is not seen is not rewarded."]
