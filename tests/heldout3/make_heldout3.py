"""Build tests/heldout3: pdf/*.pdf and manifest.json from docs3.py (deterministic bytes).

    .venv/bin/python tests/heldout3/make_heldout3.py
"""
import hashlib
import io
import json
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import numpy as np
import pikepdf
import pymupdf as fitz
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs3  # noqa: E402
import render_html  # noqa: E402
import render_rl  # noqa: E402

PDF = HERE / "pdf"
CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer"]


def norm(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text.replace("{{", "").replace("}}", "")))


def clean_pdf(path):
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.save(path, deterministic_id=True, compress_streams=True)


def print_html(doc, out):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{doc['stem']}.html"
        src.write_text(render_html.render(doc), encoding="utf-8")
        cmd = CHROMIUM + [f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", f"file://{src}"]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def scan(src, out, seed):
    rnd = random.Random(seed)
    nrng = np.random.default_rng(int(hashlib.sha256(seed.encode()).hexdigest()[:8], 16))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(src), f"{tmp}/p"], check=True)
        pages = []
        for png in sorted(Path(tmp).glob("p-*.png")):
            im = Image.open(png).convert("L")
            angle = rnd.choice([-1, 1]) * rnd.uniform(0.5, 0.9)
            im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            arr = np.asarray(im, dtype=np.float32)
            arr = arr + nrng.normal(0, 8, arr.shape)
            specks = nrng.random(arr.shape) < 0.0004
            arr[specks] = 40
            im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.4))
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=60)
            pages.append(Image.open(io.BytesIO(buf.getvalue())))
        pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=200)
    clean_pdf(out)


class Cursor:
    """Sequential search through the normalised text of the pages, in document order."""

    def __init__(self, path):
        with fitz.open(path) as d:
            self.pages = [norm(p.get_text()) for p in d]
        self.page, self.pos = 0, 0

    def find(self, text, advance=True):
        key = norm(text)[:30]
        for p in range(self.page, len(self.pages)):
            i = self.pages[p].find(key, self.pos if p == self.page else 0)
            if i >= 0:
                if advance:
                    self.page, self.pos = p, i + len(key)
                return p + 1
        raise LookupError(f"anchor not found: {text[:40]}")


def anchors(doc, path):
    cur = Cursor(path)
    cur.find(doc["overview"][-1][1])  # sheets follow the overview (a sheet may repeat the cover's 件名)
    sections = []
    for sh in doc["sheets"]:
        first = cur.find(sh["title"])
        last = cur.find(sh["rows"][-1][1])
        sections.append(list(range(first, last + 1)))
    cur2 = Cursor(path)
    cur2.find(doc["overview"][-1][1])
    marks = []
    for sh in doc["sheets"]:
        cur2.find(sh["title"])
        for _l, val, _c in sh["rows"]:
            for m in re.findall(r"\{\{(.+?)\}\}", val):
                marks.append({"text": norm(m), "page": cur2.find(m)})
    ri_pages = []
    if doc.get("record_items"):
        c3 = Cursor(path)
        first = c3.find(doc["record_items"]["heading"])
        last = c3.find(doc["record_items"]["groups"][-1][3][-1])
        ri_pages = list(range(first, last + 1))
    rows = []
    for cl in doc["checklists"]:
        cur.find(cl["heading"])
        for _pl, _p, types in cl["parties"]:
            for _tl, _k, ms in types:
                rows.extend(cur.find(m[0]) for m in ms)
    return sections, marks, ri_pages, rows


def entry(doc, path, kind, route, ocr):
    data = path.read_bytes()
    with fitz.open(path) as d:
        n = d.page_count
    return {"file": f"pdf/{path.name}", "sha256": hashlib.sha256(data).hexdigest(), "page_count": n,
            "kind": kind, "route": route, "spec": [doc["stem"]], "ocr_pages": list(range(1, n + 1)) if ocr else [],
            "expected": None}


def main():
    PDF.mkdir(exist_ok=True)
    files = []
    for doc in docs3.DOCS:
        out = PDF / f"{doc['stem']}.pdf"
        if doc["route"] == "html-chromium":
            print_html(doc, out)
        else:
            render_rl.render(doc, str(out))
        clean_pdf(out)
        sections, marks, ri_pages, rows = anchors(doc, out)
        with fitz.open(out) as d:
            n = d.page_count
        sub = {"spec": doc["stem"], "pages": [1, n], "sections": sections, "checklist_rows": rows,
               "change_marks": marks, "record_items_pages": ri_pages, "meeting": None}
        e = entry(doc, out, "good", doc["route"], False)
        e["submissions"] = [sub]
        files.append(e)
        if doc["stem"] in docs3.SCANNED:
            sout = PDF / f"{doc['stem']}_scan.pdf"
            scan(out, sout, seed=doc["stem"])
            se = entry(doc, sout, "scanned", doc["route"] + "+raster-scan", True)
            se["submissions"] = [dict(sub)]
            files.append(se)
    manifest = {"version": 1, "files": files}
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for f in files:
        print(f["file"], f["page_count"], f["sha256"][:12])


if __name__ == "__main__":
    main()
