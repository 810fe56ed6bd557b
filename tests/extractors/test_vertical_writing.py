"""Vertical writing set glyph by glyph (Chromium's writing-mode: vertical-rl, heldout11's
cover): each glyph comes as a one-glyph line; a column of them is one line again."""

from __future__ import annotations

import pymupdf
from build_pdfs import new_page, save, text

from extractors.layout import extract_layout


def test_a_column_of_single_glyphs_is_one_vertical_line(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    for k, ch in enumerate("件名：学校給食費について"):
        text(page, 400, 100 + 12 * k, ch, size=10.5)
    for k, ch in enumerate("内容は別紙のとおり"):
        text(page, 370, 100 + 12 * k, ch, size=10.5)
    text(page, 72, 600, "横書きの行です。")
    lay = extract_layout(save(doc, tmp_path / "tate.pdf"))
    lines = [
        ln.text.replace(" ", "").replace("\u3000", "")
        for b in lay.pages[0].blocks
        for ln in b.lines
    ]
    assert "件名：学校給食費について" in lines
    assert "内容は別紙のとおり" in lines
    assert "横書きの行です。" in lines
