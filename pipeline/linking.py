"""Which prior approval does a submission amend? By its own reference, else by likeness.

    find_priors(new_record, every_other_record)
    -> [ApprovalLink(new_id=…, prior_id=…, method="meeting_reference", score=0.93, reference="令和5年度第9回…")]

1. Each `prior_approvals` entry (council, fiscal year, session) picks, among the documents whose
   `meeting` is that meeting, the one most like the submission (a meeting has many submissions).
2. A reference no stored document carries falls back to likeness over the documents whose
   meeting is unknown or not contradicting it: 登録業務の名称 / 事業名, 保有課, sheet kinds, title,
   担当課 (see `similarity`); the best one at or above FUZZY_MIN is linked, with its score.
A submission with no prior approval and no change mark amends nothing and gets no link.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from models.changes import ApprovalLink
from models.record import Meeting, PriorApproval, SubmissionRecord
from pipeline.diff import comparable

FUZZY_MIN = 0.6  # likeness needed to link without a meeting
MEETING_MIN = 0.3  # likeness needed to pick a document from the referenced meeting
WEIGHTS = {"business": 0.4, "divisions": 0.2, "kinds": 0.1, "title": 0.15, "department": 0.15}


def meeting_matches(ref: PriorApproval, meeting: Meeting | None) -> bool:
    """The reference names this meeting: same fiscal year and session, same council when both say."""
    if meeting is None or ref.fiscal_year is None or ref.session is None:
        return False
    if (ref.fiscal_year, ref.session) != (meeting.fiscal_year, meeting.session):
        return False
    if ref.council and meeting.council:
        return comparable(ref.council) == comparable(meeting.council)
    return True


def _contradicts(ref: PriorApproval, meeting: Meeting | None) -> bool:
    known = meeting is not None and meeting.fiscal_year is not None and meeting.session is not None
    return known and not meeting_matches(ref, meeting)


def _businesses(rec: SubmissionRecord) -> set[str]:
    names = {s.registered_business for s in rec.sections} | {rec.overview.business_name}
    return {comparable(n) for n in names if n}


def _divisions(rec: SubmissionRecord) -> set[str]:
    divs = {d for s in rec.sections for d in s.holding_divisions} | set(rec.overview.divisions)
    return {comparable(d) for d in divs if d}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _ratio(a: str | None, b: str | None) -> float:
    return fuzz.ratio(comparable(a), comparable(b)) / 100.0 if a and b else 0.0


def similarity(new: SubmissionRecord, prior: SubmissionRecord) -> float:
    """0..1, weighted (WEIGHTS): best 登録業務/事業名 match, 保有課 overlap, sheet kinds overlap,
    title likeness, same 担当課."""
    business = max(
        (_ratio(a, b) for a in _businesses(new) for b in _businesses(prior)), default=0.0
    )
    parts = {
        "business": business,
        "divisions": _jaccard(_divisions(new), _divisions(prior)),
        "kinds": _jaccard({s.kind for s in new.sections}, {s.kind for s in prior.sections}),
        "title": _ratio(new.title, prior.title),
        "department": float(
            bool(new.department.raw)
            and comparable(new.department.raw) == comparable(prior.department.raw)
        ),
    }
    return round(sum(WEIGHTS[k] * v for k, v in parts.items()), 4)


def _distinct_refs(refs: Iterable[PriorApproval]) -> list[PriorApproval]:
    seen: set[tuple] = set()
    out = []
    for r in refs:
        key = (comparable(r.council or ""), r.fiscal_year, r.session)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _best(
    new: SubmissionRecord, pool: list[SubmissionRecord], floor: float
) -> tuple[SubmissionRecord, float] | None:
    scored = sorted(
        ((similarity(new, p), p.document_id, p) for p in pool), key=lambda t: (-t[0], t[1])
    )
    if not scored or scored[0][0] < floor:
        return None
    return scored[0][2], scored[0][0]


def find_priors(
    new: SubmissionRecord, candidates: Iterable[SubmissionRecord]
) -> list[ApprovalLink]:
    """The prior approvals `new` amends, one link per distinct reference (or one fuzzy link)."""
    pool = [c for c in candidates if c.document_id != new.document_id]
    refs = _distinct_refs(new.prior_approvals)
    if not refs and not new.change_marks:
        return []
    links: dict[str, ApprovalLink] = {}
    unresolved: list[PriorApproval] = []
    for ref in refs:
        hit = _best(new, [c for c in pool if meeting_matches(ref, c.meeting)], MEETING_MIN)
        if hit is None:
            unresolved.append(ref)
            continue
        prior, score = hit
        links.setdefault(
            prior.document_id,
            ApprovalLink(
                new_id=new.document_id,
                prior_id=prior.document_id,
                method="meeting_reference",
                score=score,
                reference=ref.raw,
            ),
        )
    if unresolved or not refs:
        eligible = [
            c
            for c in pool
            if c.document_id not in links
            and not any(_contradicts(r, c.meeting) for r in unresolved)
            and not any(meeting_matches(r, new.meeting) for r in c.prior_approvals)  # amends `new`
        ]
        hit = _best(new, eligible, FUZZY_MIN)
        if hit is not None:
            prior, score = hit
            ref_raw = unresolved[0].raw if unresolved else None
            links[prior.document_id] = ApprovalLink(
                new_id=new.document_id,
                prior_id=prior.document_id,
                method="fuzzy",
                score=score,
                reference=ref_raw,
            )
    return list(links.values())
