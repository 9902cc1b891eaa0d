"""Text helpers shared by every feature."""

from __future__ import annotations


def name_key(name: str) -> str:
    """How names compare: case-insensitive, runs of whitespace as one space (as the repository does)."""
    return " ".join(str(name).split()).casefold()
