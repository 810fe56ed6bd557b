"""Write golden/<pdf stem>.json from docs4.py (content + hand-typed `gold` readings) and manifest.json
(file-dependent fields only: sha256, page counts, section / checklist / change-mark pages).

Verbatim texts (fields, rows with a canonical name, purpose, description, protection given as `@label`,
checklist measures) are the printed strings normalised by the SCHEMA rule, Word's automatic numbers
(`1.`, `(1)`) included as the PDF prints them; everything else is typed by hand in docs4.py.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs4  # noqa: E402

MARKS = {"○": "applicable", "〇": "applicable", "－": "not_applicable", "": "blank"}


def norm(text):
    """NFKC; whitespace is layout except one space between two half-width latin letters/digits."""
    if text is None:
        return None
    t = unicodedata.normalize("NFKC", text.replace("{{", "").replace("}}", ""))
    t = re.sub(r"(?<=[A-Za-z0-9])[ \u3000\n\t]+(?=[A-Za-z0-9])", "\x00", t)
    return re.sub(r"\s+", "", t).replace("\x00", " ")


def cell_text(paras):
    """The cell as printed: paragraphs on their own lines, Word auto-numbers rendered."""
    counters, lines = {}, []
    for p in paras:
        if isinstance(p, tuple):
            kind, text = p
            counters[kind] = counters.get(kind, 0) + 1
            n = counters[kind]
            lines.append((f"{n}." if kind == "N1" else f"({n})") + " " + text)
        else:
            lines.append(p)
    return "\n".join(lines)


def resolve(value, rows):
    if isinstance(value, str) and value.startswith("@"):
        return norm(cell_text(rows[value[1:]]))
    return value


def protection(spec, rows):
    if isinstance(spec, str) and spec.endswith("|both"):
        v = resolve(spec[:-5], rows)
        return {"ward": v, "contractor": v}
    return {k: resolve(v, rows) for k, v in spec.items()}


def section(sh, pages):
    g = sh["gold"]
    rows = {lbl: val for lbl, val, _c in sh["rows"]}
    canon = {c: norm(cell_text(val)) for _l, val, c in sh["rows"] if c}
    return {"kind": sh["kind"], "title": norm(sh["title"]), "holding_divisions": g["holding_divisions"],
            "registered_business": canon.get("registered_business"), "data_subjects": g.get("data_subjects"),
            "data_items": [{"name": n, "qualifier": q} for n, q in g.get("data_items", [])],
            "data_items_ref": g.get("data_items_ref"), "system": g.get("system", canon.get("system")),
            "reason": canon.get("reason"), "content": canon.get("content"), "counterparty": g.get("counterparty"),
            "prime_contractor": g.get("prime_contractor"), "connection_method": canon.get("connection_method"),
            "periods": g.get("periods", []), "recurring": g.get("recurring", False), "schedule": g.get("schedule", []),
            "protection": protection(g["protection"], rows), "changed_fields": g.get("changed_fields", []),
            "fields": {norm(lbl): norm(cell_text(val)) for lbl, val, _c in sh["rows"]}, "pages": pages}


def checklist_rows(doc, pages):
    rows = []
    for cl in doc["checklists"]:
        for _pl, party, types in cl["parties"]:
            for _tl, mtype, ms in types:
                for text, mark, note, key in ms:
                    rows.append({"checklist": cl["checklist"], "party": party, "measure_type": mtype,
                                 "measure": norm(text), "measure_key": key, "mark": MARKS[mark],
                                 "note": norm(note)[1:-1] if note else None, "page": pages[len(rows)]})
    return rows


def split_items(text):
    """Split on 、 outside brackets; {{...}} marks an item as changed."""
    items, depth, cur = [], 0, ""
    for ch in text:
        depth += ch in "(（" and 1 or 0
        depth -= ch in ")）" and 1 or 0
        if ch == "、" and depth == 0:
            items.append(cur)
            cur = ""
        else:
            cur += ch
    items.append(cur)
    out, marked = [], False
    for it in items:
        starts, ends = "{{" in it, "}}" in it
        changed = marked or starts
        marked = (marked or starts) and not ends
        out.append((norm(it), changed))
    return out


def record_items(doc):
    ri = doc["record_items"]
    if not ri:
        return []
    gmap = doc["gold"]["record_groups"]
    out = []
    for g1, g2, items in ri["groups"]:
        group = [gmap[g1]] + ([gmap[g2]] if g2 else [])
        out += [{"group": group, "name": n, "changed": c} for n, c in split_items(items)]
    return out


def record(doc, f):
    sub = f["submissions"][0]
    g = doc["gold"]
    ov = {lbl: val for lbl, val in doc["overview"]}
    marks = [{"section": s, "field": fld, "text": text, "page": m["page"]}
             for (s, fld, text), m in zip(g["change_marks"], sub["change_marks"], strict=True)]
    return {"schema_version": "1", "document_id": f["sha256"],
            "source": {"file_name": Path(f["file"]).name, "sha256": f["sha256"], "page_count": f["page_count"],
                       "text_source": "ocr" if f["ocr_pages"] else "text_layer", "ocr_pages": f["ocr_pages"],
                       "pages": sub["pages"]},
            "meeting": None, "council": g["council"], "item_kind": g["item_kind"], "material_no": g["material_no"],
            "title": norm(doc["title"]), "basis": g["basis"],
            "categories": sorted({sh["kind"] for sh in doc["sheets"]}), "department": g["department"],
            "overview": {"business_name": g["business_name"], "divisions": g["divisions"],
                         "purpose": norm(cell_text(ov["目的"])), "data_subjects": g["data_subjects"],
                         "description": norm(cell_text(ov["事業内容"])),
                         "agenda": [unicodedata.normalize("NFKC", a) for a in g["agenda"]], "counts": g["counts"]},
            "sections": [section(sh, p) for sh, p in zip(doc["sheets"], sub["sections"], strict=True)],
            "record_items": record_items(doc), "checklists": checklist_rows(doc, sub["checklist_rows"]),
            "prior_approvals": g["prior_approvals"], "change_marks": marks,
            "references": g["references"], "warnings": []}


def main():
    from models.record import SubmissionRecord

    manifest = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
    docs = {d["stem"]: d for d in docs4.DOCS}
    (HERE / "golden").mkdir(exist_ok=True)
    for f in manifest["files"]:
        rec = record(docs[f["spec"][0]], f)
        SubmissionRecord.model_validate(rec)
        out = HERE / "golden" / (Path(f["file"]).stem + ".json")
        out.write_text(json.dumps(rec, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
        print(out.name)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    main()
