"""Sheet kind from the wording other offices print (labels first, heading / 件名 second).

Real wording (council papers found by search): 狛江市 「電子計算機処理による結合」「保有個人情報の
電子計算機処理による記録項目の設定」, 神奈川県 「オンライン結合制限」「個人情報取扱事務の登録」,
羽村市 「保有個人情報取扱事務届出事項」; the rest are the label families such sheets print.
"""

from __future__ import annotations

import pytest

from pipeline.sheet_kind import kind_from_labels, kind_from_text


@pytest.mark.parametrize(
    ("labels", "kind"),
    [
        # 再委託 stays first
        (["再委託先", "委託先"], "再委託"),
        (["再委託する業務の内容", "委託先"], "再委託"),
        (["再委託先事業者"], "再委託"),
        (["再受託者"], "再委託"),
        # 業務委託
        (["委託先事業者", "委託する事務の内容"], "業務委託"),
        (["受注者"], "業務委託"),
        (["受注事業者"], "業務委託"),
        (["契約の相手方", "契約期間"], "業務委託"),
        (["契約相手方"], "業務委託"),
        (["指定管理者", "管理を行わせる施設"], "業務委託"),
        (["委託する業務"], "業務委託"),
        (["委託内容"], "業務委託"),
        (["委託の範囲"], "業務委託"),
        (["個人情報取扱事務の委託先"], "業務委託"),
        (["受託事業者の名称"], "業務委託"),
        # 外部結合
        (["接続先", "接続の方法"], "外部結合"),
        (["接続の相手方"], "外部結合"),
        (["結合の目的"], "外部結合"),
        (["結合する情報項目"], "外部結合"),
        (["結合の時期"], "外部結合"),
        (["連携先"], "外部結合"),
        (["提供先"], "外部結合"),
        (["情報の提供先"], "外部結合"),
        (["提供を受ける者"], "外部結合"),
        (["オンライン結合の相手方"], "外部結合"),
        (["回線の種類", "接続する理由"], "外部結合"),
        (["1結合の相手方"], "外部結合"),
        # 電算処理
        (["記録項目", "記録媒体"], "電算処理"),
        (["使用する電子計算機"], "電算処理"),
        (["電子計算機の名称"], "電算処理"),
        (["処理させる電子計算機"], "電算処理"),
        (["システムの名称", "改修の内容"], "電算処理"),
        (["開発・改修の理由"], "電算処理"),
        (["電子計算機処理の内容"], "電算処理"),
        (["記録される個人情報の項目"], "電算処理"),
    ],
)
def test_kind_from_label_families(labels, kind):
    assert kind_from_labels(labels) == kind


@pytest.mark.parametrize(
    "labels",
    [
        ["再委託の有無", "保有課"],  # asks whether there is one: no 再委託 sheet by itself
        ["再委託の予定"],
        ["保有課", "登録業務の名称", "個人の範囲"],  # any sheet
        ["提供の有無"],
        ["接続の有無"],
        ["備考"],
    ],
)
def test_labels_that_tell_no_kind(labels):
    assert kind_from_labels(labels) is None


def test_電算処理_protection_row_is_not_業務委託():
    # 開発等を委託する場合における個人情報保護対策 is printed on 電算処理 sheets
    assert kind_from_labels(["開発等を委託する場合における個人情報保護対策"]) == "電算処理"


def test_再委託の有無_beside_委託先_is_業務委託():
    assert kind_from_labels(["委託先", "再委託の有無"]) == "業務委託"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("個人情報取扱事務の委託について", "業務委託"),
        ("事務の委託", "業務委託"),
        ("外部委託", "業務委託"),
        ("指定管理者による施設の管理", "業務委託"),
        ("電子計算機の結合について", "外部結合"),
        ("電子計算機処理による結合について", "外部結合"),  # 狛江市
        ("オンライン結合", "外部結合"),
        ("外部接続", "外部結合"),
        ("外部機関との回線結合", "外部結合"),
        ("情報提供ネットワークシステムとの接続", "外部結合"),
        ("電子計算機処理", "電算処理"),
        ("電子計算機による処理", "電算処理"),
        ("保有個人情報の電子計算機処理による記録項目の設定", "電算処理"),  # 狛江市
        ("システムの新規開発", "電算処理"),
        ("住民情報システムの改修", "電算処理"),
        ("健康管理システムの変更", "電算処理"),
        ("再委託の承認について", "再委託"),
        ("外部結合（委託先システムとの接続）", "外部結合"),  # the category word wins
        ("業務委託（電子計算機処理）", "業務委託"),
    ],
)
def test_kind_from_heading_families(text, kind):
    assert kind_from_text([text]) == kind


@pytest.mark.parametrize(
    "text",
    [
        "5歳児健康診査の実施について",
        "住民票の写しの交付事務について",
    ],
)
def test_headings_that_tell_no_kind(text):
    assert kind_from_text([text]) is None
