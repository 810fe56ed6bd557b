"""Hand-built records and results for the store / search / flow tests (no tests here)."""

from __future__ import annotations

import hashlib

from models.record import (
    ChangeMark,
    ChecklistRow,
    Count,
    DataItem,
    FieldProvenance,
    MappedSubmission,
    Meeting,
    Overview,
    Party,
    Period,
    PriorApproval,
    RecordItem,
    RecordWarning,
    Section,
    Source,
    SubmissionRecord,
)
from models.results import DocumentResult


def sha_of(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def make_record(
    sha: str,
    n: int = 1,
    *,
    title: str = "5歳児健康診査の実施に伴う健康管理システムの改修等について",
    reason: str = "対象者の情報を一元管理し、迅速かつ正確な事務処理を行うため。",
    content: str = "健康管理システムの改修及び運用保守業務を委託する。",
    contractor: str = "株式会社両備システムズ",
    items: tuple[str, ...] = ("氏名", "生年月日", "住所", "メールアドレス"),
    file_name: str | None = None,
) -> SubmissionRecord:
    doc_id = sha if n == 1 else f"{sha}#{n}"
    return SubmissionRecord(
        document_id=doc_id,
        source=Source(
            file_name=file_name or f"{sha[:8]}.pdf",
            sha256=sha,
            page_count=12,
            text_source="text_layer",
            pages=[1, 12],
        ),
        meeting=Meeting(council="個人情報保護管理運営会議", fiscal_year=2025, session=3),
        council="個人情報保護管理運営会議",
        item_kind="付議事項",
        material_no="資料23",
        title=title,
        categories=["業務委託", "電算処理"],
        overview=Overview(
            business_name="乳幼児健康診査(5歳児健康診査)",
            divisions=["健康づくり課"],
            purpose="適切な支援に繋げることを目的とする。",
            counts=[Count(label="対象者数", value=900, approx=True, unit="人")],
        ),
        sections=[
            Section(
                kind="電算処理",
                title=title,
                data_items=[DataItem(name=i) for i in items],
                reason=reason,
                content="5歳児健康診査の管理機能の追加",
                pages=[3, 4],
                fields={"登録業務の名称": "乳幼児健康診査"},
            ),
            Section(
                kind="業務委託",
                title=title,
                data_items=[DataItem(name=items[0]), DataItem(name="電話番号", qualifier="任意")],
                reason="専門的な知識を有する事業者に委託するため。",
                content=content,
                counterparty=Party(name=contractor, certifications=["privacy_mark", "isms"]),
                periods=[Period(label="保守", start="2026-03-01", end="2027-03-31", planned=True)],
                pages=[5, 6],
            ),
        ],
        record_items=[RecordItem(group=["基本情報"], name="宛名番号")],
        checklists=[
            ChecklistRow(
                checklist="業務委託",
                party="counterparty",
                measure_type="operational",
                measure="個人情報の受渡しは記録を残す。",
                mark="applicable",
                page=8,
            ),
            ChecklistRow(
                checklist="電算処理",
                party="ward",
                measure_type="technical",
                measure="ウイルス対策ソフトを導入する。",
                mark="not_applicable",
                note="電子データのみの取扱いのため",
                page=9,
            ),
        ],
        prior_approvals=[
            PriorApproval(
                raw="令和5年度第9回新宿区個人情報保護管理運営会議", fiscal_year=2023, session=9
            )
        ],
        change_marks=[ChangeMark(section=1, field="counterparty", text=contractor, page=5)],
        references=["資料61-1"],
        warnings=[RecordWarning(code="test_warning", message="hand-built", page=2)],
    )


def make_result(name: str, n_records: int = 1, version: str = "0.1.0", **kw) -> DocumentResult:
    sha = sha_of(name)
    recs = [
        MappedSubmission(
            record=make_record(sha, i + 1, file_name=f"{name}.pdf", **kw),
            provenance=[
                FieldProvenance(path="title", page=1, x0=1, y0=2, x1=3, y1=4, engine="pymupdf")
            ],
        )
        for i in range(n_records)
    ]
    return DocumentResult(
        file=f"/archive/{name}.pdf",
        file_name=f"{name}.pdf",
        sha256=sha,
        size=1234,
        page_count=12,
        status="loaded",
        records=recs,
        seconds=0.5,
        fugi_version=version,
    )


def make_quarantined(
    name: str, reason: str = "truncated", version: str = "0.1.0"
) -> DocumentResult:
    return DocumentResult(
        file=f"/archive/{name}.pdf",
        file_name=f"{name}.pdf",
        sha256=sha_of(name),
        status="quarantined",
        reason=reason,
        error_class="InputError",
        message=f"{name}.pdf: the file is cut off",
        fugi_version=version,
    )
