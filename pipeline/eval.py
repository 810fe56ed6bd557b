"""Score predicted submission records against golden ones: per-field precision / recall / F1.

Each record is flattened into *facts* per field path (``"title"``, ``"sections.data_items"``,
``"checklists.mark"`` …); a fact is a hashable tuple and both sides are compared as
multisets, so a missing data item lowers the recall of ``sections.data_items`` only.

    scores = score_records(predicted, golden)      # lists of SubmissionRecord dicts
    scores.fields["sections.data_items"].recall    # 0.93
    scores.micro.f1                                # all facts of all fields pooled

Strings are compared after NFKC with every whitespace removed (layout spaces are not a
disagreement about the document). ``warnings`` and ``schema_version`` are not scored.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from rapidfuzz import fuzz

Fact = tuple
Facts = dict[str, Counter]

_WS = re.compile(r"\s+")
_DASHES = str.maketrans({"〜": "~", "～": "~"})


class FieldScore(BaseModel):
    """Counts and ratios for one field path (or the micro-average over all of them)."""

    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        """How many golden facts the field has."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def as_row(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


class Scores(BaseModel):
    """The result of `score_records`: one FieldScore per field path plus their micro-average."""

    fields: dict[str, FieldScore] = Field(default_factory=dict)
    micro: FieldScore = Field(default_factory=lambda: FieldScore(field="micro"))
    matched: list[str] = Field(default_factory=list)  # document_ids present on both sides
    missing: list[str] = Field(default_factory=list)  # golden documents nothing was predicted for
    unexpected: list[str] = Field(default_factory=list)  # predicted documents without a golden

    def as_dict(self) -> dict[str, Any]:
        return {
            "fields": [self.fields[k].as_row() for k in sorted(self.fields)],
            "micro": self.micro.as_row(),
            "matched": self.matched,
            "missing": self.missing,
            "unexpected": self.unexpected,
        }


def _ratio(num: int, den: int) -> float:
    # Nothing predicted and nothing expected is a perfect score, not a division by zero.
    return 1.0 if den == 0 else num / den


def norm_text(value: Any) -> Any:
    """Comparison form of a string: NFKC, whitespace removed (``"株式会社 ＪＴＢ" -> "株式会社JTB"``)."""
    if not isinstance(value, str):
        return value
    return _WS.sub("", unicodedata.normalize("NFKC", value)).translate(_DASHES)


# --- flattening -------------------------------------------------------------------------

_SCALARS = ("council", "item_kind", "material_no", "title")
_SOURCE = ("page_count", "text_source")
_MEETING = ("council", "fiscal_year", "session", "date", "decision")
_OVERVIEW_SCALARS = ("business_name", "purpose", "data_subjects", "description")
_SECTION_SCALARS = (
    "title",
    "registered_business",
    "data_subjects",
    "data_items_ref",
    "system",
    "reason",
    "content",
    "connection_method",
)


def _add(facts: Facts, path: str, *items: Fact) -> None:
    counter = facts.setdefault(path, Counter())
    counter.update(items)


def _scalar(facts: Facts, path: str, value: Any, key: Fact = ()) -> None:
    """A present value is one fact; an absent one (None / "") is no fact at all."""
    if value is None or value == "":
        facts.setdefault(path, Counter())
        return
    _add(facts, path, key + (norm_text(value),))


def _many(facts: Facts, path: str, values: Iterable[Any], key: Fact = ()) -> None:
    facts.setdefault(path, Counter())
    _add(facts, path, *(key + (norm_text(v),) for v in values if v not in (None, "")))


def _flatten_header(rec: Mapping[str, Any], facts: Facts) -> None:
    for name in _SCALARS:
        _scalar(facts, name, rec.get(name))
    source = rec.get("source") or {}
    for name in _SOURCE:
        _scalar(facts, f"source.{name}", source.get(name))
    _many(facts, "source.ocr_pages", source.get("ocr_pages") or [])
    _many(facts, "source.pages", source.get("pages") or [])
    meeting = rec.get("meeting") or {}
    for name in _MEETING:
        _scalar(facts, f"meeting.{name}", meeting.get(name))
    basis = rec.get("basis") or {}
    _scalar(facts, "basis.instrument", basis.get("instrument"))
    _scalar(facts, "basis.report", bool(basis.get("report")))
    provisions = basis.get("provisions") or []
    _add(facts, "basis.provisions")
    _add(facts, "basis.provisions", *((norm_text(p.get("article")), norm_text(p.get("subject"))) for p in provisions))
    _many(facts, "categories", rec.get("categories") or [])
    dept = rec.get("department") or {}
    for name in ("raw", "bureau", "division"):
        _scalar(facts, f"department.{name}", dept.get(name))
    _many(facts, "references", set(rec.get("references") or []))


def _flatten_overview(ov: Mapping[str, Any], facts: Facts) -> None:
    for name in _OVERVIEW_SCALARS:
        _scalar(facts, f"overview.{name}", ov.get(name))
    _many(facts, "overview.divisions", ov.get("divisions") or [])
    _many(facts, "overview.agenda", ov.get("agenda") or [])
    _add(facts, "overview.counts")
    _add(
        facts,
        "overview.counts",
        *(
            (norm_text(c.get("label")), c.get("value"), bool(c.get("approx")), norm_text(c.get("unit")))
            for c in ov.get("counts") or []
        ),
    )


def section_keys(sections: list[Mapping[str, Any]]) -> list[tuple[Any, int]]:
    """Alignment key of each section: (kind, n-th sheet of that kind) -> ``[("電算処理", 0), …]``."""
    seen: Counter = Counter()
    keys = []
    for s in sections:
        kind = s.get("kind")
        keys.append((kind, seen[kind]))
        seen[kind] += 1
    return keys


def _party(facts: Facts, path: str, party: Mapping[str, Any] | None, key: Fact) -> None:
    if not party:
        for sub in ("name", "undecided", "certifications"):
            facts.setdefault(f"{path}.{sub}", Counter())
        return
    _scalar(facts, f"{path}.name", party.get("name"), key)
    _scalar(facts, f"{path}.undecided", bool(party.get("undecided")), key)
    _many(facts, f"{path}.certifications", set(party.get("certifications") or []), key)


def _flatten_section(s: Mapping[str, Any], key: Fact, facts: Facts) -> None:
    p = "sections"
    _add(facts, f"{p}.kind", key)
    for name in _SECTION_SCALARS:
        _scalar(facts, f"{p}.{name}", s.get(name), key)
    _many(facts, f"{p}.holding_divisions", s.get("holding_divisions") or [], key)
    items = {(norm_text(d.get("name")), norm_text(d.get("qualifier"))) for d in s.get("data_items") or []}
    _add(facts, f"{p}.data_items", *(key + item for item in items))
    _party(facts, f"{p}.counterparty", s.get("counterparty"), key)
    _party(facts, f"{p}.prime_contractor", s.get("prime_contractor"), key)
    periods = [
        (norm_text(x.get("label")), x.get("start"), x.get("end"), bool(x.get("approximate")), bool(x.get("planned")))
        for x in s.get("periods") or []
    ]
    _add(facts, f"{p}.periods", *(key + x for x in periods))
    _scalar(facts, f"{p}.recurring", bool(s.get("recurring")), key)
    sched = [(x.get("date"), norm_text(x.get("milestone"))) for x in s.get("schedule") or []]
    _add(facts, f"{p}.schedule", *(key + x for x in sched))
    protection = s.get("protection") or {}
    _scalar(facts, f"{p}.protection.ward", protection.get("ward"), key)
    _scalar(facts, f"{p}.protection.contractor", protection.get("contractor"), key)
    _many(facts, f"{p}.changed_fields", set(s.get("changed_fields") or []), key)
    fields = s.get("fields") or {}
    _add(facts, f"{p}.fields", *(key + (norm_text(k), norm_text(v)) for k, v in fields.items()))
    _many(facts, f"{p}.pages", s.get("pages") or [], key)


def checklist_keys(rows: list[Mapping[str, Any]]) -> list[tuple]:
    """Alignment key of each row: (checklist, party, measure_type, measure, n-th duplicate)."""
    seen: Counter = Counter()
    keys = []
    for r in rows:
        base = (r.get("checklist"), r.get("party"), r.get("measure_type"), norm_text(r.get("measure")))
        keys.append(base + (seen[base],))
        seen[base] += 1
    return keys


def align_checklists(pred: list[Mapping[str, Any]], gold: list[Mapping[str, Any]], threshold: float = 0.9) -> list[tuple]:
    """The key each predicted row is scored under: its golden row's key when the measure text
    is the same, or (same checklist, party and type) at least `threshold` similar — an OCR
    slip in the measure then costs ``checklists.row`` but not the row's mark, note and page."""
    pk, gk = checklist_keys(pred), checklist_keys(gold)
    gold_keys = set(gk)
    out = [k if k in gold_keys else None for k in pk]
    used = {k for k in out if k is not None}
    candidates = []
    for i, k in enumerate(pk):
        if out[i] is not None:
            continue
        for g in gk:
            if g not in used and g[:3] == k[:3]:
                score = fuzz.ratio(k[3] or "", g[3] or "") / 100
                if score >= threshold:
                    candidates.append((-score, i, g))
    for _, i, g in sorted(candidates, key=lambda c: (c[0], c[1])):
        if out[i] is None and g not in used:
            out[i] = g
            used.add(g)
    return [o if o is not None else k for o, k in zip(out, pk, strict=True)]


def _flatten_checklists(rows: list[Mapping[str, Any]], facts: Facts, keys: list[tuple] | None = None) -> None:
    for name in ("row", "mark", "note", "measure_key", "page"):
        facts.setdefault(f"checklists.{name}", Counter())
    own = checklist_keys(rows)
    for exact, key, r in zip(own, keys or own, rows, strict=True):
        _add(facts, "checklists.row", exact)
        _scalar(facts, "checklists.mark", r.get("mark"), key)
        _scalar(facts, "checklists.note", r.get("note"), key)
        _scalar(facts, "checklists.measure_key", r.get("measure_key"), key)
        _scalar(facts, "checklists.page", r.get("page"), key)


def _flatten_lists(rec: Mapping[str, Any], facts: Facts) -> None:
    items = {
        (tuple(norm_text(g) for g in it.get("group") or []), norm_text(it.get("name")), bool(it.get("changed")))
        for it in rec.get("record_items") or []
    }
    _add(facts, "record_items")
    _add(facts, "record_items", *items)
    approvals = {(a.get("council"), a.get("fiscal_year"), a.get("session")) for a in rec.get("prior_approvals") or []}
    _add(facts, "prior_approvals")
    _add(facts, "prior_approvals", *approvals)
    marks = rec.get("change_marks") or []
    _add(facts, "change_marks")
    _add(facts, "change_marks.page")
    # A multiset: the same text can be marked twice in one sheet (two 別紙チェックリストのとおり).
    keys = [(m.get("section"), m.get("field"), norm_text(m.get("text"))) for m in marks]
    _add(facts, "change_marks", *keys)
    _add(facts, "change_marks.page", *(k + (m.get("page"),) for k, m in zip(keys, marks, strict=True)))


def flatten_record(rec: Mapping[str, Any], row_keys: list[tuple] | None = None) -> Facts:
    """All comparable facts of one record, by field path (row_keys: see align_checklists)."""
    facts: Facts = {}
    _flatten_header(rec, facts)
    _flatten_overview(rec.get("overview") or {}, facts)
    for p in ("sections.kind",):
        facts.setdefault(p, Counter())
    sections = rec.get("sections") or []
    for key, s in zip(section_keys(sections), sections, strict=True):
        _flatten_section(s, key, facts)
    _flatten_checklists(rec.get("checklists") or [], facts, row_keys)
    _flatten_lists(rec, facts)
    return facts


# --- scoring ------------------------------------------------------------------------------


def _count(scores: dict[str, FieldScore], pred: Facts, gold: Facts) -> None:
    for path in set(pred) | set(gold):
        p = pred.get(path, Counter())
        g = gold.get(path, Counter())
        tp = sum((p & g).values())
        fs = scores.setdefault(path, FieldScore(field=path))
        fs.tp += tp
        fs.fp += sum(p.values()) - tp
        fs.fn += sum(g.values()) - tp


def _by_id(records: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    out: dict[str, Mapping[str, Any]] = {}
    for r in records:
        out[str(r.get("document_id"))] = r
    return out


def score_records(predicted: list[dict], golden: list[dict]) -> Scores:
    """Align records by document_id and score every field path (pure: no I/O).

    ``score_records([rec], [rec]).micro.f1 -> 1.0``
    """
    pred, gold = _by_id(predicted), _by_id(golden)
    fields: dict[str, FieldScore] = {}
    for doc_id in sorted(set(pred) | set(gold)):
        g = flatten_record(gold[doc_id]) if doc_id in gold else {}
        if doc_id in pred:
            rows = pred[doc_id].get("checklists") or []
            gold_rows = (gold[doc_id].get("checklists") or []) if doc_id in gold else []
            p = flatten_record(pred[doc_id], align_checklists(rows, gold_rows))
        else:
            p = {}
        _count(fields, p, g)
    micro = FieldScore(field="micro")
    for fs in fields.values():
        micro.tp += fs.tp
        micro.fp += fs.fp
        micro.fn += fs.fn
    return Scores(
        fields=dict(sorted(fields.items())),
        micro=micro,
        matched=sorted(set(pred) & set(gold)),
        missing=sorted(set(gold) - set(pred)),
        unexpected=sorted(set(pred) - set(gold)),
    )


def fact_differences(predicted: list[dict], golden: list[dict], field: str) -> list[tuple[str, str, Fact]]:
    """What made one field path imperfect: ``[(document_id, "missed" | "extra", fact), …]``."""
    pred, gold = _by_id(predicted), _by_id(golden)
    out: list[tuple[str, str, Fact]] = []
    for doc_id in sorted(set(pred) | set(gold)):
        g = flatten_record(gold[doc_id]).get(field, Counter()) if doc_id in gold else Counter()
        p: Counter = Counter()
        if doc_id in pred:
            gold_rows = (gold[doc_id].get("checklists") or []) if doc_id in gold else []
            keys = align_checklists(pred[doc_id].get("checklists") or [], gold_rows)
            p = flatten_record(pred[doc_id], keys).get(field, Counter())
        out += [(doc_id, "missed", f) for f in (g - p).elements()]
        out += [(doc_id, "extra", f) for f in (p - g).elements()]
    return out


def score_by_group(
    predicted: list[dict], golden: list[dict], group_of: Callable[[str], str | None]
) -> dict[str, Scores]:
    """Scores per sample group (``group_of(document_id) -> "good"``); None leaves a record out."""
    groups: dict[str, tuple[list[dict], list[dict]]] = {}
    for side, records in ((0, predicted), (1, golden)):
        for r in records:
            g = group_of(str(r.get("document_id")))
            if g is not None:
                groups.setdefault(g, ([], []))[side].append(r)
    return {g: score_records(p, gl) for g, (p, gl) in sorted(groups.items())}


# --- goldens on disk -----------------------------------------------------------------------

PROPOSE_FLAG = "FUGI_PROPOSE_GOLDEN"


def load_goldens(golden_dir: str | Path) -> dict[str, list[dict]]:
    """Every reviewed golden file: ``{file stem: [record, …]}`` (a packet file holds a list)."""
    out: dict[str, list[dict]] = {}
    for path in sorted(Path(golden_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[path.stem] = data if isinstance(data, list) else [data]
    return out


def dump_record_json(data: Any) -> str:
    """The golden file format: ``json.dumps(..., ensure_ascii=False, sort_keys=True, indent=1)``."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def propose_goldens(records_by_stem: Mapping[str, list[dict]], golden_dir: str | Path) -> list[Path]:
    """Write what the pipeline produced to ``<golden_dir>/_proposed/`` when FUGI_PROPOSE_GOLDEN=1.

    A person compares those files with the reviewed goldens; this never writes a reviewed
    golden, and refuses to run under CI (a proposal must never become a golden unread).
    """
    if os.environ.get(PROPOSE_FLAG) != "1":
        return []
    if os.environ.get("CI"):
        raise RuntimeError(f"{PROPOSE_FLAG}=1 is refused under CI: goldens are reviewed by a person.")
    out_dir = Path(golden_dir) / "_proposed"
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, records in sorted(records_by_stem.items()):
        target = out_dir / f"{stem}.json"
        data: Any = records[0] if len(records) == 1 else records
        target.write_text(dump_record_json(data), encoding="utf-8")
        written.append(target)
    return written
