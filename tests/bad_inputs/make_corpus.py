"""The bad-input corpus: hostile, broken, huge and wrong PDFs, written fresh into a folder.

    cases = write_corpus(tmp_path / "bad")      # -> list[Case], one file each
    python tests/bad_inputs/make_corpus.py OUT  # the same from the shell

Every case states its expected outcome (EXPECTED.md is the same table, checked by
tests/test_bad_inputs.py): `loaded` with the warning codes the record must carry, or
`quarantined` with its reason. Files are built from samples/good/ (a real 諮問・報告事項)
or by hand; nothing here is committed as binary.
"""

from __future__ import annotations

import re
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pymupdf

REPO = Path(__file__).resolve().parents[2]
GOOD = REPO / "samples" / "good" / "prior_004_kumin_iken_h25.pdf"  # 4 short pages, printed page numbers
IPAG = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"
PASSWORD = "fugi-secret"
BLANK_PAGES = 3000  # above ExtractSettings.max_pages (2000): refused before any page is read
BOMB_SIDE = 60000  # pixels per side of the declared image: 3.6 gigapixels
NEST_DEPTH = 100_000
# Where the active content of active_content.pdf points: a port nothing may connect to.
# The safety test listens there and asserts nobody came.
TRAP_HOST = "127.0.0.1"


@dataclass
class Case:
    name: str  # file name in the corpus folder
    what: str
    status: str  # loaded | quarantined
    reason: str | None = None  # quarantine reason
    warnings: tuple[str, ...] = ()  # warning codes the loaded record must carry
    build: Callable[[Path], None] = field(default=lambda p: None, repr=False)
    # With this password given (`fugi ingest --password`), the outcome becomes "loaded".
    password: str | None = None


# ------------------------------------------------------------------ builders


def _good_bytes() -> bytes:
    return GOOD.read_bytes()


def zero_byte(p: Path) -> None:
    p.write_bytes(b"")


def png_named_pdf(p: Path) -> None:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 20), False)
    pix.clear_with(200)
    p.write_bytes(pix.tobytes("png"))


def truncated(p: Path) -> None:
    data = _good_bytes()
    p.write_bytes(data[: len(data) * 3 // 5])


def user_password(p: Path) -> None:
    with pikepdf.open(GOOD) as pdf:
        pdf.save(p, encryption=pikepdf.Encryption(user=PASSWORD, owner=PASSWORD + "-owner", R=6))


def owner_password_only(p: Path) -> None:
    """Opens without a password; printing and copying 'forbidden' (common in city PDFs)."""
    perms = pikepdf.Permissions(extract=False, print_highres=False, print_lowres=False, modify_other=False)
    with pikepdf.open(GOOD) as pdf:
        pdf.save(p, encryption=pikepdf.Encryption(user="", owner=PASSWORD, R=6, allow=perms))


def broken_xref(p: Path) -> None:
    """A classic xref table whose offsets all point to the wrong bytes, and a wrong startxref."""
    doc = pymupdf.open(GOOD)
    data = doc.tobytes(garbage=0, use_objstms=0, no_new_id=1)
    data = re.sub(rb"(\d{10}) (\d{5}) n", lambda m: b"%010d %s n" % (int(m[1]) + 7, m[2]), data)
    data = re.sub(rb"startxref\s+\d+", b"startxref\n123", data)
    p.write_bytes(data)


def missing_page(p: Path) -> None:
    """The good sample with its third page (of four) dropped: printed numbers run 1, 2, 4."""
    doc = pymupdf.open(GOOD)
    doc.delete_page(2)
    doc.save(p, garbage=3)


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies (object i+1 = objects[i]) with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def decompression_bomb(p: Path) -> None:
    """One page covered by a 60000x60000 gray image whose Flate stream is a few KB."""
    pixels = zlib.compress(b"\x00" * (4 << 20), 9)  # 4 MiB of zeros; the rest is declared, not sent
    image = _stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode" % (BOMB_SIDE, BOMB_SIDE),
    )
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    p.write_bytes(
        raw_pdf([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
            image,
            _stream(content),
        ])
    )


def deeply_nested(p: Path) -> None:
    """A page whose resources hold an array nested 100 000 deep, and a content stream
    with 100 000 nested q (save state) operators."""
    nest = b"[" * NEST_DEPTH + b"]" * NEST_DEPTH
    content = b"q " * NEST_DEPTH + b"BT /F1 12 Tf 72 720 Td (Deeply nested) Tj ET " + b"Q " * NEST_DEPTH
    p.write_bytes(
        raw_pdf([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> "
            b"/Nest " + nest + b" >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(content),
        ])
    )


def blank_pages(p: Path) -> None:
    doc = pymupdf.open()
    for _ in range(BLANK_PAGES):
        doc.new_page()
    doc.save(p, garbage=1)


def english_report(p: Path) -> None:
    doc = pymupdf.open()
    for n in range(2):
        page = doc.new_page()
        page.insert_text((72, 80), f"Annual Report on Municipal Services - part {n + 1}", fontsize=16)
        body = (
            "This report summarises the services delivered in the fiscal year, the budget spent on "
            "each programme and the satisfaction surveys carried out among residents."
        )
        page.insert_textbox(pymupdf.Rect(72, 110, 523, 400), body * 4, fontsize=11)
        page.insert_text((290, 810), str(n + 1), fontsize=9)
    doc.save(p)


def spreadsheet_print(p: Path) -> None:
    """A printed Excel sheet: a ruled grid of budget figures under Japanese column heads."""
    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)
    page.insert_font(fontname="ipag", fontfile=IPAG)
    page.insert_text((60, 50), "令和6年度 一般会計予算 款別集計表", fontname="ipag", fontsize=14)
    heads = ["款", "項", "予算額（千円）", "前年度", "増減", "比率"]
    xs = [60 + 120 * i for i in range(len(heads) + 1)]
    ys = [70 + 22 * r for r in range(18)]
    for y in ys:
        page.draw_line((xs[0], y), (xs[-1], y), width=0.6)
    for x in xs:
        page.draw_line((x, ys[0]), (x, ys[-1]), width=0.6)
    for c, h in enumerate(heads):
        page.insert_text((xs[c] + 4, ys[0] + 15), h, fontname="ipag", fontsize=10)
    for r in range(1, len(ys) - 1):
        row = [f"第{r}款", f"{r}項", f"{r * 12345:,}", f"{r * 11111:,}", f"{r * 1234:+,}", f"{100 + r}.0%"]
        for c, v in enumerate(row):
            page.insert_text((xs[c] + 4, ys[r] + 15), v, fontname="ipag", fontsize=10)
    doc.subset_fonts()
    doc.save(p, garbage=3, deflate=True)


def active_content(p: Path, trap_port: int = 9) -> None:
    """The good sample carrying JavaScript (OpenAction and document-level), a Launch action,
    a URI link and an embedded file: none of it may run, be fetched or be written."""
    url = f"http://{TRAP_HOST}:{trap_port}/fugi-trap"
    doc = pymupdf.open(GOOD)
    doc.embfile_add("payload.sh", b"#!/bin/sh\ntouch /tmp/fugi-pwned\n", filename="payload.sh")
    page = doc[0]
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 72, 300, 90), "uri": url})
    page.add_file_annot(pymupdf.Point(500, 60), b"attached payload", "attached.txt")
    js = f"app.launchURL('{url}/js', true); this.exportDataObject({{cName: 'payload.sh', nLaunch: 2}});"
    js_xref = doc.get_new_xref()
    doc.update_object(js_xref, f"<< /S /JavaScript /JS ({js}) >>")
    cat = doc.pdf_catalog()
    doc.xref_set_key(cat, "OpenAction", f"{js_xref} 0 R")
    doc.xref_set_key(cat, "Names/JavaScript", f"<< /Names [(fugi) {js_xref} 0 R] >>")
    doc.xref_set_key(page.xref, "AA", f"<< /O << /S /Launch /F (payload.sh) /NewWindow true >> /C {js_xref} 0 R >>")
    doc.save(p)


CASES: list[Case] = [
    Case("zero_byte.pdf", "0 bytes", "quarantined", "empty_file", build=zero_byte),
    Case("png_named_pdf.pdf", "a PNG image with a .pdf name", "quarantined", "not_a_pdf", build=png_named_pdf),
    Case("truncated.pdf", "a good sample cut at 60 %", "quarantined", "truncated", build=truncated),
    Case("user_password.pdf", "a good sample behind a user password (AES-256)", "quarantined",
         "password_required", build=user_password, password=PASSWORD),
    Case("owner_password_only.pdf", "a good sample with an owner password only (no print/copy)", "loaded",
         warnings=("owner_password_only",), build=owner_password_only),
    Case("broken_xref.pdf", "a good sample whose xref offsets and startxref are all wrong", "loaded",
         warnings=("repaired",), build=broken_xref),
    Case("decompression_bomb.pdf", f"a page with a {BOMB_SIDE}x{BOMB_SIDE} image in a small Flate stream",
         "quarantined", "too_large", build=decompression_bomb),
    Case("deeply_nested.pdf", f"arrays nested {NEST_DEPTH} deep, {NEST_DEPTH} nested q operators",
         "quarantined", "no_text", build=deeply_nested),
    Case("blank_pages.pdf", f"{BLANK_PAGES} blank pages", "quarantined", "too_many_pages", build=blank_pages),
    Case("english_report.pdf", "a valid English report", "quarantined", "not_a_submission", build=english_report),
    Case("spreadsheet_print.pdf", "a printed budget spreadsheet (Japanese, ruled)", "quarantined",
         "not_a_submission", build=spreadsheet_print),
    Case("missing_page.pdf", "a good sample with page 3 of 4 dropped", "loaded",
         warnings=("page_number_gap",), build=missing_page),
    Case("active_content.pdf", "a good sample with JavaScript, a Launch action, a URI link, an embedded file",
         "loaded", build=active_content),
]


def write_corpus(out: Path, names: list[str] | None = None) -> list[Case]:
    """Write the cases (all, or those named) into `out`; returns them."""
    out.mkdir(parents=True, exist_ok=True)
    chosen = [c for c in CASES if names is None or c.name in names]
    for case in chosen:
        case.build(out / case.name)
    return chosen


def expected_table() -> str:
    """The markdown table of EXPECTED.md, generated from CASES."""
    lines = ["| file | what | expected | reason / warnings |", "|---|---|---|---|"]
    for c in CASES:
        detail = c.reason if c.status == "quarantined" else (", ".join(c.warnings) or "(none)")
        if c.password:
            detail += "; with `--password`: loaded"
        lines.append(f"| `{c.name}` | {c.what} | {c.status} | {detail} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py OUT_DIR")
    for c in write_corpus(Path(sys.argv[1])):
        print(f"{c.name}: {c.status} {c.reason or ','.join(c.warnings)}")
