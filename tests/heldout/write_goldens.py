"""Write tests/heldout/golden/<stem>.json from the hand-typed readings in content.py.

    .venv/bin/python tests/heldout/write_goldens.py

Scalars, parties, periods, schedules, data items, agenda, counts, prior approvals and
measure keys are typed by hand in content.py (``gold`` dicts). Verbatim texts (`fields`,
reason/content/… given as ``R(label)``, description, checklist measures) are the printed
strings, normalised by the SCHEMA rule (NFKC; layout whitespace removed). File-dependent
values (document_id, source.*, pages) come only from manifest.json. Never reads pipeline output.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from content import DOCS  # noqa: E402

MARK_RE = re.compile(r"⟦(.*?)⟧")
MARKS = {
    "○": "applicable",
    "〇": "applicable",
    "◯": "applicable",
    "－": "not_applicable",
    "-": "not_applicable",
    "―": "not_applicable",
    "": "blank",
}


def norm(text: str | list[str]) -> str:
    """NFKC; whitespace kept (as one space) only between two half-width latin letters/digits."""
    if isinstance(text, list):
        text = "\n".join(text)
    s = unicodedata.normalize("NFKC", MARK_RE.sub(r"\1", text))
    return re.sub(r"\s+", lambda m: " " if _latin_gap(s, m) else "", s).strip()


def _latin_gap(s: str, m: re.Match) -> bool:
    a, b = m.start() - 1, m.end()
    return (
        a >= 0
        and b < len(s)
        and re.match(r"[A-Za-z0-9]", s[a])
        and re.match(r"[A-Za-z0-9]", s[b])
        and "\n" not in m.group(0)
    )


def split_items(text: str) -> list[str]:
    """Split on 、 outside brackets."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "(（「":
            depth += 1
        elif ch in ")）」":
            depth -= 1
        if ch == "、" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [x for x in out if x]


def party(p) -> dict | None:
    if p is None:
        return None
    name, undecided, certs = p
    return {"name": name, "undecided": undecided, "certifications": certs}


def section_record(s: dict, pages: list[int]) -> dict:
    g, rows = s["gold"], {norm(r[0]): r[1] for r in s["rows"]}

    def val(key):
        v = g.get(key)
        if isinstance(v, tuple) and v and v[0] == "ROW":
            return norm(rows[norm(v[1])])
        return v

    changed = []
    for _label, lines, field in s["rows"]:
        if any(MARK_RE.search(x) for x in lines) and field not in changed:
            changed.append(field)
    ward, contractor = g.get("protection", (None, None))
    return {
        "kind": s["kind"],
        "title": norm(s["title"]),
        "holding_divisions": g["holding_divisions"],
        "registered_business": g.get("registered_business"),
        "data_subjects": g.get("data_subjects"),
        "data_items": [{"name": n, "qualifier": q} for n, q in g.get("data_items", [])],
        "data_items_ref": g.get("data_items_ref"),
        "system": val("system"),
        "reason": val("reason"),
        "content": val("content"),
        "counterparty": party(g.get("counterparty")),
        "prime_contractor": party(g.get("prime_contractor")),
        "connection_method": val("connection_method"),
        "periods": [
            {"label": lb, "start": st, "end": en, "approximate": ap, "planned": pl}
            for lb, st, en, ap, pl in g.get("periods", [])
        ],
        "recurring": g.get("recurring", False),
        "schedule": [{"date": d, "milestone": m} for d, m in g.get("schedule", [])],
        "protection": {"ward": ward, "contractor": contractor},
        "changed_fields": changed,
        "fields": {norm(lb): norm(lines) for lb, lines, _f in s["rows"]},
        "pages": pages,
    }


def record_items(d: dict) -> list[dict]:
    if not d["record_items"]:
        return []
    out = []
    for grp, subs in d["record_items"]["groups"]:
        g1 = norm(re.sub(r"^【[０-９0-9]+】", "", grp))
        for sub, items in subs:
            g2 = norm(re.sub(r"^\([0-9]+\)\s*", "", sub))
            marked = {norm(x) for m in MARK_RE.findall(items) for x in split_items(m)}
            for it in split_items(MARK_RE.sub(r"\1", items)):
                out.append({"group": [g1, g2], "name": norm(it), "changed": norm(it) in marked})
    return out


def checklist_rows(d: dict, pages: list[int]) -> list[dict]:
    out, i = [], 0
    for c in d["checklists"]:
        for b in c["blocks"]:
            for mark, note, measure, key in b["rows"]:
                out.append(
                    {
                        "checklist": c["kind"],
                        "party": b["party"],
                        "measure_type": b["type"],
                        "measure": norm(measure),
                        "measure_key": key,
                        "mark": MARKS[mark],
                        "note": norm(note) if note else None,
                        "page": pages[i],
                    }
                )
                i += 1
    assert i == len(pages), (d["stem"], i, len(pages))
    return out


def change_marks(d: dict, anchors: list[dict]) -> list[dict]:
    spans = []
    for si, s in enumerate(d["sections"]):
        for _label, lines, field in s["rows"]:
            for line in lines:
                spans += [(si, field, m) for m in MARK_RE.findall(line)]
    if d["record_items"]:
        for _g, subs in d["record_items"]["groups"]:
            for _s, items in subs:
                spans += [(None, "record_items", m) for m in MARK_RE.findall(items)]
    assert len(spans) == len(anchors), d["stem"]
    out = []
    for (si, field, text), a in zip(spans, anchors, strict=True):
        assert norm(text) == norm(a["text"]), (text, a)
        out.append({"section": si, "field": field, "text": norm(text), "page": a["page"]})
    return out


def build(d: dict, f: dict) -> dict:
    sub, g = f["submissions"][0], d["gold"]
    ov = {lb: lines for lb, lines in d["overview"]}
    instrument, report, provs = g["basis"]
    raw, bureau, division = g["department"]
    ocr = bool(f["ocr_pages"])
    return {
        "schema_version": "1",
        "document_id": f["sha256"],
        "source": {
            "file_name": Path(f["file"]).name,
            "sha256": f["sha256"],
            "page_count": f["page_count"],
            "text_source": "ocr" if ocr else "text_layer",
            "ocr_pages": f["ocr_pages"],
            "pages": sub["pages"],
        },
        "meeting": None,
        "council": g["council"],
        "item_kind": g["item_kind"],
        "material_no": g["material_no"],
        "title": norm(d["title"]),
        "basis": {
            "instrument": instrument,
            "report": report,
            "provisions": [{"article": a, "subject": s} for a, s in provs],
        },
        "categories": sorted({s["kind"] for s in d["sections"]}),
        "department": {"raw": raw, "bureau": bureau, "division": division},
        "overview": {
            "business_name": norm(ov["事業名"]),
            "divisions": g["divisions"],
            "purpose": norm(ov["目的"]),
            "data_subjects": norm(ov["対象者"]),
            "description": norm(ov["事業内容"]),
            "agenda": g["agenda"],
            "counts": [
                {"label": lb, "value": v, "approx": ap, "unit": u} for lb, v, ap, u in g["counts"]
            ],
        },
        "sections": [
            section_record(s, p) for s, p in zip(d["sections"], sub["sections"], strict=True)
        ],
        "record_items": record_items(d),
        "checklists": checklist_rows(d, sub["checklist_rows"]),
        "prior_approvals": [
            {"raw": r, "council": c, "fiscal_year": y, "session": n}
            for r, c, y, n in g["prior_approvals"]
        ],
        "change_marks": change_marks(d, sub["change_marks"]),
        "references": g["references"],
        "warnings": [],
    }


def main() -> None:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    docs = {d["stem"]: d for d in DOCS}
    out = HERE / "golden"
    out.mkdir(exist_ok=True)
    for f in manifest["files"]:
        rec = build(docs[f["spec"][0]], f)
        sys.path.insert(0, str(HERE.parent.parent))
        from models.record import SubmissionRecord  # validate the contract shape

        SubmissionRecord.model_validate(rec)
        path = out / f"{Path(f['file']).stem}.json"
        path.write_text(
            json.dumps(rec, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8"
        )
        print(
            path.name,
            len(rec["sections"]),
            "sections",
            len(rec["checklists"]),
            "rows",
            len(rec["change_marks"]),
            "marks",
            len(rec["record_items"]),
            "items",
        )


if __name__ == "__main__":
    main()
