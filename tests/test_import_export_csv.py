"""CSV per entity: the documented templates import, export -> import round-trips exactly,
re-importing changes nothing, and a bad row names file, row and column and writes nothing."""

from __future__ import annotations

import csv
import io

import pytest
from test_import_export_common import refusal, second_file, snapshot

from careerdata.import_export.csv_io import CSV_ENTITIES, TEMPLATES_DIR, entity_counts, export_csv, read_csv_entity
from careerdata.import_export.imports import run_import


def _import(con, entity: str, text: str, name: str | None = None, dry_run: bool = False):
    return run_import(con, read_csv_entity(text.encode(), name or f"{entity}.csv", entity), dry_run=dry_run)


def test_every_entity_has_a_documented_template_with_one_valid_example_row(empty_con):
    readme = (TEMPLATES_DIR / "README.md").read_text()
    for name, spec in CSV_ENTITIES.items():  # in the documented import order
        text = (TEMPLATES_DIR / f"{name}.csv").read_text()
        rows = list(csv.reader(io.StringIO(text)))
        assert tuple(rows[0]) == spec.columns and len(rows) == 2, name
        assert f"`{name}.csv`" in readme and all(c in readme for c in spec.columns), name
        report = _import(empty_con, name, text)
        assert report.totals() == {"added": 1, "updated": 0, "skipped": 0}, name
    assert entity_counts(empty_con) == dict.fromkeys(CSV_ENTITIES, 1)
    assert empty_con.execute("SELECT c.name FROM impact_metric m JOIN contact c ON c.id = m.verified_by_contact_id"
                             ).fetchall() == [("Alex Rivera",)]


def test_export_then_import_into_an_empty_file_reproduces_every_entity(demo_con, _empty_master, tmp_path):
    empty_con = second_file(_empty_master, tmp_path, "empty.duckdb")
    for name in CSV_ENTITIES:
        _import(empty_con, name, export_csv(demo_con, name))
    for name in CSV_ENTITIES:
        assert export_csv(empty_con, name) == export_csv(demo_con, name), name
    assert entity_counts(empty_con) == entity_counts(demo_con)
    empty_con.close()


def test_reimporting_your_own_export_changes_nothing(demo_con):
    before = snapshot(demo_con)
    for name in CSV_ENTITIES:
        report = _import(demo_con, name, export_csv(demo_con, name))
        assert not report.changed, (name, [c for c in report.changes if c.action != "skipped"][:3])
    assert snapshot(demo_con) == before


def test_an_edited_cell_updates_a_blank_cell_keeps_and_lists_are_merged(demo_con):
    text = export_csv(demo_con, "contacts")
    rows = list(csv.DictReader(io.StringIO(text)))
    dana = next(r for r in rows if r["name"] == "Dana Whitfield")
    dana.update(title="Director of Engineering", notes="", influence="5")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerow({**dana, "name": "dana  WHITFIELD"})  # the key compares case- and space-insensitively
    report = _import(demo_con, "contacts", out.getvalue())
    assert [(c.action, c.fields) for c in report.changes] == [("updated", ("title", "influence"))]
    assert demo_con.execute("SELECT name, title, influence, notes LIKE 'Manager since%' FROM contact "
                            "WHERE name_key = 'dana whitfield'").fetchone() == (
        "Dana Whitfield", "Director of Engineering", 5, True)

    acc = next(csv.DictReader(io.StringIO(export_csv(demo_con, "accomplishments"))))
    before = {r[0] for r in demo_con.execute(
        "SELECT s.name FROM accomplishment_skill x JOIN skill s ON s.id = x.skill_id JOIN accomplishment a "
        "ON a.id = x.accomplishment_id WHERE a.title = ?", [acc["title"]]).fetchall()}
    header = "title,start_date,skills,links"
    report = _import(demo_con, "accomplishments", f'{header}\n"{acc["title"]}",{acc["start_date"]},Kubernetes,'
                                                  "https://example.com/new\n")
    assert report.changes[0].action == "updated" and set(report.changes[0].fields) == {"links", "skills"}
    after = {r[0] for r in demo_con.execute(
        "SELECT s.name FROM accomplishment_skill x JOIN skill s ON s.id = x.skill_id JOIN accomplishment a "
        "ON a.id = x.accomplishment_id WHERE a.title = ?", [acc["title"]]).fetchall()}
    assert after == before | {"Kubernetes"}  # added, none removed


def test_assessments_are_history_and_never_edited(demo_con):
    row = next(csv.DictReader(io.StringIO(export_csv(demo_con, "assessments"))))
    report = _import(demo_con, "assessments", f"skill,as_of,self_level\n{row['skill']},{row['as_of']},1\n")
    assert report.totals() == {"added": 0, "updated": 0, "skipped": 1}


BROKEN = [
    ("skills", "name,colour\nGo,blue\n", r"^skills.csv row 1: missing column 'kind'"),
    ("skills", "name,kind,colour\nGo,technical,blue\n", r"^skills.csv row 1: unknown column 'colour'"),
    ("skills", "name,kind\nRust,technical\nElm,wizardry\n",
     r"^skills.csv row 3, kind: Input should be 'technical', 'domain', 'soft' or 'leadership'"),
    ("contacts", "name,relationship,influence\nAda Lovelace,mentor,eleven\n",
     r"^contacts.csv row 2, influence: Input should be a valid integer"),
    ("positions", "employer,title,start_date\nAcme,Engineer,31/12/2020\n",
     r"^positions.csv row 2, start_date: Input should be a valid date"),
    ("accomplishments", "title,start_date,skills\nShipped the thing,2026-01-05,Cobol\n",
     r"^accomplishments.csv row 2, skills\[0\]: unknown skill 'Cobol'"),
    ("metrics", "accomplishment,accomplishment_start_date,category,description\nNo such win,2026-01-05,time,x\n",
     r"^metrics.csv row 2, accomplishment: no accomplishment 'No such win' starting 2026-01-05"),
    ("visibility", 'title,kind,date\n"Talk one",talk,2026-01-05\n"Cut off,talk', r"^visibility.csv row 3: not valid CSV"),
    ("visibility", "title,kind,date\nTalk one,talk\n", r"^visibility.csv row 2: has 2 cells but the header has 3"),
    ("contacts", "", r"^contacts.csv: the file is empty; it needs the header row name,relationship"),
    ("contacts", '{"name": "Ada"}', r"^contacts.csv row 1: no header row \(the first row is {\"name\": \"Ada\"}\)"),
]


@pytest.mark.parametrize(("entity", "text", "message"), BROKEN)
def test_a_bad_csv_names_file_row_and_column_and_changes_nothing(demo_con, entity, text, message):
    before = snapshot(demo_con)
    assert "\n" not in refusal(lambda: _import(demo_con, entity, text), message)
    assert snapshot(demo_con) == before


def test_a_bad_row_after_good_rows_rolls_the_whole_file_back(empty_con):
    text = "name,kind\nGo,technical\nRust,technical\n"
    bundle = read_csv_entity(text.encode(), "skills.csv", "skills")
    bundle.items.append(read_csv_entity(b"title,start_date,skills\nWin,2026-01-05,Cobol\n", "wins.csv",
                                        "accomplishments").items[0])
    refusal(lambda: run_import(empty_con, bundle), r"^wins.csv row 2, skills\[0\]: unknown skill 'Cobol'")
    assert empty_con.execute("SELECT count(*) FROM skill").fetchone()[0] == 0


def test_a_header_only_file_imports_nothing_and_says_so(empty_con):
    report = _import(empty_con, "skills", "name,kind,taxonomy_id,notes\n")
    assert report.totals() == {"added": 0, "updated": 0, "skipped": 0}
    assert report.notes == ["skills.csv has a header but no rows"]


def test_an_unknown_entity_is_refused():
    refusal(lambda: read_csv_entity(b"a\n", "x.csv", "friends"), r"unknown CSV entity 'friends'; choose one of:")


def test_a_large_import_reports_progress_and_matches_names_once(empty_con):
    rows = "".join(f"Person {i},peer,Company {i % 7}\n" for i in range(600))
    bundle = read_csv_entity(f"name,relationship,company\n{rows}Person 7,peer,Elsewhere\n".encode(), "contacts.csv",
                             "contacts")
    seen: list[tuple[int, int]] = []
    report = run_import(empty_con, bundle, progress=lambda done, total, what="": seen.append((done, total)))
    assert seen[-1] == (601, 601) and len(seen) <= 101
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    # the repeated name in the same file updates the row it added a moment before
    assert report.totals() == {"added": 600, "updated": 1, "skipped": 0}
    assert empty_con.execute("SELECT company FROM contact WHERE name = 'Person 7'").fetchone() == ("Elsewhere",)


def test_a_bad_row_deep_in_a_large_file_is_named_like_a_small_one(empty_con):
    rows = "".join(f"Skill {i},technical\n" for i in range(5000))
    text = f"name,kind\n{rows}Bad one,wizardry\n{rows.replace('Skill', 'More')}Bad two,\n"
    message = refusal(lambda: read_csv_entity(text.encode(), "skills.csv", "skills"), r"^skills.csv row 5002, kind")
    assert message == "skills.csv row 5002, kind: Input should be 'technical', 'domain', 'soft' or 'leadership'"
    small = refusal(lambda: read_csv_entity(b"name,kind\nBad one,wizardry\n", "skills.csv", "skills"), "row 2")
    assert message.removeprefix("skills.csv row 5002") == small.removeprefix("skills.csv row 2")
    assert entity_counts(empty_con)["skills"] == 0


def test_a_large_skills_file_adds_updates_and_skips_in_bulk_like_one_by_one(empty_con):
    _import(empty_con, "skills", "name,kind,notes\nPython,technical,mine\nGo,technical,\n")
    rows = "".join(f"Skill {i},domain,note {i}\n" for i in range(3000))
    # python: a new kind; go: unchanged; skill 5 twice: the second line updates the record the first adds
    report = _import(empty_con, "skills", f"name,kind,notes\n{rows}PYTHON ,soft,\ngo,technical,\nSkill 5,soft,\n")
    assert report.counts()["skill"] == {"added": 3000, "updated": 2, "skipped": 1}
    updated = {c.record: c.fields for c in report.changes if c.action == "updated"}
    assert updated == {"PYTHON": ("kind",), "Skill 5": ("kind",)}
    got = dict(empty_con.execute("SELECT name, kind || '/' || notes FROM skill WHERE name IN "
                                 "('Python', 'Go', 'Skill 5', 'Skill 2999')").fetchall())
    assert got == {"Python": "soft/mine", "Go": "technical/", "Skill 5": "soft/note 5", "Skill 2999": "domain/note 2999"}
    again = _import(empty_con, "skills", f"name,kind,notes\n{rows}")
    assert again.totals() == {"added": 0, "updated": 1, "skipped": 2999}  # Skill 5 goes back to domain


def test_export_reports_rows_written_in_chunks(demo_con):
    seen = []
    text = export_csv(demo_con, "metrics", progress=lambda done, total, what="": seen.append((done, total, what)))
    rows = text.count("\n") - 1
    assert seen and seen[-1] == (rows, rows, "metrics")


def test_a_contacts_csv_exported_before_sponsor_became_a_stage_imports_under_the_one_meaning(empty_con):
    """An older export says relationship "sponsor": the person is a senior leader and, as its author said,
    their sponsor (the advocacy stage, which Home, Network and the Promotion case count)."""
    report = _import(empty_con, "contacts", "name,relationship,advocacy_stage,influence\n"
                                            "Elena Petrova,sponsor,advocate,5\nDana Whitfield,manager,supporter,4\n")
    assert report.totals() == {"added": 2, "updated": 0, "skipped": 0}
    rows = empty_con.execute("SELECT name, relationship, advocacy_stage, cadence_days FROM contact ORDER BY name")
    assert rows.fetchall() == [("Dana Whitfield", "manager", "supporter", 14),
                               ("Elena Petrova", "senior_leader", "sponsor", 30)]
    assert "senior_leader" in export_csv(empty_con, "contacts") and ",sponsor," in export_csv(empty_con, "contacts")
