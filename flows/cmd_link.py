"""`fugi link NEW PRIOR`: say by hand which prior approval a submission amends."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from flows.cli import app
from flows.cmd_diff import resolve_document
from flows.options import DB_HELP, fail, resolve_db
from models.errors import FugiError


@app.command()
def link(
    new: Annotated[
        str,
        typer.Argument(
            help="The submission that amends: document id (prefix), PDF path or title piece."
        ),
    ],
    prior: Annotated[
        str,
        typer.Argument(
            help="The approval it amends: document id (prefix), PDF path or title piece."
        ),
    ],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Link a submission to its prior approval by hand (kept when links are recomputed) and store its changes.

    Example: fugi link 004_kumin_iken_faq.pdf prior_004_kumin_iken_h25.pdf --db fugi.duckdb
    """
    from pipeline import changes_store, store
    from pipeline.diff import diff_records

    try:
        with store.opened(resolve_db(db)) as con:
            new_id, prior_id = resolve_document(con, new), resolve_document(con, prior)
            if new_id == prior_id:
                fail("NEW and PRIOR name the same submission.", 2)
            changes_store.set_manual_link(con, new_id, prior_id)
            changes = diff_records(
                changes_store.load_record(con, prior_id), changes_store.load_record(con, new_id)
            )
            changes_store.save_changes(con, new_id, prior_id, changes)
    except FugiError as exc:
        fail(str(exc), 1)
    Console().print(
        f"linked {new_id[:12]} -> {prior_id[:12]} (manual); {len(changes)} changes stored",
        highlight=False,
    )
