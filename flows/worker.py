"""Worker processes for `fugi ingest`, with a wall-clock timeout per document, a memory
limit, and crash isolation (a segfault or OOM kill quarantines that document only).

Units of work are smaller than documents, so a batch of uneven scans keeps every worker
busy: a document's first pass (open, read the text-layer pages, list the pages to OCR;
a document with nothing to OCR is finished there), then one unit per page to OCR, then
mapping once all its pages are back (pipeline/staged.py). Any worker takes any unit.

    with WorkerPool(workers=2, settings=ExtractSettings()) as pool:
        for result in pool.results(jobs):      # DocumentResult, in completion order
            ...
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from models import __version__
from models.errors import InternalError
from models.record import Meeting
from models.results import DocumentResult
from models.settings import ExtractSettings
from models.staged import OcrPageJob, PartialDocument

DEFAULT_TIMEOUT = 300.0
DEFAULT_MEMORY_LIMIT = 4 << 30  # bytes of address space per worker (RLIMIT_AS)
_START_TIMEOUT = 120.0  # a worker must import the stack within this time
_MAX_START_FAILURES = 3
# Environment every worker gets: one OCR / BLAS thread each (the pool is the parallelism).
WORKER_ENV = {"OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
# Test hook (tests/flows/test_batch_failures.py), inactive unless set:
# "hang:<sha256 prefix>,crash:<prefix>,crash_ocr:<prefix>" makes a worker sleep for an hour
# or abort (SIGABRT) when it starts that file, or abort when it starts an OCR page of it.
TEST_HOOK_ENV = "FUGI_TEST_HOOKS"


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Job:
    """One file to process; sha256 and size were computed by the planner."""

    path: str
    sha256: str
    size: int = 0
    meeting: Meeting | None = None


def single_threaded() -> None:
    """One thread per native library in this process (the pool is the parallelism):
    Tesseract/OpenMP and BLAS through WORKER_ENV, OpenCV through its own setting (it starts
    a thread per core otherwise, and two workers on two cores would fight over them)."""
    os.environ.update(WORKER_ENV)
    try:
        import cv2

        cv2.setNumThreads(1)
    except ImportError:
        pass


def limit_resources(memory_limit: int | None) -> None:
    """Called first in each worker: thread caps, address-space limit, Pillow's image guard."""
    single_threaded()
    if memory_limit:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory_limit if hard == resource.RLIM_INFINITY else min(memory_limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    import warnings

    from PIL import Image

    # A page image beyond this many pixels is refused (too_large) instead of exhausting memory.
    pixels = (memory_limit or DEFAULT_MEMORY_LIMIT) // 16
    Image.MAX_IMAGE_PIXELS = min(pixels, 400_000_000)
    warnings.simplefilter("error", Image.DecompressionBombWarning)


def test_hook(sha256: str, unit: str = "doc") -> None:
    """Only when $FUGI_TEST_HOOKS is set (tests): hang or crash on a chosen file."""
    spec = os.environ.get(TEST_HOOK_ENV)
    if not spec or not sha256:
        return
    for item in spec.split(","):
        action, _, prefix = item.strip().partition(":")
        if not prefix or not sha256.startswith(prefix):
            continue
        if action == "hang" and unit == "doc":
            time.sleep(3600)
        elif (action, unit) in {("crash", "doc"), ("crash_ocr", "ocr")}:
            os.abort()


def run_unit(kind: str, payload: tuple, settings: ExtractSettings) -> tuple[str, object]:
    """Do one unit of work in this process: ("result", json) | ("partial", json) | ("page", …)."""
    from pipeline.staged import finish_document, first_pass_document, ocr_page

    if kind == "doc":
        path, sha, meeting_json = payload
        test_hook(sha)
        meeting = Meeting.model_validate_json(meeting_json) if meeting_json else None
        got = first_pass_document(path, settings, meeting)
        if isinstance(got, PartialDocument):
            return "partial", got.model_dump_json()
        return "result", got.model_dump_json()
    if kind == "ocr":
        partial_json, job_json = payload
        partial = PartialDocument.model_validate_json(partial_json)
        test_hook(partial.sha256, "ocr")
        page = ocr_page(partial, OcrPageJob.model_validate_json(job_json), settings)
        if isinstance(page, DocumentResult):
            return "result", page.model_dump_json()
        return "page", (page.number - 1, page.model_dump_json())
    partial_json, pages = payload
    from models.layout import Page

    partial = PartialDocument.model_validate_json(partial_json)
    by_index = {i: Page.model_validate_json(js) for i, js in pages}
    return "result", finish_document(partial, by_index, settings).model_dump_json()


def _worker_main(conn: Connection, settings_json: str, memory_limit: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    limit_resources(memory_limit)
    from pipeline.process import preload

    try:
        preload()
    except ImportError:
        pass  # a missing stage surfaces per document as an internal_error
    settings = ExtractSettings.model_validate_json(settings_json)
    conn.send("ready")
    while True:
        unit = conn.recv()
        if unit is None:
            return
        try:
            conn.send(run_unit(*unit, settings))
        except MemoryError:
            conn.send(("memory_limit", None))


def crashed_result(job: Job, reason: str, message: str, seconds: float = 0.0) -> DocumentResult:
    """The quarantine result for a file whose worker died, hung or ran out of memory."""
    name = Path(job.path).name
    return DocumentResult(
        file=job.path,
        file_name=name,
        sha256=job.sha256,
        size=job.size,
        status="quarantined",
        reason=reason,
        error_class="WorkerError",
        message=f"{name}: {message}",
        seconds=seconds,
        fugi_version=__version__,
    )


@dataclass(eq=False)
class _Doc:
    """A document in flight: the time its units took, its partial result and OCR'd pages."""

    job: Job
    spent: float = 0.0
    partial_json: str = ""
    pages: list[tuple[int, str]] = field(default_factory=list)
    waiting: int = 0
    done: bool = False


@dataclass(eq=False)
class _Unit:
    kind: str  # "doc" | "ocr" | "finish"
    doc: _Doc
    payload: tuple


class _Queue:
    """Units waiting for a worker: mapping first, then OCR pages, then new documents
    (finishing documents early keeps the loader busy and memory low)."""

    def __init__(self, jobs: Iterable[Job]):
        self.finish: deque[_Unit] = deque()
        self.ocr: deque[_Unit] = deque()
        self.docs: deque[_Unit] = deque()
        for job in jobs:
            meeting = job.meeting.model_dump_json() if job.meeting else None
            self.docs.append(_Unit("doc", _Doc(job), (job.path, job.sha256, meeting)))

    def __len__(self) -> int:
        return sum(not u.doc.done for q in (self.finish, self.ocr, self.docs) for u in q)

    def put_back(self, unit: _Unit) -> None:
        """A unit no worker could take (its worker died as it was sent) goes first again."""
        {"finish": self.finish, "ocr": self.ocr, "doc": self.docs}[unit.kind].appendleft(unit)

    def pop(self) -> _Unit | None:
        for q in (self.finish, self.ocr, self.docs):
            while q:
                unit = q.popleft()
                if not unit.doc.done:
                    return unit
        return None


class _Slot:
    def __init__(self, ctx: mp.context.SpawnContext, settings_json: str, memory_limit: int | None):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker_main, args=(child, settings_json, memory_limit), daemon=True
        )
        self.proc.start()
        child.close()
        self.ready = False
        self.started = time.monotonic()
        self.unit: _Unit | None = None
        self.sent_at = 0.0

    @property
    def job(self) -> Job | None:
        """The document this worker is busy with (None when idle)."""
        return self.unit.doc.job if self.unit else None

    def send(self, unit: _Unit) -> None:
        self.unit = unit
        self.sent_at = time.monotonic()
        self.conn.send((unit.kind, unit.payload))

    def stop(self, kill: bool = False) -> None:
        if self.proc.is_alive() and not kill:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)
        self.conn.close()


def _sent(slot: _Slot, unit: _Unit) -> bool:
    """Send a unit; False when the worker died while idle (OOM killer, a crash after its
    last reply): the pipe is broken, the process is killed and reaped, the unit is not its."""
    try:
        slot.send(unit)
    except OSError:
        slot.unit = None
        slot.proc.kill()
        slot.proc.join(2)
        return False
    return True


class WorkerPool:
    """A spawn-based pool that can kill and replace one worker (timeouts, crashes)."""

    def __init__(
        self,
        workers: int,
        settings: ExtractSettings,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
    ):
        self.n = max(1, workers)
        self.settings_json = settings.model_dump_json()
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.ctx = mp.get_context("spawn")
        self.slots: list[_Slot] = []
        self.restarts = 0
        self.start_failures = 0
        self.units = 0  # units of work done (documents' first passes, OCR pages, mappings)
        self.busy = 0.0  # seconds workers spent on units (busy / (wall * workers) = how full)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        for s in self.slots:
            s.stop(kill=exc[0] is not None)
        self.slots = []

    def _new_slot(self) -> _Slot:
        return _Slot(self.ctx, self.settings_json, self.memory_limit)

    def results(self, jobs: Iterable[Job]) -> Iterator[DocumentResult]:
        """Process every job; yields one DocumentResult per job as each completes."""
        queue = _Queue(jobs)
        while len(queue) or any(s.unit for s in self.slots):
            self._grow(len(queue))
            for s in self.slots:
                if s.ready and s.unit is None and (unit := queue.pop()):
                    if not _sent(s, unit):
                        queue.put_back(unit)  # its worker died while idle: replaced below
            yield from self._collect(self._wait(), queue)

    def _grow(self, queued: int) -> None:
        """Start workers (up to n) while units wait that no idle or starting worker will take."""
        idle = sum(1 for s in self.slots if s.unit is None)
        while len(self.slots) < self.n and queued > idle:
            self.slots.append(self._new_slot())
            idle += 1

    def _doc_time(self, doc: _Doc, now: float) -> float:
        """Seconds of work spent on a document so far (its units' times, running ones too)."""
        running = sum(now - s.sent_at for s in self.slots if s.unit and s.unit.doc is doc)
        return doc.spent + running

    def _wait(self) -> list[object]:
        now = time.monotonic()
        deadlines = []
        for s in self.slots:
            if s.unit:  # a document's time grows as fast as it has units running
                doc = s.unit.doc
                running = sum(1 for o in self.slots if o.unit and o.unit.doc is doc)
                deadlines.append(now + (self.timeout - self._doc_time(doc, now)) / running)
        deadlines += [s.started + _START_TIMEOUT for s in self.slots if not s.ready]
        wait_for = max(0.0, min(deadlines) - now) if deadlines else None
        objs: list[object] = [s.conn for s in self.slots] + [s.proc.sentinel for s in self.slots]
        return wait(objs, timeout=wait_for)  # type: ignore[arg-type]

    def _collect(self, ready: list[object], queue: _Queue) -> Iterator[DocumentResult]:
        for s in list(self.slots):
            result = self._check(s, ready, queue)
            if result is not None:
                yield result
        for i, s in enumerate(self.slots):
            if not s.proc.is_alive():
                self.slots[i] = self._replace(s)

    def _check(self, s: _Slot, ready: list[object], queue: _Queue) -> DocumentResult | None:
        now = time.monotonic()
        if s.conn in ready:
            try:
                msg = s.conn.recv()
            except (EOFError, OSError):
                msg = None
                s.proc.join(1)  # the pipe closed: the worker is dying, let it be reaped
            if msg == "ready":
                s.ready = True
                return None
            if s.unit is None:
                return None
            unit, s.unit = s.unit, None
            unit.doc.spent += now - s.sent_at
            self.busy += now - s.sent_at
            self.units += 1
            return self._received(unit, msg, s, queue)
        if s.unit is not None and (s.proc.sentinel in ready or not s.proc.is_alive()):
            doc = s.unit.doc
            return self._fail(doc, "worker_crashed", self._death(s), now)
        if s.unit is not None and self._doc_time(s.unit.doc, now) > self.timeout:
            msg = f"still running after {self.timeout:.0f} s; raise --timeout or split the file."
            return self._fail(s.unit.doc, "timeout", msg, now)
        if not s.ready and now - s.started > _START_TIMEOUT:
            s.proc.kill()
            s.proc.join(5)
        return None

    def _received(self, unit: _Unit, msg: object, s: _Slot, queue: _Queue) -> DocumentResult | None:
        doc = unit.doc
        if doc.done:
            return None  # the document already failed in another worker
        kind, body = msg if isinstance(msg, tuple) else (None, None)
        if kind == "result":
            doc.done = True
            result = DocumentResult.model_validate_json(body)  # type: ignore[arg-type]
            return result.model_copy(update={"seconds": doc.spent})
        if kind == "partial":
            self._queue_pages(doc, body, queue)  # type: ignore[arg-type]
            return None
        if kind == "page":
            doc.pages.append(body)  # type: ignore[arg-type]
            doc.waiting -= 1
            if doc.waiting == 0:
                queue.finish.append(_Unit("finish", doc, (doc.partial_json, doc.pages)))
            return None
        if kind == "memory_limit":
            return self._fail(doc, "memory_limit", "the worker ran out of memory.", None)
        return self._fail(doc, "worker_crashed", self._death(s), None)

    def _queue_pages(self, doc: _Doc, partial_json: str, queue: _Queue) -> None:
        """A first pass came back with pages to OCR: one unit per page."""
        partial = PartialDocument.model_validate_json(partial_json)
        doc.partial_json = partial_json
        doc.waiting = len(partial.ocr)
        # OCR units need the file's identity, not its text-layer pages.
        slim = partial.model_copy(
            update={"layout": partial.layout.model_copy(update={"pages": []}), "ocr": []}
        ).model_dump_json()
        for job in partial.ocr:
            queue.ocr.append(_Unit("ocr", doc, (slim, job.model_dump_json())))

    def _fail(self, doc: _Doc, reason: str, message: str, now: float | None) -> DocumentResult:
        """Quarantine a document; workers still busy with its other units are killed."""
        seconds = self._doc_time(doc, now) if now is not None else doc.spent
        doc.done = True
        for other in self.slots:
            if other.unit is not None and other.unit.doc is doc:
                other.unit = None
                other.proc.kill()
                other.proc.join(5)
        return crashed_result(doc.job, reason, message, seconds)

    def _death(self, s: _Slot) -> str:
        s.proc.join(1)
        code = s.proc.exitcode
        if code is not None and code < 0:
            how = f"killed by signal {signal.Signals(-code).name}"
        else:
            how = f"exited with code {code}"
        return f"the worker process {how} (a crash in a PDF library, or the system's OOM killer)."

    def _replace(self, s: _Slot) -> _Slot:
        s.stop(kill=True)
        self.restarts += 1
        self.start_failures = 0 if s.ready else self.start_failures + 1
        if self.start_failures >= _MAX_START_FAILURES:
            raise InternalError(
                f"worker processes die before they are ready ({self._death(s)}); "
                "raise --memory-limit, or run `fugi ingest --workers 0` to see the error."
            )
        return self._new_slot()


def results_inline(jobs: Iterable[Job], settings: ExtractSettings) -> Iterator[DocumentResult]:
    """workers=0: process in this process (no isolation, no timeout) — for debugging and benchmarks."""
    from pipeline.process import process_document

    for job in jobs:
        yield process_document(job.path, settings, meeting=job.meeting)
