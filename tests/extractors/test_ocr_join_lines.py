"""Tesseract may put the pieces of one printed line in blocks of their own (a large heading
split where it could not segment a glyph); they are one line again before the line is re-read."""

from __future__ import annotations

from extractors.tesseract import Word, join_side_by_side


def _w(text, x0, x1, block, line, y0=100, y1=130):
    return Word(text, 90.0, (x0, y0, x1, y1), block, line)


def test_pieces_of_a_heading_on_one_band_are_one_line():
    words = [
        _w("高森市個人情報保護運営審", 150, 340, 0, 0, 100, 136),
        _w("k当", 340, 362, 1, 1, 104, 128),
        _w("会", 358, 380, 2, 2, 104, 128),
        _w("付議事項", 400, 460, 2, 2, 104, 128),
        _w("件名", 150, 190, 3, 3, 200, 224),  # the next line: left alone
    ]
    out = join_side_by_side(words)
    assert [(w.text, w.block, w.line) for w in out] == [
        ("高森市個人情報保護運営審", 0, 0),
        ("k当", 0, 0),
        ("会", 0, 0),
        ("付議事項", 0, 0),
        ("件名", 3, 3),
    ]


def test_columns_apart_and_lines_of_one_block_stay_as_they_are():
    words = [
        _w("件名", 100, 140, 0, 0),
        _w("窓口システムの改修", 300, 480, 1, 1),  # more than an em to the right: a column
        _w("第一行", 100, 160, 2, 2, 200, 230),
        _w("第二行", 165, 225, 2, 3, 200, 230),  # same block: Tesseract's own lines
        _w("小さな注記", 230, 260, 3, 4, 205, 215),  # a third the height: not the same type
    ]
    assert join_side_by_side(words) == words
