"""Refuse to render a page whose images declare more pixels than it is safe to decode.

A decompression bomb is a few KB of Flate data declaring a 60000x60000 image: MuPDF
would allocate gigabytes to render it. The declared size is read from the image
dictionaries (nothing is decoded) and compared with Pillow's limit, which each worker
sets from its memory limit (flows/worker.py `limit_resources`).

    check_page_images(doc[0])   # raises InputError("too_large") for a bomb
"""

from __future__ import annotations

import pymupdf

from models.errors import InputError


def max_image_pixels() -> int:
    """The decoding limit in pixels: Pillow's guard (set per worker), else its default."""
    from PIL import Image

    return int(Image.MAX_IMAGE_PIXELS or 0) or 178_956_970


def check_page_images(page: pymupdf.Page, max_pixels: int | None = None, *, file: str | None = None) -> None:
    """Raise InputError("too_large") when an image on the page declares more than max_pixels."""
    limit = max_pixels or max_image_pixels()
    for info in page.get_image_info():
        w, h = int(info.get("width") or 0), int(info.get("height") or 0)
        if w * h > limit:
            raise InputError(
                "too_large",
                f"{file + ': ' if file else ''}page {page.number + 1} holds a {w}x{h} image "
                f"({w * h / 1e6:.0f} megapixels, above the limit of {limit / 1e6:.0f}); "
                "it is not decoded (a damaged file or a decompression bomb).",
                file=file,
                page=page.number + 1,
            )
