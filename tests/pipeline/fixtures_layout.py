"""Build DocumentLayouts by hand, shaped like the seeds, for segmentation/mapping tests.

Text may carry the seeds' change-mark markup: **bold** and <u>underlined</u> become
styled spans. Geometry is synthetic but consistent (10pt characters, top-left origin).

    page(1, [text("個人情報保護管理運営会議 付議事項"), kv_table([("件名", "…")])])
"""

from __future__ import annotations

import re

from models.layout import BBox, Cell, DocumentLayout, Line, Page, PageItem, Span, Table, TextBlock

SIZE = 10.0
LEFT = 50.0
WIDTH = 500.0
_MARK = re.compile(r"(\*\*.+?\*\*|<u>.+?</u>)")


class Cursor:
    """Where the next block goes on the page being built."""

    def __init__(self) -> None:
        self.y = 50.0


def spans(text: str, x0: float, y0: float, size: float = SIZE) -> list[Span]:
    out: list[Span] = []
    x = x0
    for piece in _MARK.split(text):
        if not piece:
            continue
        bold = underline = False
        if piece.startswith("**"):
            piece, bold, underline = piece[2:-2], True, False
        elif piece.startswith("<u>"):
            piece, bold, underline = piece[3:-4], True, True
        w = size * len(piece)
        out.append(
            Span(
                text=piece,
                bbox=BBox(x0=x, y0=y0, x1=x + w, y1=y0 + size),
                size=size,
                bold=bold,
                underline=underline,
                font="IPAexGothic" if bold else "IPAexMincho",
            )
        )
        x += w
    return out


def line(text: str, x0: float = LEFT, y0: float = 50.0, size: float = SIZE) -> Line:
    sp = spans(text, x0, y0, size) or [Span(text="", bbox=BBox(x0=x0, y0=y0, x1=x0, y1=y0 + size))]
    box = sp[0].bbox
    for s in sp[1:]:
        box = box.union(s.bbox)
    return Line(spans=sp, bbox=box)


def gap_line(
    label: str, value: str, x0: float = LEFT, value_x: float = 200.0, y0: float = 50.0
) -> Line:
    """A borderless label/value line: the label at x0, the value starting at value_x."""
    left = spans(label, x0, y0)
    right = spans(value, value_x, y0)
    sp = left + right
    box = sp[0].bbox
    for s in sp[1:]:
        box = box.union(s.bbox)
    return Line(spans=sp, bbox=box)


def text(
    *texts: str, x0: float = LEFT, y0: float | None = None, cur: Cursor | None = None
) -> TextBlock:
    """A text block with one line per argument (markup allowed)."""
    y = y0 if y0 is not None else (cur.y if cur else 50.0)
    lines = [line(t, x0, y + i * SIZE * 1.5) for i, t in enumerate(texts)]
    if cur:
        cur.y = y + len(texts) * SIZE * 1.5 + 6
    return TextBlock(lines=lines, bbox=_union([ln.bbox for ln in lines]))


def block_of(lines: list[Line]) -> TextBlock:
    return TextBlock(lines=lines, bbox=_union([ln.bbox for ln in lines]))


def cell(
    row: int,
    col: int,
    content: str,
    box: BBox,
    rowspan: int = 1,
    colspan: int = 1,
    drawn_mark: str | None = None,
) -> Cell:
    parts = content.split("\n") if content else []
    lines = [line(p, box.x0 + 2, box.y0 + 2 + i * SIZE * 1.2) for i, p in enumerate(parts)]
    return Cell(
        row=row,
        col=col,
        rowspan=rowspan,
        colspan=colspan,
        bbox=box,
        text=_plain(content),
        lines=lines,
        drawn_mark=drawn_mark,
    )


def _plain(s: str) -> str:
    return s.replace("**", "").replace("<u>", "").replace("</u>", "")


def kv_table(
    rows: list[tuple[str, str]],
    page: int = 1,
    y0: float | None = None,
    cur: Cursor | None = None,
    widths: tuple[float, float] = (150.0, 350.0),
    continues: int | None = None,
) -> Table:
    """A two-column label/value table; a row's texts may hold "\n" line breaks and markup."""
    y = y0 if y0 is not None else (cur.y if cur else 60.0)
    cells: list[Cell] = []
    edges = [y]
    for r, (label, value) in enumerate(rows):
        h = SIZE * 1.2 * max(1, label.count("\n") + 1, value.count("\n") + 1) + 4
        top, bottom = edges[-1], edges[-1] + h
        cells.append(cell(r, 0, label, BBox(x0=LEFT, y0=top, x1=LEFT + widths[0], y1=bottom)))
        cells.append(
            cell(r, 1, value, BBox(x0=LEFT + widths[0], y0=top, x1=LEFT + sum(widths), y1=bottom))
        )
        edges.append(bottom)
    if cur:
        cur.y = edges[-1] + 8
    return Table(
        page=page,
        bbox=BBox(x0=LEFT, y0=y, x1=LEFT + sum(widths), y1=edges[-1]),
        n_rows=len(rows),
        n_cols=2,
        col_edges=[LEFT, LEFT + widths[0], LEFT + sum(widths)],
        row_edges=edges,
        cells=cells,
        continues=continues,
    )


def checklist_table(
    groups: list[tuple[str | None, list[tuple[str, str]]]],
    page: int = 1,
    cur: Cursor | None = None,
    header: bool = True,
    drawn: bool = False,
    continues: int | None = None,
) -> Table:
    """A checklist: header row, then per group one party cell spanning its (mark, measure) rows.

    A group's party may be None for a table continued from the previous page. With drawn=True
    the mark cells are empty and carry the mark as `drawn_mark` (a circle drawn as a shape).
    """
    y = cur.y if cur else 60.0
    xs = [LEFT, LEFT + 130, LEFT + 200, LEFT + 500]
    cells: list[Cell] = []
    edges = [y]
    r = 0
    if header:
        top = edges[-1]
        bottom = top + 30
        cells.append(cell(0, 0, "", BBox(x0=xs[0], y0=top, x1=xs[1], y1=bottom)))
        cells.append(
            cell(
                0,
                1,
                "・対策が可能であれば「○」\n・対策の必要がない場合は「－」",
                BBox(x0=xs[1], y0=top, x1=xs[2], y1=bottom),
            )
        )
        cells.append(cell(0, 2, "情報保護対策", BBox(x0=xs[2], y0=top, x1=xs[3], y1=bottom)))
        edges.append(bottom)
        r = 1
    for party, rows in groups:
        first_row, first_top = r, edges[-1]
        for mark, measure in rows:
            top = edges[-1]
            bottom = top + SIZE * 1.2 * (measure.count("\n") + 1) + 6
            if drawn and mark in ("○", "－"):
                cells.append(
                    cell(r, 1, "", BBox(x0=xs[1], y0=top, x1=xs[2], y1=bottom), drawn_mark=mark)
                )
            else:
                cells.append(cell(r, 1, mark, BBox(x0=xs[1], y0=top, x1=xs[2], y1=bottom)))
            cells.append(cell(r, 2, measure, BBox(x0=xs[2], y0=top, x1=xs[3], y1=bottom)))
            edges.append(bottom)
            r += 1
        box = BBox(x0=xs[0], y0=first_top, x1=xs[1], y1=edges[-1])
        cells.append(cell(first_row, 0, party or "", box, rowspan=r - first_row))
    if cur:
        cur.y = edges[-1] + 8
    return Table(
        page=page,
        bbox=BBox(x0=xs[0], y0=y, x1=xs[3], y1=edges[-1]),
        n_rows=r,
        n_cols=3,
        col_edges=xs,
        row_edges=edges,
        cells=cells,
        continues=continues,
    )


def page(
    number: int,
    items: list[TextBlock | Table],
    source: str = "text_layer",
    engine: str | None = None,
) -> Page:
    blocks = [b for b in items if isinstance(b, TextBlock)]
    tables = [t for t in items if isinstance(t, Table)]
    for t in tables:
        t.page = number
    order = []
    for it in items:
        if isinstance(it, TextBlock):
            order.append(PageItem(kind="text", index=blocks.index(it)))
        else:
            order.append(PageItem(kind="table", index=tables.index(it)))
    return Page(
        number=number,
        width=595.0,
        height=842.0,
        source=source,
        blocks=blocks,
        tables=tables,
        order=order,
        ocr_engine=engine,
    )


def layout(pages: list[Page], file_name: str = "fixture.pdf") -> DocumentLayout:
    return DocumentLayout(file_name=file_name, sha256="0" * 64, page_count=len(pages), pages=pages)


def _union(boxes: list[BBox]) -> BBox:
    box = boxes[0]
    for b in boxes[1:]:
        box = box.union(b)
    return box
