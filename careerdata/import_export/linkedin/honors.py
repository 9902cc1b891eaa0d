"""Honors.csv -> accomplishments."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.import_export.common import CsvTable, shorten
from careerdata.import_export.linkedin.found import Found

FILE = "Honors.csv"
REQUIRED = ("Title", "Issued On")
OPTIONAL = ("Description",)


def parse(t: CsvTable, found: Found) -> None:
    """Add what Honors.csv holds to `found` (rows are numbered as in the file for error messages)."""
    for n, row in t.rows:
        where = f"{t.name} row {n}"
        start = found.date(t, n, row, "Issued On", required=True)
        if not row["title"]:
            raise InputError(f"{where}, Title: empty")
        found.add_win({"title": shorten(row["title"]), "start_date": start, "result": row.get("description", "")},
                where)
