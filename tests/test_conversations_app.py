"""The Conversations page in the real app (AppTest): readiness, rehearsals, talking points, pay numbers."""

from __future__ import annotations

from helpers import chart, metrics, open_app, query, submit, texts

from careerdata.market.loader import OEWS_ATTRIBUTION

CONVERSATIONS = "app_pages/conversations.py"


def test_conversations_open_on_the_next_one_with_its_readiness(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, CONVERSATIONS)
    assert at.selectbox(key="conv_pick").format_func(at.selectbox(key="conv_pick").value).startswith(
        "Ask Dana to nominate me for Staff Engineer")
    shown = metrics(at)
    assert shown["When"] == "03 Dec 2026"
    assert shown["Confidence"] == "4 / 5"
    assert shown["Objection cards answered"] == "3 of 3"
    assert chart(at, "Confidence rose from 2 to 4 of 5 over 2 rehearsals")


def test_a_rehearsal_saved_survives_a_reload(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, CONVERSATIONS)
    cid = at.selectbox(key="conv_pick").value
    at.slider(key=f"reh_before_{cid}_0").set_value(4)
    at.slider(key=f"reh_after_{cid}_0").set_value(5)
    at.text_area(key=f"reh_notes_{cid}_0").input("Opened with the ask; answered the slots objection calmly.")
    submit(at, f"reh_{cid}_0", "Log rehearsal").click().run()
    assert not at.exception, [e.value for e in at.exception]
    fresh = open_app(monkeypatch, demo_db, CONVERSATIONS)  # a new session reads the file again
    assert "Rehearsals (3)" in [t.label for t in fresh.tabs]
    assert metrics(fresh)["Confidence"] == "5 / 5"
    assert query(demo_db, "SELECT confidence_before, confidence_after FROM conversation_rehearsal WHERE "
                          "conversation_id = ? ORDER BY id DESC LIMIT 1", [cid]) == [(4, 5)]


def test_drafting_talking_points_is_deterministic_and_saves(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, CONVERSATIONS)
    cid = at.selectbox(key="conv_pick").value
    at.button(key=f"draft_{cid}").click().run()
    draft = at.text_area(key=f"tp_{cid}").value
    assert draft.startswith("**The ask:** Leave with Dana's commitment to nominate me for L6")
    assert ("- **Launched self-serve clinic onboarding, doubling monthly sign-ups** (Jun 2026): $540k a year "
            "(your estimate). Already heard it.") in draft
    assert "**What Staff Engineer (L6) expects** (your ladder, influence):" in draft
    at.button(key=f"draft_{cid}").click().run()
    assert at.text_area(key=f"tp_{cid}").value == draft
    at.button(key=f"save_tp_{cid}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert query(demo_db, "SELECT talking_points FROM conversation WHERE id = ?", [cid]) == [(draft,)]


def test_the_raise_shows_bls_pay_against_the_users_numbers_and_refuses_bad_numbers(monkeypatch, demo_db):
    rid = query(demo_db, "SELECT id FROM conversation WHERE kind = 'raise'")[0][0]
    at = open_app(monkeypatch, demo_db, CONVERSATIONS)
    at.selectbox(key="conv_pick").set_value(rid).run()
    assert not at.exception, [e.value for e in at.exception]
    pay = chart(at, "Your target of $216k is above the 90th percentile for Software Developers (BLS, May 2025)")
    yours = pay.data[0]
    assert sorted(yours.x) == [198_000, 208_000, 216_000, 228_000, 238_000, 258_000, 285_000]
    assert OEWS_ATTRIBUTION in texts(at)
    assert metrics(at)["Your current pay"] == "$198,000"
    at.number_input(key=f"num_anchor_{rid}").set_value(200_000)
    at.button(key=f"save_numbers_{rid}").click().run()
    assert "Anchor must be at least the target (open high)" in " ".join(e.value for e in at.error)
    assert query(demo_db, "SELECT anchor FROM conversation WHERE id = ?", [rid]) == [(228_000,)]
    at.button(key=f"use_suggestion_{rid}").click().run()
    at.button(key=f"save_numbers_{rid}").click().run()
    assert query(demo_db, "SELECT anchor, target, walk_away FROM conversation WHERE id = ?", [rid]) == [
        (228_000, 215_000, 206_000)]


def test_conversations_on_an_empty_file_plan_the_first_one(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, CONVERSATIONS)
    assert "No hard conversations planned yet." in texts(at)
    at.text_input(key="new_conv_0_title").input("Ask for a market adjustment")
    at.selectbox(key="new_conv_0_kind").set_value("raise")
    at.text_area(key="new_conv_0_goal").input("Base to the 75th percentile.")
    submit(at, "new_conv_0", "Plan this conversation").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert query(empty_db, "SELECT title, kind, status FROM conversation") == [
        ("Ask for a market adjustment", "raise", "planned")]
    assert metrics(at)["Objection cards answered"] == "0 of 0"
    assert "no current pay in your profile, so target = the BLS 75th percentile" in texts(at)
    assert metrics(at)["Your current pay"] == "—"
