"""`fugi search`: Japanese full-text search over titles, reasons, contents and data items."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from flows.cli import app
from flows.options import DB_HELP, fail, resolve_db
from models.errors import FugiError


@app.command()
def search(
    words: Annotated[
        str, typer.Argument(help="Words to look for (spelling variants and inflections match).")
    ],
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            help="Restrict to a field: title, business, purpose, subjects, reason, content, data_items, counterparty, checklist (repeatable; default: all but checklist).",
        ),
    ] = None,
    limit: Annotated[int, typer.Option(help="Most hits to show.", min=1)] = 20,
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
) -> None:
    """Find submissions by words, ranked by BM25 (documents matching more of the words first).

    Example: fugi search "個人情報の受渡し" --field content --limit 5
    """
    from pipeline import store
    from pipeline.search import search as run_search

    try:
        with store.opened(resolve_db(db), read_only=True) as con:
            hits = run_search(con, words, fields=field, limit=limit)
    except ValueError as exc:
        fail(str(exc), 2)
    except FugiError as exc:
        fail(str(exc), 1)
    if as_json:
        for h in hits:
            typer.echo(json.dumps(h.model_dump(), ensure_ascii=False))
        return
    t = Table()
    for col in ("score", "document", "title", "matched in"):
        t.add_column(col, overflow="fold")
    for h in hits:
        t.add_row(
            f"{h.score:.2f}", h.document_id[:12], h.title or h.file_name or "", ", ".join(h.fields)
        )
    Console().print(t)
    Console(stderr=True).print(f"{len(hits)} hit(s)", style="dim")
