"""AppTest: the Journal's metric editor on the real page: log a win, add what it was worth, edit it,
see every problem at once, and review a suggested metric in the same editor."""

from __future__ import annotations

import datetime as dt
import shutil

from helpers import button, open_app, query, texts

PAGE = "app_pages/journal.py"


def field(widgets, suffix: str):
    """The metric editor's widget whose key ends with `suffix` (its keys carry a fresh-form counter)."""
    return next(w for w in widgets if w.key and w.key.startswith("metric_") and w.key.endswith(suffix))


def preview(at) -> str:
    return next(md.value for md in at.markdown if md.value.startswith("Preview:")).replace("\\", "")


def log_win(at, title: str) -> None:
    at.text_input(key="log_0_title").input(title)
    at.date_input(key="log_0_start").set_value(dt.date(2026, 10, 5))
    button(at, "Save accomplishment").click().run()
    assert not at.exception


def fill(at, **values) -> None:
    for name, value in values.items():
        kind = {"category": at.selectbox, "verified_by": at.selectbox, "confidence": at.radio,
                "description": at.text_input, "unit": at.text_input}.get(name, at.number_input)
        field(kind, f"_{name}").set_value(value)
    at.run()


def test_a_metric_is_added_with_a_live_preview_then_edited_and_deleted(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    log_win(at, "Cut p95 checkout latency")
    assert "**Impact metrics of “Cut p95 checkout latency”** (0)" in texts(at)
    button(at, "Add a metric").click().run()
    fill(at, category="reliability", description="p95 latency", baseline=420.0, new_value=180.0, unit="ms",
         money_usd=50000.0)
    assert preview(at) == "Preview: **p95 latency: 420 → 180 ms, ≈ $50k/yr, own estimate**"
    fill(at, confidence="verified")
    fill(at, verified_by="Dana Whitfield")
    assert preview(at) == "Preview: **p95 latency: 420 → 180 ms, ≈ $50k/yr, verified by Dana Whitfield**"
    button(at, "Save metric").click().run()
    assert not at.exception
    rows = query(demo_db, """SELECT m.category, m.description, m.baseline, m.new_value, m.unit, m.money_usd, m.hours,
                                    m.confidence, c.name
                             FROM impact_metric m JOIN accomplishment a ON a.id = m.accomplishment_id
                             LEFT JOIN contact c ON c.id = m.verified_by_contact_id
                             WHERE a.title = 'Cut p95 checkout latency'""")
    assert rows == [("reliability", "p95 latency", 420.0, 180.0, "ms", 50000.0, None, "verified", "Dana Whitfield")]
    shown = texts(at)
    assert "**Impact metrics of “Cut p95 checkout latency”** (1)" in shown
    assert "Reliability · p95 latency: 420 → 180 ms, ≈ $50k/yr, verified by Dana Whitfield" in shown

    edit = next(b for b in at.button if b.key and b.key.startswith("metric_edit_log_"))
    edit.click().run()
    assert field(at.number_input, "_new_value").value == 180.0  # the editor opens on the stored values
    fill(at, new_value=150.0, confidence="measured")
    assert preview(at) == "Preview: **p95 latency: 420 → 150 ms, ≈ $50k/yr, measured**"
    button(at, "Save metric").click().run()
    assert not at.exception
    assert query(demo_db, """SELECT m.new_value, m.confidence, m.verified_by_contact_id FROM impact_metric m
                             JOIN accomplishment a ON a.id = m.accomplishment_id
                             WHERE a.title = 'Cut p95 checkout latency'""") == [(150.0, "measured", None)]

    next(b for b in at.button if b.key and b.key.startswith("metric_delete_log_")).click().run()
    assert not at.exception
    assert query(demo_db, """SELECT count(*) FROM impact_metric m JOIN accomplishment a ON a.id = m.accomplishment_id
                             WHERE a.title = 'Cut p95 checkout latency'""") == [(0,)]
    assert "**Impact metrics of “Cut p95 checkout latency”** (0)" in texts(at)


def test_every_problem_is_named_at_once_and_nothing_is_written(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    log_win(at, "Tidied the incident runbooks")
    before = query(demo_db, "SELECT count(*) FROM impact_metric")
    button(at, "Add a metric").click().run()
    fill(at, money_usd=-300.0, hours=-2.0, confidence="verified")
    button(at, "Save metric").click().run()
    assert not at.exception
    message = " ".join(e.value for e in at.error)
    for problem in ("Category: is empty", "What changed: is empty", "Worth a year (USD): money cannot be negative",
                    "Hours saved a year: hours saved cannot be negative",
                    "A verified metric needs verified\\_by: the contact who confirmed it"):
        assert problem in message, message
    assert query(demo_db, "SELECT count(*) FROM impact_metric") == before
    assert field(at.number_input, "_money_usd").value == -300.0  # the input stays, to be fixed


def test_user_text_in_the_preview_is_shown_literally(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    log_win(at, "Shipped the **bold** <b>thing</b>")
    button(at, "Add a metric").click().run()
    fill(at, category="users", description="*sign-ups* <script>x</script> [link](http://x)", new_value=95.0,
         unit="_per_ month")
    raw = next(md.value for md in at.markdown if md.value.startswith("Preview:"))
    assert "\\*sign-ups\\* \\<script\\>x\\</script\\> \\[link\\](http://x): 95 \\_per\\_ month" in raw


def test_a_suggested_metric_is_reviewed_in_the_editor_before_it_counts(monkeypatch, state_file, tmp_path):
    path = shutil.copy(state_file("jsonresume"), tmp_path / "career.duckdb")
    at = open_app(monkeypatch, path, PAGE)
    assert "Suggested impact metrics (3)" in texts(at)
    assert "Cost saved: **≈ $1.2M/yr**" in texts(at)
    money_id = query(path, "SELECT id FROM metric_suggestion WHERE money_usd = 1200000")[0][0]
    next(b for b in at.button if b.key == f"sugg_ok_{money_id}").click().run()
    assert not at.exception
    assert field(at.number_input, "_money_usd").value == 1_200_000.0  # prefilled from the suggestion
    assert query(path, "SELECT count(*) FROM impact_metric") == [(0,)]  # nothing counts until saved
    fill(at, confidence="measured")
    assert preview(at).endswith("≈ $1.2M/yr, measured**")
    button(at, "Save metric").click().run()
    assert not at.exception
    assert query(path, "SELECT money_usd, confidence FROM impact_metric") == [(1_200_000.0, "measured")]
    assert query(path, f"SELECT status FROM metric_suggestion WHERE id = {money_id}") == [("confirmed",)]
    assert "Suggested impact metrics (2)" in texts(at)
