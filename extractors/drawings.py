"""Vector drawings of a page -> rules (straight strokes) and small closed shapes.

Coordinates come out in the displayed orientation (the page's /Rotate applied),
PDF points, origin top-left. Used by tables.py (ruled grids, drawn marks) and
styles.py (underlines).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pymupdf

# A filled rectangle at most this thick is a rule drawn as a bar (Excel / Word exports).
THIN = 1.6
# Strokes shorter than this are dots or specks, not rules.
MIN_RULE = 1.0
# A closed curve this small (points, both sides) may be a drawn mark such as ○.
MARK_MIN, MARK_MAX = 3.0, 40.0


@dataclass
class Rule:
    """A horizontal ("h") or vertical ("v") stroke: pos = y (h) or x (v)."""

    orient: Literal["h", "v"]
    pos: float
    start: float
    end: float
    # True when the stroke is an edge of a stroked rectangle (a frame, not an underline).
    frame: bool = False

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass
class Shape:
    """A small closed curve (circle, ellipse) with its bounding box."""

    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class PageDrawings:
    rules: list[Rule] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)


def page_paths(page: pymupdf.Page) -> list[dict]:
    """The page's vector paths (PyMuPDF get_cdrawings), read once per Page object."""
    cached = getattr(page, "_fugi_paths", None)
    if cached is None:
        cached = page.get_cdrawings()
        page._fugi_paths = cached  # type: ignore[attr-defined]
    return cached


def read_drawings(page: pymupdf.Page) -> PageDrawings:
    """Rules and small closed shapes drawn on `page`, in displayed coordinates."""
    out = PageDrawings()
    mat = page.rotation_matrix if page.rotation else None
    for path in page_paths(page):
        _add_path(path, mat, out)
    return out


def _invisible(path: dict) -> bool:
    def white(col: object) -> bool:
        return isinstance(col, tuple | list) and len(col) > 0 and min(col) > 0.95

    kind = path.get("type", "")
    stroke_ok = "s" in kind and path.get("color") is not None and not white(path.get("color"))
    fill_ok = "f" in kind and path.get("fill") is not None and not white(path.get("fill"))
    if stroke_ok and (path.get("stroke_opacity") or 1.0) <= 0.05:
        stroke_ok = False
    if fill_ok and (path.get("fill_opacity") or 1.0) <= 0.05:
        fill_ok = False
    return not (stroke_ok or fill_ok)


def _add_path(path: dict, mat: pymupdf.Matrix | None, out: PageDrawings) -> None:
    if _invisible(path):
        return
    items = path["items"]
    stroked = "s" in path.get("type", "")
    curves = sum(1 for item in items if item[0] == "c")
    for item in items:
        op = item[0]
        if op == "l":
            # straight sides of a path with curves (a rounded box) are a frame, never an underline
            _add_line(item[1], item[2], mat, out, frame=curves > 0)
        elif op == "re":
            _add_rect(pymupdf.Rect(item[1]), mat, out, stroked)
        elif op == "qu":
            _add_rect(pymupdf.Quad(item[1]).rect, mat, out, stroked)
    if curves >= 3:
        _add_shape(path["rect"], mat, out)


def _xf_point(p: tuple[float, float], mat: pymupdf.Matrix | None) -> tuple[float, float]:
    if mat is None:
        return p[0], p[1]
    # plain arithmetic: pymupdf.Point * Matrix costs ~25 us, pages can hold 100k points
    return mat.a * p[0] + mat.c * p[1] + mat.e, mat.b * p[0] + mat.d * p[1] + mat.f


def _xf_rect(r: pymupdf.Rect, mat: pymupdf.Matrix | None) -> pymupdf.Rect:
    if mat is None:
        return r
    x0, y0 = _xf_point((r.x0, r.y0), mat)
    x1, y1 = _xf_point((r.x1, r.y1), mat)
    return pymupdf.Rect(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _add_line(p, q, mat, out: PageDrawings, *, frame: bool) -> None:  # noqa: ANN001
    (x0, y0), (x1, y1) = _xf_point(p, mat), _xf_point(q, mat)
    if abs(y1 - y0) <= 0.5 and abs(x1 - x0) >= MIN_RULE:
        out.rules.append(Rule("h", (y0 + y1) / 2, min(x0, x1), max(x0, x1), frame))
    elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) >= MIN_RULE:
        out.rules.append(Rule("v", (x0 + x1) / 2, min(y0, y1), max(y0, y1), frame))


def _add_rect(r: pymupdf.Rect, mat, out: PageDrawings, stroked: bool) -> None:  # noqa: ANN001
    r = _xf_rect(pymupdf.Rect(r).normalize(), mat)
    w, h = r.width, r.height
    if h <= THIN and w >= MIN_RULE:
        out.rules.append(Rule("h", (r.y0 + r.y1) / 2, r.x0, r.x1))
    elif w <= THIN and h >= MIN_RULE:
        out.rules.append(Rule("v", (r.x0 + r.x1) / 2, r.y0, r.y1))
    elif stroked:
        # A stroked rectangle is a frame: its four edges are rules. Filled-only big
        # rectangles are shading or backgrounds and carry no rule.
        out.rules += [
            Rule("h", r.y0, r.x0, r.x1, True),
            Rule("h", r.y1, r.x0, r.x1, True),
            Rule("v", r.x0, r.y0, r.y1, True),
            Rule("v", r.x1, r.y0, r.y1, True),
        ]


def _add_shape(rect: tuple, mat, out: PageDrawings) -> None:  # noqa: ANN001
    r = _xf_rect(pymupdf.Rect(rect), mat)
    w, h = r.width, r.height
    if MARK_MIN <= w <= MARK_MAX and MARK_MIN <= h <= MARK_MAX and 0.6 <= w / h <= 1.7:
        out.shapes.append(Shape(r.x0, r.y0, r.x1, r.y1))
