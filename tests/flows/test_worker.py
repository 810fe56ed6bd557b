"""The worker pool with real PDFs: a killed worker and a timeout quarantine one file each,
the pool is rebuilt and the batch goes on."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from flows.worker import Job, WorkerPool
from models.settings import ExtractSettings
from pipeline.process import file_sha256

SAMPLES = Path(__file__).parents[2] / "samples" / "good"


def _job(name: str) -> Job:
    p = SAMPLES / name
    sha, size = file_sha256(p)
    return Job(str(p), sha, size)


def _kill_first_busy_worker(pool: WorkerPool, killed: list[int]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        busy = [s for s in pool.slots if s.job is not None]
        if busy:
            killed.append(busy[0].proc.pid)
            os.kill(busy[0].proc.pid, signal.SIGKILL)
            return
        time.sleep(0.005)


@pytest.mark.slow
def test_crashed_worker_quarantines_one_file_and_the_batch_goes_on():
    jobs = [_job("001_checklist_fragment.pdf"), _job("000_5saiji_kenshin.pdf")]
    killed: list[int] = []
    with WorkerPool(1, ExtractSettings(ocr="never"), timeout=120) as pool:
        t = threading.Thread(target=_kill_first_busy_worker, args=(pool, killed))
        t.start()
        results = list(pool.results(jobs))
        t.join()
        assert pool.restarts == 1
    by_file = {Path(r.file).name: r for r in results}
    crashed = by_file["001_checklist_fragment.pdf"]
    assert killed and crashed.status == "quarantined" and crashed.reason == "worker_crashed"
    assert "SIGKILL" in crashed.message and crashed.sha256 == jobs[0].sha256
    assert by_file["000_5saiji_kenshin.pdf"].status == "loaded"


@pytest.mark.slow
def test_timeout_kills_the_worker_and_quarantines_the_file():
    jobs = [_job("000_5saiji_kenshin.pdf")]
    with WorkerPool(1, ExtractSettings(ocr="never"), timeout=0.05) as pool:
        t0 = time.monotonic()
        results = list(pool.results(jobs))
        assert time.monotonic() - t0 < 60
    assert [r.reason for r in results] == ["timeout"]
    assert "still running after" in results[0].message


@pytest.mark.slow
def test_workers_that_cannot_start_fail_the_batch_clearly():
    from models.errors import InternalError

    with pytest.raises(InternalError, match="raise --memory-limit"):
        with WorkerPool(1, ExtractSettings(), memory_limit=48 << 20) as pool:
            list(pool.results([_job("001_checklist_fragment.pdf")]))


@pytest.mark.slow
def test_worker_dead_while_idle_is_replaced_and_no_unit_is_lost():
    """A worker that dies between units (OOM killer, a crash after its reply) is found by
    the send to it: the unit goes back to the queue, a new worker takes it, the batch goes
    on and no document is blamed (CI once met this as a BrokenPipeError out of the pool)."""
    with WorkerPool(1, ExtractSettings(ocr="never"), timeout=120) as pool:
        first = list(pool.results([_job("001_checklist_fragment.pdf")]))
        idle = pool.slots[0]
        assert idle.ready and idle.unit is None
        idle.proc.kill()
        idle.proc.join(5)
        second = list(pool.results([_job("000_5saiji_kenshin.pdf")]))
    assert [r.status for r in first + second] == ["loaded", "loaded"]
