"""The bundled bad samples (samples/bad/) go through a real `fugi ingest` and each ends
quarantined with the reason the sample manifest states; nothing of them is loaded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pipeline import store

ROOT = Path(__file__).parents[2]
MANIFEST = json.loads((ROOT / "samples" / "manifest.json").read_text(encoding="utf-8"))
FUGI = [sys.executable, "-c", "from flows.cli import main; main()"]


def test_every_bad_sample_is_quarantined_with_its_reason(tmp_path):
    expected = {
        Path(f["file"]).name: f["expected"] for f in MANIFEST["files"] if f["kind"] == "bad"
    }
    assert len(expected) >= 3 and all(expected.values())
    db = tmp_path / "bad.duckdb"
    run = subprocess.run(
        [
            *FUGI,
            "ingest",
            str(ROOT / "samples" / "bad"),
            "--db",
            str(db),
            "--no-prefect",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr  # 1: something was quarantined
    with store.opened(db, read_only=True) as con:
        got = dict(con.execute("SELECT file_name, reason FROM quarantine").fetchall())
        loaded = con.execute("SELECT count(*) FROM submissions").fetchone()[0]
    assert got == expected
    assert loaded == 0
