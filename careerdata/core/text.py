"""Text helpers shared by every feature."""

from __future__ import annotations


def name_key(name: str) -> str:
    """How names compare: case-insensitive, runs of whitespace as one space (as the repository does)."""
    return " ".join(str(name).split()).casefold()


def shorten(text: str, width: int = 48) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"
