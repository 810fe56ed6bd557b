"""Ruled tables whose first column may be merged vertically over a group of rows.

A table is a list of Groups. Each group has a first-column cell (a label, or a
checklist party cell) merged over the group's rows; each row holds the remaining
cells. Rows break across pages (the continuation repeats no header), and one very
tall row is split between pages the way Word and Excel split a long cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .engine import BOTTOM, TOP, Cell, Doc
from .fonts import text_width


@dataclass
class Group:
    first: Cell
    rows: list[list[Cell]]
    first_edges: str = "tblr"
    on_row: Callable[[int, int], None] | None = None  # (row index, page) when a row starts
    first_valign: str = "top"


@dataclass
class _Seg:
    top: float
    rows_drawn: int = 0
    text_pending: bool = True
    row_tops: list[float] = field(default_factory=list)


def cell_height(doc: Doc, cell: Cell) -> float:
    lead = _lead(doc, cell)
    return len(cell.lines) * lead + 2 * doc.route.pad


def _lead(doc: Doc, cell: Cell) -> float:
    size = cell.size or doc.route.size
    return doc.route.leading * size / doc.route.size


def draw_table(doc: Doc, xs: list[float], groups: list[Group]) -> None:
    for g in groups:
        _draw_group(doc, xs, g)


def _draw_group(doc: Doc, xs: list[float], g: Group) -> None:
    heights = [max(cell_height(doc, c) for c in row) for row in g.rows]
    first_h = cell_height(doc, g.first)
    if first_h > sum(heights):
        heights[-1] += first_h - sum(heights)
    need = max(heights[0], min(first_h, BOTTOM - TOP))
    if heights[0] > (BOTTOM - TOP) * 0.3:
        need = min(need, first_h + 3 * doc.route.leading)
    doc.ensure(need)
    seg = _Seg(top=doc.y)
    i = 0
    rows = list(g.rows)
    while i < len(rows):
        row, h = rows[i], heights[i]
        if not doc.fits(h):
            room = BOTTOM - doc.y
            if h > (BOTTOM - TOP) * 0.3 and room > 4 * doc.route.leading:
                head, tail = _split_row(doc, row, room)
                hh = max(cell_height(doc, c) for c in head)
                _draw_row(doc, xs, seg, head, hh, g, i, continuation=False)
                rows[i] = tail
                heights[i] = max(cell_height(doc, c) for c in tail)
                _close(doc, xs, seg, g)
                doc.new_page()
                seg = _Seg(top=doc.y, text_pending=False)
                _draw_row(doc, xs, seg, rows[i], heights[i], g, None, continuation=True)
                i += 1
                continue
            if seg.rows_drawn:
                _close(doc, xs, seg, g)
            doc.new_page()
            seg = _Seg(top=doc.y, text_pending=seg.text_pending and not seg.rows_drawn)
        _draw_row(doc, xs, seg, row, h, g, i, continuation=False)
        i += 1
    _close(doc, xs, seg, g)


def _split_row(doc: Doc, row: list[Cell], room: float):
    head, tail = [], []
    for cell in row:
        k = max(1, int((room - 2 * doc.route.pad) // _lead(doc, cell)))
        head.append(Cell(cell.lines[:k], cell.align, cell.size, cell.font, cell.mark, cell.label))
        rest = cell.lines[k:] or [[]]
        tail.append(Cell(rest, cell.align, cell.size, cell.font, None, cell.label))
    return head, tail


def _draw_row(doc, xs, seg: _Seg, row, h, g: Group, index, continuation: bool) -> None:
    r, c = doc.route, doc.c
    top, bot = doc.y, doc.y + h
    if index is not None and g.on_row is not None:
        g.on_row(index, doc.page)
    cols = _row_cols(xs, row)
    for (x0, x1), cell in zip(cols, row, strict=True):
        _draw_cell_text(doc, cell, x0, x1, top)
    c.setLineWidth(r.rule_w)
    if r.name == "excel":
        for (x0, x1), cell in zip(cols, row, strict=True):
            r.cell_edges(c, x0, doc.rl(top), x1, doc.rl(bot), getattr(cell, "edges", "tblr"))
    else:
        start = xs[0] if seg.rows_drawn == 0 else xs[1]
        r.hline(c, start, xs[-1], doc.rl(top))
        for x in sorted({xs[0]} | {a for a, _ in cols} | {xs[-1]}):
            r.vline(c, x, doc.rl(top), doc.rl(bot))
    seg.rows_drawn += 1
    doc.y = bot


def _row_cols(xs, row):
    if len(row) == 1:
        return [(xs[1], xs[-1])]
    return [(xs[k + 1], xs[k + 2]) for k in range(len(row))]


def _close(doc: Doc, xs, seg: _Seg, g: Group) -> None:
    """Finish the merged first-column cell on this page: its text and its borders."""
    r, c = doc.route, doc.c
    if seg.text_pending:
        h = doc.y - seg.top
        y = seg.top
        if g.first_valign == "middle":
            y = seg.top + max(0.0, (h - cell_height(doc, g.first)) / 2)
        _draw_cell_text(doc, g.first, xs[0], xs[1], y)
        seg.text_pending = False
    c.setLineWidth(r.rule_w)
    if r.name == "excel":
        r.cell_edges(c, xs[0], doc.rl(seg.top), xs[1], doc.rl(doc.y), g.first_edges)
    else:
        r.hline(c, xs[0], xs[-1], doc.rl(doc.y))


def _draw_cell_text(doc: Doc, cell: Cell, x0: float, x1: float, top: float) -> None:
    r = doc.route
    size = cell.size or r.size
    lead = _lead(doc, cell)
    y = top + r.pad + (lead - size) / 2
    for n, line in enumerate(cell.lines):
        if n == 0 and cell.mark is not None:
            r.draw_mark(doc.c, (x0 + x1) / 2, doc.rl(y + size), cell.mark, size)
            y += lead
            continue
        if cell.label and len(cell.lines) == 1 and r.name == "legacy":
            text = "".join(t for t, _ in line)
            if 2 <= len(text) <= 4:
                r.draw_label(doc.c, x0 + r.pad * 2, min(x1 - r.pad * 2, x0 + 12 + 22 * len(text)),
                             doc.rl(y + size), text, size)
                y += lead
                continue
        x = x0 + r.pad
        if cell.align == "center":
            w = sum(text_width(t, cell.font or r.font_of(s), size) for t, s in line)
            x = (x0 + x1 - w) / 2
        doc.draw_line(x, y, line, size, cell.font)
        y += lead


def text_cell(doc: Doc, text: str, width: float, size: float | None = None,
              align: str = "left", label: bool = False, edges: str = "tblr") -> Cell:
    inner = width - 2 * doc.route.pad
    cell = Cell(doc.wrap(text, inner, size), align=align, size=size, label=label)
    cell.edges = edges  # type: ignore[attr-defined]
    return cell
