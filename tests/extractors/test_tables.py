"""Ruled tables from vector drawings: merged cells, legacy dashed rules, drawn marks,
multi-line cells, borders vs underlines, tables continued across a page break."""

from __future__ import annotations

import pymupdf
from build_pdfs import grid, new_page, save, text

from extractors.layout import extract_layout

XS = [60, 160, 400, 530]
YS = [100, 130, 160, 190, 220, 250]


def _merged_first_column(page):
    grid(page, XS, YS, skip_h={(k, 0) for k in range(1, len(YS) - 1)})
    text(page, 65, 180, "区が行う対策")
    for i, y in enumerate(YS[:-1]):
        text(page, 165, y + 18, f"対策その{i + 1}を行う。")


def test_vertically_merged_first_column(tmp_path):
    doc = pymupdf.open()
    _merged_first_column(new_page(doc))
    (t,) = extract_layout(save(doc, tmp_path / "m.pdf")).pages[0].tables
    assert (t.n_rows, t.n_cols) == (5, 3)
    first = t.cell_at(4, 0)
    assert (first.row, first.rowspan, first.text) == (0, 5, "区が行う対策")
    assert [t.cell_at(r, 1).text for r in range(5)] == [f"対策その{i}を行う。" for i in range(1, 6)]


def test_multi_line_cell_keeps_lines(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    grid(page, [60, 200, 500], [100, 160, 190])
    text(page, 65, 118, "記録される情報項目")
    text(page, 65, 132, "（だれの、どのような")
    text(page, 65, 146, "項目か）")
    text(page, 205, 118, "1.個人の範囲")
    text(page, 205, 132, "対象者")
    (t,) = extract_layout(save(doc, tmp_path / "ml.pdf")).pages[0].tables
    assert t.cell_at(0, 0).text == "記録される情報項目\n（だれの、どのような\n項目か）"
    assert len(t.cell_at(0, 0).lines) == 3
    assert t.cell_at(0, 1).text == "1.個人の範囲\n対象者"


def test_legacy_segmented_rules(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    xs, ys = [60, 200, 500], [100, 130, 160]
    for y in ys:  # rules drawn as 9pt pieces with 1pt gaps, slightly off the line
        for x in range(xs[0], xs[-1], 10):
            page.draw_line((x, y + 0.4), (x + 9, y + 0.4), width=0.5)
    for x in xs:
        for y in range(ys[0], ys[-1], 6):
            page.draw_line((x - 0.3, y), (x - 0.3, y + 5), width=0.5)
    text(page, 65, 120, "事業名")
    text(page, 205, 120, "健康診査")
    text(page, 65, 150, "担当課")
    text(page, 205, 150, "健康づくり課")
    (t,) = extract_layout(save(doc, tmp_path / "leg.pdf")).pages[0].tables
    assert [[c.text for c in row] for row in t.rows()] == [
        ["事業名", "健康診査"],
        ["担当課", "健康づくり課"],
    ]


def test_drawn_circle_and_dash_marks(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    grid(page, [60, 100, 500], [100, 130, 160, 190])
    page.draw_circle((80, 115), 5, width=0.7)  # ○ as a vector circle
    page.draw_line((75, 145), (85, 145), width=0.7)  # － as a short lone dash
    for y, s in zip((120, 150, 180), ("対策一", "対策二", "対策三"), strict=True):
        text(page, 105, y, s)
    (t,) = extract_layout(save(doc, tmp_path / "marks.pdf")).pages[0].tables
    assert [t.cell_at(r, 0).drawn_mark for r in range(3)] == ["○", "－", None]
    assert [t.cell_at(r, 1).drawn_mark for r in range(3)] == [None, None, None]


def test_underline_in_cell_but_not_the_border_below(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    grid(page, [60, 200, 500], [100, 121, 150])
    text(page, 65, 119, "登録業務の名称")  # glyph bottoms sit right on the border at y=121
    text(page, 205, 119, "乳幼児健康診査（5歳児）")
    page.draw_line((205 + 7 * 10.5, 120.2), (205 + 11 * 10.5, 120.2), width=0.5)  # 5歳児） only
    (t,) = extract_layout(save(doc, tmp_path / "ub.pdf")).pages[0].tables
    label = t.cell_at(0, 0).lines[0].spans
    assert [(s.text, s.underline) for s in label] == [("登録業務の名称", False)]
    value = [(s.text, s.underline) for s in t.cell_at(0, 1).lines[0].spans]
    assert value == [("乳幼児健康診査", False), ("（5歳児）", True)]


def test_table_continued_on_next_page(tmp_path):
    doc = pymupdf.open()
    ys1 = [600 + 40 * i for i in range(6)]  # ends at 800 of 842
    p1 = new_page(doc)
    text(p1, 60, 580, "3 電算処理にかかる個人情報保護対策チェックリスト")
    grid(p1, XS, ys1, skip_h={(k, 0) for k in range(1, 5)})
    p2 = new_page(doc)
    grid(p2, XS, [50, 90, 130], skip_h={(1, 0)})
    text(p2, 165, 70, "続きの対策を行う。")
    p3 = new_page(doc)  # a table lower down with other columns: not a continuation
    grid(p3, [60, 300, 530], [300, 330, 360])
    layout = extract_layout(save(doc, tmp_path / "cont.pdf"))
    t1, t2, t3 = (p.tables[0] for p in layout.pages)
    assert t1.continues is None
    assert t2.continues == 0
    assert t3.continues is None


def test_table_with_other_columns_is_not_a_continuation(tmp_path):
    doc = pymupdf.open()
    grid(new_page(doc), XS, [600 + 40 * i for i in range(6)])
    grid(new_page(doc), [60, 250, 530], [50, 90, 130])
    layout = extract_layout(save(doc, tmp_path / "nc.pdf"))
    assert layout.pages[1].tables[0].continues is None


def test_underlined_lines_do_not_split_a_cell_into_rows(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    grid(page, [60, 160, 530], [100, 160, 190])
    text(page, 65, 118, "変更の理由")
    for i, y in enumerate((118, 133, 148)):
        text(
            page,
            163,
            y,
            "再構築となることから機能改善を行う変更箇所の文章" + str(i + 1),
            render_mode=2,
            border_width=0.03,
        )
        page.draw_line((163, y + 2), (163 + 24 * 10.5 + 5.25, y + 2), width=0.5)  # almost cell-wide
    (t,) = extract_layout(save(doc, tmp_path / "ul.pdf")).pages[0].tables
    assert (t.n_rows, t.n_cols) == (2, 2)
    lines = t.cell_at(0, 1).lines
    assert len(lines) == 3
    assert all(s.bold and s.underline for ln in lines for s in ln.spans)


def test_new_table_under_a_heading_is_not_a_continuation(tmp_path):
    doc = pymupdf.open()
    grid(new_page(doc), XS, [600 + 40 * i for i in range(6)])
    p2 = new_page(doc)
    text(p2, 60, 62, "4 外部結合にかかる個人情報保護対策チェックリスト")
    grid(p2, XS, [78, 118, 158])
    layout = extract_layout(save(doc, tmp_path / "nh.pdf"))
    assert layout.pages[1].tables[0].continues is None


def test_pieces_on_one_baseline_stay_one_line_in_a_cell(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    grid(page, [60, 160, 530], [100, 160, 190])
    text(page, 65, 118, "件")  # a label spread over the cell width (均等割り付け)
    text(page, 140, 118, "名")
    text(page, 165, 118, "令和6年4月")
    text(page, 260, 118, "開発（システム再構築）")
    text(page, 165, 132, "令和6年7月")
    text(page, 260, 132, "テスト")
    (t,) = extract_layout(save(doc, tmp_path / "tab.pdf")).pages[0].tables
    assert t.cell_at(0, 0).text == "件 名"
    assert t.cell_at(0, 1).text == "令和6年4月 開発（システム再構築）\n令和6年7月 テスト"


def test_text_pushed_over_a_border_stays_with_its_cell(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    grid(page, [60, 100, 200, 400], [100, 130])
    text(page, 65, 120, "－")
    text(page, 95, 120, "(電子データのみ")  # the "(" sticks out left of the border at x=100
    text(page, 205, 120, "対策の本文")
    (t,) = extract_layout(save(doc, tmp_path / "over.pdf")).pages[0].tables
    assert [c.text for c in t.rows()[0]] == ["－", "(電子データのみ", "対策の本文"]


def test_a_table_carried_over_a_page_break_keeps_its_open_first_row(tmp_path):
    """A table broken across pages by its generator (MuPDF Story) draws the row it carries on
    with its sides but no top rule: that row is still a row of the table, not loose text."""
    doc = pymupdf.open()
    page = new_page(doc)
    xs = [228.0, 289.0, 533.0]
    for x in xs:  # the sides run from the page's top margin
        page.draw_line((x, 56), (x, 200), width=0.7)
    for y in (104, 152, 200):  # rules below the first row only
        page.draw_line((xs[0], y), (xs[-1], y), width=0.7)
    rows = [(80, "〇", "ウイルス対策ソフトを導入させる。"), (128, "〇", "通信を暗号化させる。")]
    for y, mark, s in [*rows, (176, "", "ログを取得させる。")]:
        if mark:
            text(page, 250, y, mark)
        text(page, 295, y, s)
    lay = extract_layout(save(doc, tmp_path / "broken.pdf"))
    (table,) = lay.pages[0].tables
    assert table.n_rows == 3
    first = sorted((c for c in table.cells if c.row == 0), key=lambda c: c.col)
    assert [c.text for c in first] == ["〇", "ウイルス対策ソフトを導入させる。"]
    assert not lay.pages[0].blocks
