"""Underlines on OCR'd lines: which words a scanned rule runs under.

A rule found on the page image (x0, x1, y in page pixels) underlines a word when it runs
just under the word's ink along at least half its width; a word only partly over a rule
is cut at the rule with Tesseract's character boxes. Used by words_to_lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from extractors.tesseract import Word


def line_underlines(
    group: list[Word], underlines: Sequence[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """The underlines that end with the text of this line: a rule running on well past
    an end of the text is a form's separator line, not an underline."""
    em = float(np.median([w.box[3] - w.box[1] for w in group]))
    lx0, lx1 = min(w.box[0] for w in group), max(w.box[2] for w in group)
    return [u for u in join_pieces(underlines, em / 2) if u[0] >= lx0 - em and u[1] <= lx1 + em]


def join_pieces(
    underlines: Sequence[tuple[int, int, int]], gap: float
) -> list[tuple[int, int, int]]:
    """Pieces of one rule (a scan breaks a thin rule up) joined: same height, small gaps."""
    out: list[tuple[int, int, int]] = []
    for x0, x1, y in sorted(underlines, key=lambda u: (u[2], u[0])):
        last = out[-1] if out else None
        if last and abs(last[2] - y) <= 3 and x0 - last[1] <= gap:
            out[-1] = (last[0], max(last[1], x1), last[2])
        else:
            out.append((x0, x1, y))
    return out


def split_underlined(w: Word, underlines: Sequence[tuple[int, int, int]]) -> list[Word]:
    """A word only partly over an underline, cut where the underline starts or ends."""
    if not underlines or len(w.chars) != len(w.text) or len(w.text) < 2:
        return [w]
    x0, y0, x1, y1 = ink_box(w)
    right = w.box[2]
    flags = [is_underlined((right - a, y0, right - b, y1), underlines) for a, b in w.chars]
    if all(flags) or not any(flags):
        return [w]
    # the pieces keep no character boxes: they are judged whole from here on
    return [replace(p, chars=(), glyph_strokes=()) for p, _ in cut_word(w, flags)]


def cut_word(w: Word, flags: Sequence[bool]) -> list[tuple[Word, bool]]:
    """The word cut where `flags` (one per character, with its character boxes known)
    change: (piece, flag) in order. Each piece's box runs from its first character's left
    to its last one's right (the word's own ends at the word's ends); its character and
    glyph boxes are re-measured from its own right edge; ink is shared out by length."""
    out: list[tuple[Word, bool]] = []
    right = w.box[2]
    start = 0
    for i in range(1, len(flags) + 1):
        if i == len(flags) or flags[i] != flags[start]:
            left, end = right - w.chars[start][0], right - w.chars[i - 1][1]
            box = (
                w.box[0] if start == 0 else left,
                w.box[1],
                w.box[2] if i == len(flags) else end,
                w.box[3],
            )
            shift = right - box[2]
            piece = replace(
                w,
                text=w.text[start:i],
                box=box,
                chars=tuple((a - shift, b - shift) for a, b in w.chars[start:i]),
                glyph_strokes=tuple(
                    (a - shift, b - shift, stroke, ink)
                    for a, b, stroke, ink in w.glyph_strokes
                    if box[0] <= right - (a + b) / 2 <= box[2]
                ),
                ink=max(1, w.ink * (i - start) // len(flags)),
                space_before=w.space_before if start == 0 else 0.0,
            )
            out.append((piece, flags[start]))
            start = i
    return out


def ink_box(w: Word) -> tuple[int, int, int, int]:
    """The word's box cut to the rows of its ink: where an underline is looked for."""
    if w.ink_rise is None:
        return w.box
    x0, _, x1, y1 = w.box
    return (x0, y1 - w.ink_rise[0], x1, y1 - w.ink_rise[1])


def is_underlined(
    box: tuple[int, int, int, int], underlines: Sequence[tuple[int, int, int]]
) -> bool:
    """A line runs just under the word along at least half its width."""
    x0, y0, x1, y1 = box
    h = max(1, y1 - y0)
    for ux0, ux1, uy in underlines:
        if y1 - 0.25 * h <= uy <= y1 + 0.6 * h and min(x1, ux1) - max(x0, ux0) >= 0.5 * (x1 - x0):
            return True
    return False
