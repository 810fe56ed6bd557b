"""Multi-line cells of scans read line by line (heldout5 S3/S4: lost first/last lines)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pymupdf
import pytest

from extractors.cell_lines import read_cell_words, text_bands
from extractors.tesseract import DEFAULT_TESSDATA, engine

ROOT = Path(__file__).resolve().parents[2]
MINCHO = Path("/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf")
needs_font = pytest.mark.skipif(not MINCHO.exists(), reason="IPA Mincho not installed")


def _cell(lines: list[str], size: float = 10.5, width: float = 150, noise: bool = True):
    """A cell crop at 300 dpi: the lines at its left edge, a gray paper with speckle."""
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=size * 1.4 * len(lines) + 6)
    page.insert_font(fontname="min", fontfile=str(MINCHO))
    for i, text in enumerate(lines):
        page.insert_text((1, size * 1.4 * (i + 1)), text, fontname="min", fontsize=size)
    pix = page.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY)
    gray = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width).astype(float)
    if noise:
        rng = np.random.default_rng(7)
        gray = gray * 0.96 + rng.normal(0, 6, gray.shape)
    return np.clip(gray, 0, 255).astype(np.uint8)


def _text(words) -> list[str]:
    lines: dict[int, str] = {}
    for w in sorted(words, key=lambda w: (w.line, w.box[0])):
        lines[w.line] = lines.get(w.line, "") + w.text
    return [lines[k] for k in sorted(lines)]


@needs_font
def test_bands_are_the_text_lines():
    crop = _cell(["委託にあたり市が行う", "二"], noise=False)
    assert len(text_bands(crop, 300)) == 2  # 二's two strokes are one line


@needs_font
def test_wrapped_label_keeps_its_last_character():
    api = engine(DEFAULT_TESSDATA, "jpn")
    lines = _text(read_cell_words(api, _cell(["受託事業者に行わせる情報保護対", "策"], width=170), 300))
    assert len(lines) == 2
    assert lines[0].startswith("受託") and lines[1] == "策"


@needs_font
def test_numbered_sub_headings_survive():
    api = engine(DEFAULT_TESSDATA, "jpn")
    crop = _cell(["1 個人の範囲", "申請する者", "2 記録項目", "氏名、住所"], width=120)
    lines = _text(read_cell_words(api, crop, 300))
    assert len(lines) == 4
    assert lines[0].startswith("1") and "範囲" in lines[0]
    assert lines[2].startswith("2") and "記録項目" in lines[2]


SCAN5 = ROOT / "tests/heldout5/pdf/x1_conbini_scan.pdf"


@pytest.mark.skipif(not SCAN5.exists(), reason="heldout5 corpus missing")
def test_scan_label_cells_read_whole():
    """heldout5 x1 scan p.5: the protection labels lost their first line / came out empty."""
    from extractors import grid_image as gi
    from extractors.grid import segments_to_tables
    from extractors.ocr import _deskew, render_gray

    doc = pymupdf.open(SCAN5)
    gray, dpi = render_gray(doc[4], 300)
    gray, ink, _ = _deskew(gray, dpi)
    rules = gi.find_rules(ink, dpi)
    table = segments_to_tables(rules.segments, 5)[0]
    clean = gi.erase_rules(gray, rules, dpi)
    inset = rules.width_px + max(2, int(dpi / 100))
    api = engine(DEFAULT_TESSDATA, "jpn")
    s = dpi / 72
    texts = []
    for cell in table.cells:
        if cell.col != 0 or cell.row < table.n_rows - 2:
            continue
        x0, y0 = int(cell.bbox.x0 * s) + inset, int(cell.bbox.y0 * s) + inset
        x1, y1 = int(cell.bbox.x1 * s) - inset, int(cell.bbox.y1 * s) - inset
        texts.append("".join(_text(read_cell_words(api, clean[y0:y1, x0:x1], dpi))))
    assert len(texts) == 2
    assert all(t.endswith("情報保護対策") for t in texts), texts
    assert "あたり市が行う" in texts[0] and "事業者に行わせる" in texts[1]


@pytest.mark.skipif(not SCAN5.exists(), reason="heldout5 corpus missing")
def test_bracket_flush_at_the_rule_is_kept():
    """heldout5 S6: '(1) 電算処理…' starts right at the cell's left rule; the crop cut the
    '(' off and the agenda items read 'AN 1)'."""
    from extractors.ocr import ocr_page
    from models.settings import ExtractSettings

    page = ocr_page(pymupdf.open(SCAN5), 1, ExtractSettings())
    text = "\n".join(c.text for t in page.tables for c in t.cells)
    for n in (1, 2, 3):
        assert f"({n})" in text.replace(" ", ""), text


SCAN4 = ROOT / "tests/heldout4/pdf/k3_sodai_gomi_scan.pdf"


@pytest.mark.skipif(not SCAN4.exists(), reason="heldout4 corpus missing")
def test_outer_number_keeps_its_space():
    """heldout4 S5: '３　年間申込件数' came out '3年間申込件数' (a quantity, not item 3)."""
    import re

    from extractors.ocr import ocr_page
    from models.settings import ExtractSettings

    page = ocr_page(pymupdf.open(SCAN4), 0, ExtractSettings())
    text = "\n".join(c.text for t in page.tables for c in t.cells)
    assert re.search(r"^3\s+年間申込件数", text, re.M), text
