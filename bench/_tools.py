"""The table extractors under comparison, each turned into the same neutral shape.

Every adapter reads a whole PDF with the tool's default settings and returns a flat
list of `Row`s: the page (1-based) and the row's cells left to right. Placeholders a
tool emits for the covered slots of a merged cell (pdfplumber's and PyMuPDF's `None`)
are dropped, so "the next cell" is the next real cell, the same as for fugi's merged
`Cell`s; real empty cells stay (their text is ""). Imports are done once at module
load so that no tool's timing pays for its import (PyMuPDF 2.x loads its ONNX layout
model when `pymupdf` is imported, i.e. before any timing starts, for fugi too).
"""

from __future__ import annotations

import contextlib
import io
import os
import resource
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pymupdf

from extractors.layout import extract_layout
from models.layout import DocumentLayout
from models.settings import ExtractSettings

try:  # camelot-py is optional: the report says why it did not run
    import camelot

    CAMELOT_ERROR: str | None = None
    CAMELOT_VERSION: str | None = camelot.__version__
except Exception as exc:  # noqa: BLE001 - any import failure is reported, not raised
    camelot = None
    CAMELOT_ERROR = f"camelot-py not importable: {exc}"
    CAMELOT_VERSION = None


@dataclass
class CellView:
    text: str
    drawn: str | None = None  # fugi's Cell.drawn_mark; None for every other tool


@dataclass
class Row:
    page: int
    cells: list[CellView]


@dataclass
class ToolRun:
    rows: list[Row]
    pages: int
    wall: float
    cpu: float  # this process + its children (tesseract CLI), seconds
    mode: str = ""
    error: str | None = None
    layout: DocumentLayout | None = None  # fugi only: kept for the OCR scoring
    extra: dict = field(default_factory=dict)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], tuple[list[Row], int, str]]) -> ToolRun:
    """Run one tool on one file; an exception becomes ToolRun.error (the table says why)."""
    w0, c0 = time.perf_counter(), _cpu()
    try:
        rows, pages, mode = fn()
        err = None
    except Exception as exc:  # noqa: BLE001 - a tool's failure is a result, not a crash
        rows, pages, mode, err = [], 0, "", f"{type(exc).__name__}: {exc}"
    return ToolRun(rows, pages, time.perf_counter() - w0, _cpu() - c0, mode, err)


# ---------------------------------------------------------------- fugi


def layout_rows(layout: DocumentLayout) -> list[Row]:
    """fugi's Table cells, row by row (a merged cell appears once, in the row it starts in)."""
    out: list[Row] = []
    for page in layout.pages:
        for table in page.tables:
            for cells in table.rows():
                out.append(Row(page.number, [CellView(c.text or "", c.drawn_mark) for c in cells]))
    return out


def run_fugi(path: Path, settings: ExtractSettings) -> ToolRun:
    holder: dict = {}

    def go() -> tuple[list[Row], int, str]:
        layout = extract_layout(path, settings)
        holder["layout"] = layout
        return layout_rows(layout), layout.page_count, f"ocr={settings.ocr}"

    run = timed(go)
    run.layout = holder.get("layout")
    return run


# ---------------------------------------------------------------- peers


def run_pdfplumber(path: Path) -> ToolRun:
    def go() -> tuple[list[Row], int, str]:
        rows: list[Row] = []
        with pdfplumber.open(path) as pdf:
            for i, page in enumerate(pdf.pages, start=1):
                for table in page.extract_tables():
                    for r in table:
                        rows.append(Row(i, [CellView(c) for c in r if c is not None]))
                page.close()  # pdfplumber caches every page's objects otherwise
            return rows, len(pdf.pages), "extract_tables() defaults (lines)"

    return timed(go)


def pymupdf_mode(use_layout: bool) -> str:
    layout_on = getattr(pymupdf, "_get_layout", None) is not None
    if use_layout and layout_on:
        return "default: ONNX layout model (pymupdf_layout) gates line tables"
    if use_layout:
        return "default: lines only (pymupdf_layout not installed)"
    return "use_layout=False: lines only"


def run_pymupdf(path: Path, use_layout: bool = True) -> ToolRun:
    def go() -> tuple[list[Row], int, str]:
        rows: list[Row] = []
        ran_layout = 0
        with pymupdf.open(path) as doc:
            for i, page in enumerate(doc, start=1):
                # PyMuPDF prints its layout hints to stdout; keep the report clean.
                with contextlib.redirect_stdout(io.StringIO()):
                    found = page.find_tables() if use_layout else page.find_tables(use_layout=False)
                ran_layout += getattr(page, "layout_information", None) is not None
                for table in found.tables:
                    for r in table.extract():
                        rows.append(Row(i, [CellView(c) for c in r if c is not None]))
            pages = doc.page_count
        holder["layout_pages"] = ran_layout
        return rows, pages, pymupdf_mode(use_layout)

    holder: dict = {}
    run = timed(go)
    run.extra = holder
    return run


def run_camelot(path: Path) -> ToolRun:
    if camelot is None:
        return ToolRun([], 0, 0.0, 0.0, "", CAMELOT_ERROR)

    def go() -> tuple[list[Row], int, str]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "No tables found on page-N" for every text page
            tables = camelot.read_pdf(str(path), pages="all", flavor="lattice")
        rows: list[Row] = []
        for t in tables:
            page = int(t.page)
            for r in t.df.values.tolist():
                rows.append(Row(page, [CellView(str(c)) for c in r]))
        with pymupdf.open(path) as doc:
            pages = doc.page_count
        return rows, pages, f"camelot-py {CAMELOT_VERSION} lattice, default backend (pdfium)"

    return timed(go)


def run_get_text(path: Path) -> ToolRun:
    """The speed ceiling: PyMuPDF's plain page.get_text() on every page (no tables)."""

    def go() -> tuple[list[Row], int, str]:
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text()
            return [], doc.page_count, "page.get_text() only"

    return timed(go)


def tesseract_version() -> str:
    import subprocess

    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=False)
    first = (out.stdout or out.stderr).splitlines()
    return first[0].strip() if first else "tesseract ?"


def omp_single_thread() -> None:
    """Tesseract's OpenMP threads would otherwise fight for the two cores (fugi sets the same)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
