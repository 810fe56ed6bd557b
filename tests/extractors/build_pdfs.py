"""Small PDFs built in the tests with PyMuPDF (IPA Gothic for Japanese text)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

IPAG = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"
A4 = (595, 842)


def new_page(doc: pymupdf.Document, width: float = A4[0], height: float = A4[1]) -> pymupdf.Page:
    page = doc.new_page(width=width, height=height)
    page.insert_font(fontname="ipag", fontfile=IPAG)
    return page


def text(page: pymupdf.Page, x: float, y: float, s: str, size: float = 10.5, **kw) -> None:
    """Text with its baseline at y."""
    page.insert_text((x, y), s, fontname=kw.pop("fontname", "ipag"), fontsize=size, **kw)


def grid(page: pymupdf.Page, xs: list[float], ys: list[float], skip_h=(), width: float = 0.75) -> None:
    """Rules of a full grid; skip_h holds (row_edge_index, col_index) pieces to leave out
    (that is how a merged cell is drawn)."""
    for k, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if (k, c) not in skip_h:
                page.draw_line((xs[c], y), (xs[c + 1], y), width=width)
    for x in xs:
        page.draw_line((x, ys[0]), (x, ys[-1]), width=width)


def save(doc: pymupdf.Document, path: Path) -> Path:
    doc.save(path)
    return path
