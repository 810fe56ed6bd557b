"""The three production routes: how text, marks and rules are drawn into the PDF.

word   — Word template: Mincho body, continuous rules, bold as "…-Bold" font with
         fill+stroke (render mode 2), underline as a stroked line.
excel  — Excel print: Gothic body, every cell edge drawn separately (some left out),
         bold as "…,Bold" font with fill+stroke, underline as a stroked line.
legacy — older generators: rules broken into short segments, distributed labels,
         ○/－ drawn as vector shapes, fake bold by double drawing, underline as a
         thin filled rectangle.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .fonts import text_width


@dataclass
class Route:
    name: str
    body_font: str
    mark_font: str
    size: float = 10.0
    leading: float = 14.5
    pad: float = 4.0
    sheet_label_w: float = 100.0
    overview_label_w: float = 70.0
    party_w: float = 112.0
    mark_w: float = 84.0
    checklist_size: float | None = None
    rule_w: float = 0.6

    def __post_init__(self) -> None:
        # Fixed seed: the broken rules of the legacy route are the same on every run.
        self.rng = random.Random(1729)

    # ---- fonts -------------------------------------------------------------------
    def font_of(self, span: int | None) -> str:
        return self.mark_font if span is not None else self.body_font

    # ---- text ----------------------------------------------------------------------
    def draw_line(self, c, x: float, y: float, line, size: float, font: str | None = None) -> float:
        """Draw one wrapped line at baseline y (reportlab coords); return its width."""
        cx = x
        for text, span in line:
            f = font or self.font_of(span)
            w = text_width(text, f, size)
            if span is None:
                c.setFont(f, size)
                c.drawString(cx, y, text)
            else:
                self.draw_marked(c, cx, y, text, size, w)
            cx += w
        return cx - x

    def draw_marked(self, c, x: float, y: float, text: str, size: float, w: float) -> None:
        if self.name == "legacy":
            c.setFont(self.mark_font, size)
            c.drawString(x, y, text)
            c.drawString(x + 0.3, y, text)  # fake bold: the text twice, 0.3pt apart
            c.rect(x, y - 1.8, w, 0.5, stroke=0, fill=1)  # underline as a filled rectangle
            return
        t = c.beginText(x, y)
        t.setFont(self.mark_font, size)
        t.setTextRenderMode(2)
        t.textOut(text)
        t.setTextRenderMode(0)
        c.saveState()
        c.setLineWidth(0.35)
        c.drawText(t)
        c.setLineWidth(0.6)
        c.line(x, y - 1.8, x + w, y - 1.8)
        c.restoreState()

    def draw_label(self, c, x0: float, x1: float, y: float, text: str, size: float) -> None:
        """Short labels are distributed across the cell in the legacy route (件　　名)."""
        if self.name == "legacy" and 2 <= len(text) <= 4:
            avail = x1 - x0
            widths = [text_width(ch, self.body_font, size) for ch in text]
            gap = (avail - sum(widths)) / (len(text) - 1)
            cx = x0
            c.setFont(self.body_font, size)
            for ch, w in zip(text, widths, strict=True):
                c.drawString(cx, y, ch)  # one show operator per character
                cx += w + gap
            return
        c.setFont(self.body_font, size)
        c.drawString(x0, y, text)

    # ---- rules -----------------------------------------------------------------------
    def hline(self, c, x0: float, x1: float, y: float) -> None:
        if self.name != "legacy":
            c.line(x0, y, x1, y)
            return
        for a, b in self._segments(x0, x1):
            c.line(a, y, b, y)

    def vline(self, c, x: float, y0: float, y1: float) -> None:
        lo, hi = min(y0, y1), max(y0, y1)
        if self.name != "legacy":
            c.line(x, lo, x, hi)
            return
        for a, b in self._segments(lo, hi):
            c.line(x, a, x, b)

    def _segments(self, a: float, b: float):
        """Short pieces with small gaps and overlaps, like old PDF writers emit."""
        pos = a
        while pos < b - 0.1:
            length = self.rng.uniform(18, 46)
            end = min(b, pos + length)
            yield pos, end
            pos = end + self.rng.choice([-0.6, -0.3, 0.2, 0.4])
            pos = max(pos, a)

    def cell_edges(self, c, x0, y0, x1, y1, edges: str = "tblr") -> None:
        """Excel prints every cell's own edges (y0 top, y1 bottom in reportlab coords)."""
        if "t" in edges:
            self.hline(c, x0, x1, y0)
        if "b" in edges:
            self.hline(c, x0, x1, y1)
        if "l" in edges:
            self.vline(c, x0, y0, y1)
        if "r" in edges:
            self.vline(c, x1, y0, y1)

    # ---- checklist marks ---------------------------------------------------------------
    def draw_mark(self, c, cx: float, y: float, mark: str, size: float) -> None:
        """Draw ○ / － centred at cx on baseline y."""
        if self.name == "legacy":
            c.saveState()
            c.setLineWidth(0.8)
            if mark in ("○", "〇"):
                c.circle(cx, y + size * 0.35, size * 0.42, stroke=1, fill=0)
            elif mark:
                c.line(cx - size * 0.45, y + size * 0.35, cx + size * 0.45, y + size * 0.35)
            c.restoreState()
            return
        if mark:
            w = text_width(mark, self.body_font, size)
            c.setFont(self.body_font, size)
            c.drawString(cx - w / 2, y, mark)


ROUTES = {
    "word": dict(body_font="Mincho", mark_font="GothicBold", checklist_size=9.5),
    "excel": dict(body_font="Gothic", mark_font="PGothicBold", size=9.5, leading=13.5,
                  sheet_label_w=118.0, party_w=118.0, rule_w=0.5),
    "legacy": dict(body_font="ExMincho", mark_font="ExGothic", size=10.0, leading=15.0,
                   sheet_label_w=96.0, rule_w=0.7),
}


def make_route(name: str) -> Route:
    return Route(name=name, **ROUTES[name])
