"""Is a page's text layer trustworthy, or must the page be OCR'd?

Broken layers: glyphs MuPDF could not map to Unicode ((cid:NN) / U+FFFD / raw CIDs
or GIDs), private-use code points, mojibake (Latin-1 soup where Japanese is
expected), pages with no text but an image covering them (a scan), and pages whose
text is drawn as vector outlines (no text, thousands of curves).
Kangxi radicals (U+2F00-U+2FDF) are fine: NFKC maps them to the ideographs.

A scan carrying its own invisible OCR layer (render mode 3 over a full-page image)
is re-OCR'd by fugi on purpose: the scanner's OCR gives words with no cell
structure and no styles, while fugi's OCR reads cell by cell inside the ruled grid
it detects on the image, which is what the mapping stage needs.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import pymupdf

from extractors.drawings import page_paths
from extractors.textlayer import GlyphLine, visible

# MuPDF char_flags: the "unicode" is really a CID / glyph id (no ToUnicode map).
CHAR_UNICODE_IS_CID, CHAR_UNICODE_IS_GID = 128, 256
# Share of bad characters above which a page's text layer is not used.
BAD_RATIO = 0.10
MOJIBAKE_RATIO = 0.30
MIN_CHARS = 10
# A page without text but with this many curve segments has its text drawn as outlines.
OUTLINED_CURVES = 1500
# Share of the page area images must cover for a text-less page to count as a scan.
IMAGE_COVER = 0.5


@dataclass
class Quality:
    """needs_ocr with a reason code: cid_glyphs, private_use, mojibake, no_text_layer,
    outlined_text, invisible_ocr_layer; or needs_ocr=False (reason None)."""

    needs_ocr: bool
    reason: str | None = None
    message: str = ""
    n_chars: int = 0


def assess_page(
    page: pymupdf.Page, lines: list[GlyphLine], reocr_invisible: bool = True
) -> Quality:
    """Decide from the page's glyphs (and, when text is scarce, its images)."""
    glyphs = [g for ln in lines for g in ln.glyphs if not g.c.isspace()]
    n = len(glyphs)
    shown = [g for g in glyphs if visible(g)]
    if n >= MIN_CHARS and len(shown) < 0.5 * n:
        if reocr_invisible and _image_cover(page) >= IMAGE_COVER:
            return Quality(
                True,
                "invisible_ocr_layer",
                "scan with its own invisible OCR text; re-OCR'd cell by cell",
                n,
            )
        glyphs = shown or glyphs
        n = len(glyphs)
    if len(shown) < MIN_CHARS:
        if _image_cover(page) >= IMAGE_COVER:
            return Quality(True, "no_text_layer", "no text layer over a page image (a scan)", n)
        if _curve_count(page) >= OUTLINED_CURVES:
            return Quality(True, "outlined_text", "no text layer; text drawn as vector outlines", n)
        return Quality(False, None, "", n)
    text = "".join(g.c for g in glyphs)
    bad = sum(1 for g in glyphs if _unmapped(g.c, g.char_flags))
    bad += sum(len(m) for m in _CID_TEXT.findall(text))  # "(cid:12)" written out by a converter
    if bad > BAD_RATIO * n:
        return Quality(True, "cid_glyphs", f"{bad} of {n} characters have no Unicode mapping", n)
    pua = sum(1 for c in text if _private_use(c))
    if pua > BAD_RATIO * n:
        return Quality(
            True, "private_use", f"{pua} of {n} characters are private-use code points", n
        )
    soup = sum(1 for c in text if _improbable(c))
    if soup > MOJIBAKE_RATIO * n:
        return Quality(
            True, "mojibake", f"{soup} of {n} characters are improbable for Japanese text", n
        )
    return Quality(False, None, "", n)


_CID_TEXT = re.compile(r"\(cid:\d+\)")


def _unmapped(c: str, char_flags: int) -> bool:
    if char_flags & (CHAR_UNICODE_IS_CID | CHAR_UNICODE_IS_GID):
        return True
    return c == "\ufffd" or c == "\x00"


def _private_use(c: str) -> bool:
    o = ord(c)
    return 0xE000 <= o <= 0xF8FF or o >= 0xF0000


@functools.lru_cache(maxsize=8192)
def _improbable(c: str) -> bool:
    """Characters a Japanese document hardly ever holds: controls, Latin-1 soup (Ã¥Â€),
    and anything outside JIS X 0208/0213 and Windows-31J after NFKC (the random
    scripts a wrong ToUnicode map produces). Kangxi radicals pass: NFKC maps them."""
    o = ord(c)
    if o < 0x20 or 0x7F <= o <= 0x9F:
        return True
    if o < 0x7F:
        return False
    if 0xA0 <= o <= 0x24F:
        return c not in "°±×÷§¶·¨´"
    if 0x2000 <= o <= 0x206F:  # general punctuation (— – ‐ “ ” …): common in any text
        return False
    norm = unicodedata.normalize("NFKC", c)
    return not any(_encodable(norm, enc) for enc in ("cp932", "euc_jis_2004"))


def _encodable(s: str, encoding: str) -> bool:
    try:
        s.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _image_cover(page: pymupdf.Page) -> float:
    """Fraction of the page covered by the largest image."""
    area = abs(page.rect) or 1.0
    best = 0.0
    for info in page.get_image_info():
        # Area only: image boxes are unrotated, page.rect is the displayed page.
        best = max(best, min(abs(pymupdf.Rect(info["bbox"])) / area, 1.0))
    return best


def _curve_count(page: pymupdf.Page) -> int:
    return sum(1 for path in page_paths(page) for item in path["items"] if item[0] == "c")
