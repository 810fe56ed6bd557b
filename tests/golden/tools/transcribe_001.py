"""Seed 001 (a fragment: one 業務委託 checklist, no cover, no sheets): golden content.

Run: .venv/bin/python tests/golden/tools/transcribe_001.py  (then tests/golden/sync_manifest.py)
"""

from __future__ import annotations

import sys

from common import parse_mark, party_of, record, row, seed_lines, write_golden

NAME = "001_checklist_fragment"
L = seed_lines("001")


def checklist() -> list[dict]:
    """The markdown table rows: | group label | mark | measure |."""
    rows, party = [], None
    for line in L[9:31]:
        cols = [c.strip() for c in line.strip().strip("|").split("|")]
        if cols[0].startswith("委託事業者"):
            party = party_of(cols[0].replace("<br>", ""))
        if cols[0] == "○":
            # Last line: the extraction shifted the cells one column left.
            cols = ["", cols[0], cols[1]]
        mark, note = parse_mark(cols[1])
        rows.append(row("業務委託", *party, cols[2], mark, note))
    return rows


def build() -> dict:
    # A fragment: nothing of the cover or the sheets is on it, so every header field stays
    # null/[] (categories lists the kinds of sheets present: none), see NOTES.md.
    return record(checklists=checklist())


if __name__ == "__main__":
    print(write_golden(sys.argv[1] if len(sys.argv) > 1 else NAME, build()))
