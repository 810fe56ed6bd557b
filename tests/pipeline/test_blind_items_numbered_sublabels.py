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
