"""AppTest: the About page names its data sources with their required attribution."""

from __future__ import annotations

from helpers import open_app, texts


def test_about_page_shows_the_required_attribution(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, "app_pages/about.py")
    shown = texts(at)
    assert "O*NET® 29.3 Database" in shown and "CC BY 4.0" in shown
    assert "Occupational Employment and Wage Statistics" in shown
