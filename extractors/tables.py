"""Ruled tables of a born-digital page: vector rules -> grid -> cells, drawn marks,
and tables continued across a page break.

fugi builds its own ruled grid from the vector drawings and does not call
PyMuPDF's find_tables() (2.x runs an ONNX layout model inside it): deliberate,
for speed, determinism and merged-cell control.
"""

from __future__ import annotations

from extractors.drawings import PageDrawings, Rule
from extractors.grid import Segment, segments_to_tables
from extractors.rule_stacks import stack_segments
from models.layout import Page, Table
from models.settings import ExtractSettings

# Rules shorter than this do not take part in grids (the short dash of a "－" mark is
# longer, but it touches no other rule, so it never joins a grid anyway).
MIN_SEGMENT = 1.0


def rules_to_tables(
    drawings: PageDrawings,
    page: int,
    settings: ExtractSettings,
    skip: list[Rule] | None = None,
    glyph_boxes: list[tuple] | None = None,
) -> list[Table]:
    """The ruled tables on a page, top to bottom, with empty cells; `skip` holds rules
    known not to be borders (underlines of text). With `glyph_boxes` (x0, y0, x1, y1, char
    of the visible characters), stacks of horizontal rules without inner verticals get
    their columns from the text (extractors.rule_stacks)."""
    skip_ids = {id(r) for r in skip or []}
    segs = [
        Segment(r.orient, r.pos, r.start, r.end)
        for r in drawings.rules
        if r.length >= MIN_SEGMENT and id(r) not in skip_ids
    ]
    kw = {"snap": settings.snap, "join_gap": settings.join_gap, "min_cell": settings.min_cell}
    tables = segments_to_tables(segs, page, **kw)
    if glyph_boxes:
        tables = _add_stack_tables(tables, segs, glyph_boxes, page, kw)
    return tables


def _add_stack_tables(
    tables: list[Table], segs: list[Segment], glyphs: list[tuple], page: int, kw: dict
) -> list[Table]:
    """Tables from stacks of horizontal rules lying outside every ruled table with >= 2
    columns; a one-column "table" (a frame around rows) is replaced by its stack's table."""
    gridded = [t for t in tables if t.n_cols >= 2]
    free_h = [s for s in segs if s.orient == "h" and not any(_on_table(s, t) for t in gridded)]
    vs = [s for s in segs if s.orient == "v" and not any(_on_table(s, t) for t in gridded)]
    found: list[Table] = []
    for stack in stack_segments(free_h, vs, glyphs, snap=kw["snap"]):
        found += [t for t in segments_to_tables(stack, page, **kw) if t.n_cols >= 2]
    if not found:
        return tables
    kept = [t for t in tables if t.n_cols >= 2 or not any(_overlaps(t, f) for f in found)]
    out = kept + found
    out.sort(key=lambda t: (round(t.bbox.y0, 1), t.bbox.x0))
    return out


def _on_table(s: Segment, t: Table, tol: float = 3.0) -> bool:
    b = t.bbox
    if s.orient == "h":
        return b.y0 - tol <= s.pos <= b.y1 + tol and s.start < b.x1 - tol and s.end > b.x0 + tol
    return b.x0 - tol <= s.pos <= b.x1 + tol and s.start < b.y1 - tol and s.end > b.y0 + tol


def _overlaps(a: Table, b: Table) -> bool:
    return (
        a.bbox.x0 < b.bbox.x1
        and b.bbox.x0 < a.bbox.x1
        and a.bbox.y0 < b.bbox.y1
        and b.bbox.y0 < a.bbox.y1
    )


def mark_drawn_marks(table: Table, drawings: PageDrawings, glyph_boxes: list[tuple]) -> None:
    """○ drawn as a small closed curve, － drawn as a short lone dash, inside a cell.

    glyph_boxes: (x0, y0, x1, y1, ...) of the page's visible glyphs, so a dash that sits
    under text (an underline) is not read as a mark."""
    t = table.bbox
    dashes = [
        r
        for r in drawings.rules
        if r.orient == "h"
        and not r.frame
        and 2.0 <= r.length <= 40.0
        and t.x0 < r.start
        and r.end < t.x1
        and t.y0 < r.pos < t.y1
    ]
    shapes = [
        s for s in drawings.shapes if t.x0 < s.x1 and s.x0 < t.x1 and t.y0 < s.y1 and s.y0 < t.y1
    ]
    if not dashes and not shapes:
        return
    for cell in table.cells:
        b = cell.bbox
        for s in shapes:
            cx, cy = (s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2
            fits = (s.x1 - s.x0) <= b.width and (s.y1 - s.y0) <= b.height
            if fits and b.x0 < cx < b.x1 and b.y0 < cy < b.y1:
                cell.drawn_mark = "○"
                break
        if cell.drawn_mark is None and _has_dash(cell.bbox, dashes, glyph_boxes):
            cell.drawn_mark = "－"


def _has_dash(b, rules: list[Rule], glyph_boxes: list[tuple]) -> bool:  # noqa: ANN001
    for r in rules:
        if not (b.y0 + 2 < r.pos < b.y1 - 2 and b.x0 + 1.5 < r.start and r.end < b.x1 - 1.5):
            continue
        if r.length > 0.7 * b.width:
            continue
        centre = (r.start + r.end) / 2
        if abs(centre - (b.x0 + b.x1) / 2) > 0.25 * b.width:
            continue
        if any(_text_touches(r, g) for g in glyph_boxes):
            continue
        return True
    return False


def _text_touches(r: Rule, g: tuple) -> bool:
    x0, y0, x1, y1 = g[:4]
    return x1 > r.start and x0 < r.end and y0 - 2 <= r.pos <= y1 + 4


# ------------------------------------------------------------------ page breaks


def link_continuations(pages: list[Page], settings: ExtractSettings) -> None:
    """Set Table.continues on the first table of a page when it carries on the last
    table of the previous page: it starts near the top, that one ends near the bottom,
    and their column edges agree. Geometry only, never content."""
    for prev, page in zip(pages, pages[1:], strict=False):
        if not prev.tables or not page.tables:
            continue
        last = max(range(len(prev.tables)), key=lambda i: prev.tables[i].bbox.y1)
        before, first = prev.tables[last], min(page.tables, key=lambda t: t.bbox.y0)
        if not (_ends_low(before, prev, settings) and _starts_high(first, page, settings)):
            continue
        if _heading_above(first, page) or not _same_columns(
            before, first, settings.continuation_tol
        ):
            continue
        first.continues = last


def _ends_low(t: Table, page: Page, s: ExtractSettings) -> bool:
    return t.bbox.y1 >= page.height * (1 - s.continuation_margin)


def _starts_high(t: Table, page: Page, s: ExtractSettings) -> bool:
    return t.bbox.y0 <= page.height * s.continuation_margin


# Text above a table lower than this share of the page height is a heading of a new
# table (a running header sits higher).
RUNNING_HEADER = 0.05


def _heading_above(t: Table, page: Page) -> bool:
    """A text block between the running-header band and the table's top: a new table."""
    band = page.height * RUNNING_HEADER
    return any(b.bbox.y1 <= t.bbox.y0 + 1 and b.bbox.y0 >= band for b in page.blocks)


def _same_columns(a: Table, b: Table, tol: float) -> bool:
    """Outer edges agree, and every inner edge of the narrower-edged table has a partner
    in the other (a continued table may lose a header's merged columns)."""
    if abs(a.col_edges[0] - b.col_edges[0]) > tol or abs(a.col_edges[-1] - b.col_edges[-1]) > tol:
        return False
    small, big = sorted((a.col_edges, b.col_edges), key=len)
    return all(any(abs(x - y) <= tol for y in big) for x in small)
