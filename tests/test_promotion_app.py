"""AppTest for the Promotion case page: the demo and an empty file, and every write it makes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from careerdata.promotion import case as pcase
from careerdata.promotion import draft as pdraft
from careerdata.promotion import queries as pq
from careerdata.promotion import readiness as pready
from careerdata.store import db

APP = Path(__file__).resolve().parents[1] / "dashboard.py"
PAGE = "app_pages/promotion.py"
TODAY = dt.date(2026, 11, 21)
DRAFT = "promo_draft_L6_2026-04-01_2027-03-31"
CALIBRATION = "Ran interview calibration sessions for the Platform hiring loop"


def open_page(monkeypatch, path) -> AppTest:
    monkeypatch.setenv("CAREERDATA_DB", str(path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.info]
    parts += [e.value for e in at.success] + [e.value for e in at.error] + [e.value for e in at.warning]
    return "\n".join(str(p) for p in parts).replace("\\", "").replace("**", "")


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def demo_analysis(path) -> pcase.CaseAnalysis:
    con = db.connect(path)
    try:
        inputs = pq.case_inputs(con)
    finally:
        con.close()
    return pcase.analyse(inputs, "L6", dt.date(2026, 4, 1), dt.date(2027, 3, 31), TODAY)


def test_the_demo_page_answers_with_readiness_coverage_gaps_and_a_linted_draft(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db)
    expected = demo_analysis(demo_db)
    assert at.title[0].value == "Promotion case"
    shown = metrics(at)
    assert shown["Readiness for L6"] == pready.readiness_label(expected.readiness) == "83%"
    assert shown["Wins in the cycle"] == "10 wins"  # the brag document counts the same 10 (figures.cycle)
    assert shown["Days to the review"] == str((dt.date(2027, 3, 31) - TODAY).days)
    assert len(at.get("plotly_chart")) == 1
    page = texts(at)
    assert "People management · no evidence (0.0 of 2 expected)" in page
    assert "Advocate with no recent interaction" in page and "You last talked to Yuki Sato 86 days ago" in page
    assert "You last talked to Elena Petrova" not in page  # touched 4 days ago (the demo never goes stale)
    assert at.text_area(key=DRAFT).value == pdraft.draft_case(expected)
    assert any("Yuki Sato" in c.value for c in at.code)  # the finding quotes the line to fix
    assert at.sidebar.selectbox(key="promo_target").value == "L6"  # the next level up from L5
    downloads = {d.proto.label for d in at.get("download_button")}  # two files for two readers
    assert {"Packet: Word (DOCX)", "Packet: Printable HTML", "Private plan: Word (DOCX)",
            "Private plan: Markdown"} <= downloads


def test_confirming_a_suggestion_persists_and_closes_the_gap(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db)
    con = db.connect(demo_db)
    acc = con.execute("SELECT id FROM accomplishment WHERE title = ?", [CALIBRATION]).fetchone()[0]
    con.close()
    at.radio(key=f"promo_call_0_{acc}_people_management").set_value("Confirm")
    button(at, "Save decisions").click().run()
    assert not at.exception
    con = db.connect(demo_db)
    assert con.execute("SELECT status FROM accomplishment_competency WHERE accomplishment_id = ? "
                       "AND competency_key = 'people_management'", [acc]).fetchone() == ("confirmed",)
    con.close()
    again = open_page(monkeypatch, demo_db)  # a fresh session reads it back
    assert "People management · no evidence" not in texts(again)
    assert metrics(again)["Readiness for L6"] == pready.readiness_label(demo_analysis(demo_db).readiness) != "83%"
    assert not [r for r in again.radio if r.key.endswith(f"_{acc}_people_management")]


def test_rejecting_a_suggestion_hides_it_and_it_can_be_restored(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db)
    radio = next(r for r in at.radio if r.key.endswith("_craft"))
    radio.set_value("Reject")
    button(at, "Save decisions").click().run()
    assert not [r for r in at.radio if r.key.endswith("_craft")]
    at.multiselect(key="promo_undo_reject").select(at.multiselect(key="promo_undo_reject").options[0]).run()
    button(at, "Forget the rejection").click().run()
    assert [r for r in at.radio if r.key.endswith("_craft")]


def test_saving_versions_survives_a_reload_and_the_diff_shows_the_change(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db)
    first = at.text_area(key=DRAFT).value.replace("is proposed for", "is ready for")
    at.text_area(key=DRAFT).input(first)
    button(at, "Save as a new version").click().run()
    assert not at.exception
    at = open_page(monkeypatch, demo_db)  # reload: a new session opens the saved version
    assert at.text_area(key=DRAFT).value == first.strip()
    assert "1 saved version(s) of the Staff Engineer (L6) case" in texts(at)
    second = first.replace("## Glue work", "## Glue work\n\n- Chaired 12 incident reviews (PR #9).")
    at.text_area(key=DRAFT).input(second)
    at.text_input(key="promo_note_0").input("added the reviews")
    button(at, "Save as a new version").click().run()
    con = db.connect(demo_db)
    assert con.execute("SELECT version, note FROM promo_case_version ORDER BY version").fetchall() == [
        (1, ""), (2, "added the reviews")]
    con.close()
    diff = next(c.value for c in at.code if c.value.startswith("--- version 1"))
    assert "+- Chaired 12 incident reviews (PR #9)." in diff
    assert "2 line(s) added, 0 removed from version 1 to version 2" in texts(at)  # a blank line and the bullet


def test_regenerate_replaces_the_editor_with_a_fresh_draft(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db)
    generated = at.text_area(key=DRAFT).value
    at.text_area(key=DRAFT).input("# scratch\n\n## Impact\n\n- Leading things\n")
    at.run()
    assert {"Claim not in the past tense", "No gaps section"} <= {
        m.value.split("· ")[-1] for m in at.markdown if m.value.startswith("**Line") or m.value.startswith("**Missing")}
    button(at, "Regenerate from the data").click().run()
    assert at.text_area(key=DRAFT).value == generated


def test_logging_a_plan_conversation_marks_the_step_done(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db)
    assert at.selectbox(key="plan_step").value == "ask_bar"  # the most overdue step comes first
    assert at.selectbox(key="plan_who_ask_bar_0").value == "Dana Whitfield"
    at.text_area(key="plan_notes_ask_bar_0").input("Asked what great looks like at L6: org-wide influence.")
    button(at, "Log conversation and mark done").click().run()
    assert not at.exception
    con = db.connect(demo_db)
    row = con.execute("""
        SELECT p.step_key, p.status, c.name, i.notes FROM promo_plan_step p
        JOIN interaction i ON i.id = p.interaction_id JOIN contact c ON c.id = i.contact_id""").fetchall()
    con.close()
    assert row == [("ask_bar", "done", "Dana Whitfield", "Asked what great looks like at L6: org-wide influence.")]
    assert metrics(at)["Done"] == "1" and metrics(at)["Overdue"] == "2"


def test_a_plan_conversation_without_notes_is_refused(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db)
    button(at, "Log conversation and mark done").click().run()
    assert "say what you asked and what you heard" in " ".join(e.value for e in at.error)
    con = db.connect(demo_db)
    assert con.execute("SELECT count(*) FROM promo_plan_step").fetchone()[0] == 0
    con.close()


def test_saving_the_review_date_reschedules_the_plan(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db)
    at.date_input(key="promo_review_date").set_value(dt.date(2027, 1, 20))
    button(at, "Save review date").click().run()
    assert metrics(at)["Days to the review"] == str((dt.date(2027, 1, 20) - TODAY).days)
    again = open_page(monkeypatch, demo_db)
    assert metrics(again)["Days to the review"] == "60"


def test_a_backwards_cycle_is_refused_in_the_sidebar(monkeypatch, demo_db):
    at = open_page(monkeypatch, demo_db)
    at.sidebar.date_input(key="promo_cycle_end").set_value(dt.date(2025, 1, 1)).run()
    assert not at.exception
    assert "Cycle end must be on or after the cycle start" in " ".join(e.value for e in at.error)


def test_the_empty_file_says_what_to_add(monkeypatch, empty_db):
    at = open_page(monkeypatch, empty_db)
    page = texts(at)
    assert "Your profile has no current level" in page
    assert "No accomplishment in the cycle" in page and "Nothing to map yet" in page
    assert "No contacts yet" in page and "No saved version yet" in page
    assert not at.get("plotly_chart")
    assert metrics(at)["Readiness for L3"] == "0%"
    assert "nan" not in page.lower().split()
    links = [p.proto.page for p in at.get("page_link")]
    assert links.count("journal") >= 4  # profile, a win (twice), contacts
