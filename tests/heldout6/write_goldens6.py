"""Write tests/heldout6/golden/*.json and manifest.json from docs6.py (content) and the PDFs (file fields).

Content comes only from the hand-written spec in docs6.py: verbatim texts are the printed strings
normalised by the SCHEMA rule (markup6.norm), readings (parties, periods, schedules, data items, agenda,
counts, prior approvals, measure keys) are typed by hand there.  File-dependent fields (document_id,
source, sections[].pages, checklists[].page, change_marks[].page) come from a sequential text search
over the born-digital PDF's whole text; a scan reuses its source's pages, with every page OCR'd.

    cd /work/main && .venv/bin/python tests/heldout6/write_goldens6.py
"""
import hashlib
import json
import re
import sys
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
import docs6  # noqa: E402
from markup6 import marks, norm, segments, squash  # noqa: E402

from models.record import SubmissionRecord  # noqa: E402

MARK = {"〇": "applicable", "○": "applicable", "◯": "applicable", "－": "not_applicable", "-": "not_applicable",
        "": "blank"}
DEFAULT_FIELD = {"data_items": "data_items", "protection_both": "protection", "protection_ward": "protection",
                 "protection_contractor": "protection"}
ROUTES = {"j1": "word-libreoffice", "j2": "excel-calc", "j3": "html-chromium", "j4": "reportlab-platypus"}


class Finder:
    """Sequential search over the squashed text of every page."""

    def __init__(self, pdf):
        with pymupdf.open(pdf) as doc:
            self.pages = [squash(p.get_text()) for p in doc]
        self.starts, off = [], 0
        for t in self.pages:
            self.starts.append(off)
            off += len(t)
        self.text = "".join(self.pages)

    def page_of(self, off):
        return max(i for i, s in enumerate(self.starts) if s <= off) + 1

    def find(self, text, cursor, head=True):
        """(page, start offset of that page) of the first hit at/after the page holding ``cursor``.

        Table text is not always extracted in reading order (LibreOffice Calc prints single-line cells
        before wrapped ones), so the whole squashed text is searched from the start of the cursor's page;
        a shorter head/tail anchor is the fallback when a line break split the text."""
        s = squash(text)
        page_start = self.starts[self.page_of(cursor) - 1]
        anchors = [s] + [s[:n] if head else s[-n:] for n in (14, 10, 7, 5) if n < len(s)]
        for anchor in anchors:
            i = self.text.find(anchor, page_start)
            if i >= 0:
                page = self.page_of(i)
                return page, self.starts[page - 1]
        raise LookupError(f"anchor not found after {cursor}: {s[:30]!r}")


def split_items(text):
    """Split on 、 outside brackets."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "(（【「":
            depth += 1
        elif ch in ")）】」":
            depth -= 1
        if ch == "、" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def party(t):
    if t is None:
        return None
    name, undecided, certs = t
    return {"name": name, "undecided": undecided, "certifications": certs}


def protection(value):
    v = norm(value)
    return "checklist" if v == "別紙チェックリストのとおり" else v


def section(sh, idx, finder, cursor, marks_out):
    c = sh["canon"]
    s = {"kind": sh["kind"], "title": norm(sh["title"]), "holding_divisions": [], "registered_business": None,
         "data_subjects": c.get("data_subjects"),
         "data_items": [{"name": n, "qualifier": q} for n, q in c.get("data_items", [])],
         "data_items_ref": c.get("data_items_ref"), "system": c.get("system"), "reason": None, "content": None,
         "counterparty": party(c.get("counterparty")), "prime_contractor": party(c.get("prime_contractor")),
         "connection_method": None,
         "periods": [{"label": lb, "start": st, "end": en, "approximate": ap, "planned": pl}
                     for lb, st, en, ap, pl in c.get("periods", [])],
         "recurring": c.get("recurring", False),
         "schedule": [{"date": dt, "milestone": ms} for dt, ms in c.get("schedule", [])],
         "protection": {"ward": None, "contractor": None}, "changed_fields": [], "fields": {}, "pages": []}
    first, cursor = finder.find(sh["title"], cursor)
    last = first
    for label, value, remark, tag in sh["rows"]:
        s["fields"][squash(label)] = norm(value) + (norm(remark) if remark else "")
        if tag == "holding_divisions":
            s["holding_divisions"] = norm(value).split("、")
        elif tag in ("registered_business", "reason", "content", "connection_method"):
            s[tag] = norm(value)
        elif tag == "system" and s["system"] is None:
            s["system"] = norm(value)
        elif tag == "protection_both":
            s["protection"] = {"ward": protection(value), "contractor": protection(value)}
        elif tag == "protection_ward":
            s["protection"]["ward"] = protection(value)
        elif tag == "protection_contractor":
            s["protection"]["contractor"] = protection(value)
        row_cursor = cursor
        for override, span in marks(value):
            field = override or DEFAULT_FIELD.get(tag, tag)
            page, row_cursor = finder.find(span, row_cursor)
            marks_out.append({"section": idx, "field": field, "text": norm(span), "page": page})
            if field not in s["changed_fields"]:
                s["changed_fields"].append(field)
        tail = (remark or value.split("\n")[-1])
        page, _ = finder.find(tail, cursor, head=False)
        last = max(last, page)
    s["pages"] = list(range(first, last + 1))
    return s, cursor


def record_items(ri, finder, cursor, marks_out):
    out = []
    _, cursor = finder.find(ri["heading"], cursor)
    for _g1, _g2, path, text in ri["groups"]:
        for seg, marked in segments(text):
            for name in split_items(seg):
                if name.strip():
                    out.append({"group": path, "name": norm(name), "changed": marked})
        row_cursor = cursor
        for _o, span in marks(text):
            page, row_cursor = finder.find(span, row_cursor)
            marks_out.append({"section": None, "field": "record_items", "text": norm(span), "page": page})
    return out, finder.find(ri["groups"][0][3], cursor)[0]


def checklists(cls, finder, cursor):
    rows = []
    for cl in cls:
        _, cursor = finder.find(cl["heading"], cursor)
        for party_, mtype, _plabel, group in cl["groups"]:
            for mark, note, measure, key in group:
                page, cursor = finder.find(measure, cursor)
                rows.append({"checklist": cl["kind"], "party": party_, "measure_type": mtype,
                             "measure": norm(measure), "measure_key": key, "mark": MARK[mark],
                             "note": norm(note)[1:-1] if note else None, "page": page})
    return rows


def golden(d, pdf):
    finder = Finder(pdf)
    g = d["gold"]
    data = pdf.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    ov = {tag: v for _lb, v, tag in d["overview"]}
    change_marks, sections, cursor = [], [], finder.starts[1]
    for i, sh in enumerate(d["sheets"]):
        s, cursor = section(sh, i, finder, cursor, change_marks)
        sections.append(s)
    ri, ri_page = ([], None)
    if d["record_items"]:
        ri, ri_page = record_items(d["record_items"], finder, cursor, change_marks)
    rec = {
        "schema_version": "1", "document_id": sha,
        "source": {"file_name": pdf.name, "sha256": sha, "page_count": len(finder.pages),
                   "text_source": "text_layer", "ocr_pages": [], "pages": [1, len(finder.pages)]},
        "meeting": None, "council": g["council"], "item_kind": g["item_kind"], "material_no": g["material_no"],
        "title": norm(d["cover"]["title"]),
        "basis": {"instrument": g["basis"]["instrument"], "report": g["basis"]["report"],
                  "provisions": [{"article": a, "subject": s} for a, s in g["basis"]["provisions"]]},
        "categories": sorted({sh["kind"] for sh in d["sheets"]}),
        "department": dict(zip(("raw", "bureau", "division"), g["department"])),
        "overview": {"business_name": norm(ov["business_name"]), "divisions": norm(ov["divisions"]).split("、"),
                     "purpose": norm(ov["purpose"]), "data_subjects": norm(ov["data_subjects"]),
                     "description": norm(ov["description"]), "agenda": g["agenda"],
                     "counts": [{"label": lb, "value": v, "approx": ap, "unit": u} for lb, v, ap, u in g["counts"]]},
        "sections": sections, "record_items": ri,
        "checklists": checklists(d["checklists"], finder, cursor),
        "prior_approvals": [{"raw": r, "council": c, "fiscal_year": y, "session": n}
                            for r, c, y, n in g["prior_approvals"]],
        "change_marks": change_marks, "references": g["references"], "warnings": [],
    }
    return SubmissionRecord.model_validate(rec).model_dump(mode="json"), ri_page


def as_scan(rec, pdf):
    data = pdf.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    with pymupdf.open(pdf) as doc:
        n = doc.page_count
    assert n == rec["source"]["page_count"]
    out = json.loads(json.dumps(rec))
    out["document_id"] = sha
    out["source"].update(file_name=pdf.name, sha256=sha, text_source="ocr", ocr_pages=list(range(1, n + 1)))
    return SubmissionRecord.model_validate(out).model_dump(mode="json")


def manifest_entry(stem, spec, rec, kind, route, ri_page):
    return {
        "file": f"pdf/{stem}.pdf", "sha256": rec["document_id"], "page_count": rec["source"]["page_count"],
        "kind": kind, "route": route, "spec": [spec], "ocr_pages": rec["source"]["ocr_pages"], "expected": None,
        "submissions": [{
            "spec": spec, "pages": rec["source"]["pages"], "sections": [s["pages"] for s in rec["sections"]],
            "checklist_rows": [r["page"] for r in rec["checklists"]],
            "change_marks": [{"text": m["text"], "page": m["page"]} for m in rec["change_marks"]],
            "record_items_pages": [ri_page] if ri_page else [], "meeting": None}],
    }


def dump(rec, stem):
    (HERE / "golden" / f"{stem}.json").write_text(
        json.dumps(rec, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")


def main():
    (HERE / "golden").mkdir(exist_ok=True)
    files, recs = [], {}
    for d in docs6.DOCS:
        rec, ri_page = golden(d, HERE / "pdf" / f"{d['stem']}.pdf")
        recs[d["stem"]] = (rec, ri_page)
        dump(rec, d["stem"])
        files.append(manifest_entry(d["stem"], d["stem"], rec, "good", d["route"], ri_page))
    for stem, src, dpi, colour, skew in docs6.SCANNED:
        base, ri_page = recs[src]
        rec = as_scan(base, HERE / "pdf" / f"{stem}.pdf")
        dump(rec, stem)
        route = f"{base_route(src)}+raster-scan-{dpi}dpi-{'colour' if colour else 'grey'}-jpeg"
        files.append(manifest_entry(stem, src, rec, "scanned", route, ri_page))
    (HERE / "manifest.json").write_text(json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=1)
                                        + "\n", encoding="utf-8")
    for f in files:
        sub = f["submissions"][0]
        print(f["file"], f["page_count"], "sections", sub["sections"], "rows", len(sub["checklist_rows"]),
              "marks", [(m["text"][:12], m["page"]) for m in sub["change_marks"]])


def base_route(stem):
    return next(d["route"] for d in docs6.DOCS if d["stem"] == stem)


_ = re  # noqa
if __name__ == "__main__":
    main()
