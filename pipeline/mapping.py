"""Mapping: one SubmissionSegments (+ its layout) -> the canonical record with provenance.

mapped = map_record(segs[0], layout, document_id=layout.sha256)
mapped.record.sections[0].kind -> "電算処理"
"""

from __future__ import annotations

from typing import Literal

from models.layout import DocumentLayout, Problem
from models.record import (
    ChangeMark,
    MappedSubmission,
    PriorApproval,
    Source,
    SubmissionRecord,
)
from models.segments import SubmissionSegments
from pipeline.change_marks import flat_text, items_subfield, mark_style, marked_runs
from pipeline.checklists import map_checklists
from pipeline.cover import map_cover
from pipeline.map_context import MapContext
from pipeline.overview import map_overview
from pipeline.pairs import Pair
from pipeline.provisions import find_references
from pipeline.record_items import map_record_items
from pipeline.sections import MARK_FIELD, MappedSheet, map_sections
from pipeline.units import Unit, refs_to_units
from pipeline.wareki import parse_prior_approvals


def map_record(
    seg: SubmissionSegments, layout: DocumentLayout, *, document_id: str
) -> MappedSubmission:
    units = [u for r in seg.regions for u in refs_to_units(layout, r.refs)]
    ctx = MapContext(layout=layout, seg=seg)
    ctx.style, legend = mark_style(units)
    for pr in seg.problems + _page_problems(layout, seg):
        ctx.warn(pr.code, pr.message, pr.page)
    cover = map_cover(ctx)
    overview = map_overview(ctx)
    sheets = map_sections(ctx)
    sheet_marks = _sheet_marks(ctx, sheets)
    items, item_marks = map_record_items(ctx)
    rows, row_marks = map_checklists(ctx)
    record = SubmissionRecord(
        document_id=document_id,
        source=_source(layout, seg),
        meeting=cover.meeting,
        council=seg.council,
        item_kind=seg.item_kind,
        material_no=cover.material_no,
        title=cover.title,
        basis=cover.basis,
        categories=sorted({s.section.kind for s in sheets}),
        department=cover.department,
        overview=overview,
        sections=[s.section for s in sheets],
        record_items=items,
        checklists=rows,
        prior_approvals=_prior_approvals(legend, overview.description, units),
        change_marks=sheet_marks + item_marks + row_marks,
        references=_references(units, cover.material_no),
        warnings=list(ctx.warnings),
    )
    if seg.council:
        ctx.prov("council", seg.heading_page)
        ctx.prov("item_kind", seg.heading_page)
    return MappedSubmission(record=record, provenance=ctx.provenance)


def _references(units: list[Unit], own: str | None) -> list[str]:
    """資料 numbers unit by unit, in order, once each: a page-margin ``資料５`` is its own unit and
    is never joined to the heading number printed below it (``資料５`` / ``２　業務委託…``)."""
    out: list[str] = []
    for u in units:
        for ref in find_references(u.text, own=own):
            if ref not in out:
                out.append(ref)
    return out


def _page_range(layout: DocumentLayout, seg: SubmissionSegments) -> tuple[int, int]:
    return (seg.pages[0], seg.pages[-1]) if seg.pages else (1, layout.page_count)


def _page_problems(layout: DocumentLayout, seg: SubmissionSegments) -> list[Problem]:
    """What the extractor flagged on this submission's pages (OCR trouble, odd grids …)."""
    first, last = _page_range(layout, seg)
    out = [pr for p in layout.pages if first <= p.number <= last for pr in p.problems]
    return out + [pr for pr in layout.problems if pr.page is None or first <= pr.page <= last]


def _source(layout: DocumentLayout, seg: SubmissionSegments) -> Source:
    first, last = _page_range(layout, seg)
    pages = [p for p in layout.pages if first <= p.number <= last]
    ocr = [p.number for p in pages if p.source == "ocr"]
    text_source: Literal["text_layer", "ocr", "mixed"] = "text_layer"
    if ocr:
        text_source = "ocr" if len(ocr) == len(pages) else "mixed"
    return Source(
        file_name=layout.file_name,
        sha256=layout.sha256,
        page_count=layout.page_count,
        text_source=text_source,
        ocr_pages=ocr,
        pages=[first, last],
    )


def _sheet_marks(ctx: MapContext, sheets: list[MappedSheet]) -> list[ChangeMark]:
    marks: list[ChangeMark] = []
    for i, sheet in enumerate(sheets):
        changed: list[str] = []
        for pair, fld in sheet.pairs:
            for run in marked_runs(pair.lines, ctx.style):
                name = _mark_field(fld, pair, run.start)
                marks.append(ChangeMark(section=i, field=name, text=run.text, page=run.page))
                if name and name not in changed:
                    changed.append(name)
        sheet.section.changed_fields = changed
    return marks


def _mark_field(fld: str | None, pair: Pair, offset: int) -> str | None:
    if fld is None:
        return None
    if fld == "data_items":
        return items_subfield(flat_text(pair.lines), offset)
    return MARK_FIELD.get(fld, fld)


def _prior_approvals(
    legend: str | None, description: str | None, units: list[Unit]
) -> list[PriorApproval]:
    """From the ※ legend(s) and the overview's 事業内容: one per (council, fiscal year, session)."""
    texts = [
        u.text for u in units if u.kind == "line" and u.key.startswith("※") and "承認" in u.key
    ]
    if legend:
        texts.insert(0, legend)
    if description:
        texts.append(description)
    return parse_prior_approvals("\n".join(texts))
