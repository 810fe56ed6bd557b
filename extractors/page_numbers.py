"""Printed page numbers ("- 3 -", "3", "3/11", "P.3") in page margins, and the pages they
say are missing: numbering that jumps (1, 2, 4) or stops short of its printed total (3/5
on the last page).

    page_number_problems(layout.pages)  # [Problem(code="page_number_gap", page=3, …)]

A number counts only when it is alone on its line, outside every table, in the top or
bottom margin band of the page. A run of numbers restarting (a packet of documents, an
appendix numbered from 1) is not a gap.
"""

from __future__ import annotations

import re
import unicodedata

from models.layout import Page, Problem

# Share of the page height at the top and bottom where page numbers are printed.
MARGIN_BAND = 0.12
# A jump of more pages than this is not a gap but a number that is not a page number.
MAX_GAP = 20
_DASHES = "-‐‑‒–—―ー－─"
_NUMBER = re.compile(
    rf"^(?:[{_DASHES}]\s*)?(?:p\.?\s*|page\s*)?(\d{{1,4}})(?:\s*[{_DASHES}])?(?:\s*ページ)?$"
    rf"|^(\d{{1,4}})\s*/\s*(\d{{1,4}})$",
    re.IGNORECASE,
)


def printed_number(page: Page) -> tuple[int, int | None] | None:
    """(number, total or None) printed in the page's margin band, or None."""
    band = MARGIN_BAND * page.height
    found: list[tuple[float, int, int | None]] = []
    for block in page.blocks:
        for line in block.lines:
            b = line.bbox
            in_band = b.y1 >= page.height - band or b.y0 <= band
            if not in_band:
                continue
            text = unicodedata.normalize("NFKC", line.text).replace(" ", "").strip()
            m = _NUMBER.match(text)
            if m is None:
                continue
            if m.group(1):
                found.append((b.y0, int(m.group(1)), None))
            else:
                found.append((b.y0, int(m.group(2)), int(m.group(3))))
    if len(found) != 1:  # none, or ambiguous (a number in the header and another in the footer)
        return None
    _, number, total = found[0]
    return number, total


def page_number_problems(pages: list[Page]) -> list[Problem]:
    """A warning for each place where printed page numbers say pages are missing."""
    numbered = [(p.number, n) for p in pages if (n := printed_number(p)) is not None]
    out: list[Problem] = []
    for i in range(1, len(numbered)):
        (pdf_a, (num_a, _)), (pdf_b, (num_b, _)) = numbered[i - 1], numbered[i]
        skipped = (num_b - num_a) - (pdf_b - pdf_a)
        if num_b <= num_a or not 0 < skipped <= MAX_GAP:
            continue  # numbering restarts (a new document), runs on as it should, or is noise
        if i + 1 < len(numbered):  # the number after the jump must be confirmed by the next page
            pdf_c, (num_c, _) = numbered[i + 1]
            if num_c - num_b != pdf_c - pdf_b:
                continue
        out.append(_gap(pdf_b, num_a, num_b, skipped))
    if numbered:
        last_pdf, (last_num, total) = numbered[-1]
        if total is not None and last_num < total and last_pdf == pages[-1].number:
            out.append(
                Problem(
                    code="page_number_gap",
                    page=last_pdf,
                    message=f"the last page is printed {last_num}/{total}: "
                    f"{total - last_num} page(s) at the end seem to be missing",
                )
            )
    return out


def _gap(page: int, before: int, after: int, skipped: int) -> Problem:
    return Problem(
        code="page_number_gap",
        page=page,
        message=f"printed page numbers jump from {before} to {after}: "
        f"{skipped} page(s) seem to be missing before this page",
    )
