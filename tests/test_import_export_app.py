"""AppTest of the Import & export page: the preview shows counts, Import commits, downloads exist."""

from __future__ import annotations

from helpers import open_app, texts
from test_import_export_common import RESUME, linkedin_zip

from careerdata.import_export.csv_io import CSV_ENTITIES, TEMPLATES_DIR
from careerdata.store import db

PAGE = "app_pages/import_export.py"


PREVIEW = ("Will be added", "Will be updated", "Unchanged")


def _metrics(at) -> dict[str, str]:
    """The preview's counts (the page also shows what the file holds now)."""
    return {m.label: m.value for m in at.metric if m.label in PREVIEW}


def _button(at, prefix: str):
    return next(b for b in at.button if b.label.startswith(prefix))


def _count(path, table: str) -> int:
    con = db.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_the_page_offers_every_export_and_asks_for_a_file(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    assert at.title[0].value == "Import & export"
    assert {m.label: m.value for m in at.metric} == {"Positions": "5", "Skills": "46", "Accomplishments": "70",
                                                     "Contacts": "25", "Talks & posts": "16"}
    labels = [b.label for b in at.get("download_button")]
    assert "Download brag document" in labels
    assert {"Prepare resume.json", "Prepare backup (.zip)"} <= {b.label for b in at.button}
    assert "Skills (46)" in labels and "Accomplishments (70)" in labels
    assert len([x for x in labels if x.endswith(")") and not x.startswith("Download")]) == len(CSV_ENTITIES)
    shown = texts(at)
    assert "Nothing is written until you have seen the preview" in shown
    assert "Brag document: Priya Raman" in shown  # the preview of the brag document
    assert not at.error


def test_uploading_a_resume_previews_counts_then_import_commits_and_reimport_is_a_no_op(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    at.file_uploader(key="ie_upload_jsonresume").upload("resume.json", RESUME.read_bytes(), "application/json")
    at.run()
    assert not at.exception
    assert _metrics(at) == {"Will be added": "28", "Will be updated": "0", "Unchanged": "0"}
    assert "Preview: resume.json" in [s.value for s in at.subheader]
    assert "Not imported: education (1)" in texts(at)
    assert _count(empty_db, "accomplishment") == 0  # the preview wrote nothing
    _button(at, "Import 28 changes").click().run()
    assert not at.exception
    assert _count(empty_db, "accomplishment") == 10 and _count(empty_db, "position") == 3
    assert {m.label: m.value for m in at.metric}["Accomplishments"] == "10"  # what the file holds now
    assert "Imported resume.json: 28 added, 0 updated, 0 unchanged" in texts(at)
    assert _metrics(at) == {"Will be added": "0", "Will be updated": "0", "Unchanged": "28"}
    assert _button(at, "Nothing new to import").disabled


def test_a_linkedin_zip_previews_against_the_demo(monkeypatch, demo_db):
    at = open_app(monkeypatch, demo_db, PAGE)
    at.segmented_control(key="ie_format").set_value("linkedin").run()
    at.file_uploader(key="ie_upload_linkedin").upload("export.zip", linkedin_zip(), "application/zip")
    at.run()
    assert not at.exception
    metrics = _metrics(at)
    assert int(metrics["Will be added"]) > 0 and "Ignored 3 file(s)" in texts(at)


def test_a_broken_file_shows_where_and_imports_nothing(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    at.segmented_control(key="ie_format").set_value("csv").run()
    at.selectbox(key="ie_csv_entity").set_value("contacts").run()
    assert "Template" in [b.label for b in at.get("download_button")]
    at.file_uploader(key="ie_upload_csv_contacts").upload(
        "contacts.csv", b"name,relationship,influence\nAda Lovelace,mentor,9\n", "text/csv")
    at.run()
    errors = " ".join(e.value for e in at.error)
    assert "Nothing was imported: contacts.csv row 2, influence: Input should be less than or equal to 5" in errors
    assert not _metrics(at) and _count(empty_db, "contact") == 0


def test_an_empty_or_oversize_upload_is_refused_kindly(monkeypatch, empty_db):
    at = open_app(monkeypatch, empty_db, PAGE)
    at.file_uploader(key="ie_upload_jsonresume").upload("resume.json", b"", "application/json")
    at.run()
    assert "resume.json is empty: there is nothing to import" in texts(at)
    at.file_uploader(key="ie_upload_jsonresume").set_value(("big.json", b" " * (21 * 2**20), "application/json"))
    at.run()
    assert "big.json is 21.0 MB; the limit is 20 MB" in texts(at)
    assert not at.exception


def test_templates_on_disk_match_the_entities():
    assert sorted(p.stem for p in TEMPLATES_DIR.glob("*.csv")) == sorted(CSV_ENTITIES)


def test_a_backup_is_built_with_progress_then_downloaded_and_dropped_by_a_write(monkeypatch, empty_db):
    """A one-click download builds its file where the page cannot draw: a big backup looked frozen."""
    at = open_app(monkeypatch, empty_db, PAGE)
    at.button(key="ie_dl_backup_prepare").click().run()
    assert not at.exception
    assert any("careerdata-backup.zip is ready" in s.label and s.state == "complete" for s in at.status)
    at.run()
    assert "Download backup (.zip)" in [b.label for b in at.get("download_button")]
    assert "ie_dl_backup_prepare" not in [b.key for b in at.button]  # built once, kept for this session
    at.file_uploader(key="ie_upload_jsonresume").upload("resume.json", RESUME.read_bytes(), "application/json")
    at.run()
    _button(at, "Import 28 changes").click().run()
    assert _count(empty_db, "accomplishment") == 10
    # the prepared backup was older than the data: it is gone, to be prepared again
    assert "Download backup (.zip)" not in [b.label for b in at.get("download_button")]
    assert "Prepare backup (.zip)" in [b.label for b in at.button]
