"""Backup (Parquet per table + manifest) and restore: an exact round trip, and a refused or
failed restore leaves the target file exactly as it was."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from test_import_export_common import refusal, snapshot

from careerdata.core import errors
from careerdata.import_export.backup import MANIFEST, backup, base_tables, restore
from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.store import db


def test_backup_writes_a_parquet_file_per_table_and_a_manifest(demo_con, tmp_path):
    manifest = backup(demo_con, tmp_path / "bk")
    saved = json.loads((tmp_path / "bk" / MANIFEST).read_text())
    assert saved == manifest
    assert saved["schema_version"] == db.LATEST_VERSION and saved["created_at"].endswith("+00:00")
    assert set(saved["tables"]) == set(base_tables(demo_con)) >= {"accomplishment", "schema_version", "market_wage"}
    for table, info in saved["tables"].items():
        assert (tmp_path / "bk" / info["file"]).exists()
        assert info["rows"] == demo_con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    assert saved["sequences"]["seq_accomplishment"] == 70
    assert not list(tmp_path.glob(".bk*"))  # no partial folder left behind


def test_backup_then_restore_reproduces_every_table_exactly(demo_con, tmp_path):
    backup(demo_con, tmp_path / "bk")
    target = tmp_path / "restored.duckdb"
    counts = restore(tmp_path / "bk", target)
    restored = db.connect(target)
    try:
        assert snapshot(restored) == snapshot(demo_con)
        assert counts == {t: len(rows) for t, rows in snapshot(demo_con).items()}
        # ids handed out after a restore continue after the restored ones
        new_id = repo.add_contact(restored, m.Contact(name="New Person", relationship="peer"))
        assert new_id == 1 + demo_con.execute("SELECT max(id) FROM contact").fetchone()[0]
    finally:
        restored.close()


def test_backup_refuses_a_folder_that_is_not_empty(demo_con, tmp_path):
    (tmp_path / "bk").mkdir()
    (tmp_path / "bk" / "keep.txt").write_text("mine")
    refusal(lambda: backup(demo_con, tmp_path / "bk"), "already exists and is not an empty folder")
    assert [p.name for p in (tmp_path / "bk").iterdir()] == ["keep.txt"]


@pytest.fixture
def demo_backup(_demo_master, tmp_path):
    con = db.connect(_demo_master, create=False)
    try:
        backup(con, tmp_path / "bk")
    finally:
        con.close()
    return tmp_path / "bk"


def _target_with_data(tmp_path):
    target = tmp_path / "mine.duckdb"
    con = db.connect(target)
    repo.add_contact(con, m.Contact(name="Only Me", relationship="mentor"))
    before = snapshot(con)
    con.close()
    return target, before


def _unchanged(target, before):
    con = db.connect(target)
    try:
        return snapshot(con) == before
    finally:
        con.close()


def test_restore_refuses_to_replace_a_file_without_force_then_replaces_it_with_force(demo_backup, tmp_path):
    target, before = _target_with_data(tmp_path)
    refusal(lambda: restore(demo_backup, target), "already exists; pass --force")
    assert _unchanged(target, before)
    restore(demo_backup, target, force=True)
    con = db.connect(target)
    assert con.execute("SELECT count(*) FROM contact WHERE name = 'Only Me'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM accomplishment").fetchone()[0] == 70
    con.close()


def test_restore_refuses_a_backup_from_a_newer_schema_and_changes_nothing(demo_backup, tmp_path):
    manifest = json.loads((demo_backup / MANIFEST).read_text())
    manifest["migrations"].append(db.LATEST_VERSION + 1)
    manifest["schema_version"] = db.LATEST_VERSION + 1
    (demo_backup / MANIFEST).write_text(json.dumps(manifest))
    target, before = _target_with_data(tmp_path)
    with pytest.raises(errors.SchemaTooNewError, match=f"schema version {db.LATEST_VERSION + 1}"):
        restore(demo_backup, target, force=True)
    assert _unchanged(target, before)


def test_a_damaged_or_incomplete_backup_is_refused_and_changes_nothing(demo_backup, tmp_path):
    target, before = _target_with_data(tmp_path)
    parquet = demo_backup / "contact.parquet"
    good = parquet.read_bytes()
    parquet.write_bytes(good[: len(good) // 2])
    refusal(lambda: restore(demo_backup, target, force=True), r"contact.parquet: damaged \(its checksum")
    parquet.unlink()
    refusal(lambda: restore(demo_backup, target, force=True), "contact.parquet is missing from the backup")
    assert _unchanged(target, before)
    refusal(lambda: restore(tmp_path / "nowhere", target, force=True), "no such backup folder")


def test_a_restore_that_fails_half_way_leaves_the_target_and_no_temporary_file(demo_backup, tmp_path):
    """A manifest whose row count disagrees with its (intact) Parquet file fails while loading."""
    manifest = json.loads((demo_backup / MANIFEST).read_text())
    manifest["tables"]["skill"]["rows"] += 1
    (demo_backup / MANIFEST).write_text(json.dumps(manifest))
    target, before = _target_with_data(tmp_path)
    refusal(lambda: restore(demo_backup, target, force=True), "skill.parquet: holds 46 rows but the manifest says 47")
    assert _unchanged(target, before)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bk", "mine.duckdb"]


def test_restore_will_not_replace_a_file_another_process_holds(demo_backup, tmp_path):
    target, before = _target_with_data(tmp_path)
    holder = subprocess.Popen(  # the dashboard, say
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True); "
                               "time.sleep(60)", str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(errors.DatabaseLockedError, match="in use by another process"):
            restore(demo_backup, target, force=True)
    finally:
        holder.kill()
        holder.wait(timeout=20)
    assert _unchanged(target, before)


def test_a_backup_from_an_older_schema_is_restored_and_upgraded(tmp_path):
    old = tmp_path / "old.duckdb"
    con = db.connect(old, migrate_to=3)  # the first release's schema
    repo.add_contact(con, m.Contact(name="Old Friend", relationship="mentor"))
    backup(con, tmp_path / "bk")
    con.close()
    manifest = json.loads((tmp_path / "bk" / MANIFEST).read_text())
    assert manifest["schema_version"] == 3 and manifest["migrations"] == [1, 2, 3]
    target = tmp_path / "new.duckdb"
    restore(tmp_path / "bk", target)
    new = db.connect(target)
    try:
        assert db.schema_version(new) == db.LATEST_VERSION
        assert new.execute("SELECT name, relationship FROM contact").fetchall() == [("Old Friend", "mentor")]
    finally:
        new.close()
