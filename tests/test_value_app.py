"""AppTest: the value-proposition page on the demo and on an empty file."""

from __future__ import annotations

import base64

import numpy as np
from helpers import figure_at, open_app, texts

from careerdata.store import db

PAGE = "app_pages/value.py"


def _values(array) -> list:
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def _figure_titled(at, start: str):
    figures = [figure_at(at, i) for i in range(len(at.get("plotly_chart")))]
    for fig in figures:
        if fig.layout.title.text.startswith(start):
            return fig
    raise AssertionError(f"no chart titled {start!r}: {[f.layout.title.text for f in figures]}")


def test_value_page_shows_customer_and_offer_for_the_default_target(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    assert at.title[0].value == "Value proposition"
    assert at.selectbox(key="value_target").value == "role:1"  # Staff Engineer: the next level, at her employer
    needs = _figure_titled(at, "You have proof for")
    labels = list(needs.data[0].y)
    assert "Gain: Influence & visibility: level 2 → 4" in labels  # L5 expects 2, L6 expects 4
    assert any(label.startswith("Pain: ") for label in labels)
    shown = texts(at)
    assert "For the Staff Engineer role at Helio Health, I bring technical writing" in shown
    assert "Ladder L6 · Influence & visibility" in shown
    assert "stand-in occupation 15-1299.08" in shown  # market values of Software Developers use the stand-in


def test_changing_the_target_changes_the_customer(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    before = list(_figure_titled(at, "You have proof for").data[0].y)
    at.selectbox(key="value_target").set_value("role:2").run()  # Engineering Manager, M1
    assert not at.exception
    after = list(_figure_titled(at, "You have proof for").data[0].y)
    assert before != after
    assert "Gain: People management: level 1 → 3" in after
    shown = texts(at)
    assert "For the Engineering Manager role at Helio Health, I bring cross-team coordination" in shown
    assert "Ladder M1 · People management" in shown
    assert "Computer and Information Systems Managers (11-3021.00)" in shown


def test_a_saved_pitch_survives_a_reload(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    draft = at.text_area(key="pitch_30s_role:1_0_0").value
    assert draft.startswith("I'm Priya Raman, a Senior Software Engineer.")
    assert any(c.value == draft for c in at.code)  # the copyable box shows the same text
    edited = draft + " Ask me about the payment retries."
    at.text_area(key="pitch_30s_role:1_0_0").input(edited)
    at.button(key="save_30s").click().run()
    assert not at.exception
    con = db.connect(demo_db)
    assert con.execute("SELECT kind, version, text, target_role_id FROM pitch").fetchall() == [
        ("30s", 1, edited, 1)]
    con.close()

    reloaded = open_app(monkeypatch, demo_db, PAGE)  # a new session: nothing left in memory
    assert reloaded.text_area(key="pitch_30s_role:1_1_0").value == edited
    assert any(c.value == edited for c in reloaded.code)
    assert "Version 1 saved" in texts(reloaded)
    assert reloaded.button(key="save_30s").label == "Save as version 2"
    reloaded.button(key="fresh_30s").click().run()  # back to the fresh draft, the saved version stays
    assert reloaded.text_area(key="pitch_30s_role:1_1_1").value == draft


def test_an_invalid_pitch_names_the_field_and_saves_nothing(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    at.text_area(key="pitch_2min_role:1_0_0").input("Too short")
    at.button(key="save_2min").click().run()
    assert "at least 20 characters" in " ".join(e.value for e in at.error)
    con = db.connect(demo_db)
    assert con.execute("SELECT count(*) FROM pitch").fetchone()[0] == 0
    con.close()


def test_value_page_on_an_empty_file(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    shown = texts(at)
    assert "No accomplishments yet, so nothing proves you meet these needs." in shown
    assert "A pitch is drafted from your evidence" in shown
    assert "You have no target roles yet, so the customer is an O*NET occupation" in shown
    assert at.selectbox(key="value_target").value == "onet:15-1252.00"
    assert not at.get("plotly_chart")
    assert {m.label: m.value for m in at.metric}["Impact behind that proof"] == "—"
