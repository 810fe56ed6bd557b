"""Open a PDF safely, or say precisely why it cannot be read (InputError.reason).

PyMuPDF never runs a document's JavaScript (fugi does not enable MuPDF's JS engine),
fugi never follows links and never writes embedded files: the document is only read.

    doc = open_document("a.pdf")            # pymupdf.Document
    document_problems(doc)                  # [Problem(code="owner_password_only", ...)]
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from models.errors import InputError
from models.layout import Problem

# The %%EOF marker must appear near the end of an intact file (some writers append
# a little junk after it; the PDF spec asks readers to look in the last 1024 bytes).
_EOF_WINDOW = 2048
_HEADER_WINDOW = 1024
DEFAULT_MAX_PAGES = 2000


def open_document(
    path: str | Path,
    password: str | None = None,
    *,
    max_pages: int = DEFAULT_MAX_PAGES,
    data: bytes | None = None,
) -> pymupdf.Document:
    """Open `path` (or the given bytes) read-only; raise InputError(reason) for bad input."""
    name = str(path)
    if data is None:
        data = _read(path)
    _check_bytes(data, name)
    doc = _parse(data, name)
    _unlock(doc, password, name)
    if doc.is_repaired and not _has_eof(data):
        raise InputError(
            "truncated",
            f"{name}: the file is cut off (no %%EOF, cross-reference table damaged); re-download it.",
            file=name,
        )
    if _page_count(doc) == 0:
        doc = _rebuild(data, password, name)
    _check_pages(doc, name, max_pages)
    return doc


def _read(path: str | Path) -> bytes:
    p = Path(path)
    if not p.is_file():
        raise InputError("not_a_pdf", f"{p}: no such file; check the path.", file=str(p))
    return p.read_bytes()


def _check_bytes(data: bytes, name: str) -> None:
    if not data:
        raise InputError(
            "empty_file",
            f"{name}: the file is empty (0 bytes); re-export or re-download it.",
            file=name,
        )
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise InputError(
            "not_a_pdf",
            f"{name}: no %PDF header; this is not a PDF (check the file type).",
            file=name,
        )


def _parse(data: bytes, name: str) -> pymupdf.Document:
    try:
        return pymupdf.open(stream=data, filetype="pdf")
    except pymupdf.EmptyFileError as exc:
        raise InputError("empty_file", f"{name}: the file is empty.", file=name) from exc
    except Exception as exc:  # MuPDF raises FileDataError / RuntimeError on garbage
        reason, hint = _parse_failure(data)
        raise InputError(
            reason, f"{name}: cannot be parsed as a PDF ({exc}); {hint}", file=name
        ) from exc


def _parse_failure(data: bytes) -> tuple[str, str]:
    """Why MuPDF could not parse bytes that start like a PDF."""
    if b" obj" not in data:
        return "not_a_pdf", "it has a PDF header but no PDF objects; check the file type."
    if not _has_eof(data):
        return "truncated", "the file looks cut off (no %%EOF); re-download it."
    return "corrupt_pdf", "the file is damaged beyond repair; ask for a fresh copy."


def _has_eof(data: bytes) -> bool:
    return b"%%EOF" in data[-_EOF_WINDOW:]


def _unlock(doc: pymupdf.Document, password: str | None, name: str) -> None:
    if not doc.needs_pass:
        return
    if password is None or not any(doc.authenticate(pw) for pw in _password_forms(password)):
        what = "a wrong password was given" if password else "no password was given"
        raise InputError(
            "password_required",
            f"{name}: the PDF needs a password to open ({what}); pass it with --password.",
            file=name,
        )


def _page_count(doc: pymupdf.Document) -> int:
    try:
        return doc.page_count
    except RuntimeError:  # MuPDF: "Invalid number of pages" on a broken page tree
        return 0


def _rebuild(data: bytes, password: str | None, name: str) -> pymupdf.Document:
    """MuPDF found no pages: let qpdf (pikepdf) rebuild the page tree in memory and
    read the rebuilt copy; the input file is never written."""
    import io

    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data), password=password or "") as pdf:
            buf = io.BytesIO()
            pdf.save(buf)
        doc = pymupdf.open(stream=buf.getvalue(), filetype="pdf")
    except Exception as exc:  # qpdf could not make sense of it either
        msg = f"{name}: the PDF has no readable pages, even after rebuilding it ({type(exc).__name__})."
        raise InputError("corrupt_pdf", msg, file=name) from exc
    if _page_count(doc) == 0:
        raise InputError("corrupt_pdf", f"{name}: the PDF has no readable pages.", file=name)
    doc._fugi_rebuilt = True  # type: ignore[attr-defined]  # reported by document_problems
    return doc


def _password_forms(password: str) -> list[str]:
    """The password as given, then SASLprep-like (NFKC, soft hyphens and other
    "mapped to nothing" characters dropped), which AES-256 (R6) PDFs expect."""
    import unicodedata

    prepped = unicodedata.normalize("NFKC", password)
    prepped = "".join(
        c
        for c in prepped
        if c not in "\u00ad\u034f\u180b\u180c\u180d\u200b\u200c\u200d\u2060\ufe00\ufeff"
    )
    return [password] if prepped == password else [password, prepped]


def _check_pages(doc: pymupdf.Document, name: str, max_pages: int) -> None:
    if doc.page_count > max_pages:
        raise InputError(
            "too_many_pages",
            f"{name}: {doc.page_count} pages is above the limit of {max_pages}; "
            "split the file or raise max_pages.",
            file=name,
        )
    try:
        for i in range(doc.page_count):  # a page whose object is lost raises here, not at open
            doc[i].rect  # noqa: B018
    except Exception as exc:
        raise InputError(
            "corrupt_pdf", f"{name}: a page cannot be read ({exc}).", file=name
        ) from exc


def document_problems(doc: pymupdf.Document) -> list[Problem]:
    """Warnings about how the document opened: owner password only, repaired xref."""
    problems: list[Problem] = []
    encryption = (doc.metadata or {}).get("encryption")
    if encryption and not doc.needs_pass and not _was_authenticated(doc):
        problems.append(
            Problem(
                code="owner_password_only",
                message=f"encrypted ({encryption}) with an owner password only; read without it",
            )
        )
    if doc.is_repaired or getattr(doc, "_fugi_rebuilt", False):
        problems.append(
            Problem(
                code="repaired",
                message="the cross-reference table or page tree was damaged and rebuilt",
            )
        )
    return problems


def _was_authenticated(doc: pymupdf.Document) -> bool:
    # is_encrypted stays True after a user password was supplied via authenticate().
    return bool(doc.is_encrypted)
