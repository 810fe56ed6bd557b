"""Write golden/<stem>.json and manifest.json for the eleventh held-out corpus.

Content comes from docs11.py (the spec the PDFs were rendered from, and the hand-typed readings);
only file-dependent fields (sha256, page counts, submission / section / checklist / change-mark pages)
are read from the born-digital PDFs, by searching each item's text (NFKC, whitespace removed) with a
cursor that moves through the concatenated page texts in document order. Every golden string that is
a piece of the document (names, items, labels, provisions, references …) is checked to be printed.
A page drawn as glyph outlines (docs11.OUTLINED_PAGE: no text layer, the pipeline must OCR it) is
searched in the text the spec prints on it instead (`outlined_text`); that document is `mixed` with
`ocr_pages` = that page. A scan's golden is its twin's with the scan's own file fields.
Run: /work/main/.venv/bin/python tests/heldout11/write_goldens11.py
"""
import bisect
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
import docs11  # noqa: E402

from models.record import SubmissionRecord  # noqa: E402

MARKS = {"○": "applicable", "〇": "applicable", "◯": "applicable",
         "－": "not_applicable", "―": "not_applicable", "-": "not_applicable", "": "blank"}


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
    def __init__(self, path, outlined=None):
        self.data = path.read_bytes()
        with pymupdf.open(stream=self.data, filetype="pdf") as doc:
            texts = [squash(p.get_text()) for p in doc]
        for page, text in (outlined or {}).items():
            assert not texts[page - 1], f"page {page} of {path.name} has a text layer"
            texts[page - 1] = squash(text)
        self.count = len(texts)
        self.text = "".join(texts)
        self.starts = []
        at = 0
        for t in texts:
            self.starts.append(at)
            at += len(t)

    def page_of(self, pos):
        return bisect.bisect_right(self.starts, pos)

    def find(self, text, pos):
        """(page, position after the match) of the first occurrence of text at or after pos; a value
        that runs over a page foot ("- n -") is found line by line."""
        key = squash(text)
        k = self.text.find(key, pos)
        if k >= 0:
            return self.page_of(k), k + len(key)
        if "\n" not in text:
            raise AssertionError(f"not found after {pos} (page {self.page_of(pos)}): {text[:40]}")
        page, end = None, pos
        for piece in [p for p in text.split("\n") if squash(p)]:
            page, end = self.find(piece, end)
        if page is None:
            raise AssertionError(f"not found after {pos}: {text[:40]}")
        return page, end

    def page_start(self, page):
        return self.starts[page - 1]

    def printed(self, text):
        assert squash(text) in self.text, f"golden string not printed: {text}"


def party(spec):
    if spec is None:
        return None
    name, undecided, certs = spec
    return {"name": name, "undecided": undecided, "certifications": certs}


def items(spec):
    return [{"name": x, "qualifier": None} if isinstance(x, str) else {"name": x[0], "qualifier": x[1]} for x in spec]


def section(sh, pages, pos):
    g, rows = sh["gold"], dict(sh["rows"])
    val = lambda v: norm(rows[v[1:]]) if isinstance(v, str) and v.startswith("@") else v  # noqa: E731
    start, pos = pages.find(sh["title"], pos)
    title_pos = pos
    end = start
    for label, value in sh["rows"]:
        _, pos = pages.find(label, pos)
        page, pos = pages.find(value, pos)
        end = max(end, page)
    changed = []
    for field, _ in g["marks"]:
        if field not in changed:
            changed.append(field)
    marks, mpos = [], title_pos
    for field, text in g["marks"]:
        page, mpos = pages.find(text, mpos)
        marks.append((field, norm(text), page))
    sec = {
        "kind": sh["kind"], "title": norm(sh["title"]), "holding_divisions": g["holding_divisions"],
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
    # every reading that quotes the document must be printed in it
    for s in [sec["registered_business"], sec["data_subjects"], sec["data_items_ref"], sec["system"],
              *sec["holding_divisions"], *[m for it in sec["data_items"] for m in it.values() if m],
              *[p["name"] for p in (sec["counterparty"], sec["prime_contractor"]) if p and p["name"]],
              *[p["label"] for p in sec["periods"] if p["label"]], *[e["milestone"] for e in sec["schedule"]]]:
        if s:
            pages.printed(s)
    return sec, marks, pos


def submission(sub, pages, pos, meeting):
    """One record's content with its page anchors; pos is the cursor at the submission's cover."""
    g = sub["gold"]
    first, pos = pages.find(sub["material"], pos)  # every cover prints its material number first
    for s in (sub["heading"], sub["title"], *sub["basis_lines"], sub["dept_line"]):
        _, pos = pages.find(s, pos)
    ov = {key: val for key, _label, val in sub["overview_rows"]}
    for _key, label, value in sub["overview_rows"]:
        _, pos = pages.find(label, pos)
        _, pos = pages.find(value, pos)
    sections, marks = [], []
    for k, sh in enumerate(sub["sheets"]):
        sec, sec_marks, pos = section(sh, pages, pos)
        sections.append(sec)
        marks += [{"section": k, "field": f, "text": t, "page": p} for f, t, p in sec_marks]
    checklists = []
    last = pages.page_of(pos - 1)
    for kind, heading, _sub, _hint, groups in sub["checklists"]:
        _, pos = pages.find(heading, pos)
        for _party_label, _type_label, rows in groups:
            for r in rows:
                page, pos = pages.find(r["measure"], pos)
                last = max(last, page)
                if r["note"]:
                    pages.printed(r["note"])
                checklists.append({"checklist": kind, "party": r["party"], "measure_type": r["type"],
                                   "measure": norm(r["measure"]), "measure_key": r["key"],
                                   "mark": MARKS[r["mark"]], "note": r["note"], "page": page})
    for s in [g["council"], g["material_no"], g["department"]["raw"], *g["agenda"], *g["references"],
              *[p[0] for p in g["prior"]], *[c[0] for c in g["counts"]], *[f"{c[1]:,}{c[3]}" for c in g["counts"]],
              *[p["article"] for p in g["basis"]["provisions"]], *[p["subject"] for p in g["basis"]["provisions"]],
              sub["title"]]:
        pages.printed(s)
    rec = {
        "schema_version": "1", "document_id": None,
        "source": {"file_name": None, "sha256": None, "page_count": pages.count, "text_source": "text_layer",
                   "ocr_pages": [], "pages": [first, last]},
        "meeting": meeting, "council": g["council"], "item_kind": g["item_kind"], "material_no": g["material_no"],
        "title": norm(sub["title"]), "basis": g["basis"],
        "categories": sorted({s["kind"] for s in sub["sheets"]}), "department": g["department"],
        "overview": {"business_name": norm(ov["事業名"]), "divisions": norm(ov["担当課"]).split("、"),
                     "purpose": norm(ov["目的"]), "data_subjects": norm(ov["対象者"]),
                     "description": norm(ov["事業内容"]), "agenda": g["agenda"],
                     "counts": [{"label": a, "value": b, "approx": c, "unit": u} for a, b, c, u in g["counts"]]},
        "sections": sections, "record_items": [], "checklists": checklists,
        "prior_approvals": [{"raw": a, "council": b, "fiscal_year": c, "session": e} for a, b, c, e in g["prior"]],
        "change_marks": marks, "references": g["references"], "warnings": [],
    }
    return rec, pos


def outlined_text(d):
    """What the outlined page prints, in reading order (m3 page 5: the 市 side of the 業務委託 checklist)."""
    page = docs11.OUTLINED_PAGE.get(d["stem"])
    if page is None:
        return {}
    _kind, heading, subh, hint, groups = d["subs"][0]["checklists"][0]
    parts = [heading, subh, hint, "情報保護対策"]
    for party_label, type_label, rows in groups:
        if rows[0]["party"] != "ward":
            continue
        parts += [party_label, type_label]
        for r in rows:
            parts += [r["mark"], f"（{r['note']}）" if r["note"] else "", r["measure"]]
    return {page: "".join(parts) + f"-{page}-"}


def records(d, pdf):
    outlined = outlined_text(d)
    pages = Pages(pdf, outlined)
    sha = hashlib.sha256(pages.data).hexdigest()
    pos = 0
    recs = []
    for k, sub in enumerate(d["subs"]):
        rec, pos = submission(sub, pages, pos, d["meeting"])
        rec["document_id"] = sha if k == 0 else f"{sha}#{k + 1}"
        rec["source"].update(file_name=pdf.name, sha256=sha)
        if outlined:
            rec["source"].update(text_source="mixed", ocr_pages=sorted(outlined))
        recs.append(rec)
    for a, b in zip(recs, recs[1:]):  # a submission runs to the page before the next one's cover
        a["source"]["pages"][1] = b["source"]["pages"][0] - 1
    recs[-1]["source"]["pages"][1] = pages.count
    for rec in recs:
        SubmissionRecord.model_validate(rec)
    return recs


def manifest_entry(d, stem, recs, scanned):
    src = recs[0]["source"]
    return {
        "file": f"pdf/{stem}.pdf", "sha256": src["sha256"], "page_count": src["page_count"],
        "kind": "scanned" if scanned else "good", "route": ("scan-of-" if scanned else "") + d["route"],
        "spec": [s["stem"] for s in d["subs"]], "ocr_pages": src["ocr_pages"], "expected": None,
        "submissions": [{"spec": s["stem"], "pages": r["source"]["pages"],
                         "sections": [x["pages"] for x in r["sections"]],
                         "checklist_rows": [x["page"] for x in r["checklists"]],
                         "change_marks": [{"text": m["text"], "page": m["page"]} for m in r["change_marks"]],
                         "record_items_pages": [],
                         "meeting": r["meeting"]} for s, r in zip(d["subs"], recs, strict=True)],
    }


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def main():
    files = []
    by_stem = {d["stem"]: d for d in docs11.DOCS}
    jobs = [(d, d["stem"], False) for d in docs11.DOCS] + [(by_stem[b], s, True) for s, b in docs11.SCANNED.items()]
    base = {}
    (HERE / "golden").mkdir(exist_ok=True)
    for d, stem, scanned in jobs:
        pdf = HERE / "pdf" / f"{stem}.pdf"
        if scanned:  # file fields of the scan; content and page anchors of its born-digital twin
            recs = json.loads(json.dumps(base[d["stem"]]))
            data = pdf.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                n = doc.page_count
                assert not "".join(p.get_text() for p in doc).strip(), f"{stem} has a text layer"
            for k, rec in enumerate(recs):
                assert n == rec["source"]["page_count"]
                rec["document_id"] = sha if k == 0 else f"{sha}#{k + 1}"
                rec["source"].update(file_name=pdf.name, sha256=sha, text_source="ocr",
                                     ocr_pages=list(range(1, n + 1)))
                SubmissionRecord.model_validate(rec)
        else:
            recs = records(d, pdf)
            base[stem] = recs
        out = recs if len(recs) > 1 else recs[0]
        (HERE / "golden" / f"{stem}.json").write_text(dump(out), encoding="utf-8")
        files.append(manifest_entry(d, stem, recs, scanned))
    (HERE / "manifest.json").write_text(dump({"version": 1, "files": files}), encoding="utf-8")


if __name__ == "__main__":
    main()
