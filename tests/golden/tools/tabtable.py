"""Cut cells and checklist rows out of the tab-separated seeds (000, 002, 003)."""

from __future__ import annotations

import re

from common import checklist_of, label, norm, parse_mark, party_of, row

_HEADING = re.compile(r"^\d\s*(電算処理|外部結合|業務委託)にかかる個人情報保護対策チェックリスト")


def cells(lines: list[str], first: int, last: int) -> list[tuple[str, str]]:
    """(label, raw value) pairs of a two-column table in lines[first..last];
    a line starting with a tab continues the previous value."""
    out: list[list[str]] = []
    for line in lines[first : last + 1]:
        if "\t" not in line or re.fullmatch(r"-+\t-+", line.strip()):
            continue
        head, _, rest = line.partition("\t")
        if head.strip():
            out.append([head, rest])
        else:
            out[-1][1] += "\n" + rest
    return [(a, b) for a, b in out]


def fields_of(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """The section's ``fields``: printed label (whitespace removed) -> normalised value."""
    return {label(a): norm(b.replace("<u>", "").replace("</u>", "")) for a, b in pairs}


def _is_mark(cell: str) -> bool:
    try:
        parse_mark(cell)
    except AssertionError:
        return False
    return cell.strip() != ""


def checklist_rows(lines: list[str], first: int, last: int, fixups: dict | None = None) -> list[dict]:
    """Every checklist row in lines[first..last] of a tab-separated seed.

    fixups maps a line number to the rows to use instead of what the line holds
    (damaged extraction: merged rows, a lost measure text); see NOTES.md.
    """
    fixups = fixups or {}
    rows: list[dict] = []
    checklist = party = mtype = None
    for no in range(first, last + 1):
        line = lines[no]
        if _HEADING.match(line.strip()):
            checklist = checklist_of(line)
            continue
        if "対策が可能であれば" in line or not line.strip() or "\t" not in line:
            continue
        cols = [c.strip() for c in line.split("\t")]
        for c in cols:
            if "【" in c:
                party, mtype = party_of(c)
        if no in fixups:
            rows.extend(row(checklist, party, mtype, m, mk, note) for m, mk, note in fixups[no])
            continue
        marks = [c for c in cols if c and "【" not in c and _is_mark(c)]
        measures = [c for c in cols if c and "【" not in c and not _is_mark(c)]
        assert len(measures) == 1 and len(marks) <= 1, (no, cols)
        mk, note = parse_mark(marks[0]) if marks else ("blank", None)
        rows.append(row(checklist, party, mtype, measures[0], mk, note))
    return rows
