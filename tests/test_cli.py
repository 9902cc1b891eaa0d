"""The `careerdata` command as a user runs it: real subprocesses, real files, exit codes."""

import hashlib
import json
import os
import subprocess
import sys

import duckdb
import pytest

from careerdata.store import db


def run(*args, env=None):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "careerdata.cli", *args], capture_output=True, text=True,
                          env=full_env, timeout=120)


def test_init_demo_then_info_json_reports_the_persona(tmp_path):
    path = tmp_path / "x.duckdb"
    made = run("init", "--demo", "--db", str(path))
    assert made.returncode == 0, made.stderr
    info = run("info", "--json", "--db", str(path))
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["db"] == str(path)
    assert data["schema_version"] == db.LATEST_VERSION
    counts = data["counts"]
    minimum = {"skill": 40, "accomplishment": 60, "impact_metric": 80, "contact": 25, "visibility_item": 12,
               "target_role": 3, "opportunity": 6, "conversation": 3}
    for table, least in minimum.items():
        assert counts[table] >= least, (table, counts[table])
    assert counts["market_role"] == 38 and counts["ladder_level"] >= 6


def test_second_init_refuses_and_leaves_the_file_unchanged(tmp_path):
    path = tmp_path / "x.duckdb"
    assert run("init", "--empty", "--db", str(path)).returncode == 0
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    again = run("init", "--demo", "--db", str(path))
    assert again.returncode == 2
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert "Traceback" not in again.stderr
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_init_force_replaces_an_empty_file_with_the_demo(tmp_path):
    path = tmp_path / "x.duckdb"
    assert run("init", "--empty", "--db", str(path)).returncode == 0
    assert run("init", "--demo", "--force", "--db", str(path)).returncode == 0
    assert json.loads(run("info", "--json", "--db", str(path)).stdout)["dataset"] == "demo"


def test_env_var_picks_the_file_when_no_flag_is_given(tmp_path):
    path = tmp_path / "env.duckdb"
    assert run("init", "--empty", env={"CAREERDATA_DB": str(path)}).returncode == 0
    assert path.exists()
    info = json.loads(run("info", "--json", env={"CAREERDATA_DB": str(path)}).stdout)
    assert info["counts"]["accomplishment"] == 0 and info["dataset"] == "user"


def test_info_on_a_newer_schema_exits_3_with_a_clear_message(tmp_path):
    path = tmp_path / "future.duckdb"
    db.connect(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version (version, description) VALUES (?, 'future')", [db.LATEST_VERSION + 1])
    con.close()
    out = run("info", "--db", str(path))
    assert out.returncode == 3
    assert f"schema version {db.LATEST_VERSION + 1}" in out.stderr and "Upgrade careerdata" in out.stderr
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_info_on_a_text_file_exits_3(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n" * 200)
    out = run("info", "--db", str(path))
    assert out.returncode == 3 and "not a DuckDB database" in out.stderr


@pytest.mark.parametrize("args", [["info", "--db", "/nonexistent/dir/x.duckdb"], ["frobnicate"], ["init", "--bogus"]])
def test_bad_usage_and_missing_files_exit_2_with_one_line(args):
    out = run(*args)
    assert out.returncode == 2
    assert out.stderr.startswith("careerdata: ") and out.stderr.count("\n") == 1


def test_loading_a_malformed_ladder_names_the_problem_and_keeps_the_old_one(empty_db, tmp_path):
    bad = tmp_path / "ladder.yaml"
    bad.write_text("name: Acme\nlevels:\n  - {code: A1, track: IC, rank: 1, title: Eng}\ncompetencies: []\n"
                   "expectations:\n  - {level: A9, competency: x, target: 2, text: y}\n")
    out = run("ladder", str(bad), "--db", str(empty_db))
    assert out.returncode == 2
    assert "ladder.yaml" in out.stderr and "unknown level 'A9'" in out.stderr
    con = db.connect(empty_db)
    assert con.execute("SELECT count(*) FROM ladder_level").fetchone()[0] >= 6
