"""Run fugi's real batch over real-world PDFs that are NOT submissions and check every
file ends quarantined with a reason, nothing crashes the batch, nothing goes missing.

    .venv/bin/python bench/realworld.py                         # all of ../shared/realworld
    .venv/bin/python bench/realworld.py ../shared/realworld/robustness --no-ocr
    .venv/bin/python bench/realworld.py --workers 2 --timeout 300 --csv out.tsv

Prints a table (file, outcome, reason, pages, seconds), the counts by reason and the
slowest files. Exit code 1 when any file is reported as a submission (loaded), is
quarantined as internal_error, worker_crashed or timeout (a bug, a crash in a PDF
library, a hang; `--allow timeout` for big scans on a slow machine), is unaccounted
for, or the batch itself raised.
The default folder is `<repo>/../shared/realworld` (CI clones the repo beside shared/).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_ROOT = REPO.parent / "shared" / "realworld"
# Reasons that mean a bug, a crash in a PDF library or a hang: never acceptable here.
BUG_REASONS = {"internal_error", "worker_crashed", "timeout"}


@dataclass
class Row:
    file: str
    outcome: str  # quarantined | submission | duplicate | missing
    reason: str = ""
    pages: int | None = None
    seconds: float = 0.0
    message: str = ""


class Collector:
    """The batch's progress reporter: keeps every DocumentResult it is handed."""

    def __init__(self, verbose: bool = False):
        self.results: list = []
        self.verbose = verbose

    def start(self, total: int, skipped: int) -> None:
        print(f"{total} files to process ({skipped} skipped)", file=sys.stderr, flush=True)

    def advance(self, result, outcome: str) -> None:  # type: ignore[no-untyped-def]
        self.results.append(result)
        if self.verbose:
            tag = result.reason or outcome
            print(f"  [{len(self.results)}] {result.file_name}: {tag} ({result.seconds:.1f} s)", file=sys.stderr, flush=True)


def manifest_pages(root: Path) -> dict[str, int]:
    """file path (resolved) -> page count from MANIFEST.tsv files above the given paths."""
    out: dict[str, int] = {}
    for tsv in {p for p in [root / "MANIFEST.tsv", root.parent / "MANIFEST.tsv"] if p.is_file()}:
        with tsv.open(encoding="utf-8") as f:
            for rec in csv.DictReader(f, delimiter="\t"):
                try:
                    out[str((tsv.parent / rec["file"]).resolve())] = int(rec["pages"])
                except (KeyError, ValueError):
                    continue
    return out


def run(paths: list[str], args: argparse.Namespace) -> tuple[list[Row], str | None]:
    """Run the batch into a fresh temp database; rows for every discovered file."""
    from flows.batch import BatchOptions, discover_files
    from pipeline.process import file_sha256

    files = discover_files(paths)
    collector = Collector(args.verbose)
    crash = None
    with tempfile.TemporaryDirectory(prefix="fugi-realworld-") as tmp:
        opts = BatchOptions(
            db=str(Path(tmp) / "realworld.duckdb"), workers=args.workers,
            ocr="never" if args.no_ocr else "auto", timeout=args.timeout,
            memory_limit=args.memory_limit << 20,
        )
        try:
            _batch(paths, opts, collector, args.prefect)
        except BaseException as exc:  # the batch itself must never fall over
            if isinstance(exc, KeyboardInterrupt):
                raise
            crash = f"{type(exc).__name__}: {exc}"
    return _rows(files, collector.results, file_sha256), crash


def _batch(paths: list[str], opts, collector: Collector, prefect: bool) -> None:  # type: ignore[no-untyped-def]
    if not prefect:
        from flows.ingest import process_batch

        process_batch(paths, opts, reporter=collector)
        return
    from flows.ingest import ingest_flow, runtime

    runtime(reporter=collector)
    try:
        ingest_flow(paths, db=opts.db, workers=opts.workers, ocr=opts.ocr,
                    timeout=opts.timeout, memory_limit=opts.memory_limit)
    finally:
        runtime()


def _rows(files: list[Path], results: list, sha_of) -> list[Row]:  # type: ignore[no-untyped-def]
    by_path = {str(Path(r.file)): r for r in results}
    by_sha = {r.sha256: r for r in results}
    rows = []
    for f in files:
        r = by_path.get(str(f))
        if r is None:
            try:
                twin = by_sha.get(sha_of(f)[0])
            except OSError:
                twin = None
            if twin is not None:  # the same bytes under another name: skipped by design
                rows.append(Row(str(f), "duplicate", twin.reason or "", message=f"same bytes as {twin.file}"))
            else:
                rows.append(Row(str(f), "missing", message="no result for this file"))
            continue
        outcome = "submission" if r.status == "loaded" else "quarantined"
        rows.append(Row(str(f), outcome, r.reason or "", r.page_count, r.seconds, r.message or ""))
    return rows


def failures(rows: list[Row], crash: str | None, allow: frozenset[str] = frozenset()) -> list[str]:
    out = [f"batch crashed: {crash}"] if crash else []
    bugs = BUG_REASONS - allow
    for r in rows:
        if r.outcome == "submission":
            out.append(f"{r.file}: loaded as a submission (it is not one)")
        elif r.outcome == "missing":
            out.append(f"{r.file}: unaccounted for")
        elif r.outcome == "quarantined" and (not r.reason or r.reason in bugs):
            out.append(f"{r.file}: {r.reason or 'no reason'}: {r.message}")
    return out


def report(rows: list[Row], root_pages: dict[str, int], wall: float, top: int) -> None:
    width = min(70, max((len(_short(r.file)) for r in rows), default=10))
    print(f"{'file':<{width}}  {'outcome':<11} {'reason':<18} {'pages':>5} {'seconds':>8}")
    for r in rows:
        pages = r.pages if r.pages is not None else root_pages.get(str(Path(r.file).resolve()))
        shown = "" if pages is None else str(pages)
        print(f"{_short(r.file)[:width]:<{width}}  {r.outcome:<11} {r.reason:<18} {shown:>5} {r.seconds:>8.1f}")
    print()
    counts = Counter((r.outcome, r.reason) for r in rows)
    print("counts:")
    for (outcome, reason), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {n:>4}  {outcome:<11} {reason}")
    print(f"\n{len(rows)} files in {wall:.0f} s wall; slowest:")
    for r in sorted(rows, key=lambda r: -r.seconds)[:top]:
        print(f"  {r.seconds:>7.1f} s  {_short(r.file)}  ({r.reason})")


def _short(path: str) -> str:
    p = Path(path)
    return f"{p.parent.name}/{p.name}"


def write_tsv(rows: list[Row], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["file", "outcome", "reason", "pages", "seconds", "message"])
        for r in rows:
            w.writerow([r.file, r.outcome, r.reason, r.pages or "", f"{r.seconds:.2f}", r.message.replace("\n", " ")])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help=f"files or folders (default: {DEFAULT_ROOT})")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per document")
    ap.add_argument("--memory-limit", type=int, default=4096, help="MiB per worker")
    ap.add_argument("--no-ocr", action="store_true", help="ocr=never (fast; CI)")
    ap.add_argument("--prefect", action="store_true", help="run as a Prefect flow (like `fugi ingest`)")
    ap.add_argument("--tsv", type=Path, help="also write the rows to this TSV file")
    ap.add_argument("--top", type=int, default=10, help="how many slowest files to list")
    ap.add_argument("--allow", action="append", default=[], choices=sorted(BUG_REASONS),
                    help="do not fail on this reason (e.g. timeout for big scans on a slow machine)")
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per file as it completes")
    args = ap.parse_args(argv)
    paths = args.paths or [str(DEFAULT_ROOT)]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    t0 = time.perf_counter()
    rows, crash = run(paths, args)
    wall = time.perf_counter() - t0
    pages: dict[str, int] = {}
    for p in paths:
        pages.update(manifest_pages(Path(p).resolve() if Path(p).is_dir() else Path(p).resolve().parent))
    report(rows, pages, wall, args.top)
    if args.tsv:
        write_tsv(rows, args.tsv)
    bad = failures(rows, crash, frozenset(args.allow))
    for line in bad:
        print(f"FAIL {line}", file=sys.stderr)
    print(f"\n{'FAILED' if bad else 'OK'}: {len(bad)} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
