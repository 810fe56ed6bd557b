"""The cover's legal basis (◇第3条第1項第3号（…）) and the 資料 numbers a document cites."""

from __future__ import annotations

import re

from models.record import Provision
from pipeline.text import nfkc, normalize_text

_KNUM = "[〇一二三四五六七八九十百]+"
_N = rf"(?:\d+|{_KNUM})"
_ARTICLE = (
    rf"第\s*{_N}\s*条(?:\s*の\s*{_N})?(?:\s*第\s*{_N}\s*項)?(?:\s*第\s*{_N}\s*号)?"
    # 第4条第1項第2号、第3号 / …第2号及び第3号: more items of the same article, kept as printed
    rf"(?:\s*(?:、|,|・|及び|並びに|又は|若しくは)\s*第\s*{_N}\s*[項号])*"
)
# The instrument's name before an article: 条例 / 規則 / 法 / 個人情報の保護に関する法律 /
# ○○市個人情報の保護に関する法律施行条例 … (dropped: the article is kept without it)
_INSTRUMENT = r"[^◇()\s第:：]{0,30}?(?:条例|規則|要綱|法律|法|施行令|規程)"
# (subject) or 【subject】; one level of inner brackets
_SUBJECT = r"[(【〔]\s*(?P<subject>[^()【】〔〕]*(?:\([^()]*\)[^()【】〔〕]*)*)[)】〕]"
# ◇第5条…, also after the instrument's name: ◇○○町個人情報保護法施行条例第5条第2号(…)
_ARTICLE_FIRST = re.compile(rf"◇\s*(?:{_INSTRUMENT})?\s*(?P<article>{_ARTICLE})\s*(?:{_SUBJECT})?")
_SP = r"[ \t\u3000]*"
# A line that is only a provision: an optional bullet ((1), ①, ・ or one or two characters OCR
# made of a ◇), an optional 根拠: label, the instrument, the article, the subject ( ")" may be lost
# by OCR). Without an instrument's name or a subject a lone 第N条 line is not taken.
_LINE_ARTICLE = re.compile(
    rf"^{_SP}[\-・]?{_SP}(?:\(\d{{1,2}}\)|\d{{1,2}}[.)]|[①-⑳])?{_SP}"
    rf"(?:[^\s:：]{{0,8}}根拠[^\s:：]{{0,4}}[:：])?{_SP}"
    rf"(?:(?P<instr>{_INSTRUMENT})|[^\s第]{{0,2}}){_SP}(?P<article>{_ARTICLE}){_SP}"
    r"(?:[(【〔](?P<subject>[^()【】〔〕\n]*(?:\([^()\n]*\)[^()【】〔〕\n]*)*)[)】〕]?)?"
    rf"{_SP}$",
    re.M,
)
_SUBJECT_FIRST = re.compile(rf"◇\s*(?P<subject>[^◇()\n]+?)\s*\(\s*(?P<article>{_ARTICLE})\s*\)")


def parse_provisions(s: str) -> list[Provision]:
    """Every ◇ provision: ``"◇第3条第1項第3号（電算処理、外部結合、業務委託）"`` ->
    ``Provision(article="第3条第1項第3号", subject="電算処理、外部結合、業務委託")``.

    The form ``◇電算処理（第3条第1項第3号）`` (subject first) is read too, and a line that is
    only a provision: no bullet or another one, the instrument's name before the article
    (``法第69条第2項第3号（外部提供）``, ``条例第17条第1項第2号``), a 【subject】. Duplicates
    (same article and subject) are dropped.
    """
    if not s:
        return []
    text = nfkc(s)
    found: list[tuple[int, Provision]] = []
    spans: list[tuple[int, int]] = []
    for m in _ARTICLE_FIRST.finditer(text):
        spans.append((m.start("article"), m.end()))
        found.append((m.start(), _provision(m.group("article"), m.group("subject"))))
    for m in _LINE_ARTICLE.finditer(text):
        if any(a <= m.start("article") < b for a, b in spans):
            continue  # the same ◇ provision, read above
        if m.group("instr") or m.group("subject") is not None:
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
    # 資料No.4-1 / 資料番号3 / 資料第4号-2: the infix kept as printed (as the cover's
    # material_no keeps it)
    rf"資料(?P<infix>No\.?|NO\.?|no\.?|番号|第)?{_W}*(?P<num>\d+(?:{_W}+\d+(?={_W}*[{_REF_DASHES}]{_W}*\d))?"
    rf"(?(infix)号?)(?:{_W}*[{_REF_DASHES}]{_W}*\d+)*)"
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
        num = re.sub(rf"[\s{_REF_DASHES}]+", _dash_or_join, m.group("num"))
        ref = "資料" + (m.group("infix") or "") + num
        if ref != own_key and ref not in out:
            out.append(ref)
    return out


def _dash_or_join(m: re.Match[str]) -> str:
    return "-" if any(ch in _REF_DASHES for ch in m.group(0)) else ""


def _ref_key(own: str) -> str | None:
    refs = find_references(own)
    return refs[0] if refs else None
