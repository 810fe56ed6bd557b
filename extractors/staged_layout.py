"""extract_layout in three stages, so the OCR pages of one PDF can run in different
processes: a first pass reads the text-layer pages and lists the pages to OCR, each of those
is OCR'd on its own, and the pages are put together again.

    layout, todo = first_pass(path, settings)          # OCR pages are placeholders
    pages = {j.index: ocr_planned_page(path, j, settings) for j in todo}  # in any process
    layout = complete_layout(layout, pages, settings)  # == extract_layout(path, settings)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pymupdf

from extractors.layout import _ocr, text_layer_page
from extractors.open_pdf import document_problems, open_document
from extractors.page_numbers import page_number_problems
from extractors.quality import Quality, assess_page
from extractors.tables import link_continuations
from extractors.textlayer import read_glyph_lines
from models.layout import DocumentLayout, Page, Problem
from models.settings import ExtractSettings
from models.staged import OcrPageJob


def classify_page(doc: pymupdf.Document, index: int, settings: ExtractSettings) -> Page | Quality:
    """A page's text-layer Page, or the Quality saying why it must be OCR'd
    (the same decision as extractors.layout.extract_page)."""
    page = doc[index]
    if settings.ocr == "always":
        return Quality(True, "ocr_always", "OCR requested for every page")
    glines = read_glyph_lines(page)
    quality = assess_page(page, glines, settings.reocr_invisible_text)
    if quality.needs_ocr and settings.ocr == "auto":
        return quality
    out = text_layer_page(page, index + 1, glines, settings)
    if quality.needs_ocr:  # settings.ocr == "never": keep the bad layer, say so
        code = quality.reason or "bad_text_layer"
        out.problems.append(Problem(code=code, message=quality.message, page=index + 1))
    return out


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
            got = _safe(doc, i, lambda d, k: classify_page(d, k, settings))
            if isinstance(got, Quality):
                rect = doc[i].rect
                pages.append(Page(number=i + 1, width=rect.width, height=rect.height, source="ocr"))
                todo.append(OcrPageJob(index=i, reason=got.reason, message=got.message))
            else:
                pages.append(got)
        layout = DocumentLayout(
            file_name=path.name,
            sha256=hashlib.sha256(data or b"").hexdigest(),
            page_count=doc.page_count,
            pages=pages,
            producer=(doc.metadata or {}).get("producer") or None,
            encrypted=bool((doc.metadata or {}).get("encryption")),
            problems=document_problems(doc),
        )
        return layout, todo
    finally:
        doc.close()


def ocr_planned_page(path: str | Path, job: OcrPageJob, settings: ExtractSettings) -> Page:
    """OCR one page listed by first_pass. The last document opened stays open in this
    process, so a worker given several pages of one PDF parses it once."""
    quality = Quality(True, job.reason, job.message)
    doc = _opened(Path(path), settings)
    return _safe(doc, job.index, lambda d, k: _ocr(d, k, settings, quality))


_OPEN: dict[tuple[str, str | None], pymupdf.Document] = {}


def _opened(path: Path, settings: ExtractSettings) -> pymupdf.Document:
    key = (str(path.resolve()), settings.password)
    if key not in _OPEN:
        for doc in _OPEN.values():
            doc.close()
        _OPEN.clear()
        _OPEN[key] = open_document(path, settings.password, max_pages=settings.max_pages)
    return _OPEN[key]


def complete_layout(
    layout: DocumentLayout, ocr_pages: dict[int, Page], settings: ExtractSettings
) -> DocumentLayout:
    """Put the OCR'd pages (by 0-based index) in place; link tables across pages."""
    pages = [ocr_pages.get(p.number - 1, p) for p in layout.pages]
    link_continuations(pages, settings)
    problems = layout.problems + page_number_problems(pages)
    return layout.model_copy(update={"pages": pages, "problems": problems})


def _safe(
    doc: pymupdf.Document, index: int, step: Callable[[pymupdf.Document, int], Page | Quality]
) -> Page | Quality:
    """A page MuPDF cannot interpret becomes an empty page with a warning (as extract_layout)."""
    try:
        return step(doc, index)
    except RuntimeError as exc:  # MuPDF's errors (broken content stream, missing object)
        try:
            rect = doc[index].rect
            width, height = rect.width, rect.height
        except RuntimeError:
            width = height = 0.0
        msg = f"MuPDF could not read the page: {exc}"
        problem = Problem(code="page_unreadable", message=msg, page=index + 1)
        return Page(number=index + 1, width=width, height=height, problems=[problem])
