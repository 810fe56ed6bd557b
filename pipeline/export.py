"""Export the database: JSON Lines of the canonical record, or Parquet via DuckDB COPY.

export_jsonl(con, sys.stdout)                      # one SubmissionRecord per line
export_parquet(con, Path("subs.parquet"))          # the submissions table
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import duckdb

from models.record import SubmissionRecord
from pipeline.store_rows import CHILD_TABLES

# What `fugi export --format parquet --table` may copy: every stored table and view.
EXPORT_TABLES = (
    "submissions",
    *CHILD_TABLES,
    "files",
    "quarantine",
    "ingest_runs",
    "approval_links",
    "changes",
    "v_outsourcing",
    "v_data_items",
    "v_checklist",
    "v_changes",
)
_BATCH = 500
_PROV_COLS = "path, page, x0, y0, x1, y1, extraction, engine, confidence"


def export_jsonl(
    con: duckdb.DuckDBPyConnection, out: TextIO, *, with_provenance: bool = False
) -> int:
    """Write every record as SCHEMA.md JSON, sorted by document_id; returns the count."""
    n = 0
    # A separate cursor: the provenance look-ups must not replace the records' result set.
    cur = con.cursor().execute("SELECT document_id, record FROM submissions ORDER BY document_id")
    while batch := cur.fetchmany(_BATCH):
        for doc_id, raw in batch:
            obj = SubmissionRecord.model_validate_json(raw).model_dump(mode="json")
            if with_provenance:
                obj["provenance"] = _provenance(con, doc_id)
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n += 1
    return n


def _provenance(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict]:
    cur = con.execute(
        f"SELECT {_PROV_COLS} FROM provenance WHERE document_id = ? ORDER BY path", [doc_id]
    )
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, *, table: str = "submissions") -> int:
    """COPY one table or view to a Parquet file; returns its row count."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown table {table!r}; choose from {', '.join(EXPORT_TABLES)}")
    # COPY cannot take the file name as a bound parameter; quote it as a SQL string literal.
    target = str(out).replace("'", "''")
    order = (
        " ORDER BY document_id"
        if table in ("submissions", "v_outsourcing", "v_data_items", "v_checklist")
        else ""
    )
    con.execute(f"COPY (SELECT * FROM {table}{order}) TO '{target}' (FORMAT parquet)")
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
