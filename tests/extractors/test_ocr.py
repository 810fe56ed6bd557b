"""Scanned pages through real Tesseract: grid, text (CER) and checklist marks.

Each test builds a ruled Japanese form with PyMuPDF + IPA Gothic, rasterises it at
300 dpi, tilts it, adds paper noise, wraps it as an image-only PDF and reads it back.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import cv2
import numpy as np
import pymupdf
import pytest
from rapidfuzz.distance import Levenshtein

from extractors.ocr import ocr_page
from models.layout import Page, Table
from models.settings import ExtractSettings

FONT = Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not FONT.exists(), reason="IPA Gothic font not installed"),
]

# (row, col, rowspan, colspan, printed lines); "○"/"－" alone on the first line is the mark,
# a line starting "*" is printed as a change: bold and underlined.
LABELS = {
    "cols": [60, 150, 230, 540],
    "rows": [120, 150, 180, 210, 240, 290],
    "cells": [
        (0, 0, 1, 2, ["事業名"]),
        (0, 2, 1, 1, ["区民意見・ＦＡＱシステムの再構築等"]),
        (1, 0, 1, 2, ["担当課"]),
        (1, 2, 1, 1, ["総合政策部区政情報課"]),
        (2, 0, 2, 1, ["委託先"]),
        (2, 1, 1, 1, ["名称"]),
        (2, 2, 1, 1, ["株式会社両備システムズ"]),
        (3, 1, 1, 1, ["所在地"]),
        (3, 2, 1, 1, ["岡山県岡山市南区豊成二丁目"]),
        (4, 0, 1, 2, ["対象者"]),
        (4, 2, 1, 1, ["意見等を投稿する者及び", "*区の職員（約４０，０００件）"]),
    ],
}
MARKS = {
    "cols": [60, 150, 540],
    "rows": [320, 350, 410, 440, 470],
    "cells": [
        (0, 0, 1, 1, ["○"]),
        (0, 1, 1, 1, ["契約にあたり、特記事項を付す。"]),
        (1, 0, 1, 1, ["－", "(電子データのみ", "の取扱いのため)"]),
        (1, 1, 1, 1, ["個人情報は、施錠できる金庫に保管させる。"]),
        (2, 0, 1, 1, []),
        (2, 1, 1, 1, ["入退室管理により危殆化を防止させる。"]),
        (3, 0, 1, 1, ["○"]),
        (3, 1, 1, 1, ["通信内容は暗号化させる。"]),
    ],
}
MARK_CHARS = {"○", "－"}


def _draw_table(page: pymupdf.Page, spec: dict) -> None:
    xs, ys = spec["cols"], spec["rows"]
    for r, c, rs, cs, lines in spec["cells"]:
        rect = pymupdf.Rect(xs[c], ys[r], xs[c + cs], ys[r + rs])
        page.draw_rect(rect, width=0.8)
        size = 9 if len(lines) > 2 else 10.5
        for i, text in enumerate(lines):
            y = rect.y0 + 4 + size * 1.25 * (i + 1)
            if text.startswith("*"):  # fake bold (fill + stroke) with an underline
                text = text[1:]
                page.insert_text(
                    (rect.x0 + 6, y),
                    text,
                    fontname="ipag",
                    fontsize=size,
                    render_mode=2,
                    border_width=0.06,
                )
                width = pymupdf.Font(fontfile=str(FONT)).text_length(text, fontsize=size)
                page.draw_line((rect.x0 + 6, y + 2.5), (rect.x0 + 6 + width, y + 2.5), width=0.6)
            else:
                page.insert_text((rect.x0 + 6, y), text, fontname="ipag", fontsize=size)


def form_pdf() -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="ipag", fontfile=str(FONT))
    page.insert_text((470, 60), "資料２３", fontname="ipag", fontsize=12)
    page.insert_text((150, 95), "個人情報保護管理運営会議　付議事項", fontname="ipag", fontsize=14)
    _draw_table(page, LABELS)
    _draw_table(page, MARKS)
    page.insert_text(
        (60, 520), "（担当部課：総合政策部区政情報課）", fontname="ipag", fontsize=10.5
    )
    return doc


def scanned(doc: pymupdf.Document, *, tilt: float = 0.8, turn: int = 0, rotate_attr: int = 0):
    """The page as a noisy tilted 300 dpi scan in an image-only PDF.

    turn: content turned clockwise by this many degrees inside the image;
    rotate_attr: the /Rotate value that would set it upright again (0: none).
    """
    pix = doc[0].get_pixmap(dpi=300, colorspace=pymupdf.csGRAY)
    img = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width).copy()
    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), tilt, 1.0)
    img = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    rng = np.random.default_rng(7)
    img = np.clip(img + rng.normal(0, 16, img.shape), 0, 255).astype(np.uint8)
    img[rng.random(img.shape) < 0.0005] = 0  # dust
    if turn:
        img = np.ascontiguousarray(np.rot90(img, k=-(turn // 90)))
    ok, jpg = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    out = pymupdf.open()
    ih, iw = img.shape
    page = out.new_page(width=iw * 72 / 300, height=ih * 72 / 300)
    page.insert_image(page.rect, stream=jpg.tobytes())
    if rotate_attr:
        page.set_rotation(rotate_attr)
    return pymupdf.open("pdf", out.tobytes())


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _expected_text(lines: list[str]) -> str:
    if lines and lines[0] in MARK_CHARS:
        lines = lines[1:]
    return _norm("".join(ln.removeprefix("*") for ln in lines))


def _cer(table: Table, spec: dict) -> tuple[int, int]:
    errors = total = 0
    for r, c, _rs, _cs, lines in spec["cells"]:
        want = _expected_text(lines)
        cell = table.cell_at(r, c)
        got = _norm(cell.text) if cell is not None else ""
        errors += Levenshtein.distance(got, want)
        total += len(want)
    return errors, total


def _assert_grid(table: Table, spec: dict) -> None:
    assert table.n_rows == len(spec["rows"]) - 1
    assert table.n_cols == len(spec["cols"]) - 1
    got = sorted((c.row, c.col, c.rowspan, c.colspan) for c in table.cells)
    assert got == sorted((r, c, rs, cs) for r, c, rs, cs, _ in spec["cells"])


def _assert_form_read(page: Page, max_cer: float = 0.02) -> None:
    assert page.source == "ocr"
    assert page.ocr_engine and page.ocr_engine.startswith("tesseract ")
    # Tesseract with jpn, then the line recogniser that re-reads each line (line_reader.py).
    assert page.ocr_engine.endswith(" jpn + PP-OCRv6 small rec")
    assert page.width < page.height  # upright portrait
    assert len(page.tables) == 2
    _assert_grid(page.tables[0], LABELS)
    _assert_grid(page.tables[1], MARKS)
    errors = total = 0
    for table, spec in zip(page.tables, (LABELS, MARKS), strict=True):
        e, t = _cer(table, spec)
        errors, total = errors + e, total + t
    assert errors / total <= max_cer, f"CER {errors}/{total}"
    # Bounding boxes are page points inside their cells, confidences 0..1.
    for table in page.tables:
        for cell in table.cells:
            for line in cell.lines:
                for span in line.spans:
                    assert 0.0 <= (span.confidence or 0) <= 1.0
                    cx = (span.bbox.x0 + span.bbox.x1) / 2
                    cy = (span.bbox.y0 + span.bbox.y1) / 2
                    assert cell.bbox.x0 <= cx <= cell.bbox.x1
                    assert cell.bbox.y0 <= cy <= cell.bbox.y1


def test_tilted_noisy_scan_gives_grid_text_and_marks():
    doc = scanned(form_pdf(), tilt=0.8)
    page = ocr_page(doc, 0, ExtractSettings())
    _assert_form_read(page)

    labels = page.tables[0]
    assert labels.cell_at(3, 0) is labels.cell_at(2, 0)  # 委託先 spans two rows
    assert labels.cell_at(4, 2).text.count("\n") == 1  # a two-line cell keeps its lines
    # The changed line is bold and underlined, the line above it is neither.
    plain, changed = labels.cell_at(4, 2).lines
    assert all(s.bold and s.underline for s in changed.spans)
    assert not any(s.bold or s.underline for s in plain.spans)
    spans = [s for t in page.tables for c in t.cells for ln in c.lines for s in ln.spans]
    assert sum(s.bold or s.underline for s in spans) == len(changed.spans)
    # Spans are placed where the form printed them (a 0.8° tilt moves them < 4 pt).
    name = labels.cell_at(2, 2).lines[0].bbox
    assert abs(name.x0 - 236) < 4 and abs(name.y0 - 188) < 4

    marks = page.tables[1]
    assert [marks.cell_at(r, 0).drawn_mark for r in range(4)] == ["○", "－", None, "○"]
    # The dash's note is read as text under it, without the dash.
    assert _norm(marks.cell_at(1, 0).text) == _norm("(電子データのみの取扱いのため)")
    assert marks.cell_at(2, 0).text == ""

    texts = [_norm(b.text) for b in page.blocks]
    assert _norm("個人情報保護管理運営会議　付議事項") in texts
    assert _norm("（担当部課：総合政策部区政情報課）") in texts
    kinds = [it.kind for it in page.order]
    assert kinds.count("table") == 2 and kinds.index("table") > 0  # heading before tables


@pytest.mark.parametrize(
    ("turn", "rotate_attr"),
    [(90, 270), (270, 0)],
    ids=["rotate-attribute", "sideways-scan"],
)
def test_turned_scan_is_read_upright(turn, rotate_attr):
    doc = scanned(form_pdf(), tilt=-0.5, turn=turn, rotate_attr=rotate_attr)
    page = ocr_page(doc, 0, ExtractSettings())
    _assert_form_read(page)
    turned = [p for p in page.problems if p.code == "ocr_turned"]
    assert bool(turned) == (rotate_attr == 0)


def test_blank_scan_reports_no_text():
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    blank = np.full((3508, 2480), 250, np.uint8)
    ok, png = cv2.imencode(".png", blank)
    assert ok
    page.insert_image(page.rect, stream=png.tobytes())
    out = ocr_page(doc, 0, ExtractSettings())
    assert out.tables == [] and out.blocks == []
    assert [p.code for p in out.problems] == ["ocr_no_text"]
