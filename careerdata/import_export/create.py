"""Create and open career files: the demo persona, an empty file, or an existing one."""

from __future__ import annotations

from pathlib import Path

import duckdb

from careerdata.core import errors
from careerdata.import_export.yaml_files import DEFAULT_LADDER, DEMO_DIR, read_career, read_ladder
from careerdata.journal import repo
from careerdata.market.loader import load_market_data
from careerdata.store import db


def create_database(path: Path | str, *, demo: bool, force: bool = False) -> Path:
    """Build a new career file next to `path`, then move it into place.

    The old file (with --force) is replaced only once the new one is complete, so a failure
    half-way leaves whatever was there before untouched.
    """
    path = Path(path)
    if path.exists() and not force:
        raise errors.InputError(f"{path} already exists; pass --force to replace it (its data will be lost).")
    if path.exists():
        db.connect(path).close()  # refuses a locked, newer or non-DuckDB file before we touch it
    path.parent.mkdir(parents=True, exist_ok=True)
    with db.built_beside(path, "creating") as tmp:
        con = db.connect(tmp)
        try:
            populate(con, demo=demo)
            con.execute("CHECKPOINT")
        finally:
            con.close()
    return path


def populate(con: duckdb.DuckDBPyConnection, *, demo: bool) -> None:
    """Fill a freshly migrated file: market data and ladder always, the persona if `demo`."""
    load_market_data(con)
    repo.replace_ladder(con, read_ladder(DEFAULT_LADDER))
    if demo:
        repo.load_career_file(con, read_career(DEMO_DIR))
    repo.set_meta(con, "dataset", "demo" if demo else "user")
