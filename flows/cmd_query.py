"""`fugi query`: read-only SQL over the database, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from flows.cli import app
from flows.options import DB_HELP, fail, resolve_db
from models.errors import FugiError

_READ_ONLY = re.compile(r"read-only|read only", re.IGNORECASE)


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SQL statement (DuckDB dialect).")],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    format: Annotated[
        QueryFormat, typer.Option("--format", "-f", help="Output format.")
    ] = QueryFormat.table,
    excel: Annotated[
        bool, typer.Option("--excel", help="CSV for Excel: UTF-8 with BOM, CRLF line ends.")
    ] = False,
) -> None:
    """Run a read-only SQL query; tables: submissions, sections, parties, data_items, … (see docs/STORE.md).

    Example: fugi query "SELECT counterparty, count(*) FROM v_outsourcing GROUP BY 1 ORDER BY 2 DESC" --format csv
    """
    import duckdb

    from pipeline import store

    try:
        with store.opened(resolve_db(db), read_only=True, sandbox=True) as con:
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description] if cur.description else []
            rows = cur.fetchall() if cols else []
    except duckdb.Error as exc:
        if _READ_ONLY.search(str(exc)):
            fail(
                "fugi query is read-only: statements that change the database (INSERT, UPDATE, "
                "DELETE, CREATE, DROP …) are refused. Re-ingest with `fugi ingest` to change data.",
                2,
            )
        if "disabled by configuration" in str(exc):
            fail(
                "fugi query reads only the database: file access (COPY … TO, read_csv, ATTACH) "
                "is disabled. Use `fugi export` or --format csv and redirect the output.",
                2,
            )
        fail(f"the query failed: {exc}", 2)
    except FugiError as exc:
        fail(str(exc), 1)
    if excel:
        sys.stdout.buffer.write(rows_to_csv(cols, rows, excel=True).encode("utf-8-sig"))
    elif format is QueryFormat.csv:
        sys.stdout.write(rows_to_csv(cols, rows))
    elif format is QueryFormat.json:
        sys.stdout.write(
            json.dumps(
                [dict(zip(cols, r, strict=True)) for r in rows],
                ensure_ascii=False,
                default=str,
                indent=1,
            )
            + "\n"
        )
    else:
        _print_table(cols, rows)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


def rows_to_csv(cols: list[str], rows: list[tuple], *, excel: bool = False) -> str:
    """CSV text; lists and structs as JSON. excel=True uses CRLF line ends (the BOM is added on write)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n" if excel else "\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(v) for v in r])
    return buf.getvalue()


def _print_table(cols: list[str], rows: list[tuple]) -> None:
    t = Table(show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*(_cell(v) for v in r))
    Console().print(t)
    Console(stderr=True).print(f"{len(rows)} row(s)", style="dim")
