"""The layout model: what the extractor saw on each page.

Pages -> text spans (text, bbox, font, bold, underline) -> tables -> cells.
Coordinates are PDF points with the origin at the page's top-left corner
(PyMuPDF's convention), x growing right and y growing down.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

TextSource = Literal["text_layer", "ocr"]


class BBox(BaseModel):
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def union(self, other: BBox) -> BBox:
        return BBox(
            x0=min(self.x0, other.x0),
            y0=min(self.y0, other.y0),
            x1=max(self.x1, other.x1),
            y1=max(self.y1, other.y1),
        )


class Span(BaseModel):
    """A run of characters with one style on one line."""

    text: str
    bbox: BBox
    font: str | None = None
    size: float | None = None
    bold: bool = False
    underline: bool = False
    # OCR confidence 0..1 for OCR'd text; None for a text layer.
    confidence: float | None = None


class Line(BaseModel):
    spans: list[Span]
    bbox: BBox

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


class TextBlock(BaseModel):
    """Text outside tables (headings, 件名 boxes, notes, diagram boxes), in reading order."""

    lines: list[Line]
    bbox: BBox

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


class Cell(BaseModel):
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    bbox: BBox
    # Cell text with layout line breaks kept as "\n"; joining is the mapper's job
    # (pipeline.text.join_lines) so the raw reading stays inspectable.
    text: str = ""
    lines: list[Line] = Field(default_factory=list)
    # A mark drawn as a vector shape rather than typed (○ as a circle): "○", "－" or None.
    drawn_mark: str | None = None


class Table(BaseModel):
    page: int  # 1-based
    bbox: BBox
    n_rows: int
    n_cols: int
    col_edges: list[float] = Field(default_factory=list)
    row_edges: list[float] = Field(default_factory=list)
    cells: list[Cell]
    # When this table continues a table from the previous page (recognised by
    # column geometry), the index of that table in the previous page's list.
    continues: int | None = None

    def cell_at(self, row: int, col: int) -> Cell | None:
        for c in self.cells:
            if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
                return c
        return None

    def rows(self) -> list[list[Cell]]:
        """Cells grouped by the row they start in, ordered by column."""
        out: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row].append(c)
        for r in out:
            r.sort(key=lambda c: c.col)
        return out


class PageItem(BaseModel):
    """One thing on a page in reading order: a text block or a table."""

    kind: Literal["text", "table"]
    index: int  # into Page.blocks or Page.tables


class Problem(BaseModel):
    """A warning with a code, the page and (where known) where on it."""

    code: str
    message: str
    page: int | None = None
    bbox: BBox | None = None


class Page(BaseModel):
    number: int  # 1-based
    width: float
    height: float
    rotation: int = 0
    source: TextSource = "text_layer"
    blocks: list[TextBlock] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    order: list[PageItem] = Field(default_factory=list)
    ocr_engine: str | None = None  # e.g. "tesseract 5.5.4 jpn"
    problems: list[Problem] = Field(default_factory=list)


class DocumentLayout(BaseModel):
    file_name: str
    sha256: str
    page_count: int
    pages: list[Page]
    producer: str | None = None
    encrypted: bool = False
    problems: list[Problem] = Field(default_factory=list)

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.source == "ocr"]
