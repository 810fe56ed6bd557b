"""Small PDFs built in the tests with PyMuPDF (IPA Gothic for Japanese text)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

IPAG = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"
A4 = (595, 842)


def new_page(doc: pymupdf.Document, width: float = A4[0], height: float = A4[1]) -> pymupdf.Page:
    page = doc.new_page(width=width, height=height)
    page.insert_font(fontname="ipag", fontfile=IPAG)
    return page


def text(page: pymupdf.Page, x: float, y: float, s: str, size: float = 10.5, **kw) -> None:
    """Text with its baseline at y."""
    page.insert_text((x, y), s, fontname=kw.pop("fontname", "ipag"), fontsize=size, **kw)


def grid(
    page: pymupdf.Page, xs: list[float], ys: list[float], skip_h=(), width: float = 0.75
) -> None:
    """Rules of a full grid; skip_h holds (row_edge_index, col_index) pieces to leave out
    (that is how a merged cell is drawn)."""
    for k, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if (k, c) not in skip_h:
                page.draw_line((xs[c], y), (xs[c + 1], y), width=width)
    for x in xs:
        page.draw_line((x, ys[0]), (x, ys[-1]), width=width)


def save(doc: pymupdf.Document, path: Path) -> Path:
    doc.save(path)
    return path


def remap_tounicode(path: Path, chars: str, mapping: dict[str, str]) -> Path:
    """Rewrite the IPA font's ToUnicode for `chars` so the glyphs of the characters in
    `mapping` read as other code points (how a PDF comes to carry Kangxi radicals or
    private-use text)."""
    import pikepdf

    font = pymupdf.Font(fontfile=IPAG)
    mapping = {c: mapping.get(c, c) for c in dict.fromkeys(chars)}
    entries = "\n".join(
        f"<{font.has_glyph(ord(src)):04x}> <{ord(dst):04x}>" for src, dst in mapping.items()
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo <</Registry(Adobe)/Ordering(UCS)/Supplement 0>> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(mapping)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for f in pdf.pages[0].Resources.Font.values():
            if "/ToUnicode" in f:
                f.ToUnicode = pikepdf.Stream(pdf, cmap.encode())
        pdf.save(path)
    return path
