"""The ingest flow: discover PDFs -> hash -> skip known -> process in worker processes ->
one writer loads each result as it completes (one DuckDB transaction per file).

    summary = ingest_flow(["archive/"], db="fugi.duckdb", workers=2)   # a Prefect flow run
    summary = process_batch(["archive/"], db="fugi.duckdb", workers=2)  # the same, no Prefect
    summary = ingest_flow(["/shared/archive"], db="fugi.duckdb",
                          dask="tcp://scheduler:8786", stage="/shared/stage")  # on a Dask cluster

On Dask (docs/SCALE_OUT.md) every document is a first-pass task run on a Dask worker, every
page to OCR a task run of its own, then a mapping task; workers return the document's
result (or write it as JSON under `stage` and return the path); this process stays the
only writer of the database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def prefect_environment(verbose: bool = False, environ: dict[str, str] | None = None) -> None:
    """Before Prefect is imported: a local home and no analytics, unless the user runs a server."""
    env = os.environ if environ is None else environ
    if not env.get("PREFECT_API_URL"):
        if not env.get("PREFECT_HOME"):
            home = Path.home() / ".fugi" / "prefect"
            home.mkdir(parents=True, exist_ok=True)  # Prefect creates only the last level
            env["PREFECT_HOME"] = str(home)
        env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
        # The temporary server may start slowly on a busy machine (default 20 s).
        env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    if not verbose:
        env["PREFECT_LOGGING_LEVEL"] = "WARNING"
        env["PREFECT_LOGGING_LOGGERS_PREFECT_LEVEL"] = "WARNING"


prefect_environment(verbose=os.environ.get("FUGI_VERBOSE") == "1")

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from flows.batch import (  # noqa: E402
    BatchOptions,
    BatchSummary,
    Reporter,
    discover_files,
    plan_jobs,
    run_batch,
)
from flows.worker import (  # noqa: E402
    Job,
    crashed_result,
    default_workers,
    single_threaded,
    test_hook,
)
from models.errors import TransientError  # noqa: E402
from models.layout import Page  # noqa: E402
from models.results import DocumentResult  # noqa: E402
from models.settings import ExtractSettings  # noqa: E402
from models.staged import OcrPageJob, PartialDocument  # noqa: E402
from pipeline import store  # noqa: E402


def _is_transient(task: object, task_run: object, state: object) -> bool:
    """Retry a task only for a transient failure (a database still locked after 10 s)."""
    try:
        state.result()  # type: ignore[attr-defined]
    except TransientError:
        return True
    except Exception:
        return False
    return False


_TASK = {"cache_policy": NO_CACHE, "persist_result": False}
# Tasks that open the database wait up to 10 s for its lock, then Prefect retries them.
_DB_TASK = {**_TASK, "retries": 2, "retry_delay_seconds": 2, "retry_condition_fn": _is_transient}
# Things that must not be flow parameters (recorded by Prefect): the progress reporter
# and the PDF password. Set by the CLI through `runtime(...)`.
_RUNTIME: dict[str, object] = {}


def runtime(reporter: Reporter | None = None, password: str | None = None) -> None:
    """Hand the next flow run a progress reporter and a password without recording them."""
    _RUNTIME.clear()
    _RUNTIME.update(reporter=reporter, password=password)


def _runtime(key: str) -> object:
    # A function, not the dict itself, in the flow's body: Prefect sends the flow (pickled by
    # value) to Dask workers with each task, and a progress bar does not pickle.
    return _RUNTIME.get(key)


@task(name="discover files", **_TASK)
def discover_task(paths: list[str]) -> list[Path]:
    return discover_files(paths)


@task(name="plan (hash, skip known)", **_DB_TASK)
def plan_task(files: list[Path], options: BatchOptions):  # type: ignore[no-untyped-def]
    return plan_jobs(files, options)


@task(name="load document", task_run_name="load {name}", **_DB_TASK)
def load_task(name: str, db: str, result, run_id: str, force: bool) -> str:  # type: ignore[no-untyped-def]
    return store.write_result(db, result, run_id, force)


@flow(name="fugi-ingest", log_prints=False, persist_result=False, validate_parameters=True)
def ingest_flow(
    paths: list[str],
    db: str = "fugi.duckdb",
    workers: int | None = None,
    ocr: str = "auto",
    meeting: str | None = None,
    retry_quarantined: bool = False,
    timeout: float = 300.0,
    memory_limit: int = 4 << 30,
    force: bool = False,
    dask: str | None = None,
    stage: str | None = None,
) -> BatchSummary:
    """One flow run per batch; a task run per stage and per loaded document.

    workers: local worker processes (default: the number of cores); dask: a scheduler
    address (tcp://host:8786) to process on a Dask cluster instead; stage: a folder every
    Dask worker and this process can reach, where workers leave results as JSON."""
    from prefect.runtime import flow_run

    password = _runtime("password")
    options = BatchOptions(
        db=db,
        workers=default_workers() if workers is None else workers,
        ocr=ocr,
        meeting=meeting,
        password=password,  # type: ignore[arg-type]
        retry_quarantined=retry_quarantined,
        timeout=timeout,
        memory_limit=memory_limit,
        force=force,
    )
    summary = run_batch(
        paths,
        options,
        reporter=_runtime("reporter"),  # type: ignore[arg-type]
        discover=discover_task,
        plan=plan_task,
        load=lambda result, run_id: load_task(result.file_name, db, result, run_id, force),
        process=(lambda jobs, opts: dask_results(jobs, opts, dask, stage)) if dask else None,
        flow_run_id=str(flow_run.get_id() or ""),
    )
    get_run_logger().info("ingest %s", summary.model_dump(exclude={"quarantined"}))
    if summary.quarantined:
        # Shown with the flow run in Prefect's UI: which files failed, and why.
        from prefect.artifacts import create_table_artifact

        rows = [q.model_dump() for q in summary.quarantined]
        create_table_artifact(rows, key="fugi-quarantined", description="Quarantined files")
    return summary


def process_batch(
    paths: list[str],
    options: BatchOptions | None = None,
    reporter: Reporter | None = None,
    **kw: object,
) -> BatchSummary:
    """The same work as ingest_flow without Prefect (for benchmarks and `--no-prefect`)."""
    opts = options or BatchOptions(**kw)  # type: ignore[arg-type]
    return run_batch(paths, opts, reporter=reporter)


# ---------------------------------------------------------------- Dask
# The same units as the local pool: a first pass per document (finished there when no page
# needs OCR), one task per page to OCR, then mapping; Dask hands the OCR'd pages straight
# to the mapping task (they never pass through this process).


# Scheduler metadata under this key: the Dask keys of fugi's tasks that began to run. It
# outlives a worker that dies, and tells the task that killed it (it had started) from the
# tasks merely waiting on that worker, which Dask fails with it (they run again).
_STARTED = "fugi-started"
_MAX_REQUEUE = 3  # times a document's tasks may be failed while waiting, then it is quarantined


def _mark_started() -> None:
    """On a Dask worker: record on the scheduler that the current task has begun."""
    try:
        from distributed import get_client, get_worker

        worker = get_worker()
    except (ImportError, ValueError):  # not on a Dask worker
        return
    key = worker.get_current_task()
    if key is not None:
        get_client().set_metadata([_STARTED, str(key)], True)


@task(name="first pass", task_run_name="read {name}", **_TASK)
def first_pass_task(
    name: str, job: Job, settings_json: str, stage: str | None
) -> DocumentResult | PartialDocument | str:
    """On a Dask worker: open the PDF, read its text layer; finish it when nothing needs OCR."""
    from pipeline.staged import first_pass_document

    single_threaded()
    _mark_started()
    test_hook(job.sha256)
    settings = ExtractSettings.model_validate_json(settings_json)
    got = first_pass_document(job.path, settings, job.meeting)
    if isinstance(got, PartialDocument) or not stage:
        return got
    return str(stage_result(got, Path(stage)))


@task(name="OCR page", task_run_name="OCR {name} p{page}", **_TASK)
def ocr_page_task(
    name: str, page: int, partial: PartialDocument, job: OcrPageJob, settings_json: str
) -> Page | DocumentResult:
    """On a Dask worker: OCR one page (its Page, or the document's quarantined result)."""
    from pipeline.staged import ocr_page

    single_threaded()
    _mark_started()
    test_hook(partial.sha256, "ocr")
    return ocr_page(partial, job, ExtractSettings.model_validate_json(settings_json))


@task(name="map document", task_run_name="map {name}", **_TASK)
def finish_task(
    name: str,
    partial: PartialDocument,
    pages: list[Page | DocumentResult],
    settings_json: str,
    stage: str | None,
) -> DocumentResult | str:
    """On a Dask worker: the OCR'd pages back in place, then segment, map, validate."""
    from pipeline.staged import finish_document

    _mark_started()
    failed = [p for p in pages if isinstance(p, DocumentResult)]
    if failed:
        result = failed[0]
    else:
        by_index = {p.number - 1: p for p in pages if isinstance(p, Page)}
        result = finish_document(
            partial, by_index, ExtractSettings.model_validate_json(settings_json)
        )
    return str(stage_result(result, Path(stage))) if stage else result


def stage_result(result: DocumentResult, stage: Path) -> Path:
    """Write a result as <stage>/<sha256>.json (atomically: a reader never sees half a file)."""
    stage.mkdir(parents=True, exist_ok=True)
    out = stage / f"{result.sha256}.json"
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(result.model_dump_json(), encoding="utf-8")
    tmp.replace(out)
    return out


def read_staged(path: str | Path) -> DocumentResult:
    """A staged result; the file is removed once read (it is in the database next)."""
    p = Path(path)
    result = DocumentResult.model_validate_json(p.read_text(encoding="utf-8"))
    p.unlink(missing_ok=True)
    return result


def dask_results(
    jobs: list[Job], options: BatchOptions, address: str, stage: str | None = None
) -> Iterator[DocumentResult]:
    """Process the jobs as Prefect task runs on the Dask cluster at `address`; yields each
    document's result as it completes. A Dask worker that dies while it runs a document's
    task (Dask gives up with KilledWorker) quarantines that document as worker_crashed; a task
    that was only waiting on that worker is submitted again."""
    import distributed
    from prefect_dask import DaskTaskRunner

    settings = options.settings().model_dump_json()
    with _api_for_workers(), DaskTaskRunner(address=address) as runner:
        running = distributed.as_completed(loop=runner.client.loop)
        futures: dict = {}
        keys: list[str] = []  # every task submitted, to clear their marks at the end
        requeued: dict[str, int] = {}

        def submit(job: Job, partial: PartialDocument | None = None, first=None) -> None:  # type: ignore[no-untyped-def]
            if partial is None:
                name = Path(job.path).name
                params = {"name": name, "job": job, "settings_json": settings, "stage": stage}
                f = runner.submit(first_pass_task, parameters=params)
            else:
                f = _submit_pages(runner, first, partial, settings, stage, keys)
            keys.append(str(f.wrapped_future.key))
            futures[f.wrapped_future] = (f, job, partial, first)
            running.add(f.wrapped_future)

        def started(key: str) -> bool:
            return bool(runner.client.get_metadata([_STARTED, key], False))

        try:
            for job in jobs:
                submit(job)
            for done in running:
                f, job, partial, first = futures.pop(done)
                got = _dask_outcome(f, job, started)
                if got is None:  # failed while waiting on a worker that died: again
                    n = requeued[job.sha256] = requeued.get(job.sha256, 0) + 1
                    if n <= _MAX_REQUEUE:
                        submit(job, partial, first)
                        continue
                    msg = f"Dask workers died {n} times while this document waited to run."
                    got = crashed_result(job, "worker_crashed", msg)
                if not isinstance(got, PartialDocument):
                    yield got
                    continue
                submit(job, got, f)
        finally:
            _forget_marks(runner.client, keys)
    if stage:
        _sweep_staged(jobs, Path(stage))


def _forget_marks(client, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Remove this batch's started-marks from the scheduler's metadata."""

    def forget(dask_scheduler, keys=keys):  # type: ignore[no-untyped-def]
        marks = dask_scheduler.metadata.get(_STARTED, {})
        for k in keys:
            marks.pop(k, None)

    try:
        client.run_on_scheduler(forget)
    except Exception:  # noqa: BLE001 - a closed cluster has no marks to keep
        pass


def _sweep_staged(jobs: list[Job], stage: Path) -> None:
    """Every document of the batch has been yielded by now; a staged file still there for
    one of them was written again by a task Dask recomputed after a worker died (its first
    result had already been read). The cluster is closed, so no more can appear."""
    for job in jobs:
        (stage / f"{job.sha256}.json").unlink(missing_ok=True)


def _submit_pages(  # type: ignore[no-untyped-def]
    runner, first, partial: PartialDocument, settings: str, stage: str | None, keys: list[str]
):
    """One OCR task per page, and the mapping task that waits for them."""
    slim = partial.model_copy(
        update={"layout": partial.layout.model_copy(update={"pages": []}), "ocr": []}
    )
    name = partial.file_name
    pages = [
        runner.submit(
            ocr_page_task,
            parameters={
                "name": name,
                "page": j.index + 1,
                "partial": slim,
                "job": j,
                "settings_json": settings,
            },
        )
        for j in partial.ocr
    ]
    keys += [str(p.wrapped_future.key) for p in pages]
    params = {
        "name": name,
        "partial": first,
        "pages": pages,
        "settings_json": settings,
        "stage": stage,
    }
    return runner.submit(finish_task, parameters=params)


@contextmanager
def _api_for_workers() -> Iterator[None]:
    """Without PREFECT_API_URL this process runs Prefect's temporary server; hand its address
    to the Dask workers (in the settings Prefect sends with each task) so their task runs are
    recorded there, instead of each worker starting a temporary server of its own."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    if not server.running:
        yield
        return
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def _dask_outcome(future, job: Job, started) -> DocumentResult | PartialDocument | None:  # type: ignore[no-untyped-def]
    """The document's result or partial; None when Dask failed a task of it that had not
    started (it waited on a worker that another task killed)."""
    try:
        got = future.result()
    except Exception as exc:  # noqa: BLE001 - the batch goes on; the message says what broke
        if "KilledWorker" in f"{type(exc).__name__} {exc}":
            key = getattr(exc, "task", None)
            if key is not None and not started(str(key)):
                return None
            msg = f"the Dask worker died on this document and Dask gave up ({exc})."
            return crashed_result(job, "worker_crashed", msg)
        msg = f"the Dask task failed: {type(exc).__name__}: {exc}"
        return crashed_result(job, "internal_error", msg)
    return read_staged(got) if isinstance(got, str) else got
