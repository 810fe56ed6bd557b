"""Label/value pairs of a region: from ruled table rows, or from borderless text lines.

A table row's first cell is the label and the rest is the value; a row with an empty
(or spanned-over) label cell continues the previous value, which is how a value cell
split across a page break is joined again. In borderless layouts a line whose left part
is a known label and whose right part sits after a gap is a pair too.

    [p.label for p in region_pairs(units)] -> ["保有課(担当課)", "登録業務の名称", ...]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from models.layout import BBox, Cell, Line
from pipeline.labels import Scope, match_label
from pipeline.units import Unit, compact

_TITLE_NOISE = re.compile(r"^[、。.,・'\"“”`]{1,2}\s*(?=件\s*名)")
# match_label score from which a label-left text line counts as a pair.
LABEL_SCORE = 0.8
# A gap (in multiples of the font size) that separates a label from its value on one line:
# an em, less a little (a label column filled to its edge, 記録される情報項目（だ｜１　個人の範囲,
# leaves one full-width space).
_GAP_EM = 0.95
# A label printed alone above its value: the score it needs (its typography is the other
# evidence) and its longest length.
_STACKED_SCORE = 0.75
_STACKED_MAX = 40
_DASHES = "-‐‑‒–—―ー－─"
_PAGE_NUMBER = re.compile(
    rf"^[{_DASHES}]?(?:p\.?|page)?\d{{1,4}}[{_DASHES}]?(?:ページ)?$|^\d{{1,4}}/\d{{1,4}}$", re.I
)
# The generic words of a column-heading row (項目│内容│備考).
_COLUMN_HEADS = frozenset(
    ("項目", "事項", "区分", "内容", "記載内容", "記載事項", "備考", "摘要", "説明", "詳細", "注記")
)


@dataclass
class ValueLine:
    page: int
    line: Line


@dataclass
class Pair:
    label: str  # as printed (raw, layout breaks kept)
    label_bbox: BBox
    page: int  # where the label sits
    lines: list[ValueLine] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # raw value texts, one per cell / line run
    bboxes: list[tuple[int, BBox]] = field(default_factory=list)
    tail: Line | None = None  # the printed line a text-line pair ends on (for wrapped values)
    value_x: float | None = None  # where a borderless pair's value column starts
    # A borderless pair whose label is not (yet) known: it may be the first line of a label that
    # wraps (新規開発・追加・ / 変更の理由); kept only if the whole label turns out to be known.
    tentative: bool = False

    @property
    def raw_value(self) -> str:
        return "\n".join(t for t in self.texts if t.strip())

    @property
    def pages(self) -> list[int]:
        ps = [self.page] + [p for p, _ in self.bboxes]
        return sorted(set(ps))

    @property
    def value_bbox(self) -> tuple[int, BBox] | None:
        return self.bboxes[0] if self.bboxes else None

    @property
    def confidence(self) -> float | None:
        confs = [
            s.confidence for vl in self.lines for s in vl.line.spans if s.confidence is not None
        ]
        return min(confs) if confs else None

    def add_cell_text(self, page: int, text: str, lines: list[Line], bbox: BBox) -> None:
        if not text.strip() and not lines:
            return
        self.texts.append(text if text.strip() else "\n".join(ln.text for ln in lines))
        self.lines.extend(ValueLine(page, ln) for ln in lines)
        self.bboxes.append((page, bbox))


def region_pairs(units: list[Unit], scope: Scope = "section") -> list[Pair]:
    """Every label/value pair in the units, in order."""
    return _region_pairs(units, scope)


def _region_pairs(units: list[Unit], scope: Scope) -> list[Pair]:
    pairs: list[Pair] = []
    prev: Unit | None = None
    mirrored = _label_right_tables(units, scope)
    merged = merge_baselines(units)
    stacked: Pair | None = None  # an open label-above-value pair, taking the lines below it
    right = _right_edges(merged)
    for i, u in enumerate(merged):
        if u.kind == "line" and _in_label_column(stacked, u) and is_stacked_label(merged, i, scope):
            stacked = _stacked_pair(u)
            pairs.append(stacked)
        elif stacked is not None and _is_footer(merged, i):
            continue  # a page number between a stacked value's lines on two pages
        elif stacked is not None and _under_value(stacked, u):
            _add_line(stacked, u)
        else:  # a stacked value does not go on by the borderless rules below
            _unit_pair(None if stacked else prev, u, pairs, scope, id(u.table) in mirrored, right)
            stacked = None
        prev = u
    return [p for p in pairs if not p.tentative or _known(p.label, scope)]


def _unit_pair(
    prev: Unit | None,
    u: Unit,
    pairs: list[Pair],
    scope: Scope,
    mirrored: bool,
    right: dict[int, float],
) -> None:
    if u.kind == "row":
        _row_pair(u, pairs, scope, mirrored=mirrored)
    elif not _continues_line_value(prev, u, pairs, right) and not _continues_label(
        prev, u, pairs, scope
    ):
        _line_pair(u, pairs, scope)


def _right_edges(units: list[Unit]) -> dict[int, float]:
    """Per page, the right edge of its text and tables (where a wrapped line ends)."""
    out: dict[int, float] = {}
    for u in units:
        out[u.page] = max(out.get(u.page, 0.0), u.bbox.x1)
    return out


def _known(label: str, scope: Scope, score: float = LABEL_SCORE) -> bool:
    m = match_label(label, scope)
    return m.field is not None and m.score >= score


def is_stacked_label(units: list[Unit], i: int, scope: Scope) -> bool:
    """A line that is a whole known label with its value on the lines below (a definition list,
    a bold paragraph label): the next line is indented under it or printed in another style."""
    u = units[i]
    if u.line is None or i + 1 >= len(units) or _gap_cut(u.line) is not None:
        return False
    if _space_cut(u.line, scope) is not None:
        return False  # 事業内容　　１　概要: a label and its value's first line
    key = u.key
    if not 2 <= len(key) <= _STACKED_MAX or key[-1] in "。、" or split_label_line(u.line.text):
        return False
    j = i + 1
    while j + 1 < len(units) and _is_footer(units, j):
        j += 1  # the label ends its page: its value starts on the next one, after the footer
    nxt = units[j]
    if nxt.line is None or nxt.page not in (u.page, u.page + 1):
        return False
    if not _known(key, scope, _STACKED_SCORE):
        return False
    gap = nxt.bbox.y0 - u.bbox.y1
    if nxt.page == u.page and (gap < -1.0 or gap > 2.0 * max(u.bbox.height, 1.0)):
        return False
    size = u.line.spans[0].size or max(u.bbox.height, 1.0)
    if nxt.bbox.x0 >= u.bbox.x0 + 0.8 * size:
        return True  # indented under it (even a value line that reads like a label)
    # a label of its own below (a heading above the first label) is no value, nor a label
    # with its value beside it (事業の概要 over 事業名　期日前投票所の増設)
    if _opens_with_label(nxt.line, scope):
        return False
    return not _known(nxt.key, scope) and not (_styles(u.line) & _styles(nxt.line))


def _opens_with_label(line: Line, scope: Scope) -> bool:
    """A line that is a known label and its value, apart by a gap or by spaces."""
    cut = _gap_cut(line)
    if cut is not None:
        return _known("".join(s.text for s in line.spans[:cut]), scope)
    return _space_cut(line, scope) is not None


def _is_footer(units: list[Unit], i: int) -> bool:
    """A printed page number (- 3 -, 3/5, P.3) as the last line of its page."""
    u = units[i]
    last = i + 1 == len(units) or units[i + 1].page != u.page
    return last and u.line is not None and _PAGE_NUMBER.match(u.key) is not None


def _styles(line: Line) -> set[tuple[str, bool, bool]]:
    """(font family, bold, underline) of each span; a Type3 glyph font 'Type3 (21 0 R)' is one
    family. Underline counts: a value line all in change marks (bold, underlined) is no label."""
    return {
        ((s.font or "").split(" (")[0], s.bold, s.underline) for s in line.spans if s.text.strip()
    }


def _in_label_column(stacked: Pair | None, u: Unit) -> bool:
    """Not indented under the open stacked label: a numbered sub-heading inside its value
    ((3) 記録するコンピュータ above its own indented text) is part of that value."""
    if stacked is None or u.line is None:
        return True
    size = u.line.spans[0].size or max(u.bbox.height, 1.0)
    return u.bbox.x0 <= stacked.label_bbox.x0 + 0.5 * size


def _stacked_pair(u: Unit) -> Pair:
    assert u.line is not None
    return Pair(label=u.line.text, label_bbox=u.bbox, page=u.page, tail=u.line)


def _under_value(p: Pair, u: Unit) -> bool:
    """A line that goes on with a stacked value: it starts in the value's column (a line far to
    the right, a page's heading or number, ends it)."""
    if u.line is None:
        return False
    if p.value_x is None:
        return True
    size = u.line.spans[0].size or max(u.bbox.height, 1.0)
    return p.value_x - 2.0 <= u.bbox.x0 <= p.value_x + 4 * size


def _add_line(p: Pair, u: Unit) -> None:
    assert u.line is not None
    p.texts.append(u.line.text)
    p.lines.append(ValueLine(u.page, u.line))
    p.bboxes.append((u.page, u.bbox))
    p.tail = u.line
    if p.value_x is None:
        p.value_x = u.bbox.x0


def merge_baselines(units: list[Unit]) -> list[Unit]:
    """Text lines side by side on one baseline (a label block left of a value block) become one line."""
    out: list[Unit] = []
    taken: set[int] = set()
    for i, u in enumerate(units):
        if i in taken:
            continue
        if u.line is None:
            out.append(u)
            continue
        line, box = u.line, u.bbox
        for j in range(i + 1, len(units)):
            v = units[j]
            if j in taken or v.line is None or v.page != u.page or not _side_by_side(box, v.bbox):
                continue
            spans = sorted(line.spans + v.line.spans, key=lambda sp: sp.bbox.x0)
            box = box.union(v.bbox)
            line = Line(spans=spans, bbox=box)
            taken.add(j)
        out.append(u if line is u.line else replace(u, line=line, bbox=box))
    return out


def _vertical(box: BBox) -> bool:
    """A column of vertical writing (縦書き): much taller than wide."""
    return box.height > 2.5 * box.width


def _side_by_side(a: BBox, b: BBox) -> bool:
    if _vertical(a) or _vertical(b):
        return False  # columns of vertical writing stand side by side; each is a line
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    height = min(a.height, b.height)
    return height > 0 and overlap >= 0.6 * height and (b.x0 >= a.x1 or a.x0 >= b.x1)


def _below_tail(prev: Unit | None, u: Unit, pairs: list[Pair]) -> Pair | None:
    """The text-line pair that ended on `prev`, when `u` sits right below it on the same page."""
    if prev is None or prev.line is None or not pairs or u.line is None or prev.page != u.page:
        return None
    last = pairs[-1]
    if last.tail is None or last.tail is not prev.line:
        return None
    if _vertical(prev.bbox) or _vertical(u.bbox):
        return None  # columns of vertical writing: each is a line of its own
    if u.bbox.y0 - prev.bbox.y1 > 1.2 * max(prev.bbox.height, 1.0):
        return None
    in_value_column = last.value_x is not None and u.bbox.x0 >= last.value_x - 2.0
    if u.key.startswith("※") and not in_value_column:
        return None
    return last


def _continues_label(prev: Unit | None, u: Unit, pairs: list[Pair], scope: Scope) -> bool:
    """A label wrapped onto the next line, its value going on to the right of it."""
    last = _below_tail(prev, u, pairs)
    cut = _gap_cut(u.line) if last is not None and u.line is not None else None
    if last is None or cut is None or u.line is None:
        return False
    left = "".join(s.text for s in u.line.spans[:cut])
    if _known(left, scope) and not (last.tentative and _known(last.label + left, scope)):
        return False  # a label of its own: a new pair
    right = Line(spans=u.line.spans[cut:], bbox=_spans_bbox(u.line, cut))
    last.label = f"{last.label}\n{left}"
    last.tentative = last.tentative and not _known(last.label, scope)
    last.texts.append(right.text)
    last.lines.append(ValueLine(u.page, right))
    last.bboxes.append((u.page, right.bbox))
    last.tail = u.line
    return True


def _continues_line_value(
    prev: Unit | None, u: Unit, pairs: list[Pair], right: dict[int, float]
) -> bool:
    """A wrapped line right below a text-line pair's value (a long 件名) continues that value:
    it hangs under the value, or the line before ran to the right edge (the text wrapped).
    A line under a short one starts a line of its own (内容は別紙のとおり under a 件名)."""
    last = _below_tail(prev, u, pairs)
    if last is None or prev is None or u.line is None:
        return False
    in_value_column = last.value_x is not None and u.bbox.x0 >= last.value_x - 2.0
    if _gap_cut(u.line) is not None and not in_value_column:
        return False  # a label and its value (a line wholly in the value column goes on it)
    if last.value_x is not None and u.bbox.x1 <= last.value_x:
        last.label = f"{last.label}\n{u.line.text}"  # only the label column wrapped
        last.tail = u.line
        return True
    start = last.lines[0].line.bbox.x0 if last.lines else prev.bbox.x0
    indent = 1.5 * max(prev.bbox.height, 1.0)
    hanging = (
        u.bbox.x0 >= last.value_x - 2.0 if last.value_x is not None else u.bbox.x0 >= start + indent
    )
    edge = right.get(prev.page, prev.bbox.x1)
    if not hanging and prev.bbox.x1 < edge - 2.5 * max(prev.bbox.height, 1.0):
        return False
    if last.tentative and u.bbox.x0 < (last.value_x or 0.0) - 2.0:
        return False  # an unknown label's pair does not swallow a line of the label column
    last.texts.append(u.line.text)
    last.lines.append(ValueLine(u.page, u.line))
    last.bboxes.append((u.page, u.bbox))
    last.tail = u.line
    return True


def _label_right_tables(units: list[Unit], scope: Scope) -> set[int]:
    """Tables whose label column is on the right: more rows with a known label in their last
    cell than in their first (the values are then on the left)."""
    left: dict[int, int] = {}
    right: dict[int, int] = {}
    for u in units:
        if u.kind != "row" or u.table is None or len(u.cells) < 2:
            continue
        key = id(u.table)
        left[key] = left.get(key, 0) + _known(u.cells[0].text, scope)
        right[key] = right.get(key, 0) + _known(u.cells[-1].text, scope)
    return {k for k, n in right.items() if n >= 2 and n > left.get(k, 0)}


def is_header_row(u: Unit) -> bool:
    """A table's column-heading row (項目│内容│備考), printed once or again on each page: every
    cell is a generic column heading, so it is no label/value pair."""
    keys = [compact(c.text) for c in u.cells if c.text.strip()]
    return len(keys) >= 2 and all(k in _COLUMN_HEADS for k in keys)


def _is_label_row(cell: Cell, scope: Scope) -> bool:
    """A row whose one cell is a whole known label (the value follows in the rows below)."""
    key = compact(cell.text)
    return (
        2 <= len(key) <= _STACKED_MAX
        and key[-1] not in "。、"
        and _known(key, scope, _STACKED_SCORE)
    )


def _row_pair(u: Unit, pairs: list[Pair], scope: Scope, mirrored: bool = False) -> None:
    if is_header_row(u):
        return
    cells = list(u.cells)
    if mirrored and u.table is not None:
        # Label column on the right: read the row right to left, the last column as column 0.
        last = u.table.n_cols - 1
        cells = [
            c.model_copy(update={"col": last - (c.col + c.colspan - 1)}) for c in reversed(cells)
        ]
    first = cells[0]
    continues = first.col > 0 or not first.text.strip()
    if len(cells) == 1 and first.col == 0:
        split = split_label_line(first.text)
        if split is not None and split[0] == "件名":
            p = Pair(label=split[0], label_bbox=first.bbox, page=u.page)
            p.add_cell_text(u.page, split[1], first.lines, first.bbox)
            pairs.append(p)
            return
        if _is_label_row(first, scope):  # a label row spanning the table, its value below
            pairs.append(Pair(label=first.text, label_bbox=first.bbox, page=u.page))
            return
        continues = True
    if continues:
        if pairs:
            for c in cells:
                pairs[-1].add_cell_text(u.page, c.text, c.lines, c.bbox)
        return
    if pairs and _repeats_label(u, pairs[-1]):
        for c in cells[1:]:
            pairs[-1].add_cell_text(u.page, c.text, c.lines, c.bbox)
        return
    p = Pair(label=first.text, label_bbox=first.bbox, page=u.page)
    for c in cells[1:]:
        p.add_cell_text(u.page, c.text, c.lines, c.bbox)
    pairs.append(p)


def _repeats_label(u: Unit, last: Pair) -> bool:
    """The first row of a continued table that prints the previous row's label again."""
    t = u.table
    return (
        t is not None
        and t.continues is not None
        and u.part == min((c.row for c in t.cells), default=0)
        and compact(u.cells[0].text) == compact(last.label)
    )


def split_label_line(text: str) -> tuple[str, str] | None:
    """A "件名 xxx" line -> ("件名", "xxx"); None when the line does not open with 件名."""
    text = _TITLE_NOISE.sub("", text.lstrip())  # 、件名: an OCR speck before the label
    key = compact(text)
    if not key.startswith("件名"):
        return None
    # Drop the label's characters (spaces between them allowed) from the raw text.
    rest, seen = text, 0
    while rest and seen < 2:
        ch = rest[0]
        rest = rest[1:]
        if compact(ch):
            seen += 1
    return "件名", rest.strip(" \t\u3000:：.．・")  # 件名. (OCR speck for the gap)


def _line_pair(u: Unit, pairs: list[Pair], scope: Scope) -> None:
    line = u.line
    assert line is not None
    split = split_label_line(line.text)
    if split is not None:
        p = Pair(label="件名", label_bbox=line.bbox, page=u.page)
        p.texts.append(split[1])
        p.lines.append(ValueLine(u.page, line))
        p.bboxes.append((u.page, line.bbox))
        p.tail = line
        pairs.append(p)
        return
    cut = _label_cut(line, scope)
    if cut is None:
        spaced = _space_cut(line, scope)
        if spaced is None:
            return
        line = spaced
        cut = 1
    left = "".join(s.text for s in line.spans[:cut])
    right = Line(spans=line.spans[cut:], bbox=_spans_bbox(line, cut))
    p = Pair(label=left, label_bbox=line.spans[0].bbox, page=u.page)
    p.tentative = not _known(left, scope)
    p.texts.append(right.text)
    p.lines.append(ValueLine(u.page, right))
    p.bboxes.append((u.page, right.bbox))
    p.tail = u.line  # the unit's own line: what the lines below are compared with
    p.value_x = right.bbox.x0
    pairs.append(p)


def _label_cut(line: Line, scope: Scope) -> int | None:
    """Where a text line's label ends: the first wide gap, or a later one when the text
    before the first is no label but the text before the later one is (a label spaced out
    in characters OCR read apart: 事 | 業 | 名 | 避難行動…)."""
    cuts = _gap_cuts(line)
    known = (i for i in cuts if _known("".join(s.text for s in line.spans[:i]), scope))
    return next(known, cuts[0] if cuts else None)


def _gap_cuts(line: Line) -> list[int]:
    """Indices of the spans that follow a wide horizontal gap."""
    out = []
    for i in range(1, len(line.spans)):
        a, b = line.spans[i - 1], line.spans[i]
        size = a.size or max(a.bbox.height, 1.0)
        if b.bbox.x0 - a.bbox.x1 >= _GAP_EM * size:
            out.append(i)
    return out


def _gap_cut(line: Line) -> int | None:
    """Index of the first span after a wide horizontal gap, or None."""
    cuts = _gap_cuts(line)
    return cuts[0] if cuts else None


# Spaces that stand between a label and its value typed on one line (a word processor's
# form: 保有課（担当課）　　　防災課): two full-width spaces or more, a tab, three spaces.
_WIDE_SPACE = re.compile(r"[\u3000\t]{2,}|\t| {3,}")
_ONE_SPACE = re.compile(r"[\u3000 ]+")


def _space_cut(line: Line, scope: Scope) -> Line | None:
    """The line as [label span, value span] when its first span holds a known label and its
    value typed apart by spaces (no gap in the geometry: one run of text). A spaced-out label
    (事　業　名　避難…) is cut after the longest prefix that is a known label."""
    first = line.spans[0]
    text = first.text
    cut: tuple[int, int] | None = None
    m = _WIDE_SPACE.search(text)
    if m and _known(text[: m.start()], scope):
        cut = (m.start(), m.end())
    else:
        for m in _ONE_SPACE.finditer(text):
            if 2 <= len(compact(text[: m.start()])) <= 20 and _known(text[: m.start()], scope):
                cut = (m.start(), m.end())
    if cut is None or not text[cut[1] :].strip():
        return None
    box = first.bbox
    x = box.x0 + box.width * cut[1] / max(1, len(text))
    label = first.model_copy(
        update={"text": text[: cut[0]], "bbox": BBox(x0=box.x0, y0=box.y0, x1=x, y1=box.y1)}
    )
    value = first.model_copy(
        update={"text": text[cut[1] :], "bbox": BBox(x0=x, y0=box.y0, x1=box.x1, y1=box.y1)}
    )
    return Line(spans=[label, value, *line.spans[1:]], bbox=line.bbox)


def _spans_bbox(line: Line, start: int) -> BBox:
    box = line.spans[start].bbox
    for s in line.spans[start + 1 :]:
        box = box.union(s.bbox)
    return box
