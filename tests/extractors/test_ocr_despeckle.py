"""Despeckling before OCR: only speckled (dithered) images, only isolated specks."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors.tesseract import despeckle

FONT = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"


def _text_image() -> np.ndarray:
    image = Image.new("L", (600, 90), 255)
    font = ImageFont.truetype(FONT, 42)
    ImageDraw.Draw(image).text((20, 20), "課税課の賦課事務", font=font, fill=0)
    return np.array(image)


def _dotted(image: np.ndarray, dots: int, seed: int = 1) -> np.ndarray:
    out = image.copy()
    rng = np.random.default_rng(seed)
    ys, xs = rng.integers(0, out.shape[0], dots), rng.integers(0, out.shape[1], dots)
    out[ys, xs] = 60
    return out


def test_speckled_background_is_cleaned_and_glyphs_kept():
    clean = _text_image()
    speckled = _dotted(clean, 500)  # ~300 dots per square inch at 300 dpi
    out = despeckle(speckled, 300)
    glyph = clean < 200
    far = ~glyph
    assert np.count_nonzero(out[far] < 200) < 0.2 * np.count_nonzero(speckled[far] < 200)
    assert np.array_equal(out[glyph], speckled[glyph])  # no glyph pixel touched


def test_clean_or_lightly_dotted_image_is_left_as_it_is():
    clean = _text_image()
    assert despeckle(clean, 300) is clean
    few = _dotted(clean, 10)  # dust, not a dithered background
    assert np.array_equal(despeckle(few, 300), few)
