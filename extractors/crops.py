"""Page crops as PNG: where a value sits on its page, for reports (fugi diff --format html).

    render_crop("a.pdf", page=5, bbox=(78, 340, 537, 420), dpi=110) -> b"\\x89PNG…"
    render_crops("a.pdf", [(5, bbox), (3, bbox2)]) -> [png, png]   # opens the file once

Pages are 1-based, boxes in PDF points with the origin top-left (PyMuPDF), as in `provenance`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pymupdf

from extractors.open_pdf import open_document

Box = tuple[float, float, float, float]
MARGIN = 6.0  # points of context around the value's box
MAX_HEIGHT = 420.0  # points; a taller box (a long cell) is cut to its top part


def _clip(page: pymupdf.Page, bbox: Box, margin: float) -> pymupdf.Rect:
    x0, y0, x1, y1 = bbox
    y1 = min(y1, y0 + MAX_HEIGHT)
    rect = pymupdf.Rect(x0 - margin, y0 - margin, x1 + margin, y1 + margin)
    return rect & page.rect


def _png(doc: pymupdf.Document, page: int, bbox: Box, dpi: int, margin: float) -> bytes | None:
    if not 1 <= page <= doc.page_count:
        return None
    p = doc[page - 1]
    clip = _clip(p, bbox, margin)
    if clip.is_empty or clip.width < 1 or clip.height < 1:
        return None
    return p.get_pixmap(dpi=dpi, clip=clip, alpha=False).tobytes("png")


def render_crops(
    pdf_path: str | Path,
    boxes: Sequence[tuple[int, Box]],
    dpi: int = 110,
    *,
    margin: float = MARGIN,
    password: str | None = None,
) -> list[bytes | None]:
    """One PNG per (page, bbox); None for a page outside the document or an empty box."""
    doc = open_document(pdf_path, password)
    try:
        return [_png(doc, page, bbox, dpi, margin) for page, bbox in boxes]
    finally:
        doc.close()


def render_crop(pdf_path: str | Path, page: int, bbox: Box, dpi: int = 110) -> bytes:
    """The PNG of one box on one page (a margin of context around it)."""
    png = render_crops(pdf_path, [(page, bbox)], dpi)[0]
    if png is None:
        raise ValueError(f"{pdf_path}: page {page} box {bbox} is outside the document")
    return png
