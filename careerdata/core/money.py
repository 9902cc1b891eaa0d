"""Money as people say it."""

from __future__ import annotations

from careerdata.core.text import is_missing


def format_money(value: float | None) -> str:
    """$1.2M / $340k / $950: the way people say money."""
    if is_missing(value):
        return "—"
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value >= 1e6:
        return f"{sign}${value / 1e6:.1f}M"
    if value >= 1e3:
        return f"{sign}${value / 1e3:.0f}k"
    return f"{sign}${value:,.0f}"


def format_money_exact(value: float | None) -> str:
    """$214,670: exact dollars, for talking points and tables."""
    if is_missing(value):
        return "—"
    return f"${value:,.0f}"
