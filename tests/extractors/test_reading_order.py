"""Two sheets printed side by side on a landscape page (heldout11's Impress slides): each
column is read whole, left then right; pages without tables side by side keep their order."""

from __future__ import annotations

import pymupdf
from build_pdfs import grid, new_page, save, text

from extractors.layout import extract_layout
from extractors.reading_order import by_columns
from models.layout import BBox


def _b(x0, y0, x1, y1):
    return BBox(x0=x0, y0=y0, x1=x1, y1=y1)


def test_two_columns_of_tables_are_read_column_by_column():
    items = [
        (_b(20, 10, 800, 20), False),  # a page heading across both columns
        (_b(20, 27, 200, 40), False),  # left heading
        (_b(430, 27, 600, 40), False),  # right heading
        (_b(20, 80, 410, 400), True),  # left table
        (_b(430, 80, 820, 500), True),  # right table
        (_b(380, 560, 460, 570), False),  # page number across the gutter
    ]
    assert by_columns(items) == [0, 1, 3, 2, 4, 5]


def test_a_label_column_beside_text_or_one_table_keeps_its_order():
    items = [
        (_b(20, 80, 150, 95), False),
        (_b(200, 80, 500, 95), False),
        (_b(20, 100, 500, 300), True),
    ]
    assert by_columns(items) == [0, 1, 2]
    stacked = [(_b(20, 80, 500, 200), True), (_b(20, 220, 500, 400), True)]  # one above the other
    assert by_columns(stacked) == [0, 1]


def test_side_by_side_sheets_on_a_landscape_page(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc, 842, 595)
    for x0, head, rows in (
        (30, "別紙１　電算処理", [("保有課", "住宅係"), ("登録業務の名称", "町営住宅管理")]),
        (440, "別紙２　業務委託", [("保有課", "住宅係"), ("委託先", "株式会社しおみ")]),
    ):
        text(page, x0, 40, head)
        grid(page, [x0, x0 + 120, x0 + 380], [80, 110, 140])
        for k, (label, value) in enumerate(rows):
            text(page, x0 + 4, 100 + 30 * k, label)
            text(page, x0 + 124, 100 + 30 * k, value)
    lay = extract_layout(save(doc, tmp_path / "two.pdf"))
    p = lay.pages[0]
    read = [
        p.blocks[it.index].lines[0].text if it.kind == "text" else p.tables[it.index].cells[1].text
        for it in p.order
    ]
    assert read == ["別紙１　電算処理", "住宅係", "別紙２　業務委託", "住宅係"]
