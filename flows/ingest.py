"""The ingest flow: discover PDFs -> hash -> skip known -> process in worker processes ->
one writer loads each result as it completes (one DuckDB transaction per file).

    summary = ingest_flow(["archive/"], db="fugi.duckdb", workers=2)   # a Prefect flow run
    summary = process_batch(["archive/"], db="fugi.duckdb", workers=2)  # the same, no Prefect
    summary = ingest_flow(["/shared/archive"], db="fugi.duckdb",
                          dask="tcp://scheduler:8786", stage="/shared/stage")  # on a Dask cluster

On Dask (docs/SCALE_OUT.md) every document is a task run on a Dask worker, which returns
the document's result (or writes it as JSON under `stage` and returns the path); this
process stays the only writer of the database.
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
from flows.worker import WORKER_ENV, Job, crashed_result, default_workers, test_hook  # noqa: E402
from models.errors import TransientError  # noqa: E402
from models.results import DocumentResult  # noqa: E402
from models.settings import ExtractSettings  # noqa: E402
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

    password = _RUNTIME.get("password")
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
        reporter=_RUNTIME.get("reporter"),  # type: ignore[arg-type]
        discover=discover_task,
        plan=plan_task,
        load=lambda result, run_id: load_task(result.file_name, db, result, run_id, force),
        process=(lambda jobs, opts: dask_results(jobs, opts, dask, stage)) if dask else None,
        flow_run_id=str(flow_run.get_id() or ""),
    )
    get_run_logger().info("ingest %s", summary.model_dump(exclude={"quarantined"}))
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


@task(name="process document", task_run_name="process {name}", **_TASK)
def process_task(
    name: str, job: Job, settings_json: str, stage: str | None
) -> DocumentResult | str:
    """On a Dask worker: one PDF -> its DocumentResult, or the path of its staged JSON."""
    from pipeline.process import process_document

    os.environ.update(WORKER_ENV)
    test_hook(job.sha256)
    settings = ExtractSettings.model_validate_json(settings_json)
    result = process_document(job.path, settings, meeting=job.meeting)
    if not stage:
        return result
    return str(stage_result(result, Path(stage)))


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
    document's result as it completes. A Dask worker that dies on a document (Dask gives
    up with KilledWorker) quarantines that document as worker_crashed."""
    import distributed
    from prefect_dask import DaskTaskRunner

    settings_json = options.settings().model_dump_json()
    with _api_for_workers(), DaskTaskRunner(address=address) as runner:
        futures = {
            runner.submit(
                process_task,
                parameters={
                    "name": Path(job.path).name,
                    "job": job,
                    "settings_json": settings_json,
                    "stage": stage,
                },
            ): job
            for job in jobs
        }
        by_dask = {f.wrapped_future: f for f in futures}
        for done in distributed.as_completed(list(by_dask), loop=runner.client.loop):
            f = by_dask[done]
            yield _dask_outcome(f, futures[f])


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


def _dask_outcome(future, job: Job) -> DocumentResult:  # type: ignore[no-untyped-def]
    from distributed.scheduler import KilledWorker

    try:
        got = future.result()
    except KilledWorker as exc:
        msg = f"the Dask worker died on this document and Dask gave up ({exc})."
        return crashed_result(job, "worker_crashed", msg)
    except Exception as exc:  # noqa: BLE001 - the batch goes on; the message says what broke
        msg = f"the Dask task failed: {type(exc).__name__}: {exc}"
        return crashed_result(job, "internal_error", msg)
    return read_staged(got) if isinstance(got, str) else got
