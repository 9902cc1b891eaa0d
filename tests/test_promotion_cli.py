"""`careerdata promo` as a user runs it: real subprocesses on real files."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import docx

from careerdata.core.money import format_money
from careerdata.models.promotion import CaseKey, CaseVersion
from careerdata.promotion import repo
from careerdata.store import db


def run(*args):
    return subprocess.run([sys.executable, "-m", "careerdata.cli", "promo", *args], capture_output=True, text=True,
                          env={**os.environ, "CAREERDATA_TODAY": "2026-11-21"}, timeout=120)


def test_promo_prints_the_demo_case_with_real_totals_and_gaps(demo_db):
    con = db.connect(demo_db)
    money = con.execute("""
        SELECT sum(m.money_usd) FROM impact_metric m JOIN accomplishment a ON a.id = m.accomplishment_id
        WHERE a.start_date <= DATE '2027-03-31' AND coalesce(a.end_date, DATE '2026-11-21') >= DATE '2026-04-01'
    """).fetchone()[0]
    con.close()
    out = run("--format", "md", "--db", str(demo_db))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Promotion case: Priya Raman for Staff Engineer (L6)")
    impact = out.stdout.split("## Impact")[1].split("## Scope")[0]
    assert f"**{format_money(money)}/yr run-rate**" in impact  # as on the Promotion case page
    assert "## Gaps and plan" not in out.stdout and "influence" not in out.stdout  # the packet only
    plan = run("--private", "--db", str(demo_db))
    assert plan.returncode == 0, plan.stderr
    assert plan.stdout.startswith("# Private plan — not for sharing")
    assert "**People management**: no evidence" in plan.stdout.split("## Gaps and plan")[1]


def test_promo_writes_a_valid_docx_and_html(demo_db, tmp_path):
    target = tmp_path / "x.docx"
    out = run("--target", "L6", "--format", "docx", "-o", str(target), "--db", str(demo_db))
    assert out.returncode == 0, out.stderr
    assert "Wrote the L6 promotion case" in out.stdout
    document = docx.Document(str(target))
    assert document.paragraphs[0].style.name == "Title" and len(document.tables) == 1
    props = document.core_properties
    assert (props.author, props.title) == ("Priya Raman", "Promotion case: Staff Engineer (L6)")
    private = tmp_path / "plan.docx"
    out = run("--private", "--format", "docx", "-o", str(private), "--db", str(demo_db))
    assert out.returncode == 0 and "Wrote the L6 private promotion plan" in out.stdout
    plan = docx.Document(str(private))
    assert plan.core_properties.title == "Private plan — not for sharing"
    assert any("influence" in p.text for p in plan.paragraphs)
    page = tmp_path / "x.html"
    assert run("--format", "html", "-o", str(page), "--db", str(demo_db)).returncode == 0
    assert page.read_text().startswith("<!doctype html>")


def test_promo_prints_the_latest_saved_version_unless_asked_to_generate(demo_db):
    con = db.connect(demo_db)
    key = CaseKey(target_level="L6", cycle_start=dt.date(2026, 4, 1), cycle_end=dt.date(2027, 3, 31))
    repo.save_version(con, key, CaseVersion(markdown="# My edited case\n"))
    con.close()
    assert run("--db", str(demo_db)).stdout == "# My edited case\n"
    assert run("--generate", "--db", str(demo_db)).stdout.startswith("# Promotion case: Priya Raman")


def test_a_bad_target_exits_2_with_one_line(demo_db):
    out = run("--target", "L99", "--db", str(demo_db))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr
    assert "unknown level 'L99'" in out.stderr and "L6" in out.stderr


def test_docx_to_stdout_and_no_default_target_are_refused(empty_db):
    out = run("--format", "docx", "--db", str(empty_db))
    assert out.returncode == 2 and "-o FILE.docx" in out.stderr
    out = run("--db", str(empty_db))
    assert out.returncode == 2 and "pass --target LEVEL" in out.stderr and out.stderr.count("\n") == 1
    out = run("--target", "L4", "--db", str(empty_db))
    assert out.returncode == 0 and "## Summary" in out.stdout and "## Gaps and plan" not in out.stdout
    out = run("--target", "L4", "--private", "--db", str(empty_db))
    assert out.returncode == 0 and "## Gaps and plan" in out.stdout
