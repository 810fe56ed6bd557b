"""Whole-page OCR for the comparison with fugi's cell-by-cell OCR, and page-level CER.

Plain Tesseract reads each scanned page image as a whole, the way a user runs it:
`tesseract page.png - -l jpn --psm 3`. The image is the one fugi starts from
(`extractors.ocr.render_gray`: the scan's own resolution when it lies in 250-450 dpi,
else 300 dpi), written as PNG with its resolution so Tesseract does not guess it.

Page-level CER compares the whole page's text, concatenated in the engine's reading
order, with the whole page's true text: the text layer of the born-digital PDF the
scan was rasterised from (same spec, same route, same page). It is order-sensitive
(a column read in another order costs edits) and counts every character of the page,
headings and running text included; the per-cell CER in bench._match is the fair
measure of table cells.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

import pymupdf
from PIL import Image
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bench._tools import _cpu
from bench._truth import text_key
from extractors.ocr import render_gray
from models.layout import DocumentLayout, Page


def tesseract_pages(
    path: Path, pages: list[int], dpi: float = 300
) -> tuple[dict[int, str], float, float]:
    """The given pages (1-based) through the Tesseract CLI: ({page: text}, wall s, cpu s) incl. rendering."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    texts: dict[int, str] = {}
    w0, c0 = time.perf_counter(), _cpu()
    with pymupdf.open(path) as doc, tempfile.TemporaryDirectory(prefix="fugi-bench-") as tmp:
        for i in pages:
            page = doc[i - 1]
            gray, used_dpi = render_gray(page, dpi)
            png = Path(tmp) / f"p{i}.png"
            Image.fromarray(gray).save(png, dpi=(used_dpi, used_dpi))
            out = subprocess.run(
                ["tesseract", str(png), "-", "-l", "jpn", "--psm", "3"],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            texts[i] = out.stdout
    return texts, time.perf_counter() - w0, _cpu() - c0


def truth_pages(twin: Path, offset: int, count: int) -> list[str]:
    """The born-digital twin's text layer for pages offset+1 .. offset+count, in text_key form."""
    with pymupdf.open(twin) as doc:
        return [text_key(doc[offset + i].get_text()) for i in range(count)]


def layout_page_text(page: Page) -> str:
    """fugi's reading of a page, in its own reading order (blocks and tables row by row)."""
    parts: list[str] = []
    for item in page.order:
        if item.kind == "text":
            parts.append(page.blocks[item.index].text)
        else:
            for row in page.tables[item.index].rows():
                parts.extend(c.text or "" for c in row)
    return text_key("".join(parts))


def layout_pages(layout: DocumentLayout) -> dict[int, str]:
    return {p.number: layout_page_text(p) for p in layout.pages}


def page_cer(ocr: dict[int, str], truth: list[str]) -> tuple[int, int]:
    """(edit distance, truth characters) summed over the OCR'd pages; text_key forms."""
    d = sum(Levenshtein.distance(truth[p - 1], o) for p, o in ocr.items())
    return d, sum(len(truth[p - 1]) for p in ocr)


def window_distance(truth_cell: str, page_text: str) -> int:
    """Distance of a truth cell to its best-matching window of a whole-page OCR text.

    The window (same length as the cell) is the one rapidfuzz's partial_ratio picks:
    generous to whole-page OCR, since it may pick its best stretch anywhere on the page.
    """
    if not truth_cell:
        return 0
    if not page_text:
        return len(truth_cell)
    if len(truth_cell) > len(page_text):
        return Levenshtein.distance(truth_cell, page_text)
    al = fuzz.partial_ratio_alignment(truth_cell, page_text)
    return Levenshtein.distance(truth_cell, page_text[al.dest_start : al.dest_end])
