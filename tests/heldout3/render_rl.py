"""reportlab rendering of a docs3 document: every page drawn by this code (no platypus)."""
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

pdfmetrics.registerFont(TTFont("IPAexM", "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"))
pdfmetrics.registerFont(TTFont("IPAexG", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"))
W, H = A4
LM, RM, TOP, BOT = 56, W - 50, H - 60, 60
FS = 10
LH = 15


def wrap(text, width, font="IPAexM", size=FS):
    lines = []
    for para in text.split("\n"):
        cur = ""
        for ch in para:
            if pdfmetrics.stringWidth(cur + ch, font, size) > width:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        lines.append(cur)
    return lines


class Doc:
    def __init__(self, path):
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setAuthor("")
        self.y = TOP

    def new_page(self):
        self.c.showPage()
        self.y = TOP

    def text(self, s, x=LM, font="IPAexM", size=FS, gap=LH):
        for line in wrap(s, RM - x, font, size):
            if self.y < BOT:
                self.new_page()
            self.c.setFont(font, size)
            self.c.drawString(x, self.y, line)
            self.y -= gap

    def row(self, cells, widths, fonts, x0=LM):
        """One table row; cells wrap; the row is moved to a new page when it does not fit."""
        wrapped = [wrap(t, w - 8, f) for t, w, f in zip(cells, widths, fonts)]
        h = max(len(x) for x in wrapped) * LH + 8
        if self.y - h < BOT:
            self.new_page()
        x = x0
        self.c.setLineWidth(0.6)
        for lines, w, f in zip(wrapped, widths, fonts):
            self.c.rect(x, self.y - h, w, h)
            ty = self.y - 4 - FS
            for ln in lines:
                self.c.setFont(f, FS)
                self.c.drawString(x + 4, ty, ln)
                ty -= LH
            x += w
        self.y -= h

    def save(self):
        self.c.showPage()
        self.c.save()


def render(doc, path):
    d = Doc(path)
    c = d.c
    c.setFont("IPAexG", 12)
    c.drawRightString(RM, TOP, doc["material"])
    d.y -= 40
    d.text(doc["heading"], x=LM + 60, font="IPAexG", size=14, gap=30)
    d.row(["件名", doc["title"]], [80, RM - LM - 80], ["IPAexG", "IPAexM"])
    d.y -= 10
    d.text("内容は別紙のとおり")
    d.y -= 10
    d.text(doc["basis_label"] + "　　　【報告】" if doc.get("report_mark") else doc["basis_label"], font="IPAexG")
    for b in doc["basis_lines"]:
        d.text(b, x=LM + 14)
    d.y -= 10
    c.setFont("IPAexM", FS)
    c.drawRightString(RM, d.y, doc["dept_line"])
    d.new_page()
    d.text("事業の概要", font="IPAexG", size=12, gap=22)
    for lbl, val in doc["overview"]:
        d.row([lbl, val], [90, RM - LM - 90], ["IPAexG", "IPAexM"])
    for sh in doc["sheets"]:
        d.new_page()
        d.text(sh["heading"], font="IPAexG")
        d.text("件名　" + sh["title"], gap=22)
        for lbl, val, _c in sh["rows"]:
            d.row([lbl, val], [130, RM - LM - 130], ["IPAexG", "IPAexM"])
    for cl in doc["checklists"]:
        d.new_page()
        d.text(cl["heading"], font="IPAexG", gap=22)
        pw = 70
        widths = [RM - LM - pw - 90, 90]
        for plabel, _p, types in cl["parties"]:
            y0 = d.y
            for tlabel, _k, ms in types:
                d.row([tlabel, ""], widths, ["IPAexG", "IPAexM"], x0=LM + pw)
                for text, mark, note, _key in ms:
                    m = mark + ("\n（" + note + "）" if note else "")
                    d.row([text, m], widths, ["IPAexM", "IPAexM"], x0=LM + pw)
            c.rect(LM, d.y, pw, y0 - d.y)  # the merged party cell
            lines = wrap(plabel, pw - 8, "IPAexG")
            ty = (y0 + d.y) / 2 + len(lines) * LH / 2 - FS
            for ln in lines:
                c.setFont("IPAexG", FS)
                c.drawString(LM + 4, ty, ln)
                ty -= LH
    d.save()
