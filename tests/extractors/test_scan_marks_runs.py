"""A bold heading line right after an underlined mark is typography, not the mark's
continuation (a scan's bold 【2】申込情報 under the underlined LINEユーザーID、連携日時);
after a mark left open by a 、 the bold line still carries it on."""

from __future__ import annotations

from models.layout import BBox, Line, Span
from pipeline.change_marks import MarkStyle, marked_runs
from pipeline.pairs import ValueLine


def _line(y: float, *parts: tuple[str, bool, bool]) -> Line:
    spans, x = [], 50.0
    for text, bold, underline in parts:
        box = BBox(x0=x, y0=y, x1=x + 10.5 * len(text), y1=y + 10.5)
        spans.append(Span(text=text, bbox=box, bold=bold, underline=underline))
        x = box.x1
    return Line(spans=spans, bbox=BBox(x0=50.0, y0=y, x1=x, y1=y + 10.5))


def _style(*heading_lines: Line) -> MarkStyle:
    styled = frozenset(id(sp) for ln in heading_lines for sp in ln.spans)
    return MarkStyle(bold=True, underline=True, styled=styled)


def test_bold_heading_after_an_underlined_mark_is_not_part_of_it():
    mark = _line(100, ("LINEユーザーID、連携日時", False, True))
    heading = _line(114, ("【2】申込情報", True, False))
    rest = _line(128, ("受付番号、申込日", False, False))
    lines = [ValueLine(3, ln) for ln in (mark, heading, rest)]
    runs = marked_runs(lines, _style(heading))
    assert [r.text for r in runs] == ["LINEユーザーID、連携日時"]


def test_bold_line_after_an_underlined_mark_ending_in_a_comma_carries_it_on():
    mark = _line(100, ("氏名、", False, False), ("電話番号、", True, True))
    more = _line(114, ("メールアドレス", True, False))
    runs = marked_runs([ValueLine(1, mark), ValueLine(1, more)], _style(more))
    assert [r.text for r in runs] == ["電話番号、メールアドレス"]


def test_bold_heading_alone_is_not_a_mark():
    heading = _line(100, ("【2】申込情報", True, False))
    assert marked_runs([ValueLine(1, heading)], _style(heading)) == []
