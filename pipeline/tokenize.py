"""The only module that imports SudachiPy / spaCy (GiNZA); both load lazily, once per process.

Sudachi's ``normalized_form`` folds spelling variants (コンピュータ/コンピューター,
受渡し/受け渡し, ウィルス/ウイルス) but also rewrites values (``1日`` -> ``一日``,
``ISO`` -> ``iso``): use it for matching keys only, never for stored values.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from models.record import Department
from pipeline.text import normalize_text, strip_label

_DROP_POS = {"補助記号", "空白"}
_SEARCH_DROP_POS = _DROP_POS | {"助詞", "助動詞"}


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    from sudachipy import dictionary  # heavy: imported on first use only

    return dictionary.Dictionary(dict="core").create()


@lru_cache(maxsize=1)
def _mode_c() -> Any:
    from sudachipy import tokenizer

    return tokenizer.Tokenizer.SplitMode.C


@lru_cache(maxsize=4096)
def _morphemes(s: str) -> tuple[tuple[str, str, str], ...]:
    """(surface, normalized_form, POS) for each morpheme of ``s`` (cached)."""
    if not s:
        return ()
    # Sudachi refuses inputs over ~49 KB; labels and measures are far shorter.
    return tuple(
        (m.surface(), m.normalized_form(), m.part_of_speech()[0])
        for m in _tokenizer().tokenize(s[:12000], _mode_c())
    )


def normalized_forms(s: str) -> list[str]:
    """Sudachi (mode C) normalized form per token, punctuation and spaces dropped.

    ``normalized_forms("コンピュータウィルス") -> ["コンピューターウイルス"]``
    """
    return [norm for _, norm, pos in _morphemes(strip_label(s)) if pos not in _DROP_POS]


def normalized_key(s: str) -> str:
    """The concatenated normalized forms: a spelling-variant-insensitive matching key."""
    return "".join(normalized_forms(s))


def search_tokens(s: str) -> list[str]:
    """Tokens for full-text search (index and query alike): normalized forms, lower-cased,
    without punctuation, particles or auxiliary verbs. ``"受渡しの管理簿"`` -> ``["受け渡し", "管理簿"]``.
    """
    text = normalize_text(s)
    if not text:
        return []
    out = []
    for _, norm, pos in _morphemes(text):
        if pos in _SEARCH_DROP_POS:
            continue
        norm = norm.strip().lower()
        if norm:
            out.append(norm)
    return out


# Organisational units a department line is built of, longest first (委員会事務局 is one unit).
_UNIT_END = re.compile(
    r"委員会事務局|本部|事務局|委員会|センター|グループ|部|局|室|課|係|所|館|担当|班"
)
_DIVISION_END = re.compile(r"(?:課|係|センター|室|所|担当|館|事務局|グループ|班)$")
_DEPT_NOISE = re.compile(r"^[(\[]?\s*(?:担当部課|担当課|所管課|所管)\s*[:：]?\s*|[)\]]\s*$")


def _unit_starts(text: str) -> list[int]:
    """Where each organisational unit of ``text`` starts (0 first). A unit word needs a name
    of two characters or more before it, so 課税課 and 外部連携課 are one unit each."""
    starts = [0]
    for m in _UNIT_END.finditer(text):
        if m.start() - starts[-1] >= 2 and m.end() < len(text):
            starts.append(m.end())
    return starts


def split_department(raw: str) -> Department:
    """``"健康部健康づくり課"`` -> bureau ``健康部``, division ``健康づくり課`` (rule-based).

    Convention (tests/golden/NOTES.md): the division is the last unit (課/室/係/センター/館/所/
    担当 …) and the bureau everything before it, however many levels: ``消防局警防部指令課`` ->
    ``消防局警防部`` / ``指令課``; ``選挙管理委員会事務局選挙課`` -> ``選挙管理委員会事務局`` /
    ``選挙課``. A single unit is a division (``区政情報課``) or, ending in 部/局, a bureau.
    ``（担当部課：…）`` / ``（所管：…）`` wrapping is removed from ``raw``.
    """
    text = normalize_text(raw)
    if not text:
        return Department()
    text = strip_label(_DEPT_NOISE.sub("", _DEPT_NOISE.sub("", text)))
    if not text:
        return Department()
    last = _unit_starts(text)[-1]
    if last > 0 and _DIVISION_END.search(text):
        return Department(raw=text, bureau=text[:last], division=text[last:])
    if _DIVISION_END.search(text) and not re.search(r"(?:部|局)$", text):
        return Department(raw=text, bureau=None, division=text)
    return Department(raw=text, bureau=text, division=None)


@lru_cache(maxsize=1)
def nlp() -> Any:
    """The spaCy ``ja_ginza`` pipeline, loaded on first call (about a second)."""
    import spacy

    return spacy.load("ja_ginza")


@lru_cache(maxsize=1)
def _dictionary() -> Any:
    from sudachipy import dictionary

    return dictionary.Dictionary(dict="core")


@lru_cache(maxsize=65536)
def is_dictionary_word(s: str) -> bool:
    """Whether ``s`` is one entry of Sudachi's dictionary as written: ``"パスワード"`` yes,
    ``"バスワード"`` / ``"マイナンパー"`` no (the tokenizer would still return them as one
    made-up katakana word). Used to repair OCR misreads, never to rewrite clean text."""
    if not s:
        return False
    return any(m.surface() == s for m in _dictionary().lookup(s))
