"""Profile.csv -> profile: first + last name, headline; the title from the current position."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.import_export.common import CsvTable, shorten
from careerdata.import_export.linkedin.found import Found, full_name
from careerdata.models import career as m

FILE = "Profile.csv"
REQUIRED = ("First Name", "Last Name")
OPTIONAL = ("Headline", "Summary")


def parse(t: CsvTable, found: Found) -> None:
    """Add what Profile.csv holds to `found` (rows are numbered as in the file for error messages)."""
    if len(t.rows) > 1:
        found.bundle.notes.append(f"{t.name} has {len(t.rows)} rows; only the first is used")
    if t.rows:
        n, row = t.rows[0]
        full = full_name(row, "First Name", "Last Name")
        headline = row.get("headline", "")
        data = {"name": full, "headline": headline}
        guessed = {"current_title"}
        if found.position_rows:
            latest = max(found.position_rows, key=lambda p: (p[1] is None, p[1] or p[0], p[0]))
            data["current_title"] = latest[2]
        elif headline:
            data["current_title"] = shorten(headline.split("|")[0].split(" at ")[0], 200)
        if not full:
            raise InputError(f"{t.name} row {n}, First Name: empty")
        if "current_title" in data:
            found.bundle.add("profile", m.Profile, data, f"{t.name} row {n}", guessed=guessed)
        else:
            found.bundle.notes.append(f"{t.name}: no current position or headline to take your title from; "
                                "profile not imported")
