"""A text layer whose ToUnicode map points at a lone UTF-16 surrogate (found by bench/fuzz.py:
the worker died serialising the result) reads as U+FFFD, and the layout serialises."""

from __future__ import annotations

import pymupdf
from build_pdfs import new_page, remap_tounicode, save, text

from extractors.layout import extract_layout
from extractors.textlayer import read_glyph_lines
from models.settings import ExtractSettings


def test_lone_surrogate_becomes_replacement_character(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    text(page, 72, 100, "個人情報保護")
    path = remap_tounicode(save(doc, tmp_path / "s.pdf"), "個人情報保護", {"情": "\udc05"})
    with pymupdf.open(path) as d:
        chars = "".join(g.c for gl in read_glyph_lines(d[0]) for g in gl.glyphs)
    assert chars == "個人\ufffd報保護"
    layout = extract_layout(path, ExtractSettings(ocr="never"))
    assert "\ufffd" in layout.model_dump_json()  # valid UTF-8 all the way
