"""Shared AppTest helpers: open the real app on a career file and read what it shows."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "dashboard.py"


def open_app(monkeypatch, path, page: str | None = None) -> AppTest:
    monkeypatch.setenv("CAREERDATA_DB", str(path))
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.info]
    parts += [e.value for e in at.success] + [e.value for e in at.error] + [e.value for e in at.warning]
    return "\n".join(str(p) for p in parts).replace("\\", "")  # drop Markdown escapes


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)
