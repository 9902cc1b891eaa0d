"""The data-state matrix: career files as real people have them, built with the project's own
importers and writers, once per test session.

Every page is run on every state (tests/test_states_app.py in AppTest, tests/test_states_browser.py
in Chromium). A state is a function that fills a freshly created empty file; `build(name, path)`
makes one. The JSON Resume and LinkedIn files in tests/fixtures/realdata/ are written by hand with
the awkward parts real exports have (see their README); they share nothing with the demo persona.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from careerdata.bench.runner import scale_up
from careerdata.import_export.csv_io import read_csv_entity
from careerdata.import_export.imports import run_import
from careerdata.import_export.jsonresume import read_jsonresume
from careerdata.import_export.linkedin.reader import read_linkedin, read_linkedin_files
from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.store import db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "realdata"
RESUME = FIXTURES / "resume.json"
RESUME_LEGACY = FIXTURES / "resume_legacy.json"
LINKEDIN = FIXTURES / "linkedin"

XSS = '<script>window.__pwned = "script"</script>'
IMG = '<img src=x onerror="window.__pwned = \'img\'">'
MD = "**bold** [click me](javascript:window.__pwned='link') $x$ # heading"
HOSTILE = f"{XSS} {IMG} {MD} '); DROP TABLE skill; --"


def _import_resume(con, path: Path = RESUME) -> None:
    run_import(con, read_jsonresume(path.read_bytes(), path.name))


def _import_linkedin(con, all_connections: bool = True) -> None:
    run_import(con, read_linkedin(LINKEDIN, all_connections=all_connections))


def _jsonresume(con) -> None:
    _import_resume(con)


def _linkedin(con) -> None:
    _import_linkedin(con)


def _both(con) -> None:
    """The legacy (`company`) résumé, then the LinkedIn export on top, as a new user would."""
    _import_resume(con, RESUME_LEGACY)
    _import_linkedin(con, all_connections=False)


def _hostile_text(value, text: str):
    if isinstance(value, str):
        return f"{value} {text}" if value else value
    if isinstance(value, list):
        return [_hostile_text(v, text) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in {"startDate", "endDate", "date", "releaseDate", "email", "url", "$schema"}
                    else _hostile_text(v, text)) for k, v in value.items()}
    return value


def _hostile(con) -> None:
    """Script tags, event handlers, Markdown and SQL in every free-text field of both imports."""
    doc = _hostile_text(copy.deepcopy(json.loads(RESUME.read_text(encoding="utf-8"))), XSS)
    doc["basics"]["summary"] = HOSTILE
    run_import(con, read_jsonresume(json.dumps(doc).encode(), "hostile.json"))
    files = {p.name: p.read_bytes() for p in LINKEDIN.iterdir()}
    out = io.StringIO()
    csv.writer(out).writerows([
        ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
        [f"Corp {IMG}", f"Lead {XSS}", f"Cut costs by 40% {MD}\n• Saved $2M a year {XSS}", "Nowhere", "Jan 2022", ""],
    ])
    files["Positions.csv"] = out.getvalue().encode()
    run_import(con, read_linkedin_files(files, "hostile-linkedin", all_connections=True))
    repo.add_target_role(con, m.TargetRole(name=f"Role {IMG}", company=HOSTILE, onet_soc_code="15-1252.00",
                                           notes=HOSTILE))


def _csv(con, entity: str, text: str) -> None:
    run_import(con, read_csv_entity(text.encode(), f"{entity}.csv", entity))


def _partial(con) -> None:
    """Half-done data: skills never rated, wins with no metric, contacts never met, a role with no skills."""
    _csv(con, "positions", "employer,title,level,start_date,end_date\nHalfway Ltd,Platform Engineer,,2023-04-01,\n")
    _csv(con, "skills", "name,kind,taxonomy_id,notes\nTerraform,technical,,\nNegotiation,soft,,\n"
                        "Incident command,leadership,,\n")
    _csv(con, "accomplishments", "title,start_date,end_date,employer,scope,situation,task,action,result,skills,"
                                 "competencies,links\n"
                                 "Moved state files to remote backends,2025-02-03,,Halfway Ltd,team,,,,,Terraform,,\n"
                                 "Ran the Q3 incident review,2026-09-15,2026-09-30,Halfway Ltd,org,,,,,,,\n")
    _csv(con, "contacts", "name,relationship,company,title,influence,advocacy_stage,cadence_days,notes\n"
                          "Rosa Lindt,manager,Halfway Ltd,Engineering Manager,4,aware,,\n"
                          "Kwame Boateng,mentor,,,3,unknown,,\n")
    repo.add_target_role(con, m.TargetRole(name="Staff Platform Engineer", onet_soc_code="15-1252.00"))


STATES: dict[str, Callable | None] = {
    "empty": None,
    "demo": None,
    "jsonresume": _jsonresume,
    "linkedin": _linkedin,
    "both": _both,
    "hostile": _hostile,
    "partial": _partial,
    "x100": None,
}


def build(name: str, path: Path, empty: Path, demo: Path) -> Path:
    """Create the career file of state `name` at `path`, starting from copies of the session's
    freshly created empty and demo files (tests/conftest.py), so each is built once."""
    shutil.copy(demo if name in {"demo", "x100"} else empty, path)
    if name == "x100":
        return scale_up(path, 100)
    fill = STATES[name]
    if fill is not None:
        con = db.connect(path)
        try:
            fill(con)
            con.execute("CHECKPOINT")
        finally:
            con.close()
    return path
