"""`fugi ingest --dask` on a local Dask cluster of two worker processes: the same flow, its
first-pass, OCR-page and mapping tasks run on the Dask workers (recorded as Prefect task
runs), results staged as JSON, one loader writing DuckDB; a worker that dies on a document
quarantines that document only."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import dask
import duckdb
import pytest

from pipeline.process import file_sha256, process_document

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples"
FUGI = [sys.executable, "-c", "from flows.cli import main; main()"]


def _local_cluster(monkeypatch, tmp_path, n_workers: int, saturation: float = 1.0):  # type: ignore[no-untyped-def]
    from distributed import LocalCluster

    # The workers' environment: the test hook makes the task of crash.pdf abort its worker.
    shutil.copy(SAMPLES / "good" / "003_ikiiki_hiking.pdf", tmp_path / "crash.pdf")
    monkeypatch.setenv("FUGI_TEST_HOOKS", f"crash:{file_sha256(tmp_path / 'crash.pdf')[0]}")

    # Dask would retry a task whose worker died on 3 more workers; once is enough here. A
    # worker holds only the task it runs (saturation 1.0), so a crash takes no other with it.
    config = {
        "distributed.scheduler.allowed-failures": 0,
        "distributed.scheduler.worker-saturation": saturation,
    }
    with dask.config.set(config):
        return LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        )


@pytest.fixture
def cluster(monkeypatch, tmp_path):
    c = _local_cluster(monkeypatch, tmp_path, n_workers=2)
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def one_worker(monkeypatch, tmp_path):
    # No queuing on the scheduler: every task is sent to the worker as soon as it is ready
    # (Dask's behaviour before 2022.11, and still what it does for tasks that are not root-ish).
    c = _local_cluster(monkeypatch, tmp_path, n_workers=1, saturation=float("inf"))
    try:
        yield c
    finally:
        c.close()


@pytest.mark.slow
def test_ingest_on_a_local_dask_cluster(cluster, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for p in (
        SAMPLES / "good" / "001_checklist_fragment.pdf",
        SAMPLES / "good" / "prior_004_kumin_iken_h25.pdf",
        SAMPLES / "scanned" / "001_checklist_fragment_fax.pdf",  # one page to OCR
        SAMPLES / "bad" / "truncated.pdf",
    ):
        shutil.copy(p, src / p.name)
    shutil.move(tmp_path / "crash.pdf", src / "crash.pdf")
    db, stage = tmp_path / "f.duckdb", tmp_path / "stage"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "COLUMNS": "200",
    }
    env.pop("PREFECT_API_URL", None)
    args = ["ingest", str(src), "--db", str(db), "--quiet"]
    args += ["--dask", cluster.scheduler_address, "--stage", str(stage)]
    proc = subprocess.run([*FUGI, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr  # two files quarantined
    assert "3 loaded, 0 skipped, 2 quarantined" in proc.stdout

    con = duckdb.connect(str(db), read_only=True)
    files = dict(con.execute("SELECT file_name, ocr_pages FROM files").fetchall())
    reasons = dict(con.execute("SELECT file_name, reason FROM quarantine").fetchall())
    rec = con.execute(
        "SELECT s.record FROM submissions s JOIN files f USING (file_sha256) "
        "WHERE f.file_name = 'prior_004_kumin_iken_h25.pdf'"
    ).fetchone()[0]
    con.close()
    assert files == {
        "001_checklist_fragment.pdf": [],
        "prior_004_kumin_iken_h25.pdf": [],
        "001_checklist_fragment_fax.pdf": [1],
    }
    assert reasons == {"truncated.pdf": "truncated", "crash.pdf": "worker_crashed"}
    # What the cluster produced is what the pipeline produces here.
    local = process_document(src / "prior_004_kumin_iken_h25.pdf")
    assert json.loads(rec) == local.records[0].record.model_dump(mode="json")
    assert stage.is_dir() and not list(stage.iterdir())  # staged results read, then removed

    pdb = sqlite3.connect(tmp_path / "prefect" / "prefect.db")
    runs = dict(pdb.execute("SELECT name, state_type FROM task_run").fetchall())
    (table,) = pdb.execute("SELECT data FROM artifact WHERE key = 'fugi-quarantined'").fetchone()
    pdb.close()
    assert "worker_crashed" in table and "crash.pdf" in table  # the failures, in Prefect's UI
    assert runs["OCR 001_checklist_fragment_fax.pdf p1"] == "COMPLETED"
    assert runs["map 001_checklist_fragment_fax.pdf"] == "COMPLETED"
    assert runs["read prior_004_kumin_iken_h25.pdf"] == "COMPLETED"
    assert runs["load truncated.pdf"] == "COMPLETED"


@pytest.mark.slow
def test_documents_waiting_on_a_worker_that_dies_are_not_blamed(one_worker, tmp_path):
    """One worker: every first-pass task is placed on it at once, so when the crash document
    aborts it, Dask (allowed-failures 0) fails the tasks merely waiting there too. Only the
    task that had started is the crash; the others run again on the restarted worker."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.move(tmp_path / "crash.pdf", src / "000_crash.pdf")  # first: runs before the others
    names = ["001_checklist_fragment.pdf", "prior_004_kumin_iken_h25.pdf"]
    for n in names:
        shutil.copy(SAMPLES / "good" / n, src / n)
    db = tmp_path / "f.duckdb"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "COLUMNS": "200"}
    env.pop("PREFECT_API_URL", None)
    args = ["ingest", str(src), "--db", str(db), "--quiet", "--dask", one_worker.scheduler_address]
    proc = subprocess.run([*FUGI, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    con = duckdb.connect(str(db), read_only=True)
    loaded = {r[0] for r in con.execute("SELECT file_name FROM files").fetchall()}
    reasons = dict(con.execute("SELECT file_name, reason FROM quarantine").fetchall())
    con.close()
    assert reasons == {"000_crash.pdf": "worker_crashed"}
    assert set(names) <= loaded
    assert "2 loaded, 0 skipped, 1 quarantined" in proc.stdout
