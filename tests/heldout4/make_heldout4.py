"""Regenerate tests/heldout4/pdf/*.pdf and manifest.json (run with /work/main/.venv/bin/python).

Route: docs4.py -> build_docx4.py (python-docx, /work/toolsvenv) -> .docx -> `soffice --headless
--convert-to pdf` (LibreOffice Writer) -> pikepdf (deterministic id, no Info/XMP) -> pdf/<stem>.pdf.
Scan: pdftoppm 300 dpi grey -> uneven darker background + noise -> rotate ~0.8 deg -> fixed threshold to
1 bit ("scanner auto mode") -> Pillow image-only PDF. Page anchors for the manifest come from a sequential
search of the born-digital text layer (pymupdf), in document order; the scan reuses them.
"""
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pikepdf
import pymupdf
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs4  # noqa: E402
from write_goldens4 import cell_text, norm  # noqa: E402

TOOLS_PY = "/work/toolsvenv/bin/python"


def finalize(src, dst):
    with pikepdf.open(src) as pdf:
        for key in ("/Info", "/DocChecksum", "/ID"):  # Writer's checksum and /ID change on every export
            if key in pdf.trailer:
                del pdf.trailer[key]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.save(dst, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)


def scan(src, dst, seed=4):
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", str(src), f"{tmp}/p"], check=True)
        pages = []
        for i, png in enumerate(sorted(Path(tmp).glob("p-*.png"))):
            g = np.asarray(Image.open(png).convert("L"), dtype=np.float32)
            h, w = g.shape
            yy, xx = np.mgrid[0:h, 0:w]
            shade = 22 + 18 * (xx / w) + 10 * np.sin(yy / h * 3.1)  # darker towards the right / middle
            g = g - shade * (g > 128) + rng.normal(0, 11, g.shape)
            img = Image.fromarray(np.clip(g, 0, 255).astype(np.uint8))
            angle = (0.8, -0.6, 1.1, -0.9)[i % 4]
            img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=200)
            bw = img.point(lambda v: 255 if v > 150 else 0).convert("1")
            pages.append(bw)
        pages[0].save(f"{tmp}/scan.pdf", save_all=True, append_images=pages[1:], resolution=300.0)
        finalize(f"{tmp}/scan.pdf", dst)  # Pillow writes the creation time into Info


def page_texts(path):
    with pymupdf.open(path) as doc:
        return [norm(p.get_text()) for p in doc]


def find(texts, needle, start):
    n = norm(needle)
    for i in range(start - 1, len(texts)):
        if n in texts[i]:
            return i + 1
    raise SystemExit(f"anchor not found from page {start}: {needle!r}")


def anchors(d, texts):
    sections, p = [], 2  # sheets follow the cover (k3 repeats the cover title on its sheet)
    for s in d["sheets"]:
        first = find(texts, s["title"], p)
        last_row = s["rows"][-1]
        last = find(texts, cell_text(last_row[1])[-12:], first)
        sections.append([first] if first == last else [first, last])
        p = last
    rows = []
    for cl in d["checklists"]:
        p = find(texts, cl["heading"], p)
        for _pl, _party, types in cl["parties"]:
            for _tl, _mt, ms in types:
                for text, *_ in ms:
                    p = find(texts, text[:18], p)
                    rows.append(p)
    marks, p = [], 1
    for _sec, _field, text in d["gold"]["change_marks"]:
        p = find(texts, text, p)
        marks.append({"text": text, "page": p})
    rec = []
    if d["record_items"]:
        rec = [find(texts, d["record_items"]["heading"], 1)]
    return {"spec": d["stem"], "pages": [1, len(texts)], "sections": sections, "checklist_rows": rows,
            "change_marks": marks, "record_items_pages": rec, "meeting": None}


def entry(path, kind, route, d, sub, ocr):
    data = path.read_bytes()
    with pymupdf.open(path) as doc:
        n = doc.page_count
    return {"file": f"pdf/{path.name}", "sha256": hashlib.sha256(data).hexdigest(), "page_count": n,
            "kind": kind, "route": route, "spec": [d["stem"]], "ocr_pages": list(range(1, n + 1)) if ocr else [],
            "expected": None, "submissions": [sub]}


def main():
    out = HERE / "pdf"
    out.mkdir(exist_ok=True)
    files = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([TOOLS_PY, str(HERE / "build_docx4.py"), tmp], check=True)
        docx = sorted(str(p) for p in Path(tmp).glob("*.docx"))
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--convert-to", "pdf",
                        "--outdir", tmp, *docx], check=True, capture_output=True)
        for d in docs4.DOCS:
            dst = out / f"{d['stem']}.pdf"
            finalize(Path(tmp) / f"{d['stem']}.pdf", dst)
            sub = anchors(d, page_texts(dst))
            files.append(entry(dst, "good", "python-docx+libreoffice", d, sub, False))
            if d["stem"] in docs4.SCANNED:
                sdst = out / f"{docs4.SCANNED[d['stem']]}.pdf"
                scan(dst, sdst)
                files.append(entry(sdst, "scanned", "python-docx+libreoffice+raster-1bit-scan", d, sub, True))
    (HERE / "manifest.json").write_text(json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=1) + "\n",
                                        encoding="utf-8")
    for f in files:
        print(f["file"], f["page_count"], f["submissions"][0]["sections"], f["submissions"][0]["change_marks"])


if __name__ == "__main__":
    main()
