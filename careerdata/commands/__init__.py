"""Feature subcommands of `careerdata`.

Each module here defines `register(subparsers, add_db)`: it adds its subcommands with
`subparsers.add_parser(...)`, calls `add_db(parser)` on each so `--db` works everywhere, and
sets `func` to a handler `handler(args) -> int` that raises `careerdata.db.CareerDataError`
subclasses for bad input (exit 2) or an unusable database (exit 3).
"""
