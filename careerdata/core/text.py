"""Text helpers shared by every feature."""

from __future__ import annotations

import math

import pandas as pd


def name_key(name: str) -> str:
    """How names compare: case-insensitive, runs of whitespace as one space (as the repository does)."""
    return " ".join(str(name).split()).casefold()


def shorten(text: str, width: int = 48) -> str:
    """`text` cut to at most `width` characters, with an ellipsis when cut."""
    text = str(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 win', '3 wins', '2 people' (with `many`): the count with thousands separators."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def text_or_none(value):
    """A stripped string, or None for None, NaN, pd.NA and blank text (a missing cell of a frame)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    value = str(value).strip()
    return value or None


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def format_number(value) -> str:
    if value is None or pd.isna(value):
        return "?"
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def escape_md(text: str) -> str:
    """User text inside the generated Markdown: shown literally, never as formatting."""
    text = " ".join(str(text).split())
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return text


def article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"
