"""Render the eighth held-out corpus from docs8.py.

    /tmp/h8tools/bin/python tests/heldout8/make_heldout8.py render   # born-digital PDFs (reportlab venv)
    /work/main/.venv/bin/python tests/heldout8/make_heldout8.py scan  # scans (numpy / Pillow)

Routes: k1 HTML + own CSS (Noto Sans CJK JP body) -> headless Chromium; k2 reportlab platypus
(IPA明朝 body, IPAexゴシック for marked spans); k3 HTML styled like a printed spreadsheet
(IPAex明朝 8.5pt cells, grid lines) -> headless Chromium.
"""
import html
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs8  # noqa: E402

PDF = HERE / "pdf"
HINT = {"○": ("・対策が可能であれば「○」", "・対策の必要がない場合は「－」"),
        "〇": ("・対策が可能であれば「〇」", "・対策の必要がない場合は「―」")}


# ------------------------------------------------------------------------------------ HTML ----
def h_text(value):
    out = html.escape(value).replace("⟦", '<span class="chg">').replace("⟧", "</span>")
    return out.replace("\n", "<br>")


CSS_K1 = """
@page { size: A4; margin: 18mm 17mm 16mm 17mm; }
body { font-family: 'Noto Sans CJK JP'; font-size: 10pt; line-height: 1.5; color: #000; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
.matno { text-align: right; } .matno span { border: 1px solid #000; padding: 2px 10px; font-size: 12pt; }
h1 { text-align: center; font-size: 17pt; font-weight: normal; margin: 40mm 0 18mm 0; letter-spacing: 2px; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.8px solid #000; padding: 4px 6px; vertical-align: top; font-weight: normal; }
.cover td { font-size: 12pt; padding: 10px; }
.cover td.l { width: 18%; text-align: center; vertical-align: middle; }
.center { text-align: center; margin: 10mm 0; font-size: 12pt; }
.basis { margin: 8mm 0 0 10mm; font-size: 11pt; } .basis p { margin: 3px 0; }
.dept { text-align: right; margin-top: 70mm; font-size: 11pt; }
h2 { font-size: 12pt; font-weight: bold; margin: 0 0 3mm 0; }
td.l { width: 24%; background: #f2f2f2; }
.head p { margin: 0; } .title { margin: 3mm 0 1mm 0; font-size: 11pt; }
.legend { font-size: 9pt; margin: 0 0 2mm 0; }
.chg { font-weight: bold; text-decoration: underline; }
tr { break-inside: avoid; }
.chk td { font-size: 9pt; } .chk td.party { width: 20%; } .chk td.mark { width: 17%; text-align: center; }
.chk th { font-size: 8.5pt; text-align: left; } .note { font-size: 8pt; }
.chkh { font-size: 11pt; margin: 0 0 1mm 0; } .sub { font-size: 9.5pt; margin: 0 0 2mm 0; }
.gap { height: 7mm; }
"""

CSS_K3 = """
@page { size: A4; margin: 12mm 12mm 12mm 12mm; }
body { font-family: 'IPAexMincho'; font-size: 8.5pt; line-height: 1.35; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
.matno { text-align: right; font-family: 'IPAexGothic'; font-size: 11pt; }
h1 { text-align: center; font-family: 'IPAexGothic'; font-size: 15pt; font-weight: normal; margin: 30mm 0 14mm 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { border: 0.5px solid #808080; padding: 2px 4px; vertical-align: top; font-weight: normal; }
.cover td { font-size: 11pt; padding: 8px; }
.cover td.l { width: 16%; text-align: center; vertical-align: middle; font-family: 'IPAexGothic'; }
.center { text-align: center; margin: 8mm 0; font-size: 11pt; }
.basis { margin: 8mm 0 0 8mm; font-size: 10.5pt; } .basis p { margin: 3px 0; }
.dept { text-align: right; margin-top: 80mm; font-size: 10.5pt; }
h2 { font-family: 'IPAexGothic'; font-size: 10.5pt; font-weight: normal; margin: 0 0 2mm 0; }
td.l { width: 22%; background: #dfe9f5; font-family: 'IPAexGothic'; }
.head p { margin: 0; font-family: 'IPAexGothic'; font-size: 10pt; } .title { margin: 2mm 0 1mm 0; font-size: 10pt; }
.legend { font-size: 8pt; margin: 0 0 1.5mm 0; }
.chg { font-family: 'IPAexGothic'; font-weight: bold; text-decoration: underline; }
tr { break-inside: avoid; }
.chk td.party { width: 17%; font-family: 'IPAexGothic'; background: #f3f3f3; } .chk td.mark { width: 15%; text-align: center; }
.chk th { font-size: 8pt; text-align: left; background: #f3f3f3; } .note { font-size: 7.5pt; }
.chkh { font-family: 'IPAexGothic'; font-size: 10pt; margin: 0 0 1mm 0; } .sub { margin: 0 0 1.5mm 0; }
.gap { height: 5mm; }
"""


def html_doc(d, css, widths):
    parts = [f"<!DOCTYPE html><html lang='ja'><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    basis = "".join(f"<p>{h_text(x)}</p>" for x in d["basis_lines"])
    report = f"<p>{d['report_tag']}</p>" if d["report_tag"] else ""
    parts.append(
        f"<div class='page'><div class='matno'><span>{h_text(d['material'])}</span></div>"
        f"<h1>{h_text(d['heading'])}</h1>"
        f"<table class='cover'><tr><td class='l'>件　名</td><td>{h_text(d['title'])}</td></tr></table>"
        f"<p class='center'>内容は別紙のとおり</p>"
        f"<div class='basis'><p>{d['basis_label']}</p>{report}{basis}</div>"
        f"<p class='dept'>{h_text(d['dept_line'])}</p></div>")
    ov = "".join(f"<tr><td class='l'>{h_text(lab)}</td><td>{h_text(val)}</td></tr>" for _, lab, val in d["overview_rows"])
    parts.append(f"<div class='page'><h2>{d['overview_heading']}</h2><table>{ov}</table></div>")
    for sh in d["sheets"]:
        head = "".join(f"<p>{h_text(x)}</p>" for x in sh["head"])
        legend = f"<p class='legend'>{h_text(sh['legend'])}</p>" if sh["legend"] else ""
        body = "".join(f"<tr><td class='l'>{h_text(lab)}</td><td>{h_text(val)}</td></tr>" for lab, val in sh["rows"])
        parts.append(f"<div class='page'><div class='head'>{head}</div>"
                     f"<p class='title'>件名　{h_text(sh['title'])}</p>{legend}<table>{body}</table></div>")
    chk = ["<div class='page'>"]
    for n, (_kind, heading, sub, groups) in enumerate(d["checklists"]):
        mark0 = groups[0][2][0]["mark"] or "○"
        hint = "<br>".join(HINT["〇" if mark0 in "〇―" else "○"])
        if n:
            chk.append("<div class='gap'></div>")
        chk.append(f"<p class='chkh'>{heading}</p>")
        if sub:
            chk.append(f"<p class='sub'>{sub}</p>")
        chk.append(f"<table class='chk'><colgroup><col style='width:{widths[0]}%'><col style='width:{widths[1]}%'>"
                   f"<col></colgroup><tr><th class='party'></th><th>{hint}</th><th>情報保護対策</th></tr>")
        for party, mtype, rows in groups:
            for i, r in enumerate(rows):
                mark = html.escape(r["mark"])
                if r["note"]:
                    mark += f"<br><span class='note'>（{html.escape(r['note'])}）</span>"
                lead = (f"<td class='party' rowspan='{len(rows)}'>{party}<br>{mtype}</td>" if i == 0 else "")
                chk.append(f"<tr>{lead}<td class='mark'>{mark}</td><td>{h_text(r['measure'])}</td></tr>")
        chk.append("</table>")
    chk.append("</div>")
    parts.append("".join(chk))
    parts.append("</body></html>")
    return "".join(parts)


def chromium(html_text, out):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.html"
        src.write_text(html_text, encoding="utf-8")
        subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", src.as_uri()], check=True, capture_output=True)


# ------------------------------------------------------------------------------- reportlab ----
def render_reportlab(d, out):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    pdfmetrics.registerFont(TTFont("IPAMincho", "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf"))
    pdfmetrics.registerFont(TTFont("IPAexGothic", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"))

    def st(size=10, lead=None, align=0, font="IPAMincho"):
        return ParagraphStyle("s", fontName=font, fontSize=size, leading=lead or size * 1.55, alignment=align,
                              wordWrap="CJK")

    def p(text, style):
        t = html.escape(text).replace("\n", "<br/>")
        t = t.replace("⟦", '<font name="IPAexGothic"><u>').replace("⟧", "</u></font>")
        return Paragraph(t, style)

    body, small, label = st(9, 12.5), st(8, 11), st(8, 11)
    grid = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93))]
    story = []
    # cover
    matno = Table([[p(d["material"], st(12, align=1))]], colWidths=[32 * mm], hAlign="RIGHT")
    matno.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black)]))
    story += [matno, Spacer(1, 38 * mm), p(d["heading"], st(16, align=1)), Spacer(1, 16 * mm)]
    t = Table([[p("件　　名", st(12, align=1)), p(d["title"], st(12))]], colWidths=[32 * mm, 138 * mm])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    story += [t, Spacer(1, 10 * mm), p("内容は別紙のとおり", st(12, align=1)), Spacer(1, 12 * mm),
              p(d["basis_label"], st(11))]
    if d["report_tag"]:
        story.append(p(d["report_tag"], st(11)))
    story += [p("　" + x, st(11)) for x in d["basis_lines"]]
    story += [Spacer(1, 60 * mm), p(d["dept_line"], st(11, align=2)), PageBreak()]
    # overview
    story.append(p(d["overview_heading"], st(12, font="IPAexGothic")))
    story.append(Spacer(1, 3 * mm))
    t = Table([[p(lab, label), p(val, body)] for _, lab, val in d["overview_rows"]], colWidths=[30 * mm, 140 * mm])
    t.setStyle(TableStyle(grid))
    story += [t, PageBreak()]
    for sh in d["sheets"]:
        story += [p(x, st(10.5, font="IPAexGothic")) for x in sh["head"]]
        story += [Spacer(1, 2 * mm), p("件名　" + sh["title"], st(11))]
        if sh["legend"]:
            story.append(p(sh["legend"], st(8.5)))
        story.append(Spacer(1, 2 * mm))
        t = Table([[p(lab, label), p(val, body)] for lab, val in sh["rows"]], colWidths=[46 * mm, 130 * mm])
        t.setStyle(TableStyle(grid))
        story += [t, Spacer(1, 7 * mm) if sh.get("same_page_next") else PageBreak()]
    for n, (kind, heading, sub, groups) in enumerate(d["checklists"]):
        if n:
            story.append(PageBreak())
        story.append(p(heading, st(10.5, font="IPAexGothic")))
        if sub:
            story.append(p(sub, st(9)))
        story.append(Spacer(1, 1.5 * mm))
        data = [["", p("\n".join(HINT["○"]), st(7.5)), p("情報保護対策", st(8.5))]]
        style = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("ALIGN", (1, 1), (1, -1), "CENTER")]
        for party, mtype, rows in groups:
            first = len(data)
            for i, r in enumerate(rows):
                mark = r["mark"] + (f"\n（{r['note']}）" if r["note"] else "")
                data.append([p(f"{party}\n{mtype}", st(8.5)) if i == 0 else "", p(mark, st(8, align=1)),
                             p(r["measure"], small)])
            style.append(("SPAN", (0, first), (0, len(data) - 1)))
        t = Table(data, colWidths=[34 * mm, 24 * mm, 117 * mm], repeatRows=1)
        t.setStyle(TableStyle(style))
        story.append(t)

    def footer(canvas, doc):
        canvas.setFont("IPAMincho", 9)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"－ {doc.page} －")

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=17 * mm, rightMargin=17 * mm, topMargin=15 * mm,
                            bottomMargin=17 * mm, title=d["title"], author="", creator="", producer="")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def render():
    PDF.mkdir(exist_ok=True)
    k1, k2, k3 = docs8.DOCS
    chromium(html_doc(k1, CSS_K1, (20, 17)), PDF / f"{k1['stem']}.pdf")
    render_reportlab(k2, PDF / f"{k2['stem']}.pdf")
    chromium(html_doc(k3, CSS_K3, (17, 14)), PDF / f"{k3['stem']}.pdf")


# ------------------------------------------------------------------------------------ scans ----
# stem -> (dpi, colour mode, rotation degrees, params)
SCAN = {
    "k1_kokuho_kenshin_scan": dict(dpi=200, mode="gray", rot=0.5, noise=1.5, jpeg=45),
    "k2_suido_kouza_fax": dict(dpi=200, mode="bilevel", rot=-0.3, noise=0.0, jpeg=None),
    "k3_hoiku_shinsei_scan": dict(dpi=180, mode="colour", rot=1.0, noise=1.5, jpeg=50),
}


def stamp(img, np, rng):
    """A faint red hand-drawn circle with 済 in the bottom-left margin of the first page (blank area)."""
    from PIL import ImageDraw, ImageFont
    w, h = img.size
    r = int(w * 0.045)
    cx, cy = int(w * 0.12), int(h * 0.93)
    box = np.asarray(img.convert("L"))[cy - r - 4:cy + r + 4, cx - r - 4:cx + r + 4]
    assert box.min() > 200, "stamp area is not blank"
    layer = img.copy()
    draw = ImageDraw.Draw(layer)
    pts = []
    for k in range(0, 380, 4):
        a = np.deg2rad(k)
        rr = r * (1 + 0.05 * np.sin(3 * a) + rng.normal(0, 0.01))
        pts.append((cx + rr * np.cos(a), cy + rr * 0.92 * np.sin(a)))
    draw.line(pts, fill=(200, 60, 50), width=max(3, r // 12))
    font = ImageFont.truetype("/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf", int(r * 1.1))
    draw.text((cx, cy), "済", fill=(200, 60, 50), font=font, anchor="mm")
    from PIL import Image
    return Image.blend(img, layer, 0.55)


def scan():
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(8)
    for stem, prm in SCAN.items():
        base = docs8.SCANNED[stem]
        with tempfile.TemporaryDirectory() as tmp:
            flag = [] if prm["mode"] == "colour" else ["-gray"]
            subprocess.run(["pdftoppm", "-r", str(prm["dpi"]), *flag, "-png", str(PDF / f"{base}.pdf"),
                            f"{tmp}/p"], check=True)
            pages = []
            for n, png in enumerate(sorted(Path(tmp).glob("p-*.png"))):
                img = Image.open(png)
                img = img.convert("RGB" if prm["mode"] == "colour" else "L")
                if prm["mode"] == "colour":
                    a = np.asarray(img).astype(np.float32)
                    a = a * np.array([0.985, 0.965, 0.885]) + np.array([2, 2, 0])  # yellowish paper
                    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
                    if n == 0:
                        img = stamp(img, np, rng)
                fill = (247, 241, 222) if prm["mode"] == "colour" else 255
                img = img.rotate(prm["rot"], resample=Image.BICUBIC, expand=False, fillcolor=fill)
                a = np.asarray(img).astype(np.float32)
                if prm["noise"]:  # sensor noise, the same on every channel
                    n = rng.normal(0, prm["noise"], a.shape[:2])
                    a = a + (n[..., None] if a.ndim == 3 else n)
                if prm["mode"] == "bilevel":
                    a = a + rng.normal(0, 18, a.shape)  # uneven toner before the threshold
                    bw = a > 150
                    specks = rng.random(bw.shape) < 0.0004
                    bw[specks] = False
                    img = Image.fromarray((bw * 255).astype(np.uint8)).convert("1", dither=Image.NONE)
                else:
                    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
                pages.append(img)
            out = PDF / f"{stem}.pdf"
            kw = {"quality": prm["jpeg"]} if prm["jpeg"] else {}
            pages[0].save(out, save_all=True, append_images=pages[1:], resolution=prm["dpi"], **kw)


if __name__ == "__main__":
    {"render": render, "scan": scan}[sys.argv[1]]()
