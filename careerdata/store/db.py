"""DuckDB file: where it lives, how it opens, its schema and its ordered migrations.

Opening a file always brings it to the latest schema inside one transaction, so an older
file is upgraded whole or not at all; a file written by a newer version of the app is
refused rather than guessed at. Errors are typed so the CLI and the app can say exactly
what is wrong (exit code 3 for an unusable database).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from careerdata.core.errors import (
    CareerDataError,
    DatabaseLockedError,
    DatabaseUnusableError,
    InputError,
    NotADatabaseError,
    SchemaTooNewError,
)

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_DB = Path.home() / ".careerdata" / "career.duckdb"


def resolve_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """--db beats CAREERDATA_DB beats ~/.careerdata/career.duckdb."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("CAREERDATA_DB")
    if env:
        return Path(env).expanduser()
    return DEFAULT_DB


# --- schema -----------------------------------------------------------------------------
# Ordered migrations live in careerdata/migrations/NNNN_name.sql; the first line is a
# `-- description` comment. Append new files; never edit one that has been released.
# Foreign keys are enforced by the repository (DuckDB's FK support blocks deleting a parent
# and its children in one transaction); every id column names the table it points to.

MIGRATIONS_DIR = Path(__file__).resolve().parents[1] / "migrations"


def _load_migrations() -> list[tuple[int, str, str]]:
    found = []
    for file in sorted(MIGRATIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        sql = file.read_text(encoding="utf-8")
        first = sql.splitlines()[0] if sql else ""
        description = first.removeprefix("--").strip() if first.startswith("--") else file.stem
        found.append((int(file.name[:4]), description, sql))
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a number: {versions}")
    return found


MIGRATIONS: list[tuple[int, str, str]] = _load_migrations()
LATEST_VERSION = max(v for v, _, _ in MIGRATIONS)


def classify(err: Exception, path: Path) -> CareerDataError:
    text = str(err)
    if "lock" in text.lower():
        return DatabaseLockedError(
            f"{path} is in use by another process (the dashboard or another careerdata command). "
            "Close it, or use a copy of the file, then try again."
        )
    if "not a valid DuckDB database" in text or "extension" in text.lower():
        return NotADatabaseError(f"{path} is not a DuckDB database file; point --db at a .duckdb file.")
    return DatabaseUnusableError(f"cannot open {path}: {text.splitlines()[0]}")


def _applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    has_table = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()[0]
    if not has_table:
        return set()
    return {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied; 0 for a new, empty file."""
    return max(_applied_versions(con), default=0)


def migrate(con: duckdb.DuckDBPyConnection, path: Path | str = "", target: int | None = None) -> int:
    """Apply every pending migration up to `target` (default: all) in one transaction.

    Versions are tracked one by one, so a migration added with a lower number than one
    already applied is still applied; a version this code does not know means the file
    was written by a newer careerdata and is refused untouched.
    """
    known = {version for version, _, _ in MIGRATIONS}
    applied = _applied_versions(con)
    unknown = applied - known
    if unknown:
        raise SchemaTooNewError(
            f"{path} has schema version {max(unknown)}, but this careerdata understands up to "
            f"{max(known)}. Upgrade careerdata to open it; the file was not changed."
        )
    limit = max(known) if target is None else target
    pending = [(v, d, sql) for v, d, sql in MIGRATIONS if v not in applied and v <= limit]
    if not pending:
        return schema_version(con)
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        if not applied:
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
                "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
            )
        for version, description, sql in pending:
            cur.execute(sql)
            cur.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description])
        cur.execute("COMMIT")
    except Exception:
        cur.execute("ROLLBACK")
        raise
    return schema_version(con)


def read_only_cause(path: Path) -> str | None:
    """Why this process may not write `path` (a read-only mount, an immutable file, its
    permissions), in words for the user; None when it can. Root ignores file modes, so the
    mount flag and a real open for writing decide, not the mode bits alone."""
    path = Path(path)
    if not path.exists():
        return None
    with contextlib.suppress(OSError):
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return "it is on a read-only file system (a read-only mount); copy it somewhere writable"
    if os.access(path, os.W_OK):
        return None
    try:
        with open(path, "r+b"):
            pass
    except OSError as err:
        if err.errno == errno.EPERM:
            return "it is marked immutable (chattr +i); run `chattr -i` on it to allow changes"
        if err.errno == errno.EROFS:
            return "it is on a read-only file system (a read-only mount); copy it somewhere writable"
    return "you do not have permission to write it; check the file's permissions"


def is_read_only(path: Path) -> bool:
    """A file this process may not write (permissions, immutable, read-only mount) is opened read-only."""
    return read_only_cause(path) is not None


# DuckDB would fetch an extension over the network to read a file it does not recognise (a
# SQLite file needs "sqlite_scanner"): the career file is private, so nothing is ever fetched.
CONNECT_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False,
                  "allow_community_extensions": False}
_SQLITE_MAGIC = b"SQLite format 3\x00"


def connect_raw(path: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """`duckdb.connect` with extension downloads off, after refusing another database's file."""
    if path.exists():
        _refuse_foreign_file(path)
    return duckdb.connect(str(path), read_only=read_only, config=CONNECT_CONFIG)


def _refuse_foreign_file(path: Path) -> None:
    """Refuse a file of another database before DuckDB opens it (it would look for a reader extension)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError:
        return
    if head == _SQLITE_MAGIC:
        raise NotADatabaseError(f"{path} is a SQLite database, not a DuckDB career file; point --db at a "
                                ".duckdb file (create one with `careerdata init`).")


def connect(path: str | os.PathLike, *, create: bool = True, migrate_to: int | None = None,
            read_only: bool | None = None) -> duckdb.DuckDBPyConnection:
    """Open (and create if asked) a career file, upgraded to the latest schema.

    read_only=None decides from the file's permissions; a read-only file can be read (if its
    schema is current) and every write to it is refused with a message saying so.
    """
    path = Path(path)
    if not create and not path.exists():
        raise InputError(f"{path} does not exist; create it with `careerdata init --db {path}`.")
    read_only = is_read_only(path) if read_only is None else read_only
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = connect_raw(path, read_only=read_only)
    except duckdb.Error as err:
        raise classify(err, path) from None
    if read_only:
        try:
            _check_readable_schema(con, path)
        except CareerDataError:
            con.close()
            raise
        return con
    try:
        migrate(con, path, migrate_to)
    except CareerDataError:
        con.close()
        raise
    except duckdb.Error as err:
        con.close()
        raise classify(err, path) from None
    return con


def _check_readable_schema(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    known = {version for version, _, _ in MIGRATIONS}
    applied = _applied_versions(con)
    if applied - known:
        raise SchemaTooNewError(
            f"{path} has schema version {max(applied - known)}, but this careerdata understands up to "
            f"{max(known)}. Upgrade careerdata to open it; the file was not changed.")
    if known - applied:
        raise DatabaseUnusableError(
            f"{path} is read-only and was written by an older careerdata; make it writable once so it can be "
            "upgraded.")


def is_connection_read_only(con: duckdb.DuckDBPyConnection) -> bool:
    try:
        return bool(con.cursor().execute(
            "SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0])
    except duckdb.Error:
        return False


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


@contextlib.contextmanager
def built_beside(path: Path, purpose: str) -> Iterator[Path]:
    """A fresh file path next to `path`; when the block succeeds it replaces `path` in one rename.

    Whatever was at `path` stays untouched if the block fails; the old file's write-ahead log is
    removed first so it can never be replayed onto the new file. The block must close its connection.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{purpose}")
    for leftover in (tmp, wal_path(tmp)):
        leftover.unlink(missing_ok=True)
    try:
        yield tmp
        wal_path(path).unlink(missing_ok=True)
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, wal_path(tmp)):
            leftover.unlink(missing_ok=True)


def get_meta(con: duckdb.DuckDBPyConnection, key: str, default: str | None = None) -> str | None:
    row = con.cursor().execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def is_demo(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the file holds the demo persona (`careerdata init --demo`), not the user's own data."""
    return get_meta(con, "dataset") == "demo"


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh cursor in its own transaction: commit on success, roll back on any error.

    A DuckDB error (a constraint, a full disk, a read-only file, a write that collided with
    another session's) becomes a CareerDataError that says what happened; either way nothing
    of the transaction is kept.
    """
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
    except duckdb.Error as err:
        _rollback(cur)
        raise write_error(err, con) from err
    except BaseException:
        _rollback(cur)
        raise
    else:
        try:
            _test_pause_before_commit()
            cur.execute("COMMIT")
        except duckdb.Error as err:
            _rollback(cur)
            raise write_error(err, con) from err
    finally:
        cur.close()


# Test-only: with this variable set to a number of seconds, every write says so on stderr and
# waits that long just before its COMMIT, so the crash loop in tests/test_faults.py can land its
# kills just before, at and just after the commit moment. Unset, it costs one dict lookup.
PAUSE_BEFORE_COMMIT_ENV = "CAREERDATA_TEST_PAUSE_BEFORE_COMMIT"
COMMIT_MARKER = "careerdata-test: committing"


def _test_pause_before_commit() -> None:
    pause = os.environ.get(PAUSE_BEFORE_COMMIT_ENV)
    if pause:
        print(COMMIT_MARKER, file=sys.stderr, flush=True)
        time.sleep(float(pause))


def _rollback(cur: duckdb.DuckDBPyConnection) -> None:
    # The transaction may already be gone (aborted, or the database invalidated by an I/O error).
    with contextlib.suppress(duckdb.Error):
        cur.execute("ROLLBACK")


def database_path(con: duckdb.DuckDBPyConnection) -> Path | None:
    """The file a connection has open (None for an in-memory database)."""
    with contextlib.suppress(duckdb.Error):
        row = con.cursor().execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
        return Path(row[0]) if row and row[0] else None
    return None


def write_error(err: duckdb.Error, con: duckdb.DuckDBPyConnection | None = None) -> CareerDataError:
    """Say what a failed write means for the user; nothing of it was saved.

    With the connection, a refusal because the file is read-only names the file and why
    (a read-only mount, an immutable file, its permissions).
    """
    text = str(err)
    first = text.splitlines()[0]
    low = text.lower()
    if isinstance(err, duckdb.ConstraintException):
        return InputError(f"not saved: the data breaks a rule of the career file ({first})")
    if "read-only" in low or "read only" in low:
        path = database_path(con) if con is not None else None
        cause = read_only_cause(path) if path else None
        if path and cause:
            return DatabaseUnusableError(f"not saved: {path} is read-only: {cause}")
        return DatabaseUnusableError("not saved: the career file is open read-only; check the file's permissions")
    if "no space left" in low or "file too large" in low or ("disk" in low and "full" in low):
        return DatabaseUnusableError("not saved: the disk is full; free some space and save again "
                                     "(everything saved before is intact)")
    if isinstance(err, duckdb.TransactionException) or "conflict" in low:
        return DatabaseUnusableError("not saved: another window changed the same record at the same moment; "
                                     "reload and save again")
    return DatabaseUnusableError(f"not saved: the career file could not be written ({first})")


CORE_TABLES = (
    "profile",
    "position",
    "skill",
    "skill_assessment",
    "accomplishment",
    "impact_metric",
    "contact",
    "interaction",
    "visibility_item",
    "target_role",
    "opportunity",
    "conversation",
    "ladder_level",
    "competency",
    "level_expectation",
    "promo_case",
    "market_occupation",
    "market_role",
    "market_role_skill",
    "market_technology",
    "market_wage",
    "market_projection",
)


def row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per table, for `careerdata info` (table names come from the allowlist above)."""
    cur = con.cursor()
    return {t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CORE_TABLES}


def frame(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run one parameterised read on its own cursor (safe across Streamlit's threads) as a DataFrame."""
    return con.cursor().execute(sql, params or []).df()


Cursor = duckdb.DuckDBPyConnection  # a cursor already inside `transaction(...)`


def require_row(cur: Cursor, table: str, row_id: int, what: str) -> None:
    """Refuse a write to a row that is gone (deleted in another tab): InputError naming it."""
    assert table in {"contact", "opportunity", "conversation", "conversation_objection", "conversation_rehearsal"}
    if cur.execute(f"SELECT count(*) FROM {table} WHERE id = ?", [row_id]).fetchone()[0] == 0:
        raise InputError(f"{what} {row_id} does not exist (was it deleted?)")


_SCRATCH: list[duckdb.DuckDBPyConnection] = []
_SCRATCH_LOCK = threading.Lock()


def scratch() -> duckdb.DuckDBPyConnection:
    """A fresh cursor on the process's one in-memory database, to run a figure's SQL over a DataFrame
    (`cur.register(name, frame)`; close it after). Opening a database costs tens of milliseconds, a
    cursor on an open one a few; each cursor is its own connection, safe across Streamlit's threads."""
    with _SCRATCH_LOCK:
        if not _SCRATCH:
            _SCRATCH.append(duckdb.connect(":memory:"))
        return _SCRATCH[0].cursor()
