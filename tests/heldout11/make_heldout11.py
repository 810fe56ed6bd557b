"""Render (born-digital) and scan the eleventh held-out corpus from docs11.py.

    /tmp/h11tools/bin/python tests/heldout11/make_heldout11.py render   # python-pptx + reportlab + fonttools;
                                                                        # needs soffice, chromium
    /work/main/.venv/bin/python tests/heldout11/make_heldout11.py scan  # Pillow + numpy + opencv + pymupdf;
                                                                        # needs pdftoppm
m1: python-pptx slides (A4 landscape, free text boxes, table objects) -> LibreOffice Impress -> PDF.
m2: HTML (vertical-writing cover) -> headless Chromium -> PDF.
m3: reportlab canvas with a text layer, except that every glyph of page 5 is drawn
as a filled outline (one Form XObject per glyph, from fontTools), so that page has no text layer.
"""
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PDF = HERE / "pdf"
sys.path.insert(0, str(HERE))
import docs11  # noqa: E402

MINCHO = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"
GOTHIC = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"


def pieces(text):
    """[(text, marked)] from a spec string with ⟦…⟧ spans."""
    out = []
    for k, part in enumerate(re.split(r"[⟦⟧]", text)):
        if part:
            out.append((part, k % 2 == 1))
    return out


# ======================================================================= m1: pptx -> Impress
def render_m1(sub, out):
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.oxml.ns import qn
    from pptx.util import Mm, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Mm(297), Mm(210)
    blank = prs.slide_layouts[6]

    def set_font(run, size, gothic=False, bold=False, underline=False):
        face = "IPAexGothic" if gothic else "IPAexMincho"
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.underline = underline
        run.font.color.rgb = RGBColor(0, 0, 0)
        rpr = run._r.get_or_add_rPr()
        for tag in ("a:latin", "a:ea"):
            el = rpr.find(qn(tag))
            if el is None:
                el = rpr.makeelement(qn(tag), {})
                rpr.append(el)
            el.set("typeface", face)

    def fill_frame(tf, text, size, gothic=False, bold=False, align=None, marks=True):
        from pptx.enum.text import PP_ALIGN
        tf.word_wrap = True
        lines = text.split("\n")
        for i, line in enumerate(lines):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.line_spacing = 1.12
            if align == "center":
                p.alignment = PP_ALIGN.CENTER
            elif align == "right":
                p.alignment = PP_ALIGN.RIGHT
            for part, marked in (pieces(line) if marks else [(line, False)]):
                r = p.add_run()
                r.text = part
                set_font(r, size, gothic=gothic or marked, bold=bold or marked, underline=marked)

    def box(slide, x, y, w, h, text, size, border=False, **kw):
        tb = slide.shapes.add_textbox(Mm(x), Mm(y), Mm(w), Mm(h))
        tf = tb.text_frame
        for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
            setattr(tf, side, Mm(1.2))
        fill_frame(tf, text, size, **kw)
        if border:
            tb.line.color.rgb = RGBColor(0, 0, 0)
            tb.line.width = Pt(0.75)
        return tb

    def cell_borders(cell):
        tcpr = cell._tc.get_or_add_tcPr()
        for tag in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
            ln = tcpr.makeelement(qn(tag), {"w": "6350", "cap": "flat", "cmpd": "sng", "algn": "ctr"})
            sf = ln.makeelement(qn("a:solidFill"), {})
            clr = sf.makeelement(qn("a:srgbClr"), {"val": "000000"})
            sf.append(clr)
            ln.append(sf)
            ln.append(ln.makeelement(qn("a:prstDash"), {"val": "solid"}))
            tcpr.append(ln)

    def table(slide, x, y, widths, data, size, shade_first=True, merges=()):
        """data: list of rows of cell texts; merges: (r0, c, r1) vertical merges."""
        shp = slide.shapes.add_table(len(data), len(widths), Mm(x), Mm(y), Mm(sum(widths)), Mm(5 * len(data)))
        tbl = shp.table
        tbl.first_row = False
        tbl.horz_banding = False
        for c, w in enumerate(widths):
            tbl.columns[c].width = Mm(w)
        for r in range(len(data)):
            tbl.rows[r].height = Mm(4)
        for r0, c, r1 in merges:
            tbl.cell(r0, c).merge(tbl.cell(r1, c))
        for r, rowdata in enumerate(data):
            for c, text in enumerate(rowdata):
                cell = tbl.cell(r, c)
                cell.margin_left = cell.margin_right = Mm(1.2)
                cell.margin_top = cell.margin_bottom = Mm(0.6)
                cell.fill.solid()
                grey = shade_first and c == 0
                cell.fill.fore_color.rgb = RGBColor(0xEE, 0xEE, 0xEE) if grey else RGBColor(0xFF, 0xFF, 0xFF)
                cell_borders(cell)
                if text is None or cell.is_spanned:
                    continue
                cell.text_frame.paragraphs[0].text = ""
                fill_frame(cell.text_frame, text, size)
        return tbl

    def page_no(slide, n):
        box(slide, 138, 201, 21, 6, f"－ {n} －", 8, align="center")

    # page 1: cover, free text boxes
    s = prs.slides.add_slide(blank)
    box(s, 250, 14, 30, 10, sub["material"], 14, border=True, gothic=True, align="center")
    box(s, 30, 40, 237, 12, sub["heading"], 18, gothic=True, align="center")
    box(s, 40, 66, 28, 14, sub["title_label"], 14, border=True, gothic=True, align="center")
    box(s, 68, 66, 190, 14, sub["title"], 14, border=True)
    box(s, 40, 90, 100, 8, "内容は別紙のとおり", 12)
    box(s, 40, 112, 120, 8, sub["basis_lines"][0], 12, gothic=True)
    box(s, 48, 122, 200, 8, sub["basis_lines"][1], 12)
    box(s, 170, 176, 100, 8, sub["dept_line"], 12, align="right")

    # page 2: overview as a two-column 項目｜内容 table
    s = prs.slides.add_slide(blank)
    box(s, 18, 10, 120, 9, sub["overview_heading"], 14, gothic=True)
    head = sub["overview_header"]
    data = [list(head)] + [[label, value] for _k, label, value in sub["overview_rows"]]
    tbl = table(s, 18, 21, [34, 227], data, 10.5)
    for c in range(2):  # the 項目｜内容 header row: grey, centred
        cell = tbl.cell(0, c)
        cell.fill.fore_color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
        cell.text_frame.paragraphs[0].alignment = 2
    page_no(s, 2)

    # page 3: the two sheets side by side
    s = prs.slides.add_slide(blank)
    for k, sh in enumerate(sub["sheets"]):
        x = 10 + k * 142
        box(s, x, 7, 135, 6, sh["heading"], 10, gothic=True)
        box(s, x, 13, 135, 6, f"{sh['title_label']}　{sh['title']}", 9.5)
        box(s, x, 19.5, 135, 8, sh["legend"], 7.5, gothic=True)
        table(s, x, 28.5, [33, 102], [[label, value] for label, value in sh["rows"]], 8)
    page_no(s, 3)

    # page 4: the 電算処理 checklist two-up (町 side left, 委託先 side right)
    s = prs.slides.add_slide(blank)
    kind, heading, _subh, hint, groups = sub["checklists"][0]
    box(s, 10, 5, 277, 7, heading, 11, gothic=True, align="center")
    for k, side in enumerate(("ward", "counterparty")):
        x = 7 + k * 143
        gs = [g for g in groups if g[2][0]["party"] == side]
        data = [["", hint, "情報保護対策"]]
        merges = []
        for party_label, type_label, rows in gs:
            r0 = len(data)
            for j, r in enumerate(rows):
                mark = r["mark"] + (f"\n（{r['note']}）" if r["note"] else "")
                data.append([f"{party_label}\n{type_label}" if j == 0 else None, mark, r["measure"]])
            merges.append((r0, 0, len(data) - 1))
        table(s, x, 13.5, [25, 19, 96], data, 7.2, merges=merges)
    page_no(s, 4)
    with tempfile.TemporaryDirectory() as tmp:
        pptx = Path(tmp) / f"{out.stem}.pptx"
        prs.save(pptx)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf:impress_pdf_Export", "--outdir", tmp, str(pptx)],
                       check=True, capture_output=True)
        shutil.copy(Path(tmp) / f"{out.stem}.pdf", out)


# ======================================================================= m2: HTML -> Chromium
M2_CSS = """
@page { size: A4; margin: 18mm 17mm 16mm 17mm; }
body { font-family: 'IPAexMincho'; font-size: 10pt; color: #000; margin: 0; }
.g, h1, h2, th, .head { font-family: 'IPAexGothic'; }
.cover { writing-mode: vertical-rl; height: 258mm; width: 176mm; position: relative; }
.cover p { margin: 0 0 0 9mm; font-size: 14pt; line-height: 1.3; }
.cover .mat { border: 1.2pt solid #000; padding: 3mm 1.5mm; display: inline-block; font-family: 'IPAexGothic'; }
.cover .big { font-size: 19pt; font-family: 'IPAexGothic'; margin-left: 14mm; }
.cover .title { font-size: 17pt; border: 1pt solid #000; padding: 4mm 2mm; margin-left: 14mm; }
.cover .low { margin-top: 120mm; }
.page { break-before: page; }
h1 { font-size: 13pt; margin: 0 0 3mm; }
h2 { font-size: 12pt; margin: 0 0 2mm; font-weight: normal; }
.stitle { font-size: 11pt; margin: 0 0 2mm; }
.legend { font-size: 9pt; margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.8pt solid #000; padding: 1.6mm 2mm; vertical-align: top; line-height: 1.45; }
td.l { width: 38mm; background: #f0f0f0; }
b.g { font-weight: bold; }
.cl td { font-size: 8.6pt; padding: 1.1mm 1.6mm; }
.cl td.mark { width: 22mm; text-align: center; vertical-align: middle; }
.cl td.party { width: 22mm; vertical-align: middle; }
.cl td.type { width: 18mm; vertical-align: middle; text-align: center; }
.cl th { font-weight: normal; font-size: 8.6pt; }
"""


def h(text):
    out = []
    for part, marked in pieces(text):
        t = html.escape(part).replace("\n", "<br>")
        out.append(f'<b class="g">{t}</b>' if marked else t)
    return "".join(out)


def render_m2(sub, out):
    parts = ['<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>', M2_CSS, "</style></head><body>"]
    b = sub["basis_lines"]
    parts.append(
        '<div class="cover">'
        f'<p><span class="mat">{h(sub["material"])}</span></p>'
        f'<p class="big">{h(sub["heading"])}</p>'
        f'<p class="title">{h(sub["title_label"])}　{h(sub["title"])}</p>'
        '<p>内容は別紙のとおり</p>'
        f'<p class="g">{h(b[0])}</p><p>{h(b[1])}</p><p>{h(b[2])}</p>'
        f'<p class="low">{h(sub["dept_line"])}</p></div>')
    parts.append(f'<div class="page"><h1>{h(sub["overview_heading"])}</h1><table>')
    for _k, label, value in sub["overview_rows"]:
        parts.append(f'<tr><td class="l head">{h(label)}</td><td>{h(value)}</td></tr>')
    parts.append("</table></div>")
    for sh in sub["sheets"]:
        parts.append(f'<div class="page"><h2 class="g">{h(sh["heading"])}</h2>'
                     f'<p class="stitle">{h(sh["title_label"])}　{h(sh["title"])}</p>')
        if sh["legend"]:
            parts.append(f'<p class="legend">{h(sh["legend"])}</p>')
        parts.append("<table>")
        for label, value in sh["rows"]:
            parts.append(f'<tr><td class="l">{h(label)}</td><td>{h(value)}</td></tr>')
        parts.append("</table></div>")
    kind, heading, _subh, hint, groups = sub["checklists"][0]
    for side in ("ward", "counterparty"):
        gs = [g for g in groups if g[2][0]["party"] == side]
        parts.append(f'<div class="page"><h2 class="g">{h(heading)}</h2><table class="cl">'
                     f'<tr><th colspan="2"></th><th>{h(hint)}</th><th>情報保護対策</th></tr>')
        n = sum(len(g[2]) for g in gs)
        for gi, (party_label, type_label, rows) in enumerate(gs):
            for j, r in enumerate(rows):
                parts.append("<tr>")
                if gi == 0 and j == 0:
                    parts.append(f'<td class="party" rowspan="{n}">{h(party_label)}</td>')
                if j == 0:
                    parts.append(f'<td class="type" rowspan="{len(rows)}">{h(type_label)}</td>')
                mark = h(r["mark"]) + (f'<br><span style="font-size:7.5pt">（{h(r["note"])}）</span>' if r["note"] else "")
                parts.append(f'<td class="mark">{mark}</td><td>{h(r["measure"])}</td></tr>')
        parts.append("</table></div>")
    parts.append("</body></html>")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "m2.html"
        src.write_text("".join(parts), encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", src.as_uri()], check=True, capture_output=True)


# ======================================================================= m3: reportlab canvas
class Outliner:
    """Draws text either as text (a text layer) or, on an outlined page, as glyph outlines: each glyph is
    one Form XObject filled from its TrueType contours (fontTools), so that page carries no text at all."""

    def __init__(self, c):
        from fontTools.ttLib import TTFont as FTFont
        self.c, self.outline, self.forms = c, False, set()
        self.fonts = {}
        for name, path in (("Mincho", MINCHO), ("Gothic", GOTHIC)):
            f = FTFont(path)
            self.fonts[name] = (f.getGlyphSet(), f.getBestCmap(), f["head"].unitsPerEm)

    def _form(self, font, ch):
        from fontTools.pens.basePen import BasePen
        name = f"g_{font}_{ord(ch):x}"
        if name in self.forms:
            return name
        gs, cmap, upm = self.fonts[font]
        c = self.c
        path = c.beginPath()

        class Pen(BasePen):
            def _moveTo(self, pt):
                path.moveTo(*pt)

            def _lineTo(self, pt):
                path.lineTo(*pt)

            def _curveToOne(self, p1, p2, p3):
                path.curveTo(*p1, *p2, *p3)

            def _closePath(self):
                path.close()

        gname = cmap.get(ord(ch))
        c.beginForm(name, lowerx=-upm, lowery=-upm, upperx=2 * upm, uppery=2 * upm)
        if gname:
            gs[gname].draw(Pen(gs))
            c.drawPath(path, stroke=0, fill=1, fillMode=1)
        c.endForm()
        self.forms.add(name)
        return name

    def draw(self, x, y, text, font, size, align="left"):
        from reportlab.pdfbase import pdfmetrics
        c = self.c
        w = pdfmetrics.stringWidth(text, font, size)
        x = x - w / 2 if align == "center" else x - w if align == "right" else x
        if not self.outline:
            c.setFont(font, size)
            c.drawString(x, y, text)
            return
        upm = self.fonts[font][2]
        for ch in text:
            if not ch.isspace():
                name = self._form(font, ch)
                c.saveState()
                c.translate(x, y)
                c.scale(size / upm, size / upm)
                c.doForm(name)
                c.restoreState()
            x += pdfmetrics.stringWidth(ch, font, size)


def render_m3(sub, out):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Mincho", MINCHO))
    pdfmetrics.registerFont(TTFont("Gothic", GOTHIC))
    W, H = A4
    no_start = set("、。，．）」』】〕・ー－）:")

    def wrap(text, font, size, width):
        lines = []
        for para in text.split("\n"):
            cur = ""
            for ch in para:
                if pdfmetrics.stringWidth(cur + ch, font, size) > width and cur and ch not in no_start:
                    lines.append(cur)
                    cur = ch
                else:
                    cur += ch
            lines.append(cur)
        return lines

    c = canvas.Canvas(str(out), pagesize=A4, pageCompression=1)
    c.setTitle(sub["title"])
    c.setAuthor("鷺ノ台市健康福祉部健康増進課")
    c.setCreator("Microsoft® Word 2019")
    t = Outliner(c)
    outlined_no = docs11.OUTLINED_PAGE[sub["stem"]]
    page = [1]

    def foot():
        t.draw(W / 2, 12 * mm, f"- {page[0]} -", "Mincho", 9, "center")
        c.showPage()
        page[0] += 1
        t.outline = page[0] == outlined_no

    def text_lines(x, y, lines, font, size, lead=None):
        lead = lead or size * 1.5
        for ln in lines:
            t.draw(x, y, ln, font, size)
            y -= lead
        return y

    # page 1: cover
    c.setLineWidth(1)
    c.rect(W - 52 * mm, H - 30 * mm, 34 * mm, 11 * mm)
    t.draw(W - 35 * mm, H - 26.5 * mm, sub["material"], "Gothic", 13, "center")
    t.draw(W / 2, H - 62 * mm, sub["heading"], "Gothic", 16, "center")
    c.rect(22 * mm, H - 92 * mm, W - 44 * mm, 16 * mm)
    c.line(44 * mm, H - 92 * mm, 44 * mm, H - 76 * mm)
    t.draw(33 * mm, H - 86 * mm, sub["title_label"], "Gothic", 12, "center")
    t.draw(48 * mm, H - 86 * mm, sub["title"], "Mincho", 12)
    t.draw(26 * mm, H - 106 * mm, "内容は別紙のとおり", "Mincho", 12)
    t.draw(26 * mm, H - 126 * mm, sub["basis_lines"][0], "Gothic", 12)
    t.draw(26 * mm, H - 136 * mm, sub["basis_lines"][1], "Gothic", 12)
    t.draw(30 * mm, H - 145 * mm, "◇" + sub["basis_lines"][2], "Mincho", 11)
    t.draw(W - 24 * mm, 40 * mm, sub["dept_line"], "Mincho", 12, "right")
    foot()

    # page 2: overview, borderless headed blocks
    y = H - 28 * mm
    t.draw(20 * mm, y, sub["overview_heading"], "Gothic", 13)
    y -= 11 * mm
    for _k, label, value in sub["overview_rows"]:
        t.draw(22 * mm, y, label, "Gothic", 10.5)
        y -= 6 * mm
        y = text_lines(30 * mm, y, wrap(value, "Mincho", 10.5, W - 52 * mm), "Mincho", 10.5, 6 * mm) - 3 * mm
    foot()

    # pages 3-4: one sheet per page, ruled two-column table
    lab_w, val_w, x0 = 42 * mm, W - 40 * mm - 42 * mm, 20 * mm
    for sh in sub["sheets"]:
        y = H - 24 * mm
        t.draw(x0, y, sh["heading"], "Gothic", 11)
        y -= 9 * mm
        t.draw(x0, y, f"{sh['title_label']}　{sh['title']}", "Mincho", 11)
        y -= 5 * mm
        c.setLineWidth(0.6)
        for label, value in sh["rows"]:
            ll = wrap(label, "Mincho", 9.5, lab_w - 4 * mm)
            vl = wrap(value, "Mincho", 9.5, val_w - 4 * mm)
            hgt = max(len(ll), len(vl)) * 5 * mm + 3.5 * mm
            c.setFillGray(0.92)
            c.rect(x0, y - hgt, lab_w, hgt, stroke=0, fill=1)
            c.setFillGray(0)
            c.rect(x0, y - hgt, lab_w, hgt)
            c.rect(x0 + lab_w, y - hgt, val_w, hgt)
            text_lines(x0 + 2 * mm, y - 5 * mm, ll, "Mincho", 9.5, 5 * mm)
            text_lines(x0 + lab_w + 2 * mm, y - 5 * mm, vl, "Mincho", 9.5, 5 * mm)
            y -= hgt
        foot()

    # pages 5-6: the 業務委託 checklist, 市 side (outlined page) then 受託事業者 side
    kind, heading, subh, hint, groups = sub["checklists"][0]
    cw = [27 * mm, 26 * mm, W - 36 * mm - 53 * mm]
    x0 = 18 * mm
    for side in ("ward", "counterparty"):
        y = H - 20 * mm
        t.draw(x0, y, heading, "Gothic", 11.5)
        y -= 6 * mm
        t.draw(x0 + 8 * mm, y, subh, "Mincho", 9.5)
        y -= 3 * mm
        hh = 11 * mm
        c.setLineWidth(0.6)
        c.rect(x0, y - hh, cw[0], hh)
        c.rect(x0 + cw[0], y - hh, cw[1], hh)
        c.rect(x0 + cw[0] + cw[1], y - hh, cw[2], hh)
        text_lines(x0 + cw[0] + 1 * mm, y - 4.5 * mm, hint.split("\n"), "Mincho", 6.0, 3.6 * mm)
        t.draw(x0 + cw[0] + cw[1] + cw[2] / 2, y - 6.5 * mm, "情報保護対策", "Mincho", 9, "center")
        y -= hh
        for party_label, type_label, rows in [g for g in groups if g[2][0]["party"] == side]:
            top = y
            for r in rows:
                ml = wrap(r["measure"], "Mincho", 8.6, cw[2] - 4 * mm)
                nl = wrap(f"（{r['note']}）", "Mincho", 6.8, cw[1] - 2 * mm) if r["note"] else []
                hgt = max(len(ml) * 4.3 * mm, (1 + len(nl)) * 3.6 * mm) + 2.6 * mm
                c.rect(x0 + cw[0], y - hgt, cw[1], hgt)
                c.rect(x0 + cw[0] + cw[1], y - hgt, cw[2], hgt)
                text_lines(x0 + cw[0] + cw[1] + 2 * mm, y - 4.3 * mm, ml, "Mincho", 8.6, 4.3 * mm)
                my = y - hgt / 2 + (len(nl) * 1.8 * mm) - 1.2 * mm
                t.draw(x0 + cw[0] + cw[1] / 2, my, r["mark"], "Mincho", 10, "center")
                for k, nline in enumerate(nl):
                    t.draw(x0 + cw[0] + cw[1] / 2, my - (k + 1) * 3.4 * mm, nline, "Mincho", 6.8, "center")
                y -= hgt
            c.rect(x0, y, cw[0], top - y)
            pl = wrap(party_label, "Mincho", 8.2, cw[0] - 3 * mm) + wrap(type_label, "Mincho", 8.2, cw[0] - 3 * mm)
            text_lines(x0 + 1.5 * mm, (top + y) / 2 + len(pl) * 2 * mm, pl, "Mincho", 8.2, 4 * mm)
        foot()
    c.save()


def render():
    PDF.mkdir(exist_ok=True)
    render_m1(docs11.M1, PDF / "m1_choei_jutaku.pdf")
    render_m2(docs11.M2, PDF / "m2_kyushokuhi.pdf")
    render_m3(docs11.M3, PDF / "m3_kenko_point.pdf")


# ======================================================================= scans
def _raster(page, dpi, grey):
    import numpy as np
    import pymupdf
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY if grey else pymupdf.csRGB, alpha=False)
    a = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, pix.n)
    return a[:, :, 0].copy() if grey else a.copy()


def _jpeg(arr, quality, subsampling=2):
    import io

    from PIL import Image
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, "JPEG", quality=quality, subsampling=subsampling, optimize=True)
    return buf.getvalue()


def _pen_text(img, text, xy, size, angle, colour, rng):
    """Hand-written-looking note: Gothic glyphs, wobbled, rotated, in ballpoint ink."""
    import cv2
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype(GOTHIC, size)
    w = int(font.getlength(text)) + size
    layer = Image.new("L", (w, size * 2), 0)
    ImageDraw.Draw(layer).text((size // 2, size // 3), text, font=font, fill=255)
    a = np.array(layer, dtype=np.float32)
    ys, xs = np.mgrid[0:a.shape[0], 0:a.shape[1]].astype(np.float32)
    a = cv2.remap(a, xs + 2.5 * np.sin(ys / 9.0), ys + 2.0 * np.sin(xs / 23.0), cv2.INTER_LINEAR)
    a = cv2.GaussianBlur(cv2.dilate(a, np.ones((2, 2), np.uint8)), (3, 3), 0.8)
    m = cv2.getRotationMatrix2D((a.shape[1] / 2, a.shape[0] / 2), angle, 1.0)
    a = cv2.warpAffine(a, m, (a.shape[1], a.shape[0])) / 255.0
    x, y = xy
    h, w = a.shape
    region = img[y:y + h, x:x + w].astype(np.float32)
    alpha = (a * rng.uniform(0.75, 0.95, a.shape))[..., None]
    img[y:y + h, x:x + w] = (region * (1 - alpha) + np.array(colour) * alpha).astype(np.uint8)


def _photo(page, rng):
    """Smartphone photo of a sheet on a desk: keystone, shadow gradient, warm cast, slight blur."""
    import cv2
    import numpy as np
    a = _raster(page, 150, False).astype(np.float32)
    h, w = a.shape[:2]
    W, H = int(w * 1.04), int(h * 1.06)
    bg = np.empty((H, W, 3), np.float32)
    bg[:] = (92, 80, 66)
    bg += rng.normal(0, 6, (H, W, 1))
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dx, dy = W * 0.02, H * 0.03
    dst = np.float32([[dx + w * 0.045, dy + 4], [W - dx - w * 0.03, dy + 14],
                      [W - dx + 6, H - dy - 2], [dx - 4, H - dy]])
    m = cv2.getPerspectiveTransform(src, dst)
    paper = cv2.warpPerspective(a, m, (W, H), borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.ones((h, w), np.float32), m, (W, H))[..., None]
    img = paper * mask + bg * (1 - mask)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    light = 0.62 + 0.38 * np.clip((xx / W) * 0.55 + (1 - yy / H) * 0.45, 0, 1)
    shadow = 1 - 0.22 * np.exp(-(((xx - W * 0.18) / (W * 0.16)) ** 2 + ((yy - H * 0.92) / (H * 0.22)) ** 2))
    img = img * (light * shadow)[..., None] * np.array([1.0, 0.96, 0.86])
    img = cv2.GaussianBlur(img, (0, 0), 1.0) + rng.normal(0, 4, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def _coffee_ring(img, cx, cy, r, rng):
    import numpy as np
    h, w = img.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = np.arctan2(yy - cy, xx - cx)
    rr = r * (1 + 0.03 * np.sin(3 * ang + 1.0) + 0.02 * np.sin(7 * ang))
    d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) - rr
    edge = np.exp(-(d / 5.0) ** 2) * (0.55 + 0.45 * np.sin(ang * 2 + 0.4) ** 2)
    inside = (d < 0) * 0.10
    tint = 1 - 0.42 * edge - inside
    return np.clip(img * tint, 0, 255)


def _halftone(img, rng):
    """Recycled paper printed with a 45° halftone tint: moiré against the 200 dpi grid."""
    import numpy as np
    h, w = img.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    u, v = (xx + yy) / 1.414, (xx - yy) / 1.414
    period = 4.6
    dots = (np.cos(2 * np.pi * u / period) + np.cos(2 * np.pi * v / period)) > 1.1
    return np.clip(img - dots * 50, 0, 255)


def _stamp(img, cx, cy, r, lines, rng):
    """A red 受付 rubber stamp: double ring, three lines of text, uneven ink."""
    import cv2
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont
    size = 2 * r + 8
    layer = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(layer)
    d.ellipse([4, 4, size - 4, size - 4], outline=255, width=max(3, r // 18))
    d.line([(int(r * 0.25), int(r * 0.72)), (int(size - r * 0.25), int(r * 0.72))], fill=255, width=3)
    d.line([(int(r * 0.25), int(size - r * 0.72)), (int(size - r * 0.25), int(size - r * 0.72))], fill=255, width=3)
    for k, text in enumerate(lines):
        f = ImageFont.truetype(GOTHIC, int(r * (0.30 if k != 1 else 0.26)))
        tw = f.getlength(text)
        d.text(((size - tw) / 2, [r * 0.30, r * 0.83, r * 1.33][k]), text, font=f, fill=255)
    a = np.array(layer, np.float32) / 255.0
    m = cv2.getRotationMatrix2D((size / 2, size / 2), -12, 1.0)
    a = cv2.warpAffine(a, m, (size, size))
    a *= np.clip(rng.normal(0.8, 0.25, a.shape), 0, 1)
    a = cv2.GaussianBlur(a, (3, 3), 0.7)
    y0, x0 = cy - size // 2, cx - size // 2
    region = img[y0:y0 + size, x0:x0 + size].astype(np.float32)
    ink = np.array([200, 40, 50], np.float32)
    al = a[..., None] * 0.85
    img[y0:y0 + size, x0:x0 + size] = (region * (1 - al) + np.minimum(region, ink) * al).astype(np.uint8)


def _pen_strokes(img, pts, colour, rng):
    import cv2
    import numpy as np
    pts = np.array(pts, np.int32).reshape(-1, 1, 2)
    layer = np.zeros(img.shape[:2], np.uint8)
    cv2.polylines(layer, [pts], False, 255, 3, cv2.LINE_AA)
    a = cv2.GaussianBlur(layer.astype(np.float32) / 255.0, (3, 3), 0.6)[..., None] * 0.85
    img[:] = (img * (1 - a) + np.array(colour) * a).astype(np.uint8)


def _image_pdf(pages, out, producer):
    """pages: [(jpeg bytes, (width_pt, height_pt))] -> an image-only PDF."""
    import pymupdf
    doc = pymupdf.open()
    for data, (w, h) in pages:
        pg = doc.new_page(width=w, height=h)
        pg.insert_image(pg.rect, stream=data)
    doc.set_metadata({"producer": producer, "creator": producer})
    doc.save(out, garbage=4, deflate=True)


def scan():
    import cv2
    import numpy as np
    import pymupdf
    rng = np.random.default_rng(11)

    # m1: smartphone photos, one per page (landscape)
    out = []
    with pymupdf.open(PDF / "m1_choei_jutaku.pdf") as doc:
        for page in doc:
            img = _photo(page, rng)
            h, w = img.shape[:2]
            out.append((_jpeg(img, 55), (w * 72 / 150, h * 72 / 150)))
    _image_pdf(out, PDF / "m1_choei_jutaku_photo.pdf", "iOS Version 17.5 (Build 21F79) Quartz PDFContext")

    # m2: 200 dpi greyscale, hard JPEG (q14, blocking), halftone tint on page 2, coffee ring on page 3
    out = []
    with pymupdf.open(PDF / "m2_kyushokuhi.pdf") as doc:
        for k, page in enumerate(doc, start=1):
            img = _raster(page, 200, True).astype(np.float32)
            img = img * 0.93 + 10
            if k == 2:
                img = _halftone(img, rng)
            if k == 3:
                h, w = img.shape
                img = _coffee_ring(img, w * 0.70, h * 0.36, 150, rng)
            m = cv2.getRotationMatrix2D((img.shape[1] / 2, img.shape[0] / 2), 0.3 if k % 2 else -0.2, 1.0)
            img = cv2.warpAffine(img, m, (img.shape[1], img.shape[0]), borderValue=245)
            img = np.clip(img + rng.normal(0, 3, img.shape), 0, 255).astype(np.uint8)
            out.append((_jpeg(img, 14), (page.rect.width, page.rect.height)))
    _image_pdf(out, PDF / "m2_kyushokuhi_200dpi_stain.pdf", "KONICA MINOLTA bizhub C360i")

    # m3: 220 dpi colour; blue ballpoint note crossing the text on page 3, red 受付 stamp on page 5
    out = []
    with pymupdf.open(PDF / "m3_kenko_point.pdf") as doc:
        for k, page in enumerate(doc, start=1):
            dpi = 220
            img = _raster(page, dpi, False)
            h, w = img.shape[:2]
            if k == 3:
                px = dpi / 25.4
                _pen_strokes(img, [(int(w * 0.62), int(82 * px)), (int(w * 0.50), int(96 * px)),
                                   (int(w * 0.40), int(112 * px)), (int(w * 0.36), int(128 * px))], (30, 50, 150), rng)
                _pen_text(img, "要件定義の時期 要確認", (int(w * 0.52), int(62 * px)), 40, 6, (30, 50, 150), rng)
            if k == 5:
                px = dpi / 25.4
                _stamp(img, int(20 * px), int(158 * px), 150, ["受付", "8.6.10", "健康増進課"], rng)
            m = cv2.getRotationMatrix2D((w / 2, h / 2), -0.4, 1.0)
            img = cv2.warpAffine(img, m, (w, h), borderValue=(250, 250, 248))
            img = np.clip(img.astype(np.float32) * 0.95 + 8 + rng.normal(0, 3, img.shape), 0, 255).astype(np.uint8)
            out.append((_jpeg(img, 40), (page.rect.width, page.rect.height)))
    _image_pdf(out, PDF / "m3_kenko_point_stamped.pdf", "Canon iR-ADV C5840 PDF")


if __name__ == "__main__":
    {"render": render, "scan": scan}[sys.argv[1]]()
