"""extract_layout in three stages, so the OCR pages of one PDF can run in different
processes: a first pass reads the text-layer pages and lists the pages to OCR, each of those
is OCR'd on its own, and the pages are put together again.

    layout, todo = first_pass(path, settings)          # OCR pages are placeholders
    pages = {j.index: ocr_planned_page(path, j, settings) for j in todo}  # in any process
    layout = complete_layout(layout, pages, settings)  # == extract_layout(path, settings)
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from extractors.layout import (
    classify_page,
    complete_layout,
    new_layout,
    ocr_with_reason,
    safe_page,
)
from extractors.open_pdf import open_document
from extractors.quality import Quality
from models.layout import DocumentLayout, Page
from models.settings import ExtractSettings
from models.staged import OcrPageJob

__all__ = ["complete_layout", "first_pass", "ocr_planned_page"]


def first_pass(
    path: str | Path, settings: ExtractSettings
) -> tuple[DocumentLayout, list[OcrPageJob]]:
    """Open the PDF, read its text-layer pages, list the pages to OCR (raises InputError)."""
    path = Path(path)
    data = path.read_bytes() if path.is_file() else None
    doc = open_document(path, settings.password, max_pages=settings.max_pages, data=data)
    try:
        pages: list[Page] = []
        todo: list[OcrPageJob] = []
        for i in range(doc.page_count):
            got = safe_page(doc, i, lambda d, k: classify_page(d, k, settings))
            if isinstance(got, Quality):
                rect = doc[i].rect
                pages.append(Page(number=i + 1, width=rect.width, height=rect.height, source="ocr"))
                todo.append(OcrPageJob(index=i, reason=got.reason, message=got.message))
            else:
                pages.append(got)
        return new_layout(doc, path, data, pages), todo
    finally:
        doc.close()


def ocr_planned_page(path: str | Path, job: OcrPageJob, settings: ExtractSettings) -> Page:
    """OCR one page listed by first_pass. The last document opened stays open in this
    process, so a worker given several pages of one PDF parses it once."""
    quality = Quality(True, job.reason, job.message)
    doc = _opened(Path(path), settings)
    return safe_page(doc, job.index, lambda d, k: ocr_with_reason(d, k, settings, quality))


_OPEN: dict[tuple[str, str | None], pymupdf.Document] = {}


def _opened(path: Path, settings: ExtractSettings) -> pymupdf.Document:
    key = (str(path.resolve()), settings.password)
    if key not in _OPEN:
        for doc in _OPEN.values():
            doc.close()
        _OPEN.clear()
        _OPEN[key] = open_document(path, settings.password, max_pages=settings.max_pages)
    return _OPEN[key]
