"""`careerdata promotion` (or `promo`): write the current promotion case as Markdown, DOCX or printable HTML.

The case is the latest saved version for the target level and the profile's review cycle, or,
when none is saved (or with --generate), the draft generated from the data, exactly as the
Promotion case page builds it. It writes the packet (the case only, for the manager and the
committee); `--private` writes the private plan instead (advocates, influence, who has heard about
which win, gaps), titled as private: the same split as the page's downloads.
"""

from __future__ import annotations

import sys
from pathlib import Path

from careerdata.core import clock, errors
from careerdata.promotion import case as pcase
from careerdata.promotion import draft as pdraft
from careerdata.promotion import evidence as pa
from careerdata.promotion import export as promo_export
from careerdata.promotion import queries as pq
from careerdata.store import db


def register(subparsers, add_db) -> None:
    p = subparsers.add_parser(
        "promotion", aliases=["promo"], help="write the promotion case (default: the next level up, Markdown to stdout)",
        description="Write the current promotion case: the latest saved version for the target level and your "
                    "profile's review cycle, or the draft generated from your data when none is saved.")
    p.add_argument("--target", metavar="LEVEL", help="target ladder level, e.g. L6 (default: the next level up)")
    p.add_argument("--format", choices=sorted(promo_export.FORMATS), default="md",
                   help="md (default), docx or html")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout (required for docx)")
    p.add_argument("--generate", action="store_true", help="ignore saved versions and generate from the data")
    p.add_argument("--private", action="store_true",
                   help="write the private plan (advocates, influence, who has heard what, gaps) instead of the packet")
    add_db(p)
    p.set_defaults(func=cmd_promo)


def resolve_target(inputs: pq.CaseInputs, target: str | None) -> str:
    codes = inputs.levels["code"].tolist()
    if not codes:
        raise errors.InputError("--target: the file has no career ladder; load one with `careerdata ladder FILE.yaml`")
    if target:
        if target not in codes:
            raise errors.InputError(f"--target: unknown level {target!r}; the ladder has {', '.join(codes)}")
        return target
    current = (inputs.profile or {}).get("current_level") or None
    found = pa.next_level(inputs.levels, current)
    if found is None:
        why = "has no current level" if not current else f"has {current}, the top of its track,"
        raise errors.InputError(f"--target: your profile {why} so there is no default; pass --target LEVEL "
                            f"({', '.join(codes)})")
    return found


def cmd_promo(args) -> int:
    if args.format == "docx" and not args.output:
        raise errors.InputError("--format docx writes a binary file: add -o FILE.docx")
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        inputs = pq.case_inputs(con)
        target = resolve_target(inputs, args.target)
        today = clock.today()
        start, end = pa.default_cycle(inputs.profile, today)
        case = pq.promo_case(con, target, start, end)
        versions = pq.case_versions(con, case["id"]) if case else None
    finally:
        con.close()
    if versions is not None and not versions.empty and not args.generate:
        markdown = str(versions.iloc[0]["markdown"])
    else:
        markdown = pdraft.draft_case(pcase.analyse(inputs, target, start, end, today))
    author = (inputs.profile or {}).get("name") or None
    if args.private:
        data = promo_export.export_private(markdown, args.format, author)
    else:
        title = f"Promotion case: {pa.level_title(inputs.levels, target)} ({target})"
        data = promo_export.export_packet(markdown, args.format, title, author)
    if args.output:
        path = Path(args.output)
        try:
            path.write_bytes(data)
        except OSError as err:
            raise errors.InputError(f"-o: cannot write {path}: {err.strerror}") from None
        what = "private promotion plan" if args.private else "promotion case"
        print(f"Wrote the {target} {what} as {promo_export.FORMATS[args.format][0]} to {path}")
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0
