"""Agenda items whose number lost its space (OCR: ``1電算処理…``) are still items when a category
word follows the number (pipeline/overview.py parse_agenda)."""

from __future__ import annotations

from pipeline.overview import parse_agenda


def test_number_glued_to_a_category_word():
    lines = [
        "投票所入場券のバーコードを読み取り、対照をタブレット端末で行う。",
        "付議内容",
        "1電算処理投票所受付システムを新たに開発する。",
        "2業務委託 システムの運用保守を委託する。",
        "選挙人数約96,000人",
    ]
    got = [a.replace(" ", "") for a in parse_agenda(lines)]
    assert got == [
        "電算処理投票所受付システムを新たに開発する。",
        "業務委託システムの運用保守を委託する。",
    ]


def test_number_glued_to_other_text_is_not_an_item():
    lines = ["付議内容", "10月から受付システムを新たに開発する。"]
    assert parse_agenda(lines) == []
