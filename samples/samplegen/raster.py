"""Scanned look-alikes: rasterise born-digital pages, tilt, speckle and blur them.

Every random choice comes from a seeded generator, so the same bytes come out on
every run. Scanned pages carry no text layer: each is one image on an A4 page.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image, ImageFilter


def scan_image(page: pymupdf.Page, dpi: int, seed: int, angle: float, fax: bool = False) -> bytes:
    """Return the encoded image (JPEG, or 1-bit PNG for a fax) of one page as a scanner would."""
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    rng = np.random.default_rng(seed)
    arr = np.asarray(img).astype(np.float32)
    arr = arr * 0.93 + 8  # paper is never white, ink never black
    arr += rng.normal(0.0, 3.0, arr.shape)
    n = int(arr.size * (0.0006 if fax else 0.0003))
    ys, xs = rng.integers(0, arr.shape[0], n), rng.integers(0, arr.shape[1], n)
    arr[ys, xs] = rng.uniform(0, 110, n)  # speckles
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(0.6 if not fax else 0.4))
    buf = io.BytesIO()
    if fax:
        img.point(lambda v: 255 if v > 150 else 0).convert("1").save(buf, format="PNG", optimize=False)
    else:
        img.save(buf, format="JPEG", quality=50, optimize=False, progressive=False)
    return buf.getvalue()


def _angle(rng: np.random.Generator, lo: float, hi: float) -> float:
    return float(rng.choice([-1, 1]) * rng.uniform(lo, hi))


def write_scanned(src: Path, dst: Path, dpi: int, seed: int, pages: set[int] | None = None,
                  fax: bool = False) -> list[int]:
    """Copy src to dst with the given 1-based pages (all when None) replaced by scans.

    Returns the list of image-only pages.
    """
    rng = np.random.default_rng(seed)
    out = pymupdf.open()
    image_pages = []
    with pymupdf.open(src) as doc:
        for i, page in enumerate(doc, start=1):
            if pages is not None and i not in pages:
                out.insert_pdf(doc, from_page=i - 1, to_page=i - 1)
                continue
            angle = _angle(rng, 1.2, 1.8) if fax else _angle(rng, 0.3, 1.2)
            data = scan_image(page, dpi, seed * 1000 + i, angle, fax)
            new = out.new_page(width=page.rect.width, height=page.rect.height)
            new.insert_image(new.rect, stream=data)
            image_pages.append(i)
    out.set_metadata({"producer": "fugi samples scanner", "creator": "", "title": ""})
    dst.parent.mkdir(parents=True, exist_ok=True)
    out.save(dst, garbage=3, deflate=True, no_new_id=True)
    out.close()
    return image_pages
