"""Page images with the detected layout outlined, for checking an extraction by eye.

Renders the page (displayed orientation) and draws on the image only; the input
PDF is never modified:  render_layout_png("a.pdf", layout, page=1, out=Path("p1.png")).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw

from models.layout import BBox, Page

CELL, BLOCK, BOLD, UNDERLINE, MARK = (
    (0, 90, 230),
    (150, 150, 150),
    (230, 0, 0),
    (0, 170, 0),
    (200, 0, 200),
)


def render_layout_png(
    pdf: str | Path, page: Page, out: Path, *, dpi: int = 110, password: str | None = None
) -> Path:
    """Write `out` (PNG): the page with cells (blue), text blocks (grey), bold spans (red),
    underlined spans (green) and drawn marks (magenta) outlined."""
    with pymupdf.open(pdf) as doc:
        if password and doc.needs_pass:
            doc.authenticate(password)
        pix = doc[page.number - 1].get_pixmap(dpi=dpi)
    img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    draw = ImageDraw.Draw(img)
    k = pix.width / page.width

    def box(b: BBox, colour: tuple[int, int, int], width: int = 1) -> None:
        draw.rectangle([b.x0 * k, b.y0 * k, b.x1 * k, b.y1 * k], outline=colour, width=width)

    for block in page.blocks:
        box(block.bbox, BLOCK)
    for table in page.tables:
        for cell in table.cells:
            box(cell.bbox, CELL, 2)
            if cell.drawn_mark:
                box(cell.bbox, MARK, 3)
    spans = [s for b in page.blocks for ln in b.lines for s in ln.spans]
    spans += [s for t in page.tables for c in t.cells for ln in c.lines for s in ln.spans]
    for s in spans:
        if s.bold:
            box(s.bbox, BOLD)
        if s.underline:
            draw.line(
                [s.bbox.x0 * k, s.bbox.y1 * k + 1, s.bbox.x1 * k, s.bbox.y1 * k + 1],
                fill=UNDERLINE,
                width=2,
            )
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out)
    return out
