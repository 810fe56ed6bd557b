"""A small page-flow engine on a reportlab canvas that records page anchors as it draws.

Coordinates inside the engine are top-down (y grows down from the page top), converted
to reportlab's bottom-up coordinates only when drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from .fonts import register_fonts, text_width
from .markup import SpanRegistry, parse_runs
from .routes import Route
from .wrap import wrap_runs

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 58.0, PAGE_W - 58.0
TOP, BOTTOM = 56.0, PAGE_H - 54.0


@dataclass
class Submission:
    """Page anchors of one submission inside the file (1-based pages)."""

    spec: str
    first: int
    last: int = 0
    sections: list[list[int]] = field(default_factory=list)
    checklist_rows: list[int] = field(default_factory=list)
    change_marks: list[dict] = field(default_factory=list)
    record_items_pages: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "spec": self.spec,
            "pages": [self.first, self.last],
            "sections": self.sections,
            "checklist_rows": self.checklist_rows,
            "change_marks": self.change_marks,
            "record_items_pages": self.record_items_pages,
        }


@dataclass
class Cell:
    """Wrapped content of one table cell."""

    lines: list
    align: str = "left"  # left | center
    size: float | None = None
    font: str | None = None
    mark: str | None = None  # checklist mark drawn above the lines
    label: bool = False  # a short label the legacy route distributes


class Doc:
    def __init__(self, path: str, route: Route, title: str = "") -> None:
        register_fonts()
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1)
        self.c.setTitle(title)
        self.c.setAuthor("")
        self.c.setCreator("fugi samples")
        self.route = route
        self.page = 1
        self.page_in_sub = 1
        self.y = TOP
        self.reg = SpanRegistry()
        self.subs: list[Submission] = []
        self.seen_spans: set[int] = set()
        self.on_page: list = []  # callbacks run when a page is finished

    # ---- pages -----------------------------------------------------------------------
    @property
    def sub(self) -> Submission:
        return self.subs[-1]

    def start_submission(self, spec: str) -> None:
        if self.subs and self.y > TOP + 1:
            self.new_page()
        self.page_in_sub = 1
        self.subs.append(Submission(spec=spec, first=self.page))

    def new_page(self) -> None:
        self._footer()
        self.c.showPage()
        self.page += 1
        self.page_in_sub += 1
        self.y = TOP

    def _footer(self) -> None:
        c = self.c
        c.setFont(self.route.body_font, 9)
        label = f"- {self.page_in_sub} -" if self.route.name == "word" else str(self.page_in_sub)
        c.drawCentredString(PAGE_W / 2, 34, label)

    def finish(self) -> list[Submission]:
        self._footer()
        self.c.showPage()
        self.sub.last = self.page
        for a, b in zip(self.subs, self.subs[1:], strict=False):
            a.last = b.first - 1
        self.c.save()
        return self.subs

    def fits(self, h: float) -> bool:
        return self.y + h <= BOTTOM

    def ensure(self, h: float) -> None:
        if not self.fits(h) and self.y > TOP + 1:
            self.new_page()

    def rl(self, y: float) -> float:
        return PAGE_H - y

    # ---- text ------------------------------------------------------------------------
    def runs(self, text: str):
        return parse_runs(text, self.reg)

    def wrap(self, text: str, width: float, size: float | None = None) -> list:
        size = size or self.route.size
        return wrap_runs(self.runs(text), width, size, self.route.font_of)

    def note_marks(self, line) -> None:
        for text, span in line:
            if span is not None and span not in self.seen_spans and text.strip():
                self.seen_spans.add(span)
                self.sub.change_marks.append({"text": self.reg.texts[span], "page": self.page})

    def draw_line(self, x: float, y_top: float, line, size: float, font: str | None = None) -> None:
        self.note_marks(line)
        self.route.draw_line(self.c, x, self.rl(y_top + size), line, size, font)

    def paragraph(self, text: str, x: float = LEFT, width: float | None = None,
                  size: float | None = None, align: str = "left", hang: float = 0.0,
                  leading: float | None = None, font: str | None = None) -> None:
        """Flow a paragraph; `hang` indents continuation lines (numbered clauses)."""
        size = size or self.route.size
        leading = leading or size * 1.55
        width = width or (RIGHT - x)
        first = wrap_runs(self.runs(text), width, size, lambda s: font or self.route.font_of(s))
        lines = first
        if hang and len(first) > 1:
            flat = [(t, s) for ln in first[1:] for t, s in ln]
            lines = first[:1] + wrap_runs(flat, width - hang, size, self.route.font_of)
        for i, ln in enumerate(lines):
            self.ensure(leading)
            lx = x + (hang if i else 0)
            if align == "center":
                w = sum(text_width(t, font or self.route.font_of(s), size) for t, s in ln)
                lx = (LEFT + RIGHT - w) / 2
            elif align == "right":
                w = sum(text_width(t, font or self.route.font_of(s), size) for t, s in ln)
                lx = RIGHT - w
            self.draw_line(lx, self.y, ln, size, font)
            self.y += leading

    def gap(self, h: float) -> None:
        self.y += h
