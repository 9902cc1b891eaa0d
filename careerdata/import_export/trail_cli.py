"""`careerdata import git|gh` and `careerdata export ics`: the work trail in, the plan out.

Registered by `careerdata.import_export.cli` under its `import` and `export` commands.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from careerdata.core import errors, vocab
from careerdata.store import db


def add_import_parsers(kinds, add_db) -> None:
    p = kinds.add_parser("git", help="your commits in local git repositories, as candidate wins for the Journal's "
                                     "review queue (reads history with the git command; no network)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a repository's folder (several allowed)")
    p.add_argument("--author", action="append", default=[], metavar="EMAIL",
                   help="your commit email (repeat for several; default: each repository's user.email)")
    p.add_argument("--since", metavar="DATE", help="only commits on or after this day, like 2026-01-01")
    _flags(p, add_db)
    p.set_defaults(func=cmd_import_git)
    p = kinds.add_parser("gh", help="merged pull requests from `gh pr list --author @me --state merged --json "
                                    "number,title,body,mergedAt,createdAt,url,additions,deletions,reviews`")
    p.add_argument("file", help="the JSON file gh wrote")
    _flags(p, add_db)
    p.set_defaults(func=cmd_import_gh)


def add_export_parser(kinds, add_db) -> None:
    p = kinds.add_parser("ics", help="your plan's dates as a calendar (.ics): promotion plan, follow-ups, "
                                     "keep-in-touch, rehearsals, review")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--what", metavar="KINDS", help=f"comma-separated, from {','.join(vocab.CALENDAR_KINDS)} (default: all)")
    add_db(p)
    p.set_defaults(func=cmd_export_ics)


def _flags(p, add_db) -> None:
    p.add_argument("--dry-run", action="store_true", help="show the candidates; write nothing")
    p.add_argument("--json", action="store_true", help="print the candidates as JSON")
    add_db(p)


def _since(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise errors.InputError(f"--since: {value!r} is not a date like 2026-01-01") from None


def _print_report(kind: str, shown: list[dict], report, dry_run: bool, notes: list[str]) -> None:
    head = "Dry run, nothing written" if dry_run else "Imported"
    print(f"{head}: {report.added} new candidate win(s) from {kind}"
          + (f", {report.skipped} already imported" if report.skipped else ""))
    for c in shown:
        people = ", ".join(p["name"] if isinstance(p, dict) else p for p in c["co_authors"])
        print(f"  {c['start_date']}..{c['end_date']}  {c['repo']}: {c['title']}  "
              f"(+{c['lines_added']}/-{c['lines_removed']}" + (f"; with {people}" if people else "") + ")")
    if report.contacts_added:
        print(f"  new contacts who know these wins: {', '.join(report.contacts_added)}")
    for note in notes:
        print(f"  note: {note}")
    if not dry_run and report.added:
        print("Review them in the Journal: accept, merge several into one, or dismiss.")


def cmd_import_git(args) -> int:
    from careerdata.import_export.git import import_git

    since = _since(args.since)
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        found, report = import_git(con, args.paths, args.author, since, args.dry_run)
    finally:
        con.close()
    shown = [c.as_json() for c in found.candidates]
    if args.json:
        print(json.dumps({"candidates": shown}, indent=2))
        return 0
    _print_report("git", shown, report, args.dry_run, found.notes)
    return 0


def cmd_import_gh(args) -> int:
    from careerdata.import_export.gh import import_gh

    file = Path(args.file)
    if not file.is_file():
        raise errors.InputError(f"{args.file}: no such file")
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        found, report = import_gh(con, file.read_bytes(), file.name, args.dry_run)
    finally:
        con.close()
    shown = [{"title": c.title, "start_date": c.start_date.isoformat(), "end_date": c.end_date.isoformat(),
              "repo": c.repo, "commits": c.commits, "co_authors": [{"name": n, "how": h} for n, h in c.people],
              "lines_added": c.lines_added, "lines_removed": c.lines_removed, "url": c.url} for c in found]
    if args.json:
        print(json.dumps({"candidates": shown}, indent=2))
        return 0
    _print_report("gh", shown, report, args.dry_run, [])
    return 0


def cmd_export_ics(args) -> int:
    from careerdata.import_export.ics import calendar_bytes, parse_what

    what = parse_what(args.what)
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        data = calendar_bytes(con, what)
    finally:
        con.close()
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    path = Path(args.output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as err:
        raise errors.InputError(f"{args.output}: cannot write ({err.strerror})") from None
    print(f"Wrote {data.count(b'BEGIN:VEVENT')} event(s) to {path}", file=sys.stderr)
    return 0
