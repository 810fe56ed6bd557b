"""Write golden/<pdf stem>.json for every PDF of manifest.json, from docs2.py's hand reading.

Scalars, parties, periods, schedules, data items, agenda and counts are the hand-typed `gold`
values of docs2.py; verbatim texts (fields, reason/content/system/…, purpose, description,
checklist measures) are the printed strings normalised by the SCHEMA rule. File-dependent
fields (document_id, source, pages) come from manifest.json only.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
from docs2 import DOCS  # noqa: E402

from models.record import SubmissionRecord  # noqa: E402

MARKS = {"〇": "applicable", "○": "applicable", "◯": "applicable", "－": "not_applicable",
         "ー": "not_applicable", "-": "not_applicable", "―": "not_applicable", "": "blank"}


def norm(text: str | None) -> str | None:
    """SCHEMA normalisation: NFKC; whitespace kept (as one space) only between latin letters/digits."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", re.sub(r"\{\{|\}\}", "", text))
    return re.sub(r"\s+", lambda m: " " if _latin_both(text, m) else "", text).strip()


def _latin_both(text: str, m: re.Match) -> bool:
    a = text[m.start() - 1] if m.start() > 0 else ""
    b = text[m.end()] if m.end() < len(text) else ""
    return bool(re.match(r"[A-Za-z0-9]", a) and re.match(r"[A-Za-z0-9]", b))


def split_items(text: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "(（【「"
        depth -= ch in ")）】」"
        if ch == "、" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return out + [cur]


def section_record(doc: dict, idx: int, sheet: dict, pages: list[int], marks_out: list, mark_pages: list) -> dict:
    g = sheet["gold"]
    printed = {}
    for label, value, canon in sheet["rows"]:
        if canon and canon not in printed:
            printed[canon] = norm(value)
    changed = []
    for label, value, canon in sheet["rows"]:
        for span in re.findall(r"\{\{(.+?)\}\}", value):
            if canon not in changed:
                changed.append(canon)
            marks_out.append({"section": idx, "field": canon, "text": norm(span), "page": mark_pages.pop(0)})

    def val(v):
        return printed[v[1:]] if isinstance(v, str) and v.startswith("@") else v

    return {
        "kind": sheet["kind"], "title": norm(sheet["title"]),
        "holding_divisions": g["holding_divisions"], "registered_business": g["registered_business"],
        "data_subjects": g["data_subjects"],
        "data_items": [{"name": n, "qualifier": q} for n, q in g["data_items"]],
        "data_items_ref": g["data_items_ref"], "system": val(g["system"]), "reason": val(g["reason"]),
        "content": val(g["content"]), "counterparty": g["counterparty"],
        "prime_contractor": g.get("prime_contractor"), "connection_method": val(g.get("connection_method")),
        "periods": g["periods"], "recurring": g["recurring"], "schedule": g["schedule"],
        "protection": {k: val(v) for k, v in g["protection"].items()},
        "changed_fields": changed,
        "fields": {norm(label): norm(value) for label, value, _ in sheet["rows"]},
        "pages": pages,
    }


def record_items(doc: dict, marks_out: list, mark_pages: list) -> list[dict]:
    ri = doc.get("record_items")
    if not ri:
        return []
    out = []
    for (_top, _sub, items), group in zip(ri["groups"], ri["gold_groups"]):
        marked = set()
        for span in re.findall(r"\{\{(.+?)\}\}", items):
            marks_out.append({"section": None, "field": "record_items", "text": norm(span), "page": mark_pages.pop(0)})
            marked |= {norm(x) for x in split_items(span)}
        for name in split_items(re.sub(r"\{\{|\}\}", "", items)):
            out.append({"group": group, "name": norm(name), "changed": norm(name) in marked})
    return out


def checklists(doc: dict, pages: list[int]) -> list[dict]:
    out = []
    for cl in doc["checklists"]:
        for party, _label, rws in cl["parts"]:
            for mtype, mark, note, text, key in rws:
                out.append({"checklist": cl["kind"], "party": party, "measure_type": mtype, "measure": norm(text),
                            "measure_key": key, "mark": MARKS[mark], "note": norm(note), "page": pages.pop(0)})
    return out


def overview(doc: dict) -> dict:
    g = doc["gold"]["overview"]
    printed = {canon: norm(value) for _l, value, canon in doc["overview"]}
    return {"business_name": printed.get("business_name"), "divisions": g["divisions"],
            "purpose": printed.get("purpose"), "data_subjects": printed.get("data_subjects"),
            "description": printed.get("description"), "agenda": g["agenda"], "counts": g["counts"]}


def golden(doc: dict, entry: dict) -> dict:
    sub = entry["submissions"][0]
    mark_pages = [m["page"] for m in sub["change_marks"]]
    marks: list = []
    sections = [section_record(doc, i, s, sub["sections"][i], marks, mark_pages) for i, s in enumerate(doc["sheets"])]
    items = record_items(doc, marks, mark_pages)
    assert not mark_pages and [m["text"] for m in marks] == [m["text"] for m in sub["change_marks"]], doc["stem"]
    g = doc["gold"]
    rec = {
        "schema_version": "1", "document_id": entry["sha256"],
        "source": {"file_name": Path(entry["file"]).name, "sha256": entry["sha256"], "page_count": entry["page_count"],
                   "text_source": "ocr" if entry["kind"] == "scanned" else "text_layer",
                   "ocr_pages": entry["ocr_pages"], "pages": sub["pages"]},
        "meeting": None, "council": g["council"], "item_kind": g["item_kind"], "material_no": g["material_no"],
        "title": g["title"], "basis": g["basis"],
        "categories": sorted({s["kind"] for s in doc["sheets"]}),
        "department": g["department"], "overview": overview(doc), "sections": sections,
        "record_items": items, "checklists": checklists(doc, list(sub["checklist_rows"])),
        "prior_approvals": g["prior_approvals"], "change_marks": marks, "references": g["references"],
        "warnings": [],
    }
    return SubmissionRecord.model_validate(rec).model_dump(mode="json")


def main() -> None:
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    by_stem = {d["stem"]: d for d in DOCS}
    out_dir = HERE / "golden"
    out_dir.mkdir(exist_ok=True)
    for entry in manifest["files"]:
        rec = golden(by_stem[entry["spec"][0]], entry)
        path = out_dir / f"{Path(entry['file']).stem}.json"
        path.write_text(json.dumps(rec, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
        print(path.name, file=sys.stderr)


if __name__ == "__main__":
    main()
