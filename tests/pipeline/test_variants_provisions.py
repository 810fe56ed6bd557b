"""Provision lines (the cover's legal basis) as other offices print them.

Real wording (found by search): 神奈川県 「オンライン結合制限(個人情報保護条例第10条)」,
狛江市 「条例第42条第2項第2号」, 愛媛県 「条例第7条第3項及び第49条第1項」; after 2023 the basis is
個人情報の保護に関する法律 (法第69条 …) and each city's 施行条例.
The article is kept as printed (NFKC, spaces dropped; 漢数字 stay: NFKC does not change them),
without the instrument's name.
"""

from __future__ import annotations

import pytest

from pipeline.provisions import parse_provisions


def _got(text):
    return [(p.article, p.subject) for p in parse_provisions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "◇第3条第1項第3号（電算処理、外部結合、業務委託）",
            [("第3条第1項第3号", "電算処理、外部結合、業務委託")],
        ),
        ("◆第3条第1項第3号（電算処理）", [("第3条第1項第3号", "電算処理")]),
        ("第3条第1項第3号(電算処理)", [("第3条第1項第3号", "電算処理")]),  # no bullet
        ("(1)第3条第1項第3号(電算処理)", [("第3条第1項第3号", "電算処理")]),
        ("①第14条第1項(業務委託)", [("第14条第1項", "業務委託")]),
        ("◇条例第17条第1項第2号", [("第17条第1項第2号", None)]),
        ("◇規則第5条", [("第5条", None)]),
        ("条例第17条第1項第2号（目的外利用）", [("第17条第1項第2号", "目的外利用")]),
        ("法第69条第2項第3号（外部提供）", [("第69条第2項第3号", "外部提供")]),
        (
            "個人情報の保護に関する法律第69条第2項第2号（目的外利用）",
            [("第69条第2項第2号", "目的外利用")],
        ),
        (
            "◇○○市個人情報の保護に関する法律施行条例第5条第2号（審議会への諮問）",
            [("第5条第2号", "審議会への諮問")],
        ),
        ("施行条例第7条第1項(電子計算機の結合)", [("第7条第1項", "電子計算機の結合")]),
        ("個人情報保護条例第10条", [("第10条", None)]),
        ("◇第十七条第一項第二号（目的外利用）", [("第十七条第一項第二号", "目的外利用")]),
        ("◇第１７条第１項第２号（目的外利用）", [("第17条第1項第2号", "目的外利用")]),
        ("◇第3条の2第1項（業務委託）", [("第3条の2第1項", "業務委託")]),
        ("◇ 第 3 条 第 1 項 第 3 号 （電算処理）", [("第3条第1項第3号", "電算処理")]),
        ("◇業務委託（第10条第2項）", [("第10条第2項", "業務委託")]),
        ("◇第3条第1項第3号【電算処理】", [("第3条第1項第3号", "電算処理")]),
        (
            "要綱第4条第1項第2号、第3号（電算処理、業務委託）",
            [("第4条第1項第2号、第3号", "電算処理、業務委託")],
        ),
        ("条例第17条第1項第2号及び第3号", [("第17条第1項第2号及び第3号", None)]),
        ("根拠：条例第10条第2項", [("第10条第2項", None)]),
    ],
)
def test_provision_forms(text, expected):
    assert _got(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "本件は、条例第17条第1項の規定により諮問するものです。",  # a sentence mentions, not lists
        "令和5年度第9回新宿区個人情報保護管理運営会議",
        "第3回",
        "個人情報保護条例の一部改正について",
        "条例の根拠",
        "法第69条第2項第3号に基づき提供する。",
    ],
)
def test_not_a_provision(text):
    assert _got(text) == []


def test_provisions_under_a_basis_label():
    text = "条例の根拠\n◇条例第17条第1項第2号\n◇条例第16条第1項（電算処理）\n（担当部課：住民課）"
    assert _got(text) == [("第17条第1項第2号", None), ("第16条第1項", "電算処理")]


def test_subject_on_the_next_line_is_one_provision():
    assert _got("◇条例第17条第1項第2号\n（電算処理）") == [("第17条第1項第2号", "電算処理")]
