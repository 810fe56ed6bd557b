"""Flatten one SubmissionRecord into rows for fugi's DuckDB tables (no I/O).

rows = record_rows(mapped, file_sha256="ab…")
rows["sections"][0]["kind"]   # "電算処理"
"""

from __future__ import annotations

import json
from typing import Any

from models.record import MappedSubmission, Party, Section, SubmissionRecord

Row = dict[str, Any]
# Tables whose rows belong to one submission (deleted and reinserted together).
CHILD_TABLES = (
    "counts",
    "sections",
    "data_items",
    "parties",
    "periods",
    "schedule",
    "checklist_items",
    "record_items",
    "change_marks",
    "prior_approvals",
    "warnings",
    "provenance",
)


def record_rows(mapped: MappedSubmission, file_sha256: str) -> dict[str, list[Row]]:
    """Rows per table for one mapped submission (the submissions row itself excluded)."""
    rec = mapped.record
    key = {"document_id": rec.document_id, "file_sha256": file_sha256}
    rows: dict[str, list[Row]] = {t: [] for t in CHILD_TABLES}
    for i, n in enumerate(rec.overview.counts):
        rows["counts"].append({**key, "count_no": i, **n.model_dump()})
    for i, sec in enumerate(rec.sections):
        _section_rows(rows, key, i, sec)
    for i, c in enumerate(rec.checklists):
        rows["checklist_items"].append({**key, "row_no": i, **c.model_dump()})
    for i, it in enumerate(rec.record_items):
        rows["record_items"].append(
            {**key, "item_no": i, "group_path": it.group, "name": it.name, "changed": it.changed}
        )
    for i, m in enumerate(rec.change_marks):
        rows["change_marks"].append(
            {
                **key,
                "mark_no": i,
                "section_no": m.section,
                "field": m.field,
                "text": m.text,
                "page": m.page,
            }
        )
    for i, a in enumerate(rec.prior_approvals):
        rows["prior_approvals"].append({**key, "approval_no": i, **a.model_dump()})
    for i, w in enumerate(rec.warnings):
        rows["warnings"].append({**key, "warning_no": i, **w.model_dump()})
    for p in mapped.provenance:
        rows["provenance"].append({**key, **p.model_dump()})
    return rows


def _section_rows(rows: dict[str, list[Row]], key: Row, i: int, sec: Section) -> None:
    sk = {**key, "section_no": i}
    rows["sections"].append(
        {
            **sk,
            "kind": sec.kind,
            "title": sec.title,
            "holding_divisions": sec.holding_divisions,
            "registered_business": sec.registered_business,
            "data_subjects": sec.data_subjects,
            "data_items_ref": sec.data_items_ref,
            "system": sec.system,
            "reason": sec.reason,
            "content": sec.content,
            "connection_method": sec.connection_method,
            "recurring": sec.recurring,
            "protection_ward": sec.protection.ward,
            "protection_contractor": sec.protection.contractor,
            "changed_fields": sec.changed_fields,
            "fields": json.dumps(sec.fields, ensure_ascii=False),
            "page_first": min(sec.pages) if sec.pages else None,
            "page_last": max(sec.pages) if sec.pages else None,
        }
    )
    for j, d in enumerate(sec.data_items):
        rows["data_items"].append(
            {
                **sk,
                "item_no": j,
                "section_kind": sec.kind,
                "name": d.name,
                "qualifier": d.qualifier,
                "name_key": item_key(d.name),
            }
        )
    for role, party in (
        ("counterparty", sec.counterparty),
        ("prime_contractor", sec.prime_contractor),
    ):
        if party is not None:
            rows["parties"].append(_party_row(sk, sec.kind, role, party))
    for j, p in enumerate(sec.periods):
        rows["periods"].append(
            {
                **sk,
                "period_no": j,
                "label": p.label,
                "start_date": p.start,
                "end_date": p.end,
                "approximate": p.approximate,
                "planned": p.planned,
            }
        )
    for j, e in enumerate(sec.schedule):
        rows["schedule"].append({**sk, "entry_no": j, "date": e.date, "milestone": e.milestone})


def item_key(name: str) -> str:
    """A data item's grouping key: Sudachi normalized forms (メール・アドレス -> メールアドレス)."""
    from pipeline.tokenize import normalized_key  # loads Sudachi on first use

    return normalized_key(name) or name.strip().lower()


def _party_row(sk: Row, kind: str, role: str, party: Party) -> Row:
    return {
        **sk,
        "section_kind": kind,
        "role": role,
        "name": party.name,
        "undecided": party.undecided,
        "certifications": list(party.certifications),
        "privacy_mark": "privacy_mark" in party.certifications,
        "isms": "isms" in party.certifications,
    }


def submission_row(rec: SubmissionRecord, file_sha256: str, seq: int) -> Row:
    """The submissions row: scalar fields side by side plus the whole record as JSON."""
    m = rec.meeting
    pages = rec.source.pages
    return {
        "document_id": rec.document_id,
        "file_sha256": file_sha256,
        "seq": seq,
        "schema_version": rec.schema_version,
        "file_name": rec.source.file_name,
        "page_count": rec.source.page_count,
        "text_source": rec.source.text_source,
        "ocr_pages": rec.source.ocr_pages,
        "page_first": min(pages) if pages else None,
        "page_last": max(pages) if pages else None,
        "council": rec.council,
        "item_kind": rec.item_kind,
        "material_no": rec.material_no,
        "title": rec.title,
        "basis_instrument": rec.basis.instrument,
        "basis_report": rec.basis.report,
        "provisions": [p.article for p in rec.basis.provisions],
        "categories": rec.categories,
        "department_raw": rec.department.raw,
        "bureau": rec.department.bureau,
        "division": rec.department.division,
        "business_name": rec.overview.business_name,
        "divisions": rec.overview.divisions,
        "purpose": rec.overview.purpose,
        "data_subjects": rec.overview.data_subjects,
        "description": rec.overview.description,
        "agenda": rec.overview.agenda,
        "references": rec.references,
        "meeting_council": m.council if m else None,
        "meeting_fiscal_year": m.fiscal_year if m else None,
        "meeting_session": m.session if m else None,
        "meeting_date": m.date if m else None,
        "meeting_decision": m.decision if m else None,
        "meeting_source": m.source if m else None,
        "n_sections": len(rec.sections),
        "n_warnings": len(rec.warnings),
        "record": rec.model_dump_json(),
    }
