"""Change marks: contiguous bold/underlined runs in a value, as the document's ※ legend defines them.

A 、 (or a space) between two marked items belongs to the run; the legend itself is
never a mark. Which styles count comes from the legend: ※太字ゴシック(下線)… makes bold
and underline count; without any legend only underline counts (bold alone is too often
just a heading style). Even where bold counts, a whole line or table row printed in bold
and not underlined — a sheet title, a heading, a bold 件名 row, label and value alike — is
typography, not a mark (unless it carries on a mark from the line before).

    runs = marked_runs(value_lines, MarkStyle(bold=True, underline=True))
    [r.text for r in runs] -> ["(5歳児健康診査)"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.layout import Line, Span
from pipeline.pairs import ValueLine, merge_baselines
from pipeline.text import normalize_text
from pipeline.units import Unit, compact

# ※ / (注) / 注： / * notes, or a line opening with the style it names (下線部分は…), that say
# which text changed: 変更箇所, 変更個所, 変更した部分, 追加・変更箇所, 修正点 …
_LEGEND = re.compile(
    r"^(?:※|\(?注\d?[)）:：]|\*|(?=太字|下線|ゴシック|アンダーライン|網掛け))"
    r".*(?:変更|修正|追加|追記|改正)(?:した|された|のある|・(?:追加|変更|修正))?(?:箇所|個所|部分|点)"
)
_JOINERS = set("、,，・ \u3000")


@dataclass(frozen=True)
class MarkStyle:
    """Which span styles mark a change in this submission."""

    bold: bool = False
    underline: bool = True
    # id() of spans on whole bold, not underlined lines / rows: styling, not marks.
    styled: frozenset[int] = field(default_factory=frozenset, compare=False)
    # No legend says underline marks changes: an underlined web or mail address is a link.
    links: bool = False

    def marks(self, span: Span) -> bool:
        return (self.bold and span.bold) or (self.underline and span.underline)

    def is_styling(self, span: Span) -> bool:
        return id(span) in self.styled and not (self.underline and span.underline)


@dataclass
class Run:
    text: str
    page: int
    start: int  # offset of the run in the value's flat text ("\n" between lines)


def is_legend(text: str) -> bool:
    """True for the ※ note that explains the change marks (``※太字ゴシック（下線）が、…承認済の内容
    からの変更箇所``, ``（注）下線部分は変更した箇所``, ``下線部は修正点``)."""
    return bool(_LEGEND.search(compact(text)))


def mark_style(units: list[Unit]) -> tuple[MarkStyle, str | None]:
    """The style rule from the submission's ※ legend, and the legend's text (None without one)."""
    legend = _find_legend(units)
    if legend is None:
        return MarkStyle(bold=False, underline=True, links=True), None
    style = _style_of(legend)
    if style.bold:
        style = MarkStyle(bold=True, underline=style.underline, styled=_styled_spans(units))
    return style, legend


def _find_legend(units: list[Unit]) -> str | None:
    for u in units:
        if u.kind == "line" and is_legend(u.text):
            return u.text
        for c in u.cells:
            for ln in c.text.split("\n"):
                if is_legend(ln):
                    return ln
    return None


def _styled_spans(units: list[Unit]) -> frozenset[int]:
    """Spans of text lines that are bold from end to end (side-by-side blocks on one baseline
    taken as one line, so a bold value beside a plain label is not one) and of table rows
    whose every filled cell is bold: titles, headings, bold label/value rows."""
    out: set[int] = set()
    for u in merge_baselines(units):
        if u.line is not None:
            lines = [u.line]
        else:
            filled = [c for c in u.cells if c.text.strip()]
            table = u.table
            whole = len(filled) == 1 and table is not None and filled[0].colspan == table.n_cols
            if len(filled) < 2 and not whole:
                continue
            lines = [ln for c in filled for ln in c.lines]
        if lines and all(_all_bold(ln) for ln in lines):
            out.update(id(sp) for ln in lines for sp in ln.spans)
    return frozenset(out)


def _all_bold(line: Line) -> bool:
    inked = [sp for sp in line.spans if sp.text.strip()]
    return bool(inked) and all(sp.bold and not sp.underline for sp in inked)


def _style_of(legend: str) -> MarkStyle:
    key = compact(legend)
    bold = "太字" in key or "ゴシック" in key
    underline = "下線" in key or "アンダーライン" in key
    if not bold and not underline:
        return MarkStyle(bold=True, underline=True)
    return MarkStyle(bold=bold, underline=underline)


def flat_text(lines: list[ValueLine]) -> str:
    return "\n".join(vl.line.text for vl in lines)


def marked_runs(lines: list[ValueLine], style: MarkStyle) -> list[Run]:
    """Contiguous marked runs over the value's lines (a run may cross a line break)."""
    runs: list[Run] = []
    cur: list[str] = []
    pending: list[str] = []  # joiner spans seen after a marked span
    cur_page, cur_start, offset = 0, 0, 0
    closed_ul = False  # the run ends in an underlined span with no 、 to go on from
    for i, vl in enumerate(lines):
        if i:
            offset += 1  # the "\n" between lines
            if cur:
                pending.append("\n")
        if is_legend(vl.line.text):
            _close(runs, cur, cur_page, cur_start)
            cur, pending = [], []
            offset += len(vl.line.text)
            continue
        for sp in vl.line.spans:
            # a bold heading line carries on a bold mark, or an underlined one left open by a 、
            heading = style.is_styling(sp) and (not cur or (closed_ul and not _open(pending)))
            if style.marks(sp) and sp.text.strip() and not heading:
                if not cur:
                    cur_page, cur_start = vl.page, offset
                cur.extend(pending)
                pending = []
                cur.append(sp.text)
                closed_ul = sp.underline and not _open([sp.text])
            elif cur and all(ch in _JOINERS for ch in sp.text):
                pending.append(sp.text)
            else:
                _close(runs, cur, cur_page, cur_start)
                cur, pending = [], []
            offset += len(sp.text)
    _close(runs, cur, cur_page, cur_start)
    return [r for r in runs if not (style.links and _LINK.match(r.text))]


_ADDRESS = r"(?:(?:https?://|www\.)[!-~]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
_LINK = re.compile(rf"^{_ADDRESS}(?:[\s、,]+{_ADDRESS})*$")


def _open(parts: list[str]) -> bool:
    """The text ends with a joiner that asks for more (an item list's 、)."""
    tail = "".join(parts).rstrip()
    return bool(tail) and tail[-1] in _JOINERS


def _close(runs: list[Run], parts: list[str], page: int, start: int) -> None:
    text = normalize_text("".join(parts)) if parts else None
    if text and text.strip("、,・"):
        runs.append(Run(text=text.strip("、,・ "), page=page, start=start))


# Sub-labels inside a data-item cell and the field a mark after them belongs to.
_ITEM_SUBFIELDS = (
    ("個人の範囲", "data_subjects"),
    ("対象者の範囲", "data_subjects"),
    ("の定義", "data_subjects"),
    ("記録項目", "data_items"),
    ("情報の項目", "data_items"),
    ("情報項目", "data_items"),
    ("項目", "data_items"),  # 2 結合する項目 / 提供する項目: any 〜項目 sub-label
    ("記録するコンピュータ", "system"),
    ("記録するシステム", "system"),
    ("記録媒体", "system"),
)


def items_subfield(flat: str, offset: int) -> str:
    """Which part of a data-item cell a mark at `offset` sits in (data_subjects / data_items / system)."""
    prefix = compact(flat[:offset])
    best, where = "data_items", -1
    for word, fld in _ITEM_SUBFIELDS:
        pos = prefix.rfind(word)
        if pos > where:
            best, where = fld, pos
    return best
