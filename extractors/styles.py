"""Character styles: bold (font name, font flags, fake bold) and drawn underlines.

Underlines are assigned per character, so punctuation next to an underlined run
but outside the drawn rule keeps underline=False:  「変更」 with the rule under 変更
gives 「 and 」 plain.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from extractors.drawings import Rule
from models.layout import Table

if TYPE_CHECKING:
    from extractors.textlayer import Glyph, GlyphLine

# PyMuPDF span flag bit 4 (TEXT_FONT_BOLD).
FONT_FLAG_BOLD = 16
# MuPDF char_flags (TEXT_COLLECT_STYLES): BOLD is MuPDF's own synthetic-bold finding
# (the same glyph printed twice at a small offset); FILLED + STROKED is render mode 2.
CHAR_BOLD, CHAR_FILLED, CHAR_STROKED = 8, 16, 32

_BOLD_NAME = re.compile(
    r"(bold|heavy|black|demi|semibold|extrab|ultrab|[-,]bd\b|"
    r"[-_ ]?w[6-9]\b|w1[0-2]\b|(ub|eb|db)$|(gothic|mincho)e$)",  # HGPGothicE: HG's bold face
    re.IGNORECASE,
)


def bold_font_name(font: str) -> bool:
    """Does the font's name say bold?  bold_font_name("MS-Gothic,Bold") -> True."""
    name = font.split("+", 1)[-1]  # drop a subset prefix like ABCDEF+
    return bool(_BOLD_NAME.search(name))


def is_bold(font: str, flags: int, char_flags: int) -> bool:
    """Bold by font name, font flags, or drawn bold (fill+stroke or double print)."""
    if flags & FONT_FLAG_BOLD or char_flags & CHAR_BOLD:
        return True
    if char_flags & CHAR_FILLED and char_flags & CHAR_STROKED:
        return True
    return bold_font_name(font)


# ------------------------------------------------------------------ underlines

# An underline lies between 1pt above the baseline and this far below the glyphs.
UNDERLINE_BELOW = 4.0
# A rule underlines a character when it covers this much of the character's width.
UNDERLINE_COVER = 0.5
# An underline is not longer than the text by more than this many font sizes per side.
UNDERLINE_OVERHANG = 3.0
# A rule meeting a vertical rule at one end is an underline candidate from this length (pt).
ONE_END_MIN_LENGTH = 12.0


def underline_rules(rules: list[Rule], tables: list[Table]) -> list[Rule]:
    """Horizontal rules that may be underlines: not frames, not touching a vertical rule
    at either end (a box or cell edge), and not a table's row border (collinear pieces
    joined, running from column edge to column edge at a row edge)."""
    verticals = sorted((r for r in rules if r.orient == "v"), key=lambda r: r.pos)
    vpos = [v.pos for v in verticals]
    out = []
    for r, (start, end) in _joined_extents([r for r in rules if r.orient == "h" and not r.frame]):
        ends = [any(_meets(r.pos, x, v) for v in _around(verticals, vpos, x)) for x in (start, end)]
        # A cell or box edge runs between two vertical rules. A rule that meets one only may
        # underline text that starts at the cell's edge (Excel's narrow cell padding), unless
        # it is short (the foot of a drawn bracket).
        if all(ends) or (any(ends) and end - start < ONE_END_MIN_LENGTH):
            continue
        if any(_is_row_border(r.pos, start, end, t) for t in tables):
            continue
        out.append(r)
    return out


def _around(rules: list[Rule], positions: list[float], x: float, tol: float = 1.5) -> list[Rule]:
    return rules[bisect.bisect_left(positions, x - tol) : bisect.bisect_right(positions, x + tol)]


def text_underlines(rules: list[Rule], lines: list[GlyphLine]) -> list[Rule]:
    """Rules that underline text: free-standing (not a frame, not ending on a vertical
    rule) and lying just below glyphs that cover at least half of the rule. These never
    take part in a table grid (otherwise every underlined line would become a row)."""
    free = underline_rules(rules, [])
    if not free:
        return []
    bands = sorted(
        (
            (max(g.oy for g in ln.glyphs) - 1.0, max(g.y1 for g in ln.glyphs) + UNDERLINE_BELOW, ln)
            for ln in lines
            if ln.horizontal and ln.glyphs
        ),
        key=lambda b: b[0],
    )
    los = [b[0] for b in bands]
    reach = max((hi - lo for lo, hi, _ in bands), default=0.0)
    out = []
    for r in free:
        covered = 0.0
        for _, hi, ln in bands[
            bisect.bisect_left(los, r.pos - reach) : bisect.bisect_right(los, r.pos)
        ]:
            if r.pos > hi or ln.bbox[2] <= r.start or ln.bbox[0] >= r.end:
                continue
            covered += sum(
                max(0.0, min(g.x1, r.end) - max(g.x0, r.start)) for g in _glyphs_over(ln, r)
            )
        if covered >= 0.5 * r.length:
            out.append(r)
    return out


def _joined_extents(rules: list[Rule], gap: float = 4.0) -> list[tuple[Rule, tuple[float, float]]]:
    """Each rule with the extent of the chain of collinear pieces it belongs to
    (legacy generators draw one border as many short pieces)."""
    rules = sorted(rules, key=lambda r: (round(r.pos * 4), r.start))
    out: list[tuple[Rule, tuple[float, float]]] = []
    chain: list[Rule] = []
    reach = 0.0

    def flush() -> None:
        if chain:
            ext = (min(c.start for c in chain), reach)
            out.extend((c, ext) for c in chain)

    for r in rules:
        if chain and abs(r.pos - chain[-1].pos) <= 0.3 and r.start <= reach + gap:
            chain.append(r)
            reach = max(reach, r.end)
        else:
            flush()
            chain = [r]
            reach = r.end
    flush()
    return out


def _meets(pos: float, x: float, v: Rule) -> bool:
    """Does a horizontal rule at height ``pos`` ending at ``x`` meet the vertical rule ``v``?"""
    return v.start - 1.5 <= pos <= v.end + 1.5 and abs(v.pos - x) <= 1.5


def _is_row_border(pos: float, start: float, end: float, t: Table) -> bool:
    if not any(abs(pos - y) <= 1.5 for y in t.row_edges):
        return False
    return any(abs(start - x) <= 2.0 for x in t.col_edges) and any(
        abs(end - x) <= 2.0 for x in t.col_edges
    )


def mark_underlines(lines: list[GlyphLine], rules: list[Rule]) -> None:
    """Set Glyph.underline for every glyph of a horizontal line with a rule just below it."""
    if not rules:
        return
    rules = sorted(rules, key=lambda r: r.pos)
    positions = [r.pos for r in rules]

    for line in lines:
        if not line.horizontal or not line.glyphs:
            continue
        base = max(g.oy for g in line.glyphs)
        bottom = max(g.y1 for g in line.glyphs)
        lo = bisect.bisect_left(positions, base - 1.0)
        hi = bisect.bisect_right(positions, max(bottom, base) + UNDERLINE_BELOW)
        size = max((g.size for g in line.glyphs), default=10.0)
        for rule in rules[lo:hi]:
            _underline_glyphs(line, rule, size)


def _underline_glyphs(line: GlyphLine, rule: Rule, size: float) -> None:
    if line.bbox[2] <= rule.start or line.bbox[0] >= rule.end:
        return
    hits = [g for g in _glyphs_over(line, rule) if _covered(g.x0, g.x1, rule)]
    if not hits:
        return
    # A long page rule under a short text is a separator, not an underline.
    if (
        rule.start < hits[0].x0 - UNDERLINE_OVERHANG * size
        and rule.end > hits[-1].x1 + UNDERLINE_OVERHANG * size
    ):
        return
    for g in hits:
        g.underline = True


def _glyphs_over(line: GlyphLine, rule: Rule) -> list[Glyph]:
    """The glyphs of a horizontal line (sorted by x0) that may overlap the rule's x range."""
    xs = line.x0s()
    lo = bisect.bisect_left(xs, rule.start - line.max_width())
    return line.glyphs[lo : bisect.bisect_right(xs, rule.end)]


def _covered(x0: float, x1: float, rule: Rule) -> bool:
    w = x1 - x0
    if w <= 0:
        return False
    overlap = min(x1, rule.end) - max(x0, rule.start)
    return overlap >= UNDERLINE_COVER * w
