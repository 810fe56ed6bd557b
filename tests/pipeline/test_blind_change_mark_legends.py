"""Legend wordings other offices print (（注）, 注：, no ※ at all, 変更個所 / 修正点), and underlined
web / mail addresses in a submission without any legend (links, not change marks)."""

from __future__ import annotations

import pytest
from fixtures_layout import page, text

from pipeline.change_marks import is_legend, mark_style, marked_runs
from pipeline.pairs import ValueLine
from pipeline.units import page_units


@pytest.mark.parametrize(
    "legend",
    [
        "※太字ゴシック(下線)が、令和5年度第9回審議会承認済の内容からの変更箇所",
        "（注）下線部分は、前回承認からの変更した箇所です。",
        "注：太字・下線は変更個所",
        "下線部は令和６年度承認からの修正点",
        "＊太字下線部分は追加・変更箇所",
    ],
)
def test_legend_wordings(legend):
    assert is_legend(legend)
    units = page_units(page(1, [text(legend, "委託の内容　**保守業務**の追加", y0=40)]))
    style, found = mark_style(units)
    assert found == legend and style.underline
    assert style.bold == ("太字" in legend)


@pytest.mark.parametrize(
    "line", ["※個人情報の流れは、資料４－１のとおり", "※変更内容は別紙のとおり", "下線を引く"]
)
def test_other_notes_are_no_legend(line):
    assert not is_legend(line)


def _runs(*lines: str) -> list[str]:
    units = page_units(page(1, [text(*lines, y0=40)]))
    style, _ = mark_style(units)
    return [r.text for r in marked_runs([ValueLine(1, u.line) for u in units if u.line], style)]


def test_underlined_address_without_a_legend_is_a_link():
    assert _runs("問合せ <u>https://www.example.lg.jp/form</u>", "<u>info@example.lg.jp</u>") == []
    assert _runs("委託の内容 <u>保守業務の追加</u>") == ["保守業務の追加"]


def test_underlined_address_named_by_a_legend_is_a_mark():
    assert _runs("※下線部分は変更箇所", "<u>https://www.example.lg.jp/form</u>") == [
        "https://www.example.lg.jp/form"
    ]
