"""Segmentation: a DocumentLayout -> the submissions in it -> their regions.

A submission is recognised by positive evidence only: a heading naming a council
(…会議 / …審議会) with a kind word (付議事項 / 諮問・報告事項 / …) plus known labels;
without a heading, known sheet labels or a checklist heading make it a fragment.

    segs = segment_submissions(layout)
    [r.kind for r in segs[0].regions] -> ["cover", "overview", "sheet", "sheet", "checklist"]
"""

from __future__ import annotations

from models.errors import InputError
from models.layout import DocumentLayout, Problem
from models.segments import Region, SubmissionSegments
from pipeline.headings import (
    Heading,
    classify_unit,
    is_known_label_row,
    join_split_headings,
)
from pipeline.sheet_kind import sheet_kind
from pipeline.units import Unit, layout_units, refs_to_units, units_to_refs
from pipeline.wareki import canonical_council

# A submission needs at least this many known labels besides its heading.
MIN_LABELS = 2


def segment_submissions(layout: DocumentLayout) -> list[SubmissionSegments]:
    """Split the layout into submissions (a packet gives several) and classify their regions."""
    units = layout_units(layout)
    if not any(u.key for u in units):
        raise InputError(
            "no_text",
            f"{layout.file_name}: no readable text on any page; "
            "if it is a scan, check its quality and that OCR is on (--ocr auto).",
            file=layout.file_name,
        )
    tags = join_split_headings(units, [classify_unit(u) for u in units])
    starts = [i for i, t in enumerate(tags) if t.kind == "cover"]
    if not starts:
        if _evidence(units, tags, fragment=True) < MIN_LABELS and not any(
            t.kind == "checklist" for t in tags
        ):
            raise _not_a_submission(layout)
        seg = _build(layout, units, tags, index=0, fragment=True)
        seg.problems.append(
            Problem(
                code="fragment",
                message=f"{layout.file_name}: no cover heading; read as a fragment of a submission",
                page=seg.pages[0] if seg.pages else None,
            )
        )
        return [seg]
    groups = _groups(units, tags, starts)
    groups = [g for g in groups if _evidence(g[0], g[1]) >= MIN_LABELS] or []
    if not groups:
        raise _not_a_submission(layout)
    packet: list[Unit] = []
    if len(groups) > 1:
        packet, first = _packet_pages(*groups[0])
        groups[0] = first
    segs = [_build(layout, gu, gt, index=i, fragment=False) for i, (gu, gt) in enumerate(groups)]
    for seg in segs:
        seg.packet_refs = units_to_refs(packet)
    return segs


def _packet_pages(
    units: list[Unit], tags: list[Heading]
) -> tuple[list[Unit], tuple[list[Unit], list[Heading]]]:
    """A packet's pages before its first cover (次第, 議題一覧): whole pages of text lines
    only, no heading of a submission's part on them. They are split off the first
    submission (its pages start at its cover)."""
    cover_page = next((u.page for u, t in zip(units, tags, strict=True) if t.kind == "cover"), None)
    if cover_page is None or cover_page == units[0].page:
        return [], (units, tags)
    k = next(i for i, u in enumerate(units) if u.page == cover_page)
    if any(u.kind != "line" or t.kind != "none" for u, t in zip(units[:k], tags[:k], strict=True)):
        return [], (units, tags)
    return units[:k], (units[k:], tags[k:])


def _not_a_submission(layout: DocumentLayout) -> InputError:
    return InputError(
        "not_a_submission",
        f"{layout.file_name}: no 付議事項/諮問・報告事項 heading or known labels found; "
        "this does not look like a submission to a personal-information council. "
        "Check the file, or ingest it separately if it is a submission in an unknown layout.",
        file=layout.file_name,
    )


def _evidence(units: list[Unit], tags: list[Heading], *, fragment: bool = False) -> int:
    """How many units carry a known label (sheet or overview labels, checklist headings; 件名 too
    under a cover heading, but not for a fragment: every form has a 件名)."""
    kinds = ("overview", "checklist") if fragment else ("title", "overview", "checklist")
    n = 0
    for u, t in zip(units, tags, strict=True):
        if t.kind in kinds or is_known_label_row(u):
            n += 1
    return n


def _groups(
    units: list[Unit], tags: list[Heading], starts: list[int]
) -> list[tuple[list[Unit], list[Heading]]]:
    cuts = [_cut_before(units, s) for s in starts]
    cuts[0] = 0
    cuts.append(len(units))
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b > a:
            out.append((units[a:b], tags[a:b]))
    return out


def _cut_before(units: list[Unit], start: int) -> int:
    """Move a split up to the top of the heading's page when only text lines precede it there
    (資料 number, the meeting's name, a page number): a new submission starts on a new page."""
    page = units[start].page
    i = start
    while i > 0 and units[i - 1].page == page and units[i - 1].kind == "line":
        i -= 1
    return i


def _build(
    layout: DocumentLayout, units: list[Unit], tags: list[Heading], *, index: int, fragment: bool
) -> SubmissionSegments:
    regions = _regions(units, tags)
    seg = SubmissionSegments(index=index, fragment=fragment, pages=[units[0].page, units[-1].page])
    for u, t in zip(units, tags, strict=True):
        if t.kind == "cover" and seg.council is None:
            seg.council = canonical_council(t.council) if t.council else None
            seg.item_kind = t.item_kind
            seg.heading_page = u.page
    for r in regions:
        if r.kind == "sheet":
            kind, problem = sheet_kind(r, refs_to_units(layout, r.refs))
            r.section_kind = kind
            if problem:
                seg.problems.append(problem)
    seg.regions = regions
    return seg


class _Open:
    """A region being built."""

    def __init__(self, kind: str, heading: str | None = None, checklist_kind: str | None = None):
        self.kind = kind
        self.heading = heading
        self.checklist_kind = checklist_kind
        self.units: list[Unit] = []
        self.has_title = False
        self.has_rows = False

    def close(self) -> Region | None:
        if not self.units:
            return None
        return Region(
            kind=self.kind,  # type: ignore[arg-type]
            refs=units_to_refs(self.units),
            pages=[self.units[0].page, self.units[-1].page],
            heading=self.heading,
            checklist_kind=self.checklist_kind,  # type: ignore[arg-type]
        )


def _regions(units: list[Unit], tags: list[Heading]) -> list[Region]:
    regions: list[Region] = []
    cur = _Open("other")
    seen_cover_title = False
    for u, t in zip(units, tags, strict=True):
        new = _next_region(cur, u, t, seen_cover_title)
        if new is not None:
            closed = cur.close()
            if closed:
                regions.append(closed)
            cur = new
        if t.kind == "title":
            cur.has_title = True
            if cur.kind == "cover":
                seen_cover_title = True
        if u.kind == "row":
            cur.has_rows = True
        cur.units.append(u)
    closed = cur.close()
    if closed:
        regions.append(closed)
    return _fold_preamble(regions)


def _fold_preamble(regions: list[Region]) -> list[Region]:
    """Lines before the cover heading (資料 number, page number) belong to the cover."""
    if len(regions) > 1 and regions[0].kind == "other" and regions[1].kind == "cover":
        pre, cover = regions[0], regions[1]
        cover.refs = pre.refs + cover.refs
        cover.pages = [pre.pages[0], cover.pages[-1]]
        return regions[1:]
    return regions


def _next_region(cur: _Open, u: Unit, t: Heading, seen_cover_title: bool) -> _Open | None:
    """The region a unit opens, or None when it stays in the current one."""
    if t.kind == "cover":
        return _Open("cover", t.text)
    if t.kind == "overview" and cur.kind != "overview":
        return _Open("overview", t.text)
    if t.kind == "checklist":
        return _Open("checklist", t.text, t.checklist_kind)
    if t.kind in ("record_items", "flow", "notes"):
        return _Open(t.kind, t.text)
    if t.kind == "sheet_marker":
        if cur.kind == "sheet" and not cur.has_title:
            return None  # a second marker line (別紙… then ◇…) of the same sheet
        return _Open("sheet", t.text)
    if t.kind == "title":
        if cur.kind == "cover" and not seen_cover_title:
            return None  # the cover's own 件名
        if cur.kind == "other" and not cur.has_rows:
            return _Open("sheet", None)  # a fragment's first sheet
        if cur.kind == "sheet" and not cur.has_title:
            return None  # the 件名 of a sheet opened by its 別紙 marker
        return _Open("sheet", None)
    if cur.kind == "other" and u.kind == "row" and is_known_label_row(u):
        return _Open("sheet", None)
    return None
