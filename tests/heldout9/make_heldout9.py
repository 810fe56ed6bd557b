"""Build the ninth held-out corpus's PDFs from docs9.py.

  render  born-digital PDFs, three office routes (run with a venv that has python-docx and openpyxl,
          e.g. /tmp/h9tools/bin/python; needs `soffice` and `gs` on PATH):
            m1  python-docx .docx  -> LibreOffice Writer  (Word route)
            m2  openpyxl .xlsx     -> LibreOffice Calc    (Excel route)
            m3  flat ODF .fodt     -> LibreOffice Writer -> Ghostscript pdfwrite (a "PDF printer" re-distil)
  scan    image-only scans of the three (run with /work/main/.venv/bin/python: Pillow, numpy, pymupdf;
          needs `pdftoppm`)
"""
import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
PDF = HERE / "pdf"
sys.path.insert(0, str(HERE))
import docs9  # noqa: E402

MINCHO, GOTHIC = "IPAMincho", "IPAexGothic"


def spans(value):
    """[(text, marked)] for a value with ⟦…⟧ marks."""
    out = []
    for k, part in enumerate(re.split(r"[⟦⟧]", value)):
        if part:
            out.append((part, k % 2 == 1))
    return out


def soffice(src, outdir):
    prof = Path(tempfile.mkdtemp(prefix="h9lo"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(src)], check=True, capture_output=True)
    shutil.rmtree(prof, ignore_errors=True)
    return Path(outdir) / (Path(src).stem + ".pdf")


# ------------------------------------------------------------------------------------------
# m1: Word route
# ------------------------------------------------------------------------------------------
def render_docx(d, path):
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(22)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(18)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.font.name = MINCHO
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), MINCHO)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.1

    # page number footer "－ n －"
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("－ ")
    run = fp.add_run()
    for tag, txt in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.text = txt
        run._r.append(el)
    fp.add_run(" －")

    def font(run, name=MINCHO, size=None, bold=False, underline=False):
        run.font.name = name
        rpr = run._element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)
        if size:
            run.font.size = Pt(size)
        run.bold = bold
        run.underline = underline

    def para(container, text="", size=None, align=None, bold=False, name=MINCHO, before=0, after=0):
        p = container.add_paragraph()
        if align:
            p.alignment = align
        p.paragraph_format.space_before = Pt(before)
        p.paragraph_format.space_after = Pt(after)
        if text:
            for part, marked in spans(text):
                r = p.add_run(part)
                if marked:
                    font(r, GOTHIC, size, bold=True, underline=True)
                else:
                    font(r, name, size, bold=bold)
        return p

    def fill_cell(cell, text, size=10, shade=None, align=None):
        cell._tc.remove(cell.paragraphs[0]._p)
        for line in text.split("\n"):
            p = para(cell, line, size=size, align=align)
            p.paragraph_format.line_spacing = 1.05
        if shade:
            tcpr = cell._tc.get_or_add_tcPr()
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:fill"), shade)
            tcpr.append(shd)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    def table(rows, widths, size=10, shade_first=True):
        t = doc.add_table(rows=len(rows), cols=len(widths))
        t.style = doc.styles["Table Grid"]
        t.autofit = False
        for c, w in enumerate(widths):
            t.columns[c].width = Mm(w)
        for r, row in enumerate(rows):
            for c, txt in enumerate(row):
                cell = t.cell(r, c)
                cell.width = Mm(widths[c])
                fill_cell(cell, txt, size=size, shade="EDEDED" if (shade_first and c == 0) else None)
        return t

    def page_break():
        p = doc.add_paragraph()
        from docx.enum.text import WD_BREAK
        p.add_run().add_break(WD_BREAK.PAGE)

    # cover
    para(doc, d["material"], size=12, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for _ in range(3):
        para(doc)
    para(doc, d["heading"], size=16, align=WD_ALIGN_PARAGRAPH.CENTER, after=24)
    table([(d["title_label"], d["title"])], [28, 138], size=12)
    para(doc, "内容は別紙のとおり", size=11, before=18, after=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, d["basis_label"], size=11, after=4)
    for line in d["basis_lines"]:
        para(doc, line, size=11)
    for _ in range(16):
        para(doc)
    para(doc, d["dept_line"], size=11, align=WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()

    # overview
    para(doc, d["overview_heading"], size=13, align=WD_ALIGN_PARAGRAPH.CENTER, after=8)
    table([(label, value) for _k, label, value in d["overview_rows"]], [26, 140], size=10)
    for k, sh in enumerate(d["sheets"]):
        page_break()
        para(doc, sh["heading"], size=10.5)
        para(doc, "件名　" + sh["title"], size=11, before=6, after=4)
        if sh["legend"]:
            para(doc, sh["legend"], size=9, after=4)
        table(sh["rows"], [46, 120], size=10)

    # checklists
    for kind, heading, sub, hint, groups in d["checklists"]:
        page_break()
        para(doc, heading, size=12, after=2)
        if sub:
            para(doc, sub, size=10, after=2)
        n = 1 + sum(len(rows) for _p, _t, rows in groups)
        t = doc.add_table(rows=n, cols=3)
        t.style = doc.styles["Table Grid"]
        t.autofit = False
        widths = [40, 22, 104]
        for c, w in enumerate(widths):
            t.columns[c].width = Mm(w)
        for r in range(n):
            for c in range(3):
                t.cell(r, c).width = Mm(widths[c])
        fill_cell(t.cell(0, 0), "", size=8.5)
        fill_cell(t.cell(0, 1), hint, size=7.5)
        fill_cell(t.cell(0, 2), "情報保護対策", size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
        r = 1
        for party_label, type_label, rows in groups:
            first = r
            for row in rows:
                mark = row["mark"] + (f"\n（{row['note']}）" if row["note"] else "")
                fill_cell(t.cell(r, 1), mark, size=9, align=WD_ALIGN_PARAGRAPH.CENTER)
                fill_cell(t.cell(r, 2), row["measure"], size=9)
                r += 1
            top = t.cell(first, 0)
            if r - 1 > first:
                top = top.merge(t.cell(r - 1, 0))
            fill_cell(top, party_label + "\n" + type_label, size=9, shade="EDEDED")
    doc.save(path)


# ------------------------------------------------------------------------------------------
# m2: Excel route
# ------------------------------------------------------------------------------------------
def _width(text):
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _lines(text, col_width, size):
    # Excel width unit ~ one half-width digit at 11pt; a full-width char at `size` pt takes ~2*size/11 units
    per_line = max(4, int(col_width * 11 / size * 0.86))
    return sum(max(1, math.ceil(_width(p) / per_line)) for p in text.split("\n"))


def render_xlsx(d, path):
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    label_fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="center")
    wrap_top = Alignment(wrap_text=True, vertical="top")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def sheet(name, widths, landscape=False):
        ws = wb.create_sheet(name)
        for k, w in enumerate(widths):
            ws.column_dimensions[chr(65 + k)].width = w
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.page_margins.left = ws.page_margins.right = 0.6
        ws.page_margins.top, ws.page_margins.bottom = 0.7, 0.6
        ws.print_options.horizontalCentered = True
        ws.sheet_view.showGridLines = False
        return ws

    def put(ws, ref, value, size=10.5, bold=False, fill=None, align=wrap, border=True):
        c = ws[ref]
        if "⟦" in value:
            c.value = CellRichText([TextBlock(InlineFont(rFont=MINCHO, sz=size, u="single" if m else None), t)
                                    for t, m in spans(value)])
        else:
            c.value = value
        c.font = Font(name=MINCHO, size=size, bold=bold)
        c.alignment = align
        if fill:
            c.fill = fill
        if border:
            c.border = box
        return c

    def row_height(ws, r, cells, size):
        lines = max(_lines(text, width, size) for text, width in cells)
        ws.row_dimensions[r].height = round(lines * size * 1.38 + 5, 1)

    def two_col(ws, r, rows, size=10, widths=(22, 66)):
        for label, value in rows:
            put(ws, f"A{r}", label, size, fill=label_fill)
            put(ws, f"B{r}", value, size, align=wrap_top if len(value) > 60 else wrap)
            row_height(ws, r, [(label, widths[0]), (value.replace("⟦", "").replace("⟧", ""), widths[1])], size)
            r += 1
        return r

    # cover
    ws = sheet("表紙", [22, 66])
    put(ws, "B1", d["material"], 12, align=Alignment(horizontal="right"), border=False)
    ws.row_dimensions[2].height = 60
    ws.merge_cells("A3:B3")
    put(ws, "A3", d["heading"], 15, align=center, border=False)
    ws.row_dimensions[3].height = 40
    ws.row_dimensions[4].height = 20
    two_col(ws, 5, [(d["title_label"], d["title"])], size=12)
    ws.merge_cells("A7:B7")
    put(ws, "A7", "内容は別紙のとおり", 11, align=center, border=False)
    ws.row_dimensions[7].height = 40
    put(ws, "A9", d["basis_label"], 11, align=Alignment(vertical="top"), border=False)
    r = 10
    for line in d["basis_lines"]:
        put(ws, f"A{r}", line, 11, align=Alignment(vertical="center"), border=False)
        r += 1
    ws.row_dimensions[r].height = 300
    put(ws, f"B{r + 1}", d["dept_line"], 11, align=Alignment(horizontal="right"), border=False)
    ws.print_area = f"A1:B{r + 1}"

    # overview
    ws = sheet("概要", [16, 72])
    ws.merge_cells("A1:B1")
    put(ws, "A1", d["overview_heading"], 13, align=center, border=False)
    ws.row_dimensions[1].height = 28
    r = two_col(ws, 2, [(label, value) for _k, label, value in d["overview_rows"]], widths=(16, 72))
    ws.print_area = f"A1:B{r - 1}"

    for k, sh in enumerate(d["sheets"]):
        ws = sheet(f"別紙{k + 1}", [24, 64])
        put(ws, "A1", sh["heading"], 10.5, align=Alignment(vertical="center"), border=False)
        ws.merge_cells("A2:B2")
        put(ws, "A2", "件名　" + sh["title"], 11.5, align=wrap, border=False)
        ws.row_dimensions[2].height = 30
        r = 3
        if sh["legend"]:
            ws.merge_cells("A3:B3")
            put(ws, "A3", sh["legend"], 9, align=wrap, border=False)
            ws.row_dimensions[3].height = 26
            r = 4
        r = two_col(ws, r, sh["rows"], widths=(24, 64))
        ws.print_area = f"A1:B{r - 1}"

    for k, (kind, heading, sub, hint, groups) in enumerate(d["checklists"]):
        ws = sheet(f"チェックリスト{k + 1}", [14, 10, 11, 62])
        ws.merge_cells("A1:D1")
        put(ws, "A1", heading, 12, bold=True, align=Alignment(vertical="center"), border=False)
        ws.row_dimensions[1].height = 22
        r = 2
        if sub:
            ws.merge_cells("A2:D2")
            put(ws, "A2", sub, 10, align=Alignment(vertical="center"), border=False)
            r = 3
        ws.merge_cells(f"A{r}:B{r}")
        put(ws, f"A{r}", "", 9)
        put(ws, f"C{r}", hint, 8, align=wrap)
        put(ws, f"D{r}", "情報保護対策", 9.5, align=center)
        row_height(ws, r, [(hint, 11)], 8)
        r += 1
        last_party, party_start = None, r
        for g, (party_label, type_label, rows) in enumerate(groups):
            first = r
            for row in rows:
                mark = row["mark"] + (f"\n（{row['note']}）" if row["note"] else "")
                put(ws, f"C{r}", mark, 9.5 if not row["note"] else 8.5, align=center)
                put(ws, f"D{r}", row["measure"], 9.5)
                row_height(ws, r, [(row["measure"], 62), (mark, 11)], 9.5)
                put(ws, f"A{r}", "", 9, fill=label_fill)
                put(ws, f"B{r}", "", 9, fill=label_fill)
                r += 1
            # type cells merged over their rows; party cell merged over the whole party block
            ws.merge_cells(f"B{first}:B{r - 1}")
            put(ws, f"B{first}", type_label, 8.5, fill=label_fill, align=center)
            nxt = groups[g + 1][0] if g + 1 < len(groups) else None
            if party_label != last_party:
                party_start = first
                last_party = party_label
            if nxt != party_label:
                ws.merge_cells(f"A{party_start}:A{r - 1}")
                put(ws, f"A{party_start}", party_label, 9, fill=label_fill, align=center)
        ws.print_area = f"A1:D{r - 1}"
    wb.save(path)


# ------------------------------------------------------------------------------------------
# m3: flat ODF route (frames, landscape checklist pages, vertical party cells) + Ghostscript
# ------------------------------------------------------------------------------------------
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"')

FODT_STYLES = """
<office:font-face-decls>
 <style:font-face style:name="IPAexMincho" svg:font-family="IPAexMincho" style:font-family-generic="roman"/>
 <style:font-face style:name="IPAexGothic" svg:font-family="IPAexGothic" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="118%"/>
  <style:text-properties style:font-name="IPAexMincho" style:font-name-asian="IPAexMincho" fo:font-size="10pt"
   style:font-size-asian="10pt" fo:language="ja" fo:country="JP" style:language-asian="ja" style:country-asian="JP"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pmP"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm"
   style:print-orientation="portrait" fo:margin-top="16mm" fo:margin-bottom="12mm" fo:margin-left="20mm" fo:margin-right="20mm"/>
   <style:footer-style><style:header-footer-properties fo:min-height="8mm"/></style:footer-style></style:page-layout>
 <style:page-layout style:name="pmL"><style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm"
   style:print-orientation="landscape" fo:margin-top="14mm" fo:margin-bottom="10mm" fo:margin-left="18mm" fo:margin-right="18mm"/>
   <style:footer-style><style:header-footer-properties fo:min-height="8mm"/></style:footer-style></style:page-layout>
 <style:style style:name="P" style:family="paragraph"/>
 <style:style style:name="Pr" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="Pc" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="Pbox" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="13pt" style:font-size-asian="13pt"/></style:style>
 <style:style style:name="Ph" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="52mm" fo:margin-bottom="10mm"/>
  <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
 <style:style style:name="Pbig" style:family="paragraph"><style:paragraph-properties fo:margin-top="3mm"/>
  <style:text-properties fo:font-size="11.5pt" style:font-size-asian="11.5pt"/></style:style>
 <style:style style:name="Pgap" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="14mm" fo:margin-bottom="14mm"/>
  <style:text-properties fo:font-size="11.5pt" style:font-size-asian="11.5pt"/></style:style>
 <style:style style:name="Pdept" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-top="70mm"/>
  <style:text-properties fo:font-size="11.5pt" style:font-size-asian="11.5pt"/></style:style>
 <style:style style:name="Pbreak" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Pland" style:family="paragraph" style:master-page-name="Landscape"/>
 <style:style style:name="Ptitle" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="4mm"/>
  <style:text-properties fo:font-size="13pt" style:font-size-asian="13pt"/></style:style>
 <style:style style:name="Psmall" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="1.5mm"/>
  <style:text-properties fo:font-size="8.5pt" style:font-size-asian="8.5pt"/></style:style>
 <style:style style:name="Pcell" style:family="paragraph"><style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
 <style:style style:name="Pcellc" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9.5pt" style:font-size-asian="9.5pt"/></style:style>
 <style:style style:name="Pnote" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="7.5pt" style:font-size-asian="7.5pt"/></style:style>
 <style:style style:name="Pcl" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="1mm"/>
  <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt" style:font-name-asian="IPAexGothic"/></style:style>
 <style:style style:name="Tm" style:family="text"><style:text-properties style:font-name="IPAexGothic" style:font-name-asian="IPAexGothic"
   fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Tg" style:family="text"><style:text-properties style:font-name="IPAexGothic" style:font-name-asian="IPAexGothic"
   fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
 <style:style style:name="fr" style:family="graphic"><style:graphic-properties fo:border="0.6pt solid #000000" fo:padding="1.2mm" draw:fill="none" fo:background-color="transparent"
   style:vertical-pos="from-top" style:horizontal-pos="from-left" style:vertical-rel="page" style:horizontal-rel="page" style:wrap="none"/></style:style>
 <style:style style:name="T2" style:family="table"><style:table-properties style:width="170mm" table:align="center"/></style:style>
 <style:style style:name="T2.A" style:family="table-column"><style:table-column-properties style:column-width="44mm"/></style:style>
 <style:style style:name="T2.B" style:family="table-column"><style:table-column-properties style:column-width="126mm"/></style:style>
 <style:style style:name="TO.A" style:family="table-column"><style:table-column-properties style:column-width="28mm"/></style:style>
 <style:style style:name="TO.B" style:family="table-column"><style:table-column-properties style:column-width="142mm"/></style:style>
 <style:style style:name="T4" style:family="table"><style:table-properties style:width="261mm" table:align="center"/></style:style>
 <style:style style:name="T4.A" style:family="table-column"><style:table-column-properties style:column-width="14mm"/></style:style>
 <style:style style:name="T4.B" style:family="table-column"><style:table-column-properties style:column-width="28mm"/></style:style>
 <style:style style:name="T4.C" style:family="table-column"><style:table-column-properties style:column-width="32mm"/></style:style>
 <style:style style:name="T4.D" style:family="table-column"><style:table-column-properties style:column-width="187mm"/></style:style>
 <style:style style:name="C" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="1.2mm"
   style:vertical-align="middle"/></style:style>
 <style:style style:name="CL" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="1.2mm"
   style:vertical-align="middle" fo:background-color="#f2f2f2"/></style:style>
 <style:style style:name="CV" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="1mm"
   style:vertical-align="middle" fo:background-color="#f2f2f2" style:writing-mode="tb-rl"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pmP">
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer></style:master-page>
 <style:master-page style:name="Landscape" style:page-layout-name="pmL">
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer></style:master-page>
</office:master-styles>
"""


def _p(text, style="P"):
    body = "".join(f'<text:span text:style-name="Tm">{escape(t)}</text:span>' if m else escape(t)
                   for t, m in spans(text))
    return f'<text:p text:style-name="{style}">{body}</text:p>'


def _cell(text, style="C", pstyle="Pcell", rows=1, cols=1):
    attrs = f' table:number-rows-spanned="{rows}"' if rows > 1 else ""
    attrs += f' table:number-columns-spanned="{cols}"' if cols > 1 else ""
    paras = "".join(_p(line, pstyle) for line in text.split("\n"))
    return f'<table:table-cell table:style-name="{style}" office:value-type="string"{attrs}>{paras}</table:table-cell>'


COVERED = "<table:covered-table-cell/>"


def render_fodt(d, path):
    out = []
    out.append('<text:p text:style-name="P">'
               '<draw:frame draw:style-name="fr" draw:name="box1" text:anchor-type="page" text:anchor-page-number="1" '
               'svg:x="160mm" svg:y="14mm" svg:width="30mm" draw:z-index="0"><draw:text-box fo:min-height="9mm">'
               f'{_p(d["material"], "Pbox")}</draw:text-box></draw:frame>'
               '<draw:frame draw:style-name="fr" draw:name="box2" text:anchor-type="page" text:anchor-page-number="1" '
               'svg:x="20mm" svg:y="14mm" svg:width="34mm" draw:z-index="1"><draw:text-box fo:min-height="9mm">'
               f'{_p(d["number_line"], "Pbox")}</draw:text-box></draw:frame></text:p>')
    out.append(_p(d["heading"], "Ph"))
    out.append(f'<text:p text:style-name="Pbig">{escape(d["title_label"])}</text:p>')
    out.append(_p(d["title"], "Pbig"))
    out.append(_p("内容は別紙のとおり", "Pgap"))
    out.append(_p(d["basis_label"], "Pbig"))
    for line in d["basis_lines"]:
        out.append(_p(line, "Pbig"))
    out.append(_p(d["dept_line"], "Pdept"))

    def two(rows, cols=("T2.A", "T2.B"), name="t"):
        x = [f'<table:table table:name="{name}" table:style-name="T2">',
             f'<table:table-column table:style-name="{cols[0]}"/><table:table-column table:style-name="{cols[1]}"/>']
        for label, value in rows:
            x.append("<table:table-row>" + _cell(label, "CL") + _cell(value) + "</table:table-row>")
        x.append("</table:table>")
        return "".join(x)

    out.append(_p(d["overview_heading"], "Pbreak"))
    out.append(_p("", "P"))
    out.append(two([(label, value) for _k, label, value in d["overview_rows"]], ("TO.A", "TO.B"), "overview"))
    for k, sh in enumerate(d["sheets"]):
        # sheets run on without a forced break when they fit (the 外部結合 sheet follows the 電算処理 sheet)
        out.append(_p(sh["heading"], "Pbreak" if k != 1 else "P"))
        if k == 1:
            out[-1] = _p("", "P") + out[-1]
        out.append(_p("件名　" + sh["title"], "Pbig"))
        if sh["legend"]:
            out.append(_p(sh["legend"], "Psmall"))
        else:
            out.append(_p("", "Psmall"))
        out.append(two(sh["rows"], name=f"sheet{k + 1}"))

    for k, (kind, heading, sub, hint, groups) in enumerate(d["checklists"]):
        # the heading is printed in Gothic (typography of the form, not a change mark)
        out.append(f'<text:p text:style-name="{"Pland" if k == 0 else "Pbreak"}">'
                   f'<text:span text:style-name="Tg">{escape(heading)}</text:span></text:p>')
        if sub:
            out.append(_p(sub, "Psmall"))
        x = [f'<table:table table:name="cl{k + 1}" table:style-name="T4">',
             '<table:table-column table:style-name="T4.A"/><table:table-column table:style-name="T4.B"/>'
             '<table:table-column table:style-name="T4.C"/><table:table-column table:style-name="T4.D"/>',
             "<table:table-row>" + _cell("", cols=2) + COVERED + _cell(hint, pstyle="Pnote")
             + _cell("情報保護対策", pstyle="Pcellc") + "</table:table-row>"]
        # party blocks
        blocks = []
        for party_label, type_label, rows in groups:
            if blocks and blocks[-1][0] == party_label:
                blocks[-1][1].append((type_label, rows))
            else:
                blocks.append((party_label, [(type_label, rows)]))
        for party_label, tgroups in blocks:
            n_party = sum(len(rows) for _t, rows in tgroups)
            first_party = True
            for type_label, rows in tgroups:
                for j, row in enumerate(rows):
                    cells = []
                    cells.append(_cell(party_label, "CV", "Pcellc", rows=n_party) if first_party else COVERED)
                    first_party = False
                    cells.append(_cell(type_label, "CL", "Pcellc", rows=len(rows)) if j == 0 else COVERED)
                    mark = _p(row["mark"], "Pcellc") + (_p(f"（{row['note']}）", "Pnote") if row["note"] else "")
                    cells.append(f'<table:table-cell table:style-name="C" office:value-type="string">{mark}</table:table-cell>')
                    cells.append(_cell(row["measure"]))
                    x.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
        x.append("</table:table>")
        out.append("".join(x))

    xml = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS}>{FODT_STYLES}'
           f'<office:body><office:text>{"".join(out)}</office:text></office:body></office:document>\n')
    Path(path).write_text(xml, encoding="utf-8")


def render():
    PDF.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="h9render"))
    d1, d2, d3 = docs9.DOCS
    render_docx(d1, work / f"{d1['stem']}.docx")
    shutil.copy(soffice(work / f"{d1['stem']}.docx", work), PDF / f"{d1['stem']}.pdf")
    render_xlsx(d2, work / f"{d2['stem']}.xlsx")
    shutil.copy(soffice(work / f"{d2['stem']}.xlsx", work), PDF / f"{d2['stem']}.pdf")
    render_fodt(d3, work / f"{d3['stem']}.fodt")
    lo = soffice(work / f"{d3['stem']}.fodt", work)
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.4",
                    "-dPDFSETTINGS=/printer", f"-sOutputFile={PDF / (d3['stem'] + '.pdf')}", str(lo)], check=True)
    print("rendered in", work)


# ------------------------------------------------------------------------------------------
# scans
# ------------------------------------------------------------------------------------------
def _raster(pdf, dpi, gray):
    tmp = Path(tempfile.mkdtemp(prefix="h9scan"))
    subprocess.run(["pdftoppm", "-r", str(dpi)] + (["-gray"] if gray else []) + [str(pdf), str(tmp / "p")], check=True)
    return sorted(tmp.glob("p-*.p?m"))


def _jpeg_pdf(images, dpi, out, quality):
    """Image-only PDF of JPEG pages (PyMuPDF inserts the JPEG bytes unchanged)."""
    import io

    import pymupdf

    doc = pymupdf.open()
    for im in images:
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=quality, optimize=True, dpi=(dpi, dpi))
        w, h = im.size[0] * 72 / dpi, im.size[1] * 72 / dpi
        page = doc.new_page(width=w, height=h)
        page.insert_image(page.rect, stream=buf.getvalue())
    doc.set_metadata({"producer": "ScanSnap Manager", "creator": "ScanSnap Manager"})
    doc.save(out, garbage=4, deflate=True)


def _g4_pdf(images, dpi, out):
    """Image-only PDF of CCITT G4 pages, written by hand (as a fax / MFP driver does)."""
    import io

    from PIL import Image

    objs = []
    pages = []
    for im in images:
        buf = io.BytesIO()
        im.save(buf, "TIFF", compression="group4", strip_size=2**30)  # one strip = one G4 stream
        tif = Image.open(io.BytesIO(buf.getvalue()))
        (offset,), (count,) = tif.tag_v2[273], tif.tag_v2[279]
        data = buf.getvalue()[offset:offset + count]
        w, h = im.size
        # Pillow writes PhotometricInterpretation 1 (BlackIsZero): the fax "white" runs are 0-bits = black
        pages.append((w, h, data, "true" if tif.tag_v2[262] == 1 else "false"))
    # object numbering: 1 catalog, 2 pages, then per page: page, contents, image
    n = len(pages)
    kids = " ".join(f"{3 + 3 * k} 0 R" for k in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    for k, (w, h, data, black_is_1) in enumerate(pages):
        pw, ph = w * 72 / dpi, h * 72 / dpi
        c, i = 4 + 3 * k, 5 + 3 * k
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2f} {ph:.2f}] /Contents {c} 0 R "
                    f"/Resources << /XObject << /Im0 {i} 0 R >> >> >>".encode())
        content = f"q {pw:.2f} 0 0 {ph:.2f} 0 0 cm /Im0 Do Q".encode()
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objs.append((f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
                     f"/BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns {w} /Rows {h} "
                     f"/BlackIs1 {black_is_1} >> /Length {len(data)} >>\nstream\n").encode() + data + b"\nendstream")
    out_b = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    xref = []
    for k, body in enumerate(objs, start=1):
        xref.append(len(out_b))
        out_b += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out_b)
    out_b += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in xref:
        out_b += f"{off:010d} 00000 n \n".encode()
    out_b += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info << /Producer (MFP Scan to PDF) >> >>\n"
              f"startxref\n{start}\n%%EOF\n").encode()
    Path(out).write_bytes(bytes(out_b))


def scan():
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = np.random.default_rng(9)
    by_stem = {d["stem"]: d for d in docs9.DOCS}
    s1, s2, s3 = docs9.SCANNED.items()

    # s1: 300 dpi greyscale, 1.2° skew, soft focus, mild noise, JPEG q30 (a flatbed at "photo" setting)
    stem, base = s1
    pages = []
    for f in _raster(PDF / f"{by_stem[base]['stem']}.pdf", 300, True):
        im = Image.open(f).convert("L")
        im = im.rotate(1.2, resample=Image.BICUBIC, expand=False, fillcolor=246)
        im = im.filter(ImageFilter.GaussianBlur(0.6))
        a = np.asarray(im, dtype=np.float32)
        a = a * 0.93 + 12 + rng.normal(0, 3.0, a.shape)
        pages.append(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)))
    _jpeg_pdf(pages, 300, PDF / f"{stem}.pdf", 30)

    # s2: 200 dpi 1-bit, page 3 fed crooked (-0.8°), others -0.2°, toner specks and dropouts, CCITT G4
    stem, base = s2
    pages = []
    for k, f in enumerate(_raster(PDF / f"{by_stem[base]['stem']}.pdf", 200, True), start=1):
        im = Image.open(f).convert("L")
        im = im.rotate(-0.8 if k == 3 else -0.2, resample=Image.BILINEAR, expand=False, fillcolor=255)
        a = np.asarray(im, dtype=np.float32) + rng.normal(0, 22, im.size[::-1])
        bw = a > 140
        specks = rng.random(bw.shape) < 0.0006
        bw[specks] = False
        drop = rng.random(bw.shape) < 0.004
        bw[drop] = True
        pages.append(Image.fromarray((bw * 255).astype(np.uint8)).convert("1"))
    _g4_pdf(pages, 200, PDF / f"{stem}.pdf")

    # s3: 240 dpi colour, cream paper tone, slight blur, red 受付 stamp and a pencil tick in the margin of
    #     page 1, blue ballpoint note at the foot of page 2's margin, rotate -0.7°, JPEG q35
    stem, base = s3
    pages = []
    font_path = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
    for k, f in enumerate(_raster(PDF / f"{by_stem[base]['stem']}.pdf", 240, False), start=1):
        im = Image.open(f).convert("RGB")
        W, H = im.size
        if k == 1:
            st = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
            dr = ImageDraw.Draw(st)
            dr.ellipse((20, 20, 280, 280), outline=(200, 40, 40, 170), width=9)
            fnt = ImageFont.truetype(font_path, 64)
            dr.text((150, 110), "受付", font=fnt, fill=(200, 40, 40, 170), anchor="mm")
            fnt2 = ImageFont.truetype(font_path, 30)
            dr.text((150, 190), "8.5.20", font=fnt2, fill=(200, 40, 40, 170), anchor="mm")
            st = st.rotate(14, resample=Image.BICUBIC)
            im.paste(st, (W - 420, H - 560), st)
            dr = ImageDraw.Draw(im)
            dr.line([(60, 700), (85, 730), (130, 660)], fill=(90, 90, 90), width=4)
        if k == 2:
            dr = ImageDraw.Draw(im)
            fnt = ImageFont.truetype(font_path, 34)
            dr.text((W - 470, H - 130), "済 8/3", font=fnt, fill=(30, 50, 150))
        im = im.rotate(-0.7, resample=Image.BICUBIC, expand=False, fillcolor=(250, 246, 232))
        im = im.filter(ImageFilter.GaussianBlur(0.5))
        a = np.asarray(im, dtype=np.float32)
        tone = np.array([250, 244, 226], dtype=np.float32)
        a = a / 255.0 * tone + rng.normal(0, 2.5, a.shape)
        pages.append(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)))
    _jpeg_pdf(pages, 240, PDF / f"{stem}.pdf", 35)


if __name__ == "__main__":
    {"render": render, "scan": scan}[sys.argv[1]]()
