"""Write golden/<pdf stem>.json from the hand-typed `gold` values in docs3.py + manifest.json.

Verbatim texts (fields, rows with a `canon` name, purpose, description, checklist measures) are the
printed strings normalised by the SCHEMA rule; everything else is typed by hand in docs3.py.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs3  # noqa: E402


def norm(text):
    """NFKC; whitespace is layout except one space between two half-width latin letters/digits."""
    if text is None:
        return None
    t = unicodedata.normalize("NFKC", text.replace("{{", "").replace("}}", ""))
    t = re.sub(r"(?<=[A-Za-z0-9])[ \u3000\n]+(?=[A-Za-z0-9])", "\x00", t)
    return re.sub(r"\s+", "", t).replace("\x00", " ")


def deep(v):
    if isinstance(v, str):
        return norm(v)
    if isinstance(v, list):
        return [deep(x) for x in v]
    if isinstance(v, dict):
        return {k: deep(x) for k, x in v.items()}
    return v


def section(sh, pages):
    g = sh["gold"]
    fields = {norm(lbl): norm(val) for lbl, val, _c in sh["rows"]}
    canon = {c: norm(val) for _l, val, c in sh["rows"] if c}
    s = {"kind": sh["kind"], "title": norm(sh["title"]), "holding_divisions": g["holding_divisions"],
         "registered_business": canon.get("registered_business"), "data_subjects": g.get("data_subjects"),
         "data_items": [{"name": n, "qualifier": q} for n, q in g.get("data_items", [])],
         "data_items_ref": g.get("data_items_ref"), "system": g.get("system", canon.get("system")),
         "reason": canon.get("reason"), "content": canon.get("content"), "counterparty": g.get("counterparty"),
         "prime_contractor": g.get("prime_contractor"), "connection_method": canon.get("connection_method"),
         "periods": g.get("periods", []), "recurring": g.get("recurring", False), "schedule": g.get("schedule", []),
         "protection": g["protection"], "changed_fields": g.get("changed_fields", []), "fields": fields, "pages": pages}
    return deep(s)


def checklist_rows(doc, pages):
    rows, i = [], 0
    marks = {"○": "applicable", "〇": "applicable", "－": "not_applicable", "": "blank"}
    for cl in doc["checklists"]:
        for _pl, party, types in cl["parties"]:
            for _tl, mtype, ms in types:
                for text, mark, note, key in ms:
                    rows.append({"checklist": cl["checklist"], "party": party, "measure_type": mtype,
                                 "measure": norm(text), "measure_key": key, "mark": marks[mark],
                                 "note": norm(note), "page": pages[i]})
                    i += 1
    return rows


def record_items(doc):
    ri = doc.get("record_items")
    if not ri:
        return []
    return [{"group": g, "name": norm(n), "changed": False} for g, _t, _s, items in ri["groups"] for n in items]


def change_marks(doc, marks):
    out, i = [], 0
    for si, sh in enumerate(doc["sheets"]):
        for f in sh["gold"].get("changed_fields", []):
            out.append({"section": si, "field": f, "text": marks[i]["text"], "page": marks[i]["page"]})
            i += 1
    assert i == len(marks), doc["stem"]
    return out


def record(doc, f):
    sub = f["submissions"][0]
    g = doc["gold"]
    ov = dict(g["overview_extra"])
    rows = {lbl: val for lbl, val in doc["overview"]}
    ov.update({"purpose": rows["目的"], "data_subjects": rows["対象者"], "description": rows["事業内容"]})
    rec = {"schema_version": "1", "document_id": f["sha256"],
           "source": {"file_name": Path(f["file"]).name, "sha256": f["sha256"], "page_count": f["page_count"],
                      "text_source": "ocr" if f["ocr_pages"] else "text_layer", "ocr_pages": f["ocr_pages"],
                      "pages": sub["pages"]},
           "meeting": None, "council": g["council"], "item_kind": g["item_kind"], "material_no": g["material_no"],
           "title": norm(doc["title"]), "basis": g["basis"],
           "categories": sorted({sh["kind"] for sh in doc["sheets"]}), "department": g["department"],
           "overview": {**deep(ov), "agenda": [unicodedata.normalize("NFKC", a) for a in ov["agenda"]]},
           "sections": [section(sh, p) for sh, p in zip(doc["sheets"], sub["sections"])],
           "record_items": record_items(doc), "checklists": checklist_rows(doc, sub["checklist_rows"]),
           "prior_approvals": g["prior_approvals"], "change_marks": change_marks(doc, sub["change_marks"]),
           "references": g["references"], "warnings": []}
    return rec


def main():
    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    docs = {d["stem"]: d for d in docs3.DOCS}
    (HERE / "golden").mkdir(exist_ok=True)
    for f in manifest["files"]:
        rec = record(docs[f["spec"][0]], f)
        out = HERE / "golden" / (Path(f["file"]).stem + ".json")
        out.write_text(json.dumps(rec, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
        print(out.name)


if __name__ == "__main__":
    main()
