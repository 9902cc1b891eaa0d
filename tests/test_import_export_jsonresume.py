"""JSON Resume in and out: a full résumé imports exactly what it holds, twice changes nothing,
a broken file changes nothing, and the export is valid JSON Resume v1.0.0."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlparse

import jsonschema
import pytest
from test_import_export_common import RESUME, refusal, snapshot

from careerdata.core.errors import InputError
from careerdata.import_export.export import LEVEL_WORDS, export_jsonresume
from careerdata.import_export.imports import run_import
from careerdata.import_export.jsonresume import read_jsonresume
from careerdata.journal import queries

# --- the JSON Resume v1.0.0 schema, written down as the checks it makes -----------------------
# (jsonresume/resume-schema tag v1.0.0: draft-04; no unknown top-level keys; dates are
#  YYYY, YYYY-MM or YYYY-MM-DD; urls are URIs; emails are emails; every field is optional.)
ISO8601 = {"type": "string", "pattern": r"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"}
S = {"type": "string"}
URI = {"type": "string", "format": "uri"}


def _obj(**props) -> dict:
    return {"type": "object", "additionalProperties": True, "properties": props}


def _list(items) -> dict:
    return {"type": "array", "items": items}


V1_SCHEMA = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "$schema": URI,
        "basics": _obj(name=S, label=S, image=S, email={"type": "string", "format": "email"}, phone=S, url=URI,
                       summary=S, location=_obj(address=S, postalCode=S, city=S, countryCode=S, region=S),
                       profiles=_list(_obj(network=S, username=S, url=URI))),
        "work": _list(_obj(name=S, location=S, description=S, position=S, url=URI, startDate=ISO8601,
                           endDate=ISO8601, summary=S, highlights=_list(S))),
        "volunteer": _list(_obj(organization=S, position=S, url=URI, startDate=ISO8601, endDate=ISO8601, summary=S,
                                highlights=_list(S))),
        "education": _list(_obj(institution=S, url=URI, area=S, studyType=S, startDate=ISO8601, endDate=ISO8601,
                                score=S, courses=_list(S))),
        "awards": _list(_obj(title=S, date=ISO8601, awarder=S, summary=S)),
        "certificates": _list(_obj(name=S, date={"type": "string", "format": "date"}, url=URI, issuer=S)),
        "publications": _list(_obj(name=S, publisher=S, releaseDate=ISO8601, url=URI, summary=S)),
        "skills": _list(_obj(name=S, level=S, keywords=_list(S))),
        "languages": _list(_obj(language=S, fluency=S)),
        "interests": _list(_obj(name=S, keywords=_list(S))),
        "references": _list(_obj(name=S, reference=S)),
        "projects": _list(_obj(name=S, description=S, highlights=_list(S), keywords=_list(S), startDate=ISO8601,
                               endDate=ISO8601, url=URI, roles=_list(S), entity=S, type=S)),
        "meta": _obj(canonical=URI, version=S, lastModified=S),
    },
}
FORMATS = jsonschema.FormatChecker(["email", "date"])


@FORMATS.checks("uri")
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parsed = urlparse(value)
    return bool(parsed.scheme) and " " not in value and (parsed.scheme not in ("http", "https") or bool(parsed.netloc))


def validate_v1(doc: dict) -> None:
    jsonschema.Draft4Validator(V1_SCHEMA, format_checker=FORMATS).validate(doc)


# --- import ------------------------------------------------------------------------------------

def test_the_fixture_itself_is_valid_json_resume_v1():
    validate_v1(json.loads(RESUME.read_text()))


def test_a_full_resume_imports_exactly_what_it_holds(empty_con):
    report = run_import(empty_con, read_jsonresume(RESUME.read_bytes()))
    assert report.counts() == {
        "profile": {"added": 1, "updated": 0, "skipped": 0},
        "position": {"added": 3, "updated": 0, "skipped": 0},
        "skill": {"added": 11, "updated": 0, "skipped": 0},
        "contact": {"added": 2, "updated": 0, "skipped": 0},
        "accomplishment": {"added": 10, "updated": 0, "skipped": 0},  # 6 highlights, project, award, cert, volunteer
        "visibility": {"added": 1, "updated": 0, "skipped": 0},
    }
    profile = queries.profile(empty_con)
    assert (profile["name"], profile["current_title"]) == ("Mara Lindqvist", "Staff Software Engineer")
    assert profile["headline"].startswith("Platform engineer who makes payment systems boring")
    positions = empty_con.execute("SELECT employer, title, start_date, end_date FROM position ORDER BY start_date").fetchall()
    assert positions == [
        ("Nordlogistik AB", "Software Engineer", dt.date(2016, 8, 15), dt.date(2020, 2, 28)),  # older `company` field
        ("Klarbank", "Senior Software Engineer", dt.date(2020, 3, 1), dt.date(2022, 8, 31)),  # "2020-03" -> 1st
        ("Klarbank", "Staff Software Engineer", dt.date(2022, 9, 1), None),
    ]
    skills = dict(empty_con.execute("SELECT name, kind FROM skill").fetchall())
    assert set(skills) == {"Backend development", "Go", "Java", "PostgreSQL", "Cloud infrastructure", "Kubernetes",
                           "Terraform", "Leadership", "Mentoring", "Public speaking", "Observability"}  # "go" once
    assert skills["Mentoring"] == "leadership" and skills["Public speaking"] == "soft" and skills["Go"] == "technical"
    win = empty_con.execute(
        "SELECT start_date, end_date, employer, result FROM accomplishment WHERE title LIKE 'Rewrote route%'").fetchone()
    assert win == (dt.date(2016, 8, 15), dt.date(2020, 2, 28), "Nordlogistik AB",
                   "Rewrote route planning in Go; fuel costs down 9% in the first quarter")
    project = queries.accomplishment_model(empty_con, empty_con.execute(
        "SELECT id FROM accomplishment WHERE title = 'pgwatch-lite'").fetchone()[0])
    assert project.skills == ["Go", "Observability", "PostgreSQL"]
    assert project.links == ["https://github.com/maralind/pgwatch-lite"] and project.employer == "Klarbank"
    assert empty_con.execute("SELECT title, kind, venue, is_external FROM visibility_item").fetchall() == [
        ("Error budgets for a bank", "post", "Klarbank Engineering Blog", True)]
    refs = dict(empty_con.execute("SELECT name, advocacy_stage FROM contact").fetchall())
    assert refs == {"Henrik Sand": "supporter", "Aisha Okafor": "supporter"}
    assert any("education (1)" in n for n in report.notes) and any("Undated side project" in n for n in report.notes)


def test_importing_the_same_resume_twice_changes_nothing(empty_con):
    bundle = read_jsonresume(RESUME.read_bytes())
    run_import(empty_con, bundle)
    before = snapshot(empty_con)
    again = run_import(empty_con, read_jsonresume(RESUME.read_bytes()))
    assert again.totals() == {"added": 0, "updated": 0, "skipped": len(bundle.items)} and not again.changed
    assert snapshot(empty_con) == before


def test_a_dry_run_previews_the_same_counts_and_writes_nothing(demo_con):
    before = snapshot(demo_con)
    preview = run_import(demo_con, read_jsonresume(RESUME.read_bytes()), dry_run=True)
    assert snapshot(demo_con) == before
    assert preview.dry_run and preview.changed
    # Go, PostgreSQL, Kubernetes... already exist in the demo: skipped, never re-kinded
    assert preview.counts()["skill"] == {"added": 3, "updated": 0, "skipped": 8}
    done = run_import(demo_con, read_jsonresume(RESUME.read_bytes()))
    assert done.counts() == preview.counts()


def test_an_import_updates_only_what_the_file_states_and_keeps_your_edits(empty_con):
    run_import(empty_con, read_jsonresume(RESUME.read_bytes()))
    empty_con.execute("UPDATE contact SET relationship = 'senior_leader', advocacy_stage = 'sponsor', notes = 'mine' "
                      "WHERE name = 'Henrik Sand'")
    empty_con.execute("UPDATE skill SET kind = 'domain' WHERE name = 'Go'")
    data = json.loads(RESUME.read_text())
    data["work"][1]["endDate"] = "2022-09-15"
    data["basics"]["label"] = "Principal Engineer"
    report = run_import(empty_con, read_jsonresume(json.dumps(data).encode()))
    changed = {(c.entity, c.record): c.fields for c in report.changes if c.action == "updated"}
    # the job's end moved; its highlight keeps its own dates (they were only the job's, a guess)
    assert changed == {("position", "Senior Software Engineer at Klarbank from 2020-03-01"): ("end_date",),
                       ("profile", "Mara Lindqvist"): ("current_title",)}
    assert empty_con.execute("SELECT relationship, advocacy_stage, notes FROM contact WHERE name = 'Henrik Sand'"
                             ).fetchone() == ("senior_leader", "sponsor", "mine")
    assert empty_con.execute("SELECT kind FROM skill WHERE name = 'Go'").fetchone() == ("domain",)


BROKEN = [
    (b"", r"resume.json: the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", r"resume.json: not a text file"),
    (b"name,title\nAda,Eng\n", r"resume.json line 1 column 1: not valid JSON"),
    (RESUME.read_bytes()[:700], r"resume.json line \d+ column \d+: not valid JSON"),  # truncated download
    (b"[1, 2]", r"resume.json: expected a JSON Resume object"),
    (b'{"work": {"name": "Acme"}}', r"resume.json work: expected a list \[...\], got an object"),
    (b'{"work": [{"name": "Acme", "position": "Eng", "startDate": 2020}]}',
     r"resume.json work\[0\].startDate: expected text, got a number"),
    (b'{"work": [{"name": "Acme", "position": "Eng", "startDate": "2020/05/01"}]}',
     r"resume.json work\[0\].startDate: '2020/05/01' is not a date like"),
    (b'{"work": [{"name": "Acme", "position": "Eng", "startDate": "2021-01", "endDate": "2020-01"}]}',
     r"resume.json work\[0\], end date must be on or after the start date"),
    (b'{"skills": [{"name": "Go", "keywords": ["Rust", 7]}]}', r"resume.json skills\[0\].keywords\[1\]: expected text"),
    (b'{"work": [{"name": "Acme", "position": "Eng", "startDate": "2021", "highlights": ["ok"]}]}',
     r"resume.json work\[0\].highlights\[0\], title: String should have at least 3 characters"),
]


@pytest.mark.parametrize(("raw", "message"), BROKEN)
def test_a_broken_resume_names_the_place_and_changes_nothing(demo_con, raw, message):
    before = snapshot(demo_con)
    assert "\n" not in refusal(lambda: run_import(demo_con, read_jsonresume(raw, "resume.json")), message)
    assert snapshot(demo_con) == before


def test_a_resume_whose_later_entry_fails_in_the_database_writes_nothing(empty_con):
    """Valid JSON that only fails inside the transaction (an accomplishment naming a skill that
    is not there) rolls back everything written before it."""
    bundle = read_jsonresume(RESUME.read_bytes())
    bad = next(i for i in bundle.items if i.entity == "accomplishment")
    bundle.items.append(type(bad)(bad.entity, bad.model.model_copy(update={"title": "Another win", "skills": ["Cobol"]}),
                                  "resume.json work[9]", bad.update | {"skills"}))
    before = snapshot(empty_con)
    with pytest.raises(InputError, match=r"resume.json work\[9\], skills\[0\]: unknown skill 'Cobol'"):
        run_import(empty_con, bundle)
    assert snapshot(empty_con) == before


# --- export ------------------------------------------------------------------------------------

def test_the_demo_exports_as_valid_json_resume_v1(demo_con):
    doc = export_jsonresume(demo_con)
    validate_v1(doc)
    assert doc["basics"]["name"] == "Priya Raman" and doc["meta"]["version"] == "v1.0.0"
    assert doc["meta"]["lastModified"] == "2026-11-21T00:00:00"
    assert [w["name"] for w in doc["work"]] == ["Helio Health", "Northwind Payments", "Northwind Payments",
                                                 "Parcelly", "Parcelly"]
    assert "endDate" not in doc["work"][0] and doc["work"][0]["startDate"] == "2023-04-17"
    highlights = sum(len(w.get("highlights", [])) for w in doc["work"]) + len(doc.get("projects", []))
    assert highlights == demo_con.execute("SELECT count(*) FROM accomplishment").fetchone()[0]
    go_level = demo_con.execute("SELECT self_level FROM v_skill_latest WHERE name = 'Go'").fetchone()[0]
    assert len(doc["skills"]) == 46 and {"name": "Go", "level": LEVEL_WORDS[go_level]} in doc["skills"]
    assert "references" not in doc  # people are private


def test_an_empty_file_exports_a_valid_minimal_resume(empty_con):
    doc = export_jsonresume(empty_con)
    validate_v1(doc)
    assert doc["basics"] == {} and "work" not in doc


def test_the_schema_check_catches_what_the_v1_schema_refuses():
    for bad in ({"work": [{"startDate": "2020/01"}]}, {"extra": 1}, {"basics": {"url": "not a uri"}},
                {"skills": [{"keywords": "Go"}]}):
        with pytest.raises(jsonschema.ValidationError):
            validate_v1(bad)


def test_import_then_export_keeps_name_work_history_and_skills(empty_con):
    run_import(empty_con, read_jsonresume(RESUME.read_bytes()))
    doc = export_jsonresume(empty_con)
    validate_v1(doc)
    source = json.loads(RESUME.read_text())
    assert doc["basics"]["name"] == source["basics"]["name"]
    assert doc["basics"]["label"] == source["basics"]["label"]
    assert [(w["name"], w["position"]) for w in doc["work"]] == [
        (w.get("name") or w["company"], w["position"]) for w in source["work"]]
    assert [w["startDate"] for w in doc["work"]] == ["2022-09-01", "2020-03-01", "2016-08-15"]
    # the project done at Klarbank during that job joins its highlights
    assert doc["work"][0]["highlights"] == source["work"][0]["highlights"] + ["pgwatch-lite"]
    wanted = {s["name"] for s in source["skills"]} | {k for s in source["skills"] for k in s["keywords"]}
    assert {s["name"].casefold() for s in doc["skills"]} >= {w.casefold() for w in wanted}
    # and the export imports back onto itself without a single change
    assert not run_import(empty_con, read_jsonresume(json.dumps(doc).encode())).changed
