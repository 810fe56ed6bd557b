"""HTML (chromium) source of j3, reportlab platypus PDF of j4, and the two raster scans."""
import html
import io
import math
import random
import subprocess
from pathlib import Path

import docs6
from markup6 import segments

CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--no-pdf-header-footer", "--print-to-pdf-no-header"]


# ----------------------------------------------------------------------------- HTML (j3)
def _h(text):
    out = []
    for line in text.split("\n"):
        parts = []
        for seg, marked in segments(line):
            s = html.escape(seg)
            parts.append(f'<span class="chg">{s}</span>' if marked else s)
        out.append("".join(parts))
    return "<br>".join(out)


CSS = """
@page { size: A4; margin: 22mm 20mm 20mm 22mm; }
body { font-family: 'IPAMincho', serif; font-size: 10.5pt; line-height: 1.6; color: #111; }
.chg { font-family: 'IPAGothic', sans-serif; font-weight: bold; text-decoration: underline; }
.page { page-break-after: always; }
.page:last-child { page-break-after: auto; }
.no { text-align: right; font-family: 'IPAGothic'; font-size: 13pt; }
h1 { text-align: center; font-family: 'IPAGothic'; font-size: 15pt; margin: 18mm 0 10mm; font-weight: bold; }
.kenmei { border-top: 2px solid #000; border-bottom: 2px solid #000; padding: 4mm 2mm; font-size: 12pt; }
.kenmei b { font-family: 'IPAGothic'; margin-right: 8mm; }
.center { text-align: center; margin: 8mm 0; }
.basis b { font-family: 'IPAGothic'; }
.dept { text-align: right; margin-top: 70mm; }
h2 { font-family: 'IPAGothic'; font-size: 12pt; border-left: 6px solid #555; padding-left: 3mm; }
.sheethead { font-family: 'IPAGothic'; font-size: 10pt; color: #333; }
.title { font-family: 'IPAGothic'; font-size: 11.5pt; margin: 3mm 0 1mm; }
.legend { font-size: 8.5pt; margin-bottom: 3mm; }
dl { margin: 0; border-top: 1.5px solid #000; }
dt { font-family: 'IPAGothic'; font-weight: bold; padding: 2mm 0 0.5mm 0; }
dd { margin: 0 0 0 8mm; padding: 0 0 2mm 0; border-bottom: 0.6px solid #777; }
.ri h3 { font-family: 'IPAGothic'; font-size: 10.5pt; margin: 3mm 0 1mm; }
.ri h4 { font-family: 'IPAMincho'; font-weight: normal; font-size: 10.5pt; margin: 1mm 0 0 4mm; }
.ri p { margin: 0 0 2mm 8mm; }
"""


def html_j3():
    d = docs6.J3
    c = d["cover"]
    pages = [f"""<div class="page"><div class="no">{_h(c['material_no'])}</div>
<h1>{_h(c['heading'])}</h1>
<div class="kenmei"><b>件名</b>{_h(c['title'])}</div>
<p class="center">内容は別紙のとおり</p>
<div class="basis"><b>{_h(c['basis_label'])}</b><br>{'<br>'.join(_h(x) for x in c['basis_lines'])}</div>
<p class="dept">{_h(c['dept_line'])}</p></div>"""]
    dl = "".join(f"<dt>{_h(lb)}</dt><dd>{_h(v)}</dd>" for lb, v, _t in d["overview"])
    pages.append(f'<div class="page"><h2>{_h(d["overview_heading"])}</h2><dl>{dl}</dl></div>')
    for sh in d["sheets"]:
        dl = "".join(f"<dt>{_h(lb)}</dt><dd>{_h(v)}</dd>" for lb, v, _r, _t in sh["rows"])
        pages.append(f"""<div class="page"><div class="sheethead">{_h(sh['heading'])}</div>
<div class="title">件名　{_h(sh['title'])}</div><div class="legend">{_h(sh['legend'])}</div><dl>{dl}</dl></div>""")
    ri = d["record_items"]
    body = []
    for g1, g2, _path, items in ri["groups"]:
        if g1:
            body.append(f"<h3>{_h(g1)}</h3>")
        if g2:
            body.append(f"<h4>{_h(g2)}</h4>")
        body.append(f"<p>{_h(items)}</p>")
    pages.append(f"""<div class="page ri"><div class="no">{_h(ri['number'])}</div>
<h2>{_h(ri['heading'])}</h2><div class="legend">{_h(ri['legend'])}</div>{''.join(body)}</div>""")
    return f"""<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><style>{CSS}</style></head>
<body>{''.join(pages)}</body></html>"""


def render_j3(out_pdf, workdir):
    src = Path(workdir) / "j3.html"
    src.write_text(html_j3(), encoding="utf-8")
    subprocess.run(CHROMIUM + [f"--print-to-pdf={out_pdf}", src.as_uri()], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)


# ----------------------------------------------------------------------------- reportlab (j4)
def render_j4(out_pdf):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
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
    d = docs6.J4
    body = ParagraphStyle("b", fontName="IPAMincho", fontSize=10, leading=15, wordWrap="CJK")
    lab = ParagraphStyle("l", parent=body, fontName="IPAexGothic", fontSize=9.5)
    big = ParagraphStyle("h", parent=body, fontName="IPAexGothic", fontSize=15, leading=22, alignment=TA_CENTER)
    right = ParagraphStyle("r", parent=body, alignment=TA_RIGHT)
    small = ParagraphStyle("s", parent=body, fontSize=8.5, leading=12)
    head = ParagraphStyle("hd", parent=body, fontName="IPAexGothic", fontSize=11, leading=16)

    def p(text, style=body):
        out = []
        for line in text.split("\n"):
            parts = []
            for seg, marked in segments(line):
                s = html.escape(seg)
                parts.append(f'<font name="IPAexGothic"><u>{s}</u></font>' if marked else s)
            out.append("".join(parts))
        return Paragraph("<br/>".join(out), style)

    def grid(rows, widths):
        t = Table(rows, colWidths=widths)
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEF2F7")),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        return t

    c = d["cover"]
    story = [Spacer(1, 30 * mm), p(c["heading"], big), Spacer(1, 12 * mm),
             grid([[p("件　名", lab), p(c["title"], ParagraphStyle("t", parent=body, fontSize=12, leading=18))]],
                  [28 * mm, 140 * mm]),
             Spacer(1, 8 * mm), p("内容は別紙のとおり", ParagraphStyle("c", parent=body, alignment=TA_CENTER)),
             Spacer(1, 10 * mm), p(c["basis_label"], lab)]
    story += [p(x) for x in c["basis_lines"]]
    story += [Spacer(1, 95 * mm), p(c["dept_line"], right), PageBreak()]
    story += [p(d["overview_heading"], head), Spacer(1, 3 * mm),
              grid([[p(lb, lab), p(v)] for lb, v, _t in d["overview"]], [26 * mm, 144 * mm]), PageBreak()]
    for n, sh in enumerate(d["sheets"]):
        story += [p(sh["heading"], lab), Spacer(1, 3 * mm), p("件名　" + sh["title"], head),
                  p(sh["legend"], small), Spacer(1, 2 * mm),
                  grid([[p(lb, lab), p(v)] for lb, v, _r, _t in sh["rows"]], [46 * mm, 124 * mm])]
        if n + 1 < len(d["sheets"]):
            story.append(PageBreak())
    doc = SimpleDocTemplate(str(out_pdf), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm, title="", author="", creator="",
                            producer="", invariant=1)
    doc.build(story)


# ----------------------------------------------------------------------------- scans
def scan(src_pdf, out_pdf, dpi, colour, skew, seed):
    """Rasterise every page like a copier would: grey or colour, JPEG, a slight skew, a faint tint."""
    import pymupdf
    from PIL import Image, ImageFilter

    rnd = random.Random(seed)
    pages = []
    with pymupdf.open(src_pdf) as doc:
        for i, page in enumerate(doc):
            pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB if colour else pymupdf.csGRAY, alpha=False)
            img = Image.open(io.BytesIO(pix.tobytes("png")))
            img = img.convert("RGB" if colour else "L")
            img = img.filter(ImageFilter.GaussianBlur(0.5))
            if colour:  # faint warm paper tint with a soft gradient
                w, h = img.size
                tint = Image.new("RGB", (w, h), (246, 241, 226))
                grad = Image.linear_gradient("L").resize((w, h)).point(lambda v: 60 + v // 4)
                base = Image.composite(tint, Image.new("RGB", (w, h), (252, 250, 244)), grad)
                img = Image.fromarray(__import__("numpy").minimum(
                    __import__("numpy").asarray(img), __import__("numpy").asarray(base)))
            else:
                img = img.point(lambda v: min(255, int(v * 0.93 + 12)))
            angle = skew * (1 if i % 2 == 0 else -0.8) + rnd.uniform(-0.1, 0.1) if skew else rnd.uniform(-0.15, 0.15)
            fill = (250, 247, 238) if colour else 245
            img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=fill)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=38 if colour else 45, optimize=True, dpi=(dpi, dpi))
            pages.append((buf.getvalue(), img.size))
    out = pymupdf.open()
    for data, (w, h) in pages:  # the JPEG goes in as is (DCTDecode), page size from the dpi
        page = out.new_page(width=w * 72 / dpi, height=h * 72 / dpi)
        page.insert_image(page.rect, stream=data)
    out.save(out_pdf, garbage=4, deflate=True, no_new_id=True)
    _ = math  # noqa
