"""Projects.csv -> accomplishments."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.import_export.common import CsvTable, shorten
from careerdata.import_export.linkedin.found import Found

FILE = "Projects.csv"
REQUIRED = ("Title", "Started On")
OPTIONAL = ("Description", "Url", "Finished On")


def parse(t: CsvTable, found: Found) -> None:
    """Add what Projects.csv holds to `found` (rows are numbered as in the file for error messages)."""
    for n, row in t.rows:
        where = f"{t.name} row {n}"
        start = found.date(t, n, row, "Started On", required=True)
        if not row["title"]:
            raise InputError(f"{where}, Title: empty")
        url = row.get("url", "")
        found.add_win({"title": shorten(row["title"]), "start_date": start, "end_date": found.date(t, n, row, "Finished On"),
                 "result": row.get("description", ""), "links": [url] if url else []}, where)
