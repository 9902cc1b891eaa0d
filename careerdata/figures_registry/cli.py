"""`careerdata figures [--json]`: the career file's headline figures, their definitions and where each is shown."""

from __future__ import annotations

import json

from careerdata.core.clock import today
from careerdata.store import db


def register(subparsers, add_db) -> None:
    p = subparsers.add_parser("figures", help="the headline figures, each with its definition and the pages "
                                              "and exports that show it")
    p.add_argument("--json", action="store_true", help="print JSON: {\"figures\": [{id, label, value, unit, "
                                                       "display, definition, source, shown_on}]}")
    add_db(p)
    p.set_defaults(func=cmd_figures)


def cmd_figures(args) -> int:
    from careerdata.figures_registry.registry import figures

    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        found = figures(con, today())
    finally:
        con.close()
    if args.json:
        print(json.dumps({"figures": [f.as_dict() for f in found]}, indent=2, default=str))
        return 0
    width = max((len(f.label) for f in found), default=0)
    for f in found:
        print(f"{f.label:<{width}}  {f.display}")
        print(f"{'':<{width}}  shown on: {', '.join(f.shown_on)}; computed by {f.source}")
    return 0
