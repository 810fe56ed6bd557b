"""Katakana-numbered sub-labels inside a data-items cell (ア 個人の範囲 / イ 記録項目): the
marker of the next sub-label is not glued to the value before it (pipeline/data_items.py)."""

from __future__ import annotations

import pytest

from pipeline.data_items import parse_items_cell


@pytest.mark.parametrize(
    "cell",
    [
        "ア\u3000個人の範囲\u3000市立小・中学校の児童生徒及びその保護者\nイ\u3000記録項目\u3000氏名、学校名",
        "(ア) 個人の範囲 市立小・中学校の児童生徒及びその保護者\n(イ) 記録項目 氏名、学校名",
        "ア. 対象者の範囲 市立小・中学校の児童生徒及びその保護者 イ. 記録される情報項目 氏名、学校名",
    ],
)
def test_kana_numbered_sublabels(cell):
    got = parse_items_cell(cell)
    assert got.data_subjects == "市立小・中学校の児童生徒及びその保護者"
    assert [i.name for i in got.items] == ["氏名", "学校名"]


def test_kana_numbered_system_sublabel():
    got = parse_items_cell(
        "ア 個人の範囲 住民\nイ 記録項目 氏名、住所\nウ 記録するコンピュータ 庁内サーバ"
    )
    assert (got.data_subjects, got.system) == ("住民", "庁内サーバ")
    assert [i.name for i in got.items] == ["氏名", "住所"]


def test_katakana_inside_a_word_is_not_a_marker():
    got = parse_items_cell("個人の範囲 登録したユーザ 記録項目 メールアドレス、パスワード")
    assert got.data_subjects == "登録したユーザ"
    assert [i.name for i in got.items] == ["メールアドレス", "パスワード"]
