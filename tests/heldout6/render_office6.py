"""Word (python-docx) and Excel (openpyxl) sources of j1 / j2.  Run with /work/toolsvenv/bin/python:

    render_office6.py word  <out.docx>
    render_office6.py excel <out.xlsx>
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docs6  # noqa: E402
from markup6 import segments  # noqa: E402

MINCHO, GOTHIC = "IPAMincho", "IPAGothic"


# ----------------------------------------------------------------------------- Word
def word(out):
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = docs6.J1
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(20)
    sec.top_margin = sec.bottom_margin = Mm(18)
    st = doc.styles["Normal"]
    st.font.name, st.font.size = MINCHO, Pt(10.5)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), MINCHO)
    st.paragraph_format.space_after = Pt(0)

    def font(run, name, bold=False, underline=False, size=None):
        run.font.name = name
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
        run.bold, run.underline = bold, underline
        if size:
            run.font.size = Pt(size)

    def put(par, text, bold=False, size=None):
        for seg, marked in segments(text):
            r = par.add_run(seg)
            if marked:
                font(r, GOTHIC, bold=True, underline=True, size=size)
            else:
                font(r, GOTHIC if bold else MINCHO, bold=bold, size=size)

    def para(text, align=None, bold=False, size=None, container=doc):
        p = container.add_paragraph()
        if align:
            p.alignment = align
        put(p, text, bold=bold, size=size)
        return p

    def cell_text(cell, text, bold=False, size=None):
        cell.paragraphs[0].text = ""
        for i, line in enumerate(text.split("\n")):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            put(p, line, bold=bold, size=size)

    def shade(cell, fill="D9D9D9"):
        tcpr = cell._element.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear"), shd.set(qn("w:color"), "auto"), shd.set(qn("w:fill"), fill)
        tcpr.append(shd)

    def widths(table, mm):
        table.autofit = False
        for col, w in zip(table.columns, mm):
            col.width = Mm(w)
        for row in table.rows:
            for c, w in zip(row.cells, mm):
                c.width = Mm(w)

    def page_break():
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # cover
    c = d["cover"]
    para(c["material_no"], align=WD_ALIGN_PARAGRAPH.RIGHT, bold=True, size=14)
    doc.add_paragraph()
    para(c["heading"], align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16)
    doc.add_paragraph()
    t = doc.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    cell_text(t.cell(0, 0), "件　名", bold=True)
    cell_text(t.cell(0, 1), c["title"], size=12)
    widths(t, [28, 142])
    doc.add_paragraph()
    para("内容は別紙のとおり", align=WD_ALIGN_PARAGRAPH.CENTER)
    doc.add_paragraph()
    para(c["basis_label"], bold=True)
    for line in c["basis_lines"]:
        para(line)
    for _ in range(14):
        doc.add_paragraph()
    para(c["dept_line"], align=WD_ALIGN_PARAGRAPH.RIGHT)
    page_break()

    # overview
    para(d["overview_heading"], bold=True, size=12)
    t = doc.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for label, value, _tag in d["overview"]:
        row = t.add_row()
        cell_text(row.cells[0], label, bold=True)
        shade(row.cells[0], "EFEFEF")
        cell_text(row.cells[1], value)
    widths(t, [28, 142])
    page_break()

    # sheets: three columns 項目 | 内容 | 備考
    for sh in d["sheets"]:
        para(sh["heading"], bold=True)
        doc.add_paragraph()
        para("件名　" + sh["title"], bold=True, size=11)
        if sh["legend"]:
            para(sh["legend"], size=9)
        t = doc.add_table(rows=1, cols=3)
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, h in enumerate(("項目", "内容", "備考")):
            cell_text(t.cell(0, i), h, bold=True)
            shade(t.cell(0, i))
            t.cell(0, i).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for label, value, remark, _tag in sh["rows"]:
            row = t.add_row()
            cell_text(row.cells[0], label)
            cell_text(row.cells[1], value)
            cell_text(row.cells[2], remark or "", size=9)
        widths(t, [42, 96, 32])
        page_break()

    # checklist: 区分 (merged) | mark | measure
    for n, cl in enumerate(d["checklists"]):
        para(cl["heading"], bold=True, size=11)
        t = doc.add_table(rows=1, cols=3)
        t.style = "Table Grid"
        cell_text(t.cell(0, 0), "区分", bold=True)
        cell_text(t.cell(0, 1), cl["legend"], size=8)
        cell_text(t.cell(0, 2), "対策内容", bold=True)
        for i in range(3):
            shade(t.cell(0, i))
        for _party, _type, plabel, rows in cl["groups"]:
            first = None
            for mark, note, measure, _key in rows:
                row = t.add_row()
                if first is None:
                    first = row.cells[0]
                    cell_text(first, plabel, size=9)
                else:
                    first = first.merge(row.cells[0])
                cell_text(row.cells[1], mark + ("\n" + note if note else ""), size=9)
                row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                cell_text(row.cells[2], measure, size=9.5)
        widths(t, [34, 26, 110])
    # a repeated header row on every page of the checklist
    hdr = t.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    hdr.append(el)
    doc.save(out)


# ----------------------------------------------------------------------------- Excel
def excel(out):
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    d = docs6.J2
    wb = Workbook()
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    mincho = Font(name=MINCHO, size=10.5)
    gothic_b = Font(name=GOTHIC, size=10.5, bold=True)
    grey = PatternFill("solid", fgColor="E7E6E6")

    def rich(text):
        segs = segments(text)
        if not any(m for _, m in segs):
            return text
        parts = []
        for s, m in segs:
            f = InlineFont(rFont=GOTHIC, b=True, u="single", sz=10.5) if m else InlineFont(rFont=MINCHO, sz=10.5)
            parts.append(TextBlock(f, s))
        return CellRichText(*parts)

    def setup(ws, widths):
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "portrait"
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = ws.page_margins.right = 0.6
        ws.page_margins.top = ws.page_margins.bottom = 0.7
        for col, w in widths.items():
            ws.column_dimensions[col].width = w

    def put(ws, ref, text, font=mincho, align=wrap, border=True, fill=None):
        c = ws[ref]
        c.value = rich(text)
        c.font, c.alignment = font, align
        if border:
            c.border = box
        if fill:
            c.fill = fill
        return c

    def height(ws, row, text, chars_per_line, base=15.5):
        lines = sum(max(1, -(-len(line) // chars_per_line)) for line in text.split("\n"))
        ws.row_dimensions[row].height = base * lines + 4

    # cover
    ws = wb.active
    ws.title = "表紙"
    setup(ws, {"A": 16, "B": 70})
    c = d["cover"]
    put(ws, "B1", c["material_no"], font=Font(name=GOTHIC, size=14, bold=True),
        align=Alignment(horizontal="right"), border=False)
    ws.merge_cells("A3:B3")
    put(ws, "A3", c["heading"], font=Font(name=GOTHIC, size=15, bold=True),
        align=Alignment(horizontal="center"), border=False)
    ws.row_dimensions[3].height = 30
    put(ws, "A5", "件　名", font=gothic_b, align=Alignment(horizontal="center", vertical="center"))
    put(ws, "B5", c["title"], font=Font(name=MINCHO, size=12))
    ws.row_dimensions[5].height = 36
    put(ws, "B7", "内容は別紙のとおり", align=Alignment(horizontal="center"), border=False)
    r = 9
    put(ws, f"A{r}", c["basis_label"], font=gothic_b, align=Alignment(), border=False)
    r += 1
    put(ws, f"A{r}", c["report_line"], font=gothic_b, align=Alignment(), border=False)
    for line in c["basis_lines"]:
        r += 1
        put(ws, f"A{r}", line, align=Alignment(), border=False)
    put(ws, "B30", c["dept_line"], align=Alignment(horizontal="right"), border=False)

    # overview
    ws = wb.create_sheet("概要")
    setup(ws, {"A": 14, "B": 74})
    put(ws, "A1", d["overview_heading"], font=Font(name=GOTHIC, size=12, bold=True), align=Alignment(), border=False)
    for i, (label, value, _tag) in enumerate(d["overview"], start=3):
        put(ws, f"A{i}", label, font=gothic_b, fill=grey)
        put(ws, f"B{i}", value)
        height(ws, i, value, 40)

    # sheets
    for n, sh in enumerate(d["sheets"], start=1):
        ws = wb.create_sheet(f"別紙{n}")
        setup(ws, {"A": 24, "B": 64})
        put(ws, "A1", sh["heading"], font=gothic_b, align=Alignment(), border=False)
        ws.merge_cells("A3:B3")
        put(ws, "A3", "件名　" + sh["title"], font=Font(name=GOTHIC, size=11, bold=True), align=Alignment(),
            border=False)
        for i, (label, value, _remark, _tag) in enumerate(sh["rows"], start=5):
            put(ws, f"A{i}", label, fill=grey)
            put(ws, f"B{i}", value)
            height(ws, i, value if len(value) / 34 > len(label) / 12 else label, 34 if len(value) / 34 > len(label) / 12 else 12)

    # checklist
    for cl in d["checklists"]:
        ws = wb.create_sheet("チェックリスト")
        setup(ws, {"A": 20, "B": 14, "C": 62})
        ws.merge_cells("A1:C1")
        put(ws, "A1", cl["heading"], font=Font(name=GOTHIC, size=11, bold=True), align=Alignment(), border=False)
        put(ws, "A3", "", fill=grey)
        put(ws, "B3", cl["legend"], font=Font(name=MINCHO, size=8), fill=grey)
        put(ws, "C3", "情報保護対策", font=gothic_b, fill=grey, align=Alignment(horizontal="center", vertical="center"))
        ws.row_dimensions[3].height = 36
        r = 4
        for _party, _type, plabel, rows in cl["groups"]:
            top = r
            for mark, note, measure, _key in rows:
                put(ws, f"B{r}", mark + ("\n" + note if note else ""),
                    align=Alignment(wrap_text=True, horizontal="center", vertical="center"),
                    font=Font(name=MINCHO, size=9 if note else 10.5))
                put(ws, f"C{r}", measure, font=Font(name=MINCHO, size=10))
                ws.row_dimensions[r].height = 15 * max(-(-len(measure) // 31), 4 if note else 1) + 4
                r += 1
            put(ws, f"A{top}", plabel, align=Alignment(wrap_text=True, vertical="center"))
            ws.merge_cells(f"A{top}:A{r - 1}")
            for rr in range(top, r):
                ws[f"A{rr}"].border = box
    wb.save(out)


if __name__ == "__main__":
    {"word": word, "excel": excel}[sys.argv[1]](sys.argv[2])
