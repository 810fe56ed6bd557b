"""segments_to_tables / fill_cells on hand-made segments (the contract H4's OCR path uses)."""

from __future__ import annotations

from extractors.grid import Segment, fill_cells, segments_to_tables
from models.layout import BBox, Line, Span


def _full_grid(xs, ys):
    return [Segment("h", y, xs[0], xs[-1]) for y in ys] + [
        Segment("v", x, ys[0], ys[-1]) for x in xs
    ]


def test_plain_grid():
    (t,) = segments_to_tables(_full_grid([10, 60, 110], [10, 30, 50]), page=3)
    assert (t.page, t.n_rows, t.n_cols) == (3, 2, 2)
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in t.cells] == [
        (0, 0, 1, 1),
        (0, 1, 1, 1),
        (1, 0, 1, 1),
        (1, 1, 1, 1),
    ]
    assert t.col_edges == [10, 60, 110] and t.row_edges == [10, 30, 50]


def test_vertically_merged_first_column():
    ys = [0, 10, 20, 30, 40, 50]
    segs = [Segment("h", y, 10 if y in (0, 50) else 40, 100) for y in ys]
    segs += [Segment("v", x, 0, 50) for x in (10, 40, 100)]
    (t,) = segments_to_tables(segs, page=1)
    first = t.cell_at(3, 0)
    assert (first.row, first.rowspan, first.colspan) == (0, 5, 1)
    assert len(t.cells) == 1 + 5


def test_horizontally_merged_header():
    segs = [Segment("h", y, 0, 90) for y in (0, 10, 20)]
    segs += [
        Segment("v", 0, 0, 20),
        Segment("v", 90, 0, 20),
        Segment("v", 30, 10, 20),
        Segment("v", 60, 10, 20),
    ]
    (t,) = segments_to_tables(segs, page=1)
    assert (t.cells[0].row, t.cells[0].colspan) == (0, 3)
    assert t.n_cols == 3 and len(t.cells) == 4


def test_snapping_and_legacy_dashes():
    # rules drawn as short pieces with small gaps and slightly jittered positions
    segs = []
    for y in (0, 20, 40):
        segs += [Segment("h", y + (0.8 if x % 2 else -0.6), x, x + 9.0) for x in range(0, 100, 10)]
    for x in (0, 50, 100):
        segs += [Segment("v", x + 0.5, y, y + 4.2) for y in range(0, 40, 5)]
    (t,) = segments_to_tables(segs, page=1)
    assert (t.n_rows, t.n_cols, len(t.cells)) == (2, 2, 4)


def test_separate_grids_and_lone_rules():
    segs = _full_grid([0, 50, 100], [0, 20, 40]) + _full_grid([0, 50, 100], [300, 320, 340])
    segs += [Segment("h", 200, 0, 500)]  # a page rule touching nothing
    tables = segments_to_tables(segs, page=1)
    assert [t.bbox.y0 for t in tables] == [0, 300]


def test_single_box_is_not_a_table():
    assert segments_to_tables(_full_grid([0, 100], [0, 30]), page=1) == []


def test_l_shaped_corner_is_not_a_cell():
    # the top-left corner has no rules (a header row that starts at column 1)
    segs = [Segment("h", 0, 50, 150), Segment("h", 20, 0, 150), Segment("h", 40, 0, 150)]
    segs += [Segment("v", 0, 20, 40), Segment("v", 50, 0, 40), Segment("v", 150, 0, 40)]
    (t,) = segments_to_tables(segs, page=1)
    assert t.cell_at(0, 0) is None
    assert len(t.cells) == 3


def _line(text, x0, y0, x1, y1):
    b = BBox(x0=x0, y0=y0, x1=x1, y1=y1)
    return Line(spans=[Span(text=text, bbox=b)], bbox=b)


def test_fill_cells_keeps_lines_and_cuts_straddling_spans():
    (t,) = segments_to_tables(_full_grid([0, 50, 100], [0, 30, 60]), page=1)
    lines = [
        _line("上の行", 5, 2, 35, 12),
        _line("下の行", 5, 14, 35, 24),
        _line("ABCDEFGHIJ", 0, 35, 100, 45),  # one OCR word over two cells
    ]
    fill_cells(t, lines)
    assert t.cell_at(0, 0).text == "上の行\n下の行"
    assert len(t.cell_at(0, 0).lines) == 2
    assert t.cell_at(1, 0).text == "ABCDE" and t.cell_at(1, 1).text == "FGHIJ"
    assert t.cell_at(0, 1).text == ""
