"""A sheet table with a column-heading row (項目│内容│備考) and an items heading
【…に係る項目】 (without 情報)."""

from __future__ import annotations

import fixtures_documents as fx

from pipeline.data_items import parse_items_cell
from pipeline.mapping import map_record
from pipeline.pairs import region_pairs
from pipeline.segment import segment_submissions
from pipeline.units import layout_units

ROWS = [
    ("項目", "内容"),
    ("所管課（保有課）", "料金課"),
    ("受託事業者", "株式会社湊情報サービス"),
    (
        "委託に伴い処理させる\n個人情報の項目",
        "【メール配信を申し込んだ水道使用者に係る項目】\n水栓番号、使用者氏名、使用水量",
    ),
    ("委託する理由", "配信業務を効率的に行うため。"),
]


def _layout():
    cover = fx.cover_page(
        1,
        "東湊市個人情報保護審議会　付議事項",
        "漏水お知らせメール配信業務の委託について",
        ["条例の根拠", "◇第５条第２号（業務委託）"],
        "（所管課：上下水道局料金課）",
    )
    sheet = fx.sheet_page(
        2, "漏水お知らせメール配信業務の委託について", ROWS, marker="別紙　業務委託"
    )
    return fx.layout([cover, sheet], "header.pdf")


def test_column_heading_row_is_no_pair():
    units = [u for u in layout_units(_layout()) if u.page == 2]
    labels = ["".join(p.label.split()) for p in region_pairs(units)]
    assert labels[:3] == ["件名", "所管課（保有課）", "受託事業者"]
    assert "項目" not in labels


def test_column_heading_row_is_not_in_fields_and_subjects_drop_ni_kakaru_koumoku():
    lay = _layout()
    sec = map_record(segment_submissions(lay)[0], lay, document_id="x").record.sections[0]
    assert "項目" not in sec.fields
    assert sec.data_subjects == "メール配信を申し込んだ水道使用者"
    assert [i.name for i in sec.data_items] == ["水栓番号", "使用者氏名", "使用水量"]


def test_subject_heading_suffixes():
    for head, subject in [
        ("【利用者に係る情報項目】", "利用者"),
        ("【利用者に係る項目】", "利用者"),
        ("【利用者に関する項目】", "利用者"),
        ("【利用者の個人情報項目】", "利用者"),
    ]:
        assert parse_items_cell(f"{head}\n氏名、住所").data_subjects == subject, head
