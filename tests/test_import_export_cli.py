"""`careerdata import/export/backup/restore` as a user runs them: subprocesses, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
from test_import_export_common import LINKEDIN, RESUME, linkedin_zip, snapshot

from careerdata.store import db


def run(*args):
    return subprocess.run([sys.executable, "-m", "careerdata.cli", *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120)


def _snap(path):
    con = db.connect(path)
    try:
        return snapshot(con)
    finally:
        con.close()


def test_import_jsonresume_dry_run_previews_then_imports_then_changes_nothing(empty_db):
    before = _snap(empty_db)
    dry = run("import", "jsonresume", str(RESUME), "--dry-run", "--db", str(empty_db))
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith("Dry run, nothing written: resume.json")
    assert "Accomplishments" in dry.stdout and "Run again without --dry-run" in dry.stdout
    assert _snap(empty_db) == before
    done = run("import", "jsonresume", str(RESUME), "--json", "--db", str(empty_db))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["totals"] == {"added": 28, "updated": 0, "skipped": 0} and not report["dry_run"]
    again = json.loads(run("import", "jsonresume", str(RESUME), "--json", "--db", str(empty_db)).stdout)
    assert again["totals"] == {"added": 0, "updated": 0, "skipped": 28}


def test_import_linkedin_zip_and_csv_with_notes(empty_db, tmp_path):
    path = tmp_path / "Basic_LinkedInDataExport.zip"
    path.write_bytes(linkedin_zip())
    out = run("import", "linkedin", str(path), "--db", str(empty_db))
    assert out.returncode == 0, out.stderr
    assert "note: Ignored 3 file(s) this app does not use" in out.stdout
    csv_out = run("import", "csv", "skills", str(tmp_path / "none.csv"), "--db", str(empty_db))
    assert csv_out.returncode == 2 and csv_out.stderr == f"careerdata: {tmp_path / 'none.csv'}: no such file\n"


def test_a_bad_file_exits_2_with_one_line_and_leaves_the_database_unchanged(demo_db, tmp_path):
    before = _snap(demo_db)
    bad_csv = tmp_path / "contacts.csv"
    bad_csv.write_text("name,relationship,influence\nAda Lovelace,mentor,9\n")
    bad_json = tmp_path / "resume.json"
    bad_json.write_text(RESUME.read_text()[:500])
    folder = tmp_path / "linkedin"
    folder.mkdir()
    (folder / "Positions.csv").write_text("Company Name,Title,Started On\nAcme,Eng,someday\n")
    cases = [
        (["import", "csv", "contacts", str(bad_csv)],
         "careerdata: contacts.csv row 2, influence: Input should be less than or equal to 5\n"),
        (["import", "jsonresume", str(bad_json)], "careerdata: resume.json line 11 column"),
        (["import", "linkedin", str(folder)], "careerdata: Positions.csv row 2, Started On: 'someday'"),
        (["import", "linkedin", str(bad_csv)], "careerdata: contacts.csv: not a zip file"),
    ]
    for args, message in cases:
        out = run(*args, "--db", str(demo_db))
        assert out.returncode == 2, (args, out.stderr)
        assert out.stderr.startswith(message) and out.stderr.count("\n") == 1, out.stderr
        assert "Traceback" not in out.stderr
    assert _snap(demo_db) == before


def test_exports_to_stdout_and_to_files(demo_db, tmp_path):
    resume = run("export", "jsonresume", "--db", str(demo_db))
    assert resume.returncode == 0 and json.loads(resume.stdout)["basics"]["name"] == "Priya Raman"
    brag = run("export", "brag", "--from", "2026-01-01", "--to", "2026-06-30", "-o", str(tmp_path / "brag.md"),
               "--db", str(demo_db))
    assert brag.returncode == 0, brag.stderr
    assert (tmp_path / "brag.md").read_text().startswith("# Brag document: Priya Raman")
    assert "01 Jan 2026 to 30 Jun 2026" in (tmp_path / "brag.md").read_text()
    skills = run("export", "csv", "skills", "--db", str(demo_db))
    assert skills.stdout.splitlines()[0] == "name,kind,taxonomy_id,notes" and len(skills.stdout.splitlines()) == 47
    bad = run("export", "brag", "--from", "last spring", "--db", str(demo_db))
    assert bad.returncode == 2 and "--from: 'last spring' is not a date" in bad.stderr


def test_backup_and_restore_round_trip_and_refusals(demo_db, tmp_path):
    out = run("backup", str(tmp_path / "bk"), "--db", str(demo_db))
    assert out.returncode == 0, out.stderr
    assert "tables" in out.stdout and (tmp_path / "bk" / "manifest.json").exists()
    again = run("backup", str(tmp_path / "bk"), "--db", str(demo_db))
    assert again.returncode == 2 and "not an empty folder" in again.stderr

    target = tmp_path / "restored.duckdb"
    restored = run("restore", str(tmp_path / "bk"), "--db", str(target))
    assert restored.returncode == 0, restored.stderr
    assert _snap(target) == _snap(demo_db)
    refused = run("restore", str(tmp_path / "bk"), "--db", str(target))
    assert refused.returncode == 2 and "pass --force" in refused.stderr

    manifest = json.loads((tmp_path / "bk" / "manifest.json").read_text())
    manifest["migrations"].append(db.LATEST_VERSION + 1)
    (tmp_path / "bk" / "manifest.json").write_text(json.dumps(manifest))
    before = _snap(target)
    newer = run("restore", str(tmp_path / "bk"), "--force", "--db", str(target))
    assert newer.returncode == 3 and "Upgrade careerdata" in newer.stderr and newer.stderr.count("\n") == 1
    assert _snap(target) == before
    con = duckdb.connect(str(target), read_only=True)
    assert con.execute("SELECT count(*) FROM accomplishment").fetchone()[0] == 70
    con.close()


def test_linkedin_folder_import_from_the_cli(empty_db):
    out = run("import", "linkedin", str(LINKEDIN), "--all-connections", "--json", "--db", str(empty_db))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["counts"]["contact"] == {"added": 5, "updated": 0, "skipped": 0}
