"""Worker processes for `fugi ingest`: one PDF at a time each, with a wall-clock timeout,
a memory limit, and crash isolation (a segfault or OOM kill quarantines that file only).

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
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from models import __version__
from models.errors import InternalError
from models.record import Meeting
from models.results import DocumentResult
from models.settings import ExtractSettings

DEFAULT_TIMEOUT = 300.0
DEFAULT_MEMORY_LIMIT = 4 << 30  # bytes of address space per worker (RLIMIT_AS)
_START_TIMEOUT = 120.0  # a worker must import the stack within this time
_MAX_START_FAILURES = 3
# Environment every worker gets: one OCR / BLAS thread each (the pool is the parallelism).
WORKER_ENV = {"OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


@dataclass
class Job:
    """One file to process; sha256 and size were computed by the planner."""

    path: str
    sha256: str
    size: int = 0
    meeting: Meeting | None = None


def limit_resources(memory_limit: int | None) -> None:
    """Called first in each worker: thread caps, address-space limit, Pillow's image guard."""
    os.environ.update(WORKER_ENV)
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


def _worker_main(conn: Connection, settings_json: str, memory_limit: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    limit_resources(memory_limit)
    from pipeline.process import preload, process_document

    try:
        preload()
    except ImportError:
        pass  # a missing stage surfaces per document as an internal_error
    settings = ExtractSettings.model_validate_json(settings_json)
    conn.send("ready")
    while True:
        job = conn.recv()
        if job is None:
            return
        path, meeting_json = job
        meeting = Meeting.model_validate_json(meeting_json) if meeting_json else None
        try:
            conn.send(process_document(path, settings, meeting=meeting).model_dump_json())
        except MemoryError:
            conn.send("memory_limit")


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
        self.job: Job | None = None
        self.sent_at = 0.0

    def send(self, job: Job) -> None:
        self.job = job
        self.sent_at = time.monotonic()
        meeting = job.meeting.model_dump_json() if job.meeting else None
        self.conn.send((job.path, meeting))

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


class WorkerPool:
    """A small spawn-based pool that can kill and replace one worker (timeouts, crashes)."""

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
        pending = deque(jobs)
        while len(self.slots) < min(self.n, len(pending)):
            self.slots.append(self._new_slot())
        while pending or any(s.job for s in self.slots):
            for s in self.slots:
                if s.ready and s.job is None and pending:
                    s.send(pending.popleft())
            yield from self._collect(self._wait())

    def _wait(self) -> list[object]:
        now = time.monotonic()
        deadlines = [s.sent_at + self.timeout for s in self.slots if s.job]
        deadlines += [s.started + _START_TIMEOUT for s in self.slots if not s.ready]
        wait_for = max(0.0, min(deadlines) - now) if deadlines else None
        objs: list[object] = [s.conn for s in self.slots] + [s.proc.sentinel for s in self.slots]
        return wait(objs, timeout=wait_for)  # type: ignore[arg-type]

    def _collect(self, ready: list[object]) -> Iterator[DocumentResult]:
        for i, s in enumerate(self.slots):
            result = self._check(s, ready)
            if result is not None:
                yield result
            if not s.proc.is_alive():
                self.slots[i] = self._replace(s)

    def _check(self, s: _Slot, ready: list[object]) -> DocumentResult | None:
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
            if isinstance(msg, str) and msg != "memory_limit":
                s.job = None
                return DocumentResult.model_validate_json(msg)
            if s.job is not None:
                job, s.job = s.job, None
                if msg == "memory_limit":
                    return crashed_result(job, "memory_limit", "the worker ran out of memory.")
                return crashed_result(job, "worker_crashed", self._death(s), now - s.sent_at)
            return None
        if s.job is not None and (s.proc.sentinel in ready or not s.proc.is_alive()):
            job, s.job = s.job, None
            return crashed_result(job, "worker_crashed", self._death(s), now - s.sent_at)
        if s.job is not None and now - s.sent_at > self.timeout:
            job, s.job = s.job, None
            s.proc.kill()
            s.proc.join(5)
            msg = f"still running after {self.timeout:.0f} s; raise --timeout or split the file."
            return crashed_result(job, "timeout", msg, now - s.sent_at)
        if not s.ready and now - s.started > _START_TIMEOUT:
            s.proc.kill()
            s.proc.join(5)
        return None

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
