"""Long lists a page at a time: page count, bounds and the 'showing' line."""

from __future__ import annotations

import pytest

from careerdata.ui import paging


@pytest.mark.parametrize(("total", "page", "expected"), [
    (0, 1, (0, 0)),
    (10, 1, (0, 10)),       # fits on one page
    (50, 1, (0, 20)),
    (50, 3, (40, 50)),      # the last page is short
    (50, 9, (40, 50)),      # past the end: the last page
    (50, 0, (0, 20)),       # before the start: the first page
    (40, 2, (20, 40)),
])
def test_page_bounds_slice_a_long_list_twenty_at_a_time(total, page, expected):
    assert paging.page_bounds(total, page, 20) == expected


def test_page_count_is_at_least_one():
    assert [paging.page_count(n, 20) for n in (0, 1, 20, 21, 1043)] == [1, 1, 1, 2, 53]


def test_showing_label_says_how_many_are_hidden():
    assert paging.showing_label(0, 20, 1043, "contacts", "most overdue first") == (
        "Showing 1–20 of 1,043 contacts, most overdue first; 1,023 more on the other pages.")
    assert paging.showing_label(1040, 1043, 1043, "contacts", "most overdue first") == (
        "Showing 1,041–1,043 of 1,043 contacts, most overdue first; 1,040 more on the other pages.")
    assert paging.showing_label(0, 5, 5, "open opportunities", "furthest along first") == (
        "Showing 1–5 of 5 open opportunities, furthest along first.")
