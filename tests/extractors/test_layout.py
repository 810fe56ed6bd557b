"""extract_layout end to end: document fields, reading order, rotated pages."""

from __future__ import annotations

import hashlib

import pymupdf
from build_pdfs import grid, new_page, save, text

from extractors.layout import extract_layout


def test_document_fields_and_reading_order(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    text(page, 60, 60, "事業の概要")
    grid(page, [60, 160, 530], [80, 110, 140])
    text(page, 65, 100, "事業名")
    text(page, 165, 100, "健康診査")
    text(page, 65, 130, "担当課")
    text(page, 165, 130, "健康づくり課")
    text(page, 60, 180, "※注記の文章")
    grid(page, [60, 160, 530], [200, 230, 260])
    text(page, 60, 300, "（担当部課：健康部）")
    new_page(doc)  # a blank second page
    path = save(doc, tmp_path / "doc.pdf")
    layout = extract_layout(path)
    assert layout.file_name == "doc.pdf"
    assert layout.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert layout.page_count == 2 and [p.number for p in layout.pages] == [1, 2]
    p1 = layout.pages[0]
    order = [
        (it.kind, p1.blocks[it.index].text if it.kind == "text" else it.index) for it in p1.order
    ]
    assert order == [
        ("text", "事業の概要"),
        ("table", 0),
        ("text", "※注記の文章"),
        ("table", 1),
        ("text", "（担当部課：健康部）"),
    ]
    assert [[c.text for c in row] for row in p1.tables[0].rows()] == [
        ["事業名", "健康診査"],
        ["担当課", "健康づくり課"],
    ]
    assert p1.tables[0].page == 1
    assert layout.pages[1].blocks == [] and layout.pages[1].tables == []


def test_two_columns_keep_block_order(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    for i in range(3):
        text(page, 60, 100 + 14 * i, f"左の段の文{i + 1}")
        text(page, 320, 100 + 14 * i, f"右の段の文{i + 1}")
    layout = extract_layout(save(doc, tmp_path / "cols.pdf"))
    texts = [layout.pages[0].blocks[it.index].text for it in layout.pages[0].order]
    assert texts == [
        "左の段の文1\n左の段の文2\n左の段の文3",
        "右の段の文1\n右の段の文2\n右の段の文3",
    ]


def test_rotated_page_in_displayed_coordinates(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    page.set_rotation(90)  # portrait MediaBox shown as landscape
    m = page.derotation_matrix
    text(page, *(pymupdf.Point(72, 100) * m), "横向きの文書です", rotate=90)
    for y in (120, 150, 180):
        page.draw_line(pymupdf.Point(60, y) * m, pymupdf.Point(700, y) * m)
    for x in (60, 300, 700):
        page.draw_line(pymupdf.Point(x, 120) * m, pymupdf.Point(x, 180) * m)
    text(page, *(pymupdf.Point(65, 140) * m), "事業名", rotate=90)
    text(page, *(pymupdf.Point(305, 140) * m), "横長の表", rotate=90)
    p = extract_layout(save(doc, tmp_path / "rot.pdf")).pages[0]
    assert (p.width, p.height, p.rotation) == (842, 595, 90)
    assert p.blocks[0].text == "横向きの文書です"
    assert 60 < p.blocks[0].bbox.x0 < 80 and 85 < p.blocks[0].bbox.y0 < 100
    (t,) = p.tables
    assert (t.bbox.x0, t.bbox.x1) == (60, 700)
    assert [c.text for c in t.rows()[0]] == ["事業名", "横長の表"]


def test_landscape_page(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc, 842, 595)
    grid(page, [60, 300, 780], [100, 130])
    grid(page, [60, 300, 780], [130, 160])
    text(page, 305, 120, "右端まで続く横長の表の値")
    p = extract_layout(save(doc, tmp_path / "land.pdf")).pages[0]
    assert (p.width, p.height) == (842, 595)
    assert p.tables[0].cell_at(0, 1).text == "右端まで続く横長の表の値"


def test_vertical_writing_is_one_line(tmp_path):
    import pikepdf

    doc = pymupdf.open()
    text(new_page(doc), 300, 100, "縦書きの文章")
    path = save(doc, tmp_path / "vert.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for font in pdf.pages[0].Resources.Font.values():
            font.Encoding = pikepdf.Name("/Identity-V")  # the same glyphs, written top to bottom
        pdf.save(path)
    (block,) = extract_layout(path).pages[0].blocks
    assert block.text == "縦書きの文章"
    assert block.bbox.height > 5 * block.bbox.width
