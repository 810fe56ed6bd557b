"""Change marks: contiguous bold/underlined runs in a value, as the document's ※ legend defines them.

A 、 (or a space) between two marked items belongs to the run; the legend itself is
never a mark. Which styles count comes from the legend: ※太字ゴシック(下線)… makes bold
and underline count; without any legend only underline counts (bold alone is too often
just a heading style).

    runs = marked_runs(value_lines, MarkStyle(bold=True, underline=True))
    [r.text for r in runs] -> ["(5歳児健康診査)"]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from models.layout import Span
from pipeline.pairs import ValueLine
from pipeline.text import normalize_text
from pipeline.units import Unit, compact

_LEGEND = re.compile(r"^※.*(変更箇所|変更部分|変更点|修正箇所|追加箇所)")
_JOINERS = set("、,，・ \u3000")


@dataclass(frozen=True)
class MarkStyle:
    """Which span styles mark a change in this submission."""

    bold: bool = False
    underline: bool = True

    def marks(self, span: Span) -> bool:
        return (self.bold and span.bold) or (self.underline and span.underline)


@dataclass
class Run:
    text: str
    page: int
    start: int  # offset of the run in the value's flat text ("\n" between lines)


def is_legend(text: str) -> bool:
    """True for the ※ note that explains the change marks."""
    return bool(_LEGEND.search(compact(text)))


def mark_style(units: list[Unit]) -> tuple[MarkStyle, str | None]:
    """The style rule from the submission's ※ legend, and the legend's text (None without one)."""
    for u in units:
        if u.kind == "line" and is_legend(u.text):
            return _style_of(u.text), u.text
        for c in u.cells:
            for ln in c.text.split("\n"):
                if is_legend(ln):
                    return _style_of(ln), ln
    return MarkStyle(bold=False, underline=True), None


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
            if style.marks(sp) and sp.text.strip():
                if not cur:
                    cur_page, cur_start = vl.page, offset
                cur.extend(pending)
                pending = []
                cur.append(sp.text)
            elif cur and all(ch in _JOINERS for ch in sp.text):
                pending.append(sp.text)
            else:
                _close(runs, cur, cur_page, cur_start)
                cur, pending = [], []
            offset += len(sp.text)
    _close(runs, cur, cur_page, cur_start)
    return runs


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
