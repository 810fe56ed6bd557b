"""PDF -> DocumentLayout: every page read from its text layer, or OCR'd when the layer
is missing or broken (extractors.quality) or when settings.ocr == "always".

    layout = extract_layout("samples/good/a.pdf")
    layout.pages[0].tables[0].cell_at(0, 1).text
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

import pymupdf

from extractors.drawings import read_drawings
from extractors.grid import fill_cells
from extractors.image_guard import check_page_images
from extractors.open_pdf import document_problems, open_document
from extractors.page_numbers import page_number_problems
from extractors.quality import Quality, assess_page
from extractors.reading_order import by_columns
from extractors.styles import mark_underlines, text_underlines, underline_rules
from extractors.tables import link_continuations, mark_drawn_marks, rules_to_tables
from extractors.textlayer import Glyph, GlyphLine, glyph_lines_to_lines, read_glyph_lines, visible
from models.layout import BBox, DocumentLayout, Line, Page, PageItem, Problem, Table, TextBlock
from models.settings import ExtractSettings

_P = TypeVar("_P", Page, Page | Quality)


def extract_layout(path: str | Path, settings: ExtractSettings | None = None) -> DocumentLayout:
    """Read the whole PDF into the layout model (raises InputError for bad input)."""
    settings = settings or ExtractSettings()
    path = Path(path)
    data = path.read_bytes() if path.is_file() else None
    doc = open_document(path, settings.password, max_pages=settings.max_pages, data=data)
    try:
        pages: list[Page] = [
            safe_page(doc, i, lambda d, k: extract_page(d, k, settings))
            for i in range(doc.page_count)
        ]
        return complete_layout(new_layout(doc, path, data, pages), {}, settings)
    finally:
        doc.close()


def new_layout(
    doc: pymupdf.Document, path: Path, data: bytes | None, pages: list[Page]
) -> DocumentLayout:
    """The document's layout from its pages, before tables are linked across pages."""
    return DocumentLayout(
        file_name=path.name,
        sha256=hashlib.sha256(data or b"").hexdigest(),
        page_count=doc.page_count,
        pages=pages,
        producer=(doc.metadata or {}).get("producer") or None,
        encrypted=bool((doc.metadata or {}).get("encryption")),
        problems=document_problems(doc),
    )


def complete_layout(
    layout: DocumentLayout, ocr_pages: dict[int, Page], settings: ExtractSettings
) -> DocumentLayout:
    """Put OCR'd pages (by 0-based index) in place; link tables across pages; check the
    printed page numbers."""
    pages = [ocr_pages.get(p.number - 1, p) for p in layout.pages]
    link_continuations(pages, settings)
    problems = layout.problems + page_number_problems(pages)
    return layout.model_copy(update={"pages": pages, "problems": problems})


def safe_page(
    doc: pymupdf.Document, index: int, step: Callable[[pymupdf.Document, int], _P]
) -> _P | Page:
    """`step(doc, index)`, but a page MuPDF cannot interpret becomes an empty page with a
    warning."""
    try:
        return step(doc, index)
    except RuntimeError as exc:  # MuPDF's errors (broken content stream, missing object)
        try:
            rect = doc[index].rect
            width, height = rect.width, rect.height
        except RuntimeError:
            width = height = 0.0
        problem = Problem(
            code="page_unreadable", message=f"MuPDF could not read the page: {exc}", page=index + 1
        )
        return Page(number=index + 1, width=width, height=height, problems=[problem])


def classify_page(doc: pymupdf.Document, index: int, settings: ExtractSettings) -> Page | Quality:
    """A page's text-layer Page, or the Quality saying why it must be OCR'd."""
    page = doc[index]
    if settings.ocr == "always":
        return Quality(True, "ocr_always", "OCR requested for every page")
    glines = read_glyph_lines(page)
    quality = assess_page(page, glines, settings.reocr_invisible_text)
    if quality.needs_ocr and settings.ocr == "auto":
        return quality
    out = text_layer_page(page, index + 1, glines, settings)
    if quality.needs_ocr:  # settings.ocr == "never": keep the bad layer, say so
        out.problems.append(
            Problem(
                code=quality.reason or "bad_text_layer", message=quality.message, page=index + 1
            )
        )
    return out


def extract_page(doc: pymupdf.Document, index: int, settings: ExtractSettings) -> Page:
    """One page (0-based index) -> Page, from the text layer or by OCR."""
    got = classify_page(doc, index, settings)
    return got if isinstance(got, Page) else ocr_with_reason(doc, index, settings, got)


def ocr_with_reason(
    doc: pymupdf.Document, index: int, settings: ExtractSettings, quality: Quality
) -> Page:
    """OCR one page; the reason it needed OCR becomes a page problem."""
    check_page_images(doc[index], file=doc.name or None)  # never render a decompression bomb
    try:
        from extractors.ocr import ocr_page
    except ImportError as exc:  # OCR path not installed: read what the text layer has
        page = doc[index]
        out = text_layer_page(page, index + 1, read_glyph_lines(page), settings)
        out.problems.append(
            Problem(code="ocr_unavailable", message=f"{quality.reason}: {exc}", page=index + 1)
        )
        return out
    out = ocr_page(doc, index, settings)
    if quality.reason and quality.reason != "ocr_always":
        out.problems.append(Problem(code=quality.reason, message=quality.message, page=index + 1))
    return out


def text_layer_page(
    page: pymupdf.Page, number: int, glines: list[GlyphLine], settings: ExtractSettings
) -> Page:
    """Build a Page from glyph lines and the page's vector drawings."""
    glines = _visible_lines(glines)
    drawings = read_drawings(page)
    glyph_boxes = [(g.x0, g.y0, g.x1, g.y1, g.c) for gl in glines for g in gl.glyphs if g.c.strip()]
    tables = rules_to_tables(
        drawings, number, settings, text_underlines(drawings.rules, glines), glyph_boxes
    )
    mark_underlines(glines, underline_rules(drawings.rules, tables))
    locate = _CellLocator(tables)
    pieces = glyph_lines_to_lines(glines, locate)
    for ti, table in enumerate(tables):
        # spans of the text layer are already cut per cell (glyph by glyph): no re-cutting
        fill_cells(
            table,
            [ln for key, _, ln in pieces if isinstance(key, tuple) and key[0] == ti],
            cut_spans=False,
        )
    for table in tables:
        mark_drawn_marks(table, drawings, glyph_boxes)
    blocks = _text_blocks([(bno, ln) for key, bno, ln in pieces if key is None], tables)
    rect = page.rect
    return Page(
        number=number,
        width=rect.width,
        height=rect.height,
        rotation=page.rotation,
        source="text_layer",
        blocks=blocks,
        tables=tables,
        order=_reading_order(blocks, tables),
    )


def _visible_lines(glines: list[GlyphLine]) -> list[GlyphLine]:
    """Drop invisible glyphs when the page has visible ones (hidden text is not content)."""
    flags = [[visible(g) for g in gl.glyphs] for gl in glines]
    n_shown = sum(sum(f) for f in flags)
    if n_shown == 0 or n_shown == sum(len(f) for f in flags):
        return glines
    out = []
    for gl, f in zip(glines, flags, strict=True):
        shown = [g for g, ok in zip(gl.glyphs, f, strict=True) if ok]
        if shown:
            out.append(GlyphLine(shown, gl.block, gl.horizontal, gl.bbox))
    return out


class _CellLocator:
    """glyph -> (table index, cell index) by the glyph's centre, or None outside tables."""

    def __init__(self, tables: list[Table]):
        self.tables = tables
        self.maps = [_atomic_map(t) for t in tables]

    def __call__(self, g: Glyph) -> Hashable:
        cx, cy = g.cx, g.cy
        for ti, t in enumerate(self.tables):
            b = t.bbox
            if not (b.x0 <= cx < b.x1 and b.y0 <= cy < b.y1):
                continue
            r = bisect.bisect_right(t.row_edges, cy) - 1
            c = bisect.bisect_right(t.col_edges, cx) - 1
            ci = self.maps[ti].get((r, c))
            return None if ci is None else (ti, ci)
        return None


def _atomic_map(t: Table) -> dict[tuple[int, int], int]:
    out = {}
    for i, cell in enumerate(t.cells):
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                out[(r, c)] = i
    return out


def _text_blocks(lines: list[tuple[int, Line]], tables: list[Table]) -> list[TextBlock]:
    """Lines outside tables -> blocks, one per PyMuPDF block, split where a table
    lies between two of its lines."""
    by_block: dict[int, list[Line]] = {}
    for bno, ln in lines:
        by_block.setdefault(bno, []).append(ln)
    out: list[TextBlock] = []
    for bno in sorted(by_block):
        for column in _columns(by_block[bno]):
            part: list[Line] = []
            for ln in sorted(column, key=lambda ln: (round(ln.bbox.y0, 0), ln.bbox.x0)):
                if part and _table_between(part[-1].bbox, ln.bbox, tables):
                    out.append(_block(part))
                    part = []
                part.append(ln)
            if part:
                out.append(_block(part))
    return out


# A vertical gutter at least this wide (points) splits a block into columns.
GUTTER = 12.0


def _columns(lines: list[Line]) -> list[list[Line]]:
    """Split one block's lines at vertical gutters (x ranges no line crosses), left to right."""
    if len(lines) < 2:
        return [lines]
    spans = sorted((ln.bbox.x0, ln.bbox.x1) for ln in lines)
    cuts: list[float] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= GUTTER:
            cuts.append((x0 + reach) / 2)
        reach = max(reach, x1)
    if not cuts:
        return [lines]
    groups: list[list[Line]] = [[] for _ in range(len(cuts) + 1)]
    for ln in lines:
        groups[bisect.bisect_right(cuts, ln.bbox.x0)].append(ln)
    return [g for g in groups if g]


def _table_between(a: BBox, b: BBox, tables: list[Table]) -> bool:
    return any(a.y1 <= t.bbox.y0 + 1 and t.bbox.y1 - 1 <= b.y0 for t in tables)


def _block(lines: list[Line]) -> TextBlock:
    bbox = lines[0].bbox
    for ln in lines[1:]:
        bbox = bbox.union(ln.bbox)
    return TextBlock(lines=lines, bbox=bbox)


def _reading_order(blocks: list[TextBlock], tables: list[Table]) -> list[PageItem]:
    """Tables cut the page into bands; blocks keep PyMuPDF's order within a band."""
    tops = [t.bbox.y0 for t in tables]  # tables are sorted top to bottom
    bands: list[list[PageItem]] = [[] for _ in range(len(tables) + 1)]
    for i, b in enumerate(blocks):
        bands[bisect.bisect_right(tops, b.bbox.y0)].append(PageItem(kind="text", index=i))
    order: list[PageItem] = list(bands[0])
    for ti in range(len(tables)):
        order.append(PageItem(kind="table", index=ti))
        order.extend(bands[ti + 1])
    return _columns_first(order, blocks, tables)


def _columns_first(
    order: list[PageItem], blocks: list[TextBlock], tables: list[Table]
) -> list[PageItem]:
    """Two sheets or checklists side by side: each column read whole (reading_order)."""
    boxes = [
        (tables[it.index].bbox, True) if it.kind == "table" else (blocks[it.index].bbox, False)
        for it in order
    ]
    top_down = sorted(range(len(order)), key=lambda k: (boxes[k][0].y0, boxes[k][0].x0))
    columns = by_columns([boxes[k] for k in top_down])
    if columns == list(range(len(top_down))):
        return order  # no columns: PyMuPDF's order within each band stays
    return [order[top_down[k]] for k in columns]
