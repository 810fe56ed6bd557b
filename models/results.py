"""What processing one PDF produced: its records, or why it was quarantined.

DocumentResult(file="a.pdf", sha256="…", status="quarantined", reason="truncated", …)
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models import __version__
from models.record import MappedSubmission

DocumentStatus = Literal["loaded", "quarantined"]


class DocumentResult(BaseModel):
    """The outcome of `pipeline.process.process_document` for one file."""

    file: str  # the path as given
    file_name: str
    sha256: str
    size: int = 0
    page_count: int | None = None
    status: DocumentStatus
    records: list[MappedSubmission] = Field(default_factory=list)
    # Set when status == "quarantined": a short code (models.errors reasons or
    # "internal_error"), the exception class and its message.
    reason: str | None = None
    error_class: str | None = None
    message: str | None = None
    ocr_pages: list[int] = Field(default_factory=list)
    seconds: float = 0.0
    fugi_version: str = __version__

    @property
    def document_ids(self) -> list[str]:
        return [m.record.document_id for m in self.records]
