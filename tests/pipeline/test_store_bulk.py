"""The writer's Arrow bulk path writes exactly what row-by-row executemany writes."""

from __future__ import annotations

from pathlib import Path

import duckdb
from test_store_factory import make_result

from pipeline import store

_SKIP = {"ingested_at", "loaded_at", "started_at", "finished_at"}


def _tables(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    out = {}
    for (t,) in con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_type = 'BASE TABLE'"
    ).fetchall():
        cols = [
            f'"{c}"'
            for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [t]
            ).fetchall()
            if c not in _SKIP
        ]
        out[t] = sorted(
            repr(r) for r in con.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall()
        )
    con.close()
    return out


def _load(db: Path, monkeypatch, bulk_min: int) -> dict[str, list[str]]:
    monkeypatch.setattr(store, "_BULK_MIN_ROWS", bulk_min)
    con = store.connect(db)
    for name in ("a.pdf", "b.pdf"):
        store.load_document(con, make_result(name, n_records=2))
    store.load_document(con, make_result("a.pdf", n_records=2), force=True)
    con.close()
    return _tables(db)


def test_bulk_and_row_by_row_write_the_same_rows(tmp_path, monkeypatch):
    rows = _load(tmp_path / "rows.duckdb", monkeypatch, 10**9)
    bulk = _load(tmp_path / "bulk.duckdb", monkeypatch, 1)
    assert sum(map(len, rows.values())) > 50  # the fixture fills the child tables
    assert rows == bulk


def test_untypeable_column_falls_back_to_row_by_row(tmp_path):
    con = duckdb.connect(str(tmp_path / "x.duckdb"))
    con.execute("CREATE TABLE t (v VARCHAR, n INTEGER)")
    mixed = [{"v": "a", "n": 1}, {"v": 2, "n": 2}]  # Arrow cannot type a str+int column
    assert not store._insert_arrow(con, 'INSERT INTO t ("v", "n")', ["v", "n"], mixed)
    store._insert(con, "t", mixed * 20)  # above _BULK_MIN_ROWS: Arrow refuses, executemany writes
    assert con.execute("SELECT count(*), count(DISTINCT v) FROM t").fetchone() == (40, 2)
    assert con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal").fetchone() == (0,)
