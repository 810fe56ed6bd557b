"""A legacy-office look drawn directly with reportlab (not the project's samplegen).

Every cell edge is its own thin line segment (no rectangles, no table objects), labels are
letter-spaced Mincho, change marks are IPA Gothic with a drawn underline, the party cell of the
checklist is one tall cell spanning its rows.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

W, H = 595.28, 841.89
LEFT, RIGHT, TOP, BOTTOM = 56, 539, 790, 60
MIN, GOT = "IPAMincho", "IPAGothic"
pdfmetrics.registerFont(TTFont(MIN, "/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf"))
pdfmetrics.registerFont(TTFont(GOT, "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"))


def runs_of(text: str) -> list[list[tuple[str, bool]]]:
    """Paragraphs (split on \\n) of (char, bold) pairs."""
    out = []
    for para in text.split("\n"):
        chars, bold = [], False
        for piece in re.split(r"(\{\{|\}\})", para):
            if piece == "{{":
                bold = True
            elif piece == "}}":
                bold = False
            else:
                chars += [(ch, bold) for ch in piece]
        out.append(chars)
    return out


def wrap(text: str, width: float, size: float) -> list[list[tuple[str, bool]]]:
    lines = []
    for para in runs_of(text):
        line, w = [], 0.0
        for ch, bold in para:
            cw = pdfmetrics.stringWidth(ch, GOT if bold else MIN, size)
            if w + cw > width and line:
                lines.append(line)
                line, w = [], 0.0
            line.append((ch, bold))
            w += cw
        lines.append(line)
    return lines


def draw_lines(c, lines, x, y, size, leading) -> None:
    for line in lines:
        cx = x
        i = 0
        while i < len(line):
            bold = line[i][1]
            j = i
            while j < len(line) and line[j][1] == bold:
                j += 1
            seg = "".join(ch for ch, _ in line[i:j])
            font = GOT if bold else MIN
            c.setFont(font, size)
            c.drawString(cx, y, seg)
            sw = pdfmetrics.stringWidth(seg, font, size)
            if bold:
                c.setLineWidth(0.6)
                c.line(cx, y - 1.6, cx + sw, y - 1.6)
            cx += sw
            i = j
        y -= leading


def spaced_label(c, text, x, y, size) -> None:
    c.saveState()
    t = c.beginText(x, y)
    t.setFont(MIN, size)
    t.setCharSpace(1.8)
    t.textLine(text)
    t.setCharSpace(0)
    c.drawText(t)
    c.restoreState()


def seg(c, x0, y0, x1, y1) -> None:
    c.setLineWidth(0.35)
    c.line(x0, y0, x1, y1)


def label_value_table(c, rows, y, label_w=118, size=9.5, leading=14.5) -> float:
    """Rows of (label, value): each edge a separate segment; returns the y below the table."""
    x_mid = LEFT + label_w
    for label, value in rows:
        llines = wrap(label, label_w - 16, size)
        vlines = wrap(value, RIGHT - x_mid - 12, size)
        h = max(len(llines), len(vlines)) * leading + 10
        seg(c, LEFT, y, x_mid, y)
        seg(c, x_mid, y, RIGHT, y)
        seg(c, LEFT, y, LEFT, y - h)
        seg(c, x_mid, y, x_mid, y - h)
        seg(c, RIGHT, y, RIGHT, y - h)
        for k, line in enumerate(llines):
            spaced_label(c, "".join(ch for ch, _ in line), LEFT + 6, y - 5 - size - k * leading, size)
        draw_lines(c, vlines, x_mid + 6, y - 5 - size, size, leading)
        y -= h
    seg(c, LEFT, y, x_mid, y)
    seg(c, x_mid, y, RIGHT, y)
    return y


def page_cover(c, doc) -> None:
    cv = doc["cover"]
    c.setFont(MIN, 11)
    c.drawString(RIGHT - 60, TOP + 4, cv["material_no"])
    seg(c, RIGHT - 68, TOP + 18, RIGHT, TOP + 18)
    seg(c, RIGHT - 68, TOP - 4, RIGHT, TOP - 4)
    seg(c, RIGHT - 68, TOP + 18, RIGHT - 68, TOP - 4)
    seg(c, RIGHT, TOP + 18, RIGHT, TOP - 4)
    c.setFont(MIN, 13)
    c.drawCentredString(W / 2, TOP - 50, cv["heading"])
    y = label_value_table(c, [(cv["title_label"], cv["title"])], TOP - 90, label_w=80, size=11, leading=17)
    c.setFont(MIN, 11)
    c.drawCentredString(W / 2, y - 40, cv["lead"])
    spaced_label(c, cv["basis_label"], LEFT, y - 90, 11)
    for k, line in enumerate(cv["basis_lines"]):
        c.setFont(MIN, 11)
        c.drawString(LEFT + 12, y - 112 - k * 18, line)
    c.drawRightString(RIGHT, y - 180, cv["dept"])
    c.showPage()


def page_overview(c, doc) -> None:
    spaced_label(c, "事業の概要", LEFT, TOP, 12)
    label_value_table(c, [(l, v) for l, v, _ in doc["overview"]], TOP - 14, label_w=90)
    c.showPage()


def page_sheet(c, doc, sheet) -> None:
    c.setFont(MIN, 11)
    c.drawString(LEFT, TOP, "件名　" + sheet["title"])
    y = TOP - 14
    if sheet.get("legend"):
        lines = wrap(doc["legend"], RIGHT - LEFT, 9)
        draw_lines(c, lines, LEFT, y - 6, 9, 13)
        y -= 10 + 13 * len(lines)
    label_value_table(c, [(l, v) for l, v, _ in sheet["rows"]], y - 4)
    c.showPage()


def page_checklist(c, cl, party_label, rws) -> None:
    size, leading = 8.8, 12.5
    x1, x2 = LEFT + 112, LEFT + 190
    c.setFont(MIN, 11)
    c.drawString(LEFT, TOP, cl["heading"])
    y = TOP - 16
    hdr = wrap("・対策が可能であれば「〇」\n・対策の必要がない場合は「ー」", x2 - x1 - 8, 7.5)
    h = len(hdr) * 10 + 8
    for a, b in ((LEFT, x1), (x1, x2), (x2, RIGHT)):
        seg(c, a, y, b, y)
    for x in (LEFT, x1, x2, RIGHT):
        seg(c, x, y, x, y - h)
    draw_lines(c, hdr, x1 + 4, y - 10, 7.5, 10)
    c.setFont(MIN, 9)
    c.drawString(x2 + 8, y - 14, "個人情報保護対策")
    y -= h
    for mtype in ("operational", "technical"):
        group = [r for r in rws if r[0] == mtype]
        top = y
        for k, (_, mark, note, text, _) in enumerate(group):
            mlines = wrap(text, RIGHT - x2 - 10, size)
            klines = wrap(mark + (f"\n({note})" if note else ""), x2 - x1 - 8, size)
            hh = max(len(mlines), len(klines)) * leading + 8
            seg(c, x1, y, x2, y)
            seg(c, x2, y, RIGHT, y)
            for x in (x1, x2, RIGHT):
                seg(c, x, y, x, y - hh)
            draw_lines(c, klines, x1 + 6, y - 4 - size, size, leading)
            draw_lines(c, mlines, x2 + 5, y - 4 - size, size, leading)
            y -= hh
        tag = "【運用上の対策】" if mtype == "operational" else "【システム上の対策】"
        seg(c, LEFT, top, x1, top)
        seg(c, LEFT, top, LEFT, y)
        plines = wrap(party_label + "\n" + tag, x1 - LEFT - 10, size)
        draw_lines(c, plines, LEFT + 5, (top + y) / 2 + len(plines) * leading / 2 - size, size, leading)
    for a, b in ((LEFT, x1), (x1, x2), (x2, RIGHT)):
        seg(c, a, y, b, y)
    c.showPage()


def render_legacy(doc: dict, out: Path) -> None:
    c = canvas.Canvas(str(out), pagesize=(W, H), invariant=1)
    c.setTitle("")
    page_cover(c, doc)
    page_overview(c, doc)
    for sheet in doc["sheets"]:
        page_sheet(c, doc, sheet)
    for cl in doc["checklists"]:
        for _party, label, rws in cl["parts"]:
            page_checklist(c, cl, label, rws)
    c.save()
