"""Render the seventh held-out corpus from docs7.py: docx->soffice, xlsx->Calc, HTML->chromium, + one scan.

Run: /work/toolsvenv/bin/python tests/heldout7/make_heldout7.py  (needs python-docx, openpyxl, Pillow, numpy)
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs7  # noqa: E402

BUILD, PDF = HERE / "build", HERE / "pdf"
WARD = "市が行う情報保護対策"
TYPES = {"operational": "【運用上の対策】", "technical": "【システム上の対策】"}


def segments(text):
    """[(text, marked)] from ⟦…⟧ markup."""
    out, marked = [], False
    for part in re.split(r"([⟦⟧])", text):
        if part == "⟦":
            marked = True
        elif part == "⟧":
            marked = False
        elif part:
            out.append((part, marked))
    return out


def plain(text):
    return text.replace("⟦", "").replace("⟧", "")


# ---------------------------------------------------------------- docx
def _font(run, name, size=10.5, bold=False, underline=False):
    from docx.oxml.ns import qn
    from docx.shared import Pt
    run.font.name = name
    run.font.size = Pt(size)
    run.bold, run.underline = bold, underline
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def _write(par, text, size=10.5, gothic=False, bold=False):
    for i, line in enumerate(text.split("\n")):
        if i:
            par.add_run().add_break()
        for seg, marked in segments(line):
            _font(par.add_run(seg), "IPAexGothic" if (marked or gothic) else "IPAexMincho",
                  size, bold=bold or marked, underline=marked)


def _cell(cell, text, **kw):
    par = cell.paragraphs[0]
    _write(par, text, **kw)


def _label_table(doc, rows):
    from docx.shared import Cm
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for label, value in rows:
        r = t.add_row().cells
        r[0].width, r[1].width = Cm(4.5), Cm(12)
        _cell(r[0], label, size=9.5, gothic=True)
        _cell(r[1], value, size=9.5)
    _widths(t, (4.5, 12.5))


def _widths(t, cms):
    from docx.shared import Cm
    t.autofit = False
    grid = t._tbl.tblGrid.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")
    for g, w in zip(grid, cms):
        g.w = Cm(w)
    for row in t.rows:
        for c, w in zip(row.cells, cms):
            c.width = Cm(w)


def _checklist_docx(doc, kind, cp_label, rows):
    from docx.shared import Cm
    p = doc.add_paragraph()
    _write(p, docs7.CL_HEAD[kind], size=11, gothic=True, bold=True)
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    hdr = t.rows[0].cells
    _cell(hdr[0], "区分", size=9, gothic=True)
    _cell(hdr[2], docs7.CL_HINT, size=8)
    _cell(hdr[3], "情報保護対策", size=9, gothic=True)
    hdr[0].merge(hdr[1])
    start = {}
    for i, row in enumerate(rows, start=1):
        c = t.add_row().cells
        for j, w in enumerate((2.2, 2.6, 2.4, 9.5)):
            c[j].width = Cm(w)
        _cell(c[2], row["mark"] + (f"\n（{row['note']}）" if row["note"] else ""), size=9)
        _cell(c[3], row["measure"], size=9)
        start.setdefault(("p", row["party"]), i)
        start.setdefault(("t", row["party"], row["type"]), i)
    _widths(t, (2.2, 2.6, 2.4, 9.5))
    groups = {}
    for i, row in enumerate(rows, start=1):
        groups.setdefault(("p", row["party"]), []).append(i)
        groups.setdefault(("t", row["party"], row["type"]), []).append(i)
    for key, idx in groups.items():
        col = 0 if key[0] == "p" else 1
        top, bottom = t.cell(idx[0], col), t.cell(idx[-1], col)
        text = (WARD if key[1] == "ward" else cp_label) if col == 0 else TYPES[key[2]]
        _cell(top, text, size=9, gothic=True)
        if idx[-1] != idx[0]:
            top.merge(bottom)


def render_docx(d, out):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm
    doc = Document()
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(2.0)
        s.top_margin = s.bottom_margin = Cm(2.0)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _write(p, d["material"], size=12, gothic=True)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _write(p, d["council_line"], size=14, gothic=True, bold=True)
    _write(doc.add_paragraph(), "件名　" + d["title"], size=11)
    _write(doc.add_paragraph(), "内容は別紙のとおり")
    _write(doc.add_paragraph(), d["basis_label"], gothic=True)
    for line in d["provisions"]:
        _write(doc.add_paragraph(), line)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _write(p, d["dept_line"])
    _write(doc.add_paragraph(), "事業の概要", size=11, gothic=True, bold=True)
    _label_table(doc, d["overview"])
    for sh in d["sheets"]:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _write(doc.add_paragraph(), sh["title"], size=11, gothic=True, bold=True)
        _label_table(doc, sh["rows"])
        if sh["legend"]:
            _write(doc.add_paragraph(), sh["legend"], size=9)
    for kind, cp_label, rows in d["checklists"]:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _checklist_docx(doc, kind, cp_label, rows)
    src = BUILD / (d["stem"] + ".docx")
    doc.save(src)
    _soffice(src, out)


def _soffice(src, out):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(BUILD), str(src)],
                   check=True, capture_output=True, timeout=180)
    shutil.copy(BUILD / (src.stem + ".pdf"), out)


# ---------------------------------------------------------------- xlsx
def render_xlsx(d, out):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    wb = Workbook()
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")

    def sheet(ws):
        ws.column_dimensions["A"].width = 24
        ws.column_dimensions["B"].width = 62
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.page_setup.paperSize = ws.PAPERSIZE_A4

    def line(ws, r, text, size=10.5, bold=False, align="left"):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        c = ws.cell(r, 1, text)
        c.font = Font(name="IPAexGothic" if bold else "IPAexMincho", size=size, bold=bold)
        c.alignment = Alignment(horizontal=align, wrap_text=True)

    def table(ws, r, rows):
        for label, value in rows:
            a, b = ws.cell(r, 1, label), ws.cell(r, 2, plain(value))
            a.font, b.font = Font(name="IPAexGothic", size=9.5), Font(name="IPAexMincho", size=9.5)
            a.alignment = b.alignment = wrap
            a.border = b.border = box
            n = sum(1 + len(x) // 34 for x in plain(value).split("\n"))
            ws.row_dimensions[r].height = max(2, n) * 14
            r += 1
        return r

    ws = wb.active
    ws.title = "表紙"
    sheet(ws)
    line(ws, 1, d["material"], 12, True, "right")
    line(ws, 2, d["council_line"], 14, True, "center")
    line(ws, 4, "件名　" + d["title"], 11)
    line(ws, 5, "内容は別紙のとおり")
    line(ws, 7, d["basis_label"], bold=True)
    r = 8
    for p in d["provisions"]:
        line(ws, r, p)
        r += 1
    line(ws, r + 1, d["dept_line"], align="right")
    line(ws, r + 3, "事業の概要", 11, True)
    table(ws, r + 4, d["overview"])
    for k, sh in enumerate(d["sheets"], start=1):
        ws = wb.create_sheet(f"別紙{k}")
        sheet(ws)
        line(ws, 1, sh["title"], 11, True)
        table(ws, 3, sh["rows"])
    src = BUILD / (d["stem"] + ".xlsx")
    wb.save(src)
    _soffice(src, out)


# ---------------------------------------------------------------- html
CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'IPAexMincho', serif; font-size: 10pt; line-height: 1.45; }
.g, th, .lab { font-family: 'IPAexGothic', sans-serif; }
.mat { text-align: right; font-size: 12pt; } h1 { text-align: center; font-size: 14pt; }
h2 { font-size: 11pt; font-family: 'IPAexGothic'; margin: 6mm 0 2mm; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.6pt solid #000; padding: 3pt 5pt; vertical-align: top; }
td.lab { width: 32%; background: #f2f2f2; }
.mk { font-family: 'IPAexGothic'; font-weight: bold; text-decoration: underline; }
.brk { page-break-before: always; } .dept { text-align: right; } .legend { font-size: 8.5pt; }
td.m { text-align: center; width: 16%; } td.party, td.typ { width: 12%; font-family: 'IPAexGothic'; }
"""


def esc(text):
    html = "".join(f'<span class="mk">{s}</span>' if m else s
                   for s, m in segments(text.replace("&", "&amp;").replace("<", "&lt;")))
    return html.replace("\n", "<br>")


def _label_html(rows):
    return "<table>" + "".join(f'<tr><td class="lab">{esc(a)}</td><td>{esc(b)}</td></tr>' for a, b in rows) + "</table>"


def _checklist_html(kind, cp_label, rows):
    out = [f'<h2 class="brk">{docs7.CL_HEAD[kind]}</h2><table>',
           f'<tr><th colspan="2">区分</th><th>{docs7.CL_HINT}</th><th>情報保護対策</th></tr>']
    for i, row in enumerate(rows):
        tds = ""
        if i == 0 or rows[i - 1]["party"] != row["party"]:
            n = sum(r["party"] == row["party"] for r in rows)
            tds += f'<td class="party" rowspan="{n}">{WARD if row["party"] == "ward" else cp_label}</td>'
        if i == 0 or (rows[i - 1]["party"], rows[i - 1]["type"]) != (row["party"], row["type"]):
            n = sum((r["party"], r["type"]) == (row["party"], row["type"]) for r in rows)
            tds += f'<td class="typ" rowspan="{n}">{TYPES[row["type"]]}</td>'
        note = f"<br>（{row['note']}）" if row["note"] else ""
        out.append(f'<tr>{tds}<td class="m">{row["mark"]}{note}</td><td>{esc(row["measure"])}</td></tr>')
    return "".join(out) + "</table>"


def render_html(d, out):
    parts = [f"<!doctype html><html lang='ja'><meta charset='utf-8'><style>{CSS}</style><body>",
             f'<p class="mat g">{d["material"]}</p><h1 class="g">{d["council_line"]}</h1>',
             f'<p>件名　{esc(d["title"])}</p><p>内容は別紙のとおり</p><p class="g">{d["basis_label"]}</p>',
             "".join(f"<p>{p}</p>" for p in d["provisions"]), f'<p class="dept">{d["dept_line"]}</p>',
             "<h2>事業の概要</h2>", _label_html(d["overview"])]
    for sh in d["sheets"]:
        parts.append(f'<h2 class="brk">{esc(sh["title"])}</h2>' + _label_html(sh["rows"]))
        if sh["legend"]:
            parts.append(f'<p class="legend">{sh["legend"]}</p>')
    ri = d["record_items"]
    if ri:
        parts.append(f'<h2 class="brk">{ri["heading"]}</h2>')
        last = None
        for g1, g2, items in ri["groups"]:
            if g1 != last:
                parts.append(f'<p class="g">{g1}</p>')
                last = g1
            if g2:
                parts.append(f'<p class="g">　{g2}</p>')
            parts.append(f'<p>　　{esc("、".join(items))}</p>')
        parts.append(f'<p class="legend">{d["sheets"][-1]["legend"]}</p>')
    for kind, cp_label, rows in d["checklists"]:
        parts.append(_checklist_html(kind, cp_label, rows))
    src = BUILD / (d["stem"] + ".html")
    src.write_text("".join(parts) + "</body></html>", encoding="utf-8")
    subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", src.as_uri()], check=True, capture_output=True, timeout=180)


# ---------------------------------------------------------------- scan
def render_scan(src, out):
    import numpy as np
    from PIL import Image
    prefix = BUILD / (out.stem + "_p")
    subprocess.run(["pdftoppm", "-r", "250", "-gray", "-png", str(src), str(prefix)], check=True)
    rng = np.random.default_rng(7)
    pages = []
    for png in sorted(BUILD.glob(prefix.name + "*.png")):
        im = Image.open(png).convert("L").rotate(0.7, resample=Image.BICUBIC, expand=False, fillcolor=255)
        a = np.asarray(im, dtype=np.int16) + rng.normal(0, 5, im.size[::-1]).astype(np.int16)
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        jpg = png.with_suffix(".jpg")
        im.save(jpg, quality=60)
        pages.append(Image.open(jpg))
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=250)


ROUTES = {"docx-soffice": render_docx, "xlsx-calc": render_xlsx, "html-chromium": render_html}


def main():
    BUILD.mkdir(exist_ok=True)
    PDF.mkdir(exist_ok=True)
    for d in docs7.DOCS:
        ROUTES[d["route"]](d, PDF / (d["stem"] + ".pdf"))
    for scan, base in docs7.SCANNED.items():
        render_scan(PDF / (base + ".pdf"), PDF / (scan + ".pdf"))


if __name__ == "__main__":
    main()
