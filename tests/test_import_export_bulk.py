"""Bulk writing of new accomplishments, metrics and interactions (careerdata.import_export.bulk)
does exactly what writing record by record does: same rows, same report, same messages."""

from __future__ import annotations

import csv
import io

import pytest
from test_import_export_common import RESUME, linkedin_zip, second_file

from careerdata.import_export.csv_io import CSV_ENTITIES, export_csv, read_csv_entity
from careerdata.import_export.imports import run_import
from careerdata.import_export.jsonresume import read_jsonresume
from careerdata.import_export.linkedin.reader import files_from_zip, read_linkedin_files

SUGGESTIONS = """SELECT a.title, s.category, s.description, s.baseline, s.new_value, s.unit, s.money_usd, s.source,
                        s.status FROM metric_suggestion s JOIN accomplishment a ON a.id = s.accomplishment_id
                 ORDER BY ALL"""


def _contents(con) -> dict:
    """Every entity as its CSV export (natural keys, no ids) plus the metric suggestions."""
    out = {name: export_csv(con, name) for name in CSV_ENTITIES}
    out["suggestions"] = con.execute(SUGGESTIONS).fetchall()
    return out


def _both(_empty_master, tmp_path, bundles_of, prepare=None):
    """Import the bundles into two empty files, bulk and record by record; (reports, contents) of each."""
    results = []
    for bulk in (True, False):
        con = second_file(_empty_master, tmp_path, f"bulk-{bulk}.duckdb")
        if prepare:
            prepare(con)
        reports = [run_import(con, b, bulk=bulk).rows() for b in bundles_of()]
        results.append((reports, _contents(con)))
        con.close()
    return results


def _demo_csvs(demo_con) -> dict[str, bytes]:
    return {name: export_csv(demo_con, name).encode() for name in CSV_ENTITIES}


def test_a_whole_career_imports_the_same_in_bulk_as_record_by_record(demo_con, _empty_master, tmp_path):
    csvs = _demo_csvs(demo_con)

    def bundles():
        yield from (read_csv_entity(raw, f"{name}.csv", name) for name, raw in csvs.items())
        yield read_jsonresume(RESUME.read_bytes())  # highlights with job windows and figures to suggest
        yield read_linkedin_files(files_from_zip(linkedin_zip(), "export.zip"), "export.zip")  # month-precise dates

    (bulk_reports, bulk_rows), (one_reports, one_rows) = _both(_empty_master, tmp_path, lambda: list(bundles()))
    assert bulk_reports == one_reports
    assert bulk_rows == one_rows
    assert bulk_rows["accomplishments"].count("\n") > 70 and bulk_rows["suggestions"]


def _rows(raw: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(raw.decode())))


def _csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


@pytest.mark.parametrize("entity", ["accomplishments", "metrics", "interactions"])
def test_stored_records_and_repeats_in_the_file_match_as_before(entity, demo_con, _empty_master, tmp_path):
    """Half the records are already there, the file repeats some (case changed) and edits others."""
    csvs = _demo_csvs(demo_con)
    order = list(CSV_ENTITIES)
    earlier = [n for n in order[:order.index(entity)]]
    rows = _rows(csvs[entity])
    head, body = rows[0], rows[1:]
    half = _csv([head, *body[: len(body) // 2]])
    notes = head.index("notes") if "notes" in head else head.index("result") if "result" in head else None
    edited = [list(r) for r in body]
    for r in edited[::5]:
        if notes is not None:
            r[notes] = (r[notes] + " (edited)").strip()
    repeated = [[c.upper() if i == 0 else c for i, c in enumerate(r)] for r in body[:10]]
    full = _csv([head, *edited, *repeated])

    def prepare(con):
        for name in earlier:
            run_import(con, read_csv_entity(csvs[name], f"{name}.csv", name))
        run_import(con, read_csv_entity(half, f"{entity}.csv", entity), bulk=False)

    (bulk_reports, bulk_rows), (one_reports, one_rows) = _both(
        _empty_master, tmp_path, lambda: [read_csv_entity(full, f"{entity}.csv", entity)], prepare)
    assert bulk_reports == one_reports
    assert bulk_rows == one_rows
    actions = {r["action"] for r in bulk_reports[0]}
    assert {"added", "skipped"} <= actions


def test_an_unknown_reference_is_named_by_row_as_before(empty_con):
    raw = b"contact,date,channel,notes,follow_up_due,accomplishments\nNobody Here,2026-01-05,chat,,,\n"
    with pytest.raises(Exception, match=r"interactions.csv row 2, contact: unknown contact 'Nobody Here'"):
        run_import(empty_con, read_csv_entity(raw, "interactions.csv", "interactions"))
    assert empty_con.execute("SELECT count(*) FROM interaction").fetchone()[0] == 0
