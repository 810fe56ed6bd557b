"""A batch with a document that hangs, one that crashes its worker (on its first pass and
on one of its OCR pages) and a corrupt one finishes, loads all the others and reports the
failures with their reasons. Real worker processes, real PDFs, a real DuckDB file; hanging
and crashing are simulated by the worker's test hook ($FUGI_TEST_HOOKS, flows/worker.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.process import file_sha256

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples"
FUGI = [sys.executable, "-c", "from flows.cli import main; main()"]


@pytest.mark.slow
def test_hang_crash_and_corrupt_are_quarantined_and_the_rest_loaded(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    names = {
        "good1": SAMPLES / "good" / "001_checklist_fragment.pdf",
        "good2": SAMPLES / "good" / "prior_004_kumin_iken_h25.pdf",
        "hang": SAMPLES / "good" / "000_5saiji_kenshin.pdf",
        "crash": SAMPLES / "good" / "003_ikiiki_hiking.pdf",
        "crash_ocr": SAMPLES / "scanned" / "prior_004_kumin_iken_h25_scan.pdf",
        "corrupt": SAMPLES / "bad" / "truncated.pdf",
    }
    for key, path in names.items():
        shutil.copy(path, src / f"{key}.pdf")
    sha = {key: file_sha256(src / f"{key}.pdf")[0] for key in names}
    hooks = f"hang:{sha['hang']},crash:{sha['crash']},crash_ocr:{sha['crash_ocr']}"
    env = {**os.environ, "FUGI_TEST_HOOKS": hooks, "COLUMNS": "250"}
    db = tmp_path / "f.duckdb"
    args = ["ingest", str(src), "--db", str(db), "--workers", "2", "--timeout", "15"]
    proc = subprocess.run(
        [*FUGI, *args, "--no-prefect"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 1, proc.stderr  # exit 1: files were quarantined
    con = duckdb.connect(str(db), read_only=True)
    loaded = {r[0] for r in con.execute("SELECT file_name FROM files").fetchall()}
    reasons = dict(con.execute("SELECT file_name, reason FROM quarantine").fetchall())
    messages = dict(con.execute("SELECT file_name, message FROM quarantine").fetchall())
    con.close()
    assert loaded == {"good1.pdf", "good2.pdf"}
    assert reasons == {
        "hang.pdf": "timeout",
        "crash.pdf": "worker_crashed",
        "crash_ocr.pdf": "worker_crashed",
        "corrupt.pdf": "truncated",
    }
    assert "still running after 15 s" in messages["hang.pdf"]
    assert "SIGABRT" in messages["crash.pdf"] and "SIGABRT" in messages["crash_ocr.pdf"]
    # The summary names each failure with its reason.
    lines = proc.stdout.splitlines()
    for key, reason in (("hang", "timeout"), ("crash", "worker_crashed"), ("corrupt", "truncated")):
        assert any(f"{key}.pdf" in ln and reason in ln for ln in lines), proc.stdout
    counts = {c[0].strip(): c[1].strip() for ln in lines if len(c := ln.split("│")[1:3]) == 2}
    assert counts["loaded"] == "2" and counts["quarantined"] == "4", proc.stdout
