"""Staged processing (first pass -> OCR page units -> mapping) gives exactly what
process_document gives, for a scan, a born-digital file and a bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.settings import ExtractSettings
from models.staged import PartialDocument
from pipeline.process import process_document
from pipeline.staged import finish_document, first_pass_document, ocr_page

SAMPLES = Path(__file__).parents[2] / "samples"


def _staged(path: Path, settings: ExtractSettings):  # type: ignore[no-untyped-def]
    got = first_pass_document(path, settings)
    if not isinstance(got, PartialDocument):
        return got, None
    # Pages OCR'd out of order, as workers return them.
    pages = {j.index: ocr_page(got, j, settings) for j in reversed(got.ocr)}
    return finish_document(got, pages, settings), got


@pytest.mark.slow
def test_a_scan_staged_page_by_page_equals_process_document():
    path = SAMPLES / "scanned" / "001_checklist_fragment_fax.pdf"
    settings = ExtractSettings()
    staged, partial = _staged(path, settings)
    assert partial is not None and [j.index for j in partial.ocr] == [0]
    assert partial.layout.pages[0].source == "ocr" and not partial.layout.pages[0].tables
    whole = process_document(path, settings)
    assert staged.status == "loaded" and staged.ocr_pages == [1]
    assert staged.model_dump(exclude={"seconds"}) == whole.model_dump(exclude={"seconds"})


@pytest.mark.parametrize(
    "path", [SAMPLES / "good" / "001_checklist_fragment.pdf", SAMPLES / "bad" / "truncated.pdf"]
)
def test_documents_without_ocr_pages_finish_in_the_first_pass(path):
    settings = ExtractSettings()
    staged, partial = _staged(path, settings)
    assert partial is None
    whole = process_document(path, settings)
    assert staged.model_dump(exclude={"seconds"}) == whole.model_dump(exclude={"seconds"})


def test_a_failing_page_quarantines_the_document(tmp_path):
    path = SAMPLES / "scanned" / "001_checklist_fragment_fax.pdf"
    partial = first_pass_document(path, ExtractSettings())
    assert isinstance(partial, PartialDocument)
    gone = tmp_path / "gone.pdf"
    moved = partial.model_copy(update={"file": str(gone), "file_name": gone.name})
    result = ocr_page(moved, partial.ocr[0], ExtractSettings())
    assert result.status == "quarantined" and result.reason == "not_a_pdf"
    assert result.sha256 == partial.sha256
