"""A sheet table whose label is a row of its own spanning the table, its value in the row
below (also spanning): the label row opens a pair, it does not continue the previous value."""

from __future__ import annotations

from fixtures_documents import layout
from fixtures_layout import LEFT, cell, page

from models.layout import BBox, Table
from pipeline.pairs import region_pairs
from pipeline.units import layout_units

ROWS = [
    ("保有課", "料金課"),
    ("委託にあたり市が講じる保護対策", None),  # one cell across the table
    ("別紙チェックリストのとおり", None),
    ("委託理由", "配信業務を効率的に行うため。"),
]


def _table() -> Table:
    cells, y, right, mid = [], 100.0, LEFT + 500, LEFT + 150
    for r, (a, b) in enumerate(ROWS):
        if b is None:
            cells.append(cell(r, 0, a, BBox(x0=LEFT, y0=y, x1=right, y1=y + 16), colspan=2))
        else:
            cells.append(cell(r, 0, a, BBox(x0=LEFT, y0=y, x1=mid, y1=y + 16)))
            cells.append(cell(r, 1, b, BBox(x0=mid, y0=y, x1=right, y1=y + 16)))
        y += 16
    return Table(
        page=2,
        bbox=BBox(x0=LEFT, y0=100, x1=right, y1=y),
        n_rows=len(ROWS),
        n_cols=2,
        col_edges=[LEFT, mid, right],
        row_edges=[100 + 16 * i for i in range(len(ROWS) + 1)],
        cells=cells,
    )


def test_spanning_label_row_opens_a_pair_with_the_row_below_as_value():
    units = layout_units(layout([page(2, [_table()])]))
    pairs = region_pairs(units)
    assert [(p.label, p.raw_value) for p in pairs] == [
        ("保有課", "料金課"),
        ("委託にあたり市が講じる保護対策", "別紙チェックリストのとおり"),
        ("委託理由", "配信業務を効率的に行うため。"),
    ]
