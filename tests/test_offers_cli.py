"""`careerdata offers` and `careerdata import csv offers` as a user runs them: real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb

from careerdata.import_export.csv_io import TEMPLATES_DIR


def run(*args):
    return subprocess.run([sys.executable, "-m", "careerdata.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "CAREERDATA_TODAY": "2026-11-21"}, timeout=120)


def _count(path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM offer").fetchone()[0]
    finally:
        con.close()


def test_offers_compare_json_matches_the_hand_computed_years(demo_db):
    out = run("offers", "compare", "--json", "--db", str(demo_db))
    assert out.returncode == 0, out.stderr
    rows = {r["company"]: r for r in json.loads(out.stdout)["offers"]}
    assert rows["Helio Health"] == {"company": "Helio Health", "title": "Senior Software Engineer", "current_job": True,
                                    "currency": "USD", "years": [247633.33, 236800, 246800, 256800],
                                    "total_4y": 988033.33, "left_behind": 20833.33}
    assert rows["Tidewater Analytics"]["years"] == [389800, 364800, 379800, 394800]
    assert rows["Tidewater Analytics"]["total_4y"] == 1529200
    assert rows["Harborview Systems"]["years"] == [305000, 293000, 413000, 413000]
    assert rows["Harborview Systems"]["total_4y"] == 1424000
    text = run("offers", "compare", "--db", str(demo_db)).stdout
    assert "In USD (not added to any other currency):" in text and "$1,529,200" in text
    assert "Leaving Helio Health forfeits $20,833 of unvested equity." in text
    listed = run("offers", "list", "--db", str(demo_db))
    assert listed.returncode == 0 and "Tidewater Analytics: Staff Software Engineer [L6] (offer, USD)" in listed.stdout


def test_import_the_template_then_a_bad_row_exits_2_naming_row_and_field_and_writes_nothing(empty_db, tmp_path):
    ok = run("import", "csv", "offers", str(TEMPLATES_DIR / "offers.csv"), "--db", str(empty_db))
    assert ok.returncode == 0, ok.stderr
    assert "Offers" in ok.stdout and _count(empty_db) == 1
    compare = json.loads(run("offers", "compare", "--json", "--db", str(empty_db)).stdout)["offers"]
    # 230,000 + 15% 34,500 + 12,000 benefits; sign-on 40,000 in year 1; 400,000 RSUs 25% a year;
    # refreshers 50,000 a year from year 2: 12,500 / 25,000 / 37,500.
    assert compare[0]["years"] == [416500, 389000, 401500, 414000]
    bad = tmp_path / "offers.csv"
    bad.write_text("company,title,base,vesting,currency\n"
                   "Maplewave,Staff Engineer,180000,25/25/25/25,CAD\n"
                   "Orbit,Staff Engineer,170000,40/40/10,USD\n")
    out = run("import", "csv", "offers", str(bad), "--db", str(empty_db))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "careerdata: offers.csv row 3, vesting: the yearly percents add up to 90, not 100"]
    assert _count(empty_db) == 1  # the good row 2 was not written either
