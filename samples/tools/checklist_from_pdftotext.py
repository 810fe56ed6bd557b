"""One-off helper: rebuild the checklist tables of seed 004 (raw pdftotext) as spec JSON.

pdftotext printed each checklist page as: the header cell, then every row as a
mark line ("○", or "ー" with its note over two lines) followed by the wrapped
measure text, then the heading and the party cells last. This puts them back in
document order: heading, party cell, rows. A page's rows belong to the first
party cell until the first system measure (接続するネットワーク…), as in every
other seed. Line breaks inside a measure are layout and are joined.
"""

import json
import re
import sys

HEADING = re.compile(r"^([３４５３-５\d])　(\S+チェックリスト)")
SYSTEM_FIRST = "接続するネットワーク"


def pages(text: str) -> list[str]:
    """Each checklist page starts at its mark-column header (・対策が可能であ…)."""
    parts = re.split(r"\n(?=・対策が可能であ\n)", text)
    return [p for p in parts[1:] if "チェックリスト" in p]


def parse_page(page: str) -> dict:
    lines = [ln.strip() for ln in page.splitlines()]
    heading = next(HEADING.match(ln) for ln in lines if HEADING.match(ln))
    sub = None
    start = next(i for i, ln in enumerate(lines) if ln == "情報保護対策") + 1
    end = next(i for i, ln in enumerate(lines) if HEADING.match(ln))
    rows, cur, note_mode = [], None, False
    for ln in lines[start:end]:
        if not ln:
            continue
        if ln.startswith("○") or ln == "ー":
            cur = {"mark": "○" if ln.startswith("○") else "－", "note": None, "text": ln[1:].strip()}
            rows.append(cur)
            note_mode = ln == "ー"
            continue
        if note_mode and (ln.startswith("（") or ln.endswith("）")) and len(ln) < 14:
            cur["note"] = (cur["note"] or "") + ln
            continue
        note_mode = False
        cur["text"] += ln
    parties = [ln for ln in lines[end + 1:] if ln]
    groups = _parties(parties)
    split = next(i for i, r in enumerate(rows) if r["text"].startswith(SYSTEM_FIRST))
    ops = next(g for g in groups if "運用" in g)
    sysg = next(g for g in groups if "システム" in g)
    num = "３４５".index(heading.group(1)) + 3 if heading.group(1) in "３４５" else int(heading.group(1))
    return {"type": "checklist", "heading": f"{num} {heading.group(2)}", "subheading": sub,
            "mark_header": "・対策が可能であれば「○」\n・対策の必要がない場合は「ー」",
            "measure_header": "情報保護対策",
            "groups": [{"party": ops, "rows": rows[:split]}, {"party": sysg, "rows": rows[split:]}]}


def _parties(lines: list[str]) -> list[str]:
    out, cur = [], []
    for ln in lines:
        cur.append(ln)
        if ln.startswith("【"):
            out.append("\n".join(cur))
            cur = []
    return out


if __name__ == "__main__":
    text = open(sys.argv[1], encoding="utf-8").read()
    print(json.dumps([parse_page(p) for p in pages(text)], ensure_ascii=False, indent=1))
