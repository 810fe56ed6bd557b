"""String normalisation shared by every mapping stage (SCHEMA.md, "Normalisation rules").

Values are NFKC-normalised, then the spaces and line breaks that only come from
layout are removed: ``normalize_text("健康\\n管理 システム") -> "健康管理システム"``,
``normalize_text("Microsoft\\nDynamics 365") -> "Microsoft Dynamics 365"``.

Decision (documented): a whitespace run is kept as ONE space only when the
characters on both sides are half-width latin letters/digits (or ``,.;:!?%`` on the
left) *as printed*. A full-width latin letter (``Ｉ\\nＤ``) is set like a Japanese
character, so a break between two of them vanishes (``ID``); a space between a
Japanese character and a latin one also vanishes (``株式会社 JTB`` -> ``株式会社JTB``,
``約 380 名`` -> ``約380名``), because Japanese typesetting puts no word spaces there:
such gaps are layout (Word's automatic spacing, justified lines, pdftotext columns).
"""

from __future__ import annotations

import re
import unicodedata

# Whitespace as found in extracted text: ASCII, NBSP, ideographic space, line and
# paragraph separators, tabs, zero-width characters.
_WS = " \t\r\n\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WS_RUN = re.compile(f"[{_WS}\u200b\u200c\u200d\ufeff]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_LATIN_LEFT = set(",.;:!?%")


def _is_latin(ch: str) -> bool:
    """Half-width ASCII letter or digit as printed (full-width forms count as Japanese)."""
    return ch.isascii() and ch.isalnum()


def _keeps_space(left: str, right: str) -> bool:
    return (_is_latin(left) or left in _LATIN_LEFT) and _is_latin(right)


def _collapse(raw: str) -> str:
    """Apply the layout-whitespace rule to raw (pre-NFKC) text, then NFKC each piece."""
    raw = _ZERO_WIDTH.sub("", raw)
    parts = _WS_RUN.split(raw)
    out: list[str] = []
    prev_last = ""
    for part in parts:
        if not part:
            continue
        if out and _keeps_space(prev_last, part[0]):
            out.append(" ")
        out.append(part)
        prev_last = part[-1]
    return unicodedata.normalize("NFKC", "".join(out))


def normalize_text(s: str | None) -> str | None:
    """NFKC + layout whitespace removed; ``""``/whitespace-only -> ``None``.

    ``normalize_text("約 ３８０ 名") -> "約380名"``
    """
    if s is None:
        return None
    text = _collapse(s).strip()
    # NFKC may itself produce spaces or turn the characters beside one into others
    # (compatibility forms, combining accents): collapse until nothing changes, so that
    # normalising normalised text changes nothing.
    for _ in range(3):
        if not _WS_RUN.search(text):
            break
        again = _collapse(text).strip()
        if again == text:
            break
        text = again
    return text or None


def join_lines(lines: list[str]) -> str | None:
    """Join the lines of one cell with the same layout rule: ``["健康管", "理"] -> "健康管理"``."""
    return normalize_text("\n".join(line for line in lines if line is not None))


def strip_label(s: str) -> str:
    """NFKC and every whitespace removed: the key form of a printed label (``件　　名`` -> ``件名``)."""
    return _WS_RUN.sub("", _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", s or "")))


_FW_ALNUM = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_FW_BREAK = re.compile(f"(?<=[{_FW_ALNUM}])[{_WS}]+(?=[{_FW_ALNUM}])")


def nfkc(s: str) -> str:
    """NFKC for parsers: whitespace kept (it carries structure), zero-width characters dropped.

    A break between two full-width latin letters/digits (``Ｉ\\nＤ``) is removed first,
    since after NFKC it could no longer be told from a break between two latin words.
    """
    return unicodedata.normalize("NFKC", _FW_BREAK.sub("", _ZERO_WIDTH.sub("", s or "")))


_OPEN = "([{「『【〔〈《"
_CLOSE = ")]}」』】〕〉》"


def split_outside_brackets(s: str, seps: str = "、") -> list[str]:
    """Split ``s`` on any char of ``seps`` at bracket depth 0 (pieces not stripped).

    ``split_outside_brackets("A(x、y)、B") -> ["A(x、y)", "B"]``
    """
    pieces: list[str] = []
    depth = 0
    buf: list[str] = []
    for i, ch in enumerate(s):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and ch in seps and not _is_thousands_comma(s, i):
            pieces.append("".join(buf))
            buf = []
            continue
        buf.append(ch)
    pieces.append("".join(buf))
    return pieces


def _is_thousands_comma(s: str, i: int) -> bool:
    return s[i] == "," and 0 < i < len(s) - 1 and s[i - 1].isdigit() and s[i + 1].isdigit()


def bracket_depths(s: str) -> list[int]:
    """Bracket depth before each character of ``s`` (an opening bracket is at its outer depth)."""
    depths: list[int] = []
    depth = 0
    for ch in s:
        if ch in _CLOSE:
            depth = max(0, depth - 1)
            depths.append(depth)
            continue
        depths.append(depth)
        if ch in _OPEN:
            depth += 1
    return depths


def trailing_bracket(s: str) -> tuple[str, str | None]:
    """Split a final balanced ``(...)`` off ``s``: ``"メールアドレス(任意)" -> ("メールアドレス", "任意")``.

    Only round brackets count (after NFKC); a string that is entirely bracketed is
    returned unchanged.
    """
    s = s.strip()
    if not s.endswith(")"):
        return s, None
    depth = 0
    for i in range(len(s) - 1, -1, -1):
        ch = s[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                head, inner = s[:i].strip(), s[i + 1 : -1].strip()
                if not head:
                    return s, None
                return head, inner or None
    return s, None


# The administration a form speaks for: 区 / 市 / 町 / 村 / 都 / 道 / 府 / 県, also 本市 / 当区 …
ADMIN = r"(?:[本当]?[区市町村都道府県])"
# A named municipality before its own policy/ordinance (新宿区 / 緑ヶ丘市 / 東京都港区 …).
_NAME_CHAR = "\u3400-\u9fff\u30a0-\u30ff々"
_NAMED_ADMIN = re.compile(
    rf"(?<![{_NAME_CHAR}])[{_NAME_CHAR}]{{1,6}}?[都道府県市区町村]"
    r"(?=情報セキュリティ|個人情報保護条例|個人情報保護方針)"
)
# The administration alone as the subject/object of a sentence: 区が / 市の / 直ちに町と …
_BARE_ADMIN = re.compile(rf"(?<![{_NAME_CHAR}]){ADMIN}(?=[がのとにへでは、])")


def neutral_admin(s: str) -> str:
    """The administration's own name or pronoun made one token, so that wording matched against
    a catalogue does not depend on which city printed it:
    ``"個人情報保護法及び緑ヶ丘市情報セキュリティポリシーを遵守させる"`` and ``"…新宿区情報…"`` ->
    ``"…自治体情報セキュリティポリシー…"``; ``"直ちに市と今後の対応を協議させる"`` -> ``"直ちに区と…"``.
    """
    s = _NAMED_ADMIN.sub("自治体", s)
    return _BARE_ADMIN.sub("区", s)


# Glyphs OCR makes of ruling lines and specks at a cell's edge (納税課= / …させる。「][).
_EDGE_JUNK = "「」『』[]{}=|“”‘’`^~_"
_PAIRS = {"」": "「", "』": "『", "]": "[", "}": "{"}
_PAGE_NO_TAIL = re.compile(r"。\s*\d{1,3}\s*$")
_HARD_JUNK = "=|“”`^~_"  # never ends a printed value
_SPECKS = re.compile(r"[\u3040-\u30ff.,・ー\-]{0,2}")  # what OCR reads after it (“っ)
_SUSPECT = re.compile(r"[=|“”\[\]{}^~_]")


def strip_ocr_edge_junk(s: str) -> tuple[str, str]:
    """(value without unbalanced junk glyphs at its ends, the junk removed):
    ``"納税課="`` -> ``("納税課", "=")``; ``"…保管させる。「]["`` -> ``("…保管させる。", "「][")``;
    a balanced ``「特記事項」`` at the end stays."""
    end = len(s)
    hard = max((i for i in range(max(0, len(s) - 3), len(s)) if s[i] in _HARD_JUNK), default=-1)
    if hard > 0 and _SPECKS.fullmatch(s[hard + 1 :]):
        end = hard  # “っ / =ー : a junk glyph and a speck or two read after it
    if m := _PAGE_NO_TAIL.search(s[:end]):
        end = m.start() + 1  # 。15: a page number OCR'd into the cell after the last sentence
    while end > 0 and (s[end - 1] in _EDGE_JUNK or (s[end - 1] == " " and end < len(s))):
        ch = s[end - 1]
        opener = _PAIRS.get(ch)
        if opener is not None and s.count(opener, 0, end - 1) >= s.count(ch, 0, end):
            break  # closes a bracket opened in the value
        end -= 1
    start = 0
    while start < end and s[start] in _EDGE_JUNK and s[start] not in "「『[{":
        start += 1
    return s[start:end].strip(), s[:start] + s[end:]


def ocr_suspect(s: str) -> bool:
    """True when an OCR'd value still holds glyphs typical of misreads (= | [ ] stray 「)."""
    return bool(_SUSPECT.search(s)) or s.count("「") != s.count("」")


_REF_KANJI_DASH = re.compile(r"(?<=資料)(\s*\d+)\s*一\s*(?=\d)")
_COUNT_UNITS = "人件名世帯台校園社通枚冊戸"
_OCR_COMMA = re.compile(rf"(?<![\d.])(\d{{1,3}})\.(\d{{3}})(?![\d.])(?=\s*[{_COUNT_UNITS}])")


def fix_ocr_numbers(s: str) -> str:
    """OCR misreads in number contexts only, inside running text: the dash of a 資料 number read
    as 一 (``資料5一1`` -> ``資料5-1``) and a thousands comma read as a period before a count
    unit (``約35.000人`` -> ``約35,000人``). Anything else is left as read."""
    s = _REF_KANJI_DASH.sub(lambda m: m.group(1).strip() + "-", s)
    return _OCR_COMMA.sub(r"\1,\2", s)
