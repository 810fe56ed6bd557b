"""Counterparties (結合の相手方 / 委託先 / 再委託先): name, 未定, certifications.

Reading conventions (SCHEMA.md "Parties") and the decisions taken here:
- ``name`` is the printed name without the certification phrase; other bracketed
  descriptions stay (``デジタル庁(ガバメントクラウドの運用主体)``, ``国(内閣官房)``).
- The name follows the normalisation rule of ``pipeline.text``: the space between a
  Japanese and a latin word is layout, so ``株式会社 JTB`` -> ``株式会社JTB``.
- 未定（プロポーザルにより決定する） -> ``name=None, undecided=True``; so are 選定中 / 検討中 and a
  cell that only says how the party will be chosen (入札により決定する, 契約締結後に決定).
- A numbered list of parties (``1 集合代理契約による受託医療機関 ※… 2 区と直接契約を
  締結する医療機関``) becomes one Party whose name is the whole cell as printed
  (normalised, numbering and ※ note kept): the schema has one name per party and the
  goldens read it this way; nothing of the wording is dropped or reordered.
"""

from __future__ import annotations

import re
from typing import Literal

from models.record import Party
from pipeline.text import nfkc, normalize_text

_PMARK = re.compile(r"プライバシー\s*マーク|Pマーク|JIS\s*Q\s*15001", re.I)
_ISMS = re.compile(
    # ISO/IEC 27001 also with its slash misread (ISOグIEC27001 on a skewed scan)
    r"ISMS|ISO\s*\S?\s*(?:IEC)?\s*27001|JIS\s*Q\s*27001|情報セキュリティ\s*マネジメント\s*システム",
    re.I,
)
_CERT_WORD = re.compile(rf"{_PMARK.pattern}|{_ISMS.pattern}|認証取得|取得済", re.I)
_UNDECIDED = re.compile(r"^\s*(?:未定|未確定|選定中|検討中|調整中|決定次第)")
# 入札により決定する / プロポーザル方式により選定予定 / 契約締結後に決定: no party named yet
_TO_BE_CHOSEN = re.compile(r"(?:選定|決定)(?:する|します|予定|中)?(?:予定)?(?:である|です)?[。.]?$")
_ORG_WORD = re.compile(
    r"株式会社|有限会社|合同会社|\(株\)|\(有\)|法人|組合|協会|庁|省|機構|センター"
)
# a label printed inside the cell: 委託先：… / 受託者 …
_CELL_LABEL = re.compile(
    r"^\s*(?:委託先|受託者|受託事業者|委託事業者|結合先|結合の相手方|相手方|提供先)\s*[:：]\s*"
)


Certification = Literal["privacy_mark", "isms"]


def certifications(text: str) -> list[Certification]:
    """``["privacy_mark", "isms"]`` as named anywhere in ``text`` (one ``isms`` however many).

    A line break the layout put inside a name (``プライバシーマー\nク``) does not hide it."""
    text = re.sub(r"\s+", "", text or "")
    certs: list[Certification] = []
    if _PMARK.search(text):
        certs.append("privacy_mark")
    if _ISMS.search(text):
        certs.append("isms")
    return certs


def _bracket_groups(s: str) -> list[tuple[int, int]]:
    """Spans of the outermost ``(...)`` groups of ``s`` (after NFKC)."""
    groups, depth, start = [], 0, 0
    for i, ch in enumerate(s):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append((start, i + 1))
    return groups


def _strip_certs(s: str) -> str:
    """Remove bracket groups that name a certification, then any unbracketed cert tail."""
    for a, b in reversed(_bracket_groups(s)):
        if _CERT_WORD.search(s[a:b]):
            s = s[:a] + s[b:]
    m = _CERT_WORD.search(s)
    if m:
        s = s[: m.start()]
    return re.sub(r"(?:及び|並びに|※)+$", "", s.strip(" 、,・")).strip(" 、,・")


def _undecided(text: str) -> bool:
    flat = normalize_text(text) or ""
    if _UNDECIDED.match(flat):
        return True
    return bool(_TO_BE_CHOSEN.search(flat)) and not _ORG_WORD.search(flat)


def parse_party(s: str) -> Party:
    """``"株式会社両備システムズ(プライバシーマーク、ISO27001取得)"`` ->
    ``Party(name="株式会社両備システムズ", certifications=["privacy_mark", "isms"])``.
    """
    text = _CELL_LABEL.sub("", nfkc(s or ""), count=1)
    certs = certifications(text)
    if _undecided(text):
        return Party(name=None, undecided=True, certifications=certs)
    name = normalize_text(_strip_certs(normalize_text(text) or ""))
    return Party(name=name, undecided=False, certifications=certs)


# 【委託先】 / 委託先： / 委託先　(a line opening with the word, then a colon or spaces)
_PRIME = re.compile(r"【\s*委託先\s*】|(?:^|(?<=\n))[ \t]*(?:委託先|元請)(?:[ \t]*[:：]|[ \t]+)")
# 再委託先 opening a line, or after the prime's closing bracket (OCR joined the two lines)
_SUB = re.compile(
    r"【\s*再委託先\s*】|(?:^|(?<=\n)|(?<=[)）]))[ \t]*再委託先(?:[ \t]*[:：]|[ \t]+)"
)


def parse_contractors(s: str) -> tuple[Party | None, Party | None]:
    """``"【委託先】 A(…) 【再委託先】 B(…)"`` -> (prime A, sub-contractor B).

    Without the 【再委託先】 marker the whole cell is the sub-contractor: ``(None, parse_party(s))``.
    """
    text = nfkc(s or "")
    sub = _SUB.search(text)
    if not sub:
        body = _PRIME.sub("", text)
        return None, parse_party(body) if normalize_text(body) else None
    prime_text = _PRIME.sub("", text[: sub.start()])
    prime = parse_party(prime_text) if normalize_text(prime_text) else None
    return prime, parse_party(text[sub.end() :])
