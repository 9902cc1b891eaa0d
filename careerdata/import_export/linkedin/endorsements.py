"""Endorsement_Received_Info.csv -> skills, and endorsers as contacts (advocacy "aware")."""

from __future__ import annotations

from careerdata.core.errors import InputError
from careerdata.core.text import name_key
from careerdata.import_export.common import CsvTable
from careerdata.import_export.linkedin.found import Found, full_name

FILE = "Endorsement_Received_Info.csv"
REQUIRED = ("Skill Name", "Endorser First Name", "Endorser Last Name")
OPTIONAL = ("Endorsement Date", "Endorser Public Url", "Endorsement Status")


def parse(t: CsvTable, found: Found) -> None:
    """Add what Endorsement_Received_Info.csv holds to `found` (rows are numbered as in the file for error messages)."""
    not_accepted = 0
    for n, row in t.rows:
        where = f"{t.name} row {n}"
        status = row.get("endorsement status", "")
        if status and status.upper() != "ACCEPTED":
            not_accepted += 1
            continue
        skill = row["skill name"]
        if not skill:
            raise InputError(f"{where}, Skill Name: empty")
        found.date(t, n, row, "Endorsement Date")  # refuse a malformed date even though only the name is kept
        found.add_skill(skill, where)
        found.endorsements[name_key(skill)] = found.endorsements.get(name_key(skill), 0) + 1
        who = full_name(row, "Endorser First Name", "Endorser Last Name")
        if who:
            p = found.person(who, where)
            p.vouched = True
            p.raise_advocacy("aware")
            p.cadence = min(p.cadence, 180)
            note = f"Endorsed you on LinkedIn for {skill}"
            if note not in p.notes:
                p.notes.append(note)
    if not_accepted:
        found.bundle.notes.append(f"{t.name}: {not_accepted} endorsement(s) not accepted on LinkedIn were left out")
