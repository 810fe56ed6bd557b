"""Process one PDF end to end: extract -> segment -> map -> validate, never raising.

result = process_document("a.pdf", ExtractSettings())
result.status            # "loaded" or "quarantined"
result.records[0].record.document_id   # the file's sha256 ("…#2" for a packet's 2nd)
"""

from __future__ import annotations

import hashlib
import re
import time
import traceback
from pathlib import Path

from models import __version__
from models.errors import InputError
from models.layout import DocumentLayout
from models.record import MappedSubmission, Meeting
from models.results import DocumentResult
from models.settings import ExtractSettings

_HASH_CHUNK = 1 << 20
# Pillow's decompression-bomb guard, and MuPDF refusing a pixmap beyond its size limit.
_TOO_LARGE = {"DecompressionBombError", "DecompressionBombWarning", "FzErrorLimit"}
# How C libraries say an allocation failed: MuPDF "malloc (N bytes) failed", OpenCV
# "Insufficient memory", errno ENOMEM.
_OUT_OF_MEMORY = re.compile(
    r"malloc \(\d+ bytes\) failed|Insufficient memory|Cannot allocate memory|out of memory"
    r"|bad_alloc|Failed to allocate",  # C++ (OpenCV) allocation failures
    re.I,
)


def file_sha256(path: str | Path) -> tuple[str, int]:
    """(hex sha256, size in bytes) of a file, read in chunks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(_HASH_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def resource_failure(exc: BaseException, name: str) -> tuple[str, str] | None:
    """(reason, message) when `exc` is a resource limit rather than a bug: memory_limit
    (MemoryError, or a C library's failed allocation) or too_large (image guards)."""
    if isinstance(exc, MemoryError) or _OUT_OF_MEMORY.search(str(exc)):
        return (
            "memory_limit",
            f"{name}: ran out of memory ({exc}); raise --memory-limit or split the file.",
        )
    if type(exc).__name__ in _TOO_LARGE:
        return "too_large", f"{name}: an image is too large to decode safely ({exc})."
    return None


def base_fields(file: str) -> dict:
    """The fields every DocumentResult of this file starts with."""
    return {"file": file, "file_name": Path(file).name, "fugi_version": __version__}


def hash_or_quarantine(p: Path, base: dict, started: float) -> tuple[str, int] | DocumentResult:
    """(sha256, size) of the file, or its quarantined result when it cannot be read."""
    try:
        return file_sha256(p)
    except OSError as exc:
        # No bytes to hash: key the quarantine row on the path instead.
        sha = "unreadable-" + hashlib.sha256(str(p).encode()).hexdigest()[:32]
        return _quarantined(
            base, sha, 0, started, "not_a_pdf", exc, f"{p}: cannot be read ({exc})."
        )


def quarantine_for(
    exc: Exception, base: dict, sha: str, size: int, started: float
) -> DocumentResult:
    """The quarantined result for a failure: an InputError keeps its reason, a resource
    limit becomes memory_limit / too_large, anything else is a bug (internal_error) — so
    the batch goes on."""
    name = base["file_name"]
    if isinstance(exc, InputError):
        return _quarantined(base, sha, size, started, exc.reason, exc, str(exc))
    failure = resource_failure(exc, name)
    if failure is not None:
        return _quarantined(base, sha, size, started, failure[0], exc, failure[1])
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno}"
    msg = f"{name}: internal error (a bug in fugi) {type(exc).__name__}: {exc} at {where}"
    return _quarantined(base, sha, size, started, "internal_error", exc, msg)


def document_id(sha256: str, index: int) -> str:
    """document_id("ab…", 0) -> "ab…"; the 2nd submission of a packet gets "ab…#2"."""
    return sha256 if index == 0 else f"{sha256}#{index + 1}"


def process_document(
    path: str | Path,
    settings: ExtractSettings | None = None,
    *,
    meeting: Meeting | None = None,
) -> DocumentResult:
    """Read one PDF into records; bad input and bugs become a quarantined result."""
    settings = settings or ExtractSettings()
    started = time.perf_counter()
    p = Path(path)
    base = base_fields(str(path))
    hashed = hash_or_quarantine(p, base, started)
    if isinstance(hashed, DocumentResult):
        return hashed
    sha, size = hashed
    try:
        records, page_count, ocr_pages = _records_of(p, sha, settings, meeting)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a quarantine reason
        return quarantine_for(exc, base, sha, size, started)
    return DocumentResult(
        **base,
        sha256=sha,
        size=size,
        page_count=page_count,
        status="loaded",
        records=records,
        ocr_pages=ocr_pages,
        seconds=time.perf_counter() - started,
    )


def preload() -> None:
    """Import the extraction and mapping stack now (a worker does this before its first file)."""
    import extractors.layout  # noqa: F401
    import pipeline.mapping  # noqa: F401
    import pipeline.segment  # noqa: F401
    import pipeline.validate  # noqa: F401


def _records_of(
    path: Path, sha: str, settings: ExtractSettings, meeting: Meeting | None
) -> tuple[list[MappedSubmission], int, list[int]]:
    # Imported here so the store and the CLI load without the extraction stack.
    from extractors.layout import extract_layout

    layout = extract_layout(path, settings)
    records = records_from_layout(layout, sha, path.name, meeting)
    return records, layout.page_count, list(layout.ocr_pages)


def records_from_layout(
    layout: DocumentLayout, sha: str, file_name: str, meeting: Meeting | None
) -> list[MappedSubmission]:
    """A document's layout -> one validated record per submission (the whole-document path
    and the staged per-page path share this); no submission found -> not_a_submission."""
    from pipeline.mapping import map_record
    from pipeline.ocr_correct import correct_layout
    from pipeline.segment import segment_submissions
    from pipeline.validate import validate_record

    layout = correct_layout(layout)  # OCR misreads the dictionary decides (OCR pages only)
    segments = segment_submissions(layout)
    if not segments:
        raise InputError("not_a_submission", f"{file_name}: no submission found in the document.")
    records = []
    for i, seg in enumerate(segments):
        mapped = validate_record(map_record(seg, layout, document_id=document_id(sha, i)))
        if meeting is not None:
            mapped = apply_meeting(mapped, meeting)
        records.append(mapped)
    return records


def apply_meeting(mapped: MappedSubmission, meeting: Meeting) -> MappedSubmission:
    """Metadata given at ingest wins field by field; gaps come from the document's own meeting."""
    record = mapped.record
    printed = record.meeting or Meeting()
    merged = Meeting(
        council=meeting.council or printed.council or record.council,
        fiscal_year=meeting.fiscal_year if meeting.fiscal_year is not None else printed.fiscal_year,
        session=meeting.session if meeting.session is not None else printed.session,
        date=meeting.date or printed.date,
        decision=meeting.decision or printed.decision,
        source="metadata",
    )
    new_record = record.model_copy(update={"meeting": merged})
    return mapped.model_copy(update={"record": new_record})


def _quarantined(
    base: dict, sha: str, size: int, started: float, reason: str, exc: BaseException, message: str
) -> DocumentResult:
    return DocumentResult(
        **base,
        sha256=sha,
        size=size,
        status="quarantined",
        reason=reason,
        error_class=type(exc).__name__,
        message=message,
        seconds=time.perf_counter() - started,
    )
