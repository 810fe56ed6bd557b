"""事業内容 numbering styles (①, 1), ３．) and counts (bracketed, space/OCR thousands)."""

from __future__ import annotations

import pytest

from pipeline.counts import parse_counts
from pipeline.overview import _body_lines, parse_agenda, parse_overview_counts
from pipeline.pairs import Pair


def _lines(desc: str) -> list[str]:
    p = Pair(label="事業内容", label_bbox=None, page=1)  # type: ignore[arg-type]
    p.texts.append(desc)
    return _body_lines([], p)


DESC_DOT = (
    "１．概要\n水道料金の支払方法を拡大する。\n"
    "２．審議会への諮問内容\n"
    "①業務委託　コンビニ収納代行業務を委託する。\n"
    "②外部結合　収納代行事業者のシステムと結合\nする。\n"
    "３．対象者数　約 48,000 件（月間の納付書発行件数）"
)


def test_circled_agenda_and_full_width_period_headings():
    lines = _lines(DESC_DOT)
    assert parse_agenda(lines) == [
        "業務委託 コンビニ収納代行業務を委託する。",
        "外部結合 収納代行事業者のシステムと結合する。",
    ]
    counts = parse_overview_counts(lines)
    assert [(c.label, c.value, c.unit) for c in counts] == [("対象者数", 48000, "件")]


def test_parenthesis_numbered_agenda():
    lines = _lines(
        "1 概要\n説明。\n2 報告内容\n1) 電算処理 窓口システムを改修する。\n2) 業務委託 改修を委託する。"
    )
    assert parse_agenda(lines) == ["電算処理 窓口システムを改修する。", "業務委託 改修を委託する。"]


def test_second_count_in_brackets_has_its_own_label():
    counts = parse_counts("利用者数　約 6,500 人（年間利用件数　約9,800件）")
    assert [(c.label, c.value, c.unit) for c in counts] == [
        ("利用者数", 6500, "人"),
        ("年間利用件数", 9800, "件"),
    ]


def test_breakdown_in_brackets_is_not_a_count():
    assert len(parse_counts("約600人（20人×30日）")) == 1


@pytest.mark.parametrize(
    "printed", ["約 72,000 人", "約 72, 000 人", "約 72 000 人", "約 72.000 人"]
)
def test_thousands_as_printed_or_ocr_read(printed):
    assert parse_counts(printed, label="対象者数")[0].value == 72000


def test_count_heading_glued_after_the_last_agenda_item():
    lines = _lines(
        "1.概要\n説明。\n2.付議内容\n(1)外部結合 県のシステムから課税資料を受信する。3.対象者数 約 9,100 人"
    )
    assert parse_agenda(lines) == ["外部結合 県のシステムから課税資料を受信する。"]
    assert [(c.label, c.value) for c in parse_overview_counts(lines)] == [("対象者数", 9100)]


def test_katakana_agenda_at_line_starts_and_a_heading_without_su():
    lines = _lines(
        "1 概要\n説明。\n2 報告内容\nア 電算処理 台帳システムを改修する。\nイ 業務委託 改修を委託する。\n"
        "3 対象者 約 400 人"
    )
    assert parse_agenda(lines) == ["電算処理 台帳システムを改修する。", "業務委託 改修を委託する。"]
    assert [(c.value, c.unit) for c in parse_overview_counts(lines)] == [(400, "人")]


def test_bare_numbered_items_under_dai_headings():
    lines = _lines(
        "第1 概要\n説明。\n第2 付議内容\n1 電算処理 台帳を改修する。\n2 業務委託 改修を\n委託する。\n第3 対象者数 約 80 人"
    )
    assert parse_agenda(lines) == ["電算処理 台帳を改修する。", "業務委託 改修を委託する。"]
