"""Connections.csv -> the company and position of your contacts (every connection a contact with `all_connections`)."""

from __future__ import annotations

from careerdata.import_export.common import CsvTable
from careerdata.import_export.linkedin.found import Found, full_name

FILE = "Connections.csv"
REQUIRED = ("First Name", "Last Name", "Company", "Position", "Connected On")
OPTIONAL = ("URL", "Email Address")


def parse(t: CsvTable, found: Found) -> None:
    """Add what Connections.csv holds to `found` (rows are numbered as in the file for error messages)."""
    for n, row in t.rows:
        where = f"{t.name} row {n}"
        who = full_name(row, "First Name", "Last Name")
        if not who:
            continue  # LinkedIn leaves names blank for members who hid them
        since = found.date(t, n, row, "Connected On")
        p = found.person(who, where)
        # Connections are the most current record of someone's company and position.
        p.company = row["company"] or p.company
        p.title = row["position"] or p.title
        p.notes.insert(0, f"LinkedIn connection since {since}." if since else "LinkedIn connection.")
        if row.get("url"):
            p.notes.insert(1, row["url"])
