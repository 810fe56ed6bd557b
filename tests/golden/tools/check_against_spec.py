"""Cross-check a golden (transcribed from the seed) against the generator's spec (transcribed
from the same seed by someone else): every disagreement is a transcription error on one side
or an ambiguity to decide in NOTES.md. Prints the differences; exit 1 when there are any.

    .venv/bin/python tests/golden/tools/check_against_spec.py 000_5saiji_kenshin
"""

from __future__ import annotations

import json
import re
import sys

from common import GOLDEN, ROOT, checklist_of, label, norm, parse_mark, party_of, split_top, unmark

SPECS = ROOT / "samples" / "specs"


def _sq(s):
    return re.sub(r"\s+", "", norm(s) or "")


def spec_checklist(spec: dict) -> list[tuple]:
    out = []
    for b in spec["blocks"]:
        if b["type"] != "checklist":
            continue
        for g in b["groups"]:
            p, t = party_of(g["party"].replace("\n", ""))
            for r in g["rows"]:
                note = r.get("note")
                mark = parse_mark(r["mark"])[0]
                out.append((checklist_of(b["heading"]), p, t, _sq(unmark(r["text"])), mark,
                            _sq(note.strip("()（）")) if note else ""))
    return out


def golden_checklist(rec: dict) -> list[tuple]:
    return [(r["checklist"], r["party"], r["measure_type"], _sq(r["measure"]), r["mark"], _sq(r["note"]))
            for r in rec["checklists"]]


def compare(name: str, spec_name: str | None = None, index: int = 0) -> list[str]:
    spec = json.loads((SPECS / f"{spec_name or name}.json").read_text(encoding="utf-8"))
    rec = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    rec = rec[index] if isinstance(rec, list) else rec
    diffs = []
    sc, gc = spec_checklist(spec), golden_checklist(rec)
    if len(sc) != len(gc):
        diffs.append(f"checklist rows: spec {len(sc)} golden {len(gc)}")
    for i, (a, b) in enumerate(zip(sc, gc, strict=False)):
        if a != b:
            diffs.append(f"checklist row {i}: spec {a}\n      golden {b}")
    sheets = [b for b in spec["blocks"] if b["type"] == "sheet"]
    if len(sheets) != len(rec["sections"]):
        diffs.append(f"sections: spec {len(sheets)} golden {len(rec['sections'])}")
    for i, (sh, sec) in enumerate(zip(sheets, rec["sections"], strict=False)):
        title = re.sub(r"^件\s*名\s*", "", sh["title"])
        if _sq(title) != _sq(sec["title"]):
            diffs.append(f"section {i} title: spec {title!r} golden {sec['title']!r}")
        sf = {label(k): _sq(unmark(v.replace("\\*", ""))) for k, v in sh["rows"]}
        gf = {k: _sq(v.replace("*", "")) for k, v in sec["fields"].items()}
        for k in sorted(set(sf) | set(gf)):
            if sf.get(k) != gf.get(k):
                diffs.append(f"section {i} field {k}:\n      spec   {sf.get(k)}\n      golden {gf.get(k)}")
    for b in spec["blocks"]:
        if b["type"] == "overview":
            rows = dict(b["rows"])
            for key, path in (("事業名", "business_name"), ("目的", "purpose"), ("対象者", "data_subjects"),
                              ("事業内容", "description")):
                if key in rows and _sq(rows[key]) != _sq(rec["overview"][path]):
                    diffs.append(f"overview {path}:\n      spec   {_sq(rows[key])}\n      golden {_sq(rec['overview'][path])}")
        if b["type"] == "cover":
            if _sq(b["title"]) != _sq(rec["title"]):
                diffs.append(f"title: spec {b['title']!r} golden {rec['title']!r}")
            if (b.get("material_no") and _sq(b["material_no"])) != (rec["material_no"] and _sq(rec["material_no"])):
                diffs.append(f"material_no: spec {b.get('material_no')!r} golden {rec['material_no']!r}")
        if b["type"] == "record_items":
            names = [_sq(n) for g in b["groups"] for s in g["subgroups"] for n in split_top(unmark(s["items"]))]
            gold = [_sq(it["name"]) for it in rec["record_items"]]
            if names != gold:
                diffs.append(f"record items differ: spec {len(names)} golden {len(gold)}: "
                             f"{[n for n in names if n not in gold]} / {[n for n in gold if n not in names]}")
    return diffs


if __name__ == "__main__":
    args = sys.argv[1:]
    diffs = compare(args[0], args[1] if len(args) > 1 else None, int(args[2]) if len(args) > 2 else 0)
    print("\n".join(diffs) or "no differences")
    raise SystemExit(1 if diffs else 0)
