"""DuckDB side of issue 7: the `approval_links` and `changes` tables, and what a diff reads.

ensure_change_tables(con)                    # run by store.connect (schema_changes.sql)
refresh_changes(con)                         # link every submission, recompute its changes
set_manual_link(con, new_id, prior_id)       # `fugi link NEW PRIOR`
query_changes(con, since="2024-01-01", business="区民意見")
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from models.changes import ApprovalLink, FieldChange
from models.record import SubmissionRecord
from pipeline.diff import diff_records
from pipeline.linking import find_priors
from pipeline.process import file_sha256

Con = duckdb.DuckDBPyConnection

_FIND = """
SELECT document_id, title, file_name FROM submissions
WHERE document_id = $k OR document_id LIKE $k || '%' OR file_name = $k
   OR file_name ILIKE '%' || $k || '%' OR title ILIKE '%' || $k || '%'
ORDER BY (document_id = $k) DESC, (file_name = $k) DESC, document_id
LIMIT 50
"""


def ensure_change_tables(con: Con) -> None:
    """Create approval_links, changes and v_changes when missing (idempotent, additive)."""
    have = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name IN ('approval_links', 'changes', 'v_changes')"
    ).fetchone()
    if have and have[0] == 3:
        return  # nothing to write: keeps the lock short for concurrent ingest workers
    ddl = resources.files("pipeline").joinpath("schema_changes.sql").read_text(encoding="utf-8")
    con.execute(ddl)


def find_documents(con: Con, key: str) -> list[tuple[str, str | None, str | None]]:
    """(document_id, title, file_name) matching an id (prefix), a file name or a piece of the title."""
    return [tuple(r) for r in con.execute(_FIND, {"k": key}).fetchall()]  # type: ignore[misc]


def documents_of_file(con: Con, sha256: str) -> list[str]:
    """The document ids a file's bytes produced, in page order."""
    rows = con.execute(
        "SELECT document_id FROM submissions WHERE file_sha256 = ? ORDER BY seq", [sha256]
    ).fetchall()
    return [r[0] for r in rows]


def load_record(con: Con, document_id: str) -> SubmissionRecord:
    row = con.execute(
        "SELECT record FROM submissions WHERE document_id = ?", [document_id]
    ).fetchone()
    if row is None:
        raise KeyError(document_id)
    return SubmissionRecord.model_validate_json(row[0])


def all_records(con: Con) -> list[SubmissionRecord]:
    rows = con.execute("SELECT record FROM submissions ORDER BY document_id").fetchall()
    return [SubmissionRecord.model_validate_json(r[0]) for r in rows]


def save_links(con: Con, new_id: str, links: list[ApprovalLink]) -> None:
    """Replace the automatic links of `new_id`; links set by hand stay."""
    con.execute(
        "DELETE FROM approval_links WHERE new_document_id = ? AND method <> 'manual'", [new_id]
    )
    manual = {
        r[0]
        for r in con.execute(
            "SELECT prior_document_id FROM approval_links WHERE new_document_id = ?", [new_id]
        ).fetchall()
    }
    now = datetime.now(UTC)
    for lk in links:
        if lk.prior_id in manual:
            continue
        con.execute(
            "INSERT INTO approval_links VALUES (?, ?, ?, ?, ?, ?)",
            [lk.new_id, lk.prior_id, lk.method, lk.score, lk.reference, now],
        )


def set_manual_link(con: Con, new_id: str, prior_id: str) -> ApprovalLink:
    """Link by hand: replaces any link between the two; automatic linking never removes it."""
    link = ApprovalLink(new_id=new_id, prior_id=prior_id, method="manual", score=1.0)
    con.execute(
        "DELETE FROM approval_links WHERE new_document_id = ? AND prior_document_id = ?",
        [new_id, prior_id],
    )
    con.execute(
        "INSERT INTO approval_links VALUES (?, ?, 'manual', 1.0, NULL, ?)",
        [new_id, prior_id, datetime.now(UTC)],
    )
    return link


def links_of(con: Con, new_id: str | None = None) -> list[ApprovalLink]:
    sql = "SELECT new_document_id, prior_document_id, method, score, reference FROM approval_links"
    rows = con.execute(
        sql + (" WHERE new_document_id = ?" if new_id else "") + " ORDER BY 1, 2",
        [new_id] if new_id else [],
    ).fetchall()
    return [
        ApprovalLink(new_id=a, prior_id=b, method=m, score=s, reference=r) for a, b, m, s, r in rows
    ]


def save_changes(con: Con, new_id: str, prior_id: str, changes: list[FieldChange]) -> None:
    """Replace the stored changes of one (new, prior) pair."""
    con.execute(
        "DELETE FROM changes WHERE new_document_id = ? AND prior_document_id = ?",
        [new_id, prior_id],
    )
    now = datetime.now(UTC)
    rows = [
        [
            new_id,
            prior_id,
            n,
            c.section_kind,
            c.field,
            c.item,
            _json(c.old),
            _json(c.new),
            c.change_type,
            c.old_section,
            c.new_section,
            c.old_path,
            c.new_path,
            now,
        ]
        for n, c in enumerate(changes, start=1)
    ]
    if rows:
        con.executemany(f"INSERT INTO changes VALUES ({', '.join('?' * 14)})", rows)


def _json(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False)


def refresh_changes(con: Con) -> dict[str, int]:
    """Link every submission to its priors (manual links kept) and recompute all changes."""
    records = all_records(con)
    by_id = {r.document_id: r for r in records}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "DELETE FROM approval_links WHERE new_document_id NOT IN (SELECT document_id FROM submissions) "
            "OR prior_document_id NOT IN (SELECT document_id FROM submissions)"
        )
        con.execute("DELETE FROM changes")
        for rec in records:
            save_links(con, rec.document_id, find_priors(rec, records))
        n = 0
        for lk in links_of(con):
            changes = diff_records(by_id[lk.prior_id], by_id[lk.new_id])
            save_changes(con, lk.new_id, lk.prior_id, changes)
            n += len(changes)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {"submissions": len(records), "links": len(links_of(con)), "changes": n}


def query_changes(
    con: Con, since: str | None = None, business: str | None = None
) -> list[dict[str, Any]]:
    """Stored changes, newest submission first; `since` compares the meeting date (else the
    ingest date) of the new submission, `business` matches its 事業名, 登録業務 or title."""
    sql = """
    SELECT v.new_document_id, v.prior_document_id, v.title, v.business, v.meeting_date,
           v.section_kind, v.field, v.item, v.old, v.new, v.change_type, v.link_method
    FROM v_changes v JOIN submissions s ON s.document_id = v.new_document_id
    WHERE ($since IS NULL OR coalesce(v.meeting_date, CAST(CAST(s.ingested_at AS DATE) AS VARCHAR)) >= $since)
      AND ($biz IS NULL OR v.business ILIKE '%' || $biz || '%' OR v.title ILIKE '%' || $biz || '%'
           OR EXISTS (SELECT 1 FROM sections x WHERE x.document_id = v.new_document_id
                      AND x.registered_business ILIKE '%' || $biz || '%'))
    ORDER BY v.meeting_date DESC NULLS LAST, v.new_document_id, v.change_no
    """
    cur = con.execute(sql, {"since": since, "biz": business})
    cols = [d[0] for d in cur.description]
    out = []
    for row in cur.fetchall():
        d = dict(zip(cols, row, strict=True))
        d["old"] = None if d["old"] is None else json.loads(d["old"])
        d["new"] = None if d["new"] is None else json.loads(d["new"])
        out.append(d)
    return out


def field_boxes(con: Con, document_id: str) -> dict[str, tuple[int, float, float, float, float]]:
    """Provenance path -> (page, x0, y0, x1, y1) for the values that have a box."""
    rows = con.execute(
        "SELECT path, page, x0, y0, x1, y1 FROM provenance WHERE document_id = ? "
        "AND page IS NOT NULL AND x0 IS NOT NULL",
        [document_id],
    ).fetchall()
    return {r[0]: (int(r[1]), float(r[2]), float(r[3]), float(r[4]), float(r[5])) for r in rows}


def source_path(con: Con, document_id: str, db_path: str | Path | None = None) -> Path | None:
    """The PDF the document was read from, as recorded at ingest; a relative path is tried from the
    working directory, then from the database's folder. None when the file is gone."""
    row = con.execute(
        "SELECT f.path, f.file_sha256 FROM submissions s JOIN files f USING (file_sha256) "
        "WHERE s.document_id = ?",
        [document_id],
    ).fetchone()
    if row is None or not row[0]:
        return None
    p = Path(row[0])
    tries = (
        [p]
        if p.is_absolute()
        else [Path.cwd() / p] + ([Path(db_path).parent / p] if db_path else [])
    )
    # the same bytes only: a file edited since ingest would crop the wrong place
    return next((t for t in tries if t.is_file() and file_sha256(t)[0] == row[1]), None)
