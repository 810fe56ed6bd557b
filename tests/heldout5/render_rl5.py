"""Route 3: reportlab drawing every glyph as its own text object (single-glyph runs, the way some
older report generators place text), tables drawn as lines, the checklist pages landscape.
Change marks: IPAexGothic, faux bold (text render mode fill+stroke) and a drawn underline."""
import re

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

MINCHO = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"
GOTHIC = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
MARK = re.compile(r"(\{\{.*?\}\})", re.S)
_REGISTERED = []


def register():
    if _REGISTERED:
        return
    _REGISTERED.append(True)
    pdfmetrics.registerFont(TTFont("H5Mincho", MINCHO))
    pdfmetrics.registerFont(TTFont("H5Gothic", GOTHIC))


def runs(text):
    """[(chunk, marked)] of a text with {{…}} spans."""
    out = []
    for part in MARK.split(text):
        if part.startswith("{{") and part.endswith("}}"):
            out.append((part[2:-2], True))
        elif part:
            out.append((part, False))
    return out


def glyph_w(ch, size, font="H5Mincho"):
    """The font's own advance (IPAex latin is proportional)."""
    return pdfmetrics.stringWidth(ch, font, size)


def layout(text, width, size):
    """Wrap into lines of [(ch, marked)] no wider than width."""
    lines = []
    for para in text.split("\n"):
        line, w = [], 0.0
        chars = [(ch, mk) for chunk, mk in runs(para) for ch in chunk]
        for ch, mk in chars:
            cw = glyph_w(ch, size, "H5Gothic" if mk else "H5Mincho")
            if w + cw > width and line:
                lines.append(line)
                line, w = [], 0.0
            line.append((ch, mk))
            w += cw
        lines.append(line)
    return lines


def draw_lines(c, lines, x, y, size, bold=False, lead=1.45):
    """Draw wrapped lines from top y downwards, one text object per glyph."""
    for line in lines:
        y -= size * lead
        cx = x
        for ch, mk in line:
            font = "H5Gothic" if (mk or bold) else "H5Mincho"
            t = c.beginText(cx, y)
            t.setFont(font, size)
            # faux bold: fill + stroke (text render mode 2) inside q/Q (Tr is graphics state and
            # would outlive ET), then a drawn underline
            if mk:
                c.saveState()
                c.setLineWidth(0.35)
                t.setTextRenderMode(2)
            t.textOut(ch)
            c.drawText(t)
            if mk:
                c.restoreState()
                c.setLineWidth(0.6)
                c.line(cx, y - 1.6, cx + glyph_w(ch, size, font), y - 1.6)
            cx += glyph_w(ch, size, font)
    return y


def table(c, rows, x, top, widths, size=9.5, pad=3.0):
    """Rows of cell texts; returns the bottom y."""
    y = top
    c.setLineWidth(0.5)
    for cells in rows:
        wrapped = [layout(t or "", w - 2 * pad, size) for t, w in zip(cells, widths)]
        h = max(len(l) for l in wrapped) * size * 1.45 + 2 * pad + 2
        cx = x
        for lines, w in zip(wrapped, widths):
            c.rect(cx, y - h, w, h)
            draw_lines(c, lines, cx + pad, y - pad, size)
            cx += w
        y -= h
    return y


def text_at(c, text, x, y, size, bold=False):
    draw_lines(c, layout(text, 2000, size), x, y, size, bold=bold)


def cover(c, doc):
    W, H = A4
    cv = doc["cover"]
    text_at(c, cv["material_no"], W - 110, H - 50, 13, bold=True)
    c.rect(W - 116, H - 74, 66, 24)
    text_at(c, cv["heading"], 110, H - 110, 15, bold=True)
    c.rect(60, H - 200, W - 120, 50)
    text_at(c, "件名", 75, H - 160, 12, bold=True)
    draw_lines(c, layout(cv["title"], W - 230, 12), 150, H - 155, 12)
    text_at(c, "内容は別紙のとおり", W / 2 - 60, H - 230, 12)
    y = H - 280
    text_at(c, cv["basis_label"], 60, y, 11, bold=True)
    for line in cv["basis_lines"]:
        y -= 20
        text_at(c, line, 70, y, 11)
    text_at(c, cv["department"], W - 320, 110, 11)
    c.showPage()


def overview(c, doc):
    W, H = A4
    text_at(c, "事業の概要", 50, H - 45, 13, bold=True)
    table(c, doc["overview"], 50, H - 80, [70, W - 170])
    c.showPage()


def sheet(c, sh):
    W, H = A4
    y = H - 45
    for line in sh["heading"]:
        text_at(c, line, 50, y, 11)
        y -= 18
    y -= 10
    text_at(c, "件名　" + sh["title"], 50, y, 11, bold=True)
    y -= 28
    if sh["legend"]:
        draw_lines(c, layout(sh["legend"], W - 100, 9), 50, y, 9)
        y -= 30
    table(c, sh["rows"], 50, y, [130, W - 230])
    c.showPage()


def record_items(c, ri):
    W, H = A4
    text_at(c, ri["heading"], 50, H - 45, 12, bold=True)
    draw_lines(c, layout(ri["legend"], W - 100, 9), 50, H - 70, 9)
    y, last = H - 110, None
    for top, sub, items in ri["groups"]:
        if top != last:
            text_at(c, top, 50, y, 11, bold=True)
            y -= 22
            last = top
        if sub:
            text_at(c, sub, 60, y, 10.5)
            y -= 18
        y = draw_lines(c, layout(items, W - 130, 10.5), 75, y, 10.5) - 14
    c.showPage()


def checklist(c, cl):
    W, H = landscape(A4)
    c.setPageSize((W, H))
    text_at(c, cl["heading"], 50, H - 45, 12, bold=True)
    rows = [("", "・対策が可能であれば「○」\n・対策の必要がない場合は「－」", "情報保護対策")]
    for label, _t, grp in cl["groups"]:
        for i, (mark, note, measure, _k) in enumerate(grp):
            shown = mark if not note else f"{mark}\n（{note}）"
            rows.append((label if i == 0 else "", shown, measure))
    table(c, rows, 50, H - 70, [150, 120, W - 370], size=9.5)
    c.showPage()
    c.setPageSize(A4)


def render(doc, path):
    register()
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(doc["cover"]["title"])
    c.setCreator("Report Writer 3.1")
    cover(c, doc)
    overview(c, doc)
    for sh in doc["sheets"]:
        sheet(c, sh)
    if doc.get("record_items"):
        record_items(c, doc["record_items"])
    for cl in doc["checklists"]:
        checklist(c, cl)
    c.save()
