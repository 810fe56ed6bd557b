"""Write tests/heldout5/golden/<stem>.json from docs5.py (content) + the PDFs (file fields) and
tests/heldout5/manifest.json.

Content comes only from docs5.py: hand-typed `gold` readings, and printed strings normalised by
the SCHEMA rule. Page anchors come from a sequential text search in the born-digital PDFs; a
scan / broken-text-layer copy reuses the anchors of the PDF it was made from.

Run: /work/main/.venv/bin/python tests/heldout5/write_goldens5.py"""
import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
import docs5  # noqa: E402

from models.record import SubmissionRecord  # noqa: E402

MARK = re.compile(r"\{\{(.*?)\}\}", re.S)
MARKS = {"○": "applicable", "〇": "applicable", "◯": "applicable", "－": "not_applicable", "-": "not_applicable",
         "―": "not_applicable", "": "blank"}


def norm(text):
    """SCHEMA rule: NFKC; layout whitespace removed, one space kept between two half-width alnums."""
    if text is None:
        return None
    t = unicodedata.normalize("NFKC", MARK.sub(lambda m: m.group(1), text))
    t = re.sub(r"(?<=[A-Za-z0-9])\s+(?=[A-Za-z0-9])", "\u0000", t)
    t = re.sub(r"\s+", "", t).replace("\u0000", " ")
    return t or None


def flat(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def page_texts(pdf):
    with pymupdf.open(pdf) as doc:
        return [flat(p.get_text()) for p in doc]


def find(pages, needle, start):
    """1-based page of the first occurrence of needle on or after page `start`."""
    key = flat(MARK.sub(lambda m: m.group(1), needle))
    for k in (key, key[:40]):  # whole text first: parallel checklist rows share their opening words
        for i in range(start - 1, len(pages)):
            if k in pages[i]:
                return i + 1
    raise LookupError(f"{key!r} not found from page {start}")


def party(t):
    return None if t is None else {"name": t[0] and norm(t[0]), "undecided": t[1], "certifications": t[2]}


def section_record(sh, anchors):
    g = sh["gold"]
    rows = {norm(lbl): v for lbl, v in sh["rows"]}

    def val(x):
        if isinstance(x, str) and x.startswith("@"):
            return norm(rows[norm(x[1:])])
        return norm(x) if isinstance(x, str) and x != "checklist" else x

    changed = []
    for f, _t in g["marks"]:
        if f not in changed:
            changed.append(f)
    ward, contractor = g.get("protection", (None, None))
    return {
        "kind": sh["kind"], "title": norm(sh["title"]),
        "holding_divisions": g["holding_divisions"], "registered_business": norm(g.get("registered_business")),
        "data_subjects": norm(g.get("data_subjects")),
        "data_items": [{"name": norm(n), "qualifier": norm(q)} for n, q in g.get("data_items", [])],
        "data_items_ref": g.get("data_items_ref"),
        "system": val(g.get("system")), "reason": val(g.get("reason")), "content": val(g.get("content")),
        "counterparty": party(g.get("counterparty")), "prime_contractor": party(g.get("prime_contractor")),
        "connection_method": val(g.get("connection_method")),
        "periods": [{"label": lb, "start": s, "end": e, "approximate": a, "planned": p}
                    for lb, s, e, a, p in g.get("periods", [])],
        "recurring": g.get("recurring", False),
        "schedule": [{"date": d, "milestone": norm(m)} for d, m in g.get("schedule", [])],
        "protection": {"ward": val(ward), "contractor": val(contractor)},
        "changed_fields": changed,
        "fields": {norm(lbl): norm(v) for lbl, v in sh["rows"]},
        "pages": anchors,
    }


def submission_content(doc, pages, first, last):
    """The record of one submission whose pages are first..last of `pages` (page texts)."""
    g = doc["gold"]
    ov = {lbl: v for lbl, v in doc["overview"]}
    cursor = first
    sections, marks = [], []
    for i, sh in enumerate(doc["sheets"]):
        p0 = find(pages, sh["title"], cursor + 1)  # +1: the cover may print the same title
        p1 = find(pages, sh["rows"][-1][1], p0)
        sections.append(section_record(sh, list(range(p0, p1 + 1))))
        for f, t in sh["gold"]["marks"]:
            marks.append({"section": i, "field": f, "text": norm(t), "page": find(pages, t, p0)})
        cursor = p1
    checklists = []
    for cl in doc["checklists"]:
        for _label, mtype, rows in cl["groups"]:
            for mark, note, measure, key in rows:
                p = find(pages, measure, cursor)
                cursor = p
                checklists.append({"checklist": cl["kind"], "party": cl["party"], "measure_type": mtype,
                                   "measure": norm(measure), "measure_key": key, "mark": MARKS[mark],
                                   "note": note, "page": p})
    record_items, ri_pages = [], []
    ri = doc.get("record_items")
    if ri:
        p = find(pages, ri["heading"], first)
        ri_pages = [p]
        for group, names in ri["gold"]:
            for n in names:
                record_items.append({"group": group, "name": norm(n.lstrip("*")), "changed": n.startswith("*")})
        for t in ri["marks"]:
            marks.append({"section": None, "field": "record_items", "text": norm(t), "page": find(pages, t, p)})
    assert cursor <= last, (doc["stem"], cursor, last)
    dep = g["department"]
    return {
        "schema_version": "1", "meeting": None,
        "council": g["council"], "item_kind": g["item_kind"], "material_no": g["material_no"],
        "title": norm(doc["cover"]["title"]),
        "basis": {"instrument": g["basis"]["instrument"], "report": g["basis"]["report"],
                  "provisions": [{"article": a, "subject": s} for a, s in g["basis"]["provisions"]]},
        "categories": sorted({sh["kind"] for sh in doc["sheets"]}),
        "department": {"raw": dep[0], "bureau": dep[1], "division": dep[2]},
        "overview": {
            "business_name": norm(ov["事業名"]), "divisions": g["divisions"], "purpose": norm(ov["目的"]),
            "data_subjects": norm(ov["対象者"]), "description": norm(ov["事業内容"]),
            "agenda": g["agenda"],
            "counts": [{"label": lb, "value": v, "approx": a, "unit": u} for lb, v, a, u in g["counts"]],
        },
        "sections": sections, "record_items": record_items, "checklists": checklists,
        "prior_approvals": [{"raw": r, "council": c, "fiscal_year": y, "session": s}
                            for r, c, y, s in g["prior_approvals"]],
        "change_marks": marks, "references": g["references"], "warnings": [],
    }, ri_pages


def covers(doc_list, pages):
    starts, cursor = [], 1
    for doc in doc_list:
        p = find(pages, doc["cover"]["title"], cursor)
        starts.append(p)
        cursor = p + 1
    ends = [s - 1 for s in starts[1:]] + [len(pages)]
    return list(zip(starts, ends))


def main():
    docs = {d["stem"]: d for d in docs5.DOCS}
    texts = {}
    manifest = {"version": 1, "files": []}
    for f in docs5.FILES:
        pdf = HERE / "pdf" / f"{f['stem']}.pdf"
        data = pdf.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        with pymupdf.open(pdf) as d:
            n = d.page_count
        if f["kind"] == "good":
            texts[f["stem"]] = page_texts(pdf)
        pages = texts[f.get("from", f["stem"])]
        ocr = f["kind"] == "scanned"
        recs, subs = [], []
        for k, ((first, last), stem) in enumerate(zip(covers([docs[s] for s in f["subs"]], pages), f["subs"])):
            rec, ri_pages = submission_content(docs[stem], pages, first, last)
            rec["document_id"] = sha if k == 0 else f"{sha}#{k + 1}"
            rec["source"] = {"file_name": pdf.name, "sha256": sha, "page_count": n,
                             "text_source": "ocr" if ocr else "text_layer",
                             "ocr_pages": list(range(1, n + 1)) if ocr else [], "pages": [first, last]}
            SubmissionRecord.model_validate(rec)
            recs.append(rec)
            subs.append({"spec": stem, "pages": [first, last], "sections": [s["pages"] for s in rec["sections"]],
                         "checklist_rows": [r["page"] for r in rec["checklists"]],
                         "change_marks": [{"text": m["text"], "page": m["page"]} for m in rec["change_marks"]],
                         "record_items_pages": ri_pages, "meeting": None})
        out = recs[0] if len(recs) == 1 else recs
        (HERE / "golden" / f"{f['stem']}.json").write_text(
            json.dumps(out, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
        manifest["files"].append({"file": f"pdf/{pdf.name}", "sha256": sha, "page_count": n, "kind": f["kind"],
                                  "route": f["route"], "spec": f["subs"],
                                  "ocr_pages": list(range(1, n + 1)) if ocr else [], "expected": None,
                                  "submissions": subs})
        print(pdf.name, [s["pages"] for s in subs])
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
