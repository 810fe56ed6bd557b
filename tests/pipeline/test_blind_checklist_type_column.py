"""A Word checklist: party | type (its own merged column) | mark | measure, header row
repeated on the continuation page (w:tblHeader), a type label printed only on the page
its merged cell continues on.
"""

from __future__ import annotations

import fixtures_documents as fx
import pytest
from fixtures_layout import LEFT, SIZE, Cursor, cell, page, text

from models.layout import BBox, Table
from pipeline.mapping import map_record
from pipeline.segment import segment_submissions

XS = [LEFT, LEFT + 100, LEFT + 170, LEFT + 250, LEFT + 520]
HEADER = ("区分", "", "対策の可否\n○：対策を講じる\n－：対策の必要なし", "個人情報保護対策")


def _table(groups, continues=None, cur=None) -> Table:
    """groups: (party, [(type label, [(mark, measure), ...]), ...]); every label/party is one
    merged cell over its rows (an empty string prints nothing in it)."""
    y = cur.y if cur else 60.0
    cells = [
        cell(0, k, t, BBox(x0=XS[k], y0=y, x1=XS[k + 1], y1=y + 36)) for k, t in enumerate(HEADER)
    ]
    edges, r = [y, y + 36], 1
    for party, types in groups:
        party_row, party_top = r, edges[-1]
        for label, rows in types:
            type_row, type_top = r, edges[-1]
            for mark, measure in rows:
                top, bottom = edges[-1], edges[-1] + SIZE * 1.2 + 6
                cells.append(cell(r, 2, mark, BBox(x0=XS[2], y0=top, x1=XS[3], y1=bottom)))
                cells.append(cell(r, 3, measure, BBox(x0=XS[3], y0=top, x1=XS[4], y1=bottom)))
                edges.append(bottom)
                r += 1
            box = BBox(x0=XS[1], y0=type_top, x1=XS[2], y1=edges[-1])
            cells.append(cell(type_row, 1, label, box, rowspan=r - type_row))
        box = BBox(x0=XS[0], y0=party_top, x1=XS[1], y1=edges[-1])
        cells.append(cell(party_row, 0, party, box, rowspan=r - party_row))
    if cur:
        cur.y = edges[-1] + 8
    return Table(
        page=1,
        bbox=BBox(x0=XS[0], y0=y, x1=XS[-1], y1=edges[-1]),
        n_rows=r,
        n_cols=4,
        col_edges=XS,
        row_edges=edges,
        cells=cells,
        continues=continues,
    )


def _record(first, second, linked=True):
    cur1, cur2 = Cursor(), Cursor()
    heading = text("５　業務委託に係る個人情報保護対策チェックリスト", cur=cur1)
    pages = [
        fx.cover_page(
            1,
            "西山市個人情報保護審議会 諮問事項",
            "健診予約の業務委託について",
            ["要綱の根拠"],
            "（担当部課：保健局健診課）",
        ),
        fx.sheet_page(2, "健診予約の業務委託について", [("保有課", "健診課"), ("委託先", "某社")]),
        page(3, [heading, _table(first, cur=cur1)]),
        page(4, [_table(second, continues=0 if linked else None, cur=cur2)]),
    ]
    lay = fx.layout(pages, "typecolumn.pdf")
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record


WARD = "委託にあたり市が\n行う情報保護対策"
PEER = "委託事業者に行わ\nせる情報保護対策"
OPS, SYS = "【運用上の対\n策】", "【システム上の\n対策】"


@pytest.mark.parametrize("linked", [True, False])  # False: the extractor did not link the pages
def test_type_column_types_its_rows_and_the_repeated_header_is_no_row(linked):
    first = [
        (
            WARD,
            [
                (OPS, [("○", "作業場所を確認する。"), ("○", "連絡体制を確認する。")]),
                (SYS, [("○", "通信を暗号化する。")]),
            ],
        ),
        (
            PEER,
            [
                (
                    OPS,
                    [("○", "報告書を提出させる。"), ("－\n（紙媒体なし）", "金庫に保管させる。")],
                ),
                ("", [("○", "通信先を限定させる。")]),
            ],
        ),
    ]
    # the counterparty's system-measures cell carries on: its label printed here only
    second = [("", [(SYS, [("○", "ログを取得させる。"), ("○", "アクセス権を設定させる。")])])]
    rec = _record(first, second, linked)
    got = [(r.party, r.measure_type, r.mark, r.measure, r.page) for r in rec.checklists]
    assert got == [
        ("ward", "operational", "applicable", "作業場所を確認する。", 3),
        ("ward", "operational", "applicable", "連絡体制を確認する。", 3),
        ("ward", "technical", "applicable", "通信を暗号化する。", 3),
        ("counterparty", "operational", "applicable", "報告書を提出させる。", 3),
        ("counterparty", "operational", "not_applicable", "金庫に保管させる。", 3),
        ("counterparty", "technical", "applicable", "通信先を限定させる。", 3),
        ("counterparty", "technical", "applicable", "ログを取得させる。", 4),
        ("counterparty", "technical", "applicable", "アクセス権を設定させる。", 4),
    ]
    codes = {w.code for w in rec.warnings}
    assert "checklist_type_guessed" not in codes
    assert "checklist_mark_unread" not in codes


def test_label_printed_on_the_first_page_is_kept_over_an_empty_continued_cell():
    first = [
        (PEER, [(OPS, [("○", "報告書を提出させる。")]), (SYS, [("○", "通信先を限定させる。")])])
    ]
    second = [("", [("", [("○", "ログを取得させる。")])])]
    rec = _record(first, second)
    assert [r.measure_type for r in rec.checklists] == ["operational", "technical", "technical"]


@pytest.mark.parametrize(
    "header",
    [
        ("区分", "", "実施の有無", "対策項目"),
        ("", "", "可否", "保護対策の内容"),
        ("対象", "種別", "チェック欄", "チェック項目"),
    ],
)
def test_other_header_wordings_repeated_on_the_next_page_are_no_rows(header, monkeypatch):
    monkeypatch.setattr(__import__(__name__), "HEADER", header)
    first = [(PEER, [(OPS, [("○", "報告書を提出させる。")])])]
    second = [("", [(SYS, [("○", "ログを取得させる。")])])]
    rec = _record(first, second, linked=False)
    assert [(r.measure_type, r.measure) for r in rec.checklists] == [
        ("operational", "報告書を提出させる。"),
        ("technical", "ログを取得させる。"),
    ]
