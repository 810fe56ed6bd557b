"""A page's text layer -> glyph lines (one pass of PyMuPDF "rawdict") -> styled Lines.

Glyphs carry font, size, bold and underline per character; `glyph_lines_to_lines`
cuts them into Spans wherever the style changes, a wide gap opens, or the glyphs
fall into a different region (a table cell), so a Span never straddles two cells.
Coordinates are in the displayed orientation (the page's /Rotate applied).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

import pymupdf

from extractors.drawings import page_paths
from extractors.styles import CHAR_FILLED, CHAR_STROKED, is_bold
from models.layout import BBox, Line, Span

# rawdict with MuPDF's style collection: per-span char_flags (filled / stroked /
# synthetic bold / underline), and duplicate glyphs of double-printed text merged.
# Image blocks are left out: copying a scan's pixels into the dict costs ~0.5 s a page.
PLAIN_FLAGS = pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_PRESERVE_IMAGES
TEXT_FLAGS = PLAIN_FLAGS | pymupdf.TEXT_COLLECT_STYLES
# Glyphs further apart than this many font sizes start a new span.
GAP_SPLIT = 1.0


@dataclass(slots=True)
class Glyph:
    c: str
    x0: float
    y0: float
    x1: float
    y1: float
    ox: float  # origin (baseline point)
    oy: float
    font: str
    size: float
    bold: bool
    char_flags: int
    alpha: int
    underline: bool = False

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class GlyphLine:
    glyphs: list[Glyph]  # sorted by x0 (horizontal) or y0 (vertical)
    block: int  # PyMuPDF's block number: its reading order
    horizontal: bool = True
    bbox: tuple[float, float, float, float] = field(default=(0.0, 0.0, 0.0, 0.0))
    _x0s: list[float] | None = field(default=None, repr=False, compare=False)
    _max_w: float | None = field(default=None, repr=False, compare=False)

    def x0s(self) -> list[float]:
        """Left edges of the glyphs, for bisecting a horizontal line."""
        if self._x0s is None:
            self._x0s = [g.x0 for g in self.glyphs]
        return self._x0s

    def max_width(self) -> float:
        if self._max_w is None:
            self._max_w = max((g.x1 - g.x0 for g in self.glyphs), default=0.0)
        return self._max_w


# MuPDF's style collection compares every glyph with every path: on pages with more
# path items than this (maps, hatched charts) it takes seconds, so fugi reads plain text
# there and takes fill+stroke bold from the text trace instead.
HEAVY_PATHS = 3000


def read_glyph_lines(page: pymupdf.Page) -> list[GlyphLine]:
    """Every text line of the page as glyphs, in PyMuPDF's block order."""
    heavy = sum(len(path["items"]) for path in page_paths(page)) > HEAVY_PATHS
    raw = page.get_text("rawdict", flags=PLAIN_FLAGS if heavy else TEXT_FLAGS)
    stroked = _stroked_origins(page) if heavy else None
    mat = page.rotation_matrix if page.rotation else None
    out: list[GlyphLine] = []
    for bno, block in enumerate(raw["blocks"]):
        if block.get("type", 0) != 0:
            continue
        for line in block["lines"]:
            glyphs = _line_glyphs(line, mat, stroked)
            if not glyphs:
                continue
            dx, dy = line["dir"]
            if mat is not None:
                d = pymupdf.Point(dx, dy) * pymupdf.Matrix(mat.a, mat.b, mat.c, mat.d, 0, 0)
                dx, dy = d.x, d.y
            horizontal = abs(dx) >= abs(dy)
            glyphs.sort(key=(lambda g: g.x0) if horizontal else (lambda g: g.y0))
            gl = GlyphLine(glyphs, bno, horizontal, _bbox(glyphs))
            if out and _continues_column(out[-1], gl):
                prev = out[-1]
                out[-1] = GlyphLine(prev.glyphs + glyphs, bno, False, _bbox(prev.glyphs + glyphs))
            else:
                out.append(gl)
    return out


def _continues_column(prev: GlyphLine, gl: GlyphLine) -> bool:
    """MuPDF gives each glyph of vertical writing (wmode 1) its own line: the next glyph
    just below, in the same column, continues the column. Vertical writing set glyph by
    glyph in horizontal mode (Chromium's writing-mode: vertical-rl) comes as one-glyph
    lines too: a one-glyph line right below a one-glyph line (or a column) continues it."""
    if prev.block != gl.block:
        return False
    one_by_one = len(gl.glyphs) == 1 and (len(prev.glyphs) == 1 or not prev.horizontal)
    if (prev.horizontal or gl.horizontal) and not one_by_one:
        return False
    px0, _, px1, py1 = prev.bbox
    x0, y0, x1, _ = gl.bbox
    width = min(px1 - px0, x1 - x0)
    overlap = min(px1, x1) - max(px0, x0)
    return width > 0 and overlap >= 0.5 * width and -1.0 <= y0 - py1 <= 0.6 * width


def _stroked_origins(page: pymupdf.Page) -> set[tuple[int, int, int]]:
    """(code point, origin x, origin y) of glyphs that are also stroked (render mode 2)."""
    out: set[tuple[int, int, int]] = set()
    for trace in page.get_texttrace():
        if trace.get("type") == 1:
            for ch in trace["chars"]:
                out.add((ch[0], round(ch[2][0]), round(ch[2][1])))
    return out


def _line_glyphs(
    line: dict, mat: pymupdf.Matrix | None, stroked: set[tuple[int, int, int]] | None = None
) -> list[Glyph]:
    glyphs: list[Glyph] = []
    for span in line["spans"]:
        font, size = span["font"], span["size"]
        cflags = span.get("char_flags", 0)
        bold = is_bold(font, span["flags"], cflags)
        alpha = span.get("alpha", 255)
        for ch in span["chars"]:
            x0, y0, x1, y1 = ch["bbox"]
            ox, oy = ch["origin"]
            drawn_bold = bold or (
                stroked is not None and (ord(ch["c"][:1] or " "), round(ox), round(oy)) in stroked
            )
            if mat is not None:
                x0, y0, x1, y1 = _xf_box(mat, x0, y0, x1, y1)
                ox, oy = mat.a * ox + mat.c * oy + mat.e, mat.b * ox + mat.d * oy + mat.f
            glyphs.append(
                Glyph(_char(ch["c"]), x0, y0, x1, y1, ox, oy, font, size, drawn_bold, cflags, alpha)
            )
    return glyphs


def _char(c: str) -> str:
    """A lone UTF-16 surrogate (a damaged string decoded by MuPDF) is not text: U+FFFD,
    which the quality check counts as unmapped. Surrogates cannot be stored or sent as UTF-8."""
    return "\ufffd" if c and 0xD800 <= ord(c[0]) <= 0xDFFF else c


def _xf_box(
    m: pymupdf.Matrix, x0: float, y0: float, x1: float, y1: float
) -> tuple[float, float, float, float]:
    """Box through a rotation matrix (multiples of 90 degrees: two corners suffice)."""
    ax, ay = m.a * x0 + m.c * y0 + m.e, m.b * x0 + m.d * y0 + m.f
    bx, by = m.a * x1 + m.c * y1 + m.e, m.b * x1 + m.d * y1 + m.f
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def _bbox(glyphs: list[Glyph]) -> tuple[float, float, float, float]:
    return (
        min(g.x0 for g in glyphs),
        min(g.y0 for g in glyphs),
        max(g.x1 for g in glyphs),
        max(g.y1 for g in glyphs),
    )


def visible(g: Glyph) -> bool:
    """Invisible text (render mode 3, alpha 0) is what scanners put under a page image."""
    return g.alpha != 0 and bool(g.char_flags & _SHOWN or g.char_flags == 0)


_SHOWN = CHAR_FILLED | CHAR_STROKED


Region = Callable[[Glyph], Hashable]


def glyph_lines_to_lines(
    lines: list[GlyphLine], region: Region
) -> list[tuple[Hashable, int, Line]]:
    """Cut glyph lines into styled Lines: (region(glyph), PyMuPDF block number, Line),
    region being e.g. a table cell or None."""
    out: list[tuple[Hashable, int, Line]] = []
    for gl in lines:
        pieces: dict[Hashable, list[Glyph]] = {}
        for g, key in zip(
            gl.glyphs, _smooth_regions(gl, [region(g) for g in gl.glyphs]), strict=True
        ):
            pieces.setdefault(key, []).append(g)
        for key, glyphs in pieces.items():
            for run in _split_gaps(glyphs, gl.horizontal):
                line = _glyphs_to_line(run)
                if line is not None:
                    out.append((key, gl.block, line))
    return out


# Glyphs closer than this many font sizes are one word-run that cannot be cut by a border.
TOUCH = 0.08


def _smooth_regions(gl: GlyphLine, keys: list[Hashable]) -> list[Hashable]:
    """Text that overflows a cell border without a gap (a long word pushed over the rule)
    stays with the cell holding most of its run of touching glyphs."""
    if len(set(keys)) < 2 or not gl.horizontal:
        return keys
    out = list(keys)
    start = 0
    glyphs = gl.glyphs
    for i in range(1, len(glyphs) + 1):
        end_of_run = i == len(glyphs) or glyphs[i].x0 - glyphs[i - 1].x1 > TOUCH * max(
            glyphs[i].size, 1.0
        )
        if not end_of_run:
            continue
        run = keys[start:i]
        if len(set(run)) > 1:
            counts: dict[Hashable, int] = {}
            for k in run:
                counts[k] = counts.get(k, 0) + 1
            best = max(counts, key=lambda k: (k is not None, counts[k]))
            if counts[best] * 2 > len(run):
                out[start:i] = [best] * len(run)
        start = i
    return out


def _split_gaps(glyphs: list[Glyph], horizontal: bool) -> list[list[Glyph]]:
    """Split where the gap between neighbours exceeds GAP_SPLIT font sizes."""
    runs: list[list[Glyph]] = [[glyphs[0]]]
    for prev, g in zip(glyphs, glyphs[1:], strict=False):
        gap = (g.x0 - prev.x1) if horizontal else (g.y0 - prev.y1)
        if gap > GAP_SPLIT * max(prev.size, g.size, 1.0) * 2:
            runs.append([g])
        else:
            runs[-1].append(g)
    return runs


def _glyphs_to_line(glyphs: list[Glyph]) -> Line | None:
    # Trim layout spaces at both ends; a line of spaces only is no line.
    while glyphs and not glyphs[0].c.strip():
        glyphs = glyphs[1:]
    while glyphs and not glyphs[-1].c.strip():
        glyphs = glyphs[:-1]
    if not glyphs:
        return None
    spans: list[Span] = []
    run = [glyphs[0]]
    for prev, g in zip(glyphs, glyphs[1:], strict=False):
        if _same_style(prev, g) and _near(prev, g):
            run.append(g)
        else:
            spans.append(_span(run))
            run = [g]
    spans.append(_span(run))
    bbox = BBox.model_construct(
        x0=min(s.bbox.x0 for s in spans),
        y0=min(s.bbox.y0 for s in spans),
        x1=max(s.bbox.x1 for s in spans),
        y1=max(s.bbox.y1 for s in spans),
    )
    # model_construct: the values are built here from floats and strings, so pydantic's
    # validation (a third of the time on table-heavy pages) is skipped.
    return Line.model_construct(spans=spans, bbox=bbox)


def _same_style(a: Glyph, b: Glyph) -> bool:
    return (
        a.bold == b.bold
        and a.underline == b.underline
        and a.font == b.font
        and abs(a.size - b.size) < 0.05
    )


def _near(a: Glyph, b: Glyph) -> bool:
    return b.x0 - a.x1 <= GAP_SPLIT * max(a.size, b.size, 1.0)


def _span(run: list[Glyph]) -> Span:
    g0 = run[0]
    return Span.model_construct(
        text="".join(g.c for g in run),
        bbox=BBox.model_construct(
            x0=min(g.x0 for g in run),
            y0=min(g.y0 for g in run),
            x1=max(g.x1 for g in run),
            y1=max(g.y1 for g in run),
        ),
        font=g0.font,
        size=round(g0.size, 2),
        bold=g0.bold,
        underline=g0.underline,
        confidence=None,
    )
