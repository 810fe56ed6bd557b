"""`fugi version`."""

from __future__ import annotations

import typer

from flows.cli import app
from models import __version__
from models.record import SCHEMA_VERSION


@app.command()
def version() -> None:
    """Print fugi's version and the record contract version.

    Example: fugi version
    """
    typer.echo(f"fugi {__version__} (record schema {SCHEMA_VERSION})")
