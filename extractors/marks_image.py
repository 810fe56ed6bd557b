"""Checklist marks on scans, read from the pixels of a cell, never from OCR text.

classify_mark(cell_gray)   # -> "○" (a ring), "－" (a short thick bar) or None
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from extractors.grid_image import drop_specks

Mark = str  # "○" or "－"


@dataclass
class MarkHit:
    """A mark found in a cell image: which mark and its box (x0, y0, x1, y1) in pixels."""

    mark: Mark
    box: tuple[int, int, int, int]


def classify_mark(cell_image: np.ndarray, dpi: float = 300.0) -> Mark | None:
    """The checklist mark in a cell crop: "○" (a ring), "－" (a short thick bar) or None.

    Decided from the pixels, not from OCR: the mark is a line of its own holding a
    single shape (a note may follow below it, as in "－ (電子データのみの取扱いのため)").
    """
    hit = find_mark(cell_image, dpi)
    return hit.mark if hit else None


def find_mark(cell_image: np.ndarray, dpi: float = 300.0) -> MarkHit | None:
    """Like classify_mark, with where the mark sits in the crop."""
    ink = (cell_image < _ink_threshold(cell_image)).astype(np.uint8) * 255
    ink = drop_specks(ink, max(4, int((dpi / 150) ** 2 * 4)))
    for y0, y1 in _ink_rows(ink):
        n, labels, stats, _ = cv2.connectedComponentsWithStats(ink[y0:y1], connectivity=8)
        if n != 2:
            continue  # a mark stands alone on its row; a row of text has many shapes
        x, y, w, h, area = (int(v) for v in stats[1])
        shape = (labels[y : y + h, x : x + w] == 1).astype(np.uint8) * 255
        mark = _shape_mark(shape, area, dpi)
        if mark:
            return MarkHit(mark, (x, y0 + y, x + w, y0 + y + h))
    return None


def _ink_threshold(gray: np.ndarray) -> float:
    """Halfway between paper and the darkest ink, so a thin, light ring stays closed."""
    paper = float(np.median(gray))
    darkest = float(np.percentile(gray, 0.5))
    return min(190.0, max(140.0, (paper + darkest) / 2))


def _ink_rows(ink: np.ndarray) -> list[tuple[int, int]]:
    """Bands of pixel rows holding ink, split at blank rows (the lines of a cell)."""
    has_ink = np.concatenate([[False], ink.any(axis=1), [False]])
    edges = np.flatnonzero(np.diff(has_ink.astype(np.int8)))
    return list(zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True))


def _shape_mark(shape: np.ndarray, area: int, dpi: float) -> Mark | None:
    h, w = shape.shape
    pt = dpi / 72.0
    if _is_ring(shape, pt):
        return "○"
    # A bar: much wider than tall, thick enough not to be a hairline, solidly filled.
    if 3 * pt <= w <= 30 * pt and h <= 2.5 * pt and w >= 2.5 * h and area >= 0.6 * w * h:
        return "－"
    return None


def _is_ring(shape: np.ndarray, pt: float) -> bool:
    h, w = shape.shape
    if not (3 * pt <= max(w, h) <= 30 * pt) or not (0.75 <= w / h <= 1.33):
        return False
    if _ring_measure(shape):
        return True
    # A thin ring scanned light may be broken by a pixel: close it and look again.
    closed = cv2.morphologyEx(
        cv2.copyMakeBorder(shape, 2, 2, 2, 2, cv2.BORDER_CONSTANT, value=0),
        cv2.MORPH_CLOSE,
        cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3)),
    )
    return _ring_measure(closed)


def _ring_measure(shape: np.ndarray) -> bool:
    contours, hierarchy = cv2.findContours(shape, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_NONE)
    if hierarchy is None:
        return False
    outer = max(
        (c for c, hr in zip(contours, hierarchy[0], strict=True) if hr[3] < 0), key=cv2.contourArea
    )
    holes = [c for c, hr in zip(contours, hierarchy[0], strict=True) if hr[3] >= 0]
    outer_area = cv2.contourArea(outer)
    if not holes or outer_area <= 0:
        return False
    hole_area = max(cv2.contourArea(c) for c in holes)
    (_, _), radius = cv2.minEnclosingCircle(outer)
    roundness = outer_area / (np.pi * radius * radius)  # 1 for a disc, 0.64 for a square
    return roundness >= 0.8 and hole_area >= 0.3 * outer_area
