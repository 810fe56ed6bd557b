"""別紙 sheets -> Section records: every label/value pair kept in `fields`, known labels mapped.

sections = map_sections(ctx)
sections[1].counterparty -> Party(name=None, undecided=True)   # 結合の相手方: 未定（…）
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from models.record import Party, Protection, Section
from models.segments import Region
from pipeline.data_items import parse_items_cell
from pipeline.labels import match_label, refine_protection
from pipeline.map_context import MapContext
from pipeline.pairs import Pair, region_pairs
from pipeline.parties import parse_contractors, parse_party
from pipeline.text import (
    fix_ocr_numbers,
    normalize_text,
    ocr_suspect,
    split_outside_brackets,
    strip_label,
    strip_ocr_edge_junk,
)
from pipeline.wareki import parse_periods, parse_schedule, period_duration

LABEL_SCORE = 0.75
# A value printed only as filler (*****, －, ―) says the field does not apply: null, kept in fields.
_PLACEHOLDER = re.compile(r"^[*＊\-－―ー‐・…\s]+$")
CHECKLIST_REF = "別紙チェックリストのとおり"
# The label-catalogue field -> the record field a change mark in it is attributed to.
MARK_FIELD = {
    "protection_ward": "protection",
    "protection_contractor": "protection",
    "protection_both": "protection",
}


@dataclass
class MappedSheet:
    """A Section and the pairs it came from (with the field each pair mapped to)."""

    section: Section
    pairs: list[tuple[Pair, str | None]] = field(default_factory=list)


def map_sections(ctx: MapContext) -> list[MappedSheet]:
    out: list[MappedSheet] = []
    for region in ctx.seg.regions_of("sheet"):
        sheet = map_sheet(ctx, region, len(out))
        if sheet is not None:
            out.append(sheet)
    _fill_prime_contractors([s.section for s in out])
    return out


def map_sheet(ctx: MapContext, region: Region, index: int) -> MappedSheet | None:
    pairs = region_pairs(ctx.units(region), "section")
    if not pairs:
        ctx.warn(
            "empty_sheet",
            f"sheet on page {region.pages[0]} has no label/value pairs",
            region.pages[0],
        )
        return None
    kind = region.section_kind or "電算処理"
    # From the 件名 to the end of the last row: trailing furniture (a page number) does not count.
    first, last = min(p.pages[0] for p in pairs), max(p.pages[-1] for p in pairs)
    sec = Section(kind=kind, pages=list(range(first, last + 1)))
    sheet = MappedSheet(sec)
    for p in pairs:
        fld = _apply_pair(ctx, sec, p, index)
        sheet.pairs.append((p, fld))
    return sheet


def _apply_pair(ctx: MapContext, sec: Section, p: Pair, index: int) -> str | None:
    """Store the pair in `fields`, map it when its label is known; return the catalogue field."""
    key = strip_label(p.label)
    value = normalize_text(p.raw_value)
    if value is not None and p.confidence is not None:
        value = _checked_ocr_value(ctx, key, value, p.page)
    m = match_label(p.label, "section")
    m.field = refine_protection(p.label, m.field)  # 情報保護対策（再委託先） -> contractor
    if value is not None and m.field != "title":  # the 件名 is the section's title, not a field
        sec.fields[key] = f"{sec.fields[key]} {value}" if key in sec.fields else value
    if m.field is None or m.score < LABEL_SCORE:
        ctx.warn(
            "unknown_label",
            f"unknown label 「{key}」 in a {sec.kind} sheet (kept in fields)",
            p.page,
        )
        return None
    if value is None or _PLACEHOLDER.match(value):
        return m.field  # ***** / － : printed as "nothing here"
    path = f"sections[{index}]"
    setter = _SETTERS.get(m.field)
    if setter is None:
        return m.field
    for sub in setter(sec, p, value):
        ctx.prov_pair(f"{path}.{sub}", p)
    if m.field == "periods" and (length := period_duration(p.raw_value)):
        msg = f"「{key}」: the end is given as a duration ({length}); no end date computed"
        ctx.warn("period_duration", msg, p.page)
    return m.field


def _checked_ocr_value(ctx: MapContext, key: str, value: str, page: int) -> str | None:
    """An OCR'd value without junk glyphs at its ends; a warning for what was cut or looks misread."""
    clean, junk = strip_ocr_edge_junk(fix_ocr_numbers(value))
    if junk:
        ctx.warn("ocr_suspect", f"「{key}」: dropped OCR edge junk 「{junk}」", page)
    if clean and ocr_suspect(clean):
        ctx.warn("ocr_suspect", f"「{key}」: value may be misread: 「{clean[:40]}」", page)
    return clean or None


def _set_title(sec: Section, p: Pair, value: str) -> list[str]:
    # The ※ legend is sometimes printed on the 件名 line itself; it is not part of the title.
    value = value.split("※", 1)[0].strip() or value
    if sec.title is None:
        sec.title = value
        return ["title"]
    return []


def _set_divisions(sec: Section, p: Pair, value: str) -> list[str]:
    sec.holding_divisions = [
        d for d in (normalize_text(x) for x in split_outside_brackets(value)) if d
    ]
    return ["holding_divisions"]


def _set_text(name: str) -> Callable[[Section, Pair, str], list[str]]:
    def setter(sec: Section, p: Pair, value: str) -> list[str]:
        if getattr(sec, name) is None:
            setattr(sec, name, value)
            return [name]
        return []

    return setter


def _set_items(sec: Section, p: Pair, value: str) -> list[str]:
    cell = parse_items_cell(p.raw_value)
    done = []
    if cell.items:
        sec.data_items = cell.items
        done.append("data_items")
    if cell.ref:
        sec.data_items_ref = cell.ref
        done.append("data_items_ref")
    if cell.data_subjects:
        sec.data_subjects = cell.data_subjects
        done.append("data_subjects")
    if cell.system and sec.system is None:
        sec.system = cell.system
        done.append("system")
    return done


def _set_counterparty(sec: Section, p: Pair, value: str) -> list[str]:
    if sec.kind == "再委託":
        prime, sub = parse_contractors(p.raw_value)
        sec.counterparty = sub
        if prime is not None:
            sec.prime_contractor = prime
            return ["counterparty", "prime_contractor"]
        return ["counterparty"]
    sec.counterparty = parse_party(p.raw_value)
    return ["counterparty"]


def _set_periods(sec: Section, p: Pair, value: str) -> list[str]:
    periods, recurring = parse_periods(p.raw_value)
    sec.periods = periods
    sec.recurring = sec.recurring or recurring
    return ["periods", "recurring"] if recurring else ["periods"]


def _set_schedule(sec: Section, p: Pair, value: str) -> list[str]:
    sec.schedule = parse_schedule(p.raw_value)
    return ["schedule"]


# 別紙チェックリストのとおり and the ways other offices (or OCR) print the same sentence alone.
_CHECKLIST_ONLY = re.compile(
    r"^(?:別紙|別添|別表)?\d*[「『]?(?:個人情報保護対策|情報保護対策)?チェックリスト[」』]?"
    r"(?:のとおり|の通り|のとおりとする|を参照|参照)[。、.,]?$"
)


def _protection_value(value: str) -> str:
    """``"checklist"`` when the cell says only 別紙チェックリストのとおり (``別紙チェックリストの通り。``,
    ``別添「個人情報保護対策チェックリスト」のとおり``), else the text as printed."""
    key = strip_label(value)
    return "checklist" if key == CHECKLIST_REF or _CHECKLIST_ONLY.match(key) else value


def _set_ward(sec: Section, p: Pair, value: str) -> list[str]:
    sec.protection = Protection(ward=_protection_value(value), contractor=sec.protection.contractor)
    return ["protection.ward"]


def _set_contractor(sec: Section, p: Pair, value: str) -> list[str]:
    sec.protection = Protection(ward=sec.protection.ward, contractor=_protection_value(value))
    return ["protection.contractor"]


def _set_both(sec: Section, p: Pair, value: str) -> list[str]:
    v = _protection_value(value)
    sec.protection = Protection(
        ward=sec.protection.ward or v, contractor=sec.protection.contractor or v
    )
    return ["protection.ward", "protection.contractor"]


_SETTERS = {
    "title": _set_title,
    "holding_divisions": _set_divisions,
    "registered_business": _set_text("registered_business"),
    "data_items": _set_items,
    "system": _set_text("system"),
    "reason": _set_text("reason"),
    "content": _set_text("content"),
    "counterparty": _set_counterparty,
    "connection_method": _set_text("connection_method"),
    "periods": _set_periods,
    "schedule": _set_schedule,
    "protection_ward": _set_ward,
    "protection_contractor": _set_contractor,
    "protection_both": _set_both,
}


def _fill_prime_contractors(sections: list[Section]) -> None:
    """A 再委託 sheet that names only the 再委託先 sub-contracts from the nearest 業務委託 sheet
    before it; one that names its prime contractor without certifications takes those the
    業務委託 sheet gives the same contractor (tests/golden/NOTES.md)."""
    last: Party | None = None
    for sec in sections:
        if sec.kind == "業務委託" and sec.counterparty is not None:
            last = sec.counterparty
        elif sec.kind == "再委託" and sec.prime_contractor is None and last is not None:
            sec.prime_contractor = last.model_copy()
    named = {
        s.counterparty.name: s.counterparty.certifications
        for s in sections
        if s.kind == "業務委託" and s.counterparty is not None and s.counterparty.name
    }
    for sec in sections:
        prime = sec.prime_contractor
        if prime is not None and prime.name and not prime.certifications:
            prime.certifications = list(named.get(prime.name, []))
