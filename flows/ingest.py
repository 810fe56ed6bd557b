"""The ingest flow: discover PDFs -> hash -> skip known -> process in worker processes ->
one writer loads each result as it completes (one DuckDB transaction per file).

    summary = ingest_flow(["archive/"], db="fugi.duckdb", workers=2)   # a Prefect flow run
    summary = process_batch(["archive/"], db="fugi.duckdb", workers=2)  # the same, no Prefect
"""

from __future__ import annotations

import os
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
from models.errors import TransientError  # noqa: E402
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
    workers: int = 2,
    ocr: str = "auto",
    meeting: str | None = None,
    retry_quarantined: bool = False,
    timeout: float = 300.0,
    memory_limit: int = 4 << 30,
    force: bool = False,
) -> BatchSummary:
    """One flow run per batch; a task run per stage and per loaded document."""
    from prefect.runtime import flow_run

    password = _RUNTIME.get("password")
    options = BatchOptions(
        db=db,
        workers=workers,
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
