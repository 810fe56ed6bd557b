"""A 件名 printed as a plain line (a Word or Excel cover without a table) ends with its line
unless the line is full (the text wrapped) or the next line hangs under the value: the
cover lines after it (内容は別紙のとおり, 条例の根拠, the 担当部課 line) are not the title."""

import fixtures_layout as fx
from fixtures_layout import block_of, kv_table, line, page

from pipeline.cover import map_cover
from pipeline.map_context import MapContext
from pipeline.segment import segment_submissions

HEAD = "東谷市個人情報保護審議会　付議事項"
AFTER = [
    "内容は別紙のとおり",
    "条例の根拠",
    "◇東谷市個人情報保護法施行条例第５条第１項（電算処理、業務委託）",
    "（担当部課：教育委員会事務局学校教育部教育情報化推進課）",
]
OVERVIEW = [("事業名", "学校図書館システム更新事業"), ("目的", "蔵書管理を効率化するため")]


def _title(first: list[str], x0_rest: float = fx.LEFT) -> str | None:
    lines = [line(HEAD, y0=60)]
    y = 90.0
    for i, t in enumerate(first):
        lines.append(line(t, x0=fx.LEFT if i == 0 else x0_rest, y0=y))
        y += 15
    for t in AFTER:
        lines.append(line(t, y0=y))
        y += 15
    cover = page(1, [block_of(lines), kv_table(OVERVIEW, y0=y + 20)])
    lay = fx.layout([cover])
    sub = segment_submissions(lay)[0]
    return map_cover(MapContext(layout=lay, seg=sub)).title


def test_short_title_line_ends_the_title():
    assert _title(["件名　「学校図書館システム」の更新に係る電算処理等について"]) == (
        "「学校図書館システム」の更新に係る電算処理等について"
    )


def test_full_title_line_continues_on_the_next_line():
    first = "件名　" + "あ" * 47  # reaches the right edge of the text (the table's width)
    assert _title([first, "について"]) == "あ" * 47 + "について"


def test_hanging_continuation_under_the_value_continues():
    assert _title(
        ["件名　学校図書館システムの更新に係る", "電算処理等について"], x0_rest=fx.LEFT + 30
    ) == ("学校図書館システムの更新に係る電算処理等について")
