"""A cover heading's council and kind word, in the ways offices print them.

    cover_heading("狛江市個人情報保護審議会【付議事項】") -> ("狛江市個人情報保護審議会", "付議事項")
    cover_heading("那覇市個人情報保護運営審議会諮問第3号") -> (…, "諮問事項")

The key is compact (NFKC, no whitespace: 「付 議 事 項」 is 付議事項). The kind word may be
bracketed (【付議事項】, 〔諮問事項〕, (報告事項)), numbered (諮問第3号 is a 諮問 → 諮問事項,
報告第2号 → 報告事項, 付議第1号 → 付議事項; 付議事項１, a packet's first item → 付議事項), print 諮問・報告事項 with another joiner
(諮問･報告事項, 諮問/報告事項, 諮問及び報告事項), and stand before the council's name. The council
must end in 会議 / 審議会 / 委員会 / 審査会 and the key be nothing but the two.
"""

from __future__ import annotations

import re

_OPEN = r"[【〔\[(<《「]?"
_CLOSE = r"[】〕\])>》」]?"
_NUMBER = r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})"
_KIND = (
    # 付議事項１ / 報告事項第2号: a packet numbers its items after the kind word
    rf"(?:(?P<kind>諮問[・/、]?(?:及び|および|並びに)?報告事項|付議事項|諮問事項|報告事項)"
    rf"(?:第?{_NUMBER}号?)?"
    rf"|(?P<numbered>付議|諮問|報告)第?{_NUMBER}号)"
)
_COUNCIL = r"(?P<council>[^【〔\[(<《「」》>)\]〕】]{2,40}?(?:会議|審議会|委員会|審査会))"
_AFTER = re.compile(rf"^{_COUNCIL}{_OPEN}{_KIND}{_CLOSE}$")
_BEFORE = re.compile(rf"^{_OPEN}{_KIND}{_CLOSE}{_COUNCIL}$")
_KIND_ONLY = re.compile(rf"^{_OPEN}{_KIND}{_CLOSE}$")
_COUNCIL_ONLY = re.compile(rf"^{_COUNCIL}$")


def cover_heading(key: str) -> tuple[str, str] | None:
    """(council as printed, canonical kind word) when ``key`` is a cover heading, else None."""
    key = _dots(key)
    m = _AFTER.match(key) or _BEFORE.match(key)
    if not m:
        return None
    if m.group("numbered"):
        return m.group("council"), m.group("numbered") + "事項"
    kind = m.group("kind")
    return m.group("council"), (
        "諮問・報告事項" if kind.endswith("報告事項") and kind.startswith("諮問") else kind
    )


def heading_piece(key: str) -> bool:
    """Is ``key`` one half of a cover heading printed apart from the other: nothing but the
    kind word (付議第2号 in a box at the top, 【諮問事項】) or nothing but a council's name?"""
    return _kind_only(key) or _council_only(key)


def heading_pieces(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` the two halves of a cover heading printed apart (the kind word on
    one line, the council's name 浜風市個人情報保護管理委員会 on another)?"""
    return (_kind_only(a) and _council_only(b)) or (_kind_only(b) and _council_only(a))


def _kind_only(key: str) -> bool:
    return _KIND_ONLY.match(_dots(key)) is not None


def _council_only(key: str) -> bool:
    """A council's name alone (no digits: not a meeting's name, 令和5年度第9回…)."""
    return _COUNCIL_ONLY.match(_dots(key)) is not None and not re.search(r"\d", key)


def _dots(key: str) -> str:
    return key.replace("･", "・").replace("·", "・")
