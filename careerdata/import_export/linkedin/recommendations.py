"""Recommendations_Received.csv -> recommenders as contacts (advocacy "advocate", the text in notes)."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.import_export.common import CsvTable, shorten
from careerdata.import_export.linkedin.found import Found, full_name

FILE = "Recommendations_Received.csv"
REQUIRED = ("First Name", "Last Name", "Text")
OPTIONAL = ("Company", "Job Title", "Creation Date", "Status")


def parse(t: CsvTable, found: Found) -> None:
    """Add what Recommendations_Received.csv holds to `found` (rows are numbered as in the file for error messages)."""
    for n, row in t.rows:
        where = f"{t.name} row {n}"
        who = full_name(row, "First Name", "Last Name")
        if not who:
            raise InputError(f"{where}, First Name: empty")
        when = found.date(t, n, row, "Creation Date")
        p = found.person(who, where)
        p.vouched = True
        p.raise_advocacy("advocate")
        p.cadence = min(p.cadence, 90)
        p.company = p.company or row.get("company", "")
        p.title = p.title or row.get("job title", "")
        text = row["text"]
        p.notes.append(f"Recommended you on LinkedIn{f' ({when})' if when else ''}: “{shorten(text, 2000)}”")
