"""`careerdata import ...`, `careerdata export ...`, `careerdata backup DIR`, `careerdata restore DIR`.

Imports print what they add, update and skip (`--dry-run` stops there); a bad file exits 2
with one line naming the file, row and field, and nothing is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from careerdata.core import errors
from careerdata.core.progress import WORTH_A_BAR, terminal_bar
from careerdata.store import db


def register(sub, add_db) -> None:
    from careerdata.import_export import trail_cli

    imp = sub.add_parser("import", help="import a JSON Resume, a LinkedIn export, a CSV, git history or gh pull "
                                        "requests (preview with --dry-run)")
    kinds = imp.add_subparsers(dest="format", required=True, metavar="{jsonresume,linkedin,csv,git,gh}")

    p = kinds.add_parser("jsonresume", help="a JSON Resume file (jsonresume.org, v1.0.0)")
    p.add_argument("file", help="resume.json")
    _import_flags(p, add_db)

    p = kinds.add_parser("linkedin", help="a LinkedIn data export: the downloaded .zip or its unzipped folder")
    p.add_argument("path", help="Basic_LinkedInDataExport_*.zip or the folder it unzips to")
    p.add_argument("--all-connections", action="store_true",
                   help="add every connection as a contact (default: only people who recommended or endorsed you; "
                        "other connections only update contacts you already have)")
    _import_flags(p, add_db)

    from careerdata.import_export.csv_io import CSV_ENTITIES

    p = kinds.add_parser("csv", help="one entity's CSV, in the columns of sample_data/templates/ENTITY.csv")
    p.add_argument("entity", choices=list(CSV_ENTITIES), help="which entity the file holds")
    p.add_argument("file", help="the CSV file")
    _import_flags(p, add_db)
    imp.set_defaults(func=cmd_import)
    trail_cli.add_import_parsers(kinds, add_db)

    exp = sub.add_parser("export", help="export a JSON Resume, a Markdown brag document, a CSV per entity or "
                                        "a calendar of your plan")
    kinds = exp.add_subparsers(dest="format", required=True, metavar="{jsonresume,brag,csv,ics}")
    p = kinds.add_parser("jsonresume", help="JSON Resume v1.0.0")
    _export_flags(p, add_db)
    p = kinds.add_parser("brag", help="Markdown brag document: wins by ladder competency, with their impact")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (default: review cycle start, "
                                                                "or half a year before today)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (default: review cycle end, or today)")
    _export_flags(p, add_db)
    p = kinds.add_parser("csv", help="one entity as CSV (the import template's columns)")
    p.add_argument("entity", choices=list(CSV_ENTITIES))
    _export_flags(p, add_db)
    exp.set_defaults(func=cmd_export)
    trail_cli.add_export_parser(kinds, add_db)

    p = sub.add_parser("backup", help="full backup: Parquet per table plus manifest.json, in a new folder")
    p.add_argument("dir", help="a folder that does not exist yet (or is empty)")
    add_db(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="rebuild the career file from a backup folder")
    p.add_argument("dir", help="a folder written by `careerdata backup`")
    p.add_argument("--force", action="store_true", help="replace an existing career file (its data is lost)")
    add_db(p)
    p.set_defaults(func=cmd_restore)


def _import_flags(p, add_db) -> None:
    p.add_argument("--dry-run", action="store_true", help="show what would be added, updated and skipped; write nothing")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    add_db(p)


def _export_flags(p, add_db) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    add_db(p)


def _read(path: str) -> bytes:
    """The file's bytes, read no further than the import size cap (a résumé or a CSV is far smaller)."""
    from careerdata.import_export.common import MAX_UPLOAD_BYTES

    file = Path(path)
    if not file.is_file():
        raise errors.InputError(f"{path}: no such file")
    try:
        with file.open("rb") as fh:
            raw = fh.read(MAX_UPLOAD_BYTES + 1)
    except OSError as err:
        raise errors.InputError(f"{path}: cannot read ({err.strerror})") from None
    if len(raw) > MAX_UPLOAD_BYTES:
        raise errors.InputError(f"{path}: larger than {MAX_UPLOAD_BYTES // 2**20} MB; a file to import is far smaller")
    return raw


def cmd_import(args) -> int:
    from careerdata.import_export.imports import run_import

    if args.format == "jsonresume":
        from careerdata.import_export.jsonresume import read_jsonresume

        bundle = read_jsonresume(_read(args.file), Path(args.file).name)
    elif args.format == "linkedin":
        from careerdata.import_export.linkedin.reader import read_linkedin

        bundle = read_linkedin(Path(args.path), all_connections=args.all_connections)
    else:
        from careerdata.import_export.csv_io import read_csv_entity

        bundle = read_csv_entity(_read(args.file), Path(args.file).name, args.entity)
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        report = run_import(con, bundle, dry_run=args.dry_run,
                            progress=terminal_bar("Checking" if args.dry_run else "Importing", min_total=WORTH_A_BAR))
    finally:
        con.close()
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
        return 0
    from careerdata.import_export.common import ENTITY_LABELS

    head = "Dry run, nothing written" if args.dry_run else "Imported"
    print(f"{head}: {bundle.source} ({bundle.format})")
    counts = report.counts()
    if counts:
        print(f"  {'':<20} {'added':>7} {'updated':>8} {'skipped':>8}")
        for entity, c in counts.items():
            print(f"  {ENTITY_LABELS[entity]:<20} {c['added']:>7,} {c['updated']:>8,} {c['skipped']:>8,}")
    else:
        print("  nothing to import")
    for note in report.notes:
        print(f"  note: {note}")
    if args.dry_run and report.changed:
        print("Run again without --dry-run to write these changes.")
    return 0


def _write(text: str, output: str | None, what: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as err:
        raise errors.InputError(f"{output}: cannot write ({err.strerror})") from None
    print(f"Wrote {what} to {path}", file=sys.stderr)


def _date(value: str | None, flag: str):
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise errors.InputError(f"{flag}: {value!r} is not a date like 2026-04-01") from None


def cmd_export(args) -> int:
    from careerdata.import_export import export

    start, end = (_date(args.start, "--from"), _date(args.end, "--to")) if args.format == "brag" else (None, None)
    if start and end and end < start:
        raise errors.InputError("--to must be on or after --from")
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        if args.format == "jsonresume":
            text, what = export.jsonresume_text(con, progress=terminal_bar("Exporting")), "JSON Resume"
        elif args.format == "brag":
            text, what = export.brag_markdown(con, start, end), "brag document"
        else:
            text = export.export_csv(con, args.entity, progress=terminal_bar("Exporting", min_total=WORTH_A_BAR))
            what = f"{args.entity} CSV"
    finally:
        con.close()
    _write(text, args.output, what)
    return 0


def cmd_backup(args) -> int:
    from careerdata.import_export.backup import backup

    path = db.resolve_db_path(args.db)
    con = db.connect(path, create=False)
    try:
        manifest = backup(con, Path(args.dir), progress=terminal_bar("Backing up"))
    finally:
        con.close()
    rows = sum(t["rows"] for t in manifest["tables"].values())
    print(f"Backed up {path} (schema version {manifest['schema_version']}): {len(manifest['tables'])} tables, "
          f"{rows:,} rows, to {args.dir}")
    return 0


def cmd_restore(args) -> int:
    from careerdata.import_export.backup import restore

    path = db.resolve_db_path(args.db)
    counts = restore(Path(args.dir), path, force=args.force, progress=terminal_bar("Restoring"))
    print(f"Restored {path} from {args.dir}: {len(counts)} tables, {sum(counts.values()):,} rows")
    return 0
