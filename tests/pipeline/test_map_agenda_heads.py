"""Agenda headings other offices print (pipeline/overview.py parse_agenda): 付議する内容, 審議事項,
本審議会に諮る内容, 報告事項, 諮問する事項, 審議いただく内容, 付議事項等."""

from __future__ import annotations

import pytest

from pipeline.overview import parse_agenda

ITEMS = ["(1) 電算処理 システムを改修する。", "(2) 業務委託 保守を委託する。", "3 対象者数 約900人"]


@pytest.mark.parametrize(
    "heading",
    [
        "2 本審議会への付議内容",
        "2 付議する内容",
        "2 審議事項",
        "2 本審議会に諮る内容",
        "2 報告事項",
        "2 諮問する事項",
        "2 本会議で審議いただく内容",
        "2 付議事項等",
    ],
)
def test_agenda_heading_variants(heading):
    lines = ["1 概要", "説明。", heading, *ITEMS]
    assert parse_agenda(lines) == ["電算処理 システムを改修する。", "業務委託 保守を委託する。"]


@pytest.mark.parametrize("heading", ["2 事業内容", "2 報告書の内容", "2 事業の流れ"])
def test_other_headings_are_not_the_agenda(heading):
    assert parse_agenda(["1 概要", "説明。", heading, *ITEMS]) == []
