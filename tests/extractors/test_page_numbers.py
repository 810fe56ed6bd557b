"""Printed page numbers: a jump or a short last page is a page_number_gap warning; a
restart (packet) or stray numbers are not. The image guard refuses decompression bombs."""

from __future__ import annotations

import pymupdf
import pytest

from extractors.image_guard import check_page_images
from extractors.layout import extract_layout
from extractors.page_numbers import page_number_problems
from models.errors import InputError
from models.settings import ExtractSettings


def _numbered(tmp_path, footers, header="本文"):
    doc = pymupdf.open()
    for f in footers:
        page = doc.new_page()
        page.insert_text((72, 300), f"{header} text", fontsize=11)
        if f is not None:
            page.insert_text((290, 815), f, fontsize=9)
    path = tmp_path / "n.pdf"
    doc.save(path)
    return extract_layout(path, ExtractSettings(ocr="never"))


@pytest.mark.parametrize(
    "footers, gaps",
    [
        (["- 1 -", "- 2 -", "- 4 -", "- 5 -"], [3]),  # page 3 missing
        (["1", "2", "3", "4"], []),
        ([None, "2", "3", "4"], []),  # an unnumbered cover
        (["1", "2", "3", "1", "2"], []),  # a packet: numbering restarts
        (["1", "2", "2024", "4"], []),  # a year in the footer is not a page number
        (["1/3", "2/3"], [2]),  # the printed total says one more page
        (["1", None, "4", "5"], [3]),  # an unread number between, still two pages short
    ],
)
def test_page_number_gaps(tmp_path, footers, gaps):
    layout = _numbered(tmp_path, footers)
    found = page_number_problems(layout.pages)
    assert [p.page for p in found] == gaps
    assert all(p.code == "page_number_gap" for p in found)
    assert [p.page for p in layout.problems if p.code == "page_number_gap"] == gaps


def test_image_guard_refuses_a_declared_giant_image(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 400, 300), False)
    pix.clear_with(255)
    page.insert_image(page.rect, pixmap=pix)
    check_page_images(page, max_pixels=400 * 300)  # at the limit: fine
    with pytest.raises(InputError) as exc:
        check_page_images(page, max_pixels=400 * 300 - 1, file="x.pdf")
    assert exc.value.reason == "too_large" and "400x300" in str(exc.value)
