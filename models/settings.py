"""Settings for extraction (what `fugi layout` / `fugi ingest` pass to extract_layout)."""

from __future__ import annotations

import os
from typing import Literal

from pydantic import BaseModel, Field

DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"


def _default_tessdata() -> str:
    return os.environ.get("TESSDATA_PREFIX") or DEFAULT_TESSDATA


def _default_line_reader() -> Literal["ppocr", "none"]:
    return "none" if os.environ.get("FUGI_LINE_READER") == "none" else "ppocr"


class ExtractSettings(BaseModel):
    """How to read a PDF: ExtractSettings(ocr="never", max_pages=500)."""

    # "auto": OCR only pages whose text layer is missing or broken.
    ocr: Literal["auto", "always", "never"] = "auto"
    dpi: int = Field(default=300, ge=72, le=1200)
    lang: str = "jpn"
    tessdata: str | None = Field(default_factory=_default_tessdata)
    # Each OCR'd line read again by a neural line recogniser and merged with Tesseract's
    # reading (extractors/line_reader.py); "none": Tesseract alone (FUGI_LINE_READER).
    line_reader: Literal["ppocr", "none"] = Field(default_factory=_default_line_reader)
    password: str | None = None
    max_pages: int = Field(default=2000, ge=1)
    # Ruled-grid tolerances in PDF points (see extractors.grid.segments_to_tables).
    snap: float = 2.5
    join_gap: float = 4.0
    min_cell: float = 4.0
    # A page-break continuation: the previous table must end within this fraction of the
    # page height from the bottom and the next start within it from the top.
    continuation_margin: float = 0.2
    # Column edges of continued tables must agree within this many points.
    continuation_tol: float = 3.0
    # A scan's own invisible OCR layer is replaced by fugi's cell-wise OCR (see quality.py).
    reocr_invisible_text: bool = True
