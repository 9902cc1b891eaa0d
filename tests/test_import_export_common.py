"""Shared import machinery: CSV reading with row numbers, dates, guesses; plus helpers the other
test_io_* modules use (a content snapshot of every table, the fixture paths)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from careerdata.core.errors import InputError
from careerdata.import_export import common
from careerdata.import_export.backup import base_tables
from careerdata.models import career as m
from careerdata.store import db

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "io"
RESUME = FIXTURES / "resume.json"
LINKEDIN = FIXTURES / "linkedin"


def snapshot(con) -> dict[str, list[str]]:
    """Every row of every table, order-free: 'unchanged in content' means this is equal."""
    cur = con.cursor()
    return {t: sorted(repr(r) for r in cur.execute(f'SELECT * FROM "{t}"').fetchall()) for t in base_tables(con)}


def second_file(master: Path, folder: Path, name: str):
    """A connection to another private copy of a master file (`demo_db` and `empty_db` share a path)."""
    return db.connect(shutil.copy(master, folder / name))


def refusal(action, pattern: str) -> str:
    """The message of the InputError `action` raises (which must match `pattern`).

    Returns only the text, so no traceback (and the connection its frames hold) outlives the test.
    """
    try:
        action()
    except InputError as err:
        message = str(err)
    else:
        raise AssertionError(f"no InputError (expected {pattern!r})")
    assert re.search(pattern, message), (pattern, message)
    return message


def linkedin_zip(folder: Path = LINKEDIN, prefix: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    """The export folder zipped the way LinkedIn ships it (files at the top level, or under `prefix`)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for file in sorted(folder.iterdir()):
            zf.writestr(prefix + file.name, file.read_bytes())
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return out.getvalue()


def test_read_csv_numbers_rows_as_a_spreadsheet_does_and_skips_a_preamble():
    text = 'Notes:\r\n"Some text, with a comma"\r\n\r\nFirst Name,Last Name\r\nAda,Lovelace\r\n,\r\n"Grace","Hopper"\r\n'
    table = common.read_csv(text, "Connections.csv", header_starts="First Name")
    assert table.columns == ["First Name", "Last Name"]
    assert table.rows == [(5, {"first name": "Ada", "last name": "Lovelace"}),
                          (7, {"first name": "Grace", "last name": "Hopper"})]


@pytest.mark.parametrize(("text", "message"), [
    ("a,b\n1,2\n3\n", "x.csv row 3: has 1 cells but the header has 2"),
    ('a,b\n1,"never closed\n', "x.csv row 2"),
    ("", "x.csv: the file is empty"),
    ("a,A\n1,2\n", "column 'a' appears twice"),
])
def test_read_csv_refuses_ragged_truncated_and_empty_files(text, message):
    with pytest.raises(InputError, match=message):
        common.read_csv(text, "x.csv")


def test_require_columns_names_the_missing_and_the_unknown_column():
    table = common.read_csv("Name,Kind,Colour\nGo,technical,blue\n", "skills.csv")
    with pytest.raises(InputError, match="skills.csv row 1: missing column 'notes'"):
        common.require_columns(table, ["name", "notes"])
    with pytest.raises(InputError, match="unknown column 'Colour'"):
        common.require_columns(table, ["name"], allowed=["name", "kind"])


def test_decode_refuses_binary_and_non_utf8_and_drops_a_bom():
    assert common.decode_text("\ufeffname\n".encode(), "a.csv") == "name\n"
    with pytest.raises(InputError, match="a.csv: not a text file"):
        common.decode_text(b"PK\x03\x04\x00\x00binary", "a.csv")
    with pytest.raises(InputError, match="a.csv: not UTF-8 text"):
        common.decode_text("Zoë".encode("latin-1"), "a.csv")


@pytest.mark.parametrize(("text", "day"), [
    ("2020", dt.date(2020, 1, 1)), ("2020-05", dt.date(2020, 5, 1)), ("2020-05-31", dt.date(2020, 5, 31)),
])
def test_iso_partial_dates_are_the_first_day_of_what_is_given(text, day):
    assert common.parse_iso_partial(text) == day


@pytest.mark.parametrize("text", ["2020/05", "May 2020", "2020-13", "2020-02-30", ""])
def test_iso_partial_refuses_other_shapes(text):
    with pytest.raises(ValueError):
        common.parse_iso_partial(text)


@pytest.mark.parametrize(("text", "day"), [
    ("Apr 2023", dt.date(2023, 4, 1)), ("15 Mar 2021", dt.date(2021, 3, 15)), ("Mar 15, 2021", dt.date(2021, 3, 15)),
    ("03/15/24, 05:22 PM", dt.date(2024, 3, 15)), ("2024/05/24 18:04:01 UTC", dt.date(2024, 5, 24)),
    ("2019", dt.date(2019, 1, 1)),
])
def test_linkedin_dates_in_every_format_the_export_uses(text, day):
    assert common.parse_linkedin_date(text) == day


def test_item_records_only_stated_not_guessed_and_not_key_fields():
    it = common.item("contact", m.Contact, {"name": "Ada", "relationship": "peer", "company": "Acme", "title": "",
                                            "notes": "composed"}, "x row 2", guessed={"relationship", "notes"})
    assert it.update == {"company"}
    assert it.model.cadence_days == 60  # defaults still apply to a new record
    with pytest.raises(InputError, match=r"^x row 2, influence: Input should be less than or equal to 5$"):
        common.item("contact", m.Contact, {"name": "Ada", "relationship": "peer", "influence": 9}, "x row 2")
    with pytest.raises(InputError, match=r"and 1 more problem\)$"):
        common.item("contact", m.Contact, {"name": "", "relationship": "boss"}, "x row 2")


def test_guessed_skill_kinds_and_shortened_titles():
    assert [common.guess_skill_kind(s) for s in ("Go", "Public  Speaking", "Mentoring")] == [
        "technical", "soft", "leadership"]
    long = "word " * 100
    assert len(common.shorten(long)) <= 200 and common.shorten(long).endswith("…")
    assert common.shorten("  short   text ") == "short text"
    assert common.unique_names(["Go", "go", " Rust", "GO"]) == ["Go", " Rust"]
