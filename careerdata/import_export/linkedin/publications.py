"""Publications.csv -> visibility items (external posts)."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.core.text import name_key
from careerdata.import_export.common import CsvTable, shorten
from careerdata.import_export.linkedin.found import Found
from careerdata.models import career as m

FILE = "Publications.csv"
REQUIRED = ("Name", "Published On")
OPTIONAL = ("Publisher", "Description", "Url")


def parse(t: CsvTable, found: Found) -> None:
    """Add what Publications.csv holds to `found` (rows are numbered as in the file for error messages)."""
    seen = set()
    for n, row in t.rows:
        where = f"{t.name} row {n}"
        when = found.date(t, n, row, "Published On", required=True)
        if not row["name"]:
            raise InputError(f"{where}, Name: empty")
        if (name_key(row["name"]), when) in seen:
            continue
        seen.add((name_key(row["name"]), when))
        found.bundle.add("visibility", m.VisibilityItem,
                   {"title": shorten(row["name"]), "kind": "post", "venue": row.get("publisher", ""),
                    "date": when, "is_external": True, "url": row.get("url", "")},
                   where, guessed={"kind", "is_external"})
