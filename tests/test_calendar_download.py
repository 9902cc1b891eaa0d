"""A page's calendar button says how many events the file holds without writing it (at 100× data the
file is seconds of work, built only when clicked); the count is the file's."""

import datetime as dt

from helpers import open_app

from careerdata.import_export import view as io_view

TODAY = dt.date(2026, 11, 21)


def test_the_count_on_the_button_is_the_number_of_events_in_the_file(demo_con):
    for what in (("cadence", "followups"), ("followups",), ("rehearsals",), ("plan", "review")):
        data, events = io_view.calendar(demo_con, what, TODAY)
        assert io_view.calendar_events(demo_con, what, TODAY) == events == data.count(b"BEGIN:VEVENT"), what
    assert io_view.calendar_events(demo_con, ("cadence", "followups"), TODAY) > 0


def test_the_network_page_offers_the_calendar_with_its_count(monkeypatch, demo_db, demo_con):
    events = io_view.calendar_events(demo_con, ("cadence", "followups"), TODAY)
    at = open_app(monkeypatch, demo_db, "app_pages/network.py")
    labels = [d.proto.label for d in at.get("download_button")]
    assert f"Add to calendar (.ics, {events} events)" in labels
