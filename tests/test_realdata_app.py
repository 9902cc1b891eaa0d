"""The app after a real import: the "what next" panel names the gaps with links, suggested metrics
are confirmed in the Journal, a company ladder and a backup are loaded from the app while it holds
the file, and form errors arrive all at once."""

from __future__ import annotations

import shutil

from helpers import button, open_app, texts
from states import RESUME

from careerdata.import_export.backup import backup_zip
from careerdata.store import db

PAGE = "app_pages/import_export.py"
LADDER = """name: Fjordline data ladder
levels:
  - {code: D1, track: IC, rank: 1, title: Data Engineer}
  - {code: D2, track: IC, rank: 2, title: Senior Data Engineer}
competencies:
  - {key: craft, name: Craft, group: technical}
expectations:
  - {level: D1, competency: craft, text: Builds reliable pipelines with help, target: 2}
  - {level: D2, competency: craft, text: Builds reliable pipelines alone, target: 3}
"""


def _one(path, sql):
    con = db.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_after_an_import_what_next_names_the_gaps_and_links_to_the_forms(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    at.file_uploader(key="ie_upload_jsonresume").upload(RESUME.name, RESUME.read_bytes(), "application/json")
    at.run()
    assert "Added https:// to 6 link(s) without a scheme" in texts(at)
    next(b for b in at.button if b.label.startswith("Import ")).click().run()
    assert not at.exception
    shown = texts(at)
    assert "**What next**" in "\n".join(m.value for m in at.markdown)
    assert "12 skills have no self-rating" in shown
    assert "10 wins have no metric" in shown
    assert "3 figures read from your wins wait for you to confirm as impact metrics" in shown
    links = {link.proto.label for link in at.get("page_link")}
    assert {"Rate them", "Confirm them", "Add what they were worth"} <= links


# Reviewing a suggested metric in the Journal's metric editor: tests/test_journal_metrics_app.py


def test_a_company_ladder_and_a_backup_load_from_the_app_while_it_holds_the_file(monkeypatch, state_file, tmp_path):
    path = shutil.copy(state_file("partial"), tmp_path / "career.duckdb")
    con = db.connect(state_file("jsonresume"), read_only=True)
    try:
        archive = backup_zip(con)
    finally:
        con.close()
    at = open_app(monkeypatch, path, PAGE)
    at.file_uploader(key="ladder_upload").upload("fjordline.yaml", LADDER.encode(), "text/yaml")
    at.run()
    assert "Preview: **Fjordline data ladder**, 2 levels, 1 competencies, 2 expectations." in [
        m.value for m in at.markdown]
    button(at, "Use this ladder").click().run()
    assert not at.exception
    assert _one(path, "SELECT code FROM ladder_level ORDER BY rank") == [("D1",), ("D2",)]

    at.file_uploader(key="ladder_upload").upload("bad.yaml", b"name: x\nlevels: 3\n", "text/yaml")
    at.run()
    assert "Not loaded: bad.yaml: levels" in " ".join(e.value for e in at.error)

    at.file_uploader(key="restore_upload").upload("careerdata-backup.zip", archive, "application/zip")
    at.run()
    assert any(m.value.startswith("Preview: a backup made") for m in at.markdown)
    button(at, "Replace my file with the backup").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert _one(path, "SELECT name FROM profile") == [("Zoë Achterberg-Nakamura",)]
    assert _one(path, "SELECT count(*) FROM skill")[0][0] == 12


def test_adding_a_skill_shows_every_problem_at_once(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, "app_pages/journal.py")
    at.text_input(key="skill_name_0").input("x" * 201)
    at.text_input(key="skill_tax_0").input("y" * 101)
    button(at, "Add skill").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "Name: String should have at most 200 characters" in errors
    assert "Taxonomy id: String should have at most 100 characters" in errors
    assert _one(empty_db, "SELECT count(*) FROM skill")[0][0] == 0
