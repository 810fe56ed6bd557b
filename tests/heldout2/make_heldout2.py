"""Build the second blind held-out corpus: pdf/*.pdf + manifest.json (deterministic, ~1 min).

    .venv/bin/python tests/heldout2/make_heldout2.py
    .venv/bin/python tests/heldout2/write_goldens2.py

Routes (none of them the project's samplegen): HTML -> headless Chromium (k1, k2, k4),
reportlab drawn directly with legacy line segments (k3), raster scans of k3 and k4.
Page anchors are found by a sequential search of each born-digital PDF's text layer.
"""

from __future__ import annotations

import html
import io
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import fitz  # pymupdf
import numpy as np
import pikepdf
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from docs2 import DOCS, SCANNED  # noqa: E402
from legacy_rl import render_legacy  # noqa: E402

PDF_DIR = HERE / "pdf"
CHROMIUM = "/usr/bin/chromium"


# ----------------------------------------------------------------------------- HTML route
def esc(text: str) -> str:
    out = html.escape(text).replace("\n", "<br>")
    return re.sub(r"\{\{(.+?)\}\}", r'<u><b class="g">\1</b></u>', out)


CSS = {
    "k1": """
      @page { size: A4; margin: 22mm 18mm 18mm 18mm; }
      body { font-family: 'Noto Sans CJK JP'; font-size: 10pt; line-height: 1.55; }
      @page { @top-right { content: "資料５"; font-family: 'Noto Sans CJK JP'; font-size: 11pt; } }
      table { border-collapse: collapse; width: 100%; }
      td, th { border: 0.8px solid #000; padding: 4px 6px; vertical-align: top; }
      td.l { width: 26%; background: #eee; }
      b.g { font-weight: 700; }
      table.hrule td, table.hrule th { border: none; border-top: 0.6px solid #000; border-bottom: 0.6px solid #000; }
      table.hrule td.p { border-bottom: none; }
    """,
    "k2": """
      @page { size: A4; margin: 24mm 20mm 20mm 20mm; }
      body { font-family: 'Noto Serif CJK JP'; font-size: 10.5pt; line-height: 1.6; }
      @page { @top-left { content: "資料３　（北浜県個人情報保護委員会）"; font-family: 'Noto Sans CJK JP'; font-size: 9pt; } }
      .coverbox { border: 2px solid #000; padding: 14mm 10mm; margin-top: 10mm; }
      table { border-collapse: collapse; width: 100%; }
      td, th { border: 1px solid #000; padding: 5px 7px; vertical-align: top; }
      td.l { width: 24%; font-family: 'Noto Sans CJK JP'; }
      b.g { font-family: 'Noto Sans CJK JP'; font-weight: 700; }
      tr { break-inside: avoid; }
    """,
    "k4": """
      @page { size: A4; margin: 20mm 25mm; }
      body { font-family: 'IPAMincho'; font-size: 10.5pt; line-height: 1.5; }
      table { border-collapse: collapse; width: 100%; }
      td { border: 1.2px solid #000; padding: 3px 5px; vertical-align: top; }
      td.l { width: 19%; font-family: 'IPAGothic'; font-size: 9.5pt; }
      b.g { font-family: 'IPAGothic'; }
    """,
}


def cover_html(doc: dict) -> str:
    c = doc["cover"]
    inner = (f'<p style="text-align:right">{esc(c["material_no"])}</p>'
             f'<h2 style="text-align:center;font-weight:normal">{esc(c["heading"])}</h2>'
             f'<table style="margin-top:10mm"><tr><td class="l" style="text-align:center">{esc(c["title_label"])}</td>'
             f'<td>{esc(c["title"])}</td></tr></table>'
             f'<p style="text-align:center;margin-top:8mm">{esc(c["lead"])}</p>'
             f'<p style="margin-top:10mm">{esc(c["basis_label"])}</p>'
             + "".join(f"<p>{esc(b)}</p>" for b in c["basis_lines"])
             + f'<p style="text-align:right;margin-top:10mm">{esc(c["dept"])}</p>')
    if c.get("boxed"):
        inner = f'<div class="coverbox">{inner}</div>'
    return inner + '<div style="break-after:page"></div>'


def overview_html(doc: dict) -> str:
    rows = "".join(f'<tr><td class="l">{esc(label)}</td><td>{esc(value)}</td></tr>'
                   for label, value, _ in doc["overview"])
    return f'<h3>事業の概要</h3><table>{rows}</table><div style="break-after:page"></div>'


def sheet_html(doc: dict, sheet: dict) -> str:
    out = f'<p style="font-size:11.5pt">件名　{esc(sheet["title"])}</p>'
    if sheet.get("legend") and doc.get("legend"):
        out += f"<p>{esc(doc['legend'])}</p>"
    rows = []
    for label, value, _ in sheet["rows"]:
        if sheet.get("label_right"):
            rows.append(f'<tr><td>{esc(value)}</td><td class="l">{esc(label)}</td></tr>')
        else:
            rows.append(f'<tr><td class="l">{esc(label)}</td><td>{esc(value)}</td></tr>')
    return out + f'<table>{"".join(rows)}</table><div style="break-after:page"></div>'


def flow_html(flow: dict) -> str:
    boxes = "".join(
        f'<div style="margin:6mm auto;width:70%;text-align:center;{"border:1.2px solid #000;padding:6mm" if not b.startswith("→") else ""}">{esc(b)}</div>'
        for b in flow["boxes"])
    return (f'<p style="text-align:right">{esc(flow["ref"])}</p><h3 style="text-align:center">{esc(flow["title"])}</h3>'
            f'{boxes}<div style="break-after:page"></div>')


def record_items_html(ri: dict) -> str:
    out = f'<p style="text-align:right">{esc(ri["ref"])}</p><h3>{esc(ri["title"])}</h3><p>{esc(ri["legend"])}</p>'
    last = None
    for top, sub, items in ri["groups"]:
        if top != last:
            out += f'<p style="margin-top:4mm"><b>{esc(top)}</b></p>'
            last = top
        out += f'<p style="margin:1mm 0 0 4mm">{esc(sub)}</p><p style="margin:0 0 0 8mm">{esc(items)}</p>'
    return out + '<div style="break-after:page"></div>'


def checklist_html(cl: dict) -> str:
    cls = ' class="hrule"' if cl["style"] == "hrule" else ""
    legend = "・対策が可能であれば「〇」<br>・対策の必要がない場合は「－」"
    out = ""
    for party, party_label, rws in cl["parts"]:
        body = [f'<tr><th style="width:22%"></th><th style="width:16%;font-weight:normal;font-size:8.5pt">{legend}</th>'
                f'<th style="font-weight:normal">情報保護対策</th></tr>']
        for mtype in ("operational", "technical"):
            group = [r for r in rws if r[0] == mtype]
            tag = "【運用上の対策】" if mtype == "operational" else "【システム上の対策】"
            for i, (_, mark, note, text, _) in enumerate(group):
                cell = esc(mark) + (f"<br>({esc(note)})" if note else "")
                head = (f'<td class="p" rowspan="{len(group)}">{esc(party_label)}<br>{tag}</td>' if i == 0 else "")
                body.append(f'<tr>{head}<td style="text-align:center">{cell}</td><td>{esc(text)}</td></tr>')
        out += (f'<p style="font-size:11pt">{esc(cl["heading"])}</p><table{cls}>{"".join(body)}</table>'
                '<div style="break-after:page"></div>')
    return out


def doc_html(doc: dict) -> str:
    key = doc["stem"][:2]
    parts = []
    if doc.get("pre_heading"):
        parts.append(f'<p style="text-align:right">{esc(doc["pre_heading"])}</p>')
    if doc["cover"]:
        parts.append(cover_html(doc))
    if doc["overview"]:
        parts.append(overview_html(doc))
    parts += [sheet_html(doc, s) for s in doc["sheets"]]
    if doc.get("flow"):
        parts.append(flow_html(doc["flow"]))
    if doc.get("record_items"):
        parts.append(record_items_html(doc["record_items"]))
    parts += [checklist_html(cl) for cl in doc["checklists"]]
    body = "".join(parts)
    body = re.sub(r'<div style="break-after:page"></div>$', "", body)
    return (f'<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><style>{CSS[key]}</style></head>'
            f"<body>{body}</body></html>")


def print_chromium(html_text: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.html"
        src.write_text(html_text, encoding="utf-8")
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp}/prof",
               "--no-pdf-header-footer", f"--print-to-pdf={out}", f"file://{src}"]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def make_deterministic(path: Path) -> None:
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        if "/Metadata" in pdf.Root:
            del pdf.Root.Metadata
        for key in ("/CreationDate", "/ModDate", "/Producer", "/Creator"):
            if key in pdf.docinfo:
                del pdf.docinfo[key]
        pdf.save(path, deterministic_id=True)


# ----------------------------------------------------------------------------- scans
def scan_variant(src: Path, out: Path, seed: int) -> None:
    rng = np.random.RandomState(seed)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(src), f"{tmp}/p"], check=True)
        pages = []
        for i, png in enumerate(sorted(Path(tmp).glob("p-*.png"))):
            im = Image.open(png).convert("L")
            angle = [0.6, -1.1, 0.35, -0.8, 1.3, -0.45][i % 6] * (1 if seed % 2 else -1)
            im = im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            a = np.asarray(im, dtype=np.float32)
            a += rng.normal(0, 8, a.shape)
            specks = rng.random_sample(a.shape) < 0.0006
            a[specks] = 30
            im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=55)
            pages.append(Image.open(io.BytesIO(buf.getvalue())))
        pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=200.0)
    make_deterministic(out)


# ----------------------------------------------------------------------------- anchors
def norm(text: str) -> str:
    text = re.sub(r"\{\{|\}\}", "", text)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


class Locator:
    """Sequential search of normalised page texts: find(needle) -> 1-based page, moving a cursor."""

    def __init__(self, path: Path):
        with fitz.open(path) as d:
            texts = [norm(p.get_text("text")) for p in d]
        self.starts, self.text, pos = [], "", 0
        for t in texts:
            self.starts.append(pos)
            self.text += t
            pos += len(t)
        self.cursor = 0

    def page_of(self, pos: int) -> int:
        return max(i for i, s in enumerate(self.starts) if s <= pos) + 1

    def find(self, needle: str, move: bool = True, prefix: int = 18) -> int:
        n = norm(needle)[:prefix]
        pos = self.text.find(n, self.cursor)
        if pos < 0:
            raise SystemExit(f"anchor not found: {n!r} after {self.cursor}")
        if move:
            self.cursor = pos + len(n)
        return self.page_of(pos)


def anchors(doc: dict, pdf: Path) -> dict:
    loc = Locator(pdf)
    sections, marks = [], []
    for sheet in doc["sheets"]:
        first = loc.find(sheet["title"])
        last = first
        for label, value, _ in sheet["rows"]:
            if sheet.get("label_right"):
                last = loc.find(label)
            else:
                loc.find(label, prefix=8)
                for span in re.findall(r"\{\{(.+?)\}\}", value):
                    marks.append({"text": norm(span), "page": loc.find(span, move=False, prefix=400)})
                last = loc.find(value.replace("{{", "").replace("}}", ""), prefix=12)
        sections.append(list(range(first, last + 1)))
    ri_pages = []
    if doc.get("record_items"):
        ri = doc["record_items"]
        for _top, _sub, items in ri["groups"]:
            p = loc.find(items, prefix=10)
            for span in re.findall(r"\{\{(.+?)\}\}", items):
                marks.append({"text": norm(span), "page": p})
            if p not in ri_pages:
                ri_pages.append(p)
    rows_pages = []
    for cl in doc["checklists"]:
        for _party, _label, rws in cl["parts"]:
            for r in rws:
                rows_pages.append(loc.find(r[3], prefix=22))
    return {"sections": sections, "checklist_rows": rows_pages, "change_marks": marks,
            "record_items_pages": ri_pages}


def entry(path: Path, doc: dict, kind: str, route: str, anc: dict) -> dict:
    import hashlib
    data = path.read_bytes()
    with fitz.open(path) as d:
        n = d.page_count
    return {"file": f"pdf/{path.name}", "sha256": hashlib.sha256(data).hexdigest(), "page_count": n,
            "kind": kind, "route": route, "spec": [doc["stem"]],
            "ocr_pages": list(range(1, n + 1)) if kind == "scanned" else [], "expected": None,
            "submissions": [{"spec": doc["stem"], "pages": [1, n], "meeting": None, **anc}]}


def main() -> None:
    PDF_DIR.mkdir(exist_ok=True)
    files, scans = [], []
    for doc in DOCS:
        out = PDF_DIR / f"{doc['stem']}.pdf"
        if doc["route"] == "reportlab-legacy":
            render_legacy(doc, out)
        else:
            print_chromium(doc_html(doc), out)
        make_deterministic(out)
        anc = anchors(doc, out)
        files.append(entry(out, doc, "good", doc["route"], anc))
        if doc["stem"] in SCANNED:
            scan = PDF_DIR / f"{doc['stem']}_scan.pdf"
            scan_variant(out, scan, seed=len(scans) + 7)
            scans.append(entry(scan, doc, "scanned", doc["route"] + "+raster-scan", anc))
        print(out.name, files[-1]["page_count"], "pages", file=sys.stderr)
    manifest = {"version": 1, "files": files + scans}
    (HERE / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
