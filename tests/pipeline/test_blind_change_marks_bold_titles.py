"""Bold Gothic titles, headings and bold 件名 rows are typography, not change marks.

Office templates print a sheet's 件名 row or a page heading in bold Gothic; the seeds'
marks are bold Gothic + underline (※太字ゴシック（下線）…). A whole line or table row in
bold (label and value alike) is not a mark; bold text inside a value still is.
"""

from __future__ import annotations

import fixtures_documents as fx
from fixtures_layout import Cursor, kv_table, page, text

from pipeline.change_marks import mark_style, marked_runs
from pipeline.mapping import map_record
from pipeline.pairs import ValueLine
from pipeline.segment import segment_submissions
from pipeline.units import page_units

LEGEND = (
    "※太字ゴシック（下線）は、令和元年度第６回北川市個人情報保護審議会承認済みの内容からの変更箇所"
)
TITLE = "証明書交付システムの改修について"


def _record(head: list[str], rows: list[tuple[str, str]]):
    cur = Cursor()
    sheet = page(2, [text(*head, cur=cur), kv_table(rows, cur=cur)])
    pages = [
        fx.cover_page(
            1,
            "北川市個人情報保護審議会 諮問事項",
            TITLE,
            ["◇北川市個人情報保護法施行条例第６条第１号（電算処理）"],
            "（担当課：区政推進課）",
        ),
        sheet,
    ]
    lay = fx.layout(pages, "boldtitle.pdf")
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record


ROWS = [
    ("保有課", "区政推進課"),
    ("登録業務の名称", "住民基本台帳事務"),
    ("新規開発・追加・変更の内容", "１　受信機能の追加\n２　<u>交付データ作成機能の追加</u>"),
]


def test_bold_title_line_is_not_a_mark_the_underlined_span_is():
    rec = _record([f"**件名　{TITLE}**", LEGEND], ROWS)
    assert [(m.field, m.text) for m in rec.change_marks] == [
        ("content", "交付データ作成機能の追加")
    ]
    assert rec.sections[0].changed_fields == ["content"]


def test_bold_label_and_value_row_is_not_a_mark():
    rows = [("**件名**", f"**{TITLE}**")] + ROWS
    rec = _record([LEGEND], rows)
    assert [m.text for m in rec.change_marks] == ["交付データ作成機能の追加"]


def test_bold_line_inside_a_value_beside_a_plain_label_is_a_mark():
    # the legend names bold: a bold (underline lost) line of a value cell stays a mark
    rows = ROWS[:2] + [
        ("委託の内容", "１　申込書の審査補助\n**３　通知書の作成（印刷は再委託する。）**")
    ]
    rec = _record([f"**件名　{TITLE}**", LEGEND], rows)
    assert [(m.field, m.text) for m in rec.change_marks] == [
        ("content", "3通知書の作成(印刷は再委託する。)")
    ]


def test_bold_value_beside_a_plain_label_on_one_baseline_is_a_mark():
    # a borderless line: plain label block and bold value block side by side
    units = page_units(
        page(
            1,
            [
                text(LEGEND, y0=40),
                text("**令和８年４月から**", x0=200, y0=60),
                text("委託の期間", y0=60),
            ],
        )
    )
    style, legend = mark_style(units)
    assert legend == LEGEND
    value = next(
        u for u in units if u.line is not None and "から" in u.text and not u.text.startswith("※")
    )
    assert [r.text for r in marked_runs([ValueLine(1, value.line)], style)] == ["令和8年4月から"]


def test_bold_heading_after_a_marked_line_end_is_a_continued_mark():
    units = page_units(
        page(1, [text(LEGEND, "記録項目　氏名、<u>電話番号、</u>", "**メールアドレス**", y0=40)])
    )
    style, _ = mark_style(units)
    lines = [ValueLine(1, u.line) for u in units[1:] if u.line is not None]
    assert [r.text for r in marked_runs(lines, style)] == ["電話番号、メールアドレス"]
