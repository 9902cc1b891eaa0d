"""The only Streamlit-aware data code: which file is open, the cached connection, cached reads.

One DuckDB connection per file for the whole server (`st.cache_resource`); every query takes
its own cursor. Reads are cached as objects (`st.cache_resource`, keyed by file, query and
arguments; each caller gets a `fresh` copy) and every write goes through `write()`, which clears
that cache so the change shows on every page.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime as dt
import decimal
import enum
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import streamlit as st

from careerdata.core.progress import Progress
from careerdata.market.loader import load_missing
from careerdata.store import db

T = TypeVar("T")


def db_path() -> Path:
    """`streamlit run dashboard.py -- --db PATH` beats CAREERDATA_DB beats the default."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    args, _ = parser.parse_known_args(sys.argv[1:])
    return db.resolve_db_path(args.db)


def ensure_database(path: Path) -> bool:
    """Create the demo file on first launch; True when this call created it."""
    if path.exists():
        return False
    from careerdata.import_export.create import create_database  # the models and YAML reader: first launch only

    create_database(path, demo=True)
    return True


def _close(con: duckdb.DuckDBPyConnection) -> None:
    con.close()


@st.cache_resource(show_spinner=False, on_release=_close)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    con = db.connect(path, create=False)
    if not db.is_connection_read_only(con):
        load_missing(con)
    return con


def connection() -> duckdb.DuckDBPyConnection:
    return _connection(str(db_path()))


@st.cache_resource(show_spinner=False, max_entries=512)
def _read(path: str, module: str, query: str, args: tuple):
    return getattr(importlib.import_module(module), query)(_connection(path), *args)


PREPARED = "prepared_download:"  # session keys of files built for download (careerdata.ui.progress)


def clear_reads() -> None:
    """Forget every cached read, and the files this session prepared for download from them (after a
    write, or when the open file is replaced): nothing shown or downloaded is older than the data."""
    _read.clear()
    for key in [k for k in st.session_state if str(k).startswith(PREPARED)]:
        del st.session_state[key]


CACHEABLE_MODULES = ("queries", "view")


def read(query: Callable[..., T], *args) -> T:
    """A cached call of a read function from a feature's `queries` or `view` module (cleared by `write`).

    Only those modules are cached: they take the connection and hashable arguments and only read.
    """
    module = getattr(query, "__module__", "") or ""
    parts = module.split(".")
    if not (len(parts) == 3 and parts[0] == "careerdata" and parts[2] in CACHEABLE_MODULES):
        raise ValueError(f"{query!r} is not a function of a careerdata.<feature>.queries or .view module")
    return fresh(_read(str(db_path()), module, query.__name__, args))


_SHARED = (str, bytes, int, float, bool, type(None), dt.date, dt.time, dt.timedelta, decimal.Decimal, enum.Enum)


def fresh(value):
    """A copy of a cached read that a page may change without changing what other reruns and sessions get.

    The reads are kept as objects (`st.cache_resource`), not pickled: unpickling a view of a large
    file on every rerun cost more than drawing the page. DataFrames and Series are copied shallowly,
    which is safe because pandas copies on write (always, from pandas 3); lists, dicts, sets and
    dataclasses are rebuilt around fresh contents; immutable values are shared; anything else is
    deep-copied.
    """
    if isinstance(value, _SHARED):
        return value
    pd = sys.modules.get("pandas")  # not imported yet: then no read has returned a frame
    if pd is not None and isinstance(value, pd.DataFrame | pd.Series | pd.Index):
        return value.copy(deep=False)
    if isinstance(value, list):
        return [fresh(v) for v in value]
    if isinstance(value, dict):
        return {k: fresh(v) for k, v in value.items()}
    if type(value) is tuple:
        return tuple(fresh(v) for v in value)
    if isinstance(value, set | frozenset):
        return type(value)(value)  # their members are hashable, so immutable in practice
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = copy.copy(value)
        for f in dataclasses.fields(value):
            object.__setattr__(out, f.name, fresh(getattr(value, f.name)))
        return out
    return copy.deepcopy(value)


def write(action: Callable[..., T], *args, **kwargs) -> T:
    """Run a `careerdata.journal.repo` write on the shared connection, then refresh every page's data."""
    try:
        return action(connection(), *args, **kwargs)
    finally:
        clear_reads()



def run(action: Callable[..., T], *args, **kwargs) -> T:
    """Run a function that writes nothing on the shared connection, uncached: an import's dry run or a
    file built for download, whose inputs are not hashable or whose result is not worth keeping."""
    return action(connection(), *args, **kwargs)


def schema_version() -> int:
    """The open file's schema version (shown on the About page)."""
    return db.schema_version(connection())


def demo_loaded() -> bool:
    return db.is_demo(connection())


def start_empty_file() -> None:
    """Replace the open file with an empty one (the demo can be recreated with `careerdata init`)."""
    path = db_path()
    _connection.clear()  # closes the connection (on_release) so the file can be replaced
    clear_reads()
    from careerdata.import_export.create import create_database

    create_database(path, demo=False, force=True)


def restore_backup(folder: Path, progress: Progress | None = None) -> dict[str, int]:
    """Replace the open file with a checked backup folder, through the app itself: the app's own
    connection is closed first (DuckDB lets one process hold a file), the restore is built beside
    the file and moved into place only when every table's rows match, then the app reopens it."""
    from careerdata.import_export.backup import restore

    path = db_path()
    _connection.clear()
    clear_reads()
    try:
        return restore(folder, path, force=True, progress=progress)
    finally:
        connection()  # reopen (the old file if the restore was refused)
