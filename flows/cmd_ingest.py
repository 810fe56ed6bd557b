"""`fugi ingest`: PDFs -> DuckDB, one Prefect flow run per batch."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.cli import app
from flows.options import DB_HELP, fail, resolve_db, stderr
from models.errors import FugiError


class OcrMode(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class ProgressReporter:
    """Documents as a bar; pages (OCR'd pages separately) and quarantines as counters."""

    def __init__(self, progress: Progress):
        self.progress = progress
        self.pages = self.ocr = self.bad = 0
        self.task = progress.add_task("starting (hashing, Prefect)…", total=None, pages="")

    def start(self, total: int, skipped: int) -> None:
        self.progress.update(
            self.task,
            total=total,
            description="processing",
            pages=f"({skipped} already in the database)",
        )

    def advance(self, result, outcome: str) -> None:  # type: ignore[no-untyped-def]
        if outcome == "quarantined":
            self.bad += 1
        else:
            self.pages += result.page_count or 0
            self.ocr += len(result.ocr_pages)
        text = f"pages {self.pages} (OCR {self.ocr})" + (
            f", quarantined {self.bad}" if self.bad else ""
        )
        self.progress.update(self.task, advance=1, pages=text, description=result.file_name[:40])


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="PDF files, folders (searched recursively) or globs.")
    ],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes (default: the number of cores; 0 = in this process, for debugging).",
            min=0,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar, one summary line.")
    ] = False,
    summary: Annotated[
        bool, typer.Option("--summary", help="Also print the database-wide totals.")
    ] = False,
    meeting: Annotated[
        str | None, typer.Option(help='Meeting of these documents, e.g. "令和5年度第9回".')
    ] = None,
    password: Annotated[
        str | None,
        typer.Option(
            help="Password for encrypted PDFs (files quarantined as password_required are retried)."
        ),
    ] = None,
    retry_quarantined: Annotated[
        bool, typer.Option("--retry-quarantined", help="Process files quarantined before again.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Reprocess files already loaded (e.g. after changing --ocr)."),
    ] = False,
    ocr: Annotated[
        OcrMode,
        typer.Option(
            help="OCR pages without a usable text layer (auto), every page, or none. OCR'd "
            "lines are read by Tesseract and again by a line recogniser; FUGI_LINE_READER=none "
            "in the environment reads with Tesseract alone."
        ),
    ] = OcrMode.auto,
    timeout: Annotated[float, typer.Option(help="Seconds one document may take.", min=1)] = 300.0,
    memory_limit: Annotated[
        int, typer.Option("--memory-limit", help="MiB of memory per worker.", min=256)
    ] = 4096,
    no_prefect: Annotated[
        bool, typer.Option("--no-prefect", help="Run without Prefect (no flow run record).")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show Prefect's own logging.")
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option(
            help="Process on a Dask cluster: its scheduler address, e.g. tcp://scheduler:8786 "
            "(docs/SCALE_OUT.md). This process still writes the database."
        ),
    ] = None,
    stage: Annotated[
        str | None,
        typer.Option(
            help="With --dask: a folder all workers and this machine share; workers leave each "
            "document's result there as JSON and the loader reads (then removes) it."
        ),
    ] = None,
) -> None:
    """Read PDFs into the database; files already loaded by this fugi version are skipped.

    Example: fugi ingest archive/ --db fugi.duckdb --meeting "令和5年度第9回" --summary

    On a Dask cluster: fugi ingest /shared/archive --dask tcp://scheduler:8786 --stage /shared/stage

    A sidecar meetings.csv beside the PDFs (file,council,fiscal_year,session,date,decision)
    gives each file its meeting. Exit code 1 when any file was quarantined.
    """
    from flows.batch import BatchOptions, PathsNotFound, discover_files
    from flows.worker import default_workers
    from pipeline.meeting_sidecar import parse_meeting

    db_path = resolve_db(db)
    if stage and not dask:
        fail("--stage is for --dask (results staged where the Dask workers can write).", 2)
    if dask and no_prefect:
        fail("--dask runs the Prefect flow on the cluster; drop --no-prefect.", 2)
    try:
        discover_files(paths)
        if meeting:
            parse_meeting(meeting)
    except (PathsNotFound, FugiError) as exc:
        fail(str(exc), 2)
    opts = BatchOptions(
        db=str(db_path),
        workers=default_workers() if workers is None else workers,
        ocr=ocr.value,
        meeting=meeting,
        password=password,
        retry_quarantined=retry_quarantined,
        timeout=timeout,
        memory_limit=memory_limit << 20,
        force=force,
    )
    try:
        result = _run(
            paths,
            opts,
            quiet=quiet,
            use_prefect=not no_prefect,
            verbose=verbose,
            dask=(dask, stage),
        )
    except FugiError as exc:
        fail(str(exc), 1)
    _print_summary(result, db_path, quiet=quiet, totals=summary)
    if result.quarantined:
        raise typer.Exit(1)


def _run(paths, opts, *, quiet: bool, use_prefect: bool, verbose: bool, dask=(None, None)):  # type: ignore[no-untyped-def]
    progress = Progress(
        TextColumn("{task.description:<40}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[pages]}"),
        TimeElapsedColumn(),
        console=stderr,
        disable=quiet,
        transient=False,
    )
    reporter = ProgressReporter(progress)
    with progress:
        if not use_prefect:
            from flows.ingest import process_batch

            return process_batch(paths, opts, reporter=reporter)
        if verbose:
            os.environ["FUGI_VERBOSE"] = "1"
        from flows.ingest import ingest_flow, runtime

        runtime(reporter=reporter, password=opts.password)
        try:
            return ingest_flow(
                paths,
                db=opts.db,
                workers=opts.workers,
                ocr=opts.ocr,
                meeting=opts.meeting,
                retry_quarantined=opts.retry_quarantined,
                timeout=opts.timeout,
                memory_limit=opts.memory_limit,
                force=opts.force,
                dask=dask[0],
                stage=dask[1],
            )
        finally:
            runtime()


def _print_summary(s, db_path, *, quiet: bool, totals: bool) -> None:  # type: ignore[no-untyped-def]
    out = Console()
    loaded = f"{s.loaded} loaded" + (f" ({s.replaced} replaced)" if s.replaced else "")
    line = f"{loaded}, {s.skipped} skipped, {len(s.quarantined)} quarantined -> {db_path}"
    if quiet:
        out.print(line, highlight=False)
    else:
        t = Table(title=f"fugi ingest ({s.seconds:.1f} s)", title_justify="left")
        t.add_column("this run")
        t.add_column("count", justify="right")
        for label, value in (
            ("files found", s.files),
            ("loaded", s.loaded),
            ("replaced (new fugi version)", s.replaced),
            ("skipped (already in the database)", s.skipped),
            ("quarantined", len(s.quarantined)),
            ("submissions", s.submissions),
            ("sections", s.sections),
            ("parties (contractors, partners)", s.contractors),
            ("data items", s.data_items),
            ("checklist rows", s.checklist_rows),
            ("pages", s.pages),
            ("pages OCR'd", s.ocr_pages),
        ):
            t.add_row(label, str(value))
        out.print(t)
        if s.quarantined:
            q = Table(title="quarantined", title_justify="left")
            for col in ("file", "reason", "message"):
                q.add_column(col, overflow="fold")
            for item in s.quarantined:
                q.add_row(item.file, item.reason or "", item.message or "")
            out.print(q)
    if totals:
        _print_totals(out, db_path)


def _print_totals(out: Console, db_path) -> None:  # type: ignore[no-untyped-def]
    from pipeline import store

    with store.opened(db_path, read_only=True) as con:
        tot = store.totals(con)
    t = Table(title=f"database {db_path}", title_justify="left")
    t.add_column("total")
    t.add_column("count", justify="right")
    for k, v in tot.items():
        t.add_row(k.replace("_", " "), str(v))
    out.print(t)
