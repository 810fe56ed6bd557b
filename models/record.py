"""The canonical submission record (../shared/SCHEMA.md, contract version 1).

Field names are the contract: `fugi export --format jsonl` writes exactly
``SubmissionRecord.model_dump(mode="json")``. A change here bumps SCHEMA_VERSION.
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Final = "1"

SectionKind = Literal["電算処理", "外部結合", "業務委託", "再委託"]
CATEGORY_ORDER: tuple[str, ...] = ("電算処理", "外部結合", "業務委託", "再委託")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Strict):
    file_name: str
    sha256: str
    page_count: int
    text_source: Literal["text_layer", "ocr", "mixed"]
    ocr_pages: list[int] = Field(default_factory=list)
    pages: list[int] = Field(default_factory=list)  # [first, last] of this submission


class Meeting(_Strict):
    council: str | None = None
    fiscal_year: int | None = None
    session: int | None = None
    date: str | None = None
    decision: str | None = None
    source: Literal["document", "metadata"] = "document"


class Provision(_Strict):
    article: str
    subject: str | None = None


class Basis(_Strict):
    instrument: Literal["要綱", "条例"] | None = None
    report: bool = False
    provisions: list[Provision] = Field(default_factory=list)


class Department(_Strict):
    raw: str | None = None
    bureau: str | None = None
    division: str | None = None


class Count(_Strict):
    label: str | None = None
    value: int | float
    approx: bool = False
    unit: str | None = None


class Overview(_Strict):
    business_name: str | None = None
    divisions: list[str] = Field(default_factory=list)
    purpose: str | None = None
    data_subjects: str | None = None
    description: str | None = None
    agenda: list[str] = Field(default_factory=list)
    counts: list[Count] = Field(default_factory=list)


class DataItem(_Strict):
    name: str
    qualifier: str | None = None


class Party(_Strict):
    name: str | None = None
    undecided: bool = False
    certifications: list[Literal["privacy_mark", "isms"]] = Field(default_factory=list)


class Period(_Strict):
    label: str | None = None
    start: str | None = None
    end: str | None = None
    approximate: bool = False
    planned: bool = False


class ScheduleEntry(_Strict):
    date: str | None = None
    milestone: str | None = None


class Protection(_Strict):
    ward: str | None = None
    contractor: str | None = None


class Section(_Strict):
    kind: SectionKind
    title: str | None = None
    holding_divisions: list[str] = Field(default_factory=list)
    registered_business: str | None = None
    data_subjects: str | None = None
    data_items: list[DataItem] = Field(default_factory=list)
    data_items_ref: str | None = None
    system: str | None = None
    reason: str | None = None
    content: str | None = None
    counterparty: Party | None = None
    prime_contractor: Party | None = None
    connection_method: str | None = None
    periods: list[Period] = Field(default_factory=list)
    recurring: bool = False
    schedule: list[ScheduleEntry] = Field(default_factory=list)
    protection: Protection = Field(default_factory=Protection)
    changed_fields: list[str] = Field(default_factory=list)
    fields: dict[str, str] = Field(default_factory=dict)
    pages: list[int] = Field(default_factory=list)


class RecordItem(_Strict):
    group: list[str] = Field(default_factory=list)
    name: str
    changed: bool = False


class ChecklistRow(_Strict):
    checklist: Literal["電算処理", "外部結合", "業務委託"]
    party: Literal["ward", "counterparty"]
    measure_type: Literal["operational", "technical"]
    measure: str
    measure_key: str | None = None
    mark: Literal["applicable", "not_applicable", "blank"]
    note: str | None = None
    page: int


class PriorApproval(_Strict):
    raw: str
    council: str | None = None
    fiscal_year: int | None = None
    session: int | None = None


class ChangeMark(_Strict):
    section: int | None = None
    field: str | None = None
    text: str
    page: int


class RecordWarning(_Strict):
    code: str
    message: str
    page: int | None = None


class SubmissionRecord(_Strict):
    schema_version: Literal["1"] = SCHEMA_VERSION
    document_id: str
    source: Source
    meeting: Meeting | None = None
    council: str | None = None
    item_kind: str | None = None
    material_no: str | None = None
    title: str | None = None
    basis: Basis = Field(default_factory=Basis)
    categories: list[str] = Field(default_factory=list)
    department: Department = Field(default_factory=Department)
    overview: Overview = Field(default_factory=Overview)
    sections: list[Section] = Field(default_factory=list)
    record_items: list[RecordItem] = Field(default_factory=list)
    checklists: list[ChecklistRow] = Field(default_factory=list)
    prior_approvals: list[PriorApproval] = Field(default_factory=list)
    change_marks: list[ChangeMark] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    warnings: list[RecordWarning] = Field(default_factory=list)


class FieldProvenance(_Strict):
    """Where one value came from: stored in DuckDB's `provenance` table."""

    path: str  # e.g. "sections[2].counterparty" or "checklists[14].mark"
    page: int | None = None
    x0: float | None = None
    y0: float | None = None
    x1: float | None = None
    y1: float | None = None
    extraction: Literal["text_layer", "ocr"] = "text_layer"
    engine: str | None = None
    confidence: float | None = None


class MappedSubmission(BaseModel):
    """What the mapper hands the store: the record plus where its values came from."""

    record: SubmissionRecord
    provenance: list[FieldProvenance] = Field(default_factory=list)
