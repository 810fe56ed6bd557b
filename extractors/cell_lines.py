"""One table cell of a scan read line by line.

Tesseract's own line finding, given a whole multi-line cell, drops short lines (a
wrapped label's last character `策`, a sub-heading `２　記録項目`) and misreads the
first one; each text line cut out by its ink rows and read as one line is read whole.

    words = read_cell_words(api, crop, dpi=300)   # tesseract Words, crop pixels

The crop is an 8-bit gray image, rules already erased. Words keep pixel boxes in the
crop's frame; their `line` numbers run over the cell's lines top to bottom.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from extractors import grid_image as gi
from extractors.tesseract import PSM, PyTessBaseAPI, Word, recognise

# A band at least this many times the cell's usual line height is two touching lines
# (or a big character): Tesseract finds its lines itself there.
TALL_BAND = 1.7
# Ink pixels per character below which a word is a speck read as text (300 dpi; even a
# 、 has more).
SPECK_INK = 20


def text_bands(crop: np.ndarray, dpi: float) -> list[tuple[int, int]]:
    """The rows (y0, y1) of the crop's text lines, from its ink rows: a line's pieces
    that leave a blank row inside it (the strokes of 二, a dakuten, a lone ー) are
    joined to the line they are closest to."""
    ink = gi.drop_specks((crop < 150).astype(np.uint8) * 255, max(4, int((dpi / 150) ** 2 * 4)))
    counts = np.count_nonzero(ink, axis=1)
    if not counts.any():
        return []
    # Brackets reach above and below the kanji and bridge the narrow gap between two
    # lines (（1）… over （2）…): a row holding only a few of their pixels is a gap.
    rows = counts > max(0.0, 0.05 * float(np.median(counts[counts > 0])))
    edges = np.diff(np.r_[0, rows.astype(np.int8), 0])
    starts, ends = np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()
    bands: list[tuple[int, int]] = [(int(a), int(b)) for a, b in zip(starts, ends, strict=True)]
    if len(bands) < 2:
        return bands
    # The usual line: the median of the bands at least 4 pt high (smaller ones are pieces).
    heights = sorted(h for h in (b - a for a, b in bands) if h >= dpi * 4 / 72)
    tall = heights[len(heights) // 2] if heights else max(b - a for a, b in bands)
    return _join_pieces(bands, tall)


def _join_pieces(bands: list[tuple[int, int]], tall: int) -> list[tuple[int, int]]:
    """Join a band lower than half a usual line (`tall`) to its nearer neighbour when
    that one is close (within 0.6 line): together they are one line."""
    out = list(bands)
    changed = True
    while changed and len(out) > 1:
        changed = False
        for i, (a, b) in enumerate(out):
            if b - a >= 0.5 * tall:
                continue
            gaps = []
            if i > 0:
                gaps.append((a - out[i - 1][1], i - 1))
            if i + 1 < len(out):
                gaps.append((out[i + 1][0] - b, i + 1))
            gap, j = min(gaps)
            if gap > 0.6 * tall:
                continue
            lo, hi = min(i, j), max(i, j)
            out[lo : hi + 1] = [(out[lo][0], out[hi][1])]
            changed = True
            break
    return out


def read_cell_words(api: PyTessBaseAPI, crop: np.ndarray, dpi: float) -> list[Word]:
    """The words of a cell crop: Tesseract's block reading, and each text line read again
    on its own (PSM single line, a paper margin around it); per line the surer of the
    two readings is kept, so a line the block reading lost, split or cut short comes
    back, and a line it read well stays as it was."""
    block = _read_block(api, crop, dpi)
    bands = text_bands(crop, dpi)
    if len(bands) < 2:
        return block
    heights = sorted(b - a for a, b in bands)
    usual = heights[len(heights) // 2]
    if any(b - a > TALL_BAND * usual for a, b in bands):
        return block  # lines too close to cut apart
    by_band: list[list[Word]] = [[] for _ in bands]
    n_lines = [0] * len(bands)
    for line_id in sorted({w.line for w in block}):
        group = [w for w in block if w.line == line_id]
        mid = sum((w.box[1] + w.box[3]) / 2 for w in group) / len(group)
        k = min(range(len(bands)), key=lambda i: band_distance(bands[i], mid))
        by_band[k] += group
        n_lines[k] += 1
    words: list[Word] = []
    line = 0
    for k in range(len(bands)):
        got = by_band[k]
        again = _read_band(api, crop, bands, k, usual, dpi)
        # One band is one line: block lines piled onto it are a misreading whatever
        # their letters; otherwise the surer reading wins.
        # The same letters: the line's own reading measures its spaces without the
        # neighbouring lines (３　年間… stays item 3, not a quantity 3年間).
        same = "".join(w.text for w in again) == "".join(w.text for w in got)
        if again and (same or n_lines[k] > 1 or _sureness(again) > _sureness(got)):
            got = again
        if not got:
            continue
        ids = sorted({w.line for w in got})
        words += [replace(w, block=0, line=line + ids.index(w.line)) for w in got]
        line += len(ids)
    return words


def _read_block(api: PyTessBaseAPI, crop: np.ndarray, dpi: float) -> list[Word]:
    """The crop read as one block with a paper margin left and right: the crop is cut
    just inside the erased rules, so a glyph set flush at a side rule (a "(" opening the
    line) sits on its edge and would be dropped as a rule's sliver. Top and bottom stay
    edges: there the slivers are the remains of type cut by a rule it touched."""
    pad = max(4, int(dpi * 1.5 / 72))
    padded = cv2.copyMakeBorder(crop, 0, 0, pad, pad, cv2.BORDER_CONSTANT, value=255)
    out = []
    for w in recognise(api, padded, dpi, PSM.SINGLE_BLOCK):
        bx0, by0, bx1, by1 = w.box
        out.append(replace(w, box=(max(0, bx0 - pad), by0, bx1 - pad, by1)))
    return out


def band_distance(band: tuple[int, int], y: float) -> float:
    a, b = band
    return 0.0 if a <= y <= b else min(abs(y - a), abs(y - b))


def _sureness(words: list[Word]) -> float:
    """Characters read, weighted by Tesseract's confidence: more text, read surely.
    Letters and digits count; punctuation and brackets only with a glyph's ink under
    them (dust is read as _ 」 ・ with confidence), and ASCII punctuation other than
    an item number's ( ) never (the "-", "|", "'" specks are read as)."""
    total = 0.0
    for w in words:
        inked = w.ink >= SPECK_INK * len(w.text)
        n = sum(ch.isalnum() or (inked and (ord(ch) > 0x7F or ch in "()")) for ch in w.text)
        total += n * max(w.conf, 0.0) / 100.0
    return total


def _read_band(
    api: PyTessBaseAPI,
    crop: np.ndarray,
    bands: list[tuple[int, int]],
    k: int,
    usual: int,
    dpi: float,
) -> list[Word]:
    """Band k read as one line; its words in the crop's frame."""
    a, b = bands[k]
    h = crop.shape[0]
    above = bands[k - 1][1] if k else 0
    below = bands[k + 1][0] if k + 1 < len(bands) else h
    # Half the gap to the next line, at most a third of a line: blank paper far from
    # the line only gives Tesseract specks to misread.
    y0 = max(0, a - max(2, min((a - above) // 2, usual // 3)))
    y1 = min(h, b + max(2, min((below - b) // 2, usual // 3)))
    pad = max(4, int(dpi * 1.5 / 72))  # the line's first glyph (a lone "1") is no edge sliver
    band = cv2.copyMakeBorder(crop[y0:y1], pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    # A line of one or two kanji (a wrapped label's 体) is often nothing to the line mode
    # and read by the block mode.
    got = recognise(api, band, dpi, PSM.SINGLE_LINE) or recognise(api, band, dpi, PSM.SINGLE_BLOCK)
    out = []
    for w in got:
        bx0, by0, bx1, by1 = w.box
        box = (max(0, bx0 - pad), max(0, by0 - pad + y0), bx1 - pad, by1 - pad + y0)
        out.append(replace(w, box=box))
    return out
