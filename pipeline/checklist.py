"""個人情報保護対策チェックリスト semantics: marks, headings, party cells, measure keys.

``parse_mark("－ (電子データのみ の取扱いのため)") -> ("not_applicable", "電子データのみの取扱いのため")``;
``measure_key("コンピューターウィルス感染等がないよう、…適用する。") -> "antivirus"``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from rapidfuzz.distance import Levenshtein

from pipeline.text import neutral_admin, normalize_text, strip_label
from pipeline.tokenize import normalized_key

Mark = Literal["applicable", "not_applicable", "blank"]
ChecklistKind = Literal["電算処理", "外部結合", "業務委託"]
MEASURES = Path(__file__).parent / "catalogues" / "measures.json"
MEASURE_THRESHOLD = 0.75
AMBIGUITY_MARGIN = 0.02

# ○ 〇 ◯ ◎ and dashes of every width are marks wherever they start the cell; what OCR
# makes of a circle (O, o, 0, ロ) or a dash (一) only when nothing word-like follows.
_APPLICABLE = set("○〇◯◎⭕✓✔☑")
_NOT_APPLICABLE = set("-－―ー‐‑‒–—−ｰ×✕✖")
_WEAK = {
    "O": "applicable",
    "o": "applicable",
    "0": "applicable",
    "ロ": "applicable",
    "一": "not_applicable",
    "レ": "applicable",  # the katakana check mark of Japanese forms
}
# A mark written as a word: 対象外 / 該当なし / 非該当 / 不要 (the measure is not needed).
_NOT_NEEDED = re.compile(r"^(?:対象外|該当なし|該当無し|非該当|不要|必要なし)(?=$|[\s(（])")
_MARK_CODES = ("applicable", "not_applicable", "blank")


def _mark_of(symbol: str | None) -> Mark | None:
    if not symbol:
        return None
    symbol = symbol.strip()
    if symbol in _MARK_CODES:
        return symbol  # type: ignore[return-value]
    ch = symbol[:1]
    if ch in _APPLICABLE:
        return "applicable"
    if ch in _NOT_APPLICABLE:
        return "not_applicable"
    if ch in _WEAK and (len(symbol) == 1 or not symbol[1].isalnum()):
        return _WEAK[ch]  # type: ignore[return-value]
    return None


def _note(rest: str) -> str | None:
    text = normalize_text(rest)
    if not text:
        return None
    while len(text) >= 2 and text[0] in "(「" and text[-1] in ")」":
        text = text[1:-1].strip()
    return text or None


def parse_mark(text: str | None, drawn_mark: str | None = None) -> tuple[Mark, str | None]:
    """Mark cell -> (mark, note), the note without its brackets.

    ``drawn_mark`` is a mark found as a drawing (a circle shape: ``"○"``, or one of the
    codes ``applicable`` / ``not_applicable``); it is used when the text has no mark symbol.
    """
    raw = (text or "").strip()
    mark = _mark_of(raw)
    if mark is not None:
        return mark, _note(raw[1:])
    word = _NOT_NEEDED.match(normalize_text(raw) or "")
    if word:
        return "not_applicable", _note((normalize_text(raw) or "")[word.end() :])
    drawn = _mark_of(drawn_mark)
    return (drawn or "blank"), _note(raw)


_KINDS: tuple[ChecklistKind, ...] = ("電算処理", "外部結合", "業務委託")
_HEADING = re.compile(
    r"(電算処理|外部結合|業務委託)(?:に|にかかる|に係る|に関する|の)?.{0,12}チ[ェエ]ックリスト"
)
_LIST_WORD = re.compile(r"チ[ェエ]ック[リり]スト|対策チ[ェエ]ック")


def parse_checklist_heading(s: str) -> ChecklistKind | None:
    """``"３　電算処理にかかる個人情報保護対策チェックリスト"`` -> ``"電算処理"``.

    An OCR error in the kind word (電算処埋) is tolerated: one wrong character of four.
    """
    text = strip_label(s or "")
    m = _HEADING.search(text)
    if m:
        return m.group(1)  # type: ignore[return-value]
    w = _LIST_WORD.search(text)
    if not w:
        return None
    head = text[max(0, w.start() - 24) : w.start()]
    for kind in _KINDS:
        for i in range(max(0, len(head) - len(kind) + 1)):
            if Levenshtein.distance(head[i : i + len(kind)], kind) <= 1:
                return kind
    return None


def parse_party_cell(
    s: str,
) -> tuple[Literal["ward", "counterparty"] | None, Literal["operational", "technical"] | None]:
    """``"委託事業者に行わせる 情報保護対策 【運用上の対策】"`` -> ("counterparty", "operational");
    ``"市が行う情報保護対策【システム上の対策】"`` -> ("ward", "technical") — the administration
    is whichever of 区 / 市 / 町 / 村 / 都 / 県 / 府 / 本市 … printed it.
    """
    text = neutral_admin(strip_label(s or ""))  # 市が行う / 本町が行う … -> 区が行う
    party: Literal["ward", "counterparty"] | None = None
    if _COUNTERPARTY.search(text):
        party = "counterparty"
    elif _WARD.search(text):
        party = "ward"
    kind: Literal["operational", "technical"] | None = None
    if re.search(r"運用上|運用面|運用の|組織的|人的|物理的|管理的", text):
        kind = "operational"
    elif re.search(r"システム上|システム面|技術的", text):
        kind = "technical"
    else:
        kind = _ocr_type_word(text)
    return party, kind


_TYPE_WORDS: tuple[tuple[str, Literal["operational", "technical"]], ...] = (
    ("運用上の対策", "operational"),
    ("システム上の対策", "technical"),
)
_BRACKETED = re.compile(r"【([^【】]{2,12})】?")


def _ocr_type_word(text: str) -> Literal["operational", "technical"] | None:
    """A bracketed type word OCR misread (【システムの⏎の策】, 【束用上のの対策): the nearer of
    the two wordings, when it is within a third of its length and clearly the nearer."""
    for m in _BRACKETED.finditer(re.sub(r"\s+", "", text)):
        word = m.group(1)
        scored = sorted((Levenshtein.distance(word, w), k) for w, k in _TYPE_WORDS)
        (best, kind), (second, _) = scored
        if best <= len(word) // 3 + 1 and best < second:
            return kind
    return None


# Who takes the measures: the party the administration imposes them on (…に行わせる / 受託者が
# 講じる / 委託先に求める / 委託先の対策), else the administration itself (区が行う / 実施機関が講じる).
_CONTRACTOR = r"(?:再?委託先|再?受託者|受託事業者|委託事業者|委託業者|受託業者|結合先|接続先|提供先|相手方|事業者)"
_COUNTERPARTY = re.compile(
    rf"行わせる|させる"
    rf"|{_CONTRACTOR}(?:が|に|の|で|側)(?:行う|講じる|実施する|求める|対策|措置|情報保護|保護|安全)"
)
_WARD = re.compile(
    r"(?:区|実施機関|当方|発注者|委託者)(?:が|の|で|側)(?:行う|講じる|実施する|対策|措置|情報保護|保護|安全)"
)


@lru_cache(maxsize=1)
def _measure_catalogue() -> tuple[tuple[str, str], ...]:
    data = json.loads(MEASURES.read_text(encoding="utf-8"))
    out = []
    for key, variants in data.items():
        if key.startswith("_"):
            continue
        for variant in variants:
            out.append((key, normalized_key(neutral_admin(variant))))
    return tuple(out)


def measure_score(text: str) -> tuple[str | None, float]:
    """Best catalogue key for a measure text and its similarity (0..1)."""
    key = normalized_key(neutral_admin(text or ""))  # another city's name or 市/町 for 区
    if not key:
        return None, 0.0
    scores: dict[str, float] = {}
    for name, variant in _measure_catalogue():
        scores[name] = max(scores.get(name, 0.0), Levenshtein.normalized_similarity(key, variant))
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < AMBIGUITY_MARGIN:
        return None, ranked[0][1]  # as close to two standard measures: not one of them
    return ranked[0]


def measure_key(text: str) -> str | None:
    """The catalogue key of a standard measure, whatever its spelling or ward/counterparty
    phrasing; None for a measure not in ``catalogues/measures.json``.
    """
    key, score = measure_score(text)
    return key if score >= MEASURE_THRESHOLD else None
