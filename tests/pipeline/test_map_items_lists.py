"""Data-item cells printed as lists or with colons (pipeline/data_items.py): ・ bullet lines,
(1)(2) numbered items, 個人の範囲：… / 該当者：… / 項目：… sub-labels."""

from __future__ import annotations

import pytest

from pipeline.data_items import parse_items_cell


def _read(cell):
    got = parse_items_cell(cell)
    return got.data_subjects, [(i.name, i.qualifier) for i in got.items]


@pytest.mark.parametrize(
    "cell",
    [
        "・氏名\n・住所\n・電話番号（任意）",
        "(1) 氏名 (2) 住所 (3) 電話番号（任意）",
        "・氏名、住所\n・電話番号（任意）",
    ],
)
def test_list_printed_items(cell):
    assert _read(cell) == (None, [("氏名", None), ("住所", None), ("電話番号", "任意")])


@pytest.mark.parametrize(
    "cell",
    [
        "個人の範囲：申請者\n記録項目：氏名、住所",
        "該当者：申請者\n情報項目：氏名、住所",
        "対象者：申請者\n項目：氏名、住所",
        "【申請者に係る情報項目】\n・氏名\n・住所",
    ],
)
def test_colon_sublabels(cell):
    assert _read(cell) == ("申請者", [("氏名", None), ("住所", None)])


def test_middle_dot_inside_an_item_is_not_a_list():
    assert _read("氏名（漢字・カナ）、小・中学校名") == (
        None,
        [("氏名", "漢字・カナ"), ("小・中学校名", None)],
    )
