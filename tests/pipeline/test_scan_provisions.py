"""Cover provisions on OCR'd pages whose ◇ bullet was lost (heldout5 S7)."""

from __future__ import annotations

import pytest

from pipeline.provisions import parse_provisions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "条例の根拠\n北川市個人情報保護法施行条例第6条第1号(電算処理、外部結合、業務委託)",
            [("第6条第1号", "電算処理、外部結合、業務委託")],
        ),
        (
            "北川市個人情報保護法施行条例第7条第2項(業務委託)\n"
            "北川市個人情報保護法施行条例第7条第　3　項(再委託)",
            [("第7条第2項", "業務委託"), ("第7条第3項", "再委託")],
        ),
        ("南浜町個人情報保護規則第5条第2号（外部結合）", [("第5条第2号", "外部結合")]),
    ],
)
def test_provision_line_without_its_bullet(text, expected):
    got = [(p.article, p.subject) for p in parse_provisions(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "この事業は個人情報保護法第61条の規定により行う。",
        "個人情報保護法第27条第1項に基づき提供する。（予定）",
    ],
)
def test_a_sentence_citing_an_article_is_no_provision(text):
    assert parse_provisions(text) == []
