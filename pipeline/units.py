"""Units: a layout flattened into text lines and table rows, in reading order.

Segmentation walks this stream; a region is a run of units, stored as BlockRefs.

    [u.kind for u in layout_units(layout)] -> ["line", "line", "row", "row", ...]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from models.layout import BBox, Cell, DocumentLayout, Line, Page, PageItem, Table
from models.segments import BlockRef
from pipeline.text import strip_label


@dataclass(frozen=True)
class Unit:
    """One text line (of a text block) or one table row."""

    page: int
    kind: Literal["line", "row"]
    index: int  # Page.blocks / Page.tables index
    part: int  # line index in the block, or row index in the table
    bbox: BBox
    line: Line | None = None
    cells: tuple[Cell, ...] = field(default_factory=tuple)
    table: Table | None = None

    @property
    def text(self) -> str:
        if self.line is not None:
            return self.line.text
        return "\t".join(c.text for c in self.cells)

    @property
    def key(self) -> str:
        """NFKC text without any whitespace: what headings and labels are matched on."""
        return compact(self.text)

    @property
    def first_key(self) -> str:
        """For a row: the compact text of its first cell (the label column)."""
        if self.cells:
            return compact(self.cells[0].text)
        return self.key


# NFKC and no whitespace at all: compact(" 件 名 ") -> "件名".
compact = strip_label


def page_items(page: Page) -> list[PageItem]:
    """The page's reading order, or blocks and tables sorted top to bottom when none is given."""
    if page.order:
        return list(page.order)
    items = [
        (b.bbox.y0, b.bbox.x0, PageItem(kind="text", index=i)) for i, b in enumerate(page.blocks)
    ]
    items += [
        (t.bbox.y0, t.bbox.x0, PageItem(kind="table", index=i)) for i, t in enumerate(page.tables)
    ]
    return [it for _, _, it in sorted(items, key=lambda x: (x[0], x[1]))]


def page_units(page: Page) -> list[Unit]:
    out: list[Unit] = []
    for item in page_items(page):
        if item.kind == "text":
            block = page.blocks[item.index]
            for j, ln in enumerate(block.lines):
                out.append(Unit(page.number, "line", item.index, j, ln.bbox, line=ln))
        else:
            table = page.tables[item.index]
            for r, cells in enumerate(table.rows()):
                if not cells:
                    continue
                box = cells[0].bbox
                for c in cells[1:]:
                    box = box.union(c.bbox)
                out.append(
                    Unit(page.number, "row", item.index, r, box, cells=tuple(cells), table=table)
                )
    return out


def layout_units(layout: DocumentLayout) -> list[Unit]:
    out: list[Unit] = []
    for page in sorted(layout.pages, key=lambda p: p.number):
        out.extend(page_units(page))
    return out


def units_to_refs(units: list[Unit]) -> list[BlockRef]:
    """Collapse consecutive units of one block/table into one BlockRef with a part range."""
    refs: list[BlockRef] = []
    for u in units:
        kind: Literal["text", "table"] = "text" if u.kind == "line" else "table"
        last = refs[-1] if refs else None
        if (
            last
            and last.page == u.page
            and last.kind == kind
            and last.index == u.index
            and last.stop == u.part
        ):
            last.stop = u.part + 1
            continue
        refs.append(BlockRef(page=u.page, kind=kind, index=u.index, start=u.part, stop=u.part + 1))
    return refs


def refs_to_units(layout: DocumentLayout, refs: list[BlockRef]) -> list[Unit]:
    """The units a region's refs point at, in the region's order."""
    by_page = {p.number: p for p in layout.pages}
    cache: dict[int, list[Unit]] = {}
    out: list[Unit] = []
    for ref in refs:
        if ref.page not in cache:
            cache[ref.page] = page_units(by_page[ref.page]) if ref.page in by_page else []
        kind = "line" if ref.kind == "text" else "row"
        for u in cache[ref.page]:
            if u.kind != kind or u.index != ref.index:
                continue
            if ref.start is not None and u.part < ref.start:
                continue
            if ref.stop is not None and u.part >= ref.stop:
                continue
            out.append(u)
    return out
