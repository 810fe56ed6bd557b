"""Ingest throughput and the cost of the Prefect flow, in one run.

    .venv/bin/python bench/ingest.py                   # ~5-10 min on 2 busy cores
    .venv/bin/python bench/ingest.py --json /tmp/ingest.json --scan-copies 2

Batches (made in a temporary folder; samples/ is never written):
- born-digital: 50 distinct files, variants of samples/good/*.pdf (each copy gets its own
  Producer/Title in the metadata, so every sha256 differs and none is skipped);
- scanned: the samples/scanned/*.pdf, made distinct the same way (`--scan-copies` each).

Measured, each into a fresh DuckDB file:
1. throughput: documents/s and pages/s of `process_batch` (the batch without Prefect:
   hashing, worker pool, one writer) at 1 and 2 workers, for both batches;
2. flow overhead on the born-digital batch, all in this process (`workers=0`, so only the
   orchestration differs): a plain loop `process_document` + `load_document` on one open
   connection, versus the Prefect flow `ingest_flow` (hashing and planning, a task run per
   stage and per loaded document, open/write/close per document; a warm-up flow run first
   starts Prefect's temporary server, its start-up is reported on its own).
   overhead = (flow - loop) / flow.
`--only scanned|born|overhead` runs one part (the machine is shared: parts can be run when
it is quiet).
The load average (`os.getloadavg`) is printed before and after: other jobs share the cores.
"cores used" (CPU seconds of this process and its workers / wall seconds) shows how much
of the machine a run actually got: when other jobs saturate the cores, a second worker
cannot get a second core's worth and the 2-worker speed-up shrinks with it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from flows.batch import BatchOptions  # noqa: E402

SAMPLES = ROOT / "samples"


def make_variants(sources: list[Path], n: int, out: Path, tag: str) -> list[Path]:
    """n distinct files cycling over `sources`: same pages, metadata of their own."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(n):
        src = sources[i % len(sources)]
        doc = pymupdf.open(src)
        meta = dict(doc.metadata or {})
        meta.update(producer=f"fugi bench {tag} {i}", title=f"{meta.get('title') or ''} #{i}")
        doc.set_metadata({k: v for k, v in meta.items() if k != "format" and k != "encryption"})
        dest = out / f"{tag}_{i:03d}_{src.name}"
        doc.save(dest, garbage=1)
        doc.close()
        made.append(dest)
    return made


def page_count(paths: list[Path]) -> int:
    total = 0
    for p in paths:
        with pymupdf.open(p) as d:
            total += d.page_count
    return total


def run_batch_timed(folder: Path, db: Path, workers: int) -> dict:
    from flows.ingest import process_batch

    db.unlink(missing_ok=True)
    cpu0 = _cpu()
    t0 = time.perf_counter()
    s = process_batch([str(folder)], BatchOptions(db=str(db), workers=workers))
    wall = time.perf_counter() - t0
    cpu = _cpu() - cpu0
    return {
        "workers": workers,
        "seconds": wall,
        "docs": s.loaded + len(s.quarantined),
        "loaded": s.loaded,
        "quarantined": [q.reason for q in s.quarantined],
        "pages": s.pages,
        "ocr_pages": s.ocr_pages,
        "docs_per_s": (s.loaded + len(s.quarantined)) / wall,
        "pages_per_s": s.pages / wall,
        "cpu_seconds": cpu,  # this process and its (finished) workers
        "cores_used": cpu / wall,
    }


def _cpu() -> float:
    """CPU seconds of this process and of its children that have exited (the pool's workers)."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_loop(files: list[Path], db: Path) -> float:
    """The pipeline functions called directly: process_document + load_document, one connection."""
    from models.settings import ExtractSettings
    from pipeline import store
    from pipeline.process import process_document

    db.unlink(missing_ok=True)
    t0 = time.perf_counter()
    con = store.connect(db)
    settings = ExtractSettings()
    for f in files:
        store.load_document(con, process_document(f, settings))
    con.close()
    return time.perf_counter() - t0


def run_flow(folder: Path, db: Path, workers: int) -> float:
    from flows.ingest import ingest_flow

    db.unlink(missing_ok=True)
    t0 = time.perf_counter()
    ingest_flow([str(folder)], db=str(db), workers=workers)
    return time.perf_counter() - t0


PARTS = ("scanned", "born", "overhead")


def measure(args: argparse.Namespace, work: Path) -> dict:
    out: dict = {"load_before": os.getloadavg(), "cores": os.cpu_count()}
    parts = args.only or PARTS
    good = sorted((SAMPLES / "good").glob("*.pdf"))
    born = make_variants(good, args.born, work / "born", "b")
    scans = sorted((SAMPLES / "scanned").glob("*.pdf"))
    scanned = make_variants(scans, len(scans) * args.scan_copies, work / "scan", "s")
    # Warm the page cache and this process's imports so the first timed run is not penalised.
    run_loop(born[:2], work / "warm.duckdb")
    for kind, folder, files in (("scanned", "scan", scanned), ("born", "born", born)):
        if kind not in parts:
            continue
        out[kind] = {"files": len(files), "pages": page_count(files), "runs": []}
        for w in (1, 2):
            r = run_batch_timed(work / folder, work / f"{kind}{w}.duckdb", w)
            out[kind]["runs"].append(r)
            print(f"{kind} workers={w}: {r['seconds']:.1f} s", file=sys.stderr, flush=True)
    if "overhead" in parts:
        out["overhead"] = measure_overhead(born, work)
    out["load_after"] = os.getloadavg()
    return out


def measure_overhead(born: list[Path], work: Path) -> dict:
    """The same files in this process: a plain loop versus the Prefect flow (workers=0)."""
    t0 = time.perf_counter()
    run_flow(work / "born" / born[0].name, work / "warm_flow.duckdb", 0)  # starts the server
    first_flow = time.perf_counter() - t0
    t_flow = run_flow(work / "born", work / "flow.duckdb", 0)
    print(f"flow: {t_flow:.1f} s", file=sys.stderr, flush=True)
    t_loop = run_loop(born, work / "loop.duckdb")
    print(f"loop: {t_loop:.1f} s", file=sys.stderr, flush=True)
    return {
        "files": len(born),
        "loop_seconds": t_loop,
        "flow_seconds": t_flow,
        "first_flow_run_seconds_1_doc": first_flow,
        "overhead_fraction": (t_flow - t_loop) / t_flow,
    }


def report(out: dict) -> None:
    con = Console()
    t = Table(title="ingest throughput (process_batch, fresh database each run)")
    cols = ("batch", "files", "pages", "workers", "seconds", "docs/s", "pages/s", "OCR pages")
    for col in (*cols, "CPU s", "cores used"):
        t.add_column(col, justify="right" if col != "batch" else "left")
    for kind in ("born", "scanned"):
        b = out.get(kind) or {"runs": []}
        for r in b["runs"]:
            t.add_row(
                kind,
                str(b["files"]),
                str(r["pages"]),
                str(r["workers"]),
                f"{r['seconds']:.1f}",
                f"{r['docs_per_s']:.2f}",
                f"{r['pages_per_s']:.2f}",
                str(r["ocr_pages"]),
                f"{r['cpu_seconds']:.0f}",
                f"{r['cores_used']:.2f}",
            )
    con.print(t)
    for kind in ("born", "scanned"):
        if kind in out:
            runs = {r["workers"]: r for r in out[kind]["runs"]}
            speedup = runs[1]["seconds"] / runs[2]["seconds"]
            con.print(f"{kind}: throughput of 2 workers / 1 worker = {speedup:.2f}x")
    if o := out.get("overhead"):
        con.print(
            f"{o['files']} born-digital files in this process: plain loop (process_document + "
            f"load_document) {o['loop_seconds']:.1f} s, Prefect flow {o['flow_seconds']:.1f} s "
            f"-> flow overhead {o['overhead_fraction']:.1%} of the flow's time; the first flow "
            f"run of a process (1 file, starts the temporary server) took "
            f"{o['first_flow_run_seconds_1_doc']:.1f} s"
        )
    con.print(f"load average before {out['load_before']}, after {out['load_after']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--born", type=int, default=50, help="born-digital files (default 50)")
    ap.add_argument("--scan-copies", type=int, default=1, help="copies of each scanned sample")
    ap.add_argument("--json", help="also write the numbers here")
    ap.add_argument(
        "--only", action="append", choices=PARTS, help="run only this part (repeatable)"
    )
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="fugi-bench-prefect-"))
    work = Path(tempfile.mkdtemp(prefix="fugi-bench-ingest-"))
    try:
        out = measure(args, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report(out)
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
