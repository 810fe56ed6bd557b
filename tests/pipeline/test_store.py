"""The DuckDB store on a real file: idempotence, version replacement, quarantine, locking."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from test_store_factory import make_quarantined, make_result

from pipeline import search as search_mod
from pipeline import store

TABLES = (
    "files",
    "submissions",
    "sections",
    "data_items",
    "parties",
    "periods",
    "checklist_items",
    "record_items",
    "change_marks",
    "prior_approvals",
    "warnings",
    "provenance",
    "counts",
    "schedule",
    "search_terms",
    "search_docs",
    "quarantine",
)


@pytest.fixture(autouse=True)
def _plain_tokens(monkeypatch):
    # The store's tests are about rows, not Japanese tokenisation: isolate them from Sudachi.
    monkeypatch.setattr(search_mod, "_tokens", lambda s: [s[i : i + 2] for i in range(len(s) - 1)])


def _counts(db: Path) -> dict[str, int]:
    with store.opened(db, read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _ids(db: Path) -> list[str]:
    with store.opened(db, read_only=True) as con:
        return [
            r[0] for r in con.execute("SELECT document_id FROM submissions ORDER BY 1").fetchall()
        ]


def test_load_writes_every_table(tmp_path):
    db = tmp_path / "f.duckdb"
    assert store.write_result(db, make_result("a", n_records=2)) == "loaded"
    c = _counts(db)
    assert c["submissions"] == 2 and c["files"] == 1
    assert c["sections"] == 4 and c["parties"] == 2 and c["data_items"] == 12
    assert c["checklist_items"] == 4 and c["provenance"] == 2 and c["search_terms"] > 0
    with store.opened(db, read_only=True) as con:
        ids = [
            r[0] for r in con.execute("SELECT document_id FROM submissions ORDER BY seq").fetchall()
        ]
        assert ids[1] == ids[0] + "#2"
        rec = json.loads(con.execute("SELECT record FROM submissions LIMIT 1").fetchone()[0])
        assert rec["sections"][1]["counterparty"]["name"] == "株式会社両備システムズ"
        out = con.execute(
            "SELECT counterparty, data_items, period_start FROM v_outsourcing ORDER BY document_id"
        ).fetchall()
        assert out[0] == ("株式会社両備システムズ", ["氏名", "電話番号"], "2026-03-01")
        marks = con.execute(
            "SELECT mark, count(*) FROM v_checklist GROUP BY 1 ORDER BY 1"
        ).fetchall()
        assert marks == [("applicable", 2), ("not_applicable", 2)]
        kinds = con.execute("SELECT DISTINCT section_kind FROM v_data_items ORDER BY 1").fetchall()
        assert kinds == [("業務委託",), ("電算処理",)]


def test_reingest_same_version_changes_nothing(tmp_path):
    db = tmp_path / "f.duckdb"
    store.write_result(db, make_result("a", n_records=2))
    store.write_result(db, make_result("b"))
    before, ids = _counts(db), _ids(db)
    with store.opened(db, read_only=True) as con:
        stamp = con.execute("SELECT max(ingested_at) FROM submissions").fetchone()[0]
    assert store.write_result(db, make_result("a", n_records=2)) == "skipped"
    assert _counts(db) == before and _ids(db) == ids
    with store.opened(db, read_only=True) as con:
        assert con.execute("SELECT max(ingested_at) FROM submissions").fetchone()[0] == stamp


def test_new_version_replaces_all_rows_of_the_file(tmp_path, monkeypatch):
    db = tmp_path / "f.duckdb"
    store.write_result(db, make_result("a", n_records=2, version="0.1.0"))
    store.write_result(db, make_result("b", version="0.1.0"))
    before = _counts(db)
    # The new version maps the file to one submission with a different contractor.
    new = make_result("a", n_records=1, version="0.2.0", contractor="富士通Japan株式会社")
    assert store.write_result(db, new) == "replaced"
    after = _counts(db)
    assert after["submissions"] == before["submissions"] - 1
    with store.opened(db, read_only=True) as con:
        vers = con.execute(
            "SELECT DISTINCT fugi_version FROM submissions WHERE file_sha256 = ?", [new.sha256]
        ).fetchall()
        assert vers == [("0.2.0",)]
        names = {r[0] for r in con.execute("SELECT name FROM parties").fetchall()}
        assert names == {"富士通Japan株式会社", "株式会社両備システムズ"}  # b keeps its own
        stale = con.execute(
            "SELECT count(*) FROM sections WHERE document_id LIKE '%#2'"
        ).fetchone()[0]
        assert stale == 0


def test_quarantine_then_successful_load_replaces_it(tmp_path):
    db = tmp_path / "f.duckdb"
    assert store.write_result(db, make_quarantined("a")) == "quarantined"
    assert _counts(db)["quarantine"] == 1
    assert store.write_result(db, make_result("a")) == "loaded"
    c = _counts(db)
    assert c["quarantine"] == 0 and c["submissions"] == 1
    with store.opened(db, read_only=True) as con:
        assert store.file_states(con) == {make_result("a").sha256: ("loaded", "0.1.0")}


def test_kill_mid_batch_leaves_only_whole_documents(tmp_path):
    db = tmp_path / "f.duckdb"
    here = Path(__file__).parent
    script = f"""
import sys; sys.path.insert(0, {str(here)!r})
from pipeline import search, store
search._tokens = lambda s: [s[i:i+2] for i in range(len(s) - 1)]
from test_store_factory import make_result
con = store.connect({str(db)!r})
i = 0
while True:
    store.load_document(con, make_result(f"doc{{i}}", n_records=3))
    i += 1
    if i == 3:
        print("ready", flush=True)
"""
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.4)
    proc.kill()
    proc.wait()
    with store.opened(db, read_only=True) as con:
        n_files = con.execute("SELECT count(*) FROM files").fetchone()[0]
        assert n_files >= 3
        per_file = con.execute(
            "SELECT f.file_sha256, f.n_submissions, count(s.document_id) FROM files f "
            "LEFT JOIN submissions s USING (file_sha256) GROUP BY ALL"
        ).fetchall()
        assert all(n == 3 == m for _, n, m in per_file)
        per_doc = con.execute(
            "SELECT s.document_id, (SELECT count(*) FROM sections x WHERE x.document_id = s.document_id),"
            " (SELECT count(*) FROM checklist_items x WHERE x.document_id = s.document_id),"
            " (SELECT count(*) FROM data_items x WHERE x.document_id = s.document_id),"
            " (SELECT count(*) FROM search_docs x WHERE x.document_id = s.document_id) FROM submissions s"
        ).fetchall()
        assert per_doc and all(r[1:4] == (2, 2, 6) and r[4] > 0 for r in per_doc)
        orphans = con.execute(
            "SELECT count(*) FROM sections WHERE document_id NOT IN (SELECT document_id FROM submissions)"
        ).fetchone()[0]
        assert orphans == 0


def test_second_writer_waits_then_fails_clearly(tmp_path):
    db = tmp_path / "f.duckdb"
    store.write_result(db, make_result("a"))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        t0 = time.monotonic()
        with pytest.raises(store.StoreLockedError) as err:
            store.connect(db, wait=1.0)
        assert time.monotonic() - t0 >= 0.9
        msg = str(err.value)
        assert str(db) in msg and f"process {holder.pid}" in msg and "fugi ingest" in msg
        with pytest.raises(store.StoreLockedError):
            store.connect(db, read_only=True, wait=0.2)
    finally:
        holder.kill()
        holder.wait()
    # Once the holder is gone the writer gets in.
    assert store.write_result(db, make_result("b")) == "loaded"


def test_writer_waits_for_a_short_lock(tmp_path):
    db = tmp_path / "f.duckdb"
    store.write_result(db, make_result("a"))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(1.0)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    assert store.write_result(db, make_result("b")) == "loaded"  # waited < 10 s, then wrote
    holder.wait()
    assert len(_ids(db)) == 2


def test_other_schema_version_is_refused(tmp_path):
    db = tmp_path / "f.duckdb"
    store.write_result(db, make_result("a"))
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(store.StoreError, match="schema version 0"):
        store.connect(db)


def test_two_writers_at_once_interleave_without_duplicates(tmp_path):
    """Two processes loading overlapping files into one database: both finish, no duplicates."""
    db = tmp_path / "f.duckdb"
    here = Path(__file__).parent
    script = """
import sys; sys.path.insert(0, {here!r})
from pipeline import search, store
search._tokens = lambda s: [s[i:i+2] for i in range(len(s) - 1)]
from test_store_factory import make_result
for i in {order}:
    store.write_result({db!r}, make_result(f"doc{{i}}", n_records=2))
"""
    # Back-to-back writes are harsher than a real ingest (which processes a PDF between
    # writes): allow more than the default 10 s of waiting on a loaded machine.
    env = {**os.environ, "FUGI_LOCK_WAIT": "60"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script.format(here=str(here), db=str(db), order=order)],
            env=env,
        )
        for order in ("range(12)", "reversed(range(12))")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    c = _counts(db)
    assert c["files"] == 12 and c["submissions"] == 24 and c["sections"] == 48
    with store.opened(db, read_only=True) as con:
        dup = con.execute(
            "SELECT count(*) - count(DISTINCT document_id) FROM submissions"
        ).fetchone()[0]
        assert dup == 0


def test_v_data_items_groups_spelling_variants(tmp_path):
    db = tmp_path / "f.duckdb"
    store.write_result(db, make_result("a", items=("カナ氏名", "メールアドレス")))
    store.write_result(db, make_result("b", items=("ｶﾅ氏名", "メール・アドレス")))
    with store.opened(db, read_only=True) as con:
        rows = con.execute(
            "SELECT item_key, count(DISTINCT document_id), list(DISTINCT item ORDER BY item) FROM v_data_items"
            " WHERE section_kind = '電算処理' AND item NOT IN ('氏名') GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert [(r[1], len(r[2])) for r in rows] == [(2, 2), (2, 2)]
