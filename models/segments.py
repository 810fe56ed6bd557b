"""What segmentation found: submissions in a PDF and the regions inside each.

A region points back into the layout (page, text block or table rows) rather than
copying text, so the mapper reads spans, styles and boxes from the layout itself.

    SubmissionSegments(pages=[1, 9], council="個人情報保護管理運営会議",
                       item_kind="付議事項", regions=[Region(kind="cover", ...), ...])
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from models.layout import Problem
from models.record import SectionKind

RegionKind = Literal[
    "cover",  # heading, 件名, basis, 担当部課
    "overview",  # 事業の概要 table
    "sheet",  # one 別紙 sheet (電算処理 / 外部結合 / 業務委託 / 再委託)
    "record_items",  # 記録項目 list
    "checklist",  # 個人情報保護対策チェックリスト (one table, continued pages included)
    "flow",  # 個人情報の流れ diagram
    "notes",  # 特記事項 / 個人情報取扱注意事項 (kept, not mapped)
    "other",
]
ChecklistKind = Literal["電算処理", "外部結合", "業務委託"]


class BlockRef(BaseModel):
    """One text block or (a row range of) one table on a page."""

    page: int  # 1-based
    kind: Literal["text", "table"]
    index: int  # into Page.blocks or Page.tables
    # The part belonging to this region when a block or table is shared by two regions:
    # table rows [start, stop), or text-block lines [start, stop). None = the whole thing.
    start: int | None = None
    stop: int | None = None


class Region(BaseModel):
    kind: RegionKind
    refs: list[BlockRef] = Field(default_factory=list)
    pages: list[int] = Field(default_factory=list)  # [first, last]
    heading: str | None = None  # the heading line that opened the region, normalised
    section_kind: SectionKind | None = None  # for kind == "sheet"
    checklist_kind: ChecklistKind | None = None  # for kind == "checklist"


class SubmissionSegments(BaseModel):
    """One submission inside a PDF: its page range, heading facts and regions in order."""

    index: int = 0  # 0 for the first submission in the PDF, 1 for the second, …
    pages: list[int] = Field(default_factory=list)  # [first, last]
    council: str | None = None  # without the city name
    item_kind: str | None = None  # 付議事項 / 諮問・報告事項 / 諮問事項 / 報告事項
    heading_page: int | None = None
    fragment: bool = False  # no cover: a checklist or sheet alone
    regions: list[Region] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    # A packet's own pages before its first submission (次第, 議題一覧): no submission's
    # pages, read only for the meeting every submission of the packet went to.
    packet_refs: list[BlockRef] = Field(default_factory=list)

    def regions_of(self, kind: RegionKind) -> list[Region]:
        return [r for r in self.regions if r.kind == kind]
