"""The bad-input corpus (tests/bad_inputs/) through one real `fugi ingest` run: every file
ends as its stated outcome (EXPECTED.md), the batch finishes, the input folder is
byte-identical afterwards, and a password given later loads the encrypted file."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from bad_inputs.make_corpus import CASES, PASSWORD, expected_table, write_corpus

HERE = Path(__file__).parent
FUGI = Path(sys.executable).parent / "fugi"


def test_expected_md_states_every_case():
    text = (HERE / "bad_inputs" / "EXPECTED.md").read_text(encoding="utf-8")
    assert expected_table() in text, "EXPECTED.md is out of date with CASES in make_corpus.py"
    assert len({c.name for c in CASES}) == len(CASES)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """relative path -> (sha256, mtime_ns) of every file under folder."""
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def ingest(folder: Path, db: Path, *extra: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    cmd = [str(FUGI), "ingest", str(folder), "--db", str(db), "--quiet", "--no-prefect", "--workers", "2",
           "--timeout", "120", *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env, cwd=db.parent)


def outcomes(db: Path) -> dict[str, tuple]:
    """file name -> ("quarantined", reason, error_class, sha256, message) | ("loaded", {warning codes}, sha256)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, tuple] = {}
        for name, reason, cls, sha, msg, path in con.execute(
            "SELECT file_name, reason, error_class, file_sha256, message, path FROM quarantine"
        ).fetchall():
            assert path and Path(path).name == name, f"quarantine row of {name} lost its path"
            out[name] = ("quarantined", reason, cls, sha, msg)
        for name, sha, codes in con.execute(
            "SELECT f.file_name, f.file_sha256, list(w.code) FILTER (WHERE w.code IS NOT NULL) "
            "FROM files f LEFT JOIN warnings w USING (file_sha256) GROUP BY ALL"
        ).fetchall():
            assert name not in out, f"{name} is both loaded and quarantined"
            out[name] = ("loaded", set(codes or []), sha)
        return out
    finally:
        con.close()


def mismatches(folder: Path, got: dict[str, tuple], with_password: bool) -> list[str]:
    bad = []
    for case in CASES:
        sha = hashlib.sha256((folder / case.name).read_bytes()).hexdigest()
        row = got.get(case.name)
        want_loaded = case.status == "loaded" or (with_password and case.password is not None)
        if row is None:
            bad.append(f"{case.name}: not in the database at all")
        elif want_loaded and row[0] != "loaded":
            bad.append(f"{case.name}: expected loaded, got quarantined {row[1]} ({row[4]})")
        elif want_loaded and not set(case.warnings) <= row[1]:
            bad.append(f"{case.name}: expected warnings {case.warnings}, got {sorted(row[1])}")
        elif not want_loaded and row[:2] != ("quarantined", case.reason):
            bad.append(f"{case.name}: expected quarantined {case.reason}, got {row[:2]} {row[-1]}")
        elif not want_loaded and not (row[2] and row[4]):
            bad.append(f"{case.name}: quarantine row without error class or message")
        if row is not None and row[-1 if row[0] == "loaded" else 3] != sha:
            bad.append(f"{case.name}: stored sha256 is not the file's")
    return bad


@pytest.mark.slow
def test_bad_input_batch_through_fugi_ingest(tmp_path):
    corpus = tmp_path / "in"
    write_corpus(corpus)
    before = snapshot(corpus)
    db = tmp_path / "out" / "bad.duckdb"
    db.parent.mkdir()
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}

    first = ingest(corpus, db, env=env)
    assert first.returncode == 1, first.stderr  # 1 = some files quarantined, not a crash
    got = outcomes(db)
    assert mismatches(corpus, got, with_password=False) == []

    # The fix for one file: give the password and retry the quarantined files.
    second = ingest(corpus, db, "--retry-quarantined", "--password", PASSWORD, env=env)
    assert second.returncode == 1, second.stderr  # the rest is still quarantined
    got = outcomes(db)
    assert mismatches(corpus, got, with_password=True) == []
    con = duckdb.connect(str(db), read_only=True)
    try:
        left = con.execute("SELECT count(*) FROM quarantine WHERE file_name = 'user_password.pdf'").fetchone()
    finally:
        con.close()
    assert left == (0,)

    assert snapshot(corpus) == before, "ingest changed the input folder"
