"""process_document in stages, so the OCR pages of a PDF become separate units of work:

    got = first_pass_document("a.pdf", settings)     # DocumentResult when nothing needs OCR
    if isinstance(got, PartialDocument):
        pages = {j.index: ocr_page(got, j, settings) for j in got.ocr}   # any process, any order
        result = finish_document(got, pages, settings)

Each stage, like process_document, never raises: bad input, a memory error or a bug
becomes a quarantined DocumentResult (the same reasons as process_document).
"""

from __future__ import annotations

import time
from pathlib import Path

from models.layout import Page
from models.record import Meeting
from models.results import DocumentResult
from models.settings import ExtractSettings
from models.staged import OcrPageJob, PartialDocument
from pipeline.process import (
    base_fields,
    hash_or_quarantine,
    quarantine_for,
    records_from_layout,
)


def first_pass_document(
    path: str | Path, settings: ExtractSettings, meeting: Meeting | None = None
) -> DocumentResult | PartialDocument:
    """Hash and open the PDF and read its text layer; finish it at once when no page needs OCR."""
    started = time.perf_counter()
    p = Path(path)
    base = base_fields(str(path))
    hashed = hash_or_quarantine(p, base, started)
    if isinstance(hashed, DocumentResult):
        return hashed
    sha, size = hashed
    try:
        from extractors.staged_layout import first_pass

        layout, todo = first_pass(p, settings)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a quarantine reason
        return quarantine_for(exc, base, sha, size, started)
    partial = PartialDocument(
        **{k: base[k] for k in ("file", "file_name")},
        sha256=sha,
        size=size,
        meeting=meeting,
        layout=layout,
        ocr=todo,
        seconds=time.perf_counter() - started,
    )
    return partial if todo else finish_document(partial, {}, settings)


def ocr_page(
    partial: PartialDocument, job: OcrPageJob, settings: ExtractSettings
) -> Page | DocumentResult:
    """OCR one page of a partial document: the Page, or the document's quarantined result."""
    started = time.perf_counter()
    try:
        from extractors.staged_layout import ocr_planned_page

        return ocr_planned_page(partial.file, job, settings)
    except Exception as exc:  # noqa: BLE001
        return quarantine_for(exc, base_fields(partial.file), partial.sha256, partial.size, started)


def finish_document(
    partial: PartialDocument, pages: dict[int, Page], settings: ExtractSettings
) -> DocumentResult:
    """Put the pages together, then segment, map and validate: the document's result."""
    started = time.perf_counter()
    base = base_fields(partial.file)
    try:
        from extractors.staged_layout import complete_layout

        layout = complete_layout(partial.layout, pages, settings)
        records = records_from_layout(layout, partial.sha256, partial.file_name, partial.meeting)
    except Exception as exc:  # noqa: BLE001
        return quarantine_for(exc, base, partial.sha256, partial.size, started)
    return DocumentResult(
        **base,
        sha256=partial.sha256,
        size=partial.size,
        page_count=layout.page_count,
        status="loaded",
        records=records,
        ocr_pages=list(layout.ocr_pages),
        seconds=time.perf_counter() - started,
    )
