"""Build the held-out corpus: HTML -> headless Chromium PDF, plus scanned (image-only) variants.

    .venv/bin/python tests/heldout/make_heldout.py

Writes tests/heldout/pdf/*.pdf, tests/heldout/html/*.html and tests/heldout/manifest.json
(the samples/manifest.json format, so that `fugi eval tests/heldout` can read it).
Deterministic: Chromium's dates/IDs are removed with pikepdf; scans use a seeded RNG.
This route shares nothing with samples/samplegen (not read, not imported).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import numpy as np
import pikepdf
import pymupdf as fitz
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from content import DOCS, HEAD_CHECK, SCANNED  # noqa: E402

PDF_DIR = HERE / "pdf"
HTML_DIR = HERE / "html"
MARK_RE = re.compile(r"⟦(.*?)⟧")
CHROMIUM = "/usr/bin/chromium"


# ----------------------------------------------------------------------------- HTML
def esc(s: str) -> str:
    """Escape text and turn ⟦…⟧ into a bold-Gothic underlined change mark."""
    out = html.escape(s)
    return MARK_RE.sub(lambda m: f'<u><b class="g">{m.group(1)}</b></u>', out)


def paras(lines: list[str]) -> str:
    return "".join(f"<p>{esc(x)}</p>" for x in lines)


def css(style: dict) -> str:
    border = "none" if style["borderless"] else "1px solid #000"
    land = (
        "@page land { size: A4 landscape; margin: 15mm 18mm; }\n.land { page: land; }\n"
        if style["landscape_checklists"]
        else ""
    )
    return f"""
@page {{ size: A4; margin: 20mm 18mm 18mm 20mm; }}
{land}
body {{ font-family: "{style["body"]}", serif; font-size: 10.5pt; line-height: 1.45; color: #000; }}
.g, th, .lab, h1, h2 {{ font-family: "{style["gothic"]}", sans-serif; }}
b.g {{ font-weight: bold; }}
p {{ margin: 0 0 1px 0; }}
.page {{ break-before: page; }}
.cover h1 {{ text-align: center; font-size: 16pt; margin: 30mm 0 12mm 0; font-weight: normal; }}
.matno {{ float: right; border: 1.5px solid #000; padding: 2mm 5mm; font-size: 13pt; }}
table.kv {{ border-collapse: collapse; width: 100%; }}
table.kv td {{ border: {border}; padding: 2mm 2.5mm; vertical-align: top; }}
table.kv td.lab {{ width: {style["label_w"]}; {"" if style["borderless"] else "background: #f2f2f2;"} }}
table.kv tr {{ break-inside: avoid; }}
.borderless table.kv td.lab {{ font-weight: bold; }}
.borderless table.kv td {{ padding: 2.5mm 2mm; }}
.cover table.kv td {{ font-size: 13pt; padding: 4mm; }}
.dept {{ text-align: right; margin-top: 60mm; }}
h2 {{ font-size: 12pt; margin: 0 0 3mm 0; font-weight: bold; }}
.sheethead p {{ margin-bottom: 1mm; }}
.sheettitle {{ font-size: 11.5pt; margin: 3mm 0 1mm 0; }}
.legend {{ font-size: 9.5pt; margin: 0 0 2mm 0; }}
table.ck {{ border-collapse: collapse; width: 100%; font-size: 9.5pt; }}
table.ck td, table.ck th {{ border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: middle; }}
table.ck th {{ font-weight: normal; font-size: 8.5pt; text-align: left; }}
table.ck td.party {{ width: 20%; text-align: center; }}
table.ck td.mark {{ width: 14%; text-align: center; }}
table.ck tr {{ break-inside: avoid; }}
.flow {{ position: relative; height: 150mm; }}
.box {{ border: 1.5px solid #000; border-radius: 3mm; padding: 3mm; width: 55mm; text-align: center;
        position: absolute; background: #fff; }}
.arrow {{ position: absolute; font-size: 9pt; }}
.ri p.grp {{ font-family: "{style["gothic"]}", sans-serif; margin-top: 3mm; }}
.ri p.sub {{ margin-left: 4mm; }}
.ri p.items {{ margin-left: 8mm; }}
"""


def cover_html(d: dict) -> str:
    rep = "<p>【報告】</p>" if d["report"] else ""
    prov = "".join(f"<p>{esc(p)}</p>" for p in d["provisions"])
    mat = f'<div class="matno">{esc(d["material_no"])}</div>' if d["material_no"] else ""
    return (
        f'<div class="cover">{mat}<h1>{esc(d["heading"])}</h1>'
        f'<table class="kv"><tr><td class="lab">{esc(d["title_label"])}</td><td>{esc(d["title"])}</td></tr></table>'
        f'<p style="margin:10mm 0 10mm 0">内容は別紙のとおり</p>'
        f'<p class="g">{esc(d["basis_label"])}</p>{rep}{prov}'
        f'<p class="dept">{esc(d["dept"])}</p></div>'
    )


def kv_table(rows) -> str:
    body = "".join(f'<tr><td class="lab">{esc(r[0])}</td><td>{paras(r[1])}</td></tr>' for r in rows)
    return f'<table class="kv">{body}</table>'


def overview_html(d: dict) -> str:
    return f'<div class="page"><h2>事業の概要</h2>{kv_table(d["overview"])}</div>'


def section_html(s: dict) -> str:
    head = "".join(f"<p>{esc(h)}</p>" for h in s["heading"])
    leg = f'<p class="legend">{esc(s["legend"])}</p>' if s["legend"] else ""
    return (
        f'<div class="page"><div class="sheethead">{head}</div>'
        f'<p class="sheettitle">{esc(s["title_label"])}　{esc(s["title"])}</p>{leg}{kv_table(s["rows"])}</div>'
    )


def flow_html(f: dict) -> str:
    pos = [(10, 20), (95, 20), (95, 90), (10, 90)]
    boxes = "".join(
        f'<div class="box" style="left:{x}mm;top:{y}mm">{"<br>".join(esc(t) for t in b[0].split(chr(10)))}</div>'
        f'<div class="arrow" style="left:{x}mm;top:{y + 28}mm">{esc(b[1])}</div>'
        for (x, y), b in zip(pos, f["boxes"], strict=True)
    )
    return (
        f'<div class="page"><h2>【{esc(f["title"])}】</h2><p style="text-align:right">{esc(f["ref"])}</p>'
        f'<div class="flow">{boxes}</div></div>'
    )


def record_items_html(r: dict) -> str:
    out = [
        f'<div class="page ri"><p style="text-align:right">{esc(r["ref"])}</p><h2>{esc(r["title"])}</h2>'
    ]
    for grp, subs in r["groups"]:
        out.append(f'<p class="grp">{esc(grp)}</p>')
        for sub, items in subs:
            out.append(f'<p class="sub">{esc(sub)}</p><p class="items">{esc(items)}</p>')
    out.append("</div>")
    return "".join(out)


def mark_cell(mark: str, note: str | None) -> str:
    return esc(mark) + (f"<br>（{esc(note)}）" if note else "")


def checklist_html(c: dict, landscape: bool) -> str:
    cls = "page land" if landscape else "page"
    sub = f"<p>{esc(c['sub'])}</p>" if c["sub"] else ""
    head = (
        f"<tr><th></th><th>{'<br>'.join(esc(x) for x in HEAD_CHECK)}</th>"
        f'<th style="text-align:center">情報保護対策</th></tr>'
    )
    rows = []
    for b in c["blocks"]:
        for i, (mark, note, measure, _key) in enumerate(b["rows"]):
            party = (
                f'<td class="party" rowspan="{len(b["rows"])}">{"<br>".join(esc(x) for x in b["label"])}</td>'
                if i == 0
                else ""
            )
            rows.append(
                f'<tr>{party}<td class="mark">{mark_cell(mark, note)}</td><td>{esc(measure)}</td></tr>'
            )
    return f'<div class="{cls}"><h2>{esc(c["heading"])}</h2>{sub}<table class="ck">{head}{"".join(rows)}</table></div>'


def document_html(d: dict) -> str:
    st = d["style"]
    parts = [cover_html(d), overview_html(d)]
    parts += [section_html(s) for s in d["sections"]]
    if d["flow"]:
        parts.append(flow_html(d["flow"]))
    if d["record_items"]:
        parts.append(record_items_html(d["record_items"]))
    parts += [checklist_html(c, st["landscape_checklists"]) for c in d["checklists"]]
    cls = "borderless" if st["borderless"] else ""
    return (
        f'<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>{esc(d["title"])}</title>'
        f'<style>{css(st)}</style></head><body class="{cls}">{"".join(parts)}</body></html>'
    )


# ----------------------------------------------------------------------------- PDF
def print_pdf(html_path: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as prof:
        cmd = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={prof}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            html_path.as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    make_deterministic(out)


def make_deterministic(path: Path) -> None:
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for k in ("/CreationDate", "/ModDate"):
            if k in pdf.docinfo:
                del pdf.docinfo[k]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.save(path, deterministic_id=True)


def scan_pdf(src: Path, out: Path, seed: int) -> None:
    """Rasterise (200 dpi gray), rotate 0.5–1°, add light noise, wrap as image-only PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(src), f"{tmp}/p"], check=True)
        rng = np.random.default_rng(seed)
        pages = []
        for i, png in enumerate(sorted(Path(tmp).glob("p-*.png"))):
            img = Image.open(png).convert("L")
            angle = (0.5 + 0.5 * rng.random()) * (1 if i % 2 == 0 else -1)
            img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            a = np.asarray(img, dtype=np.float32)
            a = a + rng.normal(0, 7, a.shape) - 6 * (rng.random(a.shape) < 0.002) * 30
            pages.append(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L"))
        fixed = time.strptime("2025-01-01", "%Y-%m-%d")
        pages[0].save(
            out,
            "PDF",
            resolution=200,
            save_all=True,
            append_images=pages[1:],
            quality=55,
            creationDate=fixed,
            modDate=fixed,
            producer="heldout-scan",
        )


# ----------------------------------------------------------------------------- anchors
def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", MARK_RE.sub(r"\1", s))
    return re.sub(r"\s+", "", s)


class Cursor:
    """Sequential search through the PDF's text, in document order."""

    def __init__(self, pdf: Path):
        with fitz.open(pdf) as doc:
            self.pages = [norm(p.get_text("text")) for p in doc]
        self.page, self.pos = 0, 0

    def find(self, text: str, head: bool = True, n: int = 18) -> int:
        t = norm(text)
        key = t[:n] if head else t[-n:]
        for p in range(self.page, len(self.pages)):
            start = self.pos if p == self.page else 0
            i = self.pages[p].find(key, start)
            if i >= 0:
                self.page, self.pos = p, i + len(key)
                return p + 1
        raise LookupError(f"anchor not found after page {self.page + 1}: {key!r}")


def anchors(d: dict, pdf: Path) -> dict:
    cur = Cursor(pdf)
    sections, marks = [], []
    cur.find(d["title"])
    for s in d["sections"]:
        first = cur.find(s["title"])
        for _label, lines, _field in s["rows"]:
            for line in lines:
                for m in MARK_RE.findall(line):
                    marks.append({"text": unicodedata.normalize("NFKC", m), "page": cur.find(m)})
        last = cur.find("".join(s["rows"][-1][1]), head=False, n=10)
        sections.append(list(range(first, last + 1)))
    ri_pages = []
    if d["record_items"]:
        groups = d["record_items"]["groups"]
        ri_pages.append(cur.find(groups[0][0]))
        for _g, subs in groups:
            for _s, items in subs:
                for m in MARK_RE.findall(items):
                    marks.append({"text": unicodedata.normalize("NFKC", m), "page": cur.find(m)})
        ri_pages.append(cur.find(groups[-1][1][-1][1], head=False, n=10))
        ri_pages = list(range(ri_pages[0], ri_pages[-1] + 1))
    rows = []
    for c in d["checklists"]:
        cur.find(c["heading"])
        for b in c["blocks"]:
            for _m, _n, measure, _k in b["rows"]:
                rows.append(cur.find(measure, n=22))
    return {
        "sections": sections,
        "checklist_rows": rows,
        "change_marks": marks,
        "record_items_pages": ri_pages,
    }


def sha256(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def entry(path: Path, d: dict, anc: dict, kind: str, route: str, ocr: bool) -> dict:
    with fitz.open(path) as doc:
        n = doc.page_count
    return {
        "file": f"pdf/{path.name}",
        "sha256": sha256(path),
        "page_count": n,
        "kind": kind,
        "route": route,
        "spec": [d["stem"]],
        "ocr_pages": list(range(1, n + 1)) if ocr else [],
        "expected": None,
        "submissions": [{"spec": d["stem"], "pages": [1, n], **anc, "meeting": None}],
    }


def main() -> None:
    for p in (PDF_DIR, HTML_DIR):
        shutil.rmtree(p, ignore_errors=True)
        p.mkdir(parents=True)
    files = []
    for i, d in enumerate(DOCS):
        h = HTML_DIR / f"{d['stem']}.html"
        h.write_text(document_html(d), encoding="utf-8")
        pdf = PDF_DIR / f"{d['stem']}.pdf"
        print_pdf(h, pdf)
        anc = anchors(d, pdf)
        files.append(entry(pdf, d, anc, "good", "html-chromium", False))
        if d["stem"] in SCANNED:
            scan = PDF_DIR / f"{d['stem']}_scan.pdf"
            scan_pdf(pdf, scan, seed=1200 + i)
            files.append(entry(scan, d, anc, "scanned", "html-chromium+raster-scan", True))
        print(d["stem"], files[-1]["page_count"], "pages", file=sys.stderr)
    (HERE / "manifest.json").write_text(
        json.dumps({"version": 1, "files": files}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
