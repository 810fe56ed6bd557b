"""Bold type in part of an OCR'd line (a change mark in bold Gothic inside a sentence, as the
seeds print them): the line is cut where bold starts and ends, judged character by character
from each Tesseract word's stroke width, not averaged over the line."""

from __future__ import annotations

from extractors.tesseract import Word, _fill_runs, piece_bold, words_to_lines

DPI = 300.0
BOLD = 3.0  # the page's bold threshold (pixels of stroke)


def _w(text: str, x0: int, stroke: float, ink: int = 700) -> Word:
    w = Word(
        text, 90.0, (x0, 100, x0 + 38 * len(text), 138), 0, 0, stroke=stroke, ink=ink * len(text)
    )
    return w


def _line(parts: list[tuple[str, float]]) -> list[Word]:
    out, x = [], 0
    for text, stroke in parts:
        ink = 60 if text in ("、", "(", ")") else 700
        out.append(_w(text, x, stroke, ink))
        x += 38 * len(text)
    return out


def test_a_bold_stretch_mid_line_is_its_own_span_brackets_included():
    words = _line(
        [
            ("傷病名", 2.4),
            ("、", 4.7),
            ("観察結果", 5.0),
            ("(", 2.4),
            ("意識", 4.6),
            ("体温", 3.6),
            (")", 2.5),
            ("、", 2.5),
            ("搬送先", 2.5),
        ]
    )
    lines = words_to_lines(words, DPI, (0, 0), bold_stroke=BOLD)
    got = [(s.text, s.bold) for s in lines[0].spans]
    assert got == [("傷病名、", False), ("観察結果(意識体温)", True), ("、搬送先", False)]


def test_a_line_bold_throughout_or_nowhere_is_judged_as_a_whole():
    words = _line([("通信を", 3.4), ("暗号化", 3.2), ("する", 3.1)])
    assert piece_bold(words, BOLD, DPI) == [None, None, None]
    (span,) = words_to_lines(words, DPI, (0, 0), bold_stroke=BOLD)[0].spans
    assert span.bold
    words = _line([("通信を", 2.4), ("暗号化", 2.5), ("する", 2.4)])
    assert not words_to_lines(words, DPI, (0, 0), bold_stroke=BOLD)[0].spans[0].bold


def test_one_thick_glyph_does_not_cut_a_line():
    words = _line([("個人情報", 2.4), ("鬱", 3.8), ("の保護", 2.4)])
    assert piece_bold(words, BOLD, DPI) == [None, None, None]


def test_short_stretches_take_the_other_side_and_undecided_take_their_neighbours():
    t, f = True, False
    assert _fill_runs([f, f, f, None, t, t, t, t]) == [f, f, f, f, t, t, t, t]
    assert _fill_runs([f, f, f, f, t, f, f, f]) == [f] * 8
    assert _fill_runs([None, t, t, t, None]) == [t] * 5
