"""Data safety: a PDF's active content is inert (nothing executed, fetched or written),
ingest writes only its database, `fugi query` cannot change the database or touch files,
`fugi search` input is never SQL, and the worker limits quarantine with their reasons."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import duckdb
import pytest
from bad_inputs.make_corpus import GOOD, active_content, deeply_nested
from typer.testing import CliRunner

from flows.cli import _register, app
from flows.worker import Job, WorkerPool
from models.settings import ExtractSettings
from pipeline import store
from pipeline.process import file_sha256, process_document

FUGI = Path(sys.executable).parent / "fugi"
_register()
runner = CliRunner()

# Installed as sitecustomize in the fugi process and in every worker it spawns: logs each
# network connection, process start and file opened for writing outside the allowed folders.
AUDIT_HOOK = textwrap.dedent(
    """
    import os, sys
    _fd = os.open(os.environ["FUGI_AUDIT_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    _allow = tuple(p for p in os.environ["FUGI_AUDIT_ALLOW"].split(os.pathsep) if p)
    _WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def _log(line):
        os.write(_fd, (line.replace("\\n", " ") + "\\n").encode("utf-8", "replace"))

    def _hook(event, args):
        if event == "socket.connect":
            _log(f"connect {args[1]!r}")
        elif event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "webbrowser.open"):
            _log(f"exec {event} {args!r}")
        elif event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            path, mode, flags = args
            writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool((flags or 0) & _WRITE)
            full = os.path.abspath(os.fsdecode(path))
            if writing and not full.startswith(_allow):
                _log(f"write {full}")

    sys.addaudithook(_hook)
    """
)


class Trap:
    """A TCP listener standing where the PDF's links and scripts point; counts visitors."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.visits = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.visits += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        self.sock.close()


def listing(root: Path, skip: tuple[Path, ...] = ()) -> dict[str, str]:
    out = {}
    for p in sorted(root.rglob("*")):
        if any(p == s or s in p.parents for s in skip):
            continue
        out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
    return out


@pytest.mark.slow
def test_active_content_is_inert_and_ingest_writes_only_its_database(tmp_path):
    dirs = {k: tmp_path / k for k in ("in", "out", "home", "tmp", "work", "hook", "prefect")}
    for d in dirs.values():
        d.mkdir()
    trap = Trap()
    try:
        active_content(dirs["in"] / "active.pdf", trap_port=trap.port)
        deeply_nested(dirs["in"] / "nested.pdf")
        (dirs["hook"] / "sitecustomize.py").write_text(AUDIT_HOOK, encoding="utf-8")
        audit = tmp_path / "audit.log"
        db = dirs["out"] / "safe.duckdb"
        env = {
            **os.environ,
            "HOME": str(dirs["home"]), "TMPDIR": str(dirs["tmp"]), "PREFECT_HOME": str(dirs["prefect"]),
            "PYTHONPATH": str(dirs["hook"]), "PYTHONDONTWRITEBYTECODE": "1",
            "FUGI_AUDIT_LOG": str(audit), "FUGI_AUDIT_ALLOW": os.pathsep.join([str(dirs["out"]), "/dev/"]),
            "http_proxy": f"http://127.0.0.1:{trap.port}", "https_proxy": f"http://127.0.0.1:{trap.port}",
        }
        before = listing(tmp_path, skip=(audit,))
        proc = subprocess.run(
            [str(FUGI), "ingest", str(dirs["in"]), "--db", str(db), "--quiet", "--no-prefect", "--workers", "1"],
            capture_output=True, text=True, timeout=240, env=env, cwd=dirs["work"],
        )
    finally:
        trap.close()
    assert "loaded" in proc.stdout, proc.stdout + proc.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        loaded = [r[0] for r in con.execute("SELECT file_name FROM files").fetchall()]
    finally:
        con.close()
    assert loaded == ["active.pdf"]  # the active content does not stop the record

    assert trap.visits == 0, "something followed the PDF's link or ran its script"
    events = audit.read_text(encoding="utf-8").splitlines() if audit.exists() else []
    assert [e for e in events if e.startswith(("connect", "write"))] == []
    assert [e for e in events if "payload" in e or "attached" in e or "launch" in e.lower()] == []
    after = listing(tmp_path, skip=(audit,))
    new = sorted(set(after) - set(before))
    assert [n for n in new if not n.startswith(("out", "prefect"))] == [], new
    assert {k: v for k, v in after.items() if k in before} == before  # inputs byte-identical
    assert not any("payload" in n or "attached" in n for n in after)
    assert not Path("/tmp/fugi-pwned").exists()


@pytest.fixture(scope="module")
def loaded_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("safe") / "s.duckdb"
    result = process_document(GOOD, ExtractSettings(ocr="never"))
    assert result.status == "loaded"
    store.write_result(db, result)
    return db


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("submissions", "files", "search_terms")}
    finally:
        con.close()


@pytest.mark.parametrize(
    "sql",
    [
        "DROP TABLE submissions",
        "DELETE FROM submissions",
        "UPDATE submissions SET title = 'x'",
        "CREATE TABLE evil AS SELECT 1",
        "COPY submissions TO '{leak}'",
        "SELECT * FROM read_text('/etc/hostname')",
        "ATTACH '{leak}.duckdb' AS other",
        "INSTALL httpfs",
    ],
)
def test_query_is_read_only_and_touches_no_file(loaded_db, tmp_path, sql):
    leak = tmp_path / "leak.csv"
    digest = hashlib.sha256(loaded_db.read_bytes()).hexdigest()
    res = runner.invoke(app, ["query", sql.format(leak=leak), "--db", str(loaded_db)])
    assert res.exit_code == 2, res.output
    assert not leak.exists() and not Path(f"{leak}.duckdb").exists()
    assert hashlib.sha256(loaded_db.read_bytes()).hexdigest() == digest
    assert _counts(loaded_db)["submissions"] == 1


@pytest.mark.parametrize(
    "words",
    [
        "'; DROP TABLE submissions; --",
        "区民意見' OR '1'='1",
        '"); DELETE FROM files; --',
        "区民意見\\'; --",
    ],
)
def test_search_input_is_never_sql(loaded_db, words):
    before = _counts(loaded_db)
    res = runner.invoke(app, ["search", words, "--db", str(loaded_db), "--json"])
    assert res.exit_code == 0, res.output
    assert _counts(loaded_db) == before
    if "区民意見" in words:  # the quote is just a character: the real words still match
        assert "区民意見" in res.output or "kumin" in res.output


def _bigpage(path: Path, side: float) -> Path:
    """One page `side` points square covered by a small image: OCR renders it huge."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=side, height=side)
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 600, 600), False)
    pix.clear_with(255)
    page.insert_image(page.rect, pixmap=pix)
    doc.save(path)
    return path


@pytest.mark.slow
def test_worker_limits_quarantine_with_their_reasons(tmp_path):
    """A render beyond the worker's memory limit -> memory_limit; a decompression bomb ->
    too_large (never decoded); a document over the wall clock -> timeout."""
    from bad_inputs.make_corpus import decompression_bomb

    mem = _bigpage(tmp_path / "mem.pdf", 7000)  # ~0.9 GB of pixels at 300 dpi
    decompression_bomb(tmp_path / "bomb.pdf")
    jobs = [Job(str(p), *file_sha256(p)) for p in (mem, tmp_path / "bomb.pdf")]
    with WorkerPool(1, ExtractSettings(), timeout=120, memory_limit=1280 << 20) as pool:
        got = {Path(r.file).name: r for r in pool.results(jobs)}
    assert got["mem.pdf"].reason == "memory_limit", got["mem.pdf"].message
    assert got["bomb.pdf"].reason == "too_large" and "60000x60000" in got["bomb.pdf"].message
    assert all(r.sha256 == file_sha256(r.file)[0] and r.error_class for r in got.values())

    slow = [Job(str(GOOD), *file_sha256(GOOD))]
    with WorkerPool(1, ExtractSettings(ocr="always"), timeout=1.0) as pool:
        (res,) = list(pool.results(slow))
    assert res.reason == "timeout" and res.status == "quarantined"
