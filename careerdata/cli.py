"""The `careerdata` command.

Exit codes, for every command: 0 success; 2 bad input or usage (one line on stderr, no
traceback); 3 database unusable (locked by another process, newer schema, not DuckDB).
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import importlib
import importlib.util
import json
import os
import pkgutil
import sys
from pathlib import Path

import careerdata
from careerdata.core import errors
from careerdata.core.clock import today
from careerdata.core.errors import InputError
from careerdata.store import db

EXIT_OK, EXIT_INPUT, EXIT_DB = 0, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line on stderr, exit 2 (argparse prints usage too)
        self.exit(EXIT_INPUT, f"careerdata: {message} (see `careerdata --help`)\n")


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help="career file (default: $CAREERDATA_DB or ~/.careerdata/career.duckdb)")


def cmd_init(args) -> int:
    from careerdata.import_export.create import create_database

    path = db.resolve_db_path(args.db)
    as_of = None
    if args.as_of:
        if args.empty:
            raise InputError("--as-of: only a demo file has dates to move; drop --as-of or --empty")
        try:
            as_of = dt.date.fromisoformat(args.as_of)
        except ValueError:
            raise InputError(f"--as-of: {args.as_of!r} is not a date like 2026-11-21") from None
    create_database(path, demo=not args.empty, force=args.force, as_of=as_of)
    kind = "empty career file" if args.empty else (
        f"career file with the demo persona as of {as_of or today()}")
    print(f"Created {kind} at {path}")
    return EXIT_OK


def cmd_info(args) -> int:
    path = db.resolve_db_path(args.db)
    con = db.connect(path, create=False)
    try:
        info = {
            "db": str(path),
            "schema_version": db.schema_version(con),
            "dataset": db.get_meta(con, "dataset", "user"),
            "counts": db.row_counts(con),
        }
    finally:
        con.close()
    if args.json:
        print(json.dumps(info, indent=2))
    else:
        print(f"file:           {info['db']}")
        print(f"schema version: {info['schema_version']}")
        print(f"data:           {'demo persona' if info['dataset'] == 'demo' else 'your own'}")
        width = max(len(t) for t in info["counts"])
        for table, n in info["counts"].items():
            print(f"  {table:<{width}}  {n:>7,}")
    return EXIT_OK


def cmd_ladder(args) -> int:
    from careerdata.import_export.yaml_files import read_ladder
    from careerdata.journal import repo

    ladder = read_ladder(Path(args.file))
    con = db.connect(db.resolve_db_path(args.db), create=False)
    try:
        repo.replace_ladder(con, ladder)
    finally:
        con.close()
    print(f"Loaded ladder {ladder.name!r}: {len(ladder.levels)} levels, {len(ladder.competencies)} competencies")
    return EXIT_OK


def feature_cli_modules() -> list[str]:
    """`careerdata.<feature>.cli` for every feature package that has one, in name order.

    Each defines `register(subparsers, add_db)`: it adds its subcommands with
    `subparsers.add_parser(...)`, calls `add_db(parser)` on each so `--db` works everywhere, and sets
    `func` to a handler `handler(args) -> int` that raises `careerdata.core.errors.CareerDataError`
    subclasses for bad input (exit 2) or an unusable database (exit 3).
    """
    return [f"careerdata.{info.name}.cli" for info in pkgutil.iter_modules(careerdata.__path__)
            if info.ispkg and importlib.util.find_spec(f"careerdata.{info.name}.cli") is not None]


def command_modules() -> dict[str, str]:
    """Each feature command's name (and alias) -> the `cli` module that registers it, read from the
    modules' source without importing them: `sub.add_parser("name", aliases=[...])` calls in `register`."""
    found: dict[str, str] = {}
    for module in feature_cli_modules():
        tree = ast.parse(Path(importlib.util.find_spec(module).origin).read_text(encoding="utf-8"))
        for fn in tree.body:
            if not (isinstance(fn, ast.FunctionDef) and fn.name == "register" and fn.args.args):
                continue
            sub = fn.args.args[0].arg
            for node in ast.walk(fn):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "add_parser" and isinstance(node.func.value, ast.Name)
                        and node.func.value.id == sub and node.args and isinstance(node.args[0], ast.Constant)):
                    aliases = [k.value for k in node.keywords if k.arg == "aliases"]
                    names = [node.args[0].value] + [e.value for a in aliases if isinstance(a, ast.List | ast.Tuple)
                                                    for e in a.elts if isinstance(e, ast.Constant)]
                    found.update(dict.fromkeys(names, module))
    return found


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line, or with `argv` naming a feature command, only that feature's part (see
    `command_modules`): the others would import pandas and more on every start."""
    parser = _Parser(prog="careerdata", description="Your career as a product: the data behind the dashboard.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("init", help="create a career file (demo persona by default)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--demo", action="store_true", help="fill it with the demo persona (default)")
    group.add_argument("--empty", action="store_true", help="start an empty file of your own")
    p.add_argument("--force", action="store_true", help="replace an existing file (its data is lost)")
    p.add_argument("--as-of", metavar="DATE", help="date the demo story happens on (default: today), e.g. 2026-11-21")
    _add_db(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("info", help="file path, schema version and row counts")
    p.add_argument("--json", action="store_true", help="print JSON")
    _add_db(p)
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("ladder", help="load a career ladder YAML (replaces the current ladder)")
    p.add_argument("file", help="ladder YAML, in the format of sample_data/ladders/engineering.yaml")
    _add_db(p)
    p.set_defaults(func=cmd_ladder)

    # Feature commands: every feature package with a `cli` module registers its own subcommands.
    wanted = next((a for a in argv or [] if not a.startswith("-")), None)
    owner = command_modules().get(wanted) if wanted else None
    for name in [owner] if owner else feature_cli_modules():
        importlib.import_module(name).register(sub, _add_db)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
    try:
        return args.func(args)
    except errors.CareerDataError as err:
        message = str(err).splitlines()
        print(f"careerdata: {message[0]}", file=sys.stderr)
        for line in message[1:]:
            print(f"  {line}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `careerdata ... | head`: the reader left; that is not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


if __name__ == "__main__":
    sys.exit(main())
