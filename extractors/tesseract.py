"""The Tesseract engine (one per worker) and its words -> layout Lines and Spans.

    api = engine(tessdata, "jpn")
    words = recognise(api, gray_crop, dpi=300, psm=PSM.SINGLE_BLOCK)
    lines = words_to_lines(words, dpi=300, offset=(x0, y0))

Word boxes are pixels of the image read; Lines come out in PDF points.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np

# Tesseract's OpenMP threads (in builds that have them) would fight the worker processes
# for the cores; the limit is read when the library loads, so set it before the import.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import tesserocr  # noqa: E402
from tesserocr import PSM, RIL, PyTessBaseAPI  # noqa: E402

from extractors import grid_image as gi
from extractors.ocr_text import (
    fix_lookalikes,
    has_japanese,
    is_wide_gap,
    join_spaced,
    no_space_between,
    wide_space,
)
from extractors.ocr_underline import (
    cut_word,
    ink_box,
    is_underlined,
    line_underlines,
    split_underlined,
)
from models.errors import InternalError
from models.layout import BBox, Line, Span

DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"
# Words Tesseract is less sure of than this (0..100) are dropped as noise, unless Japanese.
MIN_WORD_CONF = 30.0
# A word with no ink in its box and less confidence than this is a phantom (dropped).
PHANTOM_CONF = 50.0
# Specks: ink darker than SPECK_GRAY in blobs of at most SPECK_AREA pixels (at 300 dpi).
SPECK_GRAY = 200
SPECK_AREA = 6
# An image is speckled (a dithered or dirty background) with this many isolated specks
# per square inch: measured 62-80 on such scans, at most 33 on clean gray ones.
SPECKLED_PER_SQ_INCH = 45.0
MIN_SPECKS = 8
PHANTOM_COMMA_END_CONF = 35.0
DASH_CONF = 50.0  # the confidence given to a dash found in the pixels between two numbers  # an inkless 、 ending a line needs to be this unsure
_KEEP_INKLESS = set("、，,)）」』】")
# Bold is judged only in type up to this size (points); titles are drawn heavier.
BOLD_MAX_PT = 13.0


# ---------------------------------------------------------------- engines


_local = threading.local()
# A short cell text ("委託先") is otherwise thrown away as a "noise row"; specks are
# removed before OCR instead. Kanji with many strokes have many outline children.
_TESS_VARIABLES = {
    "textord_noise_rejrows": "0",
    "edges_max_children_per_outline": "40",
    "textord_tabfind_vertical_text": "0",
}


def engine(tessdata: str, lang: str) -> PyTessBaseAPI:
    """One Tesseract engine per (process, thread, language), created on first use and kept.

    tesserocr engines are not thread-safe, and a forked worker must not share its
    parent's; keying by pid and keeping them thread-local gives each worker its own.
    """
    engines = getattr(_local, "engines", None)
    if engines is None:
        engines = _local.engines = {}
    key = (os.getpid(), tessdata, lang)
    api = engines.get(key)
    if api is None:
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # in case a caller cleared it
        psm = PSM.OSD_ONLY if lang == "osd" else PSM.SINGLE_BLOCK
        try:
            api = PyTessBaseAPI(path=tessdata, lang=lang, psm=psm)
        except RuntimeError as exc:
            raise InternalError(
                f"Tesseract cannot load language '{lang}' from {tessdata} ({exc}); install "
                "tesseract-ocr-jpn (make sysdeps) or point TESSDATA_PREFIX at its tessdata."
            ) from exc
        for name, value in _TESS_VARIABLES.items():
            api.SetVariable(name, value)
        engines[key] = api
    return api


def engine_name(lang: str = "jpn") -> str:
    """ "tesseract 5.5.4 jpn": what Page.ocr_engine records."""
    first = tesserocr.tesseract_version().splitlines()[0].strip()
    return f"{first} {lang}"


# ---------------------------------------------------------------- Tesseract results


@dataclass
class Word:
    """One Tesseract word: text, confidence 0..100, box in pixels of the image read."""

    text: str
    conf: float
    box: tuple[int, int, int, int]
    block: int
    line: int
    stroke: float = 0.0  # mean stroke width of its ink, pixels (bold type is thicker)
    ink: int = 0  # ink pixels in its box
    space_before: float = 0.0  # widest blank (pixels) between the previous word of its line and it
    # Pixels from the box's bottom edge up to the top and to the bottom of its ink (None:
    # no ink); relative to the box bottom, so it holds when a caller moves the box.
    # Tesseract's box often runs well below the glyphs (a line's descender zone).
    ink_rise: tuple[int, int] | None = None
    # Each character's x-range as pixels left of the box's right edge (empty: unknown).
    chars: tuple[tuple[int, int], ...] = ()
    # Tesseract's glyphs as (x-range like chars, stroke width, ink pixels), measured before
    # the text is read again: where in the word bold type starts and ends.
    glyph_strokes: tuple[tuple[int, int, float, int], ...] = ()
    # Set on the pieces of a word split where bold type starts or ends (split_bold).
    bold_hint: bool | None = None


def recognise(api: PyTessBaseAPI, image: np.ndarray, dpi: float, psm: int) -> list[Word]:
    """Tesseract's words on a gray image, with their block and line numbers."""
    image = despeckle(image, dpi)
    pad = max(8, int(dpi / 20))  # Tesseract reads text touching the border badly
    padded = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    h, w = padded.shape
    api.SetPageSegMode(psm)
    api.SetImageBytes(padded.tobytes(), w, h, 1, w)
    api.SetSourceResolution(int(round(dpi)))
    api.Recognize()
    it = api.GetIterator()
    words: list[Word] = []
    if it is None:
        return words
    block = line = -1
    for w_it in tesserocr.iterate_level(it, RIL.WORD):
        if w_it.IsAtBeginningOf(RIL.BLOCK):
            block += 1
        if w_it.IsAtBeginningOf(RIL.TEXTLINE):
            line += 1
        try:
            text = (w_it.GetUTF8Text(RIL.WORD) or "").strip()
        except RuntimeError:  # tesserocr raises for an empty word
            continue
        box = w_it.BoundingBox(RIL.WORD)
        if not text or box is None:
            continue
        conf = float(w_it.Confidence(RIL.WORD))
        bx0, by0, bx1, by1 = box
        words.append(Word(text, conf, (bx0 - pad, by0 - pad, bx1 - pad, by1 - pad), block, line))
    _set_chars(words, api, pad)
    shape = image.shape
    words = _plausible([w for w in words if not _edge_sliver(w, shape, dpi)])
    _set_strokes(words, image)
    words = [w for w in words if not phantom_word(w)]
    words = _drop_phantom_commas(words)
    words = join_side_by_side(words)
    words = add_missed_dashes(words, image)
    _set_spaces(words, image)
    return words


def join_side_by_side(words: list[Word]) -> list[Word]:
    """Pieces of one printed line that Tesseract put in blocks of their own (a large heading
    split at a glyph it could not segment: 高森市…運営審 | k当 | 会　付議事項) become one line:
    lines of different blocks on the same band (overlapping by 60 % of the lower one, heights
    within 1.5x) with at most an em between them. The line is then read, and re-read, whole."""
    groups: dict[int, list[Word]] = {}
    for w in words:
        groups.setdefault(w.line, []).append(w)
    box = {
        k: (
            min(w.box[0] for w in g),
            min(w.box[1] for w in g),
            max(w.box[2] for w in g),
            max(w.box[3] for w in g),
        )
        for k, g in groups.items()
    }
    into: dict[int, int] = {}
    for b in sorted(groups, key=lambda k: box[k][0]):
        bx0, by0, _, by1 = box[b]
        best: tuple[float, int] | None = None
        for a in groups:
            root = _root(into, a)
            if a == b or root == b or groups[a][0].block == groups[b][0].block:
                continue
            ax0, ay0, ax1, ay1 = box[a]
            ha, hb = ay1 - ay0, by1 - by0
            h = max(ha, hb)
            if h <= 0 or max(ha, hb) > 1.5 * max(1, min(ha, hb)):
                continue
            overlap = min(ay1, by1) - max(ay0, by0)
            gap = bx0 - ax1
            if overlap >= 0.6 * min(ha, hb) and ax0 < bx0 and -0.3 * h <= gap <= h:
                if best is None or gap < best[0]:
                    best = (gap, root)
        if best is not None:
            into[b] = best[1]
    if not into:
        return words
    out = []
    for w in words:
        root = _root(into, w.line)
        if root != w.line:
            head = groups[root][0]
            w = replace(w, block=head.block, line=head.line)
        out.append(w)
    return out


def _root(into: dict[int, int], k: int) -> int:
    while k in into:
        k = into[k]
    return k


def _set_chars(words: list[Word], api: PyTessBaseAPI, pad: int) -> None:
    """Each word's character x-ranges from Tesseract's symbol boxes (when they match its text)."""
    it = api.GetIterator()
    if it is None:
        return
    boxes = [b for s in tesserocr.iterate_level(it, RIL.SYMBOL) if (b := s.BoundingBox(RIL.SYMBOL))]
    for w in words:
        x0, y0, x1, y1 = w.box
        inside = [
            (bx0 - pad, bx1 - pad)
            for bx0, by0, bx1, by1 in boxes
            if x0 <= (bx0 + bx1) / 2 - pad <= x1 and y0 <= (by0 + by1) / 2 - pad <= y1
        ]
        if len(inside) == len(w.text):
            w.chars = tuple((x1 - a, x1 - b) for a, b in sorted(inside))


def add_missed_dashes(words: list[Word], image: np.ndarray) -> list[Word]:
    """The dash between two numbers that Tesseract left out (資料３－２ read 資料32): a thin
    horizontal bar of ink at mid height in the gap between two digit words becomes a word
    "－" there."""
    ink = image < 150
    out: list[Word] = []
    for line_id in sorted({w.line for w in words}):
        group = sorted((w for w in words if w.line == line_id), key=lambda w: w.box[0])
        y0 = max(0, int(np.median([w.box[1] for w in group])))
        y1 = int(np.median([w.box[3] for w in group]))
        for k, (a, b) in enumerate(zip(group, group[1:], strict=False)):
            out.append(a)
            bar = _dash_between(a, b, ink, y0, y1)
            if bar is not None and not _dash_read(group[k + 1 :]):
                out.append(Word("－", DASH_CONF, bar, a.block, a.line, ink=1))
        out.append(group[-1])
    return out


def _dash_read(rest: list[Word]) -> bool:
    """Whether the number going on after the gap already holds a dash, read as something
    else (資料11一1, its boxes out of order): then no dash is missing."""
    for w in rest:
        if any(c in _DASHLIKE for c in w.text):
            return True
        if not all(c.isdigit() for c in w.text):
            return False
    return False


_DASHLIKE = set("一ー－-‐―─")


def _dash_between(
    a: Word, b: Word, ink: np.ndarray, y0: int, y1: int
) -> tuple[int, int, int, int] | None:
    h = y1 - y0
    # Between the words' middles: Tesseract's boxes of such short words stray.
    gx0, gx1 = max(0, (a.box[0] + a.box[2]) // 2), (b.box[0] + b.box[2]) // 2
    if h <= 0 or not (a.text[-1:].isdigit() and b.text[:1].isdigit()) or gx1 - gx0 < 0.5 * h:
        return None
    region = ink[y0:y1, gx0:gx1].astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    for x, y, w, tall, _area in stats[1:n]:
        middle = (y + tall / 2) / h
        if tall <= 0.15 * h and w >= 0.25 * h and 0.3 <= middle <= 0.7:
            return (gx0 + int(x), y0 + int(y), gx0 + int(x + w), y0 + int(y + tall))
    return None


def _drop_phantom_commas(words: list[Word]) -> list[Word]:
    """An unsure, inkless 、 that starts a line (never printed there) or, very unsure,
    ends one: a phantom too ("、件名…", "…のとおり、")."""
    out = []
    for line_id in sorted({w.line for w in words}):
        group = [w for w in words if w.line == line_id]
        for i, w in enumerate(group):
            inkless = w.text in ("、", "，", ",") and w.ink == 0 and w.conf < PHANTOM_CONF
            first, last = i == 0 and len(group) > 1, i == len(group) - 1
            if inkless and (first or (last and w.conf < PHANTOM_COMMA_END_CONF)):
                continue
            out.append(w)
    return out


def _set_spaces(words: list[Word], image: np.ndarray) -> None:
    """Each word's space_before, measured in the pixels (Tesseract's boxes of Japanese
    words overlap and stray): the longest run of ink-free columns between the middle of
    the previous word and its own middle, within the line's median type band."""
    ink = image < 150
    for line_id in {w.line for w in words}:
        group = sorted((w for w in words if w.line == line_id), key=lambda w: w.box[0])
        if len(group) < 2:
            continue
        y0 = max(0, int(np.median([w.box[1] for w in group])))
        y1 = max(y0 + 1, int(np.median([w.box[3] for w in group])))
        columns = np.asarray(ink[y0:y1].any(axis=0), dtype=bool)
        for a, b in zip(group, group[1:], strict=False):
            lo = max(0, (a.box[0] + a.box[2]) // 2)
            hi = min(len(columns), (b.box[0] + b.box[2]) // 2)
            b.space_before = float(_longest_blank(columns[lo:hi]))


def _longest_blank(columns: np.ndarray) -> int:
    best = run = 0
    for inked in columns:
        run = 0 if inked else run + 1
        best = max(best, run)
    return best


def phantom_word(w: Word) -> bool:
    """A word Tesseract is unsure of whose box holds no ink at all: read into the blank
    beside a rule or after a cell's last sentence ("…する。思", "区分「", "事務隊バ").
    Commas and closing brackets are kept: their boxes are often placed beside the glyph."""
    return w.ink == 0 and w.conf < PHANTOM_CONF and not set(w.text) <= _KEEP_INKLESS


def despeckle(image: np.ndarray, dpi: float) -> np.ndarray:
    """On a speckled image, the gray image with isolated specks (a dithered background's dots, dust: ink blobs
    of at most SPECK_AREA square pixels at 300 dpi, not touching a glyph's surroundings)
    painted white; Tesseract reads a speckled cell as noise ("課税課" -> "本間陸!").
    Glyph parts (dakuten, 、。, anti-aliased edges) are larger or next to a glyph."""
    ink = (image < SPECK_GRAY).astype(np.uint8) * 255
    if not ink.any():
        return image
    scale = (dpi / 300.0) ** 2
    area = max(2, int(round(SPECK_AREA * scale)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    sizes = stats[:, cv2.CC_STAT_AREA]
    tiny = sizes <= area
    tiny[0] = False
    if not tiny.any():
        return image
    glyphs = (~tiny)[labels] & (ink > 0)
    near = max(2, int(round(2 * dpi / 300.0)))
    halo = cv2.dilate(glyphs.astype(np.uint8), np.ones((2 * near + 1, 2 * near + 1), np.uint8)) > 0
    specks = tiny[labels] & ~halo
    count = len(np.unique(labels[specks]))
    per_sq_inch = count / (image.size / dpi**2)
    if count < MIN_SPECKS or per_sq_inch < SPECKLED_PER_SQ_INCH:
        return image  # a clean scan: its few dots are better left to Tesseract
    out = image.copy()
    out[specks] = 255
    return out


def _set_strokes(words: list[Word], image: np.ndarray) -> None:
    ink = (image < 150).astype(np.uint8)
    dist = cv2.distanceTransform(ink, cv2.DIST_L2, 3)
    for w in words:
        x0, y0, x1, y1 = (max(0, v) for v in w.box)
        w.stroke = gi.mean_stroke(ink[y0:y1, x0:x1], dist[y0:y1, x0:x1])
        w.ink = int(np.count_nonzero(ink[y0:y1, x0:x1]))
        if len(w.chars) == len(w.text) > 1:
            right = w.box[2]
            strokes = []
            for a, b in w.chars:
                gx0, gx1 = max(0, right - a), max(0, right - b)
                g_ink = ink[y0:y1, gx0:gx1]
                strokes.append(
                    (a, b, gi.mean_stroke(g_ink, dist[y0:y1, gx0:gx1]), int(g_ink.sum()))
                )
            w.glyph_strokes = tuple(strokes)
        rows = np.flatnonzero(ink[y0:y1, x0:x1].any(axis=1))
        bottom = w.box[3]
        w.ink_rise = (
            (bottom - y0 - int(rows[0]), bottom - y0 - int(rows[-1]) - 1) if rows.size else None
        )


def _plausible(words: list[Word]) -> list[Word]:
    """Drop what Tesseract reads into specks and smudges: lines it is unsure of
    throughout, and unsure non-Japanese words ("|", "'") in the lines kept. An unsure
    Japanese word in a line of sure ones stays: Tesseract often gives real kanji 0."""
    out: list[Word] = []
    for line_id in sorted({w.line for w in words}):
        group = [w for w in words if w.line == line_id]
        if max(w.conf for w in group) < MIN_WORD_CONF:
            continue
        out += [w for w in group if w.conf >= MIN_WORD_CONF or has_japanese(w.text)]
    return out


def _edge_sliver(w: Word, shape: tuple[int, ...], dpi: float) -> bool:
    """A thin word on the crop's edge: a rule's residue or a neighbour's overflowing glyph."""
    x0, y0, x1, y1 = w.box
    h, wd = shape[:2]
    on_edge = x0 <= 2 or y0 <= 2 or x1 >= wd - 2 or y1 >= h - 2
    return on_edge and min(x1 - x0, y1 - y0) < dpi * 3 / 72


def words_to_lines(
    words: list[Word],
    dpi: float,
    offset: tuple[int, int],
    underlines: Sequence[tuple[int, int, int]] = (),
    bold_stroke: float = 0.0,
) -> list[Line]:
    """Group words into Lines in page points; offset is the crop's origin in the page.

    A line is one Span, or several when only part of it is underlined (underlines:
    (x0, x1, y) page pixels of the page's loose horizontal lines) or bold (strokes at
    least bold_stroke pixels wide; 0 turns bold detection off)."""
    out: list[Line] = []
    for line_id in sorted({w.line for w in words}):
        group = sorted((w for w in words if w.line == line_id), key=lambda w: w.box[0])
        group = [_shifted(w, offset) for w in group]
        line_ul = line_underlines(group, underlines)
        runs: list[tuple[bool, list[Word]]] = []
        bold_of: dict[int, bool | None] = {}
        pieces = [
            q
            for word in group
            for p in split_underlined(word, line_ul)
            for q in split_bold(p, bold_stroke, dpi)
        ]
        bold = piece_bold(pieces, bold_stroke, dpi)
        for w, b in zip(pieces, bold, strict=True):
            flag = is_underlined(ink_box(w), line_ul)
            if runs and runs[-1][0] == flag and bold_of[id(runs[-1][1][-1])] == b:
                runs[-1][1].append(w)
            else:
                runs.append((flag, [w]))
            bold_of[id(w)] = b
        runs = _bridge_runs(runs, bold_of)
        # Bold is judged per run: one word ("の", ")") has too little ink to tell; in a line
        # bold only in part, piece_bold has judged each piece.
        em = _em(group)
        spans = [
            _span(ws, flag, _run_bold(ws, bold_of, bold_stroke, dpi), dpi, em) for flag, ws in runs
        ]
        right_first = {id(sp): ws[0].space_before for sp, (_, ws) in zip(spans, runs, strict=True)}
        for left, right in zip(spans, spans[1:], strict=False):
            if not (left.text and right.text):
                continue
            if is_wide_gap(left.text, right.text, right_first[id(right)], em):
                left.text += wide_space(left.text, right.text)
            elif not no_space_between(left.text, right.text):
                left.text += " "
        spans = [sp for sp in spans if sp.text]
        if spans:
            bbox = spans[0].bbox
            for sp in spans[1:]:
                bbox = bbox.union(sp.bbox)
            out.append(Line(spans=spans, bbox=bbox))
    return out


def _bridge_runs(
    runs: list[tuple[bool, list[Word]]], bold_of: dict[int, bool | None] | None = None
) -> list[tuple[bool, list[Word]]]:
    """A character or two between two underlined runs is underlined too (a glyph that
    dips below the rule, a 、 between marked items). Runs piece_bold told apart stay apart."""
    bold_of = bold_of or {}
    flags = [f for f, _ in runs]
    for i in range(1, len(runs) - 1):
        short = sum(len(w.text) for w in runs[i][1]) <= 2
        if not flags[i] and flags[i - 1] and flags[i + 1] and short:
            flags[i] = True
    out: list[tuple[bool, list[Word]]] = []
    for flag, (_, ws) in zip(flags, runs, strict=True):
        same_bold = out and bold_of.get(id(out[-1][1][-1])) == bold_of.get(id(ws[0]))
        if out and out[-1][0] == flag and same_bold:
            out[-1][1].extend(ws)
        else:
            out.append((flag, list(ws)))
    return out


def _shifted(w: Word, offset: tuple[int, int]) -> Word:
    x0, y0, x1, y1 = w.box
    dx, dy = offset
    return replace(w, box=(x0 + dx, y0 + dy, x1 + dx, y1 + dy))


def _em(words: list[Word]) -> float:
    """The type's height in a line (pixels): the median height of its inked words."""
    heights = [w.box[3] - w.box[1] for w in words if w.ink > 0] or [
        w.box[3] - w.box[1] for w in words
    ]
    return float(np.median(heights)) if heights else 0.0


def _span(words: list[Word], underline: bool, bold: bool, dpi: float, em: float = 0.0) -> Span:
    s = 72.0 / dpi
    x0, y0 = min(w.box[0] for w in words), min(w.box[1] for w in words)
    x1, y1 = max(w.box[2] for w in words), max(w.box[3] for w in words)
    weights = [max(1, len(w.text)) for w in words]
    conf = sum(w.conf * n for w, n in zip(words, weights, strict=True)) / sum(weights) / 100.0
    return Span(
        text=fix_lookalikes(join_spaced([w.text for w in words], _gaps(words), em)),
        bbox=BBox(x0=x0 * s, y0=y0 * s, x1=x1 * s, y1=y1 * s),
        confidence=round(min(1.0, max(0.0, conf)), 3),
        size=round((y1 - y0) * s, 1),
        underline=underline,
        bold=bold,
    )


def _gaps(words: list[Word]) -> list[float]:
    """Pixels of blank between each word and the next."""
    return [w.space_before for w in words[1:]]


def _run_bold(
    words: list[Word], bold_of: dict[int, bool | None], bold_stroke: float, dpi: float
) -> bool:
    """A run's boldness: as piece_bold judged its pieces, else judged on its ink."""
    flags = {bold_of.get(id(w)) for w in words}
    if len(flags) == 1 and None not in flags:
        return bool(flags.pop())
    return _bold(words, bold_stroke, dpi)


# Characters too light to tell bold by: they take the side of the text around them.
_LIGHT_CHARS = set("、。，．,.・:：;；()（）「」『』[]［］【】-－ー〜～")
_OPENING = set("(（「『[［【")
_CLOSING = set(")）」』]］】")


def piece_bold(pieces: list[Word], bold_stroke: float, dpi: float) -> list[bool | None]:
    """Each piece's boldness when the line is bold only in part (a change mark in bold
    Gothic inside a sentence), else None for all (the run is judged as a whole).

    Every character is judged by its piece's stroke width; punctuation and pieces with
    little ink are undecided and take the side of the text around them (regular where the
    two sides differ); stretches shorter than BOLD_RUN_MIN characters take the other side."""
    none: list[bool | None] = [None] * len(pieces)
    if bold_stroke <= 0 or len(pieces) < 2:
        return none
    if float(np.median([w.box[3] - w.box[1] for w in pieces])) > dpi * BOLD_MAX_PT / 72:
        return none
    per_char = sorted(w.ink / max(1, len(w.text)) for w in pieces if w.text)
    light = 0.35 * per_char[len(per_char) // 2] if per_char else 0.0
    chars: list[bool | None] = []
    owner: list[int] = []
    for k, w in enumerate(pieces):
        for ch in w.text:
            if w.bold_hint is not None:
                chars.append(w.bold_hint)
            elif ch in _LIGHT_CHARS or w.ink / max(1, len(w.text)) < light:
                chars.append(None)
            else:
                chars.append(w.stroke >= bold_stroke)
            owner.append(k)
    filled = _fill_runs(chars)
    if all(filled) or not any(filled):
        return none
    # A bracket belongs with what it encloses: a closing one after bold text, an opening one
    # before it (体温）, （傷病者…).
    text = "".join(w.text for w in pieces)
    for k, ch in enumerate(text):
        if ch in _CLOSING and k and filled[k - 1] and chars[k] is None:
            filled[k] = True
        if ch in _OPENING and k + 1 < len(text) and filled[k + 1] and chars[k] is None:
            filled[k] = True
    out: list[bool | None] = []
    for k in range(len(pieces)):
        mine = [f for f, o in zip(filled, owner, strict=True) if o == k]
        out.append(sum(mine) * 2 > len(mine) if mine else False)
    return out


# A bold stretch inside a word needs this many glyphs (one thick kanji is not a mark).
BOLD_RUN_MIN = 3


def split_bold(w: Word, bold_stroke: float, dpi: float) -> list[Word]:
    """A word whose glyphs are bold only in part (Tesseract reads a Japanese line as few
    words: 傷病名、観察結果（意識… with the change mark starting mid-word), cut where bold
    type starts and ends. Each glyph is judged by its stroke width; a glyph with little ink
    (、（）) or a lone glyph takes its neighbours' side; a bold or regular stretch shorter
    than BOLD_RUN_MIN glyphs does not cut. Large type (titles) is not judged."""
    gs = w.glyph_strokes
    if bold_stroke <= 0 or len(gs) < 2 * BOLD_RUN_MIN or len(w.chars) != len(w.text):
        return [w]
    if w.box[3] - w.box[1] > dpi * BOLD_MAX_PT / 72:
        return [w]
    inks = sorted(g[3] for g in gs)
    light = 0.35 * inks[len(inks) // 2]  # less ink than a third of a median glyph
    flags: list[bool | None] = [None if g[3] < light else g[2] >= bold_stroke for g in gs]
    glyph = _fill_runs(flags)
    if all(glyph) or not any(glyph):
        return [w]
    right = w.box[2]
    centres = [right - (a + b) / 2 for a, b, _, _ in gs]
    chars = [
        glyph[min(range(len(centres)), key=lambda k: abs(centres[k] - (right - (a + b) / 2)))]
        for a, b in w.chars
    ]
    chars = _fill_runs(list(chars))
    if all(chars) or not any(chars):
        return [w]
    return [replace(p, glyph_strokes=(), bold_hint=flag) for p, flag in cut_word(w, chars)]


def _fill_runs(flags: list[bool | None]) -> list[bool]:
    """Undecided entries take the side of their neighbours (regular where the two differ,
    the one neighbour at an end); then stretches shorter than BOLD_RUN_MIN take the other
    side, until none is left."""
    filled: list[bool] = []
    for k, f in enumerate(flags):
        if f is None:
            before = next((g for g in reversed(flags[:k]) if g is not None), None)
            after = next((g for g in flags[k + 1 :] if g is not None), None)
            sides = {g for g in (before, after) if g is not None}
            f = sides.pop() if len(sides) == 1 else False
        filled.append(f)
    while True:
        runs: list[list[int]] = []
        for k, f in enumerate(filled):
            if runs and filled[runs[-1][0]] == f:
                runs[-1].append(k)
            else:
                runs.append([k])
        short = [r for r in runs if len(r) < BOLD_RUN_MIN]
        if len(runs) < 2 or not short:
            return filled
        for k in min(short, key=len):
            filled[k] = not filled[k]


def _bold(words: list[Word], bold_stroke: float, dpi: float) -> bool:
    """Strokes clearly thicker than the page's text; large type (titles) is not judged."""
    ink = sum(w.ink for w in words)
    if bold_stroke <= 0 or ink == 0:
        return False
    if float(np.median([w.box[3] - w.box[1] for w in words])) > dpi * BOLD_MAX_PT / 72:
        return False
    return sum(w.stroke * w.ink for w in words) / ink >= bold_stroke
