"""A real `fugi ingest` run (Prefect flow, worker processes, DuckDB file) over small PDFs."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from flows.batch import BatchOptions, discover_files, plan_jobs, run_batch
from pipeline import store

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples" / "good"
FUGI = [sys.executable, "-c", "from flows.cli import main; main()"]


def _inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES / "001_checklist_fragment.pdf", src / "a.pdf")
    shutil.copy(SAMPLES / "000_5saiji_kenshin.pdf", src / "sub" / "b.PDF")
    data = (SAMPLES / "000_5saiji_kenshin.pdf").read_bytes()
    (src / "cut.pdf").write_bytes(data[: len(data) // 3])
    (src / "notes.txt").write_text("not collected from a folder")
    (src / "sub" / "meetings.csv").write_text(
        "file,council,fiscal_year,session,date,decision\nb.PDF,,令和7年度,第3回,2025-06-20,承認\n",
        encoding="utf-8",
    )
    return src


@pytest.mark.slow
def test_fugi_ingest_runs_one_prefect_flow_per_batch(tmp_path):
    src = _inputs(tmp_path)
    db = tmp_path / "f.duckdb"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "COLUMNS": "200"}
    env.pop("PREFECT_API_URL", None)
    run = subprocess.run(
        [*FUGI, "ingest", str(src), "--db", str(db), "--workers", "2", "--summary"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr  # cut.pdf was quarantined
    assert "truncated" in run.stdout and "quarantined" in run.stdout
    with store.opened(db, read_only=True) as con:
        names = sorted(r[0] for r in con.execute("SELECT file_name FROM files").fetchall())
        assert names == ["a.pdf", "b.PDF"]
        q = con.execute("SELECT path, reason FROM quarantine").fetchall()
        assert [(Path(p).name, r) for p, r in q] == [("cut.pdf", "truncated")]
        meeting = con.execute(
            "SELECT meeting_fiscal_year, meeting_session, meeting_date, meeting_decision, meeting_source "
            "FROM submissions s JOIN files f USING (file_sha256) WHERE f.path LIKE '%b.PDF'"
        ).fetchone()
        assert meeting == (2025, 3, "2025-06-20", "承認", "metadata")
        run_row = con.execute(
            "SELECT flow_run_id, n_files, n_loaded, n_quarantined FROM ingest_runs"
        ).fetchone()
    assert run_row[1:] == (3, 2, 1) and run_row[0]
    # The flow run and its task runs are in the local Prefect database.
    pdb = sqlite3.connect(tmp_path / "prefect" / "prefect.db")
    flows = pdb.execute("SELECT id, state_type FROM flow_run").fetchall()
    tasks = [r[0] for r in pdb.execute("SELECT name FROM task_run").fetchall()]
    pdb.close()
    assert flows == [(run_row[0], "COMPLETED")]
    assert sum(t.startswith("load ") for t in tasks) == 3 and any("discover" in t for t in tasks)

    # Again, without Prefect: every file is already known -> nothing processed, exit 0.
    run2 = subprocess.run(
        [*FUGI, "ingest", str(src), "--db", str(db), "--no-prefect", "--quiet"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert run2.returncode == 0, run2.stderr
    assert "0 loaded, 3 skipped, 0 quarantined" in run2.stdout


def test_discover_plan_and_skip(tmp_path):
    src = _inputs(tmp_path)
    files = discover_files([str(src), str(src / "notes.txt"), str(src / "*.pdf")])
    assert [f.name for f in files] == ["a.pdf", "cut.pdf", "b.PDF", "notes.txt"]
    db = tmp_path / "f.duckdb"
    plan = plan_jobs(files, BatchOptions(db=str(db)))
    assert len(plan.jobs) == 4 and not plan.skipped
    summary = run_batch(
        [str(src / "cut.pdf"), str(src / "a.pdf")], BatchOptions(db=str(db), workers=0)
    )
    assert summary.loaded == 1 and [q.reason for q in summary.quarantined] == ["truncated"]
    plan = plan_jobs(files, BatchOptions(db=str(db)))
    assert sorted(Path(p).name for p in plan.skipped) == ["a.pdf", "cut.pdf"]
    plan = plan_jobs(files, BatchOptions(db=str(db), retry_quarantined=True))
    assert sorted(Path(p).name for p in plan.skipped) == ["a.pdf"]
    with pytest.raises(ValueError, match="no such file or folder: nope"):
        discover_files([str(src), "nope"])


def test_a_password_given_later_retries_the_encrypted_file(tmp_path):
    enc = str(ROOT / "samples" / "bad" / "encrypted.pdf")
    db = str(tmp_path / "f.duckdb")
    first = run_batch([enc], BatchOptions(db=db, workers=0))
    assert [q.reason for q in first.quarantined] == ["password_required"]
    assert run_batch([enc], BatchOptions(db=db, workers=0)).skipped == 1
    second = run_batch([enc], BatchOptions(db=db, workers=0, password="fugi-sample"))
    assert second.loaded == 1 and not second.quarantined
    with store.opened(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0


def test_new_fugi_version_reprocesses_and_replaces(tmp_path, monkeypatch):
    import flows.batch
    import pipeline.process

    pdf = str(SAMPLES / "001_checklist_fragment.pdf")
    db = str(tmp_path / "f.duckdb")
    first = run_batch([pdf], BatchOptions(db=db, workers=0))
    again = run_batch([pdf], BatchOptions(db=db, workers=0))
    assert (first.loaded, again.loaded, again.skipped) == (1, 0, 1)
    with store.opened(db, read_only=True) as con:
        before = con.execute(
            "SELECT document_id, (SELECT count(*) FROM checklist_items) FROM submissions"
        ).fetchall()
    monkeypatch.setattr(flows.batch, "__version__", "9.9.9")
    monkeypatch.setattr(pipeline.process, "__version__", "9.9.9")
    newer = run_batch([pdf], BatchOptions(db=db, workers=0))
    assert (newer.loaded, newer.replaced, newer.skipped) == (1, 1, 0)
    with store.opened(db, read_only=True) as con:
        after = con.execute(
            "SELECT document_id, (SELECT count(*) FROM checklist_items) FROM submissions"
        ).fetchall()
        versions = con.execute(
            "SELECT DISTINCT fugi_version FROM submissions UNION SELECT fugi_version FROM files"
        ).fetchall()
    assert after == before and versions == [("9.9.9",)]
    forced = run_batch([pdf], BatchOptions(db=db, workers=0, force=True))
    assert (forced.loaded, forced.replaced, forced.skipped) == (1, 1, 0)
