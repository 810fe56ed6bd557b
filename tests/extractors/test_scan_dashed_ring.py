"""A 〇 that a 1-bit fax broke into dashes (heldout9's G4 scan: 9 pt rings, one pixel thick,
in eleven pieces among specks) is still a ring; a glyph, a ring beside text or two rings are not."""

from __future__ import annotations

import cv2
import numpy as np

from extractors.marks_image import find_mark

DPI = 300.0


def _cell(w: int = 230, h: int = 170) -> np.ndarray:
    img = np.full((h, w), 255, np.uint8)
    rng = np.random.default_rng(7)
    for _ in range(12):  # toner specks, one pixel each
        img[rng.integers(0, h), rng.integers(0, w)] = 0
    return img


def _dashed_ring(img: np.ndarray, cx: int, cy: int, r: int, pieces: int = 11) -> None:
    """A one-pixel ring drawn as `pieces` arcs with gaps between them."""
    step = 360 / pieces
    for i in range(pieces):
        a0 = i * step
        cv2.ellipse(img, (cx, cy), (r, r), 0, a0, a0 + step * 0.6, 0, 1)


def test_a_ring_in_dashes_among_specks_is_a_ring():
    img = _cell()
    _dashed_ring(img, 115, 80, 13)
    hit = find_mark(img, DPI)
    assert hit is not None and hit.mark == "○"


def test_dashes_with_ink_at_the_centre_are_not_a_ring():
    img = _cell()
    _dashed_ring(img, 115, 80, 13)
    cv2.circle(img, (115, 80), 3, 0, -1)
    assert find_mark(img, DPI) is None


def test_a_dashed_ring_beside_text_is_not_a_mark():
    img = _cell()
    _dashed_ring(img, 60, 80, 13)
    for k in range(4):  # glyph-sized blocks on the same line
        cv2.rectangle(img, (100 + 28 * k, 68), (120 + 28 * k, 92), 0, 2)
    assert find_mark(img, DPI) is None


def test_an_arc_is_not_a_ring():
    img = _cell()
    for i in range(5):  # half a circle only
        a0 = i * 36
        cv2.ellipse(img, (115, 80), (13, 13), 0, a0, a0 + 20, 0, 1)
    assert find_mark(img, DPI) is None


def test_ring_radius_bounds():
    # a dotted circle the size of the cell (a drawn frame) is not a mark
    img = _cell(400, 400)
    _dashed_ring(img, 200, 200, int(16 * DPI / 72), pieces=40)
    assert find_mark(img, DPI) is None
