"""AppTest: every page renders on the demo and on an empty file, and the journal writes for real."""

from __future__ import annotations

import pytest
from helpers import APP, button, open_app, texts
from streamlit.testing.v1 import AppTest

from careerdata.store import db
from careerdata.ui.layout import PAGES

PAGE_FILES = [file for file, *_ in PAGES.values()]


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_renders_on_the_demo(monkeypatch, demo_db, page):
    at = open_app(monkeypatch, demo_db, page)
    assert at.title and at.title[0].value
    assert "demo data" in texts(at)


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_renders_on_an_empty_file_without_nan(monkeypatch, empty_db, page):
    at = open_app(monkeypatch, empty_db, page)
    shown = texts(at) + " ".join(str(m.value) for m in at.metric)
    assert "nan" not in shown.lower().split() and "NaN" not in shown
    assert "demo data" not in shown


def test_a_newer_file_is_refused_with_a_message_not_a_traceback(monkeypatch, tmp_path):
    path = tmp_path / "future.duckdb"
    con = db.connect(path)
    con.execute("INSERT INTO schema_version (version, description) VALUES (99, 'future')")
    con.close()
    monkeypatch.setenv("CAREERDATA_DB", str(path))
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception
    assert "schema version 99" in at.error[0].value


def test_start_my_own_file_replaces_the_demo_with_an_empty_file(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db)
    button(at, "Replace demo with an empty file").click().run()
    assert not at.exception
    assert "demo data" not in texts(at)
    assert "No wins logged yet." in texts(at)
    con = db.connect(demo_db)
    assert con.execute("SELECT count(*) FROM accomplishment").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM market_role").fetchone()[0] == 38  # market data kept
    con.close()
