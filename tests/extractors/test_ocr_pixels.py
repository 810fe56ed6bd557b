"""The pixel side of the OCR path, without Tesseract: marks, rules, skew, word joining."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pymupdf
import pytest

from extractors.grid import segments_to_tables
from extractors.grid_image import binarize, estimate_skew, find_rules, rotate_gray
from extractors.marks_image import classify_mark, find_mark
from extractors.ocr_text import fix_lookalikes, join_words

FONT = Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="IPA Gothic font not installed")


def _render(lines: list[str], size: float = 10.5, width: float = 80, height: float = 50):
    """A cell-sized gray crop at 300 dpi with the lines printed top-left."""
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    page.insert_font(fontname="ipag", fontfile=str(FONT))
    for i, text in enumerate(lines):
        page.insert_text((4, 4 + size * 1.25 * (i + 1)), text, fontname="ipag", fontsize=size)
    pix = page.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY)
    return np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width).copy()


@needs_font
@pytest.mark.parametrize(
    ("lines", "mark"),
    [
        (["○"], "○"),
        (["〇"], "○"),
        (["－"], "－"),
        (["－", "(電子データのみ", "の取扱いのため)"], "－"),
        (["○", "(一部のみ)"], "○"),
        ([], None),
        (["委託先"], None),
        (["口"], None),  # a square is not a circle
        (["●"], None),  # a filled disc is not a ring
        (["0"], None),
        (["一部"], None),  # 一 inside a word is not a dash
        (["(電子データのみ", "の取扱いのため)"], None),
    ],
)
def test_classify_mark_from_pixels(lines, mark):
    assert classify_mark(_render(lines)) == mark


@needs_font
def test_mark_survives_noise_and_gives_its_box():
    crop = _render(["－", "(電子データのみ"], size=9)
    rng = np.random.default_rng(1)
    noisy = np.clip(crop + rng.normal(0, 16, crop.shape), 0, 255).astype(np.uint8)
    noisy[rng.random(crop.shape) < 0.0008] = 0
    hit = find_mark(noisy)
    assert hit is not None and hit.mark == "－"
    x0, y0, x1, y1 = hit.box
    assert y1 < crop.shape[0] / 2  # the dash line, not the note under it
    assert x1 - x0 > 3 * (y1 - y0)


def _grid_image() -> np.ndarray:
    """A 3x3 ruled grid (middle row merged in the first column) + underline + big kanji."""
    img = np.full((1200, 1600), 255, np.uint8)
    xs, ys = [100, 500, 900, 1500], [300, 500, 700, 900]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), 0, 3)
    cv2.line(img, (xs[0], ys[1]), (xs[1], ys[1]), 255, 3)  # merge rows 0-1 in column 0
    for x in xs:
        cv2.line(img, (x, ys[0]), (x, ys[-1]), 0, 3)
    cv2.line(img, (920, 560), (1300, 560), 0, 2)  # an underline inside a cell
    cv2.line(img, (100, 150), (1500, 150), 0, 3)  # a lone separator above the table
    # A character-sized cross of strokes (like big type) away from the table.
    cv2.line(img, (300, 1000), (360, 1000), 0, 6)
    cv2.line(img, (330, 970), (330, 1060), 0, 6)
    return img


def test_rules_give_the_grid_and_ignore_underlines_and_strokes():
    img = _grid_image()
    rules = find_rules(binarize(img), dpi=300)
    tables = segments_to_tables(rules.segments, page=1)
    assert len(tables) == 1
    t = tables[0]
    assert (t.n_rows, t.n_cols) == (3, 3)
    assert t.cell_at(0, 0) is t.cell_at(1, 0)
    assert t.cell_at(0, 0).rowspan == 2
    # Points: 100 px at 300 dpi = 24 pt.
    assert t.col_edges[0] == pytest.approx(24, abs=1)
    assert t.row_edges[0] == pytest.approx(72, abs=1)
    # The underline is not erased as a rule (it is text decoration), the grid is.
    assert rules.mask[560, 1000] == 0
    assert rules.mask[500, 700] > 0


@pytest.mark.parametrize("angle", [-2.0, -0.4, 0.8, 3.0])
def test_skew_is_measured_from_rules(angle):
    tilted = rotate_gray(_grid_image(), angle)
    assert estimate_skew(binarize(tilted)) == pytest.approx(angle, abs=0.1)


@needs_font
def test_skew_of_plain_text_from_its_lines():
    text = ["個人情報の保護に関する法律に基づき、"] * 12
    page = _render(text, size=12, width=420, height=300)
    tilted = rotate_gray(page, 1.5)
    assert estimate_skew(binarize(tilted)) == pytest.approx(1.5, abs=0.15)


@pytest.mark.parametrize(
    ("words", "joined"),
    [
        (["区", "政情報課"], "区政情報課"),
        (["個人", "情報", "保護"], "個人情報保護"),
        (["Microsoft", "Dynamics365", "上で"], "Microsoft Dynamics365上で"),
        (["ISO", "27001", "の認証"], "ISO 27001の認証"),
        (["約4", "0,", "000件"], "約40,000件"),
        (["区民意見・F", "AQシステム"], "区民意見・FAQシステム"),
        (["(電子データのみ"], "(電子データのみ"),
        (["a", "pen"], "a pen"),  # no Japanese: Latin spacing kept
        ([], ""),
    ],
)
def test_join_words_drops_only_layout_spaces(words, joined):
    assert join_words(words) == joined


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("人ロ", "人口"),
        ("フォ口ー", "フォロー"),
        ("第ー条", "第一条"),
        ("ー3ー", "-3-"),
        ("区ヘ報告", "区へ報告"),
        ("能カ", "能力"),
        ("データ一件", "データ一件"),  # 一 before a kanji counts
        ("ソフト一式", "ソフト一式"),
        ("コンピューター", "コンピューター"),
        ("フォルダヘアクセス", "フォルダヘアクセス"),  # undecidable: left alone
        ("(1S027001取得)", "(ISO27001取得)"),
        ("(B0X)", "(BOX)"),
        ("1F会議室", "1F会議室"),
    ],
)
def test_fix_lookalikes_by_neighbours(text, fixed):
    assert fix_lookalikes(text) == fixed
