"""Write golden/<stem>.json and manifest.json for the seventh held-out corpus.

Content comes from docs7.py (the spec the PDFs were rendered from, hand-typed readings);
only file-dependent fields (sha256, page counts, section / checklist / change-mark pages) are
read from the PDFs, by searching each item's text (NFKC, whitespace removed) page by page.
Run: /work/main/.venv/bin/python tests/heldout7/write_goldens7.py
"""
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
import docs7  # noqa: E402

from models.record import SubmissionRecord  # noqa: E402

MARKS = {"○": "applicable", "〇": "applicable", "－": "not_applicable", "": "blank"}


def plain(text):
    return text.replace("⟦", "").replace("⟧", "")


def norm(text):
    """SCHEMA normalisation: NFKC; a whitespace run survives as one space only between latin/digits."""
    t = unicodedata.normalize("NFKC", plain(text))
    return re.sub(r"\s+", lambda m: " " if re.match(r"[A-Za-z0-9]", t[m.start() - 1:m.start()] or "-")
                  and re.match(r"[A-Za-z0-9]", t[m.end():m.end() + 1] or "-") else "", t).strip()


def squash(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", plain(text)))


class Pages:
    def __init__(self, path):
        self.data = path.read_bytes()
        with pymupdf.open(stream=self.data, filetype="pdf") as doc:
            self.texts = [squash(p.get_text()) for p in doc]

    def find(self, text, start=1):
        key = squash(text)
        for n in range(start, len(self.texts) + 1):
            if key in self.texts[n - 1]:
                return n
        raise AssertionError(f"not found from page {start}: {text[:40]}")


def party(spec):
    if spec is None:
        return None
    name, undecided, certs = spec
    return {"name": name, "undecided": undecided, "certifications": certs}


def items(spec):
    return [{"name": x, "qualifier": None} if isinstance(x, str) else {"name": x[0], "qualifier": x[1]} for x in spec]


def section(sh, pages):
    g, rows = sh["gold"], dict(sh["rows"])
    val = lambda v: norm(rows[v[1:]]) if isinstance(v, str) and v.startswith("@") else v  # noqa: E731
    start = pages.find(sh["title"], 2)
    last = squash(sh["rows"][-1][1])
    end = pages.find(last[-12:], start)
    changed = []
    for field, _ in g["marks"]:
        if field not in changed:
            changed.append(field)
    return {
        "kind": sh["kind"], "title": g["title"], "holding_divisions": g["holding_divisions"],
        "registered_business": g["registered_business"], "data_subjects": g.get("data_subjects"),
        "data_items": items(g.get("data_items", [])), "data_items_ref": g.get("data_items_ref"),
        "system": g.get("system"), "reason": val(g.get("reason")), "content": val(g.get("content")),
        "counterparty": party(g.get("counterparty")), "prime_contractor": party(g.get("prime_contractor")),
        "connection_method": val(g.get("connection_method")),
        "periods": [{"label": a, "start": b, "end": c, "approximate": d, "planned": e}
                    for a, b, c, d, e in g.get("periods", [])],
        "recurring": g.get("recurring", False),
        "schedule": [{"date": a, "milestone": b} for a, b in g.get("schedule", [])],
        "protection": {"ward": val(g["protection"][0]), "contractor": val(g["protection"][1])},
        "changed_fields": changed,
        "fields": {squash(k): norm(v) for k, v in sh["rows"]},
        "pages": list(range(start, end + 1)),
    }


def record(d, pdf, scanned=False):
    pages = Pages(pdf)
    g = d["gold"]
    ov = dict(d["overview"])
    sections = [section(sh, pages) for sh in d["sheets"]]
    marks = []
    for k, sh in enumerate(d["sheets"]):
        for field, text in sh["gold"]["marks"]:
            marks.append({"section": k, "field": field, "text": text,
                          "page": pages.find(text, sections[k]["pages"][0])})
    rec_items = []
    ri = d["record_items"]
    if ri:
        marked = set()
        for g1, g2, names in ri["groups"]:
            inside = False
            for n in names:
                inside = inside or n.startswith("⟦")
                if inside:
                    marked.add(plain(n))
                inside = inside and not n.endswith("⟧")
        for grp, (g1, g2, names) in zip(g["record_groups"], ri["groups"]):
            rec_items += [{"group": grp, "name": norm(n), "changed": plain(n) in marked} for n in names]
        marks.append({"section": None, "field": "record_items", "text": g["record_mark"],
                      "page": pages.find(g["record_mark"], pages.find(ri["heading"], 2))})
    checklists, at = [], 2
    for kind, _label, rows in d["checklists"]:
        for r in rows:
            at = pages.find(r["measure"][:16], at)
            checklists.append({"checklist": kind, "party": r["party"], "measure_type": r["type"],
                               "measure": norm(r["measure"]), "measure_key": r["key"],
                               "mark": MARKS[r["mark"]], "note": r["note"], "page": at})
    sha = hashlib.sha256(pages.data).hexdigest()
    n = len(pages.texts)
    rec = {
        "schema_version": "1", "document_id": sha,
        "source": {"file_name": pdf.name, "sha256": sha, "page_count": n,
                   "text_source": "ocr" if scanned else "text_layer",
                   "ocr_pages": list(range(1, n + 1)) if scanned else [], "pages": [1, n]},
        "meeting": None, "council": g["council"], "item_kind": g["item_kind"], "material_no": g["material_no"],
        "title": norm(d["title"]), "basis": g["basis"],
        "categories": sorted({s["kind"] for s in d["sheets"]}), "department": g["department"],
        "overview": {"business_name": norm(ov["事業名"]), "divisions": norm(ov["担当課"]).split("、"),
                     "purpose": norm(ov["目的"]), "data_subjects": norm(ov["対象者"]),
                     "description": norm(ov["事業内容"]), "agenda": g["agenda"],
                     "counts": [{"label": a, "value": b, "approx": True, "unit": c} for a, b, c in g["counts"]]},
        "sections": sections, "record_items": rec_items, "checklists": checklists,
        "prior_approvals": [{"raw": a, "council": b, "fiscal_year": c, "session": e} for a, b, c, e in g["prior"]],
        "change_marks": marks, "references": g["references"], "warnings": [],
    }
    SubmissionRecord.model_validate(rec)
    return rec


def manifest_entry(d, stem, rec, scanned):
    return {
        "file": f"pdf/{stem}.pdf", "sha256": rec["source"]["sha256"], "page_count": rec["source"]["page_count"],
        "kind": "scanned" if scanned else "good", "route": ("scan-of-" if scanned else "") + d["route"],
        "spec": [d["stem"]], "ocr_pages": rec["source"]["ocr_pages"], "expected": None,
        "submissions": [{"spec": d["stem"], "pages": rec["source"]["pages"],
                         "sections": [s["pages"] for s in rec["sections"]],
                         "checklist_rows": [r["page"] for r in rec["checklists"]],
                         "change_marks": [{"text": m["text"], "page": m["page"]} for m in rec["change_marks"]],
                         "record_items_pages": sorted({m["page"] for m in rec["change_marks"]
                                                       if m["field"] == "record_items"}),
                         "meeting": None}],
    }


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def main():
    files = []
    by_stem = {d["stem"]: d for d in docs7.DOCS}
    jobs = [(d, d["stem"], False) for d in docs7.DOCS] + [(by_stem[b], s, True) for s, b in docs7.SCANNED.items()]
    base = {}
    for d, stem, scanned in jobs:
        pdf = HERE / "pdf" / f"{stem}.pdf"
        if scanned:  # file fields of the scan; content and page anchors of its born-digital twin
            rec = json.loads(json.dumps(base[d["stem"]]))
            data = pdf.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                n = doc.page_count
            assert n == rec["source"]["page_count"]
            rec["document_id"] = sha
            rec["source"].update(file_name=pdf.name, sha256=sha, text_source="ocr", ocr_pages=list(range(1, n + 1)))
            SubmissionRecord.model_validate(rec)
        else:
            rec = record(d, pdf)
            base[stem] = rec
        (HERE / "golden" / f"{stem}.json").write_text(dump(rec), encoding="utf-8")
        files.append(manifest_entry(d, stem, rec, scanned))
    (HERE / "manifest.json").write_text(dump({"version": 1, "files": files}), encoding="utf-8")


if __name__ == "__main__":
    main()
