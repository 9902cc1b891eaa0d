"""Every page of the registry, in AppTest, on every data state (tests/states.py): no exception,
the page's header, no NaN/None leaking into what is shown, and on Home and the Journal the
figures of the file itself. New pages in careerdata/ui/layout.py PAGES are covered automatically."""

from __future__ import annotations

import re
import shutil

import pytest
from helpers import APP, texts
from states import STATES
from streamlit.testing.v1 import AppTest

from careerdata.store import db
from careerdata.ui.layout import PAGES

LEAK = re.compile(r"(?<![\w/])(nan|NaN|None(?! of)|<NA>|NaT)(?![\w/])")


def _facts(path) -> dict:
    con = db.connect(path, read_only=True)
    try:
        one = lambda sql: con.execute(sql).fetchone()  # noqa: E731
        return {"skills": one("SELECT count(*) FROM skill")[0],
                "wins": one("SELECT count(*) FROM accomplishment")[0],
                "name": (one("SELECT max(name) FROM profile") or [None])[0]}
    finally:
        con.close()


def _check(key: str, at: AppTest, facts: dict) -> str | None:
    """What is wrong with page `key` as shown, or None."""
    if at.exception:
        return "; ".join(str(e.value) for e in at.exception)
    if not at.title:
        return "no page header"
    shown = texts(at)
    leak = LEAK.search(shown)
    if leak:
        return f"shows {leak[0]!r}: …{shown[max(0, leak.start() - 60):leak.end() + 20]}…"
    if key == "journal":
        labels = [t.label for t in at.tabs]
        want = [f"Accomplishments ({facts['wins']})", f"Skills ({facts['skills']})"]
        if not set(want) <= set(labels):
            return f"tabs {labels}, expected {want}"
    if key == "home" and facts["name"] and facts["name"].split()[0] not in shown:
        return f"Home does not name {facts['name']!r}"
    return None


@pytest.mark.parametrize("state", list(STATES))
def test_every_page_renders_on_every_state(state, state_file, tmp_path, monkeypatch):
    path = shutil.copy(state_file(state), tmp_path / "career.duckdb")
    facts = _facts(path)
    monkeypatch.setenv("CAREERDATA_DB", str(path))
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.run()
    problems = {}
    for key, (file, *_rest) in PAGES.items():
        at.switch_page(file).run()
        problem = _check(key, at, facts)
        if problem:
            problems[key] = problem
    assert not problems, problems
