"""`fugi layout`: show what the extractor saw (the layout model) for one PDF."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from flows.cli import app
from models.errors import InputError
from models.layout import Cell, DocumentLayout, Line, Page, Table, TextBlock
from models.settings import ExtractSettings


class Format(StrEnum):
    json = "json"
    text = "text"


class OcrMode(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


@app.command()
def layout(
    file: Annotated[Path, typer.Argument(help="The PDF to read.", exists=True, dir_okay=False)],
    page: Annotated[
        int | None, typer.Option("--page", "-p", help="Only this page (1-based).")
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="json (the model) or text (readable).")
    ] = Format.text,
    png: Annotated[
        Path | None,
        typer.Option("--png", help="Write page images with cells and styled spans outlined here."),
    ] = None,
    ocr: Annotated[
        OcrMode,
        typer.Option(
            "--ocr",
            help="auto: OCR only pages without a usable text layer. OCR'd lines are read by "
            "Tesseract and again by a line recogniser (FUGI_LINE_READER=none: Tesseract alone).",
        ),
    ] = OcrMode.auto,
    password: Annotated[
        str | None, typer.Option("--password", help="User password of an encrypted PDF.")
    ] = None,
) -> None:
    """Dump the layout model of FILE: text blocks, tables with cells, bold/underline marks.

    Example: fugi layout samples/good/a.pdf --page 3 --format text --png /tmp/a
    """
    from extractors.layout import extract_layout

    settings = ExtractSettings(ocr=ocr.value, password=password)
    try:
        doc = extract_layout(file, settings)
    except InputError as exc:
        typer.echo(f"error [{exc.reason}]: {exc}", err=True)
        raise typer.Exit(1) from exc
    pages = [p for p in doc.pages if page is None or p.number == page]
    if page is not None and not pages:
        typer.echo(f"error: page {page} is not in {file.name} ({doc.page_count} pages)", err=True)
        raise typer.Exit(2)
    if fmt is Format.json:
        data = doc.model_dump(mode="json")
        data["pages"] = [p.model_dump(mode="json") for p in pages]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        typer.echo(format_document(doc, pages))
    if png is not None:
        from extractors.debug_png import render_layout_png

        for p in pages:
            out = render_layout_png(
                file, p, png / f"{file.stem}_p{p.number:03d}.png", password=password
            )
            typer.echo(f"wrote {out}", err=True)


def format_document(doc: DocumentLayout, pages: list[Page]) -> str:
    head = f"# {doc.file_name}  {doc.page_count} pages  sha256 {doc.sha256[:12]}…"
    parts = [head] + [f"! {p.code}: {p.message}" for p in doc.problems]
    parts += [format_page(p) for p in pages]
    return "\n".join(parts)


def format_page(page: Page) -> str:
    out = [
        f"\n=== page {page.number} ({page.source}, {page.width:.0f}x{page.height:.0f}, rot {page.rotation})"
    ]
    out += [f"! {p.code}: {p.message}" for p in page.problems]
    for item in page.order:
        if item.kind == "text":
            out.append(format_block(page.blocks[item.index], item.index))
        else:
            out.append(format_table(page.tables[item.index], item.index))
    return "\n".join(out)


def format_line(line: Line) -> str:
    parts = []
    for s in line.spans:
        tag = ("B" if s.bold else "") + ("U" if s.underline else "")
        parts.append(f"[{tag}]{s.text}[/{tag}]" if tag else s.text)
    return "".join(parts)


def format_block(block: TextBlock, index: int) -> str:
    lines = [format_line(ln) for ln in block.lines]
    return f"--- text {index} @y={block.bbox.y0:.0f}\n  " + "\n  ".join(lines)


def format_table(table: Table, index: int) -> str:
    cont = (
        f", continues table {table.continues} of the previous page"
        if table.continues is not None
        else ""
    )
    out = [
        f"--- table {index} @y={table.bbox.y0:.0f}: {table.n_rows} rows x {table.n_cols} cols{cont}"
    ]
    for r, row in enumerate(table.rows()):
        out.append(f"  [r{r}] " + " | ".join(_cell(c) for c in row))
    return "\n".join(out)


def _cell(c: Cell) -> str:
    span = f"{{{c.rowspan}x{c.colspan}}}" if c.rowspan > 1 or c.colspan > 1 else ""
    mark = f"<drawn {c.drawn_mark}>" if c.drawn_mark else ""
    text = " ⏎ ".join(format_line(ln) for ln in c.lines)
    return f"c{c.col}{span}: {mark}{text}"
