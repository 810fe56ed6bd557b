"""Write docs4.DOCS as Word documents (python-docx): run with /work/toolsvenv/bin/python build_docx4.py OUTDIR.

Real Word structure: tables with the 'Table Grid' style, shaded label cells, vertically merged party /
type cells in the checklist, a repeated header row, Word auto-numbering (`1.` and `(1)`), headers and
footers with PAGE fields, a landscape section for the checklist, Japanese fonts on every run
(w:eastAsia), change marks as bold Gothic + underlined runs.
"""
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs4  # noqa: E402

MINCHO = {"k1_shugaku_enjo": "IPAexMincho", "k2_gan_kenshin_yoyaku": "IPAMincho", "k3_sodai_gomi": "IPAexMincho"}
GOTHIC = {"k1_shugaku_enjo": "IPAexGothic", "k2_gan_kenshin_yoyaku": "Noto Sans CJK JP", "k3_sodai_gomi": "IPAGothic"}


class Ctx:
    def __init__(self, stem):
        self.mincho, self.gothic = MINCHO[stem], GOTHIC[stem]
        self.doc = Document()
        self.abs_ids = {}
        self.num_count = 0


def set_font(run, east, size=None, bold=None):
    run.font.name = east
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for att in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(att), east)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold


def add_runs(ctx, par, text, gothic=False, size=None, bold=False):
    """Text with {{...}} change marks -> runs; a mark is bold Gothic + single underline."""
    for i, part in enumerate(re.split(r"\{\{|\}\}", text)):
        if not part:
            continue
        r = par.add_run(part)
        marked = i % 2 == 1
        set_font(r, ctx.gothic if (gothic or marked) else ctx.mincho, size, bold or marked)
        if marked:
            r.underline = True


def abstract_num(ctx, kind):
    """Define (once) a Word abstract numbering: N1 = '1.', N2 = '(1)'; return a new w:num id (restart)."""
    numbering = ctx.doc.part.numbering_part.element
    if kind not in ctx.abs_ids:
        aid = 90 + len(ctx.abs_ids)
        a = OxmlElement("w:abstractNum")
        a.set(qn("w:abstractNumId"), str(aid))
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, val in (("w:start", "1"), ("w:numFmt", "decimal"),
                         ("w:lvlText", "%1." if kind == "N1" else "(%1)"), ("w:lvlJc", "left")):
            e = OxmlElement(tag)
            e.set(qn("w:val"), val)
            lvl.append(e)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), "420")
        ind.set(qn("w:hanging"), "420")
        ppr.append(ind)
        lvl.append(ppr)
        a.append(lvl)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(a)
        else:
            numbering.append(a)
        ctx.abs_ids[kind] = aid
    ctx.num_count += 1
    nid = 200 + ctx.num_count
    n = OxmlElement("w:num")
    n.set(qn("w:numId"), str(nid))
    an = OxmlElement("w:abstractNumId")
    an.set(qn("w:val"), str(ctx.abs_ids[kind]))
    n.append(an)
    ov = OxmlElement("w:lvlOverride")
    ov.set(qn("w:ilvl"), "0")
    so = OxmlElement("w:startOverride")
    so.set(qn("w:val"), "1")
    ov.append(so)
    n.append(ov)
    numbering.append(n)
    return nid


def set_num(par, nid):
    ppr = par._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", "0"), ("w:numId", str(nid))):
        e = OxmlElement(tag)
        e.set(qn("w:val"), val)
        numpr.append(e)
    ppr.append(numpr)


def fill_paragraphs(ctx, cell_or_doc, paras, size=10, first=None):
    """Write paragraphs into a cell (reusing its first empty paragraph); numbered ones get a w:num."""
    nids = {}
    for i, p in enumerate(paras):
        par = first if (i == 0 and first is not None) else cell_or_doc.add_paragraph()
        par.paragraph_format.space_after = Pt(0)
        if isinstance(p, tuple):
            kind, text = p
            if kind not in nids:
                nids[kind] = abstract_num(ctx, kind)
            set_num(par, nids[kind])
        else:
            text = p
        add_runs(ctx, par, text, size=size)


def shade(cell, fill="D9D9D9"):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def set_grid(t, widths):
    """Column widths where Writer reads them: w:tblGrid/w:gridCol (+ a fixed layout)."""
    grid = t._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w.twips if hasattr(w, "twips") else w / 635)))
    tblpr = t._tbl.tblPr
    lay = OxmlElement("w:tblLayout")
    lay.set(qn("w:type"), "fixed")
    tblpr.append(lay)


def label_value_table(ctx, rows, widths, size=10):
    t = ctx.doc.add_table(rows=len(rows), cols=2)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    set_grid(t, widths)
    for r, (label, paras) in enumerate(rows):
        lc, vc = t.rows[r].cells
        lc.width, vc.width = widths
        shade(lc)
        add_runs(ctx, lc.paragraphs[0], label, gothic=True, size=size)
        fill_paragraphs(ctx, vc, paras, size=size, first=vc.paragraphs[0])
    return t


def para(ctx, text, align=None, gothic=False, size=10.5, bold=False, before=0, after=0):
    p = ctx.doc.add_paragraph()
    if align:
        p.alignment = align
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(after)
    add_runs(ctx, p, text, gothic=gothic, size=size, bold=bold)
    return p


def border_paragraph(p):
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), "8")
        e.set(qn("w:space"), "2")
        e.set(qn("w:color"), "000000")
        bdr.append(e)
    ppr.append(bdr)


def page_field(par, ctx, before="－ ", after=" －"):
    add_runs(ctx, par, before, size=9)
    r = par.add_run()
    set_font(r, ctx.mincho, 9)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            e = OxmlElement("w:fldChar")
            e.set(qn("w:fldCharType"), kind)
        else:
            e = OxmlElement("w:instrText" if text == " PAGE " else "w:t")
            e.set(qn("xml:space"), "preserve")
            e.text = text
        r._r.append(e)
    add_runs(ctx, par, after, size=9)


def setup_section(ctx, sec, margins, landscape=False):
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Mm(297), Mm(210)
    else:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = (Mm(m) for m in margins)
    sec.footer_distance = Mm(10)


def cover(ctx, d):
    mat = para(ctx, d["material"], align=WD_ALIGN_PARAGRAPH.RIGHT, gothic=True, size=14, after=6)
    border_paragraph(mat)
    para(ctx, d["heading"], align=WD_ALIGN_PARAGRAPH.CENTER, gothic=True, size=15, bold=True, before=6, after=10)
    label_value_table(ctx, [("件　名", [d["title"]])], (Mm(25), Mm(135)), size=11)
    para(ctx, "内容は別紙のとおり", align=WD_ALIGN_PARAGRAPH.RIGHT, before=4, after=6)
    para(ctx, d["basis_label"], gothic=True, size=10.5)
    for line in d["basis"]:
        p = para(ctx, line, size=10.5)
        p.paragraph_format.left_indent = Mm(5)
    para(ctx, d["dept"], align=WD_ALIGN_PARAGRAPH.RIGHT, before=6, after=8)
    para(ctx, "事業の概要", gothic=True, size=11, bold=True, after=2)
    label_value_table(ctx, d["overview"], (Mm(25), Mm(135)))


def sheet(ctx, s, first_break=True):
    p = para(ctx, "", size=10.5)
    if first_break:
        p.add_run().add_break(WD_BREAK.PAGE)
    add_runs(ctx, p, "件名　" + s["title"], gothic=True, size=11)
    if s["legend"]:
        para(ctx, s["legend"], size=9, before=4)
    para(ctx, "", size=4)
    label_value_table(ctx, [(lbl, v) for lbl, v, _c in s["rows"]], (Mm(45), Mm(115)))


def repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    e = OxmlElement("w:tblHeader")
    e.set(qn("w:val"), "true")
    trpr.append(e)


def checklist(ctx, cl):
    sec = ctx.doc.add_section()
    setup_section(ctx, sec, (25, 22, 25, 25), landscape=True)
    para(ctx, cl["heading"], gothic=True, size=11, bold=True, after=4)
    rows = [m for _pl, _p, types in cl["parties"] for _tl, _t, ms in types for m in ms]
    t = ctx.doc.add_table(rows=len(rows) + 1, cols=4)
    t.style = "Table Grid"
    t.autofit = False
    widths = (Mm(40), Mm(28), Mm(40), Mm(135))
    set_grid(t, widths)
    head = ("区分", "", "対策の可否\n○：対策を講じる\n－：対策の必要なし", "個人情報保護対策")
    for c, txt in enumerate(head):
        cell = t.rows[0].cells[c]
        cell.width = widths[c]
        shade(cell)
        add_runs(ctx, cell.paragraphs[0], txt, gothic=True, size=8.5)
    repeat_header(t.rows[0])
    r = 1
    for plabel, _party, types in cl["parties"]:
        p0 = r
        for tlabel, _mt, ms in types:
            t0 = r
            for text, mark, note, _key in ms:
                cells = t.rows[r].cells
                for c in range(4):
                    cells[c].width = widths[c]
                add_runs(ctx, cells[2].paragraphs[0], mark, size=11)
                cells[2].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                if note:
                    q = cells[2].add_paragraph()
                    q.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    add_runs(ctx, q, note, size=8)
                add_runs(ctx, cells[3].paragraphs[0], text, size=10.5)
                r += 1
            m = t.cell(t0, 1).merge(t.cell(r - 1, 1))
            add_runs(ctx, m.paragraphs[0], tlabel, gothic=True, size=9)
        m = t.cell(p0, 0).merge(t.cell(r - 1, 0))
        add_runs(ctx, m.paragraphs[0], plabel, gothic=True, size=9)
        shade(m, "EDEDED")


def record_items(ctx, ri):
    sec = ctx.doc.add_section()
    setup_section(ctx, sec, (30, 25, 25, 25))
    para(ctx, ri["material"], align=WD_ALIGN_PARAGRAPH.RIGHT, gothic=True, size=11)
    para(ctx, ri["heading"], align=WD_ALIGN_PARAGRAPH.CENTER, gothic=True, size=13, bold=True, before=4, after=4)
    para(ctx, ri["legend"], size=9, after=8)
    last = None
    for g1, g2, items in ri["groups"]:
        if g1 != last:
            para(ctx, g1, gothic=True, size=11, before=6)
            last = g1
        if g2:
            p = para(ctx, g2, gothic=True, size=10.5, before=2)
            p.paragraph_format.left_indent = Mm(4)
        p = para(ctx, items, size=10.5)
        p.paragraph_format.left_indent = Mm(8)


def build(d, out):
    ctx = Ctx(d["stem"])
    doc = ctx.doc
    st = doc.styles["Normal"]
    st.font.name = ctx.mincho
    st.font.size = Pt(10.5)
    st.element.get_or_add_rPr()
    set_font_style = st.element.rPr.find(qn("w:rFonts"))
    set_font_style.set(qn("w:eastAsia"), ctx.mincho)
    margins = {"k1_shugaku_enjo": (25, 20, 25, 25), "k2_gan_kenshin_yoyaku": (20, 20, 20, 20),
               "k3_sodai_gomi": (30, 25, 25, 25)}[d["stem"]]
    sec = doc.sections[0]
    setup_section(ctx, sec, margins)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(fp, ctx)
    if d["stem"] == "k2_gan_kenshin_yoyaku":
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.LEFT
        add_runs(ctx, hp, "健康福祉局保健所健康増進課", size=8)
        hp.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    doc.paragraphs[0]._p.getparent().remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    cover(ctx, d)
    for s in d["sheets"]:
        sheet(ctx, s)
    for cl in d["checklists"]:
        checklist(ctx, cl)
    if d["record_items"]:
        record_items(ctx, d["record_items"])
    doc.save(out / f"{d['stem']}.docx")


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for d in docs4.DOCS:
        build(d, out)
