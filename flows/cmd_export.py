"""`fugi export`: the records as JSON Lines (SCHEMA.md) or a table as Parquet."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from flows.cli import app
from flows.options import DB_HELP, fail, resolve_db, stderr
from models.errors import FugiError


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
def export(
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="jsonl (the record contract) or parquet.")
    ] = ExportFormat.jsonl,
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file (jsonl: default stdout).")
    ] = None,
    with_provenance: Annotated[
        bool, typer.Option("--with-provenance", help="jsonl: add each record's provenance list.")
    ] = False,
    table: Annotated[
        str, typer.Option(help="parquet: the table or view to write.")
    ] = "submissions",
) -> None:
    """Export every submission record, sorted by document_id.

    Example: fugi export --format jsonl --out records.jsonl
    Example: fugi export --format parquet --table v_outsourcing --out outsourcing.parquet
    """
    from pipeline import store
    from pipeline.export import export_jsonl, export_parquet

    if format is ExportFormat.parquet and out is None:
        fail("--format parquet needs --out FILE.parquet", 2)
    try:
        with store.opened(resolve_db(db), read_only=True) as con:
            if format is ExportFormat.parquet:
                n = export_parquet(con, out, table=table)  # type: ignore[arg-type]
            elif out is None:
                n = export_jsonl(con, sys.stdout, with_provenance=with_provenance)
            else:
                with open(out, "w", encoding="utf-8", newline="\n") as f:
                    n = export_jsonl(con, f, with_provenance=with_provenance)
    except ValueError as exc:
        fail(str(exc), 2)
    except FugiError as exc:
        fail(str(exc), 1)
    stderr.print(f"{n} row(s) exported" + (f" to {out}" if out else ""), style="dim")
