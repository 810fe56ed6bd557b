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
from dataclasses import dataclass, replace

import cv2
import numpy as np
import pymupdf

from extractors import grid_image as gi
from extractors.cell_lines import read_cell_words
from extractors.grid import fill_cells, segments_to_tables
from extractors.line_reader import LineReader, line_reader, reader_kind, reader_name, reread
from extractors.marks_image import find_mark
from extractors.reading_order import by_columns
from extractors.tesseract import (
    DEFAULT_TESSDATA,
    PSM,
    PyTessBaseAPI,
    Word,
    engine,
    engine_name,
    recognise,
    words_to_lines,
)
from models.layout import BBox, Cell, Line, Page, PageItem, Problem, Table, TextBlock

# A page image inside this resolution range is read at its own resolution (no resampling).
NATIVE_DPI = (250.0, 450.0)
# Cells at most this wide (points) are checked for a drawn checklist mark.
MARK_CELL_MAX_WIDTH = 120.0
# Skew worth reporting, in degrees (smaller skew is corrected silently).
REPORT_SKEW = 2.0
# Orientation detection must be at least this sure before a page is turned.
MIN_ORIENT_CONF = 3.0
LOW_PAGE_CONF = 0.6
# Never render more pixels than this (an A3 page at 300 dpi is 17.4 million).
MAX_PIXELS = 60_000_000
# Bold type: strokes this many times the page's regular stroke width.
BOLD_RATIO = 1.18


@dataclass
class _Options:
    dpi: float
    lang: str
    tessdata: str
    line_reader: str
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
        line_reader=reader_kind(getattr(settings, "line_reader", None)),
        snap=getattr(settings, "snap", 2.5),
        join_gap=getattr(settings, "join_gap", 4.0),
        min_cell=getattr(settings, "min_cell", 4.0),
    )


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
    painted = gi.paint_rules(gray, rules)
    scan = _Scan(
        api=engine(opts.tessdata, opts.lang),
        reader=line_reader(opts.line_reader),
        clean=gi.erase_specks(painted, dpi),
        dpi=dpi,
        # Cell edges run along the rules' middles; past half a rule and the 2 px erase_rules
        # paints around it, the pixels are the cell's own (a "(" set flush at the rule).
        inset=(rules.width_px + 1) // 2 + max(3, int(dpi / 100)),
        underlines=rules.underlines,
        bold_stroke=0.0,
        marks=painted,
    )
    scan.bold_stroke = BOLD_RATIO * gi.stroke_width(scan.clean)
    if _is_bilevel_scan(pdf_page):
        # A fax or 1-bit scan is rendered with staircase edges; softened, Tesseract
        # reads it better (on gray scans the same blur costs accuracy).
        scan.clean = cv2.GaussianBlur(scan.clean, (3, 3), 0)
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
        ocr_engine=_engine_name(opts),
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
    inches = page.rect.width * page.rect.height / 72.0 / 72.0
    dpi = min(dpi, (MAX_PIXELS / max(inches, 1e-6)) ** 0.5)  # a poster-sized page
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


def _is_bilevel_scan(page: pymupdf.Page) -> bool:
    images = page.get_images()
    return len(images) == 1 and images[0][4] == 1 and _native_dpi(page) is None


def _turn_upright(gray: np.ndarray, dpi: float, opts: _Options) -> tuple[np.ndarray, int]:
    """The image turned by quarter turns so its text reads upright, and the turns made."""
    small = cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    api = engine(opts.tessdata, "osd")
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
    ordered = [it for _, _, it in sorted(items, key=lambda x: (x[0], x[1]))]
    boxes = [
        (tables[it.index].bbox, True) if it.kind == "table" else (blocks[it.index].bbox, False)
        for it in ordered
    ]
    return [ordered[k] for k in by_columns(boxes)]


# ---------------------------------------------------------------- cells


def _engine_name(opts: _Options) -> str:
    """The engines that read the page: "tesseract 5.5.4 jpn", with " + PP-OCRv6 small rec"
    when each line is read again."""
    second = reader_name(opts.line_reader)
    return f"{engine_name(opts.lang)} + {second}" if second else engine_name(opts.lang)


@dataclass
class _Scan:
    """A page ready for reading: its engines, the rule-free image and what it needs."""

    api: PyTessBaseAPI
    clean: np.ndarray
    dpi: float
    inset: int  # pixels cut from each cell edge (rule width + margin)
    underlines: list[tuple[int, int, int]]
    bold_stroke: float  # strokes at least this wide (pixels) are bold type
    # The page with only its rules painted out, specks kept: a ring scanned light (grey
    # JPEG) breaks into specks below 150 that erase_specks would paint out of `clean`.
    marks: np.ndarray | None = None
    reader: LineReader | None = None  # the second reading of each line (None: Tesseract alone)


def _read_table(scan: _Scan, table: Table) -> None:
    lines: list[Line] = []
    for cell in table.cells:
        cell_lines, mark = _read_cell(scan, cell)
        cell.drawn_mark = mark
        lines.extend(cell_lines)
    fill_cells(table, lines, cut_spans=False)  # read per cell: never cut


def _read_cell(scan: _Scan, cell: Cell) -> tuple[list[Line], str | None]:
    """The text lines of one cell (page points) and its drawn mark, from the rule-free image."""
    clean, dpi, inset = scan.clean, scan.dpi, scan.inset
    x0, y0, x1, y1 = _to_pixels(cell.bbox, dpi, clean.shape)
    x0, y0, x1, y1 = x0 + inset, y0 + inset, x1 - inset, y1 - inset
    if x1 - x0 < 4 or y1 - y0 < 4:
        return [], None
    crop = clean[y0:y1, x0:x1].copy()
    narrow = cell.bbox.width <= MARK_CELL_MAX_WIDTH
    # A thin ring scanned light (grey JPEG) has no pixel below _has_ink's fixed threshold:
    # a narrow cell is searched for its mark first (find_mark thresholds on the cell itself).
    if not narrow and not _has_ink(crop, dpi):
        return [], None
    mark = None
    if narrow:
        hit = find_mark(crop, dpi)
        if hit is None and scan.marks is not None:
            hit = find_mark(scan.marks[y0:y1, x0:x1], dpi)
        if hit:
            mark = hit.mark
            pad = max(2, int(dpi / 100))
            mx0, my0, mx1, my1 = hit.box
            crop[max(0, my0 - pad) : my1 + pad, max(0, mx0 - pad) : mx1 + pad] = 255
            if not _has_ink(crop, dpi):
                return [], mark
        elif not _has_ink(crop, dpi):
            return [], None
    words = read_cell_words(scan.api, crop, dpi)  # line by line: short lines are kept
    words = reread(scan.reader, words, crop, dpi, whole_width=True)
    return words_to_lines(words, dpi, (x0, y0), scan.underlines, scan.bold_stroke), mark


def _has_ink(crop: np.ndarray, dpi: float) -> bool:
    """More ink than a few specks: about three square points of it."""
    need = (dpi / 72) ** 2 * 3
    dark = crop < 150
    count = int(np.count_nonzero(dark))
    if count < need or count > 20 * need:
        return count >= need  # clearly empty or clearly inked: skip the speck count
    ink = gi.drop_specks(dark.astype(np.uint8) * 255, max(4, int((dpi / 150) ** 2 * 4)))
    return int(np.count_nonzero(ink)) >= need


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
    clean, dpi = scan.clean, scan.dpi
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
            _add_words(words, _read(scan, crop, PSM.SINGLE_BLOCK), x0, y0)
        masked[y0:y1, x0:x1] = 255
    if _has_ink(masked, dpi):
        _add_words(words, _read(scan, masked, PSM.AUTO), 0, 0)
        for x0, y0, x1, y1 in _unread_regions(masked, words, dpi):
            _add_words(words, _read(scan, masked[y0:y1, x0:x1], PSM.SINGLE_BLOCK), x0, y0)
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


def _read(scan: _Scan, image: np.ndarray, psm: int) -> list[Word]:
    """Tesseract's words of an image, each line read again by the line recogniser."""
    return reread(scan.reader, recognise(scan.api, image, scan.dpi, psm), image, scan.dpi)


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
