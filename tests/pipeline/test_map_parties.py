"""Party cells other offices print (pipeline/parties.py): a ※ certification note, a party not yet
chosen worded without 未定, a label inside the cell, 委託先：/再委託先： lines without 【】."""

from __future__ import annotations

import pytest

from pipeline.parties import parse_contractors, parse_party


@pytest.mark.parametrize(
    ("cell", "name", "certs"),
    [
        ("株式会社A ※プライバシーマーク及びISMS認証取得", "株式会社A", ["privacy_mark", "isms"]),
        ("株式会社A（ISO/IEC27001:2022）", "株式会社A", ["isms"]),
        ("委託先：株式会社A（Ｐマーク取得）", "株式会社A", ["privacy_mark"]),
        ("国（内閣官房）", "国(内閣官房)", []),
        ("地方公共団体情報システム機構", "地方公共団体情報システム機構", []),
    ],
)
def test_named_parties(cell, name, certs):
    party = parse_party(cell)
    assert (party.name, party.undecided, party.certifications) == (name, False, certs)


@pytest.mark.parametrize(
    "cell",
    [
        "未定（プロポーザルにより決定する）",
        "選定中",
        "入札により決定する",
        "プロポーザル方式により選定予定",
        "契約締結後に決定",
    ],
)
def test_parties_not_yet_chosen(cell):
    party = parse_party(cell)
    assert (party.name, party.undecided) == (None, True)


def test_a_named_company_that_decides_is_not_undecided():
    assert parse_party("株式会社Aが決定する").undecided is False


def test_prime_and_sub_on_labelled_lines():
    prime, sub = parse_contractors(
        "委託先：株式会社A（プライバシーマーク）\n再委託先：株式会社B（ISMS）"
    )
    assert (prime.name, prime.certifications) == ("株式会社A", ["privacy_mark"])
    assert (sub.name, sub.certifications) == ("株式会社B", ["isms"])
    prime, sub = parse_contractors("株式会社B（プライバシーマーク）")
    assert prime is None and sub.name == "株式会社B"
