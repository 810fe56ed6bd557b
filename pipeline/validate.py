"""Validation: re-check the record against the contract and add warnings for what is uncertain.

Never raises for content: a missing title or a checklist row without a mark becomes a
warning with a code and a page.

    validate_record(mapped).record.warnings[-1].code -> "section_without_title"
"""

from __future__ import annotations

from models.record import MappedSubmission, RecordWarning, SubmissionRecord

# OCR'd values below this confidence are flagged.
LOW_CONFIDENCE = 0.6


def validate_record(m: MappedSubmission) -> MappedSubmission:
    record = SubmissionRecord.model_validate(m.record.model_dump())
    found: list[RecordWarning] = []
    found += _cover_warnings(record)
    found += _section_warnings(record)
    found += _checklist_warnings(record)
    found += _confidence_warnings(m)
    warnings = list(record.warnings)
    for w in found:
        if w not in warnings:
            warnings.append(w)
    return m.model_copy(update={"record": record.model_copy(update={"warnings": warnings})})


def _first_page(record: SubmissionRecord) -> int | None:
    return record.source.pages[0] if record.source.pages else None


def _cover_warnings(r: SubmissionRecord) -> list[RecordWarning]:
    out = []
    fragment = any(w.code == "fragment" for w in r.warnings)
    if not fragment:
        page = _first_page(r)
        if r.title is None:
            out.append(
                RecordWarning(code="no_title", message="the cover has no readable 件名", page=page)
            )
        if r.council is None:
            out.append(
                RecordWarning(
                    code="no_council", message="no council named in the heading", page=page
                )
            )
        if r.basis.instrument is None:
            out.append(
                RecordWarning(
                    code="no_basis", message="no 要綱の根拠/条例の根拠 on the cover", page=page
                )
            )
    if not r.sections and not r.checklists and not r.record_items:
        out.append(
            RecordWarning(
                code="no_sections",
                message="no 別紙 sheet, checklist or 記録項目 found",
                page=_first_page(r),
            )
        )
    return out


def _section_warnings(r: SubmissionRecord) -> list[RecordWarning]:
    out = []
    for i, s in enumerate(r.sections):
        page = s.pages[0] if s.pages else None
        if not s.title:
            out.append(
                RecordWarning(
                    code="section_without_title",
                    message=f"sections[{i}] ({s.kind}) has no 件名",
                    page=page,
                )
            )
        if s.kind in ("外部結合", "業務委託", "再委託") and s.counterparty is None:
            out.append(
                RecordWarning(
                    code="section_without_counterparty",
                    message=f"sections[{i}] ({s.kind}) has no counterparty",
                    page=page,
                )
            )
        if not s.data_items and not s.data_items_ref:
            out.append(
                RecordWarning(
                    code="section_without_items",
                    message=f"sections[{i}] ({s.kind}) has no data items or reference",
                    page=page,
                )
            )
        if s.kind in ("外部結合", "業務委託", "再委託") and not s.periods:
            out.append(
                RecordWarning(
                    code="section_without_periods",
                    message=f"sections[{i}] ({s.kind}) has no readable period",
                    page=page,
                )
            )
    return out


def _checklist_warnings(r: SubmissionRecord) -> list[RecordWarning]:
    out = []
    for i, row in enumerate(r.checklists):
        if row.mark == "blank":
            out.append(
                RecordWarning(
                    code="checklist_blank_mark",
                    message=f"checklists[{i}] has no mark: 「{row.measure[:30]}」",
                    page=row.page,
                )
            )
    return out


def _confidence_warnings(m: MappedSubmission) -> list[RecordWarning]:
    out = []
    for p in m.provenance:
        if p.confidence is not None and p.confidence < LOW_CONFIDENCE:
            out.append(
                RecordWarning(
                    code="low_ocr_confidence",
                    message=f"{p.path} read by OCR with confidence {p.confidence:.2f}",
                    page=p.page,
                )
            )
    return out
