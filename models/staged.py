"""Hand-offs of staged processing: one PDF's first pass, then its OCR pages as separate
units of work (so a batch of uneven scans keeps every worker busy), then mapping.

PartialDocument(file="a.pdf", sha256="…", layout=…, ocr=[OcrPageJob(index=3, reason="no_text_layer")])
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from models.layout import DocumentLayout
from models.record import Meeting


class OcrPageJob(BaseModel):
    """One page to OCR (0-based index) and why its text layer was not used."""

    index: int
    reason: str | None = None
    message: str = ""


class PartialDocument(BaseModel):
    """A PDF after its first pass: text-layer pages read; `layout.pages` holds an empty
    placeholder (source="ocr") for every page listed in `ocr`."""

    file: str
    file_name: str
    sha256: str
    size: int = 0
    meeting: Meeting | None = None
    layout: DocumentLayout
    ocr: list[OcrPageJob] = Field(default_factory=list)
    seconds: float = 0.0
