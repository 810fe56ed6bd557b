"""Render the tenth held-out corpus from docs10.py, and make its scans.

  /tmp/h10tools/bin/python tests/heldout10/make_heldout10.py render   # reportlab + PyMuPDF; needs soffice
  /work/main/.venv/bin/python tests/heldout10/make_heldout10.py scan  # Pillow + numpy + PyMuPDF; needs pdftoppm

Routes: n1 = PyMuPDF Story (HTML/CSS laid out by MuPDF, ruled tables); n2 = reportlab canvas with
absolute positions, every line drawn on its own, label/value aligned with full-width spaces, boxes and
the checklist grid drawn as separate line segments (no table objects); n3 = flat ODF text (.fodt) with
tab-aligned borderless sheets and ruled landscape checklist tables, converted by LibreOffice Writer.
"""
import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs10  # noqa: E402

PDF = HERE / "pdf"
MINCHO = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"
GOTHIC = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
MARK = re.compile(r"⟦(.*?)⟧", re.S)


# ============================================================================ n1: PyMuPDF Story
N1_CSS = """
@font-face {font-family: mincho; src: url(ipaexm.ttf);}
@font-face {font-family: gothic; src: url(ipaexg.ttf);}
body {font-family: mincho; font-size: 10.5pt; line-height: 1.45;}
h1 {font-family: gothic; font-size: 15pt; text-align: center; font-weight: normal; margin: 6pt 0 14pt 0;}
h2 {font-family: gothic; font-size: 12pt; font-weight: normal; margin: 4pt 0 6pt 0;}
p {margin: 0 0 3pt 0;}
table {border-collapse: collapse; width: 100%;}
td {border: 0.7pt solid #000; padding: 3pt 4pt; vertical-align: top;}
td.lab {background-color: #e8e8e8; width: 128pt;}
td.mk {text-align: center; width: 52pt; font-size: 9.5pt;}
td.pty {width: 80pt; font-size: 9.5pt;}
td.typ {width: 58pt; font-size: 9.5pt;}
td.ms {font-size: 9.5pt; width: 235pt;}
td.hd {background-color: #e8e8e8; text-align: center; font-size: 9pt;}
.box {border: 1pt solid #000; padding: 3pt 8pt; font-size: 12pt;}
.right {text-align: right;}
.small {font-size: 9.5pt;}
"""


def h(text):
    """Escape, marks → underline, line breaks → <br>."""
    out, last = [], 0
    for m in MARK.finditer(text):
        out.append(html.escape(text[last:m.start()]))
        out.append(f"<u>{html.escape(m.group(1))}</u>")
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")


def n1_pages(doc):
    pages = []
    fr = doc["front"]
    body = f"<h1>{h(fr['title'])}</h1>"
    for lab, val in fr["lines"]:
        body += f"<p style='margin-left:150pt'>{h(lab)}　{h(val)}</p>"
    body += "<p>　</p>"
    for line in fr["agenda"]:
        indent = "24pt" if line.startswith("（") else "0"
        body += f"<p style='margin:8pt 0 8pt {indent};'>{h(line)}</p>"
    body += f"<p>　</p><p class='small'>{h(fr['note'])}</p>"
    pages.append(body)
    for sub in doc["subs"]:
        cover = (f"<table style='width:80pt;margin-left:380pt;'><tr><td style='text-align:center'>{h(sub['material'])}"
                 f"</td></tr></table><p>　</p><h1>{h(sub['heading'])}</h1><p>　</p>"
                 f"<p style='font-size:12pt'>{h(sub['title_label'])}{h(sub['title'])}</p><p>　</p>"
                 f"<p>{h(sub['lead'])}</p><p>　</p>")
        if sub["report_line"]:
            cover += f"<p>{h(sub['report_line'])}</p>"
        if len(sub["basis_lines"]) == 1 and sub["report_line"]:
            cover += f"<p>{h(sub['basis_label'])}：{h(sub['basis_lines'][0])}</p>"
        else:
            cover += f"<p>{h(sub['basis_label'])}</p>" + "".join(f"<p style='margin-left:12pt'>{h(x)}</p>"
                                                              for x in sub["basis_lines"])
        cover += "<p>　</p>" * 14 + f"<p class='right'>{h(sub['dept_line'])}</p>"
        pages.append(cover)
        ov = f"<h2>{h(sub['overview_title'])}</h2><table>"
        for _k, lab, val in sub["overview_rows"]:
            ov += f"<tr><td class='lab'>{h(lab)}</td><td>{h(val)}</td></tr>"
        pages.append(ov + "</table>")
        for sh in sub["sheets"]:
            s = f"<p>{h(sh['heading'])}</p><p>　</p><p style='font-size:11.5pt'>件名　{h(sh['title'])}</p>"
            if sh["legend"]:
                s += f"<p class='small'>{h(sh['legend'])}</p>"
            s += "<table>" + "".join(f"<tr><td class='lab'>{h(lab)}</td><td>{h(val)}</td></tr>"
                                     for lab, val in sh["rows"]) + "</table>"
            pages.append(s)
        for _kind, heading, subh, hint, groups in sub["checklists"]:
            by_party = {}
            for party_label, type_label, rs in groups:
                by_party.setdefault(party_label, []).append((type_label, rs))
            for party_label, tgroups in by_party.items():
                c = f"<h2>{h(heading)}</h2>" + (f"<p>{h(subh)}</p>" if subh else "")
                c += (f"<table><tr><td class='hd' colspan='2'></td><td class='hd mk'>{h(hint)}</td>"
                      f"<td class='hd'>情報保護対策</td></tr>")
                n_party = sum(len(rs) for _, rs in tgroups)
                first = True
                for type_label, rs in tgroups:
                    for k, r in enumerate(rs):
                        c += "<tr>"
                        if first:
                            c += f"<td class='pty' rowspan='{n_party}'>{h(party_label)}</td>"
                            first = False
                        if k == 0:
                            c += f"<td class='typ' rowspan='{len(rs)}'>{h(type_label)}</td>"
                        mark = h(r["mark"]) + (f"<br>（{h(r['note'])}）" if r["note"] else "")
                        c += f"<td class='mk'>{mark}</td><td class='ms'>{h(r['measure'])}</td></tr>"
                pages.append(c + "</table>")
    return pages


def render_n1(doc, out):
    import pymupdf

    arch = pymupdf.Archive(str(Path(MINCHO).parent))
    arch.add(pymupdf.Archive(str(Path(GOTHIC).parent)))
    writer = pymupdf.DocumentWriter(str(out))
    mediabox = pymupdf.paper_rect("a4")
    where = mediabox + (62, 56, -56, -60)
    for body in n1_pages(doc):
        story = pymupdf.Story(body, user_css=N1_CSS, archive=arch)
        more = 1
        while more:
            dev = writer.begin_page(mediabox)
            more, _ = story.place(where)
            story.draw(dev)
            writer.end_page()
    writer.close()
    # page numbers, as the packet is printed: "- n -" at the foot of every page
    with pymupdf.open(out) as d:
        for i, page in enumerate(d):
            page.insert_font(fontname="F0", fontfile=MINCHO)
            page.insert_text((page.rect.width / 2 - 12, page.rect.height - 30), f"- {i + 1} -", fontname="F0",
                             fontsize=9)
        d.subset_fonts()
        d.set_metadata({"producer": "MuPDF Story", "title": doc["stem"]})
        d.save(str(out) + ".tmp", garbage=3, deflate=True)
    Path(str(out) + ".tmp").replace(out)


# ============================================================================ n2: reportlab canvas
class Ichitaro:
    """A4 page drawn line by line like an old word processor: 10.5 pt on a fixed grid."""

    FS = 10.5
    LH = 17.5
    X0 = 70.0
    X1 = 540.0

    def __init__(self, path):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(TTFont("Mincho", MINCHO))
        pdfmetrics.registerFont(TTFont("Gothic", GOTHIC))
        self.metrics = pdfmetrics
        self.c = canvas.Canvas(str(path), pagesize=(595.28, 841.89))
        self.c.setCreator("JUST Ichitaro")
        self.c.setProducer("JUST PDF 3")
        self.page = 0
        self.y = 0.0
        self.new_page()

    def new_page(self):
        if self.page:
            self.c.showPage()
        self.page += 1
        self.y = 841.89 - 72
        self.c.setFont("Mincho", 9)
        self.c.drawCentredString(297.6, 36, f"－{self.page}－".translate(str.maketrans("0123456789", "０１２３４５６７８９")))

    def width(self, text, font="Mincho", fs=None):
        return self.metrics.stringWidth(text, font, fs or self.FS)

    def wrap(self, text, width, fs=None):
        """Split a (marked) line into lines of at most width; each line is a list of (text, marked) runs."""
        runs, last = [], 0
        for m in MARK.finditer(text):
            runs.append((text[last:m.start()], False))
            runs.append((m.group(1), True))
            last = m.end()
        runs.append((text[last:], False))
        lines, cur, w = [], [], 0.0
        for run, marked in runs:
            for ch in run:
                cw = self.width(ch, "Gothic" if marked else "Mincho", fs)
                if w + cw > width + 0.01 and not (ch in "、。）」" and w + cw <= width + (fs or self.FS)):
                    lines.append(cur)
                    cur, w = [], 0.0
                if cur and cur[-1][1] == marked:
                    cur[-1] = (cur[-1][0] + ch, marked)
                else:
                    cur.append((ch, marked))
                w += cw
        lines.append(cur)
        return lines

    def draw_runs(self, x, y, runs, fs=None):
        fs = fs or self.FS
        for text, marked in runs:
            if not text:
                continue
            if marked:  # bold Gothic: fill + stroke, and an underline drawn as its own segment
                t = self.c.beginText(x, y)
                t.setFont("Gothic", fs)
                t.setTextRenderMode(2)
                self.c.setLineWidth(0.35)
                t.textOut(text)
                t.setTextRenderMode(0)
                self.c.drawText(t)
                w = self.width(text, "Gothic", fs)
                self.c.setLineWidth(0.6)
                self.c.line(x, y - 2.2, x + w, y - 2.2)
                x += w
            else:
                self.c.setFont("Mincho", fs)
                self.c.drawString(x, y, text)
                x += self.width(text, "Mincho", fs)

    def text_block(self, x, width, text, fs=None, lh=None):
        """Draw a multi-line value from the current y; returns number of lines."""
        n = 0
        for para in text.split("\n"):
            for line in self.wrap(para, width, fs):
                self.draw_runs(x, self.y - n * (lh or self.LH), line, fs)
                n += 1
        return n

    def line_at(self, x, text, fs=None, font="Mincho"):
        self.c.setFont(font, fs or self.FS)
        self.c.drawString(x, self.y, text)
        self.y -= self.LH

    def save(self):
        self.c.showPage()
        self.c.save()


def render_n2(doc, out):
    sub = doc["subs"][0]
    p = Ichitaro(out)
    c = p.c
    # --- cover: material number in a box made of four separate segments
    mw = p.width(sub["material"]) + 16
    bx, by = p.X1 - mw, p.y - 4
    p.line_at(bx + 8, sub["material"])
    for (x1, y1, x2, y2) in [(bx, by + 14, bx + mw, by + 14), (bx, by - 6, bx + mw, by - 6),
                             (bx, by - 6, bx, by + 14), (bx + mw, by - 6, bx + mw, by + 14)]:
        c.setLineWidth(0.8)
        c.line(x1, y1, x2, y2)
    p.y -= p.LH * 3
    c.setFont("Gothic", 15)
    c.drawCentredString(297.6, p.y, sub["heading"])
    p.y -= p.LH * 4
    # 件名 box: segments around two lines
    top = p.y + 16
    label = sub["title_label"] + "　　"
    p.line_at(p.X0 + 10, label + sub["title"], fs=12)
    bottom = p.y + 6
    for (x1, y1, x2, y2) in [(p.X0, top, p.X1, top), (p.X0, bottom, p.X1, bottom),
                             (p.X0, bottom, p.X0, top), (p.X1, bottom, p.X1, top)]:
        c.line(x1, y1, x2, y2)
    p.y -= p.LH * 2
    p.line_at(p.X0 + 10, sub["lead"])
    p.y -= p.LH * 2
    p.line_at(p.X0 + 10, sub["basis_label"])
    for line in sub["basis_lines"]:
        n = p.text_block(p.X0 + 20, p.X1 - p.X0 - 30, line)
        p.y -= p.LH * n
    p.y = 120
    p.line_at(p.X1 - p.width(sub["dept_line"]) - 4, sub["dept_line"])
    # --- overview: borderless, label padded with full-width spaces to 6 cells
    p.new_page()
    c.setFont("Gothic", 12)
    c.drawString(p.X0, p.y, "【" + sub["overview_title"] + "】")
    p.y -= p.LH * 1.8
    vx = p.X0 + p.FS * 6
    for _k, lab, val in sub["overview_rows"]:
        first, *rest = val.split("\n")
        lines = p.wrap(first, p.X1 - vx)
        pad = "　" * max(1, 6 - len(lab))
        c.setFont("Mincho", p.FS)
        # the label and the value's first line are one string, aligned by full-width spaces
        p.draw_runs(p.X0, p.y, [(lab + pad, False)] + lines[0])
        n = 1
        for line in lines[1:]:
            p.draw_runs(vx, p.y - n * p.LH, line)
            n += 1
        for para in rest:
            for line in p.wrap(para, p.X1 - vx):
                p.draw_runs(vx, p.y - n * p.LH, line)
                n += 1
        p.y -= p.LH * (n + 0.6)
    # --- sheets: borderless; short labels padded with spaces, long labels wrapped in a label column
    lab_w = p.FS * 11
    for sh in sub["sheets"]:
        p.new_page()
        p.line_at(p.X0, sh["heading"], font="Gothic")
        p.y -= p.LH * 0.5
        p.line_at(p.X0, "件名　" + sh["title"], fs=11.5)
        if sh["legend"]:
            n = p.text_block(p.X0, p.X1 - p.X0, sh["legend"], fs=9, lh=13)
            p.y -= 13 * n
        p.y -= p.LH * 0.4
        c.setLineWidth(0.5)
        c.line(p.X0, p.y + p.LH - 4, p.X1, p.y + p.LH - 4)  # one rule under the heading, no table
        vx = p.X0 + lab_w + p.FS
        for lab, val in sh["rows"]:
            if len(lab) <= 10:
                first, *rest = val.split("\n")
                lines = p.wrap(first, p.X1 - vx)
                pad = "　" * (11 - len(lab))
                p.draw_runs(p.X0, p.y, [(lab + pad, False)] + lines[0])
                n = 1
                for line in lines[1:]:
                    p.draw_runs(vx, p.y - n * p.LH, line)
                    n += 1
                for para in rest:
                    for line in p.wrap(para, p.X1 - vx):
                        p.draw_runs(vx, p.y - n * p.LH, line)
                        n += 1
            else:
                lab_lines = p.wrap(lab, lab_w)
                for k, line in enumerate(lab_lines):
                    p.draw_runs(p.X0, p.y - k * p.LH, line)
                n = p.text_block(vx, p.X1 - vx, val)
                n = max(n, len(lab_lines))
            p.y -= p.LH * (n + 0.5)
            assert p.y > 60, f"sheet overflow: {sh['title']}"
    # --- checklists: the grid is drawn as separate segments
    for _kind, heading, _subh, hint, groups in sub["checklists"]:
        by_party = {}
        for party_label, type_label, rs in groups:
            by_party.setdefault(party_label, []).append((type_label, rs))
        for party_label, tgroups in by_party.items():
            p.new_page()
            p.line_at(p.X0, heading, fs=12, font="Gothic")
            p.y -= 4
            fs, lh = 9.0, 13.0
            xa, xb, xc, xd = p.X0, p.X0 + 112, p.X0 + 112 + 74, p.X1
            top = p.y + lh
            hint_lines = [ln for part in hint.split("\n") for ln in p.wrap(part, xc - xb - 6, 8)]
            for k, line in enumerate(hint_lines):
                p.draw_runs(xb + 3, p.y - k * 11, line, 8)
            c.setFont("Mincho", fs)
            c.drawString(xc + 100, p.y, "情報保護対策")
            p.y -= 11 * max(len(hint_lines), 1) + 4
            hlines = [top, p.y + lh - 3]
            for type_label, rs in tgroups:
                gtop = p.y + lh - 3
                label_lines = p.wrap(party_label, xb - xa - 8, fs) + [[(type_label, False)]]
                for k, line in enumerate(label_lines):
                    p.draw_runs(xa + 4, p.y - 2 - k * lh, line, fs)
                group_y = p.y
                for r in rs:
                    ry = p.y - 2
                    c.setFont("Mincho", fs)
                    c.drawCentredString((xb + xc) / 2, ry, r["mark"])
                    if r["note"]:
                        for k, line in enumerate(p.wrap("（" + r["note"] + "）", xc - xb - 8, 8)):
                            p.draw_runs(xb + 4, ry - (k + 1) * 11, line, 8)
                    n_note = len(p.wrap("（" + r["note"] + "）", xc - xb - 8, 8)) + 1 if r["note"] else 1
                    lines = p.wrap(r["measure"], xd - xc - 8, fs)
                    for k, line in enumerate(lines):
                        p.draw_runs(xc + 4, ry - k * lh, line, fs)
                    height = max(len(lines) * lh, n_note * 11 + 2) + 5
                    p.y -= height
                    c.setLineWidth(0.5)
                    c.line(xb, p.y + lh - 3, xd, p.y + lh - 3)
                p.y = min(p.y, group_y - len(label_lines) * lh - 4)
                gbottom = p.y + lh - 3
                c.line(xa, gbottom, xd, gbottom)
                hlines.append(gbottom)
                for x in (xa, xb, xc, xd):
                    c.line(x, gbottom, x, gtop)
                assert p.y > 50, f"checklist overflow: {heading}"
            c.setLineWidth(0.8)
            for yy in hlines[:2]:
                c.line(xa, yy, xd, yy)
            for x in (xa, xb, xc, xd):
                c.line(x, hlines[1], x, top)
    p.save()


# ============================================================================ n3: fodt → LibreOffice
FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="IPAexMincho" svg:font-family="IPAexMincho"/>
 <style:font-face style:name="IPAexGothic" svg:font-family="IPAexGothic"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="135%"/>
  <style:text-properties style:font-name="IPAexMincho" style:font-name-asian="IPAexMincho" fo:font-size="10.5pt"
   style:font-size-asian="10.5pt" fo:language="ja" fo:country="JP" style:language-asian="ja" style:country-asian="JP"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pmP"><style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm"
  style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.6cm" fo:margin-left="2.4cm" fo:margin-right="2cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
 <style:page-layout style:name="pmL"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21.001cm"
  style:print-orientation="landscape" fo:margin-top="1.6cm" fo:margin-bottom="1.4cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.2cm"/></style:footer-style></style:page-layout>
 <style:style style:name="Pcover" style:family="paragraph" style:master-page-name="Portrait"/>
 <style:style style:name="Pbreak" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Pland" style:family="paragraph" style:master-page-name="Landscape">
  <style:paragraph-properties fo:margin-bottom="0.15cm"/>
  <style:text-properties style:font-name="IPAexGothic" style:font-name-asian="IPAexGothic" fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
 <style:style style:name="Pport" style:family="paragraph" style:master-page-name="Portrait"/>
 <style:style style:name="Pright" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="Pcenter" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="IPAexGothic" style:font-name-asian="IPAexGothic" fo:font-size="15pt" style:font-size-asian="15pt"/></style:style>
 <style:style style:name="Pnum" style:family="paragraph"><style:paragraph-properties fo:border="0.06pt solid #000000"
  fo:padding="0.1cm" fo:margin-right="13.4cm" fo:text-align="center"/></style:style>
 <style:style style:name="Ptitle" style:family="paragraph"><style:paragraph-properties fo:border="0.06pt solid #000000"
  fo:padding="0.25cm" fo:margin-top="0.6cm" fo:margin-bottom="0.6cm">
  <style:tab-stops><style:tab-stop style:position="2cm"/></style:tab-stops></style:paragraph-properties>
  <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
 <style:style style:name="Ph" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.2cm"/>
  <style:text-properties style:font-name="IPAexGothic" style:font-name-asian="IPAexGothic" fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
 <style:style style:name="Plegend" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.25cm"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
 <style:style style:name="Prow" style:family="paragraph"><style:paragraph-properties fo:margin-left="5.2cm" fo:text-indent="-5.2cm"
  fo:margin-top="0.22cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="Plab" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.22cm"/></style:style>
 <style:style style:name="Pval" style:family="paragraph"><style:paragraph-properties fo:margin-left="5.2cm"/></style:style>
 <style:style style:name="Pind" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.5cm"/></style:style>
 <style:style style:name="Pcell" style:family="paragraph"><style:paragraph-properties fo:line-height="120%"/>
  <style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
 <style:style style:name="Pmark" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:line-height="120%"/>
  <style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
 <style:style style:name="Tmark" style:family="text"><style:text-properties style:font-name="IPAexGothic"
  style:font-name-asian="IPAexGothic" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Tab" style:family="table"><style:table-properties style:width="25.7cm" table:align="left"/></style:style>
 <style:style style:name="TabA" style:family="table-column"><style:table-column-properties style:column-width="3.6cm"/></style:style>
 <style:style style:name="TabB" style:family="table-column"><style:table-column-properties style:column-width="2.9cm"/></style:style>
 <style:style style:name="TabC" style:family="table-column"><style:table-column-properties style:column-width="3.6cm"/></style:style>
 <style:style style:name="TabD" style:family="table-column"><style:table-column-properties style:column-width="15.6cm"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"
  fo:padding="0.08cm" style:vertical-align="top"/></style:style>
 <style:style style:name="CellM" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"
  fo:padding="0.08cm" style:vertical-align="middle"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Portrait" style:page-layout-name="pmP"><style:footer><text:p text:style-name="Footer">－ <text:page-number text:select-page="current">1</text:page-number> －</text:p></style:footer></style:master-page>
 <style:master-page style:name="Landscape" style:page-layout-name="pmL"><style:footer><text:p text:style-name="Footer">－ <text:page-number text:select-page="current">1</text:page-number> －</text:p></style:footer></style:master-page>
</office:master-styles>
<office:body><office:text>
"""


def x(text):
    """Escape for XML, marks → bold Gothic spans, runs of full-width spaces kept as printed."""
    out, last = [], 0
    for m in MARK.finditer(text):
        out.append(html.escape(text[last:m.start()], quote=False))
        out.append(f'<text:span text:style-name="Tmark">{html.escape(m.group(1), quote=False)}</text:span>')
        last = m.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out)


def para(style, text):
    return f'<text:p text:style-name="{style}">{x(text)}</text:p>\n'


def n3_body(doc):
    sub = doc["subs"][0]
    b = ['<text:p text:style-name="Pcover"/>\n', para("Pright", sub["material"])]
    b.append(para("Pnum", sub["number_box"]))
    b.append(para("Standard", ""))
    b.append(para("Pcenter", sub["heading"]))
    b.append(f'<text:p text:style-name="Ptitle">{x(sub["title_label"])}<text:tab/>{x(sub["title"])}</text:p>\n')
    b.append(para("Standard", sub["lead"]))
    b.append(para("Standard", ""))
    b.append(para("Standard", sub["basis_label"]))
    for line in sub["basis_lines"]:
        b.append(para("Pind", line))
    b += [para("Standard", "")] * 16
    b.append(para("Pright", sub["dept_line"]))
    # overview: borderless tab form
    b.append(para("Pbreak", ""))
    b.append(para("Ph", sub["overview_title"]))
    for _k, lab, val in sub["overview_rows"]:
        first, *rest = val.split("\n")
        b.append(f'<text:p text:style-name="Prow">{x(lab)}<text:tab/>{x(first)}</text:p>\n')
        b += [para("Pval", line) for line in rest]
    for sh in sub["sheets"]:
        b.append(para("Pbreak", sh["heading"]))
        b.append(para("Ph", "件名　" + sh["title"]))
        if sh["legend"]:
            b.append(para("Plegend", sh["legend"]))
        for lab, val in sh["rows"]:
            first, *rest = val.split("\n")
            if len(lab) <= 13:
                b.append(f'<text:p text:style-name="Prow">{x(lab)}<text:tab/>{x(first)}</text:p>\n')
            else:
                b.append(para("Plab", lab))
                b.append(para("Pval", first))
            b += [para("Pval", line) for line in rest]
    for k, (_kind, heading, subh, hint, groups) in enumerate(sub["checklists"]):
        b.append(para("Pland" if k == 0 else "Pland2", heading))
        if subh:
            b.append(para("Standard", subh))
        t = [f'<table:table table:name="CL{k}" table:style-name="Tab">',
             '<table:table-column table:style-name="TabA"/><table:table-column table:style-name="TabB"/>',
             '<table:table-column table:style-name="TabC"/><table:table-column table:style-name="TabD"/>',
             '<table:table-header-rows><table:table-row>',
             '<table:table-cell table:style-name="Cell" table:number-columns-spanned="2"><text:p/></table:table-cell>'
             '<table:covered-table-cell/>',
             f'<table:table-cell table:style-name="CellM">{para("Pmark", hint)}</table:table-cell>',
             f'<table:table-cell table:style-name="CellM">{para("Pmark", "情報保護対策")}</table:table-cell>',
             '</table:table-row></table:table-header-rows>']
        n_party = {}
        for party_label, _t, rs in groups:
            n_party[party_label] = n_party.get(party_label, 0) + len(rs)
        seen = set()
        for party_label, type_label, rs in groups:
            for i, r in enumerate(rs):
                t.append("<table:table-row>")
                if party_label not in seen:
                    seen.add(party_label)
                    t.append(f'<table:table-cell table:style-name="Cell" table:number-rows-spanned="{n_party[party_label]}">'
                             f'{para("Pcell", party_label)}</table:table-cell>')
                else:
                    t.append("<table:covered-table-cell/>")
                if i == 0:
                    t.append(f'<table:table-cell table:style-name="Cell" table:number-rows-spanned="{len(rs)}">'
                             f'{para("Pcell", type_label)}</table:table-cell>')
                else:
                    t.append("<table:covered-table-cell/>")
                mark = para("Pmark", r["mark"]) + (para("Pmark", "（" + r["note"] + "）") if r["note"] else "")
                t.append(f'<table:table-cell table:style-name="CellM">{mark}</table:table-cell>')
                t.append(f'<table:table-cell table:style-name="Cell">{para("Pcell", r["measure"])}</table:table-cell>')
                t.append("</table:table-row>")
        t.append("</table:table>")
        b.append("\n".join(t) + "\n")
    return "".join(b)


def render_n3(doc, out):
    head = FODT_HEAD.replace(
        "</office:automatic-styles>",
        ' <style:style style:name="Pland2" style:family="paragraph" style:parent-style-name="Standard">'
        '<style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.15cm"/>'
        '<style:text-properties style:font-name="IPAexGothic" style:font-name-asian="IPAexGothic" fo:font-size="12pt"'
        ' style:font-size-asian="12pt"/></style:style>\n</office:automatic-styles>')
    src = head + n3_body(doc) + "</office:text></office:body></office:document>\n"
    with tempfile.TemporaryDirectory() as tmp:
        fodt = Path(tmp) / f"{doc['stem']}.fodt"
        fodt.write_text(src, encoding="utf-8")
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, str(fodt)], check=True, capture_output=True)
        Path(tmp, f"{doc['stem']}.pdf").replace(out)


def render():
    PDF.mkdir(exist_ok=True)
    for doc in docs10.DOCS:
        out = PDF / f"{doc['stem']}.pdf"
        {"pymupdf-story-html": render_n1, "reportlab-canvas-ichitaro": render_n2,
         "fodt-tabform-libreoffice-writer": render_n3}[doc["route"]](doc, out)
        print("wrote", out.relative_to(HERE), out.stat().st_size)


# ============================================================================ scans
def _pages(pdf, dpi):
    """Greyscale page images of a PDF (pdftoppm), as uint8 arrays."""
    import numpy as np
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True)
        return [np.asarray(Image.open(f).convert("L"), dtype=np.float32) for f in sorted(Path(tmp).glob("p-*.png"))]


def _finish(arr, rng, noise, blur=0.0):
    import numpy as np
    from PIL import Image, ImageFilter

    img = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"))
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    a = np.asarray(img, dtype=np.float32) + rng.normal(0, noise, (img.height, img.width))
    return np.clip(a, 0, 255)


def _rotate(arr, degrees, fill=235):
    import numpy as np
    from PIL import Image

    img = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"))
    return np.asarray(img.rotate(degrees, resample=Image.BICUBIC, fillcolor=fill), dtype=np.float32)


def _write_pdf(out, images, dpi, producer):
    """Image-only PDF: one page per (PIL image, encoded bytes), page size from the image and dpi."""
    import pymupdf

    doc = pymupdf.open()
    for img, data in images:
        w, h = img.width * 72 / dpi, img.height * 72 / dpi
        page = doc.new_page(width=w, height=h)
        page.insert_image(page.rect, stream=data)
    doc.set_metadata({"producer": producer, "creator": producer})
    doc.save(str(out), garbage=4, deflate=True)


def _jpeg(arr, quality):
    import io

    import numpy as np
    from PIL import Image

    img = Image.fromarray(np.clip(arr, 0, 255).astype("uint8"), "L")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, optimize=True)
    return img, buf.getvalue()


def scan_n1(rng):
    """150 dpi greyscale (an office MFP's default), slight skew, page 9 fed upside down."""
    pages = _pages(PDF / "n1_kitaura_packet.pdf", 150)
    out = []
    for i, a in enumerate(pages, start=1):
        a = a * 0.9 + 18  # grey paper, weaker black
        a = _rotate(a, 0.35 if i % 2 else -0.25, fill=245)
        if i == 9:
            a = a[::-1, ::-1]
        a = _finish(a, rng, noise=3, blur=0.45)
        out.append(_jpeg(a, 40))
    _write_pdf(PDF / "n1_kitaura_packet_150dpi.pdf", out, 150, "RICOH MP C3004 Scan to PDF")


def scan_n2(rng):
    """300 dpi 1-bit; the next page shows through (mirrored, faint); two punch holes on the left."""
    import io

    import numpy as np
    from PIL import Image

    pages = _pages(PDF / "n2_yoshiensha_meibo.pdf", 300)
    out = []
    for i, a in enumerate(pages):
        if i + 1 < len(pages):  # the back of this sheet is the next page: mirrored, seen through the paper
            back = pages[i + 1][:, ::-1]
            a = np.minimum(a, 255 - (255 - back) * 0.33)
        h, w = a.shape
        yy, xx = np.mgrid[0:h, 0:w]
        for cy in (h / 2 - 40 / 25.4 * 300, h / 2 + 40 / 25.4 * 300):  # 80 mm apart, 12 mm from the edge
            r = ((yy - cy) ** 2 + (xx - 12 / 25.4 * 300) ** 2) ** 0.5
            a = np.where(r < 3 * 300 / 25.4, 55, a)
            a = np.where((r >= 3 * 300 / 25.4) & (r < 3.4 * 300 / 25.4), np.minimum(a, 150), a)
        a = _rotate(a, -0.5, fill=255)
        a = _finish(a, rng, noise=16, blur=0.6)
        bw = Image.fromarray((a > 142).astype("uint8") * 255).convert("1")
        buf = io.BytesIO()
        bw.save(buf, "PNG", optimize=True)
        out.append((bw, buf.getvalue()))
    _write_pdf(PDF / "n2_yoshiensha_meibo_1bit.pdf", out, 300, "Canon iR-ADV Scan")


def scan_n3(rng):
    """Scanned at 400 dpi greyscale, fed 2 degrees crooked, kept at 200 dpi; the first landscape
    checklist page went through the feeder sideways (its image is portrait)."""
    import numpy as np
    from PIL import Image

    pages = _pages(PDF / "n3_kijitsumae_touhyou.pdf", 400)
    out = []
    for i, a in enumerate(pages, start=1):
        if a.shape[1] > a.shape[0] and i == 6:
            a = np.rot90(a, 1)
        a = a * 0.93 + 10
        a = _rotate(a, 2.0 if i != 4 else -1.6, fill=228)
        a = _finish(a, rng, noise=5, blur=0.8)
        img = Image.fromarray(a.astype("uint8")).resize((a.shape[1] // 2, a.shape[0] // 2), Image.LANCZOS)
        out.append(_jpeg(np.asarray(img, dtype=np.float32), 42))
    _write_pdf(PDF / "n3_kijitsumae_touhyou_skew.pdf", out, 200, "EPSON Scan 2")


def scan():
    import numpy as np

    rng = np.random.default_rng(10)
    scan_n1(rng)
    scan_n2(rng)
    scan_n3(rng)
    for f in sorted(PDF.glob("*.pdf")):
        print(f.name, f.stat().st_size)


if __name__ == "__main__":
    {"render": render, "scan": scan}[sys.argv[1]]()
