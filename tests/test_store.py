import hashlib
import subprocess
import sys
import textwrap

import duckdb
import pytest

from careerdata.core import errors, vocab
from careerdata.journal import repo
from careerdata.models import career as m
from careerdata.store import db


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_the_latest_schema(tmp_path):
    con = db.connect(tmp_path / "new.duckdb")
    assert db.schema_version(con) == db.LATEST_VERSION
    versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
    assert versions == [v for v, _, _ in db.MIGRATIONS]


def test_older_file_is_upgraded_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.duckdb"
    con = db.connect(path, migrate_to=1)
    assert db.schema_version(con) == 1
    repo.add_skill(con, m.Skill(name="Go", kind="technical"),
                   m.SkillAssessment(skill="Go", as_of="2024-01-01", self_level=3))
    con.close()

    con = db.connect(path)
    assert db.schema_version(con) == db.LATEST_VERSION
    # data written under v1 is visible through the v3 view
    assert con.execute("SELECT name, self_level FROM v_skill_latest").fetchall() == [("Go", 3)]


def test_a_file_whose_contacts_have_the_relationship_sponsor_keeps_everything_under_one_meaning(tmp_path):
    """Migration 0016: "sponsor" was a relationship and an advocacy stage. A contact filed as your sponsor
    becomes a senior leader at advocacy stage sponsor; every other field, their touches and the edited
    cadence tier survive; the relationship column then refuses values outside the vocabulary."""
    path = tmp_path / "v15.duckdb"
    con = db.connect(path, migrate_to=15)
    con.execute("""INSERT INTO contact (name, name_key, relationship, company, title, influence, advocacy_stage,
                                        cadence_days, notes)
                   VALUES ('Elena Petrova', 'elena petrova', 'sponsor', 'Helio', 'VP Eng', 5, 'advocate', 40, 'mine'),
                          ('Dana Whitfield', 'dana whitfield', 'manager', 'Helio', 'EM', 4, 'supporter', 14, '')""")
    elena = con.execute("SELECT id FROM contact WHERE name = 'Elena Petrova'").fetchone()[0]
    con.execute("INSERT INTO interaction (contact_id, date, channel, notes) VALUES (?, DATE '2026-11-17', '1:1', 'x')",
                [elena])
    con.execute("UPDATE cadence_tier SET ideal_days = 21, max_days = 40 WHERE relationship = 'sponsor'")
    con.close()

    con = db.connect(path)
    assert db.schema_version(con) == db.LATEST_VERSION
    rows = con.execute("""SELECT id, name, relationship, company, title, influence, advocacy_stage, cadence_days, notes,
                                 interactions FROM v_contact_touch ORDER BY name""").fetchall()
    assert rows == [(rows[0][0], "Dana Whitfield", "manager", "Helio", "EM", 4, "supporter", 14, "", 0),
                    (elena, "Elena Petrova", "senior_leader", "Helio", "VP Eng", 5, "sponsor", 40, "mine", 1)]
    tiers = dict(con.execute("SELECT relationship, ideal_days || '/' || max_days FROM cadence_tier").fetchall())
    assert tiers["senior_leader"] == "21/40" and "sponsor" not in tiers
    assert set(tiers) == set(vocab.RELATIONSHIPS)
    with pytest.raises(duckdb.ConstraintException, match="relationship"):
        con.execute("UPDATE contact SET relationship = 'sponsor' WHERE id = ?", [elena])
    # a new contact still gets the next id
    repo.add_contact(con, m.Contact(name="Leo Park", relationship="peer"))
    assert con.execute("SELECT id FROM contact WHERE name = 'Leo Park'").fetchone()[0] > elena
    con.close()


def test_failed_migration_leaves_the_file_at_its_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    db.connect(path, migrate_to=1).close()
    broken = db.MIGRATIONS[:2] + [(3, "broken", "CREATE VIEW v_x AS SELECT * FROM no_such_table")]
    monkeypatch.setattr(db, "MIGRATIONS", broken)
    with pytest.raises(errors.DatabaseUnusableError):
        db.connect(path)
    monkeypatch.undo()
    con = duckdb.connect(str(path))
    assert db.schema_version(con) == 1
    assert con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'market_role'").fetchone()[0] == 0


def test_newer_schema_is_refused_and_the_file_is_not_touched(tmp_path):
    path = tmp_path / "future.duckdb"
    con = db.connect(path)
    con.execute("INSERT INTO schema_version (version, description) VALUES (99, 'from the future')")
    con.execute("CHECKPOINT")
    con.close()
    before = _digest(path)
    with pytest.raises(errors.SchemaTooNewError, match="schema version 99"):
        db.connect(path)
    assert _digest(path) == before


def test_a_file_that_is_not_duckdb_is_named_as_such(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(errors.NotADatabaseError, match="not a DuckDB database"):
        db.connect(path)
    assert path.read_text().startswith("these are my notes")


def test_a_file_locked_by_another_process_is_reported_as_in_use(tmp_path):
    path = tmp_path / "busy.duckdb"
    db.connect(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(path)!r})
            print("locked", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(errors.DatabaseLockedError, match="in use by another process"):
            db.connect(path)
    finally:
        holder.communicate("\n", timeout=30)


def test_a_failed_write_rolls_back_everything_in_its_transaction(empty_con):
    bad = m.Accomplishment(title="Cut costs", start_date="2025-01-01", skills=["Nonexistent skill"],
                           metrics=[m.ImpactMetric(category="cost", description="bill", money_usd=10)])
    with pytest.raises(errors.InputError, match="skills\\[0\\]: unknown skill 'Nonexistent skill'"):
        repo.add_accomplishment(empty_con, bad)
    assert empty_con.execute("SELECT count(*) FROM accomplishment").fetchone()[0] == 0
    assert empty_con.execute("SELECT count(*) FROM impact_metric").fetchone()[0] == 0


def test_db_path_precedence(monkeypatch, tmp_path):
    monkeypatch.delenv("CAREERDATA_DB", raising=False)
    assert db.resolve_db_path(None) == db.DEFAULT_DB
    monkeypatch.setenv("CAREERDATA_DB", str(tmp_path / "env.duckdb"))
    assert db.resolve_db_path(None) == tmp_path / "env.duckdb"
    assert db.resolve_db_path(tmp_path / "flag.duckdb") == tmp_path / "flag.duckdb"
