import csv
import shutil

import pytest

from careerdata.core import errors
from careerdata.market.loader import MARKET_DIR, MARKET_FILES, attributions, load_market_data


def _csv_rows(path):
    with path.open(newline="", encoding="utf-8") as fh:
        return sum(1 for _ in csv.DictReader(fh))


def test_every_shipped_file_loads_completely(empty_con):
    for spec in MARKET_FILES:
        expected = _csv_rows(MARKET_DIR / spec.file)
        got = empty_con.execute(f"SELECT count(*) FROM {spec.table}").fetchone()[0]
        assert got == expected, spec.file


def test_values_keep_their_meaning(empty_con):
    # "None" is a real BLS category, not a missing value; empty cells are NULL.
    row = empty_con.execute(
        "SELECT work_experience, typical_entry_education FROM market_projection WHERE soc_code = '00-0000'"
    ).fetchone()
    assert row == (None, None)
    assert empty_con.execute(
        "SELECT count(*) FROM market_projection WHERE on_the_job_training = 'None'").fetchone()[0] > 0
    median = empty_con.execute(
        "SELECT median_wage FROM market_role WHERE onet_soc_code = '15-1252.00'").fetchone()[0]
    assert 100_000 < median < 250_000
    assert empty_con.execute("SELECT count(*) FROM market_technology WHERE hot_technology").fetchone()[0] > 100


def test_attribution_for_onet_and_bls_is_available(empty_con):
    text = " ".join(attributions(empty_con))
    assert "O*NET® 29.3 Database" in text and "CC BY 4.0" in text
    assert "Bureau of Labor Statistics" in text


def test_a_newer_release_with_extra_columns_and_rows_loads(empty_con, tmp_path):
    release = tmp_path / "release"
    shutil.copytree(MARKET_DIR, release)
    wages = release / "wages_oews.csv"
    lines = wages.read_text(encoding="utf-8").splitlines()
    header, first = lines[0], lines[1]
    new_row = first.replace(",2021,", ",2026,", 1)
    wages.write_text("\n".join([header + ",new_column"] + [line + ",x" for line in lines[1:]]
                               + [new_row + ",x"]) + "\n", encoding="utf-8")
    loaded = load_market_data(empty_con, release)
    assert loaded["market_wage"] == len(lines)  # header dropped, one row added
    assert empty_con.execute("SELECT count(*) FROM market_wage WHERE year = 2026").fetchone()[0] == 1


def test_a_missing_column_is_named_and_nothing_changes(empty_con, tmp_path):
    release = tmp_path / "release"
    shutil.copytree(MARKET_DIR, release)
    roles = release / "roles.csv"
    text = roles.read_text(encoding="utf-8").replace("median_wage", "median", 1)
    roles.write_text(text, encoding="utf-8")
    before = empty_con.execute("SELECT count(*) FROM market_role").fetchone()[0]
    with pytest.raises(errors.InputError, match="roles.csv: missing column\\(s\\) median_wage"):
        load_market_data(empty_con, release)
    assert empty_con.execute("SELECT count(*) FROM market_role").fetchone()[0] == before


def test_a_bad_value_is_refused_with_the_file_named(empty_con, tmp_path):
    release = tmp_path / "release"
    shutil.copytree(MARKET_DIR, release)
    wages = release / "wages_oews.csv"
    lines = wages.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",2021,", ",twenty-one,", 1)
    wages.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = empty_con.execute("SELECT count(*) FROM market_wage").fetchone()[0]
    with pytest.raises(errors.InputError, match="wages_oews.csv: a value does not fit"):
        load_market_data(empty_con, release)
    assert empty_con.execute("SELECT count(*) FROM market_wage").fetchone()[0] == before
