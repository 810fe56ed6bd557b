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
    return _broken_ring(cell_image, dpi)


def _broken_ring(cell_image: np.ndarray, dpi: float) -> MarkHit | None:
    """A thin ring that thresholding broke into dashes (a 1-bit fax of a 9 pt 〇), which the
    speck filter would otherwise paint out. The dashes are grouped by dilating them about a
    point; a group of three pieces or more is a ring when its ink lies on a circle (radii within
    20 % of their mean)
    all round (7 of 8 octants) with an empty centre. It must stand alone on its line, as a
    mark does: no other shape half its height beside it."""
    pt = dpi / 72.0
    raw = cell_image < _ink_threshold(cell_image)
    k = max(3, int(round(1.8 * pt)) | 1)
    grouped = cv2.dilate(
        cv2.copyMakeBorder(raw.astype(np.uint8) * 255, k, k, k, k, cv2.BORDER_CONSTANT, value=0),
        cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)),
    )[k:-k, k:-k]
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grouped, connectivity=8)
    boxes = [tuple(int(v) for v in stats[i][:4]) for i in range(1, n)]
    rings = []
    for i, (x, y, w, h) in enumerate(boxes, start=1):
        if not (3 * pt <= max(w, h) <= 30 * pt) or not (0.75 <= w / h <= 1.33):
            continue
        group = (labels[y : y + h, x : x + w] == i).astype(np.uint8)
        ys, xs = np.nonzero(raw[y : y + h, x : x + w] & (group > 0))
        pieces = cv2.connectedComponents(
            (raw[y : y + h, x : x + w] & (group > 0)).astype(np.uint8), connectivity=8
        )[0] - 1
        if pieces < 3 or not _on_a_circle(xs, ys, pt):
            continue  # a whole shape was judged by find_mark; only a ring in pieces is ours
        beside = [
            b
            for j, b in enumerate(boxes, start=1)
            if j != i and b[3] >= 0.5 * h and b[1] < y + h and b[1] + b[3] > y
        ]
        if not beside:
            rings.append(MarkHit("○", (x, y, x + w, y + h)))
    return rings[0] if len(rings) == 1 else None


def _on_a_circle(xs: np.ndarray, ys: np.ndarray, pt: float) -> bool:
    if len(xs) < 8:
        return False
    cx, cy = float(xs.mean()), float(ys.mean())
    r = np.hypot(xs - cx, ys - cy)
    mean = float(r.mean())
    if not (1.2 * pt <= mean <= 15 * pt) or float(r.std()) > 0.2 * mean:
        return False

    if float(r.min()) < 0.5 * mean:
        return False  # ink near the centre: a glyph, not a ring
    octants = np.floor((np.arctan2(ys - cy, xs - cx) + np.pi) / (np.pi / 4)).astype(int) % 8
    return len(set(octants.tolist())) >= 7


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
