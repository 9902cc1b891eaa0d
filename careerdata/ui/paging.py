"""Long lists shown a page at a time: how many pages, which rows, and what the user is told."""

from __future__ import annotations


def page_count(total: int, size: int) -> int:
    """Pages needed to list `total` items `size` at a time: ceil(total / size), at least 1."""
    return max(1, -(-int(total) // int(size)))


def page_bounds(total: int, page: int, size: int) -> tuple[int, int]:
    """Row positions [start, end) of page `page` (1-based) of a list of `total` items shown `size`
    at a time: start = (page − 1) × size, end = min(total, start + size). A page number out of
    range is clamped to the first or last page (a list can shrink under a remembered page)."""
    page = min(max(1, int(page)), page_count(total, size))
    start = (page - 1) * size
    return start, min(int(total), start + size)


def showing_label(start: int, end: int, total: int, noun: str, order: str) -> str:
    """What a truncated list shows and how many it hides:
    'Showing 1–20 of 1,043 contacts, most overdue first; 1,023 more on the other pages.'"""
    hidden = int(total) - (end - start)
    text = f"Showing {start + 1:,}–{end:,} of {int(total):,} {noun}, {order}"
    return text + (f"; {hidden:,} more on the other pages." if hidden > 0 else ".")
