"""Printed labels -> canonical field names, via ``catalogues/labels.json``.

Matching survives width, spaces and line breaks inside a label (``件　　名``), spelling
variants (コンピューター/コンピュータ, 受け渡し/受渡し — Sudachi normalized forms) and
an OCR error or two (Levenshtein similarity on those forms, with a length-aware
threshold: labels of up to 3 characters must match exactly). Unknown -> ``field=None``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rapidfuzz.distance import Levenshtein

from pipeline.text import ADMIN, neutral_admin, strip_label, trailing_bracket
from pipeline.tokenize import normalized_key

Scope = Literal["cover", "overview", "section"]
CATALOGUE = Path(__file__).parent / "catalogues" / "labels.json"
AMBIGUITY_MARGIN = 0.03  # best and runner-up fields closer than this -> no match
_EDGE_NOISE = re.compile(r"^[◇◆・■□●○\-*]+|[:：]+$")


@dataclass
class LabelMatch:
    """Result of matching one printed label: ``field`` is None when nothing matched."""

    field: str | None
    score: float
    label: str  # strip_label(raw): the key used in Section.fields


@dataclass(frozen=True)
class _Variant:
    field: str
    label: str
    key: str
    base_key: str


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, tuple[_Variant, ...]]:
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    out: dict[str, tuple[_Variant, ...]] = {}
    for scope, fields in data.items():
        if scope.startswith("_"):
            continue
        variants = []
        for field, labels in fields.items():
            for label in labels:
                variants.append(_variant(field, label))
        out[scope] = tuple(variants)
    return out


def _variant(field: str, label: str) -> _Variant:
    key_label = neutral_admin(strip_label(label))
    base, _ = trailing_bracket(key_label)
    return _Variant(field, key_label, normalized_key(key_label), normalized_key(base))


HEAD_RULE_SCORE = 0.78  # maps a field (>= 0.75) but is no evidence that a line is a label (0.8)
_HEAD_RULE_MAX = 30


@dataclass(frozen=True)
class _HeadRule:
    field: str
    tail: re.Pattern[str]
    any: re.Pattern[str] | None
    none: re.Pattern[str] | None


@lru_cache(maxsize=1)
def _head_rules() -> dict[str, tuple[_HeadRule, ...]]:
    data = json.loads(CATALOGUE.read_text(encoding="utf-8")).get("_head_rules", {})
    out: dict[str, tuple[_HeadRule, ...]] = {}
    for scope, rules in data.items():
        if scope.startswith("_"):
            continue
        out[scope] = tuple(
            _HeadRule(
                r["field"],
                re.compile(r["tail"]),
                re.compile(r["any"]) if r.get("any") else None,
                re.compile(r["none"]) if r.get("none") else None,
            )
            for r in rules
        )
    return out


def head_rule(core: str, scope: Scope) -> str | None:
    """The field a label's head word names when no catalogue variant matched:
    ``"受託者名"`` -> ``counterparty``, ``"委託の必要性"`` -> ``reason``; None for anything else
    (a sentence, a long text, a head word no rule knows)."""
    base = trailing_bracket(core)[0]
    if not base or len(base) > _HEAD_RULE_MAX or "。" in base:
        return None
    for rule in _head_rules().get(scope, ()):
        if not rule.tail.search(base):
            continue
        if rule.any is not None and not rule.any.search(base):
            continue
        if rule.none is not None and rule.none.search(base):
            continue
        return rule.field
    return None


def _threshold(length: int) -> float:
    if length <= 3:
        return 1.0
    if length <= 7:
        return 0.75
    return 0.8


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    score = Levenshtein.normalized_similarity(a, b)
    return score if score >= _threshold(min(len(a), len(b))) else 0.0


def match_label(raw: str, scope: Scope) -> LabelMatch:
    """``match_label("件　　名", "cover") -> LabelMatch("title", 1.0, "件名")``."""
    label = strip_label(raw)
    core = neutral_admin(_EDGE_NOISE.sub("", label))  # 市が行う… matches 区が行う…
    variants = _catalogue().get(scope, ())
    if not core or not variants:
        return LabelMatch(None, 0.0, label)
    for v in variants:
        if core == v.label:
            return LabelMatch(v.field, 1.0, label)
    key = normalized_key(core)
    base_key = normalized_key(trailing_bracket(core)[0])
    scores: dict[str, float] = {}
    for v in variants:
        score = max(_similarity(key, v.key), _similarity(base_key, v.base_key) * 0.98)
        scores[v.field] = max(scores.get(v.field, 0.0), score)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] == 0.0:
        return _by_head(core, scope, label, 0.0)
    best_field, best = ranked[0]
    if len(ranked) > 1 and best - ranked[1][1] < AMBIGUITY_MARGIN:
        # 新規開発・追加・変更の (truncated) is as close to 理由 as to 内容: say so, don't guess
        return _by_head(core, scope, label, round(best, 3))
    return LabelMatch(best_field, round(best, 3), label)


def _by_head(core: str, scope: Scope, label: str, score: float) -> LabelMatch:
    field = head_rule(core, scope)
    return LabelMatch(field, HEAD_RULE_SCORE, label) if field else LabelMatch(None, score, label)


# Who a protection field speaks for when the label names it in brackets (情報保護対策（市）/
# （再委託先）): the administration itself, or the party it contracts/connects with.
_WARD_PARTY = re.compile(rf"^(?:{ADMIN}|実施機関|自治体|当局|庁|本庁|発注者|委託者|委託元)$")
_CONTRACTOR_PARTY = re.compile(
    r"^(?:再?委託先|受託者|受託事業者|再?受託者|再?委託事業者|委託業者|受託業者|事業者|"
    r"委託先\(再委託先\)|委託先・再委託先|相手方|結合先|接続先|結合の相手方|提供先)$"
)
_SIDE_FIELD = {"ward": "protection_ward", "contractor": "protection_contractor"}


def protection_side(raw: str) -> str | None:
    """``"情報保護対策（再委託先）"`` -> ``"contractor"``, ``"情報保護対策（市）"`` -> ``"ward"``;
    None when the label names no party in a trailing bracket."""
    _, inner = trailing_bracket(strip_label(raw))
    if not inner:
        return None
    inner = re.sub(r"\s", "", inner)
    if _WARD_PARTY.match(inner):
        return "ward"
    if _CONTRACTOR_PARTY.match(inner):
        return "contractor"
    return None


def refine_protection(raw: str, field: str | None) -> str | None:
    """A single-field protection label (``protection_both``) that names its party in brackets is
    that party's field; any other field is returned unchanged."""
    if field != "protection_both":
        return field
    side = protection_side(raw)
    return _SIDE_FIELD[side] if side else field
