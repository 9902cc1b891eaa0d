"""Positions.csv -> positions; bullet lines of a description ("•", "-", "*") -> accomplishments."""

from __future__ import annotations

import re

from careerdata.core.errors import InputError
from careerdata.import_export.common import CsvTable, month_end, shorten
from careerdata.import_export.linkedin.found import Found
from careerdata.models import career as m

FILE = "Positions.csv"
REQUIRED = ("Company Name", "Title", "Started On")
OPTIONAL = ("Description", "Location", "Finished On")
BULLET = re.compile(r"^\s*[•·\-*–▪●◦]\s+(.*\S)\s*$")  # a bullet line of a description: one win


def parse(t: CsvTable, found: Found) -> None:
    """Add what Positions.csv holds to `found` (rows are numbered as in the file for error messages)."""
    for n, row in t.rows:
        where = f"{t.name} row {n}"
        employer, title = row["company name"], row["title"]
        start = found.date(t, n, row, "Started On", required=True)
        end = found.date(t, n, row, "Finished On")
        if not employer or not title:
            raise InputError(f"{where}, {'Company Name' if not employer else 'Title'}: empty")
        found.bundle.add("position", m.Position, {"employer": employer, "title": title, "start_date": start,
                                            "end_date": end}, where, month_dates=True)
        found.position_rows.append((start, end, title))
        for line in row.get("description", "").splitlines():
            bullet = BULLET.match(line)
            if bullet:
                text = bullet[1]
                found.add_win({"title": shorten(text), "start_date": start, "end_date": end, "employer": employer,
                         "result": text}, f"{where}, Description", guessed=("scope", "end_date", "result"),
                        window=(start, month_end(end) if end else None))
