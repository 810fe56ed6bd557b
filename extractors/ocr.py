"""Scanned pages -> the layout model, with Tesseract (tesserocr) and the page's ruled grid.

    page = ocr_page(doc, 0, ExtractSettings())   # models.layout.Page, source="ocr"

Steps: render (300 dpi gray, or the scan's own resolution), turn upright (/Rotate,
then Tesseract's orientation detection), deskew, find the ruled grid from the pixels
(extractors.grid_image -> extractors.grid), OCR each cell on its own as one block,
classify checklist marks from pixels, then OCR the text outside the tables by block.
Coordinates are PDF points in the upright page frame, origin top-left.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace

import cv2
import numpy as np
import pymupdf
import tesserocr
from tesserocr import PSM, RIL, PyTessBaseAPI

from extractors import grid_image as gi
from extractors.grid import fill_cells, segments_to_tables
from extractors.ocr_text import fix_lookalikes, has_japanese, join_words, no_space_between
from models.layout import BBox, Cell, Line, Page, PageItem, Problem, Span, Table, TextBlock

DEFAULT_TESSDATA = "/usr/share/tesseract-ocr/5/tessdata"
# A page image inside this resolution range is read at its own resolution (no resampling).
NATIVE_DPI = (250.0, 450.0)
# Cells at most this wide (points) are checked for a drawn checklist mark.
MARK_CELL_MAX_WIDTH = 120.0
# Skew worth reporting, in degrees (smaller skew is corrected silently).
REPORT_SKEW = 2.0
# Orientation detection must be at least this sure before a page is turned.
MIN_ORIENT_CONF = 3.0
# Words Tesseract is less sure of than this (0..100) are dropped as noise, unless Japanese.
MIN_WORD_CONF = 30.0
LOW_PAGE_CONF = 0.6
# Bold type: strokes this many times the page's mean stroke width, in type up to BOLD_MAX_PT.
BOLD_RATIO = 1.18
BOLD_MAX_PT = 13.0


@dataclass
class _Options:
    dpi: float
    lang: str
    tessdata: str
    snap: float
    join_gap: float
    min_cell: float


def _options(settings: object) -> _Options:
    """Settings duck-typed: models.settings.ExtractSettings or anything with those names."""
    tessdata = (
        getattr(settings, "tessdata", None) or os.environ.get("TESSDATA_PREFIX") or DEFAULT_TESSDATA
    )
    return _Options(
        dpi=float(getattr(settings, "dpi", 300) or 300),
        lang=getattr(settings, "lang", "jpn") or "jpn",
        tessdata=tessdata,
        snap=getattr(settings, "snap", 2.5),
        join_gap=getattr(settings, "join_gap", 4.0),
        min_cell=getattr(settings, "min_cell", 4.0),
    )


# ---------------------------------------------------------------- engines


_local = threading.local()
# A short cell text ("委託先") is otherwise thrown away as a "noise row"; specks are
# removed before OCR instead. Kanji with many strokes have many outline children.
_TESS_VARIABLES = {
    "textord_noise_rejrows": "0",
    "edges_max_children_per_outline": "40",
    "textord_tabfind_vertical_text": "0",
}


def _engine(tessdata: str, lang: str) -> PyTessBaseAPI:
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
        # Tesseract's OpenMP threads fight with the worker processes for the cores.
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        psm = PSM.OSD_ONLY if lang == "osd" else PSM.SINGLE_BLOCK
        api = PyTessBaseAPI(path=tessdata, lang=lang, psm=psm)
        for name, value in _TESS_VARIABLES.items():
            api.SetVariable(name, value)
        engines[key] = api
    return api


def engine_name(lang: str = "jpn") -> str:
    """ "tesseract 5.5.4 jpn": what Page.ocr_engine records."""
    first = tesserocr.tesseract_version().splitlines()[0].strip()
    return f"{first} {lang}"


# ---------------------------------------------------------------- the page


def ocr_page(doc: pymupdf.Document, page_index: int, settings: object) -> Page:
    """Read one scanned page (0-based index) into a Page with source="ocr"."""
    opts = _options(settings)
    pdf_page = doc[page_index]
    number = page_index + 1
    problems: list[Problem] = []
    gray, dpi = render_gray(pdf_page, opts.dpi)
    gray, turns = _turn_upright(gray, dpi, opts)
    if turns:
        problems.append(
            Problem(
                code="ocr_turned",
                page=number,
                message=f"page content was turned {turns * 90}° to read it upright",
            )
        )
    gray, ink, skew = _deskew(gray, dpi)
    if abs(skew) >= REPORT_SKEW:
        problems.append(
            Problem(
                code="ocr_skew",
                page=number,
                message=f"page was scanned {skew:.1f}° askew; straightened before OCR",
            )
        )
    rules = gi.find_rules(ink, dpi)
    tables = segments_to_tables(
        rules.segments, number, snap=opts.snap, join_gap=opts.join_gap, min_cell=opts.min_cell
    )
    scan = _Scan(
        api=_engine(opts.tessdata, opts.lang),
        clean=gi.erase_rules(gray, rules),
        dpi=dpi,
        inset=rules.width_px + max(2, int(dpi / 100)),
        underlines=rules.underlines,
        bold_stroke=0.0,
    )
    scan.bold_stroke = BOLD_RATIO * gi.stroke_width(scan.clean)
    for table in tables:
        _read_table(scan, table)
    blocks = _read_blocks(scan, tables, gi.find_boxes(rules, dpi))
    scale = 72.0 / dpi
    page = Page(
        number=number,
        width=gray.shape[1] * scale,
        height=gray.shape[0] * scale,
        rotation=(pdf_page.rotation + 90 * turns) % 360,
        source="ocr",
        blocks=blocks,
        tables=tables,
        order=_reading_order(blocks, tables),
        ocr_engine=engine_name(opts.lang),
        problems=problems,
    )
    _check_confidence(page)
    return page


def render_gray(page: pymupdf.Page, dpi: float) -> tuple[np.ndarray, float]:
    """The page as an 8-bit gray image in its displayed (/Rotate applied) orientation.

    A page that is one full-page image is rendered at that image's own resolution when
    it is a sensible scan resolution, so the scan's pixels are not resampled.
    """
    dpi = _native_dpi(page) or dpi
    pix = page.get_pixmap(dpi=int(round(dpi)), colorspace=pymupdf.csGRAY, alpha=False)
    gray = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
    # The pixmap's size is rounded to whole pixels: take the resolution it really has.
    return np.ascontiguousarray(gray), pix.width * 72.0 / page.rect.width


def _native_dpi(page: pymupdf.Page) -> float | None:
    infos = page.get_image_info()
    if len(infos) != 1:
        return None
    info = infos[0]
    box = pymupdf.Rect(info["bbox"])
    if box.get_area() < 0.8 * page.rect.get_area() or not info.get("width"):
        return None
    # The image may be placed turned by 90°: take the resolution along its longer side.
    pixels = max(info["width"], info["height"])
    points = max(box.width, box.height)
    native = pixels * 72.0 / points
    lo, hi = NATIVE_DPI
    return native if lo <= native <= hi else None


def _turn_upright(gray: np.ndarray, dpi: float, opts: _Options) -> tuple[np.ndarray, int]:
    """The image turned by quarter turns so its text reads upright, and the turns made."""
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    api = _engine(opts.tessdata, "osd")
    api.SetImageBytes(small.tobytes(), small.shape[1], small.shape[0], 1, small.shape[1])
    api.SetSourceResolution(int(dpi / 2))
    try:
        found = api.DetectOrientationScript()
    except RuntimeError:
        found = None
    if not found or found["orient_deg"] == 0 or found["orient_conf"] < MIN_ORIENT_CONF:
        return gray, 0
    turns = int(found["orient_deg"]) // 90 % 4
    return np.ascontiguousarray(np.rot90(gray, k=turns)), turns


def _deskew(gray: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray, float]:
    ink = gi.binarize(gray, dpi)
    angle = gi.estimate_skew(ink)
    if abs(angle) < 0.05:
        return gray, ink, 0.0
    gray = gi.rotate_gray(gray, -angle)
    return gray, gi.binarize(gray, dpi), angle


def _check_confidence(page: Page) -> None:
    confs = [s.confidence for ln in _all_lines(page) for s in ln.spans if s.confidence is not None]
    if not confs:
        page.problems.append(
            Problem(code="ocr_no_text", page=page.number, message="OCR found no text on this page")
        )
    elif sum(confs) / len(confs) < LOW_PAGE_CONF:
        page.problems.append(
            Problem(
                code="ocr_low_confidence",
                page=page.number,
                message=f"OCR mean confidence {sum(confs) / len(confs):.2f}: check this page by eye",
            )
        )


def _all_lines(page: Page) -> list[Line]:
    out = [ln for b in page.blocks for ln in b.lines]
    out += [ln for t in page.tables for c in t.cells for ln in c.lines]
    return out


def _reading_order(blocks: list[TextBlock], tables: list[Table]) -> list[PageItem]:
    items = [(b.bbox.y0, b.bbox.x0, PageItem(kind="text", index=i)) for i, b in enumerate(blocks)]
    items += [(t.bbox.y0, t.bbox.x0, PageItem(kind="table", index=i)) for i, t in enumerate(tables)]
    return [it for _, _, it in sorted(items, key=lambda x: (x[0], x[1]))]


# ---------------------------------------------------------------- cells


@dataclass
class _Scan:
    """A page ready for reading: its engine, the rule-free image and what it needs."""

    api: PyTessBaseAPI
    clean: np.ndarray
    dpi: float
    inset: int  # pixels cut from each cell edge (rule width + margin)
    underlines: list[tuple[int, int, int]]
    bold_stroke: float  # strokes at least this wide (pixels) are bold type


def _read_table(scan: _Scan, table: Table) -> None:
    lines: list[Line] = []
    for cell in table.cells:
        cell_lines, mark = read_cell(scan, cell)
        cell.drawn_mark = mark
        lines.extend(cell_lines)
    fill_cells(table, lines)


def read_cell(scan: _Scan, cell: Cell) -> tuple[list[Line], str | None]:
    """The text lines of one cell (page points) and its drawn mark, from the rule-free image."""
    clean, dpi, inset = scan.clean, scan.dpi, scan.inset
    x0, y0, x1, y1 = _to_pixels(cell.bbox, dpi, clean.shape)
    x0, y0, x1, y1 = x0 + inset, y0 + inset, x1 - inset, y1 - inset
    if x1 - x0 < 4 or y1 - y0 < 4:
        return [], None
    crop = clean[y0:y1, x0:x1].copy()
    if not _has_ink(crop, dpi):
        return [], None
    mark = None
    if cell.bbox.width <= MARK_CELL_MAX_WIDTH:
        hit = gi.find_mark(crop, dpi)
        if hit:
            mark = hit.mark
            pad = max(2, int(dpi / 100))
            mx0, my0, mx1, my1 = hit.box
            crop[max(0, my0 - pad) : my1 + pad, max(0, mx0 - pad) : mx1 + pad] = 255
            if not _has_ink(crop, dpi):
                return [], mark
    words = recognise(scan.api, crop, dpi, PSM.SINGLE_BLOCK)
    return words_to_lines(words, dpi, (x0, y0), scan.underlines, scan.bold_stroke), mark


def _has_ink(crop: np.ndarray, dpi: float) -> bool:
    ink = (crop < 150).astype(np.uint8) * 255
    ink = gi.drop_specks(ink, max(4, int((dpi / 150) ** 2 * 4)))
    return int(np.count_nonzero(ink)) >= (dpi / 72) ** 2 * 3


def _to_pixels(box: BBox, dpi: float, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    s = dpi / 72.0
    h, w = shape[:2]
    return (
        max(0, int(box.x0 * s)),
        max(0, int(box.y0 * s)),
        min(w, int(round(box.x1 * s))),
        min(h, int(round(box.y1 * s))),
    )


# ---------------------------------------------------------------- text outside tables


def _read_blocks(
    scan: _Scan, tables: list[Table], boxes: list[tuple[int, int, int, int]]
) -> list[TextBlock]:
    """Text outside the tables: each drawn box (flow-chart box, framed note) read on its
    own, then one Tesseract layout pass over the rest of the page, then each inked region
    that pass left unread (a lone page number, a short label)."""
    api, clean, dpi = scan.api, scan.clean, scan.dpi
    masked = clean.copy()
    grow = max(3, int(dpi / 50))
    table_boxes = [_to_pixels(t.bbox, dpi, clean.shape) for t in tables]
    for x0, y0, x1, y1 in table_boxes:
        masked[max(0, y0 - grow) : y1 + grow, max(0, x0 - grow) : x1 + grow] = 255
    words: list[Word] = []
    for x0, y0, x1, y1 in boxes:  # smallest first: a box inside a box is read alone
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        if any(tx0 <= cx <= tx1 and ty0 <= cy <= ty1 for tx0, ty0, tx1, ty1 in table_boxes):
            continue
        crop = masked[y0:y1, x0:x1]
        if _has_ink(crop, dpi):
            _add_words(words, recognise(api, crop, dpi, PSM.SINGLE_BLOCK), x0, y0)
        masked[y0:y1, x0:x1] = 255
    if _has_ink(masked, dpi):
        _add_words(words, recognise(api, masked, dpi, PSM.AUTO), 0, 0)
        for x0, y0, x1, y1 in _unread_regions(masked, words, dpi):
            _add_words(words, recognise(api, masked[y0:y1, x0:x1], dpi, PSM.SINGLE_BLOCK), x0, y0)
    blocks: list[TextBlock] = []
    for block_id in sorted({w.block for w in words}):
        group = [w for w in words if w.block == block_id]
        lines = words_to_lines(group, dpi, (0, 0), scan.underlines, scan.bold_stroke)
        if lines:
            bbox = lines[0].bbox
            for ln in lines[1:]:
                bbox = bbox.union(ln.bbox)
            blocks.append(TextBlock(lines=lines, bbox=bbox))
    blocks.sort(key=lambda b: (b.bbox.y0, b.bbox.x0))
    return blocks


def _add_words(words: list[Word], more: list[Word], x0: int, y0: int) -> None:
    """Append words read from a crop at (x0, y0), numbering their blocks and lines on."""
    block = max((w.block for w in words), default=-1) + 1
    line = max((w.line for w in words), default=-1) + 1
    for w in more:
        bx0, by0, bx1, by1 = w.box
        box = (bx0 + x0, by0 + y0, bx1 + x0, by1 + y0)
        words.append(replace(w, box=box, block=block + w.block, line=line + w.line))


def _unread_regions(
    image: np.ndarray, words: list[Word], dpi: float
) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of ink clusters that no word read so far overlaps."""
    ink = gi.drop_specks((image < 150).astype(np.uint8) * 255, max(4, int((dpi / 150) ** 2 * 4)))
    em = dpi * 10.5 / 72
    smear = cv2.getStructuringElement(cv2.MORPH_RECT, (int(em), max(3, int(em / 3))))
    n, _, stats, _ = cv2.connectedComponentsWithStats(cv2.dilate(ink, smear), connectivity=8)
    h, w = image.shape
    out = []
    for x, y, cw, ch, _area in stats[1:n]:
        # Undo the smear's growth; keep a margin for Tesseract.
        x0, y0 = max(0, x + int(em / 2) - 6), max(0, y + int(em / 6) - 6)
        x1, y1 = min(w, x + cw - int(em / 2) + 6), min(h, y + ch - int(em / 6) + 6)
        if x1 - x0 < 4 or y1 - y0 < 4 or not _has_ink(image[y0:y1, x0:x1], dpi):
            continue
        if not any(
            wx0 < x1 and x0 < wx1 and wy0 < y1 and y0 < wy1
            for wx0, wy0, wx1, wy1 in (wd.box for wd in words)
        ):
            out.append((x0, y0, x1, y1))
    return out


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


def recognise(api: PyTessBaseAPI, image: np.ndarray, dpi: float, psm: int) -> list[Word]:
    """Tesseract's words on a gray image, with their block and line numbers."""
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
    shape = image.shape
    words = _plausible([w for w in words if not _edge_sliver(w, shape, dpi)])
    _set_strokes(words, image)
    return words


def _set_strokes(words: list[Word], image: np.ndarray) -> None:
    ink = (image < 150).astype(np.uint8)
    dist = cv2.distanceTransform(ink, cv2.DIST_L2, 3)
    for w in words:
        x0, y0, x1, y1 = (max(0, v) for v in w.box)
        w.stroke = gi.mean_stroke(ink[y0:y1, x0:x1], dist[y0:y1, x0:x1])
        w.ink = int(np.count_nonzero(ink[y0:y1, x0:x1]))


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
        line_ul = _line_underlines(group, underlines)
        runs: list[tuple[bool, list[Word]]] = []
        for w in group:
            flag = _underlined(w.box, line_ul)
            if runs and runs[-1][0] == flag:
                runs[-1][1].append(w)
            else:
                runs.append((flag, [w]))
        runs = _bridge_runs(runs)
        # Bold is judged per run: one word ("の", ")") has too little ink to tell.
        spans = [_span(ws, flag, _bold(ws, bold_stroke, dpi), dpi) for flag, ws in runs]
        for left, right in zip(spans, spans[1:], strict=False):
            if left.text and right.text and not no_space_between(left.text, right.text):
                left.text += " "
        spans = [sp for sp in spans if sp.text]
        if spans:
            bbox = spans[0].bbox
            for sp in spans[1:]:
                bbox = bbox.union(sp.bbox)
            out.append(Line(spans=spans, bbox=bbox))
    return out


def _bridge_runs(runs: list[tuple[bool, list[Word]]]) -> list[tuple[bool, list[Word]]]:
    """A character or two between two underlined runs is underlined too (a glyph that
    dips below the rule, a 、 between marked items)."""
    flags = [f for f, _ in runs]
    for i in range(1, len(runs) - 1):
        short = sum(len(w.text) for w in runs[i][1]) <= 2
        if not flags[i] and flags[i - 1] and flags[i + 1] and short:
            flags[i] = True
    out: list[tuple[bool, list[Word]]] = []
    for flag, (_, ws) in zip(flags, runs, strict=True):
        if out and out[-1][0] == flag:
            out[-1][1].extend(ws)
        else:
            out.append((flag, list(ws)))
    return out


def _shifted(w: Word, offset: tuple[int, int]) -> Word:
    x0, y0, x1, y1 = w.box
    dx, dy = offset
    return replace(w, box=(x0 + dx, y0 + dy, x1 + dx, y1 + dy))


def _span(words: list[Word], underline: bool, bold: bool, dpi: float) -> Span:
    s = 72.0 / dpi
    x0, y0 = min(w.box[0] for w in words), min(w.box[1] for w in words)
    x1, y1 = max(w.box[2] for w in words), max(w.box[3] for w in words)
    weights = [max(1, len(w.text)) for w in words]
    conf = sum(w.conf * n for w, n in zip(words, weights, strict=True)) / sum(weights) / 100.0
    return Span(
        text=fix_lookalikes(join_words([w.text for w in words])),
        bbox=BBox(x0=x0 * s, y0=y0 * s, x1=x1 * s, y1=y1 * s),
        confidence=round(min(1.0, max(0.0, conf)), 3),
        size=round((y1 - y0) * s, 1),
        underline=underline,
        bold=bold,
    )


def _bold(words: list[Word], bold_stroke: float, dpi: float) -> bool:
    """Strokes clearly thicker than the page's text; large type (titles) is not judged."""
    ink = sum(w.ink for w in words)
    if bold_stroke <= 0 or ink == 0:
        return False
    if float(np.median([w.box[3] - w.box[1] for w in words])) > dpi * BOLD_MAX_PT / 72:
        return False
    return sum(w.stroke * w.ink for w in words) / ink >= bold_stroke


def _line_underlines(
    group: list[Word], underlines: Sequence[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """The underlines that end with the text of this line: a rule running on well past
    an end of the text is a form's separator line, not an underline."""
    em = float(np.median([w.box[3] - w.box[1] for w in group]))
    lx0, lx1 = min(w.box[0] for w in group), max(w.box[2] for w in group)
    return [u for u in underlines if u[0] >= lx0 - em and u[1] <= lx1 + em]


def _underlined(box: tuple[int, int, int, int], underlines: Sequence[tuple[int, int, int]]) -> bool:
    """A line runs just under the word along at least half its width."""
    x0, y0, x1, y1 = box
    h = max(1, y1 - y0)
    for ux0, ux1, uy in underlines:
        if y1 - 0.25 * h <= uy <= y1 + 0.6 * h and min(x1, ux1) - max(x0, ux0) >= 0.5 * (x1 - x0):
            return True
    return False
