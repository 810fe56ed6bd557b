"""What the pixels of a scanned page say: skew, ruled lines, boxes, stroke widths.

Images are 8-bit grayscale numpy arrays (0 = black ink, 255 = paper) in the upright
page frame; `dpi` converts pixels to PDF points (points = pixels * 72 / dpi).

    segs, rules = find_segments(gray, dpi=300)   # -> extractors.grid.Segment list (points)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np

from extractors.grid import Segment

# No table is smaller than this (points) both ways; the strokes of big type can be.
MIN_GRID_PT = 36.0
# A straight line at least this long (points) that is no table rule is still a line
# (an underline, a box, an arrow), never a stroke of type up to about 18 pt.
LOOSE_LINE_PT = 20.0

# ---------------------------------------------------------------- ink


def binarize(gray: np.ndarray, dpi: float = 300.0) -> np.ndarray:
    """Ink mask (255 = ink) by local thresholding, robust to shading and uneven scans."""
    block = max(15, int(dpi / 10) | 1)
    ink = cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY_INV, block, 15
    )
    # Light-gray pixels are paper however their neighbourhood looks (noise on blank paper).
    ink[gray > 200] = 0
    return ink


def drop_specks(ink: np.ndarray, min_area: int) -> np.ndarray:
    """The ink mask without connected components smaller than min_area pixels."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    keep = np.zeros(n, dtype=np.uint8)
    keep[1:] = (stats[1:, cv2.CC_STAT_AREA] >= min_area).astype(np.uint8) * 255
    return keep[labels]


def mean_stroke(ink: np.ndarray, dist: np.ndarray | None = None) -> float:
    """Mean stroke width (pixels) of an ink mask (1 = ink): twice the mean distance from
    ink to paper. Bold type measures about 1.3 times regular type of the same size."""
    if dist is None:
        dist = cv2.distanceTransform(ink.astype(np.uint8), cv2.DIST_L2, 3)
    on = ink > 0
    return float(2.0 * dist[on].mean()) if on.any() else 0.0


def stroke_width(gray: np.ndarray) -> float:
    """The stroke width (pixels) of the regular text on a rule-free page image: a low
    ink-weighted quantile over its connected shapes, so bold or large words and
    leftover blobs do not move it."""
    ink = drop_specks((gray < 150).astype(np.uint8) * 255, 6)
    n, labels = cv2.connectedComponents(ink, connectivity=8)
    if n <= 1:
        return 0.0
    dist = cv2.distanceTransform((ink > 0).astype(np.uint8), cv2.DIST_L2, 3)
    on = labels > 0
    area = np.bincount(labels[on], minlength=n)[1:]
    total = np.bincount(labels[on], weights=dist[on], minlength=n)[1:]
    keep = area > 0
    strokes = 2.0 * total[keep] / area[keep]
    order = np.argsort(strokes)
    cum = np.cumsum(area[keep][order])
    # A low quantile, not the median: on a page of changes half the text may be bold.
    return float(strokes[order][np.searchsorted(cum, cum[-1] * 0.3)])


# ---------------------------------------------------------------- skew


def estimate_skew(ink: np.ndarray, max_angle: float = 5.0) -> float:
    """Skew of the page content in degrees, counter-clockwise positive (OpenCV's sense).

    Long ruled lines give the angle directly (Hough); a page without them falls back
    to the angle that makes the rows of text sharpest (projection profile).
    """
    angle = _skew_from_rules(ink, max_angle)
    if angle is None:
        angle = _skew_from_profile(ink, max_angle)
    return angle


def _skew_from_rules(ink: np.ndarray, max_angle: float) -> float | None:
    h, w = ink.shape
    # A short horizontal opening keeps rule-like ink (even when tilted by a few
    # degrees) and drops the text; each long piece left is a rule whose slope we fit.
    k = max(15, w // 80)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1))
    lines_only = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(lines_only, connectivity=8)
    angles, weights = [], []
    for i in range(1, n):
        x, y, cw, ch, _area = stats[i]
        if cw < w // 6 or ch > cw * np.tan(np.radians(max_angle)) + 15:
            continue
        ys, xs = np.nonzero(labels[y : y + ch, x : x + cw] == i)
        slope = np.polyfit(xs.astype(np.float64), ys.astype(np.float64), 1)[0]
        angles.append(-np.degrees(np.arctan(slope)))
        weights.append(cw)
    if len(angles) < 2:
        return None
    order = np.argsort(angles)
    cum = np.cumsum(np.asarray(weights, dtype=np.float64)[order])
    return float(np.asarray(angles)[order][np.searchsorted(cum, cum[-1] / 2)])


def _skew_from_profile(ink: np.ndarray, max_angle: float) -> float:
    scale = 0.25
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    level = _profile_score(small, 0.0)
    if level == 0.0:
        return 0.0  # a blank page has no skew
    best, step = 0.0, 0.5
    lo, hi = -max_angle, max_angle
    while step >= 0.02:
        candidates = np.arange(lo, hi + step / 2, step)
        best = max(candidates, key=lambda a: _profile_score(small, a))
        lo, hi, step = best - step, best + step, step / 5
    # No angle sharper than level by a clear margin: a few specks, not lines of text.
    return float(best) if _profile_score(small, float(best)) > 1.05 * level else 0.0


def _profile_score(small: np.ndarray, angle: float) -> float:
    h, w = small.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    rotated = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    rows = rotated.sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def rotate_gray(gray: np.ndarray, angle: float) -> np.ndarray:
    """The image turned counter-clockwise by angle degrees about its centre, paper-white fill."""
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


# ---------------------------------------------------------------- ruled lines


@dataclass
class Rules:
    """The table rules of a page: pixel masks (255 = rule), rule width, and the rules as
    grid Segments in PDF points. Only rules anchored to the grid are kept."""

    horizontal: np.ndarray
    vertical: np.ndarray
    width_px: int
    segments: list[Segment]
    # Straight lines that are not table rules (underlines, flow-chart boxes and arrows,
    # dashed lanes), erased before OCR too; underlines as (x0, x1, y) pixels.
    loose: np.ndarray | None = None
    underlines: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def mask(self) -> np.ndarray:
        return cv2.bitwise_or(self.horizontal, self.vertical)


def find_rules(ink: np.ndarray, dpi: float) -> Rules:
    """Table rules: ink surviving an opening with a long thin kernel, anchored at both ends.

    The kernel (about 12 pt) is longer than the strokes of body type, so characters drop
    out while the rules of even small checklist cells survive. Strokes of large type,
    underlines and lone separators survive too, but they do not end on rules of the other
    direction at both ends, so they are dropped (they would split cells).
    """
    k = max(10, int(dpi * 12 / 72))
    bridge = max(1, int(dpi / 150))  # rejoin rules cut by a speck of paper
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (bridge * 2 + 1, 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, bridge * 2 + 1))
    hor = cv2.morphologyEx(
        cv2.morphologyEx(ink, cv2.MORPH_CLOSE, hk),
        cv2.MORPH_OPEN,
        cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)),
    )
    ver = cv2.morphologyEx(
        cv2.morphologyEx(ink, cv2.MORPH_CLOSE, vk),
        cv2.MORPH_OPEN,
        cv2.getStructuringElement(cv2.MORPH_RECT, (1, k)),
    )
    min_len = max(10, int(dpi * 6 / 72))
    h_labels, hs = _mask_segments(hor, "h", min_len)
    v_labels, vs = _mask_segments(ver, "v", min_len)
    # Type set tight in its rows touches the rules above and below: a vertical stroke of
    # 目 or 件 then runs from rule to rule. Such a stroke has the character's bars
    # branching off it; a table rule has none between the rules it crosses.
    vs = [(i, s) for i, s in vs if not _branches_off(ink, hor, s, dpi)]
    width = _rule_width(hs + vs)
    tol = max(3.0, width * 2.0, dpi * 3 / 72)
    h_keep = [(i, s) for i, s in hs if _anchored(s, [o for _, o in vs], tol)]
    v_keep = [(i, s) for i, s in vs if _anchored(s, [o for _, o in hs], tol)]
    # Twice: dropping an arrow can leave the box it pointed at without a partner.
    for _ in range(2):
        h_keep, v_keep = (
            [(i, s) for i, s in h_keep if _has_partner(s, h_keep, v_keep, tol)],
            [(i, s) for i, s in v_keep if _has_partner(s, v_keep, h_keep, tol)],
        )
    h_keep, v_keep = _drop_small_grids(h_keep, v_keep, tol, min_size=dpi * MIN_GRID_PT / 72)
    scale = 72.0 / dpi
    segments = [
        Segment(s.orient, s.pos * scale, s.start * scale, s.end * scale) for _, s in h_keep + v_keep
    ]
    kept = {i for i, _ in h_keep} | {-i for i, _ in v_keep}
    long = dpi * LOOSE_LINE_PT / 72
    loose_h = [(i, s) for i, s in hs if i not in kept and s.end - s.start >= long and _lone(ink, s)]
    loose_v = [
        (i, s) for i, s in vs if -i not in kept and s.end - s.start >= long and _lone(ink, s)
    ]
    loose = cv2.bitwise_or(_select(h_labels, loose_h), _select(v_labels, loose_v))
    loose = cv2.bitwise_or(loose, dashed_lines(ink, dpi))
    # An underline floats: a line ending on vertical lines is the edge of a box.
    all_v = [o for _, o in vs]
    underlines = [
        (int(s.start), int(s.end), int(s.pos))
        for _, s in loose_h
        if not _touches_at_an_end(s, all_v, tol)
    ]
    return Rules(
        _select(h_labels, h_keep), _select(v_labels, v_keep), width, segments, loose, underlines
    )


def _lone(ink: np.ndarray, s: _Piece) -> bool:
    """A drawn line, not the strokes of a row of characters that happen to line up:
    few strokes cross it (ink on both sides of it in the same column)."""
    gap = int(np.ceil(s.thick)) + 2
    band = ink.T if s.orient == "v" else ink
    pos, a, b = int(round(s.pos)), int(s.start), int(s.end)
    if pos - gap < 0 or pos + gap >= band.shape[0]:
        return True
    above = band[pos - gap, a:b] > 0
    below = band[pos + gap, a:b] > 0
    return bool((above & below).mean() < 0.15) if b > a else True


def _branches_off(ink: np.ndarray, hor: np.ndarray, s: _Piece, dpi: float) -> bool:
    """True when s is a chain of character stems rather than a vertical rule.

    Type set tight in its rows touches the rules above and below, so the stem of 目 or
    件 runs from rule to rule (and on through the next row's label when the labels line
    up). Cut free of the horizontal rules, a stretch of a table rule between two of them
    is a bare line; a stem is still joined to the rest of its character, a shape about
    a character wide. s is a stem chain when half of its stretches are so joined. Dither
    dots touching a rule are too small to count; a shaded cell's mesh of halftone is
    wider than any character.
    """
    h, w = ink.shape
    pos, a, b = int(round(s.pos)), max(0, int(s.start)), min(h, int(s.end))
    half = int(np.ceil(s.thick / 2))
    reach = int(dpi * 26 / 72)
    x0, x1 = max(0, pos - reach), min(w, pos + reach + 1)
    near = max(2, int(dpi * 1 / 72))
    rules = cv2.dilate(hor[a:b, x0:x1], np.ones((2 * near + 1, 1), np.uint8))
    cut = cv2.bitwise_and(ink[a:b, x0:x1], cv2.bitwise_not(rules))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(cut, connectivity=8)
    rule_rows = (rules[:, max(0, pos - half - x0) : pos + half + 1 - x0] > 0).any(axis=1)
    edges = np.diff(np.r_[0, (~rule_rows).astype(np.int8), 0])
    stretches = [
        (i, j)
        for i, j in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1), strict=True)
        if j - i >= 4
    ]
    if not stretches:
        return False
    lo_w = 2 * half + dpi * 1.5 / 72  # a bar leaving the stem for 1.5 pt
    hi_w = dpi * 24 / 72  # two characters run together at most
    band = labels[:, max(0, pos - half - x0) : pos + half + 1 - x0]
    stems = 0
    for i, j in stretches:
        ids = np.unique(band[i:j])
        ids = ids[ids > 0]
        if ids.size == 0:
            continue
        widest = int(stats[ids, cv2.CC_STAT_WIDTH].max())
        stems += lo_w <= widest <= hi_w
    return 2 * stems >= len(stretches)


def dashed_lines(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Mask of dashed and dotted rules (flow-chart lanes, cut lines): rows of short thin
    dashes, each too short to survive the rule opening, together longer than any text."""
    pt = dpi / 72.0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    out = np.zeros_like(ink)
    for orient in ("h", "v"):
        w, h = stats[1:n, cv2.CC_STAT_WIDTH], stats[1:n, cv2.CC_STAT_HEIGHT]
        length, thick = (w, h) if orient == "h" else (h, w)
        dash = (length >= 0.7 * pt) & (length <= 6 * pt) & (thick <= 1.6 * pt)
        dash &= (length >= 1.5 * thick) | (length <= 1.6 * pt)  # dashes, or dots
        ids = np.flatnonzero(dash) + 1
        if ids.size == 0:
            continue
        cand = _paint(labels, n, ids)
        gap = int(3.5 * pt)
        run = int(MIN_GRID_PT * pt)
        close_k = (gap, 1) if orient == "h" else (1, gap)
        open_k = (run, 1) if orient == "h" else (1, run)
        joined = cv2.morphologyEx(
            cand, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, close_k)
        )
        lines = cv2.morphologyEx(
            joined, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, open_k)
        )
        out |= lines  # the gaps too: erased they are paper, kept they close boxes
    return out


def find_boxes(rules: Rules, dpi: float) -> list[tuple[int, int, int, int]]:
    """Closed rectangles drawn with lines (flow-chart boxes, framed notes, and the cells of
    tables): their insides as (x0, y0, x1, y1) pixels, smallest first."""
    mask = rules.mask if rules.loose is None else cv2.bitwise_or(rules.mask, rules.loose)
    # Close the corners a dashed box leaves open.
    k = max(3, int(dpi * 2.5 / 72))
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return []
    min_side = dpi * 12 / 72
    out = []
    for c, hr in zip(contours, hierarchy[0], strict=True):
        if hr[3] < 0:
            continue  # an outer edge; the inside of a box is a hole
        x, y, w, h = cv2.boundingRect(c)
        if w >= min_side and h >= min_side and cv2.contourArea(c) >= 0.85 * w * h:
            out.append((x, y, x + w, y + h))
    return sorted(out, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))


def _has_partner(
    s: Segment, same: list[tuple[int, _Piece]], cross: list[tuple[int, _Piece]], tol: float
) -> bool:
    """True when a parallel rule faces s across a cell: it runs along most of s and one
    rule of the other direction reaches both. The arrow joining two boxes of a flow
    chart has none, so the boxes do not become one table."""
    for _, o in same:
        if o is s:
            continue
        overlap = min(o.end, s.end) - max(o.start, s.start)
        if overlap < 0.5 * (s.end - s.start):
            continue
        lo, hi = min(o.pos, s.pos), max(o.pos, s.pos)
        for _, c in cross:
            if (
                c.start - tol <= lo
                and c.end + tol >= hi
                and max(o.start, s.start) - tol <= c.pos <= min(o.end, s.end) + tol
            ):
                return True
    return False


def _drop_small_grids(
    hs: list[tuple[int, _Piece]], vs: list[tuple[int, _Piece]], tol: float, min_size: float
) -> tuple[list[tuple[int, _Piece]], list[tuple[int, _Piece]]]:
    """Drop groups of crossing rules smaller than min_size both ways: the strokes of a
    large character (議, 書) cross like a tiny grid, a table never is that small."""
    pieces = hs + vs
    parent = list(range(len(pieces)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a in range(len(hs)):
        h = hs[a][1]
        for b in range(len(hs), len(pieces)):
            v = pieces[b][1]
            if h.start - tol <= v.pos <= h.end + tol and v.start - tol <= h.pos <= v.end + tol:
                parent[find(a)] = find(b)
    extent: dict[int, list[float]] = {}
    for i, (_, p) in enumerate(pieces):
        x0, x1 = (p.start, p.end) if p.orient == "h" else (p.pos, p.pos)
        y0, y1 = (p.pos, p.pos) if p.orient == "h" else (p.start, p.end)
        e = extent.setdefault(find(i), [x0, y0, x1, y1])
        e[:] = [min(e[0], x0), min(e[1], y0), max(e[2], x1), max(e[3], y1)]
    big = {r for r, e in extent.items() if max(e[2] - e[0], e[3] - e[1]) >= min_size}
    keep = [find(i) in big for i in range(len(pieces))]
    return (
        [p for p, k in zip(hs, keep[: len(hs)], strict=True) if k],
        [p for p, k in zip(vs, keep[len(hs) :], strict=True) if k],
    )


def find_segments(ink: np.ndarray, dpi: float) -> list[Segment]:
    """The page's table rules as grid Segments in PDF points (origin top-left)."""
    return find_rules(ink, dpi).segments


@dataclass
class _Piece(Segment):
    thick: float = 1.0


def _mask_segments(
    mask: np.ndarray, orient: str, min_len: int
) -> tuple[np.ndarray, list[tuple[int, _Piece]]]:
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out: list[tuple[int, _Piece]] = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        length, thick = (w, h) if orient == "h" else (h, w)
        if length < min_len or thick > max(15, length / 4):
            continue  # too short, or a filled block rather than a rule
        if orient == "h":
            piece = _Piece("h", y + h / 2, float(x), float(x + w), area / length)
        else:
            piece = _Piece("v", x + w / 2, float(y), float(y + h), area / length)
        out.append((i, piece))
    return labels, out


def _select(labels: np.ndarray, kept: list[tuple[int, _Piece]]) -> np.ndarray:
    return _paint(labels, int(labels.max()) + 1, np.array([i for i, _ in kept], dtype=np.int64))


def _paint(labels: np.ndarray, n: int, ids: np.ndarray) -> np.ndarray:
    """Mask (255) of the pixels whose label is in ids; a lookup table, not np.isin."""
    lut = np.zeros(n, dtype=np.uint8)
    lut[ids] = 255
    return lut[labels]


def _rule_width(pieces: list[tuple[int, _Piece]]) -> int:
    """Typical thickness of the rules in pixels (area over length, rounded up)."""
    if not pieces:
        return 2
    return int(min(12, max(1, np.ceil(np.median([p.thick for _, p in pieces])))))


def _anchored(s: Segment, others: list[Segment], tol: float) -> bool:
    """True when both ends of s reach a perpendicular rule (or two rules cross it)."""
    touching = [
        o
        for o in others
        if o.start - tol <= s.pos <= o.end + tol and s.start - tol <= o.pos <= s.end + tol
    ]
    if len(touching) >= 2:
        return True
    return bool(touching) and all(
        any(abs(o.pos - end) <= tol for o in touching) for end in (s.start, s.end)
    )


def _touches_at_an_end(s: Segment, others: Sequence[Segment], tol: float) -> bool:
    return any(
        o.start - tol <= s.pos <= o.end + tol
        and min(abs(o.pos - s.start), abs(o.pos - s.end)) <= tol
        for o in others
    )


def erase_rules(gray: np.ndarray, rules: Rules, dpi: float = 300.0) -> np.ndarray:
    """A copy of the page for OCR: its rules and other lines painted paper-white, and
    the specks of dust or fax noise too (Tesseract reads a row of them as "ーー")."""
    return erase_specks(paint_rules(gray, rules), dpi)


def paint_rules(gray: np.ndarray, rules: Rules) -> np.ndarray:
    """A copy of the page with its rules and other lines painted paper-white, nothing else
    (checklist marks are sought here: a ring scanned light breaks into specks below 150)."""
    grow = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
    mask = rules.mask if rules.loose is None else cv2.bitwise_or(rules.mask, rules.loose)
    mask = cv2.dilate(mask, grow)
    out = gray.copy()
    out[mask > 0] = 255
    return out


def erase_specks(painted: np.ndarray, dpi: float = 300.0) -> np.ndarray:
    """A copy of a rule-free page with lone specks of dust or fax noise painted white."""
    out = painted.copy()
    dark = (out < 150).astype(np.uint8) * 255
    big = drop_specks(dark, max(3, int((dpi / 300) ** 2 * 12)))
    specks = cv2.subtract(dark, big)
    # A speck next to a character is part of it (a dakuten, the dot of "i"); a lone one
    # is dust or fax noise.
    r = max(3, int(dpi * 2 / 72))
    near = cv2.dilate(big, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1)))
    lone = cv2.bitwise_and(specks, cv2.bitwise_not(near))
    out[cv2.dilate(lone, np.ones((3, 3), np.uint8)) > 0] = 255
    return out
