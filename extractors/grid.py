"""Ruled grids: line segments -> tables with (merged) cells; text lines -> cells.

Shared by the text-layer path (segments from vector drawings, extractors/tables.py)
and the scan path (segments from image lines, extractors/grid_image.py).
All coordinates are PDF points, origin top-left.

    segs = [Segment("h", 10, 10, 110), Segment("h", 30, 10, 110), Segment("h", 50, 10, 110),
            Segment("v", 10, 10, 50), Segment("v", 60, 10, 50), Segment("v", 110, 10, 50)]
    segments_to_tables(segs, page=1)[0].n_rows  -> 2
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from models.layout import BBox, Cell, Line, Span, Table


@dataclass
class Segment:
    """A straight rule: pos is y for "h" (x for "v"); start..end runs along it."""

    orient: Literal["h", "v"]
    pos: float
    start: float
    end: float


# A border counts as present between two grid cells when rules cover this much of it.
_BORDER_COVER = 0.6
# A merged region is kept as a cell only when this many of its sides are ruled; what
# is left over (the empty corner of an L-shaped grid) is not a cell. Three, not four:
# some tables leave out the outer left/right border.
_MIN_SIDES = 3
# Cells must tile this much of a grid's bounding box; a flow diagram's boxes and
# arrows form a connected "grid" that is mostly empty space.
_MIN_FILL = 0.7


def segments_to_tables(
    segments: list[Segment],
    page: int,
    *,
    snap: float = 2.5,
    join_gap: float = 4.0,
    min_cell: float = 4.0,
) -> list[Table]:
    """Group rules into connected grids and emit one Table per grid (top to bottom)."""
    segs = _normalise(segments, snap=snap, join_gap=join_gap)
    tables: list[Table] = []
    for comp in _components(segs, tol=join_gap):
        table = _component_to_table(comp, page, snap=snap, min_cell=min_cell)
        if table is not None:
            tables.append(table)
    tables.sort(key=lambda t: (round(t.bbox.y0, 1), t.bbox.x0))
    return tables


# ---------------------------------------------------------------- normalising


def normalise_segments(
    segments: list[Segment], *, snap: float = 2.5, join_gap: float = 4.0
) -> list[Segment]:
    """Snap near-equal positions together and join collinear pieces (copies; input kept)."""
    return _normalise(segments, snap=snap, join_gap=join_gap)


def _normalise(segments: list[Segment], *, snap: float, join_gap: float) -> list[Segment]:
    out: list[Segment] = []
    for orient in ("h", "v"):
        group = [
            Segment(orient, s.pos, min(s.start, s.end), max(s.start, s.end))
            for s in segments
            if s.orient == orient
        ]
        _snap_positions(group, snap)
        out.extend(_join_collinear(group, join_gap))
    return out


def _snap_positions(segs: list[Segment], snap: float) -> None:
    """Give near-equal positions one shared value (length-weighted mean of the cluster)."""
    if not segs:
        return
    segs.sort(key=lambda s: s.pos)
    cluster = [segs[0]]
    for s in segs[1:]:
        if s.pos - cluster[-1].pos <= snap:
            cluster.append(s)
        else:
            _set_mean(cluster)
            cluster = [s]
    _set_mean(cluster)


def _set_mean(cluster: list[Segment]) -> None:
    weight = sum(max(s.end - s.start, 0.1) for s in cluster)
    mean = sum(s.pos * max(s.end - s.start, 0.1) for s in cluster) / weight
    for s in cluster:
        s.pos = mean


def _join_collinear(segs: list[Segment], join_gap: float) -> list[Segment]:
    """Join pieces on one line that overlap or leave a gap <= join_gap (legacy dashes)."""
    by_pos: dict[float, list[Segment]] = defaultdict(list)
    for s in segs:
        by_pos[s.pos].append(s)
    out: list[Segment] = []
    for pos, group in by_pos.items():
        group.sort(key=lambda s: s.start)
        cur = Segment(group[0].orient, pos, group[0].start, group[0].end)
        for s in group[1:]:
            if s.start <= cur.end + join_gap:
                cur.end = max(cur.end, s.end)
            else:
                out.append(cur)
                cur = Segment(s.orient, pos, s.start, s.end)
        out.append(cur)
    return out


# ---------------------------------------------------------------- grids


def _crosses(h: Segment, v: Segment, tol: float) -> bool:
    return h.start - tol <= v.pos <= h.end + tol and v.start - tol <= h.pos <= v.end + tol


def _components(segs: list[Segment], tol: float) -> list[list[Segment]]:
    """Connected groups of crossing horizontal and vertical rules."""
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    hs = [i for i, s in enumerate(segs) if s.orient == "h"]
    vs = sorted((i for i, s in enumerate(segs) if s.orient == "v"), key=lambda i: segs[i].pos)
    vpos = [segs[i].pos for i in vs]

    for i in hs:
        h = segs[i]
        lo = bisect.bisect_left(vpos, h.start - tol)
        hi = bisect.bisect_right(vpos, h.end + tol)
        for j in vs[lo:hi]:
            if _crosses(h, segs[j], tol):
                parent[find(i)] = find(j)
    groups: dict[int, list[Segment]] = defaultdict(list)
    for i in range(len(segs)):
        groups[find(i)].append(segs[i])
    return [g for g in groups.values() if _is_grid(g)]


def _is_grid(group: list[Segment]) -> bool:
    n_h = sum(1 for s in group if s.orient == "h")
    return n_h >= 2 and len(group) - n_h >= 2


def _edges(values: list[float], min_gap: float) -> list[float]:
    """Sorted distinct edge positions, merging those closer than min_gap."""
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] < min_gap:
            continue
        out.append(v)
    return out


def _near_rules(rules: list[Segment], pos: float, tol: float) -> list[Segment]:
    return [s for s in rules if abs(s.pos - pos) <= tol]


def _coverage(rules: list[Segment], a: float, b: float) -> float:
    """Fraction of the interval a..b covered by the given (collinear) rules."""
    if b <= a:
        return 0.0
    pieces = sorted((max(s.start, a), min(s.end, b)) for s in rules if s.end > a and s.start < b)
    covered, reach = 0.0, a
    for lo, hi in pieces:
        lo = max(lo, reach)
        if hi > lo:
            covered += hi - lo
            reach = hi
    return covered / (b - a)


def _component_to_table(
    comp: list[Segment], page: int, *, snap: float, min_cell: float
) -> Table | None:
    hs = [s for s in comp if s.orient == "h"]
    vs = [s for s in comp if s.orient == "v"]
    rows = _edges([s.pos for s in hs], min_cell)
    cols = _edges([s.pos for s in vs], min_cell)
    if len(rows) < 2 or len(cols) < 2:
        return None
    rows = _open_ends(rows, cols, vs, min_cell, snap)
    tol = max(snap, min_cell / 2)
    nr, nc = len(rows) - 1, len(cols) - 1
    # vwall[r][k]: rule between column k-1 and k in row r (k = 0..nc); hwall likewise.
    # Rules lying at each edge, looked up once (tables can have hundreds of rule pieces).
    v_at = [_near_rules(vs, x, tol) for x in cols]
    h_at = [_near_rules(hs, y, tol) for y in rows]
    vwall = [
        [_coverage(v_at[k], rows[r], rows[r + 1]) >= _BORDER_COVER for k in range(nc + 1)]
        for r in range(nr)
    ]
    hwall = [
        [_coverage(h_at[k], cols[c], cols[c + 1]) >= _BORDER_COVER for c in range(nc)]
        for k in range(nr + 1)
    ]
    cells = _merge_cells(rows, cols, vwall, hwall)
    if len(cells) < 2:
        return None
    table = _compact(cells, rows, cols, page)
    area = table.bbox.width * table.bbox.height
    if area <= 0 or sum(c.bbox.width * c.bbox.height for c in cells) < _MIN_FILL * area:
        return None  # boxes joined by connector lines (a diagram), not a table
    return table


def _open_ends(
    rows: list[float], cols: list[float], vs: list[Segment], min_cell: float, tol: float
) -> list[float]:
    """Row edges with the open ends of a table broken across pages: the row it carries on
    with at the top of a page is drawn with its sides but no top rule (and likewise the
    row it breaks off with at the foot). Where two vertical rules or more, the rightmost
    among them, run on past the first (last) horizontal rule by a cell's height, their ends
    are an edge too."""
    right = cols[-1]

    def end(ys: list[float], beyond: float, sign: int) -> float | None:
        far = [y for y in ys if sign * (y - beyond) >= min_cell]
        if len(far) < 2:
            return None
        outer = max(far) if sign > 0 else min(far)
        same = [y for y in far if abs(y - outer) <= tol + 1.0]
        return outer if len(same) >= 2 else None

    top_ys = [s.start for s in vs]
    bottom_ys = [s.end for s in vs]
    out = list(rows)
    top = end(top_ys, rows[0], -1)
    if top is not None and any(abs(s.pos - right) <= tol and s.start <= top + tol + 1.0 for s in vs):
        out.insert(0, top)
    bottom = end(bottom_ys, rows[-1], 1)
    if bottom is not None and any(abs(s.pos - right) <= tol and s.end >= bottom - tol - 1.0 for s in vs):
        out.append(bottom)
    return out


def _merge_cells(
    rows: list[float], cols: list[float], vwall: list[list[bool]], hwall: list[list[bool]]
) -> list[Cell]:
    """Greedy rectangles over the atomic grid: extend right, then down, while no rule parts them."""
    nr, nc = len(rows) - 1, len(cols) - 1
    taken = [[False] * nc for _ in range(nr)]
    cells: list[Cell] = []
    for r in range(nr):
        for c in range(nc):
            if taken[r][c]:
                continue
            cs = 1
            while c + cs < nc and not vwall[r][c + cs] and not taken[r][c + cs]:
                cs += 1
            rs = 1
            while r + rs < nr and _can_grow_down(r + rs, c, cs, vwall, hwall, taken):
                rs += 1
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    taken[rr][cc] = True
            if _sides_ruled(r, c, rs, cs, rows, cols, vwall, hwall) >= _MIN_SIDES:
                bbox = BBox(x0=cols[c], y0=rows[r], x1=cols[c + cs], y1=rows[r + rs])
                cells.append(Cell(row=r, col=c, rowspan=rs, colspan=cs, bbox=bbox))
    return cells


def _can_grow_down(
    r: int,
    c: int,
    cs: int,
    vwall: list[list[bool]],
    hwall: list[list[bool]],
    taken: list[list[bool]],
) -> bool:
    if any(taken[r][cc] for cc in range(c, c + cs)):
        return False
    # No rule above the new row inside the span, and the same inner walls as the first row.
    if any(hwall[r][cc] for cc in range(c, c + cs)):
        return False
    return not any(vwall[r][k] for k in range(c + 1, c + cs))


def _sides_ruled(
    r: int,
    c: int,
    rs: int,
    cs: int,
    rows: list[float],
    cols: list[float],
    vwall: list[list[bool]],
    hwall: list[list[bool]],
) -> int:
    """How many of the region's four sides are ruled over at least half their length."""

    def ruled(walls: list[bool], sizes: list[float]) -> bool:
        total = sum(sizes)
        return total > 0 and sum(w for on, w in zip(walls, sizes, strict=True) if on) >= 0.5 * total

    widths = [cols[cc + 1] - cols[cc] for cc in range(c, c + cs)]
    heights = [rows[rr + 1] - rows[rr] for rr in range(r, r + rs)]
    return (
        ruled([hwall[r][cc] for cc in range(c, c + cs)], widths)
        + ruled([hwall[r + rs][cc] for cc in range(c, c + cs)], widths)
        + ruled([vwall[rr][c] for rr in range(r, r + rs)], heights)
        + ruled([vwall[rr][c + cs] for rr in range(r, r + rs)], heights)
    )


def _compact(cells: list[Cell], rows: list[float], cols: list[float], page: int) -> Table:
    """Drop grid rows/columns no kept cell starts at or ends at, renumbering the cells."""
    used_r = sorted({c.row for c in cells} | {c.row + c.rowspan for c in cells})
    used_c = sorted({c.col for c in cells} | {c.col + c.colspan for c in cells})
    rmap = {v: i for i, v in enumerate(used_r)}
    cmap = {v: i for i, v in enumerate(used_c)}
    for cell in cells:
        r1, c1 = rmap[cell.row + cell.rowspan], cmap[cell.col + cell.colspan]
        cell.row, cell.col = rmap[cell.row], cmap[cell.col]
        cell.rowspan, cell.colspan = r1 - cell.row, c1 - cell.col
    row_edges = [rows[i] for i in used_r]
    col_edges = [cols[i] for i in used_c]
    cells.sort(key=lambda c: (c.row, c.col))
    bbox = BBox(x0=col_edges[0], y0=row_edges[0], x1=col_edges[-1], y1=row_edges[-1])
    return Table(
        page=page,
        bbox=bbox,
        n_rows=len(row_edges) - 1,
        n_cols=len(col_edges) - 1,
        col_edges=col_edges,
        row_edges=row_edges,
        cells=cells,
    )


# ---------------------------------------------------------------- text into cells


def fill_cells(table: Table, lines: list[Line], *, cut_spans: bool = True) -> Table:
    """Put each span into the cell holding its centre; a span crossing cells is cut by
    character count (cut_spans=False when spans are already cut per cell). Lines keep
    their structure per cell; Cell.text joins them with "\\n"."""
    per_cell: dict[int, dict[int, list[Span]]] = defaultdict(lambda: defaultdict(list))
    cell_index = _cell_finder(table)
    for li, line in enumerate(lines):
        for span in line.spans:
            pieces = _split_span(span, table.col_edges) if cut_spans else [span]
            placed = [(cell_index(p.bbox), p) for p in pieces]
            for idx, piece in _rejoin(placed, span):
                if idx is not None:
                    per_cell[idx][li].append(piece)
    for idx, cell in enumerate(table.cells):
        groups = per_cell.get(idx)
        if not groups:
            continue
        new_lines = [_make_line(spans) for _, spans in sorted(groups.items())]
        cell.lines = _merge_rows(sorted(cell.lines + new_lines, key=_line_key))
        cell.text = "\n".join(ln.text for ln in cell.lines)
    return table


def _rejoin(placed: list[tuple[int | None, Span]], whole: Span) -> list[tuple[int | None, Span]]:
    """Glue neighbouring pieces of one span that landed in the same cell back together."""
    if len({idx for idx, _ in placed}) == 1:
        return [(placed[0][0], whole)]
    out: list[tuple[int | None, Span]] = []
    for idx, piece in placed:
        if out and out[-1][0] == idx:
            prev = out[-1][1]
            out[-1] = (
                idx,
                prev.model_copy(
                    update={"text": prev.text + piece.text, "bbox": prev.bbox.union(piece.bbox)}
                ),
            )
        else:
            out.append((idx, piece))
    return out


def _merge_rows(lines: list[Line]) -> list[Line]:
    """Pieces of text on one baseline inside a cell are one line ("令和6年4月   開発"):
    joined left to right, with a space where a visible gap separated them."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and _same_row(prev, ln):
            out[-1] = _join_lines(prev, ln)
        else:
            out.append(ln)
    return out


def _same_row(a: Line, b: Line) -> bool:
    h = min(a.bbox.height, b.bbox.height)
    if h <= 0 or a.bbox.width < 0 or b.bbox.height > 2 * b.bbox.width + 1:
        return False  # vertical writing keeps its own lines
    overlap = min(a.bbox.y1, b.bbox.y1) - max(a.bbox.y0, b.bbox.y0)
    apart = b.bbox.x0 >= a.bbox.x1 - 0.5 or a.bbox.x0 >= b.bbox.x1 - 0.5
    return overlap >= 0.6 * h and abs(a.bbox.y1 - b.bbox.y1) <= 0.35 * h and apart


def _join_lines(a: Line, b: Line) -> Line:
    left, right = (a, b) if a.bbox.x0 <= b.bbox.x0 else (b, a)
    spans = list(left.spans)
    gap = right.bbox.x0 - left.bbox.x1
    if gap >= 0.5 * min(left.bbox.height, right.bbox.height):
        box = BBox(x0=left.bbox.x1, y0=left.bbox.y0, x1=right.bbox.x0, y1=left.bbox.y1)
        spans.append(Span(text=" ", bbox=box, font=left.spans[-1].font, size=left.spans[-1].size))
    spans += right.spans
    return Line(spans=spans, bbox=left.bbox.union(right.bbox))


def _line_key(line: Line) -> tuple[float, float]:
    return (round(line.bbox.y0 / 2.0), line.bbox.x0)


def _make_line(spans: list[Span]) -> Line:
    spans = sorted(spans, key=lambda s: s.bbox.x0)
    bbox = spans[0].bbox
    for s in spans[1:]:
        bbox = bbox.union(s.bbox)
    return Line(spans=spans, bbox=bbox)


def _cell_finder(table: Table) -> Callable[[BBox], int | None]:
    """box -> index of the cell holding the box's centre (None outside every cell)."""
    rows, cols = table.row_edges, table.col_edges
    if len(rows) != table.n_rows + 1 or len(cols) != table.n_cols + 1:
        return lambda box: _cell_index(table, box)
    atomic = {}
    for i, cell in enumerate(table.cells):
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                atomic[(r, c)] = i

    def find(box: BBox) -> int | None:
        cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
        if not (cols[0] <= cx < cols[-1] and rows[0] <= cy < rows[-1]):
            return None
        return atomic.get((bisect.bisect_right(rows, cy) - 1, bisect.bisect_right(cols, cx) - 1))

    return find


def _cell_index(table: Table, box: BBox) -> int | None:
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    for i, c in enumerate(table.cells):
        if c.bbox.x0 <= cx < c.bbox.x1 and c.bbox.y0 <= cy < c.bbox.y1:
            return i
    return None


def _split_span(span: Span, col_edges: list[float]) -> list[Span]:
    """Cut a horizontal span at the column edges it crosses (equal-width characters assumed)."""
    n = len(span.text)
    width = span.bbox.width
    if n < 2 or width <= 0 or span.bbox.height > width:
        return [span]
    inner = [x for x in col_edges if span.bbox.x0 + 1 < x < span.bbox.x1 - 1]
    if not inner:
        return [span]
    step = width / n
    out: list[Span] = []
    start = 0
    for x in inner + [span.bbox.x1 + 1]:
        stop = min(n, max(start, round((x - span.bbox.x0) / step)))
        if stop > start:
            bbox = BBox(
                x0=span.bbox.x0 + start * step,
                y0=span.bbox.y0,
                x1=span.bbox.x0 + stop * step,
                y1=span.bbox.y1,
            )
            out.append(span.model_copy(update={"text": span.text[start:stop], "bbox": bbox}))
        start = stop
    return out
