"""Tesseract's words -> the text as printed: layout spaces out, look-alike kana fixed.

join_words(["区", "政情報課"])      -> "区政情報課"
fix_lookalikes("フォルダヘアクセス") -> "フォルダへアクセス"
"""

from __future__ import annotations

import re

# Japanese script, full-width forms and CJK punctuation: no spaces belong next to these.
_JA = re.compile(
    r"[\u3000-\u303f\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)


def has_japanese(text: str) -> bool:
    return bool(_JA.search(text))


_NUMBERISH = re.compile(r"[0-9０-９,.，．]")
_LATIN_TAIL = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+$")
_LATIN_HEAD = re.compile(r"^[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+")


def join_words(words: list[str]) -> str:
    """Words joined as printed: ["区", "政情報課"] -> "区政情報課", ["ISO", "認証"] -> "ISO認証".

    Tesseract splits Japanese text at every wider gap; a space is kept only between
    Latin words. In a Japanese line, spaced-out full-width digits and letters
    ("４ ０，０００", "Ｆ ＡＱ") are closed up too.
    """
    parts = [w.strip() for w in words if w.strip()]
    if not parts:
        return ""
    japanese = any(_JA.search(w) for w in parts)
    out = parts[0]
    for word in parts[1:]:
        out += ("" if _no_space(out, word, japanese) else " ") + word
    return out


# A gap this many times the type's height between two words is a printed space (a
# full-width 「　」 between a heading number and its text, or a label and its value).
WIDE_GAP = 1.0
# Glyphs drawn at one side of their full-width cell leave a gap that is no space:
# after 、。 and an opening bracket, before any bracket, between two (narrow) digits.
_NO_WIDE_AFTER = set("、。，．,.・「『（(【〔［[")
_NO_WIDE_BEFORE = set("、。，．,.)）」』】〕］](（「『【〔［[")


def join_spaced(words: list[str], gaps: list[float], em: float) -> str:
    """Words joined as printed, a wide gap (``gaps[i]`` between words i and i+1, in the
    same unit as ``em``) kept as a space: ``["ア", "業務委託", "学校"]`` with gaps
    ``[40, 45]`` and em 36 -> ``"ア　業務委託　学校"`` (the text layer's 　 too).
    Between two Latin words the space is an ASCII one."""
    chunks: list[list[str]] = [[]]
    for i, word in enumerate(words):
        chunks[-1].append(word)
        if i < len(gaps) and is_wide_gap(word, words[i + 1], gaps[i], em):
            chunks.append([])
    texts = [t for t in (join_words(c) for c in chunks) if t]
    out = texts[0] if texts else ""
    for t in texts[1:]:
        out += wide_space(out, t) + t
    return out


def is_wide_gap(left: str, right: str, gap: float, em: float) -> bool:
    """Whether ``gap`` between two pieces of a line is a printed space (see WIDE_GAP)."""
    if em <= 0 or gap < WIDE_GAP * em or not left or not right:
        return False
    if left[-1] in _NO_WIDE_AFTER or right[0] in _NO_WIDE_BEFORE:
        return False
    return not (_NUMBERISH.match(left[-1]) and _NUMBERISH.match(right[0]))


def wide_space(left: str, right: str) -> str:
    """The space a wide gap between two pieces of a line stands for."""
    return "　" if has_japanese(left[-1:] + right[:1]) else " "


def no_space_between(left: str, right: str) -> bool:
    """Whether two pieces of one printed line join without a space."""
    return _no_space(left, right, has_japanese(left + right))


# No space is printed just inside a bracket: "( 1 )" is OCR's words "(", "1", ")".
_OPENERS = set("(（[［【「『〔")
_CLOSERS = set(")）]］】」』〕")


def _no_space(left: str, right: str, japanese: bool) -> bool:
    a, b = left[-1], right[0]
    if _JA.match(a) or _JA.match(b) or a in _OPENERS or b in _CLOSERS:
        return True
    if not japanese:
        return False
    if _NUMBERISH.match(a) and _NUMBERISH.match(b):
        return True
    # A lone letter next to a Latin run is a spaced-out full-width word ("Ｆ ＡＱ").
    tail = _LATIN_TAIL.search(left)
    head = _LATIN_HEAD.match(right)
    if tail is None or head is None:
        return False
    return len(tail.group()) == 1 or len(head.group()) == 1


# Katakana and the kanji / symbol drawn the same way; which one was printed shows in
# the neighbours: katakana come in runs, a lone one between kanji is the kanji.
_KATA_TO_KANJI = {
    "ロ": "口",
    "カ": "力",
    "エ": "工",
    "ニ": "二",
    "タ": "夕",
    "ト": "卜",
    "ハ": "八",
    "ー": "一",
    "ア": "了",
}
_KANJI_TO_KATA = {v: k for k, v in _KATA_TO_KANJI.items()}
_KATA_TO_HIRA = {"ヘ": "へ", "ベ": "べ", "ペ": "ぺ"}
_DASHES = {"ー", "一"}


def lookalike(a: str, b: str) -> bool:
    """Two characters drawn (nearly) the same way, that only their neighbours tell
    apart: ロ/口, ア/了, ヘ/へ, ー/一 (what fix_lookalikes decides)."""
    return (
        _KATA_TO_KANJI.get(a) == b
        or _KATA_TO_KANJI.get(b) == a
        or (_KATA_TO_HIRA.get(a) == b or _KATA_TO_HIRA.get(b) == a)
    )


def _kind(ch: str) -> str:
    if not ch:
        return "edge"
    o = ord(ch)
    if 0x30A1 <= o <= 0x30FC:
        return "kata"
    if 0x3041 <= o <= 0x309F:
        return "hira"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or ch == "々":
        return "kanji"
    if ch.isascii() and (ch.isalnum() or ch in "-()"):
        return "latin"
    return "other"


# Digits read into a word of capitals ("B0X", "C0VID"), and the ISO of a standard's number.
_ZERO_IN_WORD = re.compile(r"(?<=[A-Z])0(?=[A-Z])")
_ONE_IN_WORD = re.compile(r"(?<=[A-Z])1(?=[A-Z])")
# "ID" read with a one for its I, standing alone in Japanese text: "(1D登録用)".
_ONE_D = re.compile(r"(?<![0-9A-Za-z０-９.,])1D(?![0-9A-Za-z])")
_ISO = re.compile(r"[1Il][S5][O0](?=\s?(?:/\s?IEC\s?)?\d{4,5})")


# An ASCII period or comma read again right after a Japanese one ("委託する。.").
_DOUBLED_STOP = re.compile(r"(?<=[。、])[.,．，]")
# A speck read as an ASCII period after Japanese text at the end ("手続の種類."): Japanese
# sentences end in 。, numbering periods follow digits.
_SPECK_STOP = re.compile(r"(?<=[\u3041-\u30ff\u3400-\u9fff])\.$")
# A thousands separator read twice ("12,.000"): one comma.
_DOUBLED_SEPARATOR = re.compile(r"(?<=\d)[,.，．]{2}(?=\d{3}(?!\d))")


def _fix_latin(text: str) -> str:
    """ "B0X" -> "BOX", "1S027001" -> "ISO27001", "(1D登録用)" -> "(ID登録用)",
    "12,.000" -> "12,000"; "1F", "A10",
    "R0", "3D" are left alone."""
    text = _ONE_D.sub("ID", _DOUBLED_STOP.sub("", _ISO.sub("ISO", text)))
    text = _SPECK_STOP.sub("", _DOUBLED_SEPARATOR.sub(",", text))
    return _ONE_IN_WORD.sub("I", _ZERO_IN_WORD.sub("O", text))


def fix_lookalikes(text: str) -> str:
    """Swap OCR's look-alike confusions that the neighbours decide:
    "人ロ" -> "人口", "フォ口ー" -> "フォロー", "第ー条" -> "第一条", "ー3ー" -> "-3-",
    "区ヘ報告" -> "区へ報告", "1S027001" -> "ISO27001", "する。." -> "する。". Undecidable cases ("ダヘア") are
    left alone."""
    chars = list(text)
    for i, ch in enumerate(text):
        prev = _kind(chars[i - 1] if i else "")  # already fixed: "フォ口ー" left to right
        nxt = _kind(text[i + 1] if i + 1 < len(text) else "")
        chars[i] = _fixed(ch, prev, nxt)
    return _fix_latin("".join(chars))


def _fixed(ch: str, prev: str, nxt: str) -> str:
    if ch in _DASHES and prev in ("latin", "edge") and nxt in ("latin", "edge") and prev != nxt:
        return "-"  # "ー3ー" page numbers, "A一B" codes
    if ch in _KATA_TO_KANJI and "kata" not in (prev, nxt) and "kanji" in (prev, nxt):
        return _KATA_TO_KANJI[ch]
    if ch in _KANJI_TO_KATA:
        if (prev == "kata" and nxt != "kanji") or (nxt == "kata" and prev != "kanji"):
            return _KANJI_TO_KATA[ch]
    if ch in _KATA_TO_HIRA and "kata" not in (prev, nxt):
        return _KATA_TO_HIRA[ch]
    return ch
