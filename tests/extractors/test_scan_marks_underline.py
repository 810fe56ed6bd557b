"""Underlines on scans: a word is underlined when a rule runs just under its ink,
even when Tesseract's box for it runs on below the rule (a line's descender zone)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors import ocr_underline
from extractors import tesseract as t

DPI = 300.0
FONT = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"


def _page(rule: bool) -> tuple[np.ndarray, int]:
    """Two words in 40 px type at y 100..140; the rule (if any) under the second at y 143."""
    img = Image.new("L", (900, 260), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    d.text((40, 100), "記録項目", font=font, fill=0)
    d.text((400, 100), "連携日時", font=font, fill=0)
    if rule:
        d.line([(398, 143), (562, 143)], fill=0, width=3)
    return np.array(img), 143


def _words(image: np.ndarray) -> list[t.Word]:
    # Tesseract's boxes: y 92..170, i.e. running 27 px below the rule at y 143
    words = [
        t.Word("記録項目", 90.0, (40, 92, 200, 170), 0, 0),
        t.Word("連携日時", 90.0, (400, 92, 560, 170), 0, 0),
    ]
    t._set_strokes(words, image)
    return words


def test_word_whose_box_runs_below_the_rule_is_underlined():
    image, uy = _page(rule=True)
    lines = t.words_to_lines(_words(image), DPI, (0, 0), [(398, 562, uy)])
    spans = lines[0].spans
    assert [(s.text, s.underline) for s in spans] == [("記録項目", False), ("連携日時", True)]


def test_ink_box_follows_the_glyphs_not_the_box():
    image, _ = _page(rule=False)
    _, top, _, bottom = ocr_underline.ink_box(_words(image)[1])
    assert 95 <= top <= 110 and 130 <= bottom <= 145  # the glyphs, not 92..170


def test_ink_box_moves_with_a_box_moved_by_a_caller():
    # callers (crops read apart) move word boxes with dataclasses.replace
    image, _ = _page(rule=False)
    w = _words(image)[1]
    x0, y0, x1, y1 = w.box
    moved = replace(w, box=(x0 + 7, y0 + 300, x1 + 7, y1 + 300))
    assert ocr_underline.ink_box(moved)[1] == ocr_underline.ink_box(w)[1] + 300
    assert ocr_underline.ink_box(moved)[3] == ocr_underline.ink_box(w)[3] + 300


def test_rule_far_below_the_ink_is_not_an_underline():
    image, _ = _page(rule=False)
    lines = t.words_to_lines(_words(image), DPI, (0, 0), [(398, 562, 180)])
    assert not any(s.underline for s in lines[0].spans)


def test_offset_shifts_the_ink_rows_with_the_box():
    image, uy = _page(rule=True)
    lines = t.words_to_lines(_words(image), DPI, (10, 500), [(408, 572, uy + 500)])
    assert [s.underline for s in lines[0].spans] == [False, True]


def test_word_partly_over_the_rule_is_cut_at_the_rule():
    # one Tesseract word 結合テスト with the rule under テスト only
    image = np.full((260, 900), 255, np.uint8)
    pil = Image.fromarray(image)
    ImageDraw.Draw(pil).text((40, 100), "結合テスト", font=ImageFont.truetype(FONT, 40), fill=0)
    image = np.array(pil)
    w = t.Word("結合テスト", 90.0, (40, 92, 240, 170), 0, 0)
    t._set_strokes([w], image)
    w.chars = tuple((240 - (40 + 40 * i), 240 - (80 + 40 * i)) for i in range(5))
    lines = t.words_to_lines([w], DPI, (0, 0), [(118, 242, 143)])
    assert [(s.text, s.underline) for s in lines[0].spans] == [("結合", False), ("テスト", True)]
