"""The 記録項目 list -> RecordItem(group, name, changed), changed = printed in the change-mark style.

map_record_items(ctx)[0] -> RecordItem(group=["基本情報", "住民情報"], name="市区町村コード")
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from models.record import ChangeMark, RecordItem
from pipeline.change_marks import marked_runs
from pipeline.data_items import parse_record_items
from pipeline.map_context import MapContext
from pipeline.pairs import ValueLine
from pipeline.text import normalize_text, split_outside_brackets
from pipeline.units import Unit

_NOISE = re.compile(r"^[(（]?資料[0-9\-－ー‐\s]+[)）]?$|^\d{1,3}$|^-\s*\d+\s*-$")


def map_record_items(ctx: MapContext) -> tuple[list[RecordItem], list[ChangeMark]]:
    items: list[RecordItem] = []
    marks: list[ChangeMark] = []
    for region in ctx.seg.regions_of("record_items"):
        lines = _lines(ctx.units(region))
        runs = marked_runs(lines, ctx.style)
        changed = _changed_names(r.text for r in runs)
        for group, name in parse_record_items([vl.line.text for vl in lines]):
            key = normalize_text(name) or name
            items.append(RecordItem(group=group, name=key, changed=key in changed))
            ctx.prov(f"record_items[{len(items) - 1}]", region.pages[0])
        marks += [
            ChangeMark(section=None, field="record_items", text=r.text, page=r.page) for r in runs
        ]
    return items, marks


def _lines(units: list[Unit]) -> list[ValueLine]:
    """The region's text lines (table cells' lines too), page furniture dropped."""
    out: list[ValueLine] = []
    for u in units:
        if u.line is not None:
            if not _NOISE.match(u.key):
                out.append(ValueLine(u.page, u.line))
        else:
            for c in u.cells:
                out.extend(ValueLine(u.page, ln) for ln in c.lines)
    return out


def _changed_names(run_texts: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for text in run_texts:
        for piece in split_outside_brackets(text, "、"):
            name = normalize_text(piece.strip(" 。"))
            if name:
                names.add(name)
    return names
