"""open_document: every bad-input reason, and owner-password-only PDFs open with a warning."""

from __future__ import annotations

import pymupdf
import pytest

from extractors.open_pdf import document_problems, open_document
from models.errors import InputError


def _pdf(tmp_path, pages=3, **save_kw):
    doc = pymupdf.open()
    for i in range(pages):
        doc.new_page().insert_text((72, 72), f"page {i + 1}")
    path = tmp_path / "x.pdf"
    doc.save(path, **save_kw)
    return path


def _reason(path, password=None, **kw):
    with pytest.raises(InputError) as exc:
        open_document(path, password, **kw)
    assert str(path) in str(exc.value)
    return exc.value.reason


def test_good_pdf_opens(tmp_path):
    doc = open_document(_pdf(tmp_path))
    assert doc.page_count == 3
    assert document_problems(doc) == []


def test_empty_file(tmp_path):
    p = tmp_path / "e.pdf"
    p.write_bytes(b"")
    assert _reason(p) == "empty_file"


def test_not_a_pdf(tmp_path):
    p = tmp_path / "n.pdf"
    p.write_bytes("これはPDFではありません\n".encode() * 20)
    assert _reason(p) == "not_a_pdf"


def test_header_but_garbage_is_not_a_pdf(tmp_path):
    p = tmp_path / "g.pdf"
    p.write_bytes(b"%PDF-1.7\n" + b"x" * 400)
    assert _reason(p) == "not_a_pdf"


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated(tmp_path, keep):
    src = _pdf(tmp_path).read_bytes()
    p = tmp_path / "t.pdf"
    p.write_bytes(src[: int(len(src) * keep)])
    assert _reason(p) == "truncated"


def test_corrupt_pdf(tmp_path):
    p = tmp_path / "c.pdf"
    p.write_bytes(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n" + b"\0" * 64 + b"\n%%EOF\n"
    )
    assert _reason(p) == "corrupt_pdf"


def test_password_required(tmp_path):
    p = _pdf(tmp_path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="user", owner_pw="owner")
    assert _reason(p) == "password_required"
    assert _reason(p, "wrong") == "password_required"
    doc = open_document(p, "user")
    assert doc.page_count == 3
    assert "page 1" in doc[0].get_text()
    assert all(pr.code != "owner_password_only" for pr in document_problems(doc))


def test_owner_password_only_opens_with_warning(tmp_path):
    p = _pdf(tmp_path, encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner", permissions=0)
    doc = open_document(p)
    assert "page 2" in doc[1].get_text()
    assert [pr.code for pr in document_problems(doc)] == ["owner_password_only"]


def test_too_many_pages(tmp_path):
    p = _pdf(tmp_path, pages=5)
    assert _reason(p, max_pages=4) == "too_many_pages"
    assert open_document(p, max_pages=5).page_count == 5


def test_missing_file(tmp_path):
    assert _reason(tmp_path / "nope.pdf") == "not_a_pdf"


def _raw_pdf(path, objects):
    """A hand-written PDF with a correct xref table (objects numbered from 1)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    path.write_bytes(bytes(out))
    return path


def test_broken_page_tree_is_rebuilt_with_a_warning(tmp_path):
    p = _raw_pdf(
        tmp_path / "count.pdf",
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 9999999999 >>",  # overflowing count
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 38 >>\nstream\nBT /F1 12 Tf 72 700 Td (page 1) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
    )
    with pytest.raises(RuntimeError):  # MuPDF alone cannot count the pages
        pymupdf.open(p).page_count  # noqa: B018
    doc = open_document(p)
    assert doc.page_count == 1 and "page 1" in doc[0].get_text()
    assert [pr.code for pr in document_problems(doc)] == ["repaired"]


def test_password_is_saslprepped_when_needed(tmp_path):
    p = _pdf(tmp_path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="SaSLprep", owner_pw="o")
    # typed with a feminine ordinal and a soft hyphen, as in the PDF 2.0 test suites
    assert open_document(p, "S\u00aaSL\u00adprep").page_count == 3
