"""The cover's legal basis (◇第3条第1項第3号（…）) and the 資料 numbers a document cites."""

from __future__ import annotations

import re

from models.record import Provision
from pipeline.text import nfkc, normalize_text

_KNUM = "[〇一二三四五六七八九十百]+"
_ARTICLE = rf"第\s*(?:\d+|{_KNUM})\s*条(?:\s*の\s*(?:\d+|{_KNUM}))?(?:\s*第\s*(?:\d+|{_KNUM})\s*項)?(?:\s*第\s*(?:\d+|{_KNUM})\s*号)?"
# ◇第5条…, also after the instrument's name: ◇○○町個人情報保護法施行条例第5条第2号(…)
_ARTICLE_FIRST = re.compile(
    rf"◇\s*(?:[^◇()\s第]{{1,30}}?(?:条例|規則|要綱|法律|法))?\s*(?P<article>{_ARTICLE})\s*(?:\((?P<subject>[^()]*(?:\([^()]*\)[^()]*)*)\))?"
)
# OCR may misread ◇ (as の, ○, <> …) or drop it: a line that is only "<one char> 第N条…（subject）"
# is one too, also after the instrument's name (北川市個人情報保護法施行条例第6条第1号（…）).
_LINE_ARTICLE = re.compile(
    rf"^[ \t\u3000\-・]*[^\s第]{{0,2}}[ \t\u3000]*"
    r"(?:[^\s第()◇]{1,30}?(?:条例|規則|要綱|法律|法)[ \t\u3000]*)?"
    rf"(?P<article>{_ARTICLE})[ \t\u3000]*"
    r"\((?P<subject>[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)?[ \t\u3000]*$",  # ) lost by OCR
    re.M,
)
_SUBJECT_FIRST = re.compile(rf"◇\s*(?P<subject>[^◇()\n]+?)\s*\(\s*(?P<article>{_ARTICLE})\s*\)")


def parse_provisions(s: str) -> list[Provision]:
    """Every ◇ provision: ``"◇第3条第1項第3号（電算処理、外部結合、業務委託）"`` ->
    ``Provision(article="第3条第1項第3号", subject="電算処理、外部結合、業務委託")``.

    The form ``◇電算処理（第3条第1項第3号）`` (subject first) is read too. Duplicates
    (same article and subject) are dropped.
    """
    if not s:
        return []
    text = nfkc(s)
    found: list[tuple[int, Provision]] = []
    for m in _ARTICLE_FIRST.finditer(text):
        found.append((m.start(), _provision(m.group("article"), m.group("subject"))))
    for m in _LINE_ARTICLE.finditer(text):
        found.append((m.start("article"), _provision(m.group("article"), m.group("subject"))))
    taken = {pos for pos, _ in found}
    for m in _SUBJECT_FIRST.finditer(text):
        if m.start() not in taken:
            found.append((m.start(), _provision(m.group("article"), m.group("subject"))))
    out: list[Provision] = []
    for _, prov in sorted(found, key=lambda t: t[0]):
        if prov not in out:
            out.append(prov)
    return out


def _provision(article: str, subject: str | None) -> Provision:
    return Provision(
        article=re.sub(r"\s+", "", article), subject=normalize_text(subject) if subject else None
    )


_DASHES = "‐‑‒–—―−ーｰ－-"  # "-" last: literal inside a character class
_W = r"[ \t\u3000\n]"  # layout whitespace, line breaks included
# Inside a 資料 number only, between digits, OCR's kanji 一 (and 二's stroke ニ never) is a dash:
# ``資料12一1`` -> ``資料12-1``; 一 elsewhere in text is left alone.
_REF_DASHES = "一" + _DASHES
_REF_RE = re.compile(
    rf"資料{_W}*(?P<num>\d+(?:{_W}+\d+(?={_W}*[{_REF_DASHES}]{_W}*\d))?"
    rf"(?:{_W}*[{_REF_DASHES}]{_W}*\d+)*)"
)


def find_references(s: str, own: str | None = None) -> list[str]:
    """Every 資料 number in ``s`` as written (NFKC), in order, once each, except ``own``.

    ``"資料47-2から資料47-5まで"`` -> ``["資料47-2", "資料47-5"]`` (ranges not expanded);
    ``"資料6 1-2"`` (a space from layout inside the number) -> ``"資料61-2"``.
    """
    if not s:
        return []
    own_key = _ref_key(own) if own else None
    out: list[str] = []
    for m in _REF_RE.finditer(nfkc(s)):
        ref = "資料" + re.sub(rf"[\s{_REF_DASHES}]+", _dash_or_join, m.group("num"))
        if ref != own_key and ref not in out:
            out.append(ref)
    return out


def _dash_or_join(m: re.Match[str]) -> str:
    return "-" if any(ch in _REF_DASHES for ch in m.group(0)) else ""


def _ref_key(own: str) -> str | None:
    refs = find_references(own)
    return refs[0] if refs else None
