"""LinkedIn data export: the folder and the zip as downloaded import the same records; the
Connections.csv preamble is skipped; unknown files are listed; broken exports change nothing."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile

import pytest
from test_import_export_common import LINKEDIN, linkedin_zip, refusal, snapshot

from careerdata.import_export.imports import run_import
from careerdata.import_export.linkedin.reader import files_from_zip, read_linkedin, read_linkedin_files

EXPECTED = {
    "profile": {"added": 1, "updated": 0, "skipped": 0},
    "position": {"added": 3, "updated": 0, "skipped": 0},
    "skill": {"added": 6, "updated": 0, "skipped": 0},
    "contact": {"added": 3, "updated": 0, "skipped": 2},  # 2 plain connections are not added
    "accomplishment": {"added": 6, "updated": 0, "skipped": 0},  # 3 bullets, certification, project, honor
    "visibility": {"added": 1, "updated": 0, "skipped": 0},
}


def _counts(bundle) -> dict:
    return {e: sum(i.entity == e for i in bundle.items) for e in EXPECTED}


def test_the_unzipped_folder_imports_exactly_what_it_holds(empty_con):
    report = run_import(empty_con, read_linkedin(LINKEDIN))
    assert report.counts() == EXPECTED
    profile = empty_con.execute("SELECT name, current_title, headline FROM profile").fetchone()
    assert profile == ("Mara Lindqvist", "Staff Software Engineer",
                       "Staff Software Engineer at Klarbank | Payments, Kubernetes, Go")
    assert empty_con.execute("SELECT employer, title, start_date, end_date FROM position ORDER BY start_date"
                             ).fetchall() == [
        ("Nordlogistik AB", "Software Engineer", dt.date(2016, 8, 1), dt.date(2020, 2, 1)),
        ("Klarbank", "Senior Software Engineer", dt.date(2020, 3, 1), dt.date(2022, 8, 1)),
        ("Klarbank", "Staff Software Engineer", dt.date(2022, 9, 1), None)]
    wins = [r[0] for r in empty_con.execute("SELECT title FROM accomplishment ORDER BY start_date, title").fetchall()]
    assert wins == ["Rewrote route planning in Go; fuel costs down 9%",  # "- " bullet
                    "Certified Kubernetes Administrator",
                    "Cut card-authorisation p99 latency from 480 ms to 120 ms",  # "• " bullets
                    "Led the migration of 140 services to Kubernetes with zero downtime",
                    "pgwatch-lite", "Klarbank Engineering Award"]
    skills = dict(empty_con.execute("SELECT name, notes FROM skill").fetchall())
    assert set(skills) == {"Go", "Kubernetes", "PostgreSQL", "Leadership", "Public Speaking",
                           "Site Reliability Engineering"}  # the rejected endorsement adds nothing
    assert skills["Go"] == "1 endorsement on LinkedIn"
    people = {r[0]: r[1:] for r in empty_con.execute(
        "SELECT name, relationship, advocacy_stage, company, title, notes FROM contact").fetchall()}
    assert set(people) == {"Henrik Sand", "Li Wei", "Aisha Okafor"}
    henrik = people["Henrik Sand"]  # endorser and connection: merged, company and title from Connections
    assert henrik[:4] == ("peer", "aware", "Klarbank", "VP Engineering")
    assert "LinkedIn connection since 2020-10-12" in henrik[4] and "Endorsed you on LinkedIn for Go" in henrik[4]
    assert people["Aisha Okafor"][1] == "advocate" and "made our on-call humane" in people["Aisha Okafor"][4]
    assert any("Ignored 3 file(s)" in n and "messages.csv" in n for n in report.notes)
    assert any("1 endorsement(s) not accepted" in n for n in report.notes)


def test_the_zip_as_downloaded_gives_the_same_records_as_the_folder(tmp_path):
    folder = read_linkedin(LINKEDIN)
    path = tmp_path / "Basic_LinkedInDataExport_11-21-2026.zip"
    path.write_bytes(linkedin_zip())
    zipped = read_linkedin(path)
    assert [(i.entity, i.model) for i in zipped.items] == [(i.entity, i.model) for i in folder.items]
    # nested in a folder inside the zip, and with names in another case, it still matches
    renamed = {n.upper() if n.startswith("Skills") else n: b for n, b in
               files_from_zip(linkedin_zip(prefix="export/"), "x.zip").items()}
    nested = read_linkedin_files(renamed, "x.zip")
    assert _counts(nested) == _counts(folder)


def test_reimporting_the_export_changes_nothing(empty_con, tmp_path):
    run_import(empty_con, read_linkedin(LINKEDIN))
    before = snapshot(empty_con)
    path = tmp_path / "export.zip"
    path.write_bytes(linkedin_zip())
    again = run_import(empty_con, read_linkedin(path))
    assert not again.changed
    assert snapshot(empty_con) == before


def test_connections_update_contacts_you_have_and_all_connections_adds_everyone(demo_con, tmp_path):
    folder = tmp_path / "export"
    shutil.copytree(LINKEDIN, folder)
    connections = (folder / "Connections.csv").read_text()
    (folder / "Connections.csv").write_text(connections.replace(
        "Jonas,Berg,https://www.linkedin.com/in/jonasberg,,Spotify,Engineering Manager",
        "Dana,Whitfield,https://www.linkedin.com/in/danaw,,Helio Health,Director of Engineering"))
    report = run_import(demo_con, read_linkedin(folder))
    dana = [c for c in report.changes if c.record == "Dana Whitfield"]
    assert [(c.action, c.fields) for c in dana] == [("updated", ("title",))]
    # her relationship, advocacy and notes are the user's, not LinkedIn's guesses
    assert demo_con.execute("SELECT relationship, advocacy_stage, title, notes LIKE 'Manager since%' FROM contact "
                            "WHERE name = 'Dana Whitfield'").fetchone() == (
        "manager", "supporter", "Director of Engineering", True)
    assert demo_con.execute("SELECT count(*) FROM contact WHERE name = 'Sofia Nilsson'").fetchone()[0] == 0
    everyone = run_import(demo_con, read_linkedin(folder, all_connections=True))
    assert [c.record for c in everyone.changes if c.entity == "contact" and c.action == "added"] == ["Sofia Nilsson"]
    assert demo_con.execute("SELECT relationship, cadence_days, company FROM contact WHERE name = 'Sofia Nilsson'"
                            ).fetchone() == ("peer", 365, "Nordlogistik AB")


def _broken_folder(tmp_path, name: str, text: str | bytes):
    folder = tmp_path / "export"
    shutil.copytree(LINKEDIN, folder)
    target = folder / name
    target.write_bytes(text if isinstance(text, bytes) else text.encode())
    return folder


BROKEN_FILES = [
    ("Positions.csv", "Company Name,Title,Description,Location,Finished On\nAcme,Eng,,,\n",
     r"^Positions.csv row 1: missing column 'Started On'"),
    ("Positions.csv", "Company Name,Title,Description,Location,Started On,Finished On\nAcme,Eng,,,Smarch 2020,\n",
     r"^Positions.csv row 2, Started On: 'Smarch 2020' is not a date LinkedIn writes"),
    ("Positions.csv", "Company Name,Title,Description,Location,Started On,Finished On\nAcme,Eng,,,Mar 2021,Jan 2020\n",
     r"^Positions.csv row 2, end date must be on or after the start date"),
    ("Connections.csv", "Notes:\nsome text\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                        "Ada,Lovelace,u,,Acme,Eng,yesterday\n",
     r"^Connections.csv row 5, Connected On: 'yesterday'"),
    ("Connections.csv", "Notes:\nno header after the preamble\n", r"^Connections.csv: no header row"),
    ("Skills.csv", 'Name\nGo\n"Kubernetes', r"^Skills.csv row 3: not valid CSV"),  # cut off mid-quote
    ("Recommendations_Received.csv", "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
                                     "Aisha,Okafor,Klarbank,Director\n",  # cut off mid-row
     r"^Recommendations_Received.csv row 2: has 4 cells but the header has 7"),
    ("Profile.csv", b"\x00\x01\x02PK binary junk", r"^Profile.csv: not a text file"),
    ("Endorsement_Received_Info.csv", "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name\n"
                                      "2024/05/24 18:04:01 UTC,,Henrik,Sand\n",
     r"^Endorsement_Received_Info.csv row 2, Skill Name: empty"),
]


@pytest.mark.parametrize(("name", "text", "message"), BROKEN_FILES)
def test_a_broken_file_in_the_export_names_file_row_and_field_and_changes_nothing(demo_con, tmp_path, name, text,
                                                                                   message):
    folder = _broken_folder(tmp_path, name, text)
    before = snapshot(demo_con)
    assert "\n" not in refusal(lambda: run_import(demo_con, read_linkedin(folder)), message)
    assert snapshot(demo_con) == before


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


BROKEN_ZIPS = [
    (linkedin_zip()[:2000], r"^export.zip: not a zip file, or the download was cut off"),
    (b"First Name,Last Name\nAda,Lovelace\n", r"^export.zip: not a zip file"),
    (_zip({"holiday.jpg": b"\xff\xd8\xff", "notes.txt": b"hello"}), r"^export.zip: no LinkedIn export files found"),
    (_zip({"../Profile.csv": b"First Name,Last Name\nA,B\n"}), r"^export.zip: member '../Profile.csv' has an unsafe"),
    (_zip({"Skills.csv": b"Name\nGo\n", "old/Skills.csv": b"Name\nRust\n"}), r"^export.zip: Skills.csv appears twice"),
]


@pytest.mark.parametrize(("raw", "message"), BROKEN_ZIPS)
def test_a_broken_or_foreign_zip_is_refused_and_changes_nothing(demo_con, tmp_path, raw, message):
    path = tmp_path / "export.zip"
    path.write_bytes(raw)
    before = snapshot(demo_con)
    refusal(lambda: run_import(demo_con, read_linkedin(path)), message)
    assert snapshot(demo_con) == before


def test_a_zip_with_unexpected_members_imports_what_it_knows_and_lists_the_rest(empty_con, tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(linkedin_zip(extra={"Rich_Media.csv": b"x\n", "photos/me.jpg": b"\xff\xd8", "Ad_Targeting.csv": b""}))
    report = run_import(empty_con, read_linkedin(path))
    assert report.counts() == EXPECTED
    ignored = next(n for n in report.notes if n.startswith("Ignored"))
    assert "Ignored 6 file(s)" in ignored and "me.jpg" in ignored and "Rich_Media.csv" in ignored


def test_an_empty_known_file_is_noted_not_fatal(empty_con, tmp_path):
    folder = _broken_folder(tmp_path, "Skills.csv", "")
    report = run_import(empty_con, read_linkedin(folder))
    assert "Skills.csv is empty; nothing taken from it" in report.notes
    assert report.counts()["skill"]["added"] == 3  # from endorsements only: Go, Kubernetes, SRE
