"""Do a submission's change marks tell the truth? Declared marks against the computed diff.

    rec = reconcile_marks(new_record, diff_records(prior, new_record))
    [(e.section_kind, e.field) for e in rec.by_status("changed_not_marked")]

Declared: `change_marks`, `sections[].changed_fields`, `record_items[].changed`. Each declared
(sheet, field) is `declared_and_changed` when the diff changed it, `marked_unchanged` when not
(or when a mark's text lies wholly in text the prior already had); each changed field no mark
declares is `changed_not_marked`. Changes no office marks — the cover, the 事業の概要, a sheet's
件名 and 資料 number, whole sheets or checklists that are new — are `not_reconciled`, with the
reason. See docs/CHANGES.md.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from typing import Any

from models.changes import FieldChange, ReconcileEntry, ReconcileStatus, Reconciliation
from models.record import SubmissionRecord
from pipeline.diff import SECTION_FIELD_ORDER, comparable

# Sheet fields that change with every submission and that offices never mark.
UNMARKED_BY_CONVENTION = {
    "title": "a sheet's 件名 names the submission, not the approved content",
    "data_items_ref": "a 資料 number changes with every meeting",
}
SET_FIELDS = ("data_items", "holding_divisions")
MISSED_MIN = 1  # letters/digits of changed text outside every mark before it is reported


def base_field(field: str) -> str:
    """base_field("counterparty.certifications") -> "counterparty"."""
    return field.split(".", 1)[0]


def _is_whole_list(ch: FieldChange) -> bool:
    value = ch.new if ch.change_type == "added" else ch.old
    return ch.field == "checklists" and isinstance(value, dict) and "rows" in value


def _exempt_reason(ch: FieldChange) -> str | None:
    if ch.section_kind == "cover":
        return "cover fields (件名, 資料 number, references) are not marked"
    if ch.field == "section":
        return f"the whole sheet is {ch.change_type}; its content is not marked"
    if _is_whole_list(ch):
        return f"the whole checklist is {ch.change_type}"
    if ch.new_section is not None and ch.field in UNMARKED_BY_CONVENTION:
        return UNMARKED_BY_CONVENTION[ch.field]
    return None


def changed_positions(old: str, new: str) -> set[int]:
    """Positions in `new` (both comparable()) that are inserted or replaced text."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    out: set[int] = set()
    for tag, _, _, j1, j2 in sm.get_opcodes():
        if tag in ("insert", "replace"):
            out.update(range(j1, j2))
    return out


def mark_hits_change(old: Any, new: Any, mark: str) -> bool | None:
    """Whether a marked span covers changed text: None when the mark's text is not in the value
    as stored (normalised values like "checklist"), False when it lies wholly in unchanged text."""
    if not isinstance(new, str):
        return None
    a, b, m = comparable(old or ""), comparable(new), comparable(mark)
    start = b.find(m) if m else -1
    if start < 0:
        return None
    return bool(changed_positions(a, b) & set(range(start, start + len(m))))


def _declared(new: SubmissionRecord) -> dict[tuple[int | None, str], list[str]]:
    """(section index or None, canonical field) -> texts of the marks declaring it."""
    out: dict[tuple[int | None, str], list[str]] = defaultdict(list)
    for j, sec in enumerate(new.sections):
        for f in sec.changed_fields:
            out[(j, f)]
    for m in new.change_marks:
        if m.field is not None and m.field not in ("record_items", "checklists"):
            out[(m.section, m.field)].append(m.text)
    return out


def _kind_of(new: SubmissionRecord, section: int | None) -> str:
    if section is None or section >= len(new.sections):
        return "overview"
    return new.sections[section].kind


def _field_order(key: tuple[int | None, str]) -> tuple[bool, int, int, str]:
    section, field = key
    rank = (
        SECTION_FIELD_ORDER.index(field)
        if field in SECTION_FIELD_ORDER
        else len(SECTION_FIELD_ORDER)
    )
    return (section is None, section or 0, rank, field)


def _field_entries(new: SubmissionRecord, changes: list[FieldChange]) -> list[ReconcileEntry]:
    groups: dict[tuple[int | None, str], list[FieldChange]] = defaultdict(list)
    for ch in changes:
        if ch.section_kind in ("record_items",) or ch.field.startswith("checklists"):
            continue
        if _exempt_reason(ch) is None:
            groups[(ch.new_section, base_field(ch.field))].append(ch)
    declared = _declared(new)
    out: list[ReconcileEntry] = []
    for key in sorted(set(groups) | set(declared), key=_field_order):
        section, field = key
        chs, marks = groups.get(key, []), declared.get(key)
        kind = chs[0].section_kind if chs else _kind_of(new, section)
        base: dict[str, Any] = {
            "section_kind": kind,
            "field": field,
            "section": section,
            "changes": len(chs),
        }
        if marks is None:
            if kind == "overview":
                out.append(
                    ReconcileEntry(
                        status="not_reconciled", reason="事業の概要 is not marked", **base
                    )
                )
            else:
                out.append(ReconcileEntry(status="changed_not_marked", **base))
        elif not chs:
            out.append(
                ReconcileEntry(
                    status="marked_unchanged",
                    marks=marks,
                    reason="the prior has the same value",
                    **base,
                )
            )
        else:
            out += _declared_entries(chs, marks, base)
    return out


def _declared_entries(
    chs: list[FieldChange], marks: list[str], base: dict[str, Any]
) -> list[ReconcileEntry]:
    """A declared field that changed; a mark whose text the prior already had is listed apart."""
    false_marks = [m for m in marks if _mark_is_false(chs, base["field"], m)]
    good = [m for m in marks if m not in false_marks]
    out = [ReconcileEntry(status="declared_and_changed", marks=good, **base)]
    for m in false_marks:
        out.append(
            ReconcileEntry(
                status="marked_unchanged",
                marks=[m],
                **{**base, "changes": 0},
                reason="the marked text is the same in the prior",
            )
        )
    missed = _unmarked_text(chs, good)
    if missed:
        reason = f"changed text outside the marked spans: {missed}"
        out.append(ReconcileEntry(status="changed_not_marked", reason=reason, **base))
    return out


def _unmarked_text(chs: list[FieldChange], marks: list[str]) -> str | None:
    """Changed characters of a text field that no mark covers (None when the marks cannot be
    located in the value, or when all of it is covered); punctuation alone does not count."""
    if len(chs) != 1 or not isinstance(chs[0].new, str) or not marks:
        return None
    old, new = comparable(chs[0].old or ""), comparable(chs[0].new)
    covered: set[int] = set()
    for m in (comparable(x) for x in marks):
        start = new.find(m) if m else -1
        if start < 0:
            return None  # a mark not found in the stored value: cannot judge
        covered.update(range(start, start + len(m)))
    missed = sorted(changed_positions(old, new) - covered)
    text = "".join(new[i] for i in missed if unicodedata.category(new[i])[0] in "LN")
    return new[missed[0] : missed[-1] + 1] if len(text) >= MISSED_MIN else None


def _mark_is_false(chs: list[FieldChange], field: str, mark: str) -> bool:
    if field in SET_FIELDS:  # the mark names an element: one the diff added or changed
        m = comparable(mark)
        changed = {comparable(ch.item or "") for ch in chs} - {""}
        return not any(m in n or n in m for n in changed)
    hits = [mark_hits_change(ch.old, ch.new, mark) for ch in chs]
    return all(h is False for h in hits) and bool(hits)


def _record_item_entries(new: SubmissionRecord, changes: list[FieldChange]) -> list[ReconcileEntry]:
    marked = {comparable(r.name) for r in new.record_items if r.changed}
    mark_texts = [m.text for m in new.change_marks if m.field == "record_items"]
    out: list[ReconcileEntry] = []
    added: set[str] = set()
    for ch in changes:
        if ch.section_kind != "record_items":
            continue
        name = comparable(ch.item or "")
        base: dict[str, Any] = {
            "section_kind": "record_items",
            "field": "record_items",
            "item": ch.item,
            "changes": 1,
        }
        hits = [t for t in mark_texts if name and name in comparable(t)]
        if ch.change_type == "added":
            added.add(name)
            status: ReconcileStatus = (
                "declared_and_changed" if name in marked or hits else "changed_not_marked"
            )
            out.append(ReconcileEntry(status=status, marks=hits, **base))
        else:
            out.append(
                ReconcileEntry(status="changed_not_marked", reason="removed from the list", **base)
            )
    for r in new.record_items:
        if r.changed and comparable(r.name) not in added:
            out.append(
                ReconcileEntry(
                    status="marked_unchanged",
                    section_kind="record_items",
                    field="record_items",
                    item=r.name,
                    reason="the prior lists the same item",
                )
            )
    return out


def _checklist_entries(new: SubmissionRecord, changes: list[FieldChange]) -> list[ReconcileEntry]:
    marks = [m.text for m in new.change_marks if m.field == "checklists"]
    used: set[str] = set()
    out: list[ReconcileEntry] = []
    for ch in changes:
        if not ch.field.startswith("checklists") or _is_whole_list(ch):
            continue
        row = comparable(ch.item or "") + comparable(str(ch.new or ""))
        hits = [m for m in marks if comparable(m) and comparable(m) in row]
        used.update(hits)
        status: ReconcileStatus = "declared_and_changed" if hits else "changed_not_marked"
        out.append(
            ReconcileEntry(
                status=status,
                section_kind=ch.section_kind,
                field=ch.field,
                item=ch.item,
                marks=hits,
                changes=1,
            )
        )
    for m in marks:
        if m not in used:
            out.append(
                ReconcileEntry(
                    status="marked_unchanged",
                    section_kind="checklists",
                    field="checklists",
                    marks=[m],
                    reason="no checklist row with this text changed",
                )
            )
    return out


def _exempt_entries(changes: list[FieldChange]) -> list[ReconcileEntry]:
    groups: dict[tuple[str, str, int | None, str], int] = defaultdict(int)
    for ch in changes:
        reason = _exempt_reason(ch)
        if reason is not None:
            groups[(ch.section_kind, ch.field, ch.new_section, reason)] += 1
    return [
        ReconcileEntry(
            status="not_reconciled", section_kind=k, field=f, section=s, changes=n, reason=r
        )
        for (k, f, s, r), n in groups.items()
    ]


def _unplaced(new: SubmissionRecord) -> list[ReconcileEntry]:
    return [
        ReconcileEntry(
            status="not_reconciled",
            section_kind=_kind_of(new, m.section),
            field=None,
            section=m.section,
            marks=[m.text],
            reason="the mark is not placed in a field",
        )
        for m in new.change_marks
        if m.field is None
    ]


def reconcile_marks(new: SubmissionRecord, changes: list[FieldChange]) -> Reconciliation:
    """Reconcile the new record's declared change marks with the changes computed from its prior."""
    entries = (
        _field_entries(new, changes)
        + _record_item_entries(new, changes)
        + _checklist_entries(new, changes)
        + _unplaced(new)
        + _exempt_entries(changes)
    )
    return Reconciliation(entries=entries)
