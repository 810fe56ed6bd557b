"""The `fugi` command line. Each command lives in its own flows/cmd_*.py module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="fugi",
    help=(
        "Turn archived 付議事項 / 諮問・報告事項 PDFs into a DuckDB database of approvals.\n\n"
        "Example:\n\n"
        "  fugi ingest archive/ --db fugi.duckdb\n\n"
        "  fugi query \"SELECT title FROM submissions\""
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


@app.callback()
def _root() -> None:
    """fugi: 付議事項 PDFs -> DuckDB."""


def _register() -> None:
    # Imported for their side effect of adding commands to `app`.
    import importlib
    import pkgutil

    import flows

    for mod in pkgutil.iter_modules(flows.__path__):
        if mod.name.startswith("cmd_"):
            importlib.import_module(f"flows.{mod.name}")


def main() -> None:
    _register()
    app()


if __name__ == "__main__":
    main()
