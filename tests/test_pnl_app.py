"""AppTest: the Career P&L page adds up the file's impact metrics, by confidence, with the wins behind a bar."""

from __future__ import annotations

from helpers import chart, decode_plotly, metrics, open_app, query, texts

from careerdata.core.dates import quarter_label
from careerdata.core.money import format_money
from careerdata.store import db

PAGE = "app_pages/pnl.py"


def test_the_pnl_totals_equal_the_metrics_in_the_file(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    assert at.title[0].value == "Career P&L"
    shown = metrics(at)
    total, verified = query(demo_db, "SELECT sum(money_usd), sum(money_usd) FILTER (WHERE confidence = 'verified') "
                                     "FROM impact_metric")[0]
    assert shown["All-time run-rate"] == format_money(total)
    assert shown["Verified by a named person"] == format_money(verified)
    ledger = chart(at, "Career P&L:")
    line = next(t for t in ledger.data if t.name == "Cumulative (right axis)")
    assert decode_plotly(line.y)[-1] == total
    assert {t.name for t in ledger.data} >= {"Cost saved", "Revenue", "Verified (solid)", "Estimated (palest)"}
    at.radio(key="ledger_measure").set_value("Hours saved (h/yr)").run()
    hours = query(demo_db, "SELECT sum(hours) FROM impact_metric")[0][0]
    assert metrics(at)["All-time run-rate"] == f"{hours:,.0f} h"


def test_ledger_drill_down_lists_the_accomplishments_behind_a_bar(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    con = db.connect(demo_db)
    rows = con.execute("""
        SELECT a.title, coalesce(a.end_date, a.start_date) AS done, m.money_usd FROM impact_metric m
        JOIN accomplishment a ON a.id = m.accomplishment_id WHERE m.category = 'cost'""").fetchall()
    con.close()
    quarter = quarter_label(rows[0][1])
    expected = sorted({t for t, d, _ in rows if quarter_label(d) == quarter})
    at.selectbox(key="ledger_quarter").set_value(quarter).run()
    at.selectbox(key="ledger_category").set_value("cost").run()
    assert not at.exception
    drill = next(d.value for d in at.dataframe if "accomplishment" in d.value.columns)
    assert sorted(set(drill["accomplishment"])) == expected
    assert set(drill["category"]) == {"Cost saved"}


def test_the_pnl_on_an_empty_file_says_to_quantify_a_win(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    assert "No impact metrics yet" in texts(at)
    assert not at.get("plotly_chart") and not at.metric
