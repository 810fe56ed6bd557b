"""Shared bits of the `fugi` commands: the database option and error exits."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console

DEFAULT_DB = "fugi.duckdb"
DB_HELP = "DuckDB file (default: $FUGI_DB, else ./fugi.duckdb)."

stderr = Console(stderr=True)


def resolve_db(db: str | None) -> Path:
    """--db wins, then $FUGI_DB, then ./fugi.duckdb."""
    return Path(db or os.environ.get("FUGI_DB") or DEFAULT_DB)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a message to stderr and exit (1 = failure, 2 = usage error)."""
    stderr.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)
