"""Cover heading, council and 資料 number as other offices print them.

Real wording (council pages found by search): 狛江市個人情報保護審議会 (諮問事項 / 報告事項),
神奈川県情報公開・個人情報保護審議会, 羽村市個人情報保護審議会 付議依頼書; the council names are
those of other cities' bodies (運営審議会, 制度審議会, 委員会 …).
"""

from __future__ import annotations

import pytest

from pipeline.cover import basis_instrument, material_number
from pipeline.headings import classify_unit_text
from pipeline.units import compact
from pipeline.wareki import canonical_council


@pytest.mark.parametrize(
    ("printed", "council", "kind"),
    [
        ("狛江市個人情報保護審議会【付議事項】", "個人情報保護審議会", "付議事項"),
        ("○○市個人情報保護審議会 付 議 事 項", "個人情報保護審議会", "付議事項"),
        ("那覇市個人情報保護運営審議会 諮問第3号", "個人情報保護運営審議会", "諮問事項"),
        ("羽村市個人情報保護審議会 報告第２号", "個人情報保護審議会", "報告事項"),
        ("西川村個人情報保護審議会 諮問第十二号", "個人情報保護審議会", "諮問事項"),
        ("【付議事項】狛江市個人情報保護審議会", "個人情報保護審議会", "付議事項"),
        ("諮問事項 市川市個人情報保護制度審議会", "個人情報保護制度審議会", "諮問事項"),
        (
            "廿日市市情報公開・個人情報保護制度運営審議会 諮問･報告事項",
            "情報公開・個人情報保護制度運営審議会",
            "諮問・報告事項",
        ),
        ("十日町市個人情報保護委員会〔報告事項〕", "個人情報保護委員会", "報告事項"),
        (
            "東村山市個人情報保護運営審議会 諮問及び報告事項",
            "個人情報保護運営審議会",
            "諮問・報告事項",
        ),
        (
            "神奈川県情報公開・個人情報保護審議会 (諮問事項)",
            "情報公開・個人情報保護審議会",
            "諮問事項",
        ),
        ("新宿区個人情報保護管理運営会議 付議事項", "個人情報保護管理運営会議", "付議事項"),
    ],
)
def test_cover_heading_variants(printed, council, kind):
    h = classify_unit_text(compact(printed))
    assert h.kind == "cover"
    assert (canonical_council(h.council), h.item_kind) == (council, kind)


@pytest.mark.parametrize(
    "printed",
    [
        "諮問第3号",  # a number alone names no council
        "【付議事項】",
        "個人情報保護審議会への報告事項について",  # a sentence
        "令和5年度第9回新宿区個人情報保護管理運営会議",  # a meeting, no kind word
        "個人情報保護審議会 会長 様",
        "報告事項 1 保有個人情報の提供について",
    ],
)
def test_not_a_cover_heading(printed):
    assert classify_unit_text(compact(printed)).kind != "cover"


@pytest.mark.parametrize(
    ("body", "council"),
    [
        ("四日市市個人情報保護運営審議会", "個人情報保護運営審議会"),  # 市 inside the city name
        ("東村山市個人情報保護運営審議会", "個人情報保護運営審議会"),  # 村 inside the city name
        ("さいたま市情報公開・個人情報保護運営審議会", "情報公開・個人情報保護運営審議会"),
        ("鹿児島県姶良市個人情報保護審議会", "個人情報保護審議会"),
        ("東京都個人情報保護審議会", "個人情報保護審議会"),
        ("北海道情報公開・個人情報保護審議会", "情報公開・個人情報保護審議会"),
        ("○○広域連合個人情報保護審査会", "個人情報保護審査会"),
        ("個人情報保護委員会", "個人情報保護委員会"),
        ("管理運営会議", "個人情報保護管理運営会議"),  # an abbreviation of a known name
    ],
)
def test_council_without_city(body, council):
    assert canonical_council(body) == council


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("資料23", "資料23"),
        ("資料１", "資料1"),
        ("（資料１）", "資料1"),
        ("【資料２】", "資料2"),
        ("資料No.3", "資料No.3"),
        ("資料 No. 3", "資料No.3"),
        ("資料第4号", "資料第4号"),
        ("資料６１－１", "資料61-1"),
        ("資料12一1", "資料12-1"),  # OCR's 一 between digits
        ("議題1-資料2", "議題1-資料2"),
    ],
)
def test_material_number_forms(line, number):
    assert material_number(line) == number


@pytest.mark.parametrize(
    "line", ["資料", "資料集", "参考資料", "資料23のとおり", "別紙資料1のとおり", "資料編"]
)
def test_not_a_material_number(line):
    assert material_number(line) is None


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("要綱の根拠\n◇第3条第1項第3号（電算処理）", "要綱"),
        ("条例の根拠\n◇第14条第1項（業務委託）", "条例"),
        ("根拠条例\n◇第14条第1項（業務委託）", "条例"),
        ("根拠要綱：第4条", "要綱"),
        ("条例上の根拠\n第17条第1項第2号", "条例"),
        ("根拠：狛江市個人情報保護条例第10条", "条例"),
        ("根拠規定：○○市個人情報保護事務取扱要綱第4条第1項", "要綱"),
    ],
)
def test_basis_instrument_variants(text, instrument):
    assert basis_instrument(text) == instrument


@pytest.mark.parametrize(
    "text",
    [
        "件名 ○○市個人情報保護条例の一部改正について",  # names a 条例, not the basis
        "根拠条例の一部改正について",
        "法の根拠\n◇法第69条第2項第3号（外部提供）",  # the law: neither 要綱 nor 条例
        "内容は別紙のとおり",
    ],
)
def test_no_basis_instrument(text):
    assert basis_instrument(text) is None
