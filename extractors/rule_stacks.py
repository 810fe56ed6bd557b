"""Tables ruled with horizontal rules only: a stack of parallel rules -> virtual column
rules inferred from the text -> segments for extractors.grid.segments_to_tables.

Offices print checklists and label/value forms with rules under every row but no
vertical lines (or only the outer frame). Columns are taken from

- gutters: x ranges free of characters in (nearly) every band between two rules;
- rule breakpoints: where the pieces of several rules end at one x (a border drawn
  per cell), and where short rules start (rules that stop at the first column's edge,
  leaving a vertically merged first cell).

A virtual vertical is drawn in a band only when no character of that band crosses it,
so a band whose text runs over a gutter becomes one merged cell.

    segs = stack_segments(hrules, vrules, glyph_boxes)   # [] when no table-like stack
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from extractors.grid import Segment, normalise_segments

# Rules shorter than this do not start a stack (underlines of a word, dashes).
MIN_STACK_RULE = 60.0
# Two rules of a stack are at most this far apart (a tall row of running text).
MAX_BAND = 250.0
# Rule ends / breakpoints agree within this many points.
END_TOL = 3.0
# A gutter is at least this wide (points).
MIN_GUTTER = 4.0
# Share of the text bands a gutter may be crossed in (merged cells): at most 1 in 4.
CROSS_SHARE = 0.25
# Resolution of the ink profile (points per cell).
STEP = 0.5


@dataclass
class _Line:
    pos: float
    x0: float
    x1: float
    ends: list[float] = field(default_factory=list)  # ends of the pieces it was drawn in


def stack_segments(
    hrules: list[Segment], vrules: list[Segment], glyphs: list[tuple], *, snap: float = 2.5
) -> list[list[Segment]]:
    """Segments (the stack's rules + real and virtual verticals) of every stack of >= 3
    horizontal rules whose text shows >= 2 consistent columns; one list per stack."""
    out = []
    for stack in _stacks(_lines(hrules, snap)):
        segs = _stack_grid(stack, vrules, glyphs)
        if segs:
            out.append(segs)
    return out


def _lines(hrules: list[Segment], snap: float) -> list[_Line]:
    """Join collinear pieces into lines, remembering where the pieces ended."""
    joined = normalise_segments(hrules, snap=snap, join_gap=END_TOL)
    out = []
    for s in joined:
        ends = [
            e
            for p in hrules
            if abs(p.pos - s.pos) <= snap and s.start - 0.01 <= p.start and p.end <= s.end + 0.01
            for e in (p.start, p.end)
        ]
        if s.end - s.start >= MIN_STACK_RULE:
            out.append(_Line(s.pos, s.start, s.end, ends))
    out.sort(key=lambda ln: ln.pos)
    return out


def _fits(stack: list[_Line], ln: _Line) -> bool:
    """Same x range as the stack, or one end shared and most of the width covered."""
    x0, x1 = min(s.x0 for s in stack), max(s.x1 for s in stack)
    if ln.pos - stack[-1].pos > MAX_BAND:
        return False
    left, right = abs(ln.x0 - x0) <= END_TOL, abs(ln.x1 - x1) <= END_TOL
    overlap = min(ln.x1, x1) - max(ln.x0, x0)
    return (left or right) and overlap >= 0.5 * max(x1 - x0, ln.x1 - ln.x0)


def _stacks(lines: list[_Line]) -> list[list[_Line]]:
    stacks: list[list[_Line]] = []
    for ln in lines:
        for st in stacks:
            if _fits(st, ln):
                st.append(ln)
                break
        else:
            stacks.append([ln])
    return [st for st in stacks if len(st) >= 3]


def _stack_grid(stack: list[_Line], vrules: list[Segment], glyphs: list[tuple]) -> list[Segment]:
    found = _stack_cuts(stack, vrules, glyphs)
    if len(stack) > 3 and _heading_on_top(stack, vrules, glyphs):
        return _stack_grid(stack[1:], vrules, glyphs)
    if found is None:
        return []
    bands, cuts = found
    x0, x1 = min(s.x0 for s in stack), max(s.x1 for s in stack)
    ys = [s.pos for s in stack]
    if len(stack) == 3:  # booktabs: top rule, rule under the header, bottom rule
        splits = _body_rows(bands[1], cuts[0])
        if splits:
            body = [_Line(y, x0, x1) for y in splits]
            return _stack_grid([*stack[:2], *body, stack[2]], vrules, glyphs)
    segs = [Segment("h", s.pos, s.x0, s.x1) for s in stack]
    segs += [Segment("v", x, ys[0], ys[-1]) for x in (x0, x1)]
    segs += [v for v in vrules if x0 - END_TOL <= v.pos <= x1 + END_TOL and _inside(v, ys)]
    for i, band in enumerate(bands):
        for x in cuts:
            if not _crossed(band, x):
                segs.append(Segment("v", x, ys[i], ys[i + 1]))
    return segs


def _stack_cuts(
    stack: list[_Line], vrules: list[Segment], glyphs: list[tuple]
) -> tuple[list[list[tuple]], list[float]] | None:
    """The bands' characters and the inner column edges, or None when the text shows no
    consistent columns."""
    x0, x1 = min(s.x0 for s in stack), max(s.x1 for s in stack)
    ys = [s.pos for s in stack]
    bands = _bands(ys, x0, x1, glyphs)
    text_bands = [b for b in bands if b]
    if len(text_bands) < 2 or _boxes_not_frame(stack, vrules):
        return None
    ink = _ink(text_bands, x0, x1)
    allowed = int(CROSS_SHARE * len(text_bands))
    cuts = _columns(stack, vrules, ink, allowed, x0, x1, ys)
    if not _consistent(cuts, text_bands, x0, x1) or _marker_column(text_bands, cuts[0]):
        return None
    return bands, cuts


def _heading_on_top(stack: list[_Line], vrules: list[Segment], glyphs: list[tuple]) -> bool:
    """The first band's text runs across every column the rest of the stack has: a rule
    under a page header above a heading or paragraph is no row. (A last band running
    across is kept: a note row under a table is common.)"""
    rest = _stack_cuts(stack[1:], vrules, glyphs)
    if rest is None:
        return False
    x0, x1 = min(s.x0 for s in stack), max(s.x1 for s in stack)
    (top,) = _bands([stack[0].pos, stack[1].pos], x0, x1, glyphs)
    return bool(top) and all(_crossed(top, x) for x in rest[1])


def _crossed(band: list[tuple], x: float, near: float = 1.5) -> bool:
    """Text of the band runs over x: a character straddles it, or two characters of one
    line meet there."""
    if any(g[0] < x - 0.5 and g[2] > x + 0.5 for g in band):
        return True
    left = [g for g in band if x - near <= g[2] <= x + 0.5]
    right = [g for g in band if x - 0.5 <= g[0] <= x + near]
    return any(min(a[3], b[3]) - max(a[1], b[1]) > 0.5 * (a[3] - a[1]) for a in left for b in right)


# A list marker: (1) １． ① ア a) 第1 … — numbered paragraphs between separator rules
# put their markers in a "column" of their own; that is a list, not a table.
_MARKER = re.compile(
    r"^[(（〔]?(第)?[0-9０-９一二三四五六七八九十]{1,3}[)）〕.．、]?$|^[(（]?[ア-ンａ-ｚa-zA-Zぁ-ん][)）.．、]?$|^[①-⑳⑴-⒇]$"
)


def _marker_column(bands: list[list[tuple]], first_cut: float) -> bool:
    """The first column holds nothing but list markers in every band that has text there."""
    texts = []
    for band in bands:
        chars = sorted(
            (g for g in band if (g[0] + g[2]) / 2 < first_cut), key=lambda g: (g[1], g[0])
        )
        if chars:
            texts.append("".join(g[4] if len(g) > 4 else "?" for g in chars))
    return len(texts) >= 2 and all(_MARKER.match(t) for t in texts)


def _body_rows(band: list[tuple], first_cut: float) -> list[float]:
    """Row boundaries inside the body of a booktabs table: before every text line that
    starts in the first column, when >= 3 such lines exist, the body's first line is one
    and most of them have text beside them (a label/value or item/detail layout)."""
    rows = _text_rows(band)
    starts = [i for i, (_, _, xs) in enumerate(rows) if min(xs) < first_cut]
    if len(starts) < 3 or starts[0] != 0:
        return []
    paired = sum(1 for i in starts if max(rows[i][2]) > first_cut)
    if paired < 0.66 * len(starts):
        return []
    return [(rows[i - 1][1] + rows[i][0]) / 2 for i in starts[1:]]


def _text_rows(band: list[tuple]) -> list[tuple[float, float, list[float]]]:
    """Characters grouped into text lines across the whole width: (y0, y1, centre xs)."""
    rows: list[tuple[float, float, list[float]]] = []
    for g in sorted(band, key=lambda g: g[1]):
        cy, cx = (g[1] + g[3]) / 2, (g[0] + g[2]) / 2
        if rows and rows[-1][0] <= cy <= rows[-1][1]:
            y0, y1, xs = rows[-1]
            rows[-1] = (y0, max(y1, g[3]), [*xs, cx])
        else:
            rows.append((g[1], g[3], [cx]))
    return rows


def _inside(v: Segment, ys: list[float]) -> bool:
    return v.start >= ys[0] - END_TOL and v.end <= ys[-1] + END_TOL


def _bands(ys: list[float], x0: float, x1: float, glyphs: list[tuple]) -> list[list[tuple]]:
    """Character boxes of each band between two rules (by their centres)."""
    out: list[list[tuple]] = [[] for _ in ys[1:]]
    for g in glyphs:
        cx, cy = (g[0] + g[2]) / 2, (g[1] + g[3]) / 2
        if not (x0 <= cx <= x1 and ys[0] < cy < ys[-1]):
            continue
        for i in range(len(ys) - 1):
            if ys[i] < cy < ys[i + 1]:
                out[i].append(g)
                break
    return out


def _ink(bands: list[list[tuple]], x0: float, x1: float) -> np.ndarray:
    """Per x step: in how many bands a character covers it."""
    n = int((x1 - x0) / STEP) + 1
    count = np.zeros(n, dtype=int)
    for band in bands:
        row = np.zeros(n, dtype=bool)
        for g in band:
            a = max(0, int((g[0] - x0) / STEP))
            b = min(n, int(np.ceil((g[2] - x0) / STEP)))
            row[a:b] = True
        count += row
    return count


def _gutters(ink: np.ndarray, allowed: int, x0: float) -> list[tuple[float, float]]:
    """x ranges between the first and last ink that no band inks (or, for a merged cell,
    that at most `allowed` bands run across, with busier ink on both sides)."""
    inked = np.nonzero(ink > 0)[0]
    if len(inked) == 0:
        return []
    out = []
    for a, b in _runs(ink <= allowed, inked[0], inked[-1]):
        zeros = _runs(ink[a:b] == 0, 0, b - a)
        if zeros:  # a sparse column's text may sit in a quiet region: only its empty parts
            out += [(a + i, a + j) for i, j in zeros if 0 < a + i and a + j < inked[-1]]
        elif ink[a - 1] > allowed and ink[b] > allowed:
            out.append((a, b))
    return [
        (float(x0 + i * STEP), float(x0 + j * STEP))
        for i, j in out
        if (j - i) * STEP >= MIN_GUTTER and i > inked[0]
    ]


def _runs(mask: np.ndarray, lo: int, hi: int) -> list[tuple[int, int]]:
    """Maximal [i, j) runs of True in mask[lo:hi]."""
    out, i = [], lo
    while i < hi:
        if mask[i]:
            j = i
            while j < hi and mask[j]:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _columns(
    stack: list[_Line],
    vrules: list[Segment],
    ink: np.ndarray,
    allowed: int,
    x0: float,
    x1: float,
    ys: list[float],
) -> list[float]:
    """Inner column edges: rule breakpoints and real verticals where the text allows,
    the centre of every other gutter."""
    gutters = _gutters(ink, allowed, x0)
    known = _breakpoints(stack, x0, x1) + [
        v.pos for v in vrules if x0 + END_TOL < v.pos < x1 - END_TOL and _inside(v, ys)
    ]
    cuts: list[float] = []
    for x in sorted(known):
        i = min(len(ink) - 1, max(0, int((x - x0) / STEP)))
        if ink[i] <= allowed and not (cuts and x - cuts[-1] < MIN_GUTTER):
            cuts.append(x)
    for a, b in gutters:
        if not any(a - END_TOL <= x <= b + END_TOL for x in cuts):
            cuts.append((a + b) / 2)
    return sorted(cuts)


def _breakpoints(stack: list[_Line], x0: float, x1: float) -> list[float]:
    """Inner x where pieces of >= 2 rules end (a border drawn cell by cell)."""
    points: list[list[float]] = []
    for ln in stack:
        for e in sorted({round(e, 1) for e in ln.ends if x0 + END_TOL < e < x1 - END_TOL}):
            for p in points:
                if abs(p[0] - e) <= END_TOL:
                    p.append(e)
                    break
            else:
                points.append([e])
    return [sum(p) / len(p) for p in points if len(p) >= 2]


def _consistent(cuts: list[float], bands: list[list[tuple]], x0: float, x1: float) -> bool:
    """>= 2 columns, every column holds text in some band, and most bands hold text in
    >= 2 columns kept apart by an uncrossed edge (a page of paragraphs between separator
    rules, or a diagram's stacked boxes with centred captions, does not)."""
    if not cuts:
        return False
    edges = [x0, *cuts, x1]
    used = [0] * (len(edges) - 1)
    multi = 0
    for band in bands:
        cols = set()
        for g in band:
            cx = (g[0] + g[2]) / 2
            for k in range(len(edges) - 1):
                if edges[k] <= cx < edges[k + 1]:
                    cols.add(k)
        for k in cols:
            used[k] += 1
        lo, hi = min(cols), max(cols)
        multi += any(not _crossed(band, edges[k]) for k in range(lo + 1, hi + 1))
    return all(used) and multi >= max(2, 0.5 * len(bands))


def _boxes_not_frame(stack: list[_Line], vrules: list[Segment]) -> bool:
    """Vertical rules on the stack's outer edges that close some bands but not others:
    separate boxes stacked in a diagram, not a table's frame."""
    x0, x1 = min(s.x0 for s in stack), max(s.x1 for s in stack)
    ys = [s.pos for s in stack]
    for x in (x0, x1):
        side = [v for v in vrules if abs(v.pos - x) <= END_TOL]
        closed = [
            any(v.start <= a + END_TOL and v.end >= b - END_TOL for v in side)
            for a, b in zip(ys, ys[1:], strict=False)
        ]
        if any(closed) and not all(closed):
            return True
    return False
