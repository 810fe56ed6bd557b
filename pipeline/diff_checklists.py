"""The checklist part of the diff: rows paired by catalogue key or similar text, then compared.

checklist_changes(prior, new)  # whole lists added/removed, else per row: mark, note, row
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from models.changes import FieldChange
from models.record import ChecklistRow, SubmissionRecord
from pipeline.diff import comparable, scalar_change

MEASURE_MATCH = 85.0  # rapidfuzz ratio for two spellings of one checklist measure


def _row_key(row: ChecklistRow) -> str:
    return row.measure_key or comparable(row.measure)


def pair_checklist_rows(
    old: list[ChecklistRow], new: list[ChecklistRow]
) -> list[tuple[int | None, int | None]]:
    """Pair rows of the same list, party and measure type: by catalogue key or equal text,
    then by similar text (≥ MEASURE_MATCH); order decides between repeated measures."""

    def group(r: ChecklistRow) -> tuple[str, str, str]:
        return (r.checklist, r.party, r.measure_type)

    pairs: dict[int, int] = {}
    free_old = list(range(len(old)))
    for j, n in enumerate(new):
        for i in free_old:
            if group(old[i]) == group(n) and _row_key(old[i]) == _row_key(n):
                pairs[j] = i
                free_old.remove(i)
                break
    for j, n in enumerate(new):
        if j in pairs:
            continue
        best = max(
            (
                (fuzz.ratio(comparable(old[i].measure), comparable(n.measure)), i)
                for i in free_old
                if group(old[i]) == group(n)
            ),
            default=(0.0, -1),
        )
        if best[0] >= MEASURE_MATCH:
            pairs[j] = best[1]
            free_old.remove(best[1])
    out: list[tuple[int | None, int | None]] = [(pairs.get(j), j) for j in range(len(new))]
    return out + [(i, None) for i in free_old]


def _row_value(r: ChecklistRow) -> dict[str, Any]:
    return {
        "party": r.party,
        "measure_type": r.measure_type,
        "measure": r.measure,
        "mark": r.mark,
        "note": r.note,
    }


def _first_row(rows: list[ChecklistRow], lst: tuple[str, str]) -> int:
    return next(k for k, r in enumerate(rows) if (r.checklist, r.party) == lst)


def checklist_changes(old: SubmissionRecord, new: SubmissionRecord) -> list[FieldChange]:
    """Whole lists added / removed (one change each), else per row: mark, note, row added / removed."""
    lists_old = {(r.checklist, r.party) for r in old.checklists}
    lists_new = {(r.checklist, r.party) for r in new.checklists}
    out: list[FieldChange] = []
    for lst in sorted(lists_new - lists_old):
        n = sum(1 for r in new.checklists if (r.checklist, r.party) == lst)
        out.append(
            FieldChange(
                section_kind=lst[0],
                field="checklists",
                change_type="added",
                item=lst[1],
                new={"checklist": lst[0], "party": lst[1], "rows": n},
                new_path=f"checklists[{_first_row(new.checklists, lst)}].measure",
            )
        )
    for lst in sorted(lists_old - lists_new):
        n = sum(1 for r in old.checklists if (r.checklist, r.party) == lst)
        out.append(
            FieldChange(
                section_kind=lst[0],
                field="checklists",
                change_type="removed",
                item=lst[1],
                old={"checklist": lst[0], "party": lst[1], "rows": n},
                old_path=f"checklists[{_first_row(old.checklists, lst)}].measure",
            )
        )
    shared = lists_old & lists_new
    a = [r for r in old.checklists if (r.checklist, r.party) in shared]
    b = [r for r in new.checklists if (r.checklist, r.party) in shared]
    ia = [k for k, r in enumerate(old.checklists) if (r.checklist, r.party) in shared]
    ib = [k for k, r in enumerate(new.checklists) if (r.checklist, r.party) in shared]
    for i, j in pair_checklist_rows(a, b):
        out += _row_changes(a, b, i, j, ia, ib)
    return out


def _row_changes(
    a: list[ChecklistRow],
    b: list[ChecklistRow],
    i: int | None,
    j: int | None,
    ia: list[int],
    ib: list[int],
) -> list[FieldChange]:
    if i is not None and j is not None:
        out = []
        for field in ("mark", "note"):
            ch = scalar_change(
                b[j].checklist,
                f"checklists.{field}",
                getattr(a[i], field),
                getattr(b[j], field),
                item=b[j].measure,
                old_path=f"checklists[{ia[i]}].{field}",
                new_path=f"checklists[{ib[j]}].{field}",
            )
            if ch:
                out.append(ch)
        return out
    if j is not None:
        return [
            FieldChange(
                section_kind=b[j].checklist,
                field="checklists",
                change_type="added",
                item=b[j].measure,
                new=_row_value(b[j]),
                new_path=f"checklists[{ib[j]}].measure",
            )
        ]
    assert i is not None
    return [
        FieldChange(
            section_kind=a[i].checklist,
            field="checklists",
            change_type="removed",
            item=a[i].measure,
            old=_row_value(a[i]),
            old_path=f"checklists[{ia[i]}].measure",
        )
    ]
