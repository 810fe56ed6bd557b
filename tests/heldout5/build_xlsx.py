"""Excel route: docs5 content -> one .xlsx workbook per PDF (one worksheet per printed page).

Run with the tools venv (openpyxl): /work/toolsvenv/bin/python build_xlsx.py OUT_DIR"""
import re
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, Side

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docs5  # noqa: E402

BODY = "IPAexMincho"
GOTHIC = "IPAexGothic"
THIN = Side(style="thin")
MED = Side(style="medium")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
MARK = re.compile(r"\{\{(.*?)\}\}", re.S)


def rich(text, size=10.5):
    """A cell value: plain str, or CellRichText when the text holds {{marked}} spans."""
    if "{{" not in text:
        return text
    parts, pos = [], 0
    plain = InlineFont(rFont=BODY, sz=size)
    bold = InlineFont(rFont=GOTHIC, sz=size, b=True, u="single")
    for m in MARK.finditer(text):
        if m.start() > pos:
            parts.append(TextBlock(plain, text[pos:m.start()]))
        parts.append(TextBlock(bold, m.group(1)))
        pos = m.end()
    if pos < len(text):
        parts.append(TextBlock(plain, text[pos:]))
    return CellRichText(parts)


def text_lines(text, width_units):
    """Lines a wrapped cell needs (LibreOffice does not re-fit row heights of an .xlsx)."""
    import math
    import unicodedata
    per_line = width_units / 1.55
    n = 0
    for para in MARK.sub(lambda m: m.group(1), str(text or "")).split("\n"):
        w = sum(0.55 if unicodedata.east_asian_width(ch) in "NaH" else 1.0 for ch in para)
        n += max(1, math.ceil(w / per_line))
    return n


def fit_height(ws, row, text, width_units, pt=15.0, floor=18.0):
    h = max(floor, text_lines(text, width_units) * pt + 5)
    ws.row_dimensions[row].height = max(h, ws.row_dimensions[row].height or 0)


def page_setup(ws, last_col, last_row):
    ws.page_setup.paperSize = 9
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_area = f"A1:{last_col}{last_row}"
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top = ws.page_margins.bottom = 0.7


def put(ws, ref, value, font=None, align=WRAP, border=None):
    c = ws[ref]
    c.value = value
    c.font = font or Font(name=BODY, size=10.5)
    c.alignment = align
    if border:
        c.border = border
    return c


def medium_outline(ws, first_row, last_row, cols):
    for r in range(first_row, last_row + 1):
        for i, col in enumerate(cols):
            c = ws[f"{col}{r}"]
            b = c.border
            c.border = Border(left=MED if i == 0 else b.left, right=MED if i == len(cols) - 1 else b.right,
                              top=MED if r == first_row else b.top, bottom=MED if r == last_row else b.bottom)


def cover_sheet(wb, doc):
    cv = doc["cover"]
    ws = wb.create_sheet(f"{doc['stem'][:20]}_表紙")
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 66
    put(ws, "B1", cv["material_no"], Font(name=GOTHIC, size=14), Alignment(horizontal="right"))
    ws.merge_cells("A3:B3")
    put(ws, "A3", cv["heading"], Font(name=GOTHIC, size=16, bold=True), CENTER)
    ws.row_dimensions[3].height = 30
    put(ws, "A5", "件　名", Font(name=GOTHIC, size=12), CENTER, BOX)
    put(ws, "B5", cv["title"], Font(name=BODY, size=12), Alignment(wrap_text=True, vertical="center"), BOX)
    ws.row_dimensions[5].height = 48
    ws.merge_cells("A7:B7")
    put(ws, "A7", "内容は別紙のとおり", Font(name=BODY, size=12), CENTER)
    put(ws, "A9", cv["basis_label"], Font(name=GOTHIC, size=11))
    r = 10
    for line in cv["basis_lines"]:
        ws.merge_cells(f"A{r}:B{r}")
        put(ws, f"A{r}", line, Font(name=BODY, size=11), Alignment(vertical="top"))
        r += 1
    for k in range(r, r + 18):
        ws.row_dimensions[k].height = 22
    r += 18
    ws.merge_cells(f"A{r}:B{r}")
    put(ws, f"A{r}", cv["department"], Font(name=BODY, size=11), Alignment(horizontal="right"))
    page_setup(ws, "B", r)


def table_sheet(ws, rows, start, label_w=24, value_w=62):
    ws.column_dimensions["A"].width = label_w
    ws.column_dimensions["B"].width = value_w
    r = start
    for label, value in rows:
        put(ws, f"A{r}", label, Font(name=BODY, size=10.5), Alignment(wrap_text=True, vertical="center"), BOX)
        put(ws, f"B{r}", rich(value), Font(name=BODY, size=10.5), WRAP, BOX)
        fit_height(ws, r, value, value_w)
        fit_height(ws, r, label, label_w)
        r += 1
    medium_outline(ws, start, r - 1, ["A", "B"])
    return r - 1


def overview_sheet(wb, doc):
    ws = wb.create_sheet(f"{doc['stem'][:20]}_概要")
    put(ws, "A1", "事業の概要", Font(name=GOTHIC, size=13, bold=True), Alignment())
    last = table_sheet(ws, doc["overview"], 3, label_w=12, value_w=74)
    page_setup(ws, "B", last)


def section_sheet(wb, doc, i, sh):
    ws = wb.create_sheet(f"{doc['stem'][:20]}_別紙{i + 1}")
    r = 1
    for line in sh["heading"]:
        ws.merge_cells(f"A{r}:B{r}")
        put(ws, f"A{r}", line, Font(name=GOTHIC, size=11), Alignment())
        r += 1
    r += 1
    put(ws, f"A{r}", "件名", Font(name=GOTHIC, size=11, bold=True), Alignment(vertical="top"))
    put(ws, f"B{r}", sh["title"], Font(name=GOTHIC, size=11, bold=True), WRAP)
    ws.row_dimensions[r].height = 30
    r += 1
    if sh["legend"]:
        ws.merge_cells(f"A{r}:B{r}")
        put(ws, f"A{r}", sh["legend"], Font(name=BODY, size=9.5), WRAP)
        ws.row_dimensions[r].height = 28
        r += 1
    last = table_sheet(ws, sh["rows"], r + 1)
    page_setup(ws, "B", last)


def checklist_sheet(wb, doc, i, cl):
    ws = wb.create_sheet(f"{doc['stem'][:20]}_CL{i + 1}")
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 60
    ws.merge_cells("A1:C1")
    put(ws, "A1", cl["heading"], Font(name=GOTHIC, size=12, bold=True), Alignment())
    ws.merge_cells("A2:C2")
    put(ws, "A2", cl["sub"], Font(name=BODY, size=10.5), Alignment())
    put(ws, "A4", None, border=BOX)
    put(ws, "B4", docs5.WARD_HDR, Font(name=BODY, size=8), CENTER, BOX)
    put(ws, "C4", "情報保護対策", Font(name=GOTHIC, size=10.5), CENTER, BOX)
    ws.row_dimensions[4].height = 50
    r = 5
    for label, _mtype, rows in cl["groups"]:
        first = r
        for mark, note, measure, _key in rows:
            shown = mark if not note else f"{mark}\n（{note}）"
            put(ws, f"B{r}", shown or None, Font(name=BODY, size=10.5 if not note else 8), CENTER, BOX)
            put(ws, f"C{r}", rich(measure), Font(name=BODY, size=10), WRAP, BOX)
            put(ws, f"A{r}", None, border=BOX)
            fit_height(ws, r, measure, 60, pt=14.0)
            if note:
                fit_height(ws, r, shown, 14 * 1.3, pt=11.0)
            r += 1
        ws.merge_cells(f"A{first}:A{r - 1}")
        put(ws, f"A{first}", label, Font(name=BODY, size=10), CENTER, BOX)
    medium_outline(ws, 4, r - 1, ["A", "B", "C"])
    page_setup(ws, "C", r - 1)


def build(file_spec, out_dir):
    wb = Workbook()
    wb.remove(wb.active)
    docs = {d["stem"]: d for d in docs5.DOCS}
    for stem in file_spec["subs"]:
        doc = docs[stem]
        cover_sheet(wb, doc)
        overview_sheet(wb, doc)
        for i, sh in enumerate(doc["sheets"]):
            section_sheet(wb, doc, i, sh)
        for i, cl in enumerate(doc["checklists"]):
            checklist_sheet(wb, doc, i, cl)
    path = Path(out_dir) / f"{file_spec['stem']}.xlsx"
    wb.save(path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for f in docs5.FILES:
        if f["kind"] == "good":
            print(build(f, out))
