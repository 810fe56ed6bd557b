"""Field-level diff of a submission against the prior approval it amends.

    changes = diff_records(prior, new)      # list[FieldChange], document order
    [c.field for c in changes if c.section_kind == "業務委託"]
    -> ["registered_business", "data_subjects", "content", "periods"]

Values are compared after NFKC and with all whitespace removed (line breaks in a cell are
layout, SCHEMA.md); `old` / `new` keep the contract's values. See docs/CHANGES.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from rapidfuzz import fuzz

from models.changes import ChangeType, FieldChange
from models.record import Party, Section, SubmissionRecord

# Sheet fields in the order a sheet prints them; how each is compared.
SECTION_FIELD_ORDER = (
    "title",
    "holding_divisions",
    "registered_business",
    "data_subjects",
    "data_items",
    "data_items_ref",
    "system",
    "reason",
    "content",
    "counterparty",
    "prime_contractor",
    "connection_method",
    "periods",
    "recurring",
    "schedule",
    "protection",
)
COVER_FIELDS = ("title", "council", "item_kind", "material_no")
OVERVIEW_TEXT = ("business_name", "purpose", "data_subjects", "description")
_WS = re.compile(r"\s+")


def comparable(value: Any) -> Any:
    """The form two values are compared in: NFKC, no whitespace, recursively.

    comparable("株式会社 両備\\nシステムズ") -> "株式会社両備システムズ"
    """
    if isinstance(value, str):
        return _WS.sub("", unicodedata.normalize("NFKC", value))
    if isinstance(value, list | tuple):
        return [comparable(v) for v in value]
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items()}
    return value


def _same(a: Any, b: Any) -> bool:
    """Equal when comparable; a blank text or an empty list is the same as no value."""
    ca, cb = comparable(a), comparable(b)
    return (None if ca in ("", []) else ca) == (None if cb in ("", []) else cb)


def _dump(v: Any) -> Any:
    if hasattr(v, "model_dump"):
        return v.model_dump(mode="json")
    if isinstance(v, list):
        return [_dump(x) for x in v]
    return v


def scalar_change(kind: str, field: str, old: Any, new: Any, **where: Any) -> FieldChange | None:
    old, new = _dump(old), _dump(new)
    if _same(old, new):
        return None
    ctype: ChangeType = "modified"
    if old in (None, [], ""):
        ctype = "added"
    elif new in (None, [], ""):
        ctype = "removed"
    return FieldChange(section_kind=kind, field=field, old=old, new=new, change_type=ctype, **where)


def _set_changes(
    kind: str,
    field: str,
    old: Iterable[Any],
    new: Iterable[Any],
    key: Callable[[Any], str],
    **where: Any,
) -> list[FieldChange]:
    """Elements added / removed (by key), and elements whose key stayed but whose value changed."""
    olds = {key(x): x for x in old}
    news = {key(x): x for x in new}
    out: list[FieldChange] = []
    for k, x in olds.items():
        if k not in news:
            out.append(
                FieldChange(
                    section_kind=kind,
                    field=field,
                    old=_dump(x),
                    new=None,
                    change_type="removed",
                    item=_item_name(x),
                    **where,
                )
            )
    for k, x in news.items():
        if k not in olds:
            out.append(
                FieldChange(
                    section_kind=kind,
                    field=field,
                    old=None,
                    new=_dump(x),
                    change_type="added",
                    item=_item_name(x),
                    **where,
                )
            )
        elif not _same(_dump(olds[k]), _dump(x)):
            out.append(
                FieldChange(
                    section_kind=kind,
                    field=field,
                    old=_dump(olds[k]),
                    new=_dump(x),
                    change_type="modified",
                    item=_item_name(x),
                    **where,
                )
            )
    return out


def _item_name(x: Any) -> str:
    return x if isinstance(x, str) else str(getattr(x, "name", x))


# ---------------------------------------------------------------- sections


def _section_similarity(a: Section, b: Section) -> float:
    """0..1: how alike two sheets of the same kind are (registered business, title, party)."""

    def r(x: str | None, y: str | None) -> float:
        if not x or not y:
            return 0.0
        return fuzz.ratio(comparable(x), comparable(y)) / 100.0

    pa = a.counterparty.name if a.counterparty else None
    pb = b.counterparty.name if b.counterparty else None
    return (
        0.4 * r(a.registered_business, b.registered_business)
        + 0.4 * r(a.title, b.title)
        + 0.2 * r(pa, pb)
    )


def pair_sections(old: list[Section], new: list[Section]) -> list[tuple[int | None, int | None]]:
    """Pair sheets of the same kind, most alike first; unpaired ones are added / removed.

    Returned in the new record's order, removed sheets after it.
    """
    candidates = sorted(
        (
            (_section_similarity(o, n), -abs(i - j), i, j)
            for i, o in enumerate(old)
            for j, n in enumerate(new)
            if o.kind == n.kind
        ),
        reverse=True,
    )
    used_old: set[int] = set()
    by_new: dict[int, int] = {}
    for _, _, i, j in candidates:
        if i not in used_old and j not in by_new:
            used_old.add(i)
            by_new[j] = i
    pairs: list[tuple[int | None, int | None]] = [(by_new.get(j), j) for j in range(len(new))]
    pairs += [(i, None) for i in range(len(old)) if i not in used_old]
    return pairs


def _party_changes(
    kind: str, field: str, old: Party | None, new: Party | None, **where: Any
) -> list[FieldChange]:
    out: list[FieldChange] = []
    ident_old = None if old is None else (old.name, old.undecided)
    ident_new = None if new is None else (new.name, new.undecided)
    if not _same(ident_old, ident_new):
        ch = scalar_change(kind, field, old, new, **where)
        if ch:
            out.append(ch)
    if old is not None and new is not None:
        out += _set_changes(
            kind,
            f"{field}.certifications",
            old.certifications,
            new.certifications,
            key=str,
            **where,
        )
    return out


def diff_sections(kind: str, old: Section, new: Section, i: int, j: int) -> list[FieldChange]:
    """Every field of one sheet that differs, in the order the sheet prints its fields."""
    out: list[FieldChange] = []
    for field in SECTION_FIELD_ORDER:
        where = {
            "old_section": i,
            "new_section": j,
            "old_path": f"sections[{i}].{field}",
            "new_path": f"sections[{j}].{field}",
        }
        a, b = getattr(old, field), getattr(new, field)
        if field == "holding_divisions":
            out += _set_changes(kind, field, a, b, key=comparable, **where)
        elif field == "data_items":
            out += _set_changes(kind, field, a, b, key=lambda d: comparable(d.name), **where)
        elif field in ("counterparty", "prime_contractor"):
            out += _party_changes(kind, field, a, b, **where)
        else:  # text, bool, and the periods / schedule / protection values compared whole
            ch = scalar_change(kind, field, a, b, **where)
            if ch:
                out.append(ch)
    return out


def _sheet_summary(s: Section) -> dict[str, Any]:
    return {"kind": s.kind, "title": s.title, "registered_business": s.registered_business}


def _section_changes(old: SubmissionRecord, new: SubmissionRecord) -> list[FieldChange]:
    out: list[FieldChange] = []
    for i, j in pair_sections(old.sections, new.sections):
        if i is not None and j is not None:
            out += diff_sections(new.sections[j].kind, old.sections[i], new.sections[j], i, j)
        elif j is not None:
            s = new.sections[j]
            out.append(
                FieldChange(
                    section_kind=s.kind,
                    field="section",
                    old=None,
                    new=_sheet_summary(s),
                    change_type="added",
                    item=s.title,
                    new_section=j,
                    new_path=f"sections[{j}].title",
                )
            )
        elif i is not None:
            s = old.sections[i]
            out.append(
                FieldChange(
                    section_kind=s.kind,
                    field="section",
                    old=_sheet_summary(s),
                    new=None,
                    change_type="removed",
                    item=s.title,
                    old_section=i,
                    old_path=f"sections[{i}].title",
                )
            )
    return out


# ---------------------------------------------------------------- cover, overview, record items


def _cover_changes(old: SubmissionRecord, new: SubmissionRecord) -> list[FieldChange]:
    out: list[FieldChange] = []
    for field in COVER_FIELDS:
        ch = scalar_change(
            "cover", field, getattr(old, field), getattr(new, field), old_path=field, new_path=field
        )
        if ch:
            out.append(ch)
    for field, a, b in (
        ("basis", old.basis, new.basis),
        ("department", old.department.raw, new.department.raw),
    ):
        ch = scalar_change("cover", field, a, b, old_path=field, new_path=field)
        if ch:
            out.append(ch)
    out += _set_changes("cover", "categories", old.categories, new.categories, key=str)
    out += _set_changes("cover", "references", old.references, new.references, key=comparable)
    return out


def _overview_changes(old: SubmissionRecord, new: SubmissionRecord) -> list[FieldChange]:
    a, b = old.overview, new.overview
    out: list[FieldChange] = []
    for field in (
        "business_name",
        "divisions",
        "purpose",
        "data_subjects",
        "description",
        "agenda",
        "counts",
    ):
        where = {"old_path": f"overview.{field}", "new_path": f"overview.{field}"}
        if field == "divisions":
            out += _set_changes(
                "overview", field, a.divisions, b.divisions, key=comparable, **where
            )
            continue
        ch = scalar_change("overview", field, getattr(a, field), getattr(b, field), **where)
        if ch:
            out.append(ch)
    return out


def _record_item_changes(old: SubmissionRecord, new: SubmissionRecord) -> list[FieldChange]:
    def key(pair: tuple[int, Any]) -> str:
        item = pair[1]
        return comparable("/".join(item.group)) + "|" + comparable(item.name)

    olds = {key(p): p for p in enumerate(old.record_items)}
    news = {key(p): p for p in enumerate(new.record_items)}
    out: list[FieldChange] = []
    for k, (i, item) in olds.items():
        if k not in news:
            out.append(
                FieldChange(
                    section_kind="record_items",
                    field="record_items",
                    change_type="removed",
                    old={"group": item.group, "name": item.name},
                    item=item.name,
                    old_path=f"record_items[{i}]",
                )
            )
    for k, (j, item) in news.items():
        if k not in olds:
            out.append(
                FieldChange(
                    section_kind="record_items",
                    field="record_items",
                    change_type="added",
                    new={"group": item.group, "name": item.name},
                    item=item.name,
                    new_path=f"record_items[{j}]",
                )
            )
    return out


# ---------------------------------------------------------------- the whole record


def diff_records(old: SubmissionRecord, new: SubmissionRecord) -> list[FieldChange]:
    """Everything `new` changes from `old`: cover, overview, sheets, 記録項目, checklists."""
    from pipeline.diff_checklists import checklist_changes

    return (
        _cover_changes(old, new)
        + _overview_changes(old, new)
        + _section_changes(old, new)
        + _record_item_changes(old, new)
        + checklist_changes(old, new)
    )
