"""What every mapping step shares: the layout, the segments, provenance and warnings collected so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.layout import BBox, Cell, DocumentLayout, Page
from models.record import FieldProvenance, RecordWarning
from models.segments import Region, SubmissionSegments
from pipeline.change_marks import MarkStyle
from pipeline.pairs import Pair
from pipeline.units import Unit, refs_to_units


@dataclass
class MapContext:
    layout: DocumentLayout
    seg: SubmissionSegments
    style: MarkStyle = field(default_factory=MarkStyle)
    provenance: list[FieldProvenance] = field(default_factory=list)
    warnings: list[RecordWarning] = field(default_factory=list)
    _pages: dict[int, Page] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._pages = {p.number: p for p in self.layout.pages}

    def units(self, region: Region) -> list[Unit]:
        return refs_to_units(self.layout, region.refs)

    def warn(self, code: str, message: str, page: int | None = None) -> None:
        w = RecordWarning(code=code, message=message, page=page)
        if w not in self.warnings:
            self.warnings.append(w)

    def prov(
        self, path: str, page: int | None, bbox: BBox | None = None, confidence: float | None = None
    ) -> None:
        p = self._pages.get(page) if page is not None else None
        self.provenance.append(
            FieldProvenance(
                path=path,
                page=page,
                x0=bbox.x0 if bbox else None,
                y0=bbox.y0 if bbox else None,
                x1=bbox.x1 if bbox else None,
                y1=bbox.y1 if bbox else None,
                extraction=p.source if p else "text_layer",
                engine=p.ocr_engine if p else None,
                confidence=confidence,
            )
        )

    def prov_cell(self, path: str, page: int, cell: Cell) -> None:
        confs = [s.confidence for ln in cell.lines for s in ln.spans if s.confidence is not None]
        self.prov(path, page, cell.bbox, min(confs) if confs else None)

    def prov_pair(self, path: str, pair: Pair) -> None:
        vb = pair.value_bbox
        if vb is None:
            self.prov(path, pair.page, pair.label_bbox)
        else:
            self.prov(path, vb[0], vb[1], pair.confidence)
