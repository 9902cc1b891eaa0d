"""Hostile files and hostile environments: zip bombs, symlinks, formula cells, deep JSON, foreign
and read-only database files. Each is refused with one clear line (exit 2 for bad input, 3 for
an unusable file), quickly and in little memory, and nothing saved is touched."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from helpers import open_app, texts
from test_import_export_common import LINKEDIN, linkedin_zip

from careerdata.core import text
from careerdata.core.errors import InputError, NotADatabaseError
from careerdata.import_export.csv_io import export_csv, read_csv_entity
from careerdata.import_export.imports import run_import
from careerdata.import_export.jsonresume import read_jsonresume
from careerdata.import_export.linkedin import reader as linkedin
from careerdata.store import db

CLI = [sys.executable, "-m", "careerdata.cli"]
PAGE = "app_pages/import_export.py"
MB = 2**20


def _bomb(path: Path, inflated_mb: int, member: str = "Connections.csv") -> Path:
    """A real zip bomb: a LinkedIn file name holding `inflated_mb` MB of zeros, written in 1 MB steps."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("Profile.csv", "First Name,Last Name,Headline\nEve,Hacker,Engineer\n")
        with zf.open(member, "w", force_zip64=True) as fh:
            block = b"\0" * MB
            for _ in range(inflated_mb):
                fh.write(block)
    return path


_MEASURE = """
import atexit, sys
def _peak():  # VmHWM: this process's own peak resident memory since exec (not what its parent had)
    with open("/proc/self/status") as status, open(sys.argv[1], "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(_peak)
from careerdata.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _run_measured(args: list[str], tmp_path: Path) -> tuple[int, str, float, float]:
    """Run the CLI; return (exit code, stderr, seconds, its peak resident memory in MB)."""
    peak = tmp_path / "peak-kb"
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(peak), *args], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True, timeout=300)
    return out.returncode, out.stderr, time.monotonic() - start, int(peak.read_text()) / 1024


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    path = _bomb(tmp_path_factory.mktemp("bomb") / "Basic_LinkedInDataExport.zip", 400)
    assert path.stat().st_size < 1 * MB  # 400 MB of zeros packed into a few hundred KB
    return path


# --- archives ------------------------------------------------------------------------------------

def test_a_zip_bomb_is_refused_in_seconds_in_little_memory_on_the_command_line(bomb, empty_db, tmp_path):
    code, err, seconds, peak_mb = _run_measured(["import", "linkedin", str(bomb), "--dry-run", "--db", str(empty_db)],
                                                tmp_path)
    assert code == 2, err
    assert err.count("\n") == 1 and "Connections.csv unzips to more than 200 times its packed size" in err
    assert "Traceback" not in err
    assert seconds < 20, seconds  # refused after a few MB, not after 400
    assert peak_mb < 300, peak_mb
    print(f"zip bomb (400 MB of zeros in {bomb.stat().st_size // 1024} KB): refused in {seconds:.2f} s, "
          f"peak RSS {peak_mb:.0f} MB")


def test_a_zip_bomb_uploaded_on_the_import_page_is_refused_without_inflating(monkeypatch, empty_db, tmp_path):
    raw = _bomb(tmp_path / "export.zip", 200).read_bytes()
    at = open_app(monkeypatch, empty_db, PAGE)
    at.segmented_control(key="ie_format").set_value("linkedin").run()
    at.file_uploader(key="ie_upload_linkedin").upload("export.zip", raw, "application/zip")
    tracemalloc.start()
    start = time.monotonic()
    at.run()
    seconds = time.monotonic() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "Nothing was imported: export.zip: Connections.csv unzips to more than 200 times" in texts(at)
    assert not at.exception
    assert seconds < 20
    assert peak < 100 * MB, peak / MB  # the page's own allocations while refusing: a few MB, not 200
    assert db.connect(empty_db).execute("SELECT count(*) FROM contact").fetchone()[0] == 0


def test_a_member_with_a_lying_header_is_counted_as_it_unzips(tmp_path):
    """Sizes come from the bytes that come out, not from what the zip's directory says."""
    path = _bomb(tmp_path / "x.zip", 40)
    data = bytearray(path.read_bytes())
    # Rewrite the stated size of Connections.csv (zip64 extra field) to 1 KB in the central directory.
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("Connections.csv")
    assert info.file_size == 40 * MB
    stated = (40 * MB).to_bytes(8, "little")
    assert data.count(stated) >= 1
    data = data.replace(stated, (1024).to_bytes(8, "little"))
    with pytest.raises(InputError, match="Connections.csv (unzips to more than 200 times|is damaged)"):
        linkedin.files_from_zip(bytes(data), "x.zip")


def test_many_members_over_the_total_cap_are_refused(monkeypatch):
    monkeypatch.setattr(linkedin, "MAX_TOTAL_BYTES", 64 * 1024)
    rows = "".join(f"Skill number {i}\n" for i in range(3000))  # ~50 KB of ordinary text each
    raw = linkedin_zip(extra={"a/Skills.csv": "Name\n" + rows, "b/Projects.csv": "Title,Started On\n" + rows})
    with pytest.raises(InputError, match="files this app reads add up to more than 0 MB"):
        linkedin.files_from_zip(raw, "export.zip")


def test_a_folder_import_follows_no_symbolic_link(tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(LINKEDIN, folder)
    secret = tmp_path / "secret.csv"
    secret.write_text("Name\nroot-password\n")
    (folder / "Skills.csv").unlink()
    (folder / "Skills.csv").symlink_to(secret)
    with pytest.raises(InputError, match=r"Skills.csv is a symbolic link; links are not followed"):
        linkedin.files_from_path(folder)
    (folder / "Skills.csv").unlink()
    (folder / "more").symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(InputError, match=r"more is a symbolic link"):
        linkedin.files_from_path(folder)


def test_a_folder_file_over_the_cap_is_refused_by_what_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(linkedin, "MAX_MEMBER_BYTES", 10_000)
    folder = tmp_path / "export"
    shutil.copytree(LINKEDIN, folder)
    (folder / "Skills.csv").write_text("Name\n" + "Go\n" * 10_000)
    with pytest.raises(InputError, match="Skills.csv is bigger than 0 MB unpacked"):
        linkedin.files_from_path(folder)


def test_a_real_export_still_imports_under_the_caps():
    files = linkedin.files_from_zip(linkedin_zip(), "export.zip")
    assert sum(len(v) for v in files.values()) > 1000
    assert linkedin.read_linkedin_files(files, "export.zip").items


# --- requests off the machine ------------------------------------------------------------------

def test_a_sqlite_file_is_refused_with_exit_3_before_duckdb_looks_for_an_extension(tmp_path, empty_db):
    import sqlite3

    path = tmp_path / "career.sqlite"
    with sqlite3.connect(path) as lite:
        lite.execute("CREATE TABLE t (x)")
    before = path.read_bytes()
    out = subprocess.run(CLI + ["info", "--db", str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 3
    assert out.stderr.strip() == (f"careerdata: {path} is a SQLite database, not a DuckDB career file; point --db at "
                                  "a .duckdb file (create one with `careerdata init`).")
    assert path.read_bytes() == before
    with pytest.raises(NotADatabaseError):
        db.connect(path)
    con = db.connect(empty_db)  # and no career file ever lets DuckDB fetch or load an extension by itself
    try:
        settings = dict(con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ('autoinstall_known_extensions', "
            "'autoload_known_extensions', 'allow_community_extensions')").fetchall())
    finally:
        con.close()
    assert settings == {"autoinstall_known_extensions": "false", "autoload_known_extensions": "false",
                        "allow_community_extensions": "false"}


def test_the_tab_icon_is_a_local_file_not_a_material_icon_fetched_from_google():
    """Streamlit turns a ":material/...:" page_icon into a favicon URL on fonts.gstatic.com; the
    browser tests' request recorder (tests/test_browser.py) proves no page load asks for it."""
    import ast

    root = Path(__file__).resolve().parents[1]
    tree = ast.parse((root / "dashboard.py").read_text())
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "set_page_config"]
    icon = next(k.value for k in calls[0].keywords if k.arg == "page_icon")
    assert ast.unparse(icon) == "str(FAVICON)"
    assert (root / "assets" / "favicon.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- spreadsheet cells -------------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://127.0.0.2/x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "'=quoted", "-5", "plain"]


def test_a_cell_is_neutralised_per_owasp_and_restored_exactly():
    for cell in ["=1", "+1", "-1", "@A1", "\t=1", "\r=1", "'=1", "''=1", "'plain", "plain", ""]:
        safe = text.neutralise_cell(cell)
        assert not safe.startswith(text.FORMULA_STARTS)
        assert text.restore_cell(safe) == cell
    assert text.neutralise_cell("\t=1") == "'\t=1" and text.neutralise_cell("'plain") == "'plain"


def test_exported_cells_are_inert_and_read_back_exactly(empty_con):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "relationship", "company", "notes"])
    # Written as a spreadsheet user would after editing our export: formula-like text quoted.
    writer.writerows([text.neutralise_cell(c) for c in (f"{f} {n}", "peer", f, "ok")] for n, f in enumerate(FORMULAS))
    rows = out.getvalue()
    bundle = read_csv_entity(rows.encode(), "contacts.csv", "contacts")
    run_import(empty_con, bundle)
    exported = export_csv(empty_con, "contacts")
    cells = [c for row in csv.reader(io.StringIO(exported)) for c in row]
    assert not [c for c in cells if c.startswith(text.FORMULA_STARTS)]  # nothing a spreadsheet would run
    assert "'=HYPERLINK(\"http://127.0.0.2/x\",\"click\")" in cells and "''=quoted" in cells
    # The round trip is exact: importing our own export changes nothing and stores the original text.
    again = run_import(empty_con, read_csv_entity(exported.encode(), "contacts.csv", "contacts"))
    assert again.totals()["added"] == again.totals()["updated"] == 0
    stored = sorted(r[0] for r in empty_con.execute("SELECT company FROM contact").fetchall())
    assert stored == sorted(FORMULAS)


def test_number_cells_stay_numbers_and_the_matrix_download_is_inert():
    import pandas as pd

    frame = pd.DataFrame({"name": ["=cmd|'/c calc'!A1", "Go"], "market_value": [-1.5, 2.0]})
    rows = list(csv.reader(io.StringIO(text.frame_csv(frame))))
    assert rows == [["name", "market_value"], ["'=cmd|'/c calc'!A1", "-1.5"], ["Go", "2.0"]]


def test_nul_bytes_are_stripped_on_import(empty_con):
    bundle = read_csv_entity(b"name,kind,notes\nGo\x00lang,technical,a\x00b\n", "skills.csv", "skills")
    run_import(empty_con, bundle)
    assert empty_con.execute("SELECT name, notes FROM skill").fetchall() == [("Golang", "ab")]
    resume = read_jsonresume(b'{"basics": {"name": "Ev\\u0000e", "label": "Engineer"}}', "r.json")
    assert resume.items[0].model.name == "Eve"


# --- hostile JSON, encodings, headers ----------------------------------------------------------

@pytest.mark.parametrize(("raw", "message"), [
    (b"[" * 100_000 + b"]" * 100_000, "r.json: nested more than 32 levels deep; this is not a JSON Resume"),
    (b'{"basics": {"name": ' + b"9" * 5000 + b"}}",
     "r.json: not a JSON Resume (a number 5,000 characters long; numbers in a résumé are short)"),
    (b'{"basics": ' * 40 + b"1" + b"}" * 40, "r.json: nested more than 32 levels deep"),
])
def test_hostile_json_exits_2_with_one_line(tmp_path, empty_db, raw, message):
    path = tmp_path / "r.json"
    path.write_bytes(raw)
    out = subprocess.run(CLI + ["import", "jsonresume", str(path), "--db", str(empty_db)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2
    assert out.stderr.startswith(f"careerdata: {message}") and out.stderr.count("\n") == 1, out.stderr


def test_hostile_json_on_the_import_page_shows_one_clean_line(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    at.file_uploader(key="ie_upload_jsonresume").upload("deep.json", b"[" * 100_000, "application/json")
    at.run()
    shown = texts(at)
    assert "Nothing was imported: deep.json: nested more than 32 levels deep" in shown
    assert not at.exception and "Traceback" not in shown and str(Path.cwd()) not in shown


@pytest.mark.parametrize(("raw", "encoding"), [
    ("name,kind\nGo,technical\n".encode("utf-16"), "UTF-16"),
    ("name,kind\nGo,technical\n".encode("utf-16-le"), "UTF-16"),
    ("name,kind\nGo,technical\n".encode("utf-32"), "UTF-32"),
    ("name,kind\nCafé,technical\n".encode("cp1252"), "Windows-1252"),
])
def test_an_encoding_error_names_the_encoding_and_says_save_as_utf8(raw, encoding):
    with pytest.raises(InputError, match=f"skills.csv: .*{encoding}.*save it as UTF-8") as caught:
        read_csv_entity(raw, "skills.csv", "skills")
    assert "binary" not in str(caught.value)


def test_a_json_encoding_error_does_not_talk_about_csv():
    with pytest.raises(InputError) as caught:
        read_jsonresume('{"basics": {}}'.encode("utf-16"), "resume.json")
    assert "UTF-16" in str(caught.value) and "CSV" not in str(caught.value)


# --- read-only files -----------------------------------------------------------------------------

def _import_skill(db_path: Path, tmp_path: Path, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    csv_file = tmp_path / "skills.csv"
    csv_file.write_text("name,kind\nZig,technical\n")
    cmd = CLI + ["import", "csv", "skills", str(csv_file), "--db", str(db_path)]
    if prefix:
        cmd = prefix[:-1] + [prefix[-1] + " ".join(f"'{c}'" for c in cmd)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def test_an_immutable_file_gives_exit_3_naming_the_cause(demo_db, tmp_path):
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(demo_db)]).returncode != 0:
        pytest.skip("this file system or user cannot mark a file immutable (chattr +i)")
    try:
        before = demo_db.read_bytes()
        out = _import_skill(demo_db, tmp_path)
        after = demo_db.read_bytes()
    finally:
        subprocess.run(["chattr", "-i", str(demo_db)], check=True)
    assert out.returncode == 3, out.stderr
    assert out.stderr == (f"careerdata: not saved: {demo_db} is read-only: it is marked immutable (chattr +i); "
                          "run `chattr -i` on it to allow changes\n")
    assert before == after


def test_a_file_on_a_read_only_mount_gives_exit_3_naming_the_cause(demo_db, tmp_path):
    mount = tmp_path / "ro"
    mount.mkdir()
    script = (f"mount -t tmpfs tmpfs {mount} && cp {demo_db} {mount}/career.duckdb && "
              f"mount -o remount,ro {mount} && exec ")
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-m", "sh", "-c", f"mount -t tmpfs tmpfs {mount}"], capture_output=True).returncode != 0:
        pytest.skip("no permission to make a private read-only mount here")
    out = _import_skill(mount / "career.duckdb", tmp_path, prefix=["unshare", "-m", "sh", "-c", script])
    assert out.returncode == 3, out.stderr
    assert out.stderr == (f"careerdata: not saved: {mount}/career.duckdb is read-only: it is on a read-only file "
                          "system (a read-only mount); copy it somewhere writable\n")


def test_a_file_without_write_permission_names_its_permissions(demo_db, monkeypatch):
    # Root ignores file modes, so the permission check is steered here; the refusal is DuckDB's own.
    monkeypatch.setattr(db.os, "access", lambda path, mode: False)
    con = db.connect(demo_db)
    try:
        with pytest.raises(db.DatabaseUnusableError, match="is read-only: you do not have permission to write it"):
            run_import(con, read_csv_entity(b"name,kind\nZig,technical\n", "skills.csv", "skills"))
    finally:
        con.close()


# --- restore trusts nothing ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def good_backup(_demo_master, tmp_path_factory) -> Path:
    from careerdata.import_export.backup import backup

    folder = tmp_path_factory.mktemp("backup") / "bk"
    con = db.connect(_demo_master, create=False)
    try:
        backup(con, folder)
    finally:
        con.close()
    return folder


def _sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tampered(good: Path, tmp_path: Path, edit) -> Path:
    import json

    from careerdata.import_export.backup import MANIFEST

    folder = tmp_path / "tampered"
    shutil.copytree(good, folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    edit(folder, manifest)
    (folder / MANIFEST).write_text(json.dumps(manifest))
    return folder


def _rewrite_parquet(folder: Path, manifest: dict, table: str, sql: str) -> None:
    """Rewrite one table's Parquet file with `sql` over it, and make the manifest agree (sha, rows)."""
    import duckdb

    from careerdata.import_export.backup import _sha256

    path = folder / f"{table}.parquet"
    con = duckdb.connect()
    rel = con.sql(sql.format(src=f"read_parquet('{path}')"))
    rows = len(rel.fetchall())
    con.sql(sql.format(src=f"read_parquet('{path}')")).write_parquet(str(path.with_suffix(".new")))
    con.close()
    path.with_suffix(".new").replace(path)
    manifest["tables"][table].update(sha256=_sha256(path), rows=rows)


TAMPERING = {
    "tables dropped from the manifest": (
        lambda f, m: [m["tables"].pop(t) for t in ("accomplishment", "impact_metric")],
        "the backup claims schema version {v} but has no accomplishment, impact_metric table"),
    "a column dropped from a table's file": (
        lambda f, m: _rewrite_parquet(f, m, "contact", "SELECT * EXCLUDE (notes) FROM {src}"),
        "contact.parquet: has no column 'notes' at schema version {v}"),
    "a column the table does not have": (
        lambda f, m: _rewrite_parquet(f, m, "skill", "SELECT *, 'x' AS is_admin FROM {src}"),
        "skill.parquet: has column 'is_admin' that skill does not have"),
    "rows removed from a file and from the manifest's count of another": (
        lambda f, m: m["tables"]["accomplishment"].update(rows=0),
        "accomplishment.parquet: holds 70 rows but the manifest says 0"),
    "migrations the schema_version table does not list": (
        lambda f, m: _rewrite_parquet(f, m, "schema_version", "SELECT * FROM {src} WHERE version > 1"),
        "its schema_version table lists migrations"),
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_a_tampered_backup_is_refused_and_the_existing_file_is_byte_for_byte_unchanged(
        good_backup, demo_db, tmp_path, case):
    edit, message = TAMPERING[case]
    folder = _tampered(good_backup, tmp_path, edit)
    before = _sha(demo_db)
    out = subprocess.run(CLI + ["restore", str(folder), "--force", "--db", str(demo_db)], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 2, out.stderr
    assert message.format(v=db.LATEST_VERSION) in out.stderr and out.stderr.count("\n") == 1, out.stderr
    assert _sha(demo_db) == before
    assert sorted(p.name for p in demo_db.parent.iterdir() if p.name.startswith(".")) == []  # no leftovers


# --- the error names the problem -----------------------------------------------------------------

@pytest.mark.parametrize(("raw", "message"), [
    (b"Go,technical\nRust,technical\n", "skills.csv row 1: no header row (the first row is Go, technical); the first "
                                        "row must name the columns: name, kind, taxonomy_id, notes"),
    (b"Ada,,,\nGo,technical,,\n", "skills.csv row 1: column 2 of the header has no name; the first row must name "
                                  "every column (is the header row missing?)"),
    (b",,\nGo,technical,\n", "skills.csv row 1: the header row is blank; the first row must name the columns"),
])
def test_a_csv_header_problem_is_named(raw, message):
    with pytest.raises(InputError) as caught:
        read_csv_entity(raw, "skills.csv", "skills")
    assert str(caught.value) == message


def test_an_unknown_competency_in_a_csv_is_refused_with_its_name(demo_con):
    before = demo_con.execute("SELECT count(*) FROM accomplishment_competency").fetchone()[0]
    raw = b"title,start_date,competencies\nShipped the search rewrite,2026-01-05,delivery; telepathy\n"
    with pytest.raises(InputError, match=r"^accomplishments.csv row 2, competencies\[1\]: unknown competency "
                                         r"'telepathy'; the ladder's competencies are: architecture, "):
        run_import(demo_con, read_csv_entity(raw, "accomplishments.csv", "accomplishments"))
    assert demo_con.execute("SELECT count(*) FROM accomplishment_competency").fetchone()[0] == before
    assert demo_con.execute("SELECT count(*) FROM accomplishment WHERE title = 'Shipped the search rewrite'"
                            ).fetchone()[0] == 0


def test_an_oversize_file_is_refused_before_it_is_read_whole(tmp_path, empty_db):
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(200 * MB)  # sparse: 200 MB to read, nothing on disk
    code, err, _seconds, peak_mb = _run_measured(["import", "jsonresume", str(path), "--db", str(empty_db)], tmp_path)
    assert code == 2 and err == f"careerdata: {path}: larger than 20 MB; a file to import is far smaller\n"
    assert peak_mb < 300, peak_mb
