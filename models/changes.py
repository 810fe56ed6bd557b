"""What a submission changes from its prior approval: links, field changes, reconciliation.

    FieldChange(section_kind="業務委託", field="periods", old=[…], new=[…], change_type="modified")
    ApprovalLink(new_id="5c5d…", prior_id="c494…", method="meeting_reference", score=0.93)

Produced by pipeline/linking.py, pipeline/diff.py and pipeline/reconcile.py (docs/CHANGES.md).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ChangeType = Literal["added", "removed", "modified"]
LinkMethod = Literal["meeting_reference", "fuzzy", "manual"]
ReconcileStatus = Literal[
    "declared_and_changed", "changed_not_marked", "marked_unchanged", "not_reconciled"
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FieldChange(_Strict):
    """One difference between a prior approval and the submission that amends it.

    `section_kind` is the sheet kind (電算処理 …) for sheet fields and checklists, or
    `cover` / `overview` / `record_items`; `old` / `new` are the contract's values
    (SCHEMA.md), null on the side where the value is absent; `item` names the element of
    a list field (a data item, a checklist measure) when the change is about one element.
    """

    section_kind: str
    field: str
    old: Any = None
    new: Any = None
    change_type: ChangeType
    item: str | None = None
    old_section: int | None = None  # index into the prior's sections
    new_section: int | None = None  # index into the new record's sections
    old_path: str | None = None  # provenance path in the prior, e.g. "sections[2].periods"
    new_path: str | None = None


class ApprovalLink(_Strict):
    """The submission `new_id` amends the approved submission `prior_id`."""

    new_id: str
    prior_id: str
    method: LinkMethod
    score: float
    reference: str | None = None  # the prior-approval wording the link came from


class ReconcileEntry(_Strict):
    """One line of the reconciliation of declared change marks with the computed diff."""

    status: ReconcileStatus
    section_kind: str
    field: str | None
    section: int | None = None  # index into the new record's sections
    item: str | None = None
    marks: list[str] = Field(default_factory=list)  # texts of the marks that declare it
    changes: int = 0  # how many FieldChange rows it covers
    reason: str | None = None  # why, for marked_unchanged / not_reconciled


class Reconciliation(_Strict):
    """declared-and-changed, changed-but-not-marked, marked-but-unchanged (and what is exempt)."""

    entries: list[ReconcileEntry] = Field(default_factory=list)

    def by_status(self, status: ReconcileStatus) -> list[ReconcileEntry]:
        return [e for e in self.entries if e.status == status]
