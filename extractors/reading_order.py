"""Reading order across two columns of tables (two sheets or two checklists printed side by
side on a landscape page): the left column is read before the right one.

    by_columns(items)  # [(bbox, is_table)] in top-to-bottom order -> indices, columns first
"""

from __future__ import annotations

from models.layout import BBox

# The blank strip between two columns must be at least this wide (points).
MIN_GUTTER = 8.0


def by_columns(items: list[tuple[BBox, bool]]) -> list[int]:
    """Indices of `items` (already in top-to-bottom order) with each band of the page that
    holds a table on both sides of a vertical gutter read column by column: everything left
    of the gutter, then everything right of it. Items across the gutter (a page heading)
    close a band. Pages without two side-by-side tables keep their order."""
    order = list(range(len(items)))
    gutter = _gutter([b for b, _ in items], [t for _, t in items])
    if gutter is None:
        return order
    out: list[int] = []
    left: list[int] = []
    right: list[int] = []
    for i in order:
        box = items[i][0]
        if box.x1 <= gutter:
            left.append(i)
        elif box.x0 >= gutter:
            right.append(i)
        else:  # across the gutter: the band above it ends
            out += left + right + [i]
            left, right = [], []
    return out + left + right


def _gutter(boxes: list[BBox], tables: list[bool]) -> float | None:
    """An x that no item crosses, with a table wholly on each side of it, the two side by
    side (their heights overlap)."""
    tabs = [b for b, t in zip(boxes, tables, strict=True) if t]
    if len(tabs) < 2:
        return None
    for a in tabs:
        for b in tabs:
            if b.x0 - a.x1 < MIN_GUTTER:
                continue
            if min(a.y1, b.y1) - max(a.y0, b.y0) <= 0:
                continue  # not side by side
            lo, hi = a.x1, b.x0
            # the widest blank strip between them that no side-by-side item crosses
            cuts = [
                (max(lo, c.x0), min(hi, c.x1))
                for c in boxes
                if c.x0 < hi and c.x1 > lo and min(c.y1, a.y1, b.y1) > max(c.y0, min(a.y0, b.y0))
            ]
            free = _free_span(lo, hi, cuts)
            if free is not None:
                return free
    return None


def _free_span(lo: float, hi: float, cuts: list[tuple[float, float]]) -> float | None:
    """The middle of the widest part of [lo, hi] no cut covers (at least MIN_GUTTER wide)."""
    x, best = lo, None
    for c0, c1 in sorted(cuts):
        if c0 - x >= MIN_GUTTER and (best is None or c0 - x > best[1] - best[0]):
            best = (x, c0)
        x = max(x, c1)
    if hi - x >= MIN_GUTTER and (best is None or hi - x > best[1] - best[0]):
        best = (x, hi)
    return None if best is None else (best[0] + best[1]) / 2
