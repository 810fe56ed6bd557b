"""DuckDB as fugi's system of record: schema, connections with lock retry, loading one file.

    con = connect("fugi.duckdb")               # creates / checks the schema
    outcome = load_document(con, result)       # "loaded" | "replaced" | "skipped" | "quarantined"
    con.close()

One transaction per file, keyed by the file's sha256; see docs/STORE.md.
"""

from __future__ import annotations

import os
import random
import re
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import duckdb

from models import __version__
from models.errors import FugiError, TransientError
from models.results import DocumentResult
from pipeline.changes_store import ensure_change_tables as _ensure_change_tables
from pipeline.store_rows import CHILD_TABLES, Row, record_rows, submission_row

SCHEMA_VERSION = "1"
LOCK_WAIT_SECONDS = 10.0
_LOCK_POLL = 0.1
# Tables holding a file's rows (deleted together when a file is re-loaded).
FILE_TABLES = ("files", "submissions", *CHILD_TABLES, "search_terms", "search_docs")

# Below this many rows a table's rows go through executemany (no Arrow set-up cost).
_BULK_MIN_ROWS = 16

LoadOutcome = Literal["loaded", "replaced", "skipped", "quarantined"]


class StoreLockedError(TransientError):
    """Another process holds the database file (a running `fugi ingest`, usually)."""


class StoreError(FugiError):
    """The database cannot be used as it is (wrong schema version, missing file)."""


def lock_wait() -> float:
    """Seconds to wait for another process's lock: $FUGI_LOCK_WAIT, else 10."""
    try:
        return float(os.environ.get("FUGI_LOCK_WAIT") or LOCK_WAIT_SECONDS)
    except ValueError:
        return LOCK_WAIT_SECONDS


def connect(
    db_path: str | Path,
    read_only: bool = False,
    *,
    wait: float | None = None,
    sandbox: bool = False,
) -> duckdb.DuckDBPyConnection:
    """Open the database; retry while another process holds its lock, up to `wait` seconds
    (default lock_wait()). `sandbox` also disables DuckDB's file system access, so a
    user's SQL can neither write files (COPY … TO) nor read other ones (read_csv, ATTACH)."""
    wait = lock_wait() if wait is None else wait
    path = Path(db_path)
    if read_only and not path.exists():
        raise StoreError(
            f"{path}: no such database; create it with `fugi ingest PDFs --db {path}`."
        )
    deadline = time.monotonic() + wait
    while True:
        try:
            config: dict[str, str | bool | int | float | list[str]] = (
                {"enable_external_access": False} if sandbox else {}
            )
            con = duckdb.connect(str(path), read_only=read_only, config=config)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise StoreError(f"{path}: cannot open the database ({exc}).") from exc
            if time.monotonic() >= deadline:
                raise StoreLockedError(_lock_message(path, str(exc), wait), file=str(path)) from exc
            # Jittered polls: a writer that closes and reopens at once still lets others in.
            time.sleep(_LOCK_POLL * random.uniform(0.2, 1.0))
    if not read_only:
        try:
            ensure_schema(con)
            _ensure_change_tables(con)  # issue 7: approval_links, changes (schema_changes.sql)
        except Exception:
            con.close()
            raise
    return con


def _lock_message(path: Path, error: str, wait: float) -> str:
    m = re.search(r"held in (.+?) \(PID (\d+)\)", error)
    holder = f"process {m.group(2)} ({m.group(1)})" if m else "another process"
    return (
        f"{path}: the database is locked by {holder}, probably a running `fugi ingest`; "
        f"waited {wait:.0f} s. Try again when it has finished, or use another --db file."
    )


@contextmanager
def opened(
    db_path: str | Path, read_only: bool = False, *, sandbox: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """`with opened(db) as con:` — connect, and always close (releases the file lock)."""
    con = connect(db_path, read_only=read_only, sandbox=sandbox)
    try:
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables and views on a new file; refuse a file from another schema version."""
    found = _schema_version(con)
    if found == SCHEMA_VERSION:
        return
    if found is not None:
        raise StoreError(
            f"the database has fugi schema version {found}, this fugi writes {SCHEMA_VERSION}; "
            "ingest into a new --db file."
        )
    ddl = resources.files("pipeline").joinpath("schema.sql").read_text(encoding="utf-8")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(ddl)
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?), ('created_by', ?)",
            [SCHEMA_VERSION, __version__],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def _schema_version(con: duckdb.DuckDBPyConnection) -> str | None:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()
    if not exists or not exists[0]:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return row[0] if row else None


def file_states(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str]]:
    """sha256 -> ("loaded" | "quarantined", fugi_version) for every file the database knows."""
    out: dict[str, tuple[str, str]] = {}
    for sha, ver in con.execute("SELECT file_sha256, fugi_version FROM quarantine").fetchall():
        out[sha] = ("quarantined", ver)
    for sha, ver in con.execute("SELECT file_sha256, fugi_version FROM files").fetchall():
        out[sha] = ("loaded", ver)  # a loaded file wins over a stale quarantine row
    return out


def quarantine_reasons(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """sha256 -> quarantine reason, for every quarantined file."""
    return dict(con.execute("SELECT file_sha256, reason FROM quarantine").fetchall())


def load_document(
    con: duckdb.DuckDBPyConnection,
    result: DocumentResult,
    *,
    run_id: str | None = None,
    force: bool = False,
) -> LoadOutcome:
    """Write one file's result in one transaction: skip, replace, load or quarantine.

    force=True replaces a file loaded by the same fugi version (re-ingest with new settings).
    """
    con.execute("BEGIN TRANSACTION")
    try:
        outcome = _load(con, result, run_id, force)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return outcome


def _load(
    con: duckdb.DuckDBPyConnection, result: DocumentResult, run_id: str | None, force: bool
) -> LoadOutcome:
    sha = result.sha256
    row = con.execute("SELECT fugi_version FROM files WHERE file_sha256 = ?", [sha]).fetchone()
    now = datetime.now(UTC)
    same_version = row is not None and row[0] == result.fugi_version
    if result.status == "quarantined":
        if same_version and not force:
            return "skipped"  # the same bytes loaded fine with this version before
        # Rows loaded before are kept: a failing re-run never destroys good data.
        _insert(con, "quarantine", [_quarantine_row(result, now, run_id)], replace=True)
        return "quarantined"
    if same_version and not force:
        return "skipped"
    for table in (*FILE_TABLES, "quarantine"):
        con.execute(f"DELETE FROM {table} WHERE file_sha256 = ?", [sha])
    _insert(con, "files", [_file_row(result, now, run_id)])
    for seq, mapped in enumerate(result.records, start=1):
        sub = submission_row(mapped.record, sha, seq)
        sub.update(fugi_version=result.fugi_version, ingested_at=now, ingest_run_id=run_id)
        _insert(con, "submissions", [sub])
        for table, rows in record_rows(mapped, sha).items():
            _insert(con, table, rows)
        _insert_search(con, mapped, sha)
    return "replaced" if row is not None else "loaded"


def _insert_search(con: duckdb.DuckDBPyConnection, mapped: Any, sha: str) -> None:
    from pipeline.search import index_rows

    terms, docs = index_rows(mapped.record, sha)
    _insert(con, "search_terms", terms)
    _insert(con, "search_docs", docs)


def _insert(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[Row], *, replace: bool = False
) -> None:
    if not rows:
        return
    cols = list(rows[0])
    names = ", ".join(f'"{c}"' for c in cols)
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    if len(rows) >= _BULK_MIN_ROWS and _insert_arrow(
        con, f"{verb} INTO {table} ({names})", cols, rows
    ):
        return
    marks = ", ".join("?" for _ in cols)
    con.executemany(
        f"{verb} INTO {table} ({names}) VALUES ({marks})", [[r[c] for c in cols] for r in rows]
    )


def _insert_arrow(
    con: duckdb.DuckDBPyConnection, into: str, cols: list[str], rows: list[Row]
) -> bool:
    """Insert many rows as one Arrow batch (executemany runs one statement per row).

    Returns False, having written nothing, when Arrow cannot type a column (mixed Python
    types in one column, say): the caller then inserts row by row. DuckDB casts each Arrow
    column to the table's type, as it does for the bound parameters of executemany.
    """
    import pyarrow as pa

    try:
        batch = pa.table({c: [r[c] for r in rows] for c in cols})
    except (pa.ArrowException, TypeError, ValueError):
        return False
    view = f"_fugi_rows_{uuid.uuid4().hex}"
    con.register(view, batch)
    try:
        select = ", ".join(f'"{c}"' for c in cols)
        con.execute(f"{into} SELECT {select} FROM {view}")
    finally:
        con.unregister(view)
    return True


def _absolute(path: str) -> str:
    """The input's absolute path, so reports can find the PDF again from another folder."""
    return str(Path(path).resolve()) if path else path


def _file_row(result: DocumentResult, now: datetime, run_id: str | None) -> Row:
    return {
        "file_sha256": result.sha256,
        "file_name": result.file_name,
        "path": _absolute(result.file),
        "size": result.size,
        "page_count": result.page_count,
        "n_submissions": len(result.records),
        "ocr_pages": result.ocr_pages,
        "seconds": result.seconds,
        "fugi_version": result.fugi_version,
        "ingested_at": now,
        "ingest_run_id": run_id,
    }


def _quarantine_row(result: DocumentResult, now: datetime, run_id: str | None) -> Row:
    return {
        "file_sha256": result.sha256,
        "file_name": result.file_name,
        "path": _absolute(result.file),
        "size": result.size,
        "reason": result.reason,
        "error_class": result.error_class,
        "message": result.message,
        "fugi_version": result.fugi_version,
        "quarantined_at": now,
        "ingest_run_id": run_id,
    }


def start_run(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[str],
    workers: int,
    flow_run_id: str | None = None,
) -> str:
    """Record the start of an ingest run; returns its id."""
    run_id = uuid.uuid4().hex[:16]
    con.execute(
        "INSERT INTO ingest_runs (run_id, flow_run_id, started_at, paths, workers, fugi_version) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [run_id, flow_run_id, datetime.now(UTC), list(paths), workers, __version__],
    )
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, counts: dict[str, int]) -> None:
    """Store the finished run's counts (n_files, n_loaded, n_skipped, n_quarantined, …)."""
    keys = (
        "n_files",
        "n_loaded",
        "n_skipped",
        "n_quarantined",
        "n_submissions",
        "n_pages",
        "n_ocr_pages",
    )
    sets = ", ".join(f"{k} = ?" for k in keys)
    con.execute(
        f"UPDATE ingest_runs SET finished_at = ?, {sets} WHERE run_id = ?",
        [datetime.now(UTC), *[counts.get(k, 0) for k in keys], run_id],
    )


def totals(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Database-wide row counts: files, submissions, sections, parties, data items, …"""
    q = {
        "files": "SELECT count(*) FROM files",
        "submissions": "SELECT count(*) FROM submissions",
        "sections": "SELECT count(*) FROM sections",
        "parties": "SELECT count(*) FROM parties",
        "distinct_party_names": "SELECT count(DISTINCT name) FROM parties WHERE name IS NOT NULL",
        "data_items": "SELECT count(*) FROM data_items",
        "checklist_rows": "SELECT count(*) FROM checklist_items",
        "warnings": "SELECT count(*) FROM warnings",
        "pages": "SELECT coalesce(sum(page_count), 0) FROM files",
        "ocr_pages": "SELECT coalesce(sum(len(ocr_pages)), 0) FROM files",
        "quarantined": "SELECT count(*) FROM quarantine",
    }
    return {k: int(con.execute(sql).fetchone()[0]) for k, sql in q.items()}  # type: ignore[index]


def write_result(
    db_path: str | Path, result: DocumentResult, run_id: str | None = None, force: bool = False
) -> LoadOutcome:
    """Open the file, write one document, close: the lock is held only while writing."""
    with opened(db_path) as con:
        return load_document(con, result, run_id=run_id, force=force)
