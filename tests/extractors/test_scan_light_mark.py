"""A checklist ring scanned light (grey JPEG: no pixel darker than ~170) is still read.

The cell-ink gate uses a fixed dark threshold; a narrow (mark-column) cell is searched for
its mark with find_mark's own per-cell threshold before that gate can call it empty.
"""

import cv2
import numpy as np

from extractors import ocr
from models.layout import BBox, Cell


def _page_with_ring(gray: int) -> np.ndarray:
    page = np.full((600, 600), 250, np.uint8)
    cv2.circle(page, (300, 300), 14, gray, 2, lineType=cv2.LINE_AA)  # ~7 pt ring at 300 dpi
    return page


def _scan(page: np.ndarray) -> ocr._Scan:
    # No Tesseract engine: a cell holding only its mark is never passed to OCR.
    return ocr._Scan(api=None, clean=page, dpi=300.0, inset=0, underlines=[], bold_stroke=99.0)


def _cell(width_pt: float) -> Cell:
    x0 = 72 - width_pt / 2
    return Cell(row=0, col=0, bbox=BBox(x0=x0, y0=48, x1=x0 + width_pt, y1=96))


def test_light_ring_in_a_mark_cell_is_read():
    page = _page_with_ring(185)
    assert not ocr._has_ink(page[200:400, 200:400], 300.0)  # the fixed gate sees nothing
    lines, mark = ocr._read_cell(_scan(page), _cell(80))
    assert (lines, mark) == ([], "○")


def test_empty_narrow_cell_stays_empty():
    lines, mark = ocr._read_cell(_scan(np.full((600, 600), 250, np.uint8)), _cell(80))
    assert (lines, mark) == ([], None)


def _speckled_light_ring() -> np.ndarray:
    """A light ring whose darkest pixels (JPEG noise) are below 150 in a few places only."""
    page = _page_with_ring(185)
    for angle in range(0, 360, 30):
        t = np.deg2rad(angle)
        x, y = int(300 + 14 * np.cos(t)), int(300 + 14 * np.sin(t))
        page[y : y + 2, x : x + 2] = 120
    return page


def test_ring_broken_by_speck_removal_is_read_where_specks_are_kept():
    from extractors import grid_image as gi

    page = _speckled_light_ring()
    clean = gi.erase_specks(page, 300.0)
    without = ocr._read_cell(_scan(clean), _cell(80))
    scan = _scan(clean)
    scan.marks = page  # the rule-painted page, specks kept (as ocr_page passes it)
    # The lone dark specks were painted out of the ring; what is left of it, a light ring in
    # pieces, is still grouped into one (marks_image._broken_ring).
    assert without == ([], "○")
    assert ocr._read_cell(scan, _cell(80)) == ([], "○")
