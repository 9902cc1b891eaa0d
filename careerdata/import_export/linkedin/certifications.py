"""Certifications.csv -> accomplishments (scope external)."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.import_export.common import CsvTable, certificate_title, shorten
from careerdata.import_export.linkedin.found import Found

FILE = "Certifications.csv"
REQUIRED = ("Name", "Started On")
OPTIONAL = ("Url", "Authority", "Finished On", "License Number")


def parse(t: CsvTable, found: Found) -> None:
    """Add what Certifications.csv holds to `found` (rows are numbered as in the file for error messages)."""
    for n, row in t.rows:
        where = f"{t.name} row {n}"
        start = found.date(t, n, row, "Started On", required=True)
        if not row["name"]:
            raise InputError(f"{where}, Name: empty")
        authority, url = row.get("authority", ""), row.get("url", "")
        found.add_win({"title": shorten(certificate_title(row["name"])), "start_date": start, "scope": "external",
                 "situation": f"Issued by {authority}" if authority else "", "links": [url] if url else []},
                where)
