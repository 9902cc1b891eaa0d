"""Skills.csv -> skills (kinds guessed)."""

from __future__ import annotations

from careerdata.import_export.common import CsvTable
from careerdata.import_export.linkedin.found import Found

FILE = "Skills.csv"
REQUIRED = ("Name",)
OPTIONAL = ()


def parse(t: CsvTable, found: Found) -> None:
    """Add what Skills.csv holds to `found` (rows are numbered as in the file for error messages)."""
    for n, row in t.rows:
        if row["name"]:
            found.add_skill(row["name"], f"{t.name} row {n}")
