"""`fugi changes`: what every linked submission changed from its prior approval."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from flows.cli import app
from flows.options import DB_HELP, fail, resolve_db, stderr
from models.errors import FugiError


class ChangesFormat(StrEnum):
    table = "table"
    json = "json"


def _short(v: Any, width: int = 60) -> str:
    if v is None:
        return "—"
    s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    return s if len(s) <= width else s[: width - 1] + "…"


@app.command()
def changes(
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Only submissions whose meeting (else ingest) date is on or after this date, YYYY-MM-DD.",
        ),
    ] = None,
    business: Annotated[
        str | None,
        typer.Option(
            "--business",
            help="Only submissions whose 事業名, 登録業務の名称 or title contains this text.",
        ),
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    format: Annotated[
        ChangesFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ChangesFormat.table,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh/--no-refresh",
            help="Re-link every submission and recompute the changes first.",
        ),
    ] = True,
) -> None:
    """List the field changes of every submission against the prior approval it is linked to.

    Example: fugi changes --business 区民意見 --since 2024-01-01 --format json
    """
    from pipeline import changes_store, store

    try:
        with store.opened(resolve_db(db)) as con:
            if refresh:
                counts = changes_store.refresh_changes(con)
                stderr.print(
                    f"{counts['links']} links, {counts['changes']} changes over {counts['submissions']} submissions"
                )
            rows = changes_store.query_changes(con, since=since, business=business)
    except FugiError as exc:
        fail(str(exc), 1)
    if format is ChangesFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    t = Table(
        "new", "prior", "sheet", "field", "change", "old", "new value", title=f"{len(rows)} changes"
    )
    for r in rows:
        field = r["field"] + (f"\n{r['item']}" if r["item"] else "")
        t.add_row(
            r["new_document_id"][:10],
            r["prior_document_id"][:10],
            r["section_kind"],
            field,
            r["change_type"],
            _short(r["old"]),
            _short(r["new"]),
        )
    Console().print(t)
