"""Japanese full-text search: fugi's own inverted index in DuckDB, ranked by BM25.

    index_rows(record, sha)  -> (search_terms rows, search_docs rows)   # at load time
    search(con, "受渡し", fields=["reason"], limit=10) -> [SearchHit(...), ...]

Terms are Sudachi normalized forms (pipeline.tokenize.search_tokens), so 受け渡し and
受渡し, コンピューター and コンピュータ meet on the same term. DuckDB's fts extension is
not used: it cannot be installed offline here and its stemmer does not segment Japanese.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import duckdb
from pydantic import BaseModel

from models.record import SubmissionRecord
from pipeline.store_rows import Row

# field -> what it indexes (see _field_texts)
SEARCH_FIELDS: tuple[str, ...] = (
    "title",
    "business",
    "purpose",
    "subjects",
    "reason",
    "content",
    "data_items",
    "counterparty",
    "checklist",
)
# Searched when no field is named: the checklist's standard measures repeat in every
# document and would swamp the ranking, so they are searched only on request.
DEFAULT_FIELDS: tuple[str, ...] = tuple(f for f in SEARCH_FIELDS if f != "checklist")
BM25_K1 = 1.2
BM25_B = 0.75
# A query term found only inside a longer indexed term counts this much of an exact match.
PARTIAL_WEIGHT = 0.5


class SearchHit(BaseModel):
    document_id: str
    title: str | None
    file_name: str | None
    score: float
    matched_terms: int
    fields: list[str]


def _tokens(text: str) -> list[str]:
    from pipeline.tokenize import search_tokens  # the only module that loads Sudachi

    return [t for t in search_tokens(text) if t.strip()]


def _field_texts(rec: SubmissionRecord) -> dict[str, list[str]]:
    secs = rec.sections
    ov = rec.overview
    parties = [p for s in secs for p in (s.counterparty, s.prime_contractor) if p and p.name]
    texts: dict[str, list[Any]] = {
        "title": [rec.title, *(s.title for s in secs)],
        "business": [ov.business_name, *(s.registered_business for s in secs)],
        "purpose": [ov.purpose],
        "subjects": [ov.data_subjects, *(s.data_subjects for s in secs)],
        "reason": [s.reason for s in secs],
        "content": [ov.description, *ov.agenda, *(s.content for s in secs)],
        "data_items": [d.name for s in secs for d in s.data_items]
        + [r.name for r in rec.record_items],
        "counterparty": [p.name for p in parties],
        "checklist": [t for c in rec.checklists for t in (c.measure, c.note) if t],
    }
    return {k: [t for t in v if t] for k, v in texts.items()}


def index_rows(rec: SubmissionRecord, file_sha256: str) -> tuple[list[Row], list[Row]]:
    """Term frequencies and field lengths of one record, for search_terms / search_docs."""
    terms: list[Row] = []
    docs: list[Row] = []
    key = {"document_id": rec.document_id, "file_sha256": file_sha256}
    for field, texts in _field_texts(rec).items():
        tokens = [t for text in texts for t in _tokens(text)]
        if not tokens:
            continue
        docs.append({**key, "field": field, "length": len(tokens)})
        for term, tf in sorted(Counter(tokens).items()):
            terms.append({**key, "field": field, "term": term, "tf": tf})
    return terms, docs


_BM25_SQL = """
WITH q AS (SELECT DISTINCT unnest($terms::VARCHAR[]) AS qterm),
sel AS (SELECT unnest($fields::VARCHAR[]) AS field),
d AS (
    SELECT document_id, sum(length) AS len FROM search_docs
    WHERE field IN (SELECT field FROM sel) GROUP BY document_id
),
stats AS (SELECT count(*) AS n, avg(len) AS avgdl FROM d),
m AS (
    -- an exact term, or (weighted down) an indexed compound containing the query term:
    -- Sudachi's long units keep メールアドレス whole, and メール should still find it
    SELECT st.document_id, q.qterm, st.field, st.tf,
           CASE WHEN st.term = q.qterm THEN 1.0 ELSE $partial END AS w
    FROM search_terms st JOIN q
      ON st.term = q.qterm OR (length(q.qterm) >= 2 AND contains(st.term, q.qterm))
    WHERE st.field IN (SELECT field FROM sel)
),
t AS (
    SELECT document_id, qterm, sum(tf * w) AS tf, max(w) AS w, list(DISTINCT field) AS fields
    FROM m GROUP BY document_id, qterm
),
df AS (SELECT qterm, count(*) AS df FROM t GROUP BY qterm),
scored AS (
    SELECT t.document_id,
           sum(t.w * ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
               * t.tf * ($k1 + 1) / (t.tf + $k1 * (1 - $b + $b * d.len / stats.avgdl))) AS score,
           count(*) AS matched,
           list_distinct(flatten(list(t.fields))) AS fields
    FROM t JOIN df USING (qterm) JOIN d USING (document_id) CROSS JOIN stats
    GROUP BY t.document_id
)
SELECT s.document_id, sub.title, sub.file_name, s.score, s.matched, list_sort(s.fields)
FROM scored s JOIN submissions sub USING (document_id)
ORDER BY s.matched DESC, s.score DESC, s.document_id
LIMIT $limit
"""


def search(
    con: duckdb.DuckDBPyConnection,
    query: str,
    *,
    fields: Sequence[str] | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    """Documents matching the query's terms, most terms matched first, then by BM25 score."""
    chosen = list(fields) if fields else list(DEFAULT_FIELDS)
    unknown = [f for f in chosen if f not in SEARCH_FIELDS]
    if unknown:
        raise ValueError(
            f"unknown search field(s) {unknown}; choose from {', '.join(SEARCH_FIELDS)}"
        )
    terms = sorted(set(_tokens(query)))
    if not terms:
        return []
    params = {
        "terms": terms,
        "fields": chosen,
        "partial": PARTIAL_WEIGHT,
        "k1": BM25_K1,
        "b": BM25_B,
        "limit": limit,
    }
    rows = con.execute(_BM25_SQL, params).fetchall()
    return [
        SearchHit(
            document_id=r[0],
            title=r[1],
            file_name=r[2],
            score=float(r[3]),
            matched_terms=r[4],
            fields=r[5],
        )
        for r in rows
    ]
