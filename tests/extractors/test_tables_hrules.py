"""Tables drawn with horizontal rules only (no verticals, or only the outer frame): the
columns come from the text's gutters and from where rules stop; negatives (paragraphs
between separator rules, underlined lines) stay text."""

from __future__ import annotations

import pymupdf
from build_pdfs import new_page, save, text

from extractors.layout import extract_layout

L, C1, C2, R = 60, 170, 250, 530
ROWS = [100, 150, 190, 230, 270, 310, 350]  # header band + 5 rows


def _hline(page, y, x0=L, x1=R, width=0.75):
    page.draw_line((x0, y), (x1, y), width=width)


def _checklist(page):
    """Header rule, then 5 rows whose rules stop at the party column's edge."""
    for k, y in enumerate(ROWS):
        full = k in (0, 1, len(ROWS) - 1)
        _hline(page, y, L if full else C1)
    text(page, C1 + 5, 118, "・対策が可能で")
    text(page, C1 + 5, 132, "あれば「○」")
    text(page, C2 + 60, 128, "情報保護対策")
    text(page, L + 5, 246, "区が行う対策")  # centred in the merged party cell
    marks = ["○", "○", "－", "○", "○"]
    for i, (y, m) in enumerate(zip(ROWS[1:], marks, strict=False)):
        text(page, C1 + 35, y + 16, m)
        text(page, C2 + 5, y + 16, f"対策その{i + 1}を実施するよう指導する。")
    text(page, C1 + 5, ROWS[3] + 30, "（紙媒体なし）")


def test_checklist_with_horizontal_rules_only(tmp_path):
    doc = pymupdf.open()
    _checklist(new_page(doc))
    page = extract_layout(save(doc, tmp_path / "c.pdf")).pages[0]
    (t,) = page.tables
    assert (t.n_rows, t.n_cols) == (6, 3)
    party = t.cell_at(3, 0)
    assert (party.row, party.rowspan, party.colspan, party.text) == (1, 5, 1, "区が行う対策")
    assert t.cell_at(0, 1).text == "・対策が可能で\nあれば「○」"
    assert t.cell_at(0, 2).text == "情報保護対策"
    assert [t.cell_at(r, 1).text.split("\n")[0] for r in range(1, 6)] == ["○", "○", "－", "○", "○"]
    assert t.cell_at(3, 1).text == "－\n（紙媒体なし）"
    assert [t.cell_at(r, 2).text for r in range(1, 6)] == [
        f"対策その{i}を実施するよう指導する。" for i in range(1, 6)
    ]
    assert not any("対策その" in b.text for b in page.blocks)


def test_checklist_rules_drawn_cell_by_cell(tmp_path):
    """Chromium / Excel draw a border per cell: the pieces' ends mark the columns."""
    doc = pymupdf.open()
    page = new_page(doc)
    for k, y in enumerate(ROWS):
        xs = [L, C1, C2, R] if k in (0, 1, len(ROWS) - 1) else [C1, C2, R]
        for a, b in zip(xs, xs[1:], strict=False):
            _hline(page, y, a, b)
    text(page, L + 5, 246, "区が行う対策")
    for i, y in enumerate(ROWS[:-1]):
        text(page, C1 + 35, y + 16, "○")
        text(page, C2 + 5, y + 16, f"対策その{i}を行う。")
    (t,) = extract_layout(save(doc, tmp_path / "cc.pdf")).pages[0].tables
    assert t.col_edges == [L, C1, C2, R]
    assert (t.cell_at(3, 0).rowspan, t.cell_at(3, 0).text) == (5, "区が行う対策")


def _form(page, frame: bool):
    ys = [100, 130, 160, 200, 230, 260]
    for y in ys:
        _hline(page, y)
    if frame:
        page.draw_line((L, ys[0]), (L, ys[-1]), width=0.75)
        page.draw_line((R, ys[0]), (R, ys[-1]), width=0.75)
    rows = [
        ("事業の名称", ["介護認定事務"]),
        ("所管課", ["福祉課"]),
        ("委託先", ["株式会社テスト", "（東京都千代田区）"]),
        ("委託期間", ["令和７年４月１日から令和８年３月31日まで"]),
    ]
    for (label, values), y in zip(rows, ys, strict=False):
        text(page, L + 5, y + 18, label)
        for k, v in enumerate(values):
            text(page, 180, y + 18 + 14 * k, v)
    # the last band: a note running across the label column's gutter -> one merged cell
    text(page, L + 5, ys[-2] + 18, "※本様式の記載事項は、委託先との契約書の定めるところによる。")


def test_label_value_form_with_horizontal_rules_only(tmp_path):
    doc = pymupdf.open()
    _form(new_page(doc), frame=False)
    (t,) = extract_layout(save(doc, tmp_path / "f.pdf")).pages[0].tables
    assert (t.n_rows, t.n_cols) == (5, 2)
    assert [t.cell_at(r, 0).text for r in range(4)] == [
        "事業の名称",
        "所管課",
        "委託先",
        "委託期間",
    ]
    assert t.cell_at(2, 1).text == "株式会社テスト\n（東京都千代田区）"
    note = t.cell_at(4, 0)
    assert note.colspan == 2 and note.text.startswith("※本様式")


def test_outer_frame_without_inner_verticals(tmp_path):
    doc = pymupdf.open()
    _form(new_page(doc), frame=True)
    (t,) = extract_layout(save(doc, tmp_path / "ff.pdf")).pages[0].tables
    assert (t.n_rows, t.n_cols) == (5, 2)
    assert t.cell_at(1, 1).text == "福祉課"


PARAGRAPH = "本市は、個人情報の保護に関する法律に基づき、保有する個人情報を適正に取り扱う。"


def test_paragraphs_between_separator_rules_stay_text(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    y = 100
    for k in range(4):
        _hline(page, y)
        text(page, L, y + 18, f"{k + 1}　概要")
        for j in range(3):
            text(page, L, y + 34 + 15 * j, PARAGRAPH[: 40 - 7 * j])
        y += 90
    _hline(page, y)
    out = extract_layout(save(doc, tmp_path / "p.pdf")).pages[0]
    assert out.tables == []
    assert any(PARAGRAPH[:20] in b.text for b in out.blocks)


def test_underlined_lines_stay_text(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    for k in range(4):
        y = 120 + 20 * k
        text(page, L, y, "委託先　" + PARAGRAPH[:20])
        _hline(page, y + 2, L, L + 10.5 * 24, width=0.5)
    out = extract_layout(save(doc, tmp_path / "u.pdf")).pages[0]
    assert out.tables == []
    assert sum("委託先" in b.text for b in out.blocks) >= 1


def test_short_separated_lines_without_columns_stay_text(tmp_path):
    """Rules between one-column lines (a list under separators) give no columns."""
    doc = pymupdf.open()
    page = new_page(doc)
    for k in range(5):
        y = 100 + 30 * k
        _hline(page, y)
        text(page, L + 5, y + 18, PARAGRAPH[: 10 + 6 * k])
    _hline(page, 250)
    assert extract_layout(save(doc, tmp_path / "s.pdf")).pages[0].tables == []


def test_booktabs_rules_under_header_and_bottom(tmp_path):
    """Top rule, a rule under the header, a bottom rule: body rows start where the first
    column has text; a value's second line stays in its row."""
    doc = pymupdf.open()
    page = new_page(doc)
    for y in (100, 125, 235):
        _hline(page, y)
    text(page, L + 5, 117, "項目")
    text(page, 200, 117, "内容")
    body = [("事業名", ["介護認定事務"]), ("委託先", ["株式会社テスト", "（千代田区）"])]
    body += [("所管課", ["福祉課"]), ("委託期間", ["令和７年度"])]
    y = 145
    for label, values in body:
        text(page, L + 5, y, label)
        for v in values:
            text(page, 200, y, v)
            y += 15
        y += 6
    (t,) = extract_layout(save(doc, tmp_path / "b.pdf")).pages[0].tables
    assert (t.n_rows, t.n_cols) == (5, 2)
    assert [t.cell_at(r, 0).text for r in range(5)] == [
        "項目",
        "事業名",
        "委託先",
        "所管課",
        "委託期間",
    ]
    assert t.cell_at(2, 1).text == "株式会社テスト\n（千代田区）"


def test_frame_rectangle_with_horizontal_rules(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    _form(page, frame=False)
    page.draw_rect(pymupdf.Rect(L, 100, R, 260), width=0.75)
    (t,) = extract_layout(save(doc, tmp_path / "fr.pdf")).pages[0].tables
    assert (t.n_rows, t.n_cols) == (5, 2)
    assert t.cell_at(3, 1).text == "令和７年４月１日から令和８年３月31日まで"


def test_numbered_paragraphs_between_rules_stay_text(tmp_path):
    """(1) (2) … with a hanging indent line up like a column, but markers alone are a
    list, not a table's first column."""
    doc = pymupdf.open()
    page = new_page(doc)
    y = 100
    for k in range(4):
        _hline(page, y)
        text(page, L, y + 18, f"({k + 1})")
        for j in range(3):
            text(page, L + 30, y + 18 + 15 * j, PARAGRAPH[: 40 - 7 * j])
        y += 70
    _hline(page, y)
    out = extract_layout(save(doc, tmp_path / "n.pdf")).pages[0]
    assert out.tables == []
    assert any(b.text.startswith("(1)") for b in out.blocks)


def test_separator_rule_above_a_heading_is_no_row(tmp_path):
    """A rule under the page header, then a heading running across the columns, then the
    checklist: the heading stays text, the table starts at its own top rule."""
    doc = pymupdf.open()
    page = new_page(doc)
    _checklist(page)
    _hline(page, 50)
    text(page, L, 80, "２　業務委託に係る個人情報保護対策チェックリスト（令和７年度）")
    out = extract_layout(save(doc, tmp_path / "h.pdf")).pages[0]
    (t,) = out.tables
    assert t.bbox.y0 == ROWS[0] and (t.n_rows, t.n_cols) == (6, 3)
    assert any(b.text.startswith("２　業務委託") for b in out.blocks)


def test_flow_diagram_of_stacked_boxes_stays_text(tmp_path):
    """Numbered boxes of one width stacked with arrow captions between them: their edges
    make a stack of rules with text in columns, but the boxes' sides close only some
    bands, so it is no table."""
    doc = pymupdf.open()
    page = new_page(doc)
    for k, caption in enumerate(["利用者（端末）", "受付サーバ", "担当課（業務端末）"]):
        y = 100 + 100 * k
        page.draw_rect(pymupdf.Rect(120, y, 470, y + 50), width=0.75)
        text(page, 125, y + 30, "①②③"[k])
        text(page, 200, y + 30, caption)
    for k, arrow in enumerate(["申請情報の送信（暗号化）", "専用回線"]):
        y = 180 + 100 * k
        text(page, 125, y, "→")
        text(page, 200, y, arrow)
        text(page, 455, y, "→")
    out = extract_layout(save(doc, tmp_path / "d.pdf")).pages[0]
    assert out.tables == []
    assert any("受付サーバ" in b.text for b in out.blocks)
