"""Ruled grids on scans: character stems touching the rules are not vertical rules."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf
import pytest

from extractors.grid import segments_to_tables
from extractors.grid_image import binarize, find_rules
from extractors.ocr import _deskew, render_gray

ROOT = Path(__file__).resolve().parents[2]
MINCHO = Path("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf")
SCAN4 = ROOT / "tests/heldout4/pdf/k3_sodai_gomi_scan.pdf"


def _tight_table(dither: bool) -> np.ndarray:
    """A 2-column table whose rows are lower than its type (glyphs touch the rules above
    and below, as in a cramped office form), 1-bit, optionally with a dot screen over
    the label column."""
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=140)
    page.insert_font(fontname="min", fontfile=str(MINCHO))
    top, pitch, size = 20.0, 10.0, 11.0
    rows = [("目的", "粗大ごみの収集申込み"), ("件名", "目標の申請件数"), ("担当課", "粗大ごみ収集課")]
    ys = [top + i * pitch for i in range(len(rows) + 1)]
    for y in ys:
        page.draw_line((20, y), (280, y), width=0.75)
    for x in (20, 90, 280):
        page.draw_line((x, ys[0]), (x, ys[-1]), width=0.75)
    for (label, value), y in zip(rows, ys, strict=False):
        page.insert_text((24, y + pitch - 0.2), label, fontname="min", fontsize=size)
        page.insert_text((94, y + pitch - 0.2), value, fontname="min", fontsize=size)
    pix = page.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY)
    gray = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width).copy()
    gray = np.where(gray < 200, 0, 255).astype(np.uint8)  # 1-bit, ink spread as a scanner does
    if dither:
        s = 300 / 72
        y0, y1, x0, x1 = (int(v * s) for v in (ys[0], ys[-1], 20, 90))
        dots = np.zeros_like(gray, dtype=bool)
        dots[y0:y1:7, x0:x1:7] = True
        gray[dots] = 0
    return gray


@pytest.mark.skipif(not MINCHO.exists(), reason="IPA Mincho not installed")
@pytest.mark.parametrize("dither", [False, True])
def test_stems_touching_rules_are_not_columns(dither):
    gray = _tight_table(dither)
    rules = find_rules(binarize(gray), dpi=300)
    tables = segments_to_tables(rules.segments, page=1)
    assert len(tables) == 1
    assert (tables[0].n_rows, tables[0].n_cols) == (3, 2)
    assert [round(x) for x in tables[0].col_edges] == [20, 90, 280]


@pytest.mark.skipif(not SCAN4.exists(), reason="heldout4 corpus missing")
def test_one_bit_scan_overview_has_two_columns():
    """heldout4 S1: the cover's overview table (labels on a dot screen, type touching the
    rules) was read as 5 rows x 7 columns, the 件名 table as 3 columns."""
    doc = pymupdf.open(SCAN4)
    gray, dpi = render_gray(doc[0], 300)
    gray, ink, _ = _deskew(gray, dpi)
    tables = segments_to_tables(find_rules(ink, dpi).segments, page=1)
    shapes = sorted((t.n_rows, t.n_cols) for t in tables)
    assert (5, 2) in shapes
    assert (1, 2) in shapes
    assert all(cols <= 2 for _, cols in shapes)


SCAN5_PS = ROOT / "tests/heldout5/pdf/x2_packet_ps.pdf"


@pytest.mark.skipif(not SCAN5_PS.exists(), reason="heldout5 corpus missing")
def test_big_heading_type_is_no_table():
    """heldout5 S1: the strokes of the second cover's 諮問事項 (big Gothic) crossed like a
    small grid, so the heading was read as a table and the packet was not split."""
    doc = pymupdf.open(SCAN5_PS)
    gray, dpi = render_gray(doc[3], 300)
    gray, ink, _ = _deskew(gray, dpi)
    tables = segments_to_tables(find_rules(ink, dpi).segments, page=4)
    assert not [t for t in tables if t.bbox.y1 < 110]  # the heading band holds no table
    assert any(t.n_cols == 2 for t in tables)  # the 件名 table is still found
