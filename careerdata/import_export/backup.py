"""Full backup and exact restore: one Parquet file per table (DuckDB's own COPY) plus a manifest.

manifest.json records the format, the schema version (and every migration applied), when
the backup was made, and per table its row count and the file's SHA-256; sequences are
recorded too, so ids handed out after a restore never collide with restored ones.

A restore builds a new file next to the target and moves it into place only when every
table has loaded and its row count matches the manifest; a backup from a newer schema, a
damaged file or a count mismatch is refused and the target is left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import duckdb

from careerdata.core import errors
from careerdata.core.progress import Progress
from careerdata.store import db

FORMAT = "careerdata-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def _sql_string(value: str) -> str:
    """A file path as a SQL string literal (COPY ... TO takes no parameters)."""
    return "'" + value.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def base_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every table of the career file (from DuckDB's own catalog; views are derived and skipped)."""
    rows = con.cursor().execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' "
        "AND table_catalog = current_database() ORDER BY table_name").fetchall()
    return [r[0] for r in rows]


def _sequences(con: duckdb.DuckDBPyConnection) -> dict[str, int | None]:
    rows = con.cursor().execute(
        "SELECT sequence_name, last_value FROM duckdb_sequences() WHERE database_name = current_database() "
        "AND schema_name = 'main' ORDER BY sequence_name").fetchall()
    return {name: last for name, last in rows}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_backup(con: duckdb.DuckDBPyConnection, folder: Path, progress: Progress | None = None) -> dict:
    """Write every table to `folder` (which must not exist yet, or be empty); return the manifest."""
    tables = base_tables(con)
    versions = sorted(r[0] for r in con.cursor().execute("SELECT version FROM schema_version").fetchall())
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": max(versions, default=0),
        "migrations": versions,
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "tables": {},
        "sequences": _sequences(con),
    }
    cur = con.cursor()
    cur.execute("BEGIN TRANSACTION")  # one consistent snapshot of every table
    try:
        for n, table in enumerate(tables, start=1):
            file = folder / f"{table}.parquet"
            cur.execute(f"COPY {_ident(table)} TO {_sql_string(str(file))} (FORMAT parquet)")
            rows = cur.execute(f"SELECT count(*) FROM {_ident(table)}").fetchone()[0]
            manifest["tables"][table] = {"file": file.name, "rows": rows, "sha256": _sha256(file)}
            if progress:
                progress(n, len(tables), table)
    finally:
        cur.execute("ROLLBACK")
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def backup(con: duckdb.DuckDBPyConnection, folder: Path | str, progress: Progress | None = None) -> dict:
    """`careerdata backup DIR`: build the backup in a temporary folder beside DIR, then rename it."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise errors.InputError(f"{folder} already exists and is not an empty folder; choose a new folder for the backup")
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.with_name(f".{folder.name}.{os.getpid()}.partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        manifest = write_backup(con, tmp, progress)
        if folder.exists():
            folder.rmdir()
        os.replace(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return manifest


def backup_zip(con: duckdb.DuckDBPyConnection, progress: Progress | None = None) -> bytes:
    """The same backup as one zip (for a download button): the files at the top level."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="careerdata-backup-") as tmp:
        write_backup(con, Path(tmp), progress)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:  # Parquet is compressed already
            for file in sorted(Path(tmp).iterdir()):
                zf.write(file, file.name)
        return out.getvalue()


# --- restore ----------------------------------------------------------------------------------

def read_manifest(folder: Path) -> dict:
    """The manifest, checked: our format, a schema this code knows, files present and intact."""
    path = folder / MANIFEST
    if not folder.is_dir():
        raise errors.InputError(f"{folder}: no such backup folder")
    if not path.exists():
        raise errors.InputError(f"{folder}: no {MANIFEST}; this is not a careerdata backup folder")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise errors.InputError(f"{path}: not valid JSON ({err})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise errors.InputError(f"{path}: not a careerdata backup manifest (format is not {FORMAT!r})")
    if not isinstance(manifest.get("format_version"), int) or manifest["format_version"] > FORMAT_VERSION:
        raise errors.SchemaTooNewError(f"{path}: backup format {manifest.get('format_version')!r} is newer than this "
                                   "careerdata understands; upgrade careerdata to restore it. Nothing was changed.")
    versions = manifest.get("migrations")
    tables = manifest.get("tables")
    if not isinstance(versions, list) or not all(isinstance(v, int) for v in versions) or not isinstance(tables, dict):
        raise errors.InputError(f"{path}: the manifest is incomplete (migrations and tables are needed)")
    known = {v for v, _, _ in db.MIGRATIONS}
    unknown = sorted(set(versions) - known)
    if unknown:
        raise errors.SchemaTooNewError(
            f"{folder} is a backup of schema version {max(versions)}, but this careerdata understands up to "
            f"{db.LATEST_VERSION}. Upgrade careerdata to restore it; nothing was changed.")
    for table, info in tables.items():
        if not isinstance(info, dict) or not {"file", "rows", "sha256"} <= set(info):
            raise errors.InputError(f"{path}: table {table!r} is missing its file, rows or sha256")
        file = folder / str(info["file"])
        if Path(str(info["file"])).name != str(info["file"]) or not file.exists():
            raise errors.InputError(f"{folder}: {info['file']} is missing from the backup")
        if _sha256(file) != info["sha256"]:
            raise errors.InputError(f"{file}: damaged (its checksum does not match the manifest)")
    return manifest


def restore(folder: Path | str, target: Path | str, *, force: bool = False,
            progress: Progress | None = None) -> dict[str, int]:
    """`careerdata restore DIR`: rebuild the career file at `target` from a backup folder.

    The new file is built beside the target and replaces it only when complete and checked.
    An older backup is restored at its own schema version and then upgraded like any older file.
    """
    folder, target = Path(folder), Path(target)
    manifest = read_manifest(folder)
    if target.exists() and not force:
        raise errors.InputError(f"{target} already exists; pass --force to replace it with the backup "
                            "(its current data will be lost)")
    if target.exists():
        _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with db.built_beside(target, "restoring") as tmp:
        con = db.connect(tmp, migrate_to=max(manifest["migrations"], default=0))
        try:
            counts = _load(con, folder, manifest, progress)
            db.migrate(con, tmp)  # bring an older backup up to this version, in one transaction
            con.execute("CHECKPOINT")
        finally:
            con.close()
    return counts


def _check_replaceable(target: Path) -> None:
    """Refuse to replace a file another process has open (or that is not a DuckDB file), without touching it."""
    try:
        db.connect_raw(target, read_only=True).close()
    except duckdb.Error as err:
        raise db.classify(err, target) from None


def tables_by_migration() -> dict[str, int]:
    """{table: the migration that creates it}, found by applying the migrations one by one to a
    scratch in-memory database (the migrations are the one definition of the schema)."""
    made: dict[str, int] = {"schema_version": 0}
    scratch = duckdb.connect(":memory:", config=db.CONNECT_CONFIG)
    try:
        for version, _, _ in db.MIGRATIONS:
            db.migrate(scratch, target=version)
            for table in base_tables(scratch):
                made.setdefault(table, version)
    finally:
        scratch.close()
    return made


def _columns(cur: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> set[str]:
    cur.execute(sql, params or [])
    return {d[0] for d in cur.description}


def check_backup(con: duckdb.DuckDBPyConnection, folder: Path, manifest: dict) -> None:
    """Hold the backup to the schema version it claims, not to its own manifest's word.

    `con` is a fresh file at that version. Every table the claimed migrations create must be in
    the backup, with a Parquet file whose columns are that table's columns (a subset when the
    backup skipped a migration numbered below its newest) and whose row count is the manifest's.
    """
    claimed = set(manifest["migrations"])
    created_by = tables_by_migration()
    present = set(base_tables(con))
    tables = manifest["tables"]
    unknown = sorted(set(tables) - present)
    if unknown:
        raise errors.InputError(f"{folder}: table {unknown[0]!r} in the backup does not exist at its schema version")
    expected = sorted(t for t in present if created_by.get(t, 0) in claimed | {0})
    missing = [t for t in expected if t not in tables]
    if missing:
        raise errors.InputError(
            f"{folder}: the backup claims schema version {max(claimed, default=0)} but has no "
            f"{', '.join(missing[:3])}{' and more' if len(missing) > 3 else ''} table; it is incomplete or was "
            "edited. Nothing was changed.")
    gaps = {v for v, _, _ in db.MIGRATIONS if v <= max(claimed, default=0)} - claimed
    cur = con.cursor()
    for table, info in sorted(tables.items()):
        path = str(folder / info["file"])
        try:
            have = _columns(cur, "SELECT * FROM read_parquet(?) LIMIT 0", [path])
            rows = cur.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()[0]
        except duckdb.Error as err:
            raise errors.InputError(f"{info['file']}: not a readable Parquet file ({str(err).splitlines()[0]})") from None
        want = _columns(cur, f"SELECT * FROM {_ident(table)} LIMIT 0")
        extra, lacking = sorted(have - want), sorted(want - have)
        if extra or (lacking and not gaps):
            what = f"column {extra[0]!r} that {table} does not have" if extra else f"no column {lacking[0]!r}"
            raise errors.InputError(f"{info['file']}: has {what} at schema version {max(claimed, default=0)}; "
                                    "the backup was edited or damaged. Nothing was changed.")
        if not isinstance(info["rows"], int) or rows != info["rows"]:
            raise errors.InputError(f"{info['file']}: holds {rows} rows but the manifest says {info['rows']}; "
                                    "nothing was changed")


def _load(con: duckdb.DuckDBPyConnection, folder: Path, manifest: dict, progress: Progress | None) -> dict[str, int]:
    check_backup(con, folder, manifest)
    tables = manifest["tables"]
    counts: dict[str, int] = {}
    fresh_versions = con.cursor().execute(
        "SELECT version, description, applied_at FROM schema_version ORDER BY version").fetchall()
    with db.transaction(con) as cur:
        for n, (table, info) in enumerate(sorted(tables.items()), start=1):
            path = str(folder / info["file"])
            cur.execute(f"DELETE FROM {_ident(table)}")  # schema_version and anything migrations seeded
            try:
                cur.execute(f"INSERT INTO {_ident(table)} BY NAME SELECT * FROM read_parquet(?)", [path])
            except duckdb.Error as err:
                raise errors.InputError(f"{info['file']}: cannot be restored ({str(err).splitlines()[0]})") from None
            rows = cur.execute(f"SELECT count(*) FROM {_ident(table)}").fetchone()[0]
            if rows != info["rows"]:
                raise errors.InputError(f"{info['file']}: {rows} rows restored but the manifest says {info['rows']}")
            counts[table] = rows
            if progress:
                progress(n, len(tables), table)
        if "schema_version" not in tables:
            raise errors.InputError(f"{folder}: the backup has no schema_version table")
        # Migrations this build applied below the backup's version that the backup did not have
        # (their tables are empty) stay recorded, so they are not applied a second time.
        restored = {r[0] for r in cur.execute("SELECT version FROM schema_version").fetchall()}
        if restored != set(manifest["migrations"]):
            raise errors.InputError(f"{folder}: its schema_version table lists migrations {sorted(restored)} but the "
                                    f"manifest claims {sorted(manifest['migrations'])}; nothing was changed")
        for version, description, applied_at in fresh_versions:
            if version not in restored:
                cur.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                            [version, description, applied_at])
        # Sequences continue where the backup left off, so new ids never collide with restored ones.
        existing = _sequences(con)
        for name, last in (manifest.get("sequences") or {}).items():
            if name in existing and isinstance(last, int):
                need = last - (existing[name] or 0)
                if need > 0:
                    cur.execute(f"SELECT max(nextval({_sql_string(name)})) FROM range(?)", [need])
    return counts
