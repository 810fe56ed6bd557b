"""The batch behind `fugi ingest`, with or without Prefect: discover, plan, process, load.

files = discover_files(["archive/", "extra/*.pdf"])
plan = plan_jobs(files, BatchOptions(db="fugi.duckdb"))
summary = run_batch(["archive/"], BatchOptions(db="fugi.duckdb", workers=2))
"""

from __future__ import annotations

import glob
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from flows.worker import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIMEOUT,
    Job,
    WorkerPool,
    default_workers,
    results_inline,
)
from models import __version__
from models.record import Meeting
from models.results import DocumentResult
from models.settings import ExtractSettings
from pipeline import store
from pipeline.meeting_sidecar import meeting_for, parse_meeting
from pipeline.process import file_sha256

_GLOB_CHARS = set("*?[")


class PathsNotFound(ValueError):
    """A path given on the command line does not exist (a usage error, exit 2)."""


class BatchOptions(BaseModel):
    db: str = "fugi.duckdb"
    workers: int = Field(default_factory=default_workers)  # 0: in this process
    ocr: Literal["auto", "always", "never"] = "auto"
    meeting: str | None = None
    password: str | None = None
    retry_quarantined: bool = False
    force: bool = False  # reprocess and replace files this fugi version already loaded
    timeout: float = DEFAULT_TIMEOUT
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT

    def settings(self) -> ExtractSettings:
        return ExtractSettings(ocr=self.ocr, password=self.password)


class QuarantinedFile(BaseModel):
    file: str
    reason: str | None
    message: str | None


class BatchSummary(BaseModel):
    """What one batch did; printed by `fugi ingest` and returned by the flow."""

    run_id: str = ""
    flow_run_id: str | None = None
    files: int = 0
    loaded: int = 0
    replaced: int = 0
    skipped: int = 0
    quarantined: list[QuarantinedFile] = Field(default_factory=list)
    submissions: int = 0
    sections: int = 0
    contractors: int = 0
    data_items: int = 0
    checklist_rows: int = 0
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    fugi_version: str = __version__

    def add(self, result: DocumentResult, outcome: str) -> None:
        if outcome == "skipped":
            self.skipped += 1
            return
        if outcome == "quarantined":
            self.quarantined.append(
                QuarantinedFile(file=result.file, reason=result.reason, message=result.message)
            )
            return
        self.loaded += 1
        self.replaced += outcome == "replaced"
        self.pages += result.page_count or 0
        self.ocr_pages += len(result.ocr_pages)
        recs = [m.record for m in result.records]
        self.submissions += len(recs)
        self.sections += sum(len(r.sections) for r in recs)
        self.contractors += sum(
            1 for r in recs for s in r.sections for p in (s.counterparty, s.prime_contractor) if p
        )
        self.data_items += sum(len(s.data_items) for r in recs for s in r.sections)
        self.checklist_rows += sum(len(r.checklists) for r in recs)


class Reporter(Protocol):
    """Progress callbacks (the CLI's rich progress bar implements this)."""

    def start(self, total: int, skipped: int) -> None: ...

    def advance(self, result: DocumentResult, outcome: str) -> None: ...


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files already in the database


def discover_files(paths: list[str]) -> list[Path]:
    """Files as given, PDFs under folders (recursively), and glob matches; sorted, unique."""
    found: dict[Path, None] = {}
    missing = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            matches = sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() == ".pdf")
        elif p.is_file():
            matches = [p]
        elif _GLOB_CHARS & set(raw):
            matches = sorted(Path(x) for x in glob.glob(raw, recursive=True) if Path(x).is_file())
        else:
            missing.append(raw)
            continue
        for m in matches:
            found.setdefault(m, None)
    if missing:
        raise PathsNotFound(f"no such file or folder: {', '.join(missing)}")
    return list(found)


def plan_jobs(files: list[Path], options: BatchOptions) -> Plan:
    """Hash every file and drop those the database already holds with this fugi version."""
    with store.opened(options.db) as con:
        states = store.file_states(con)
        reasons = store.quarantine_reasons(con)
    option_meeting = parse_meeting(options.meeting) if options.meeting else None
    sidecars: dict[Path, dict[str, Meeting]] = {}
    plan, seen = Plan(), set()
    for f in files:
        try:
            sha, size = file_sha256(f)
        except OSError:
            sha, size = "", 0  # process_document quarantines it with the reason
        state = states.get(sha)
        known = state is not None and state[1] == __version__
        # A password given now is worth trying on files that needed one.
        retry = options.retry_quarantined or (
            bool(options.password) and reasons.get(sha) == "password_required"
        )
        skip_known = known and not options.force and (state[0] == "loaded" or not retry)
        if sha and (sha in seen or skip_known):
            plan.skipped.append(str(f))
            continue
        seen.add(sha)
        plan.jobs.append(Job(str(f), sha, size, meeting_for(f, option_meeting, sidecars)))
    return plan


Loader = Callable[[DocumentResult, str], str]
# Where results come from: the local worker pool by default, a Dask cluster in flows.ingest.
Processor = Callable[[list[Job], BatchOptions], Iterable[DocumentResult]]


def run_batch(
    paths: list[str],
    options: BatchOptions,
    *,
    reporter: Reporter | None = None,
    discover: Callable[[list[str]], list[Path]] = discover_files,
    plan: Callable[[list[Path], BatchOptions], Plan] = plan_jobs,
    load: Loader | None = None,
    process: Processor | None = None,
    flow_run_id: str | None = None,
) -> BatchSummary:
    """Process and load every new file; the only writer is this (the calling) process."""
    t0 = time.perf_counter()
    files = discover(paths)
    the_plan = plan(files, options)
    with store.opened(options.db) as con:
        run_id = store.start_run(con, [str(p) for p in paths], options.workers, flow_run_id)
    summary = BatchSummary(run_id=run_id, flow_run_id=flow_run_id, files=len(files))
    summary.skipped = len(the_plan.skipped)
    if reporter:
        reporter.start(len(the_plan.jobs), len(the_plan.skipped))
    write = load or (lambda result, rid: store.write_result(options.db, result, rid, options.force))
    try:
        results = (process or process_locally)(the_plan.jobs, options)
        for result in results:
            _one(result, summary, write, reporter)
    finally:
        summary.seconds = time.perf_counter() - t0
        with store.opened(options.db) as con:
            store.finish_run(con, run_id, _run_counts(summary))
    return summary


def process_locally(jobs: list[Job], options: BatchOptions) -> Iterator[DocumentResult]:
    """Results of the local worker pool (or of this process with workers=0), as they complete."""
    settings = options.settings()
    if options.workers <= 0:
        yield from results_inline(jobs, settings)
        return
    pool = WorkerPool(
        options.workers, settings, timeout=options.timeout, memory_limit=options.memory_limit
    )
    with pool:
        yield from pool.results(jobs)


def _one(
    result: DocumentResult, summary: BatchSummary, write: Loader, reporter: Reporter | None
) -> None:
    outcome = write(result, summary.run_id)
    summary.add(result, outcome)
    if reporter:
        reporter.advance(result, outcome)


def _run_counts(s: BatchSummary) -> dict[str, int]:
    return {
        "n_files": s.files,
        "n_loaded": s.loaded,
        "n_skipped": s.skipped,
        "n_quarantined": len(s.quarantined),
        "n_submissions": s.submissions,
        "n_pages": s.pages,
        "n_ocr_pages": s.ocr_pages,
    }
