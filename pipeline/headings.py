"""Headings: what a single text line or table row announces (cover, 件名, checklist, …).

Matched on the compact text (NFKC, no whitespace), so 「件 名」 and 「件名」 are one label.

    classify_unit(unit).kind -> "cover" for 「個人情報保護管理運営会議 付議事項」
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from pipeline.item_kind import cover_heading, heading_piece, heading_pieces
from pipeline.labels import match_label
from pipeline.units import Unit

_COVER = re.compile(
    r"^(?P<council>.{2,40}?(?:会議|審議会|委員会))(?P<kind>諮問・報告事項|付議事項|諮問事項|報告事項)$"
)
# The checklist's kind as offices word it; canonical_checklist_kind maps it to one of three.
_KIND_WORDS = (
    r"電算処理|電子計算機(?:による)?処理|外部結合|オンライン結合|業務委託|外部委託|再委託|委託"
)
_CHECKLIST = re.compile(
    rf"({_KIND_WORDS})(?:に|へ)?(?:かかる|係る|関する|における|の).{{0,20}}チェックリスト"
    # 個人情報保護対策チェックリスト（業務委託）: the kind after the list word
    rf"|チェックリスト[(【\[〔]({_KIND_WORDS})[)】\]〕]$"
)
# A heading that names no kind (個人情報保護対策チェックリスト): the kind comes from the sheets.
_CHECKLIST_BARE = re.compile(r"^(?:\d{1,2}[.、]?)?(?:個人情報)?(?:保護)?(?:対策)?チェックリスト$")


def canonical_checklist_kind(word: str) -> str:
    """``"電子計算機処理"`` -> ``"電算処理"``, ``"オンライン結合"`` -> ``"外部結合"``,
    ``"再委託"`` / ``"外部委託"`` / ``"委託"`` -> ``"業務委託"``."""
    if "処理" in word:
        return "電算処理"
    if "結合" in word:
        return "外部結合"
    return "業務委託"


# Specks OCR reads into a heading (チェッ・クリスト); dropped before a second try.
_OCR_NOISE = re.compile(r"[・.,、。:;'`\"・･]")
_OVERVIEW_ROW_LABELS = ("事業名",)
_TITLE_NOISE = re.compile(r"^[、。.,・'\"“”`]{1,2}(?=件名)")
# Label score from which a table row's first cell counts as a known label.
KNOWN_LABEL_SCORE = 0.8


@dataclass
class Heading:
    kind: str  # cover overview title checklist record_items flow notes sheet_marker none
    text: str = ""
    council: str | None = None
    item_kind: str | None = None
    checklist_kind: str | None = None


NONE = Heading("none")


def classify_unit(u: Unit) -> Heading:
    key = u.key
    if u.kind == "row":
        return _classify_row(u)
    if not key:
        return NONE
    cover = classify_unit_text(key)
    if cover.kind == "cover":
        return cover
    if _TITLE_NOISE.sub("", key).startswith("件名"):  # 、件名: an OCR speck before the label
        return Heading("title", key)
    if "のとおり" in key or key.startswith("※"):
        return NONE
    return _classify_line(key)


def join_split_headings(units: list[Unit], tags: list[Heading]) -> list[Heading]:
    """A cover heading printed in pieces is one heading: the council name on one line and its
    kind word (付議事項 …) on the next, a kind word wrapped mid-word (…報告事 / 項), or two spans
    on the same band. Pieces are joined in reading order; up to ``_JOIN_SKIP`` unrelated short
    lines between them (a 資料 number box beside the heading) are skipped and kept as they are.
    """
    out = list(tags)
    for i, head in enumerate(units):
        if head.kind != "line" or out[i].kind != "none" or not head.key:
            continue
        joined = _join_from(units, out, i)
        if joined is not None:
            k, heading = joined
            out[i], out[k] = heading, NONE
    return _cover_provisions_are_not_sheets(units, out)


def _cover_provisions_are_not_sheets(units: list[Unit], tags: list[Heading]) -> list[Heading]:
    """``◇業務委託（第10条第2項）`` under a cover's 条例の根拠 / 要綱の根拠 is a provision of the
    cover's basis, not the marker of a 別紙 sheet (the same words head a sheet elsewhere)."""
    out = list(tags)
    for i, t in enumerate(tags):
        if t.kind != "sheet_marker" or not units[i].key.startswith("◇"):
            continue
        j = i - 1
        while j >= 0 and units[j].page == units[i].page and _basis_line(units[j].key):
            j -= 1
        if j < 0 or units[j].page != units[i].page or not units[j].key.endswith("の根拠"):
            continue
        if any(tags[k].kind == "cover" and units[k].page == units[i].page for k in range(j)):
            out[i] = NONE
    return out


def _basis_line(key: str) -> bool:
    """A line of the basis block between 〇〇の根拠 and a provision: another ◇ line, 【報告】."""
    return key.startswith("◇") or "報告" in key[:4]


_JOIN_SKIP = 2


def _join_from(units: list[Unit], tags: list[Heading], i: int) -> tuple[int, Heading] | None:
    """(index of the continuation, the joined heading) when units[i] + a near line is a cover."""
    head = units[i]
    line_h = max(head.bbox.y1 - head.bbox.y0, 1.0)
    piece = heading_piece(head.key)  # half a heading: its other half may be further down
    for k in range(i + 1, min(len(units), i + 2 + _JOIN_SKIP)):
        u = units[k]
        if u.kind != "line" or u.page != head.page:
            return None
        if u.bbox.y0 - head.bbox.y1 > 2.0 * line_h:
            if piece and heading_pieces(head.key, u.key):
                return k, classify_unit_text(head.key + u.key)
            if piece and tags[k].kind == "none":
                continue  # a mark or stamp between the two halves
            return None  # too far below: a different paragraph
        if tags[k].kind == "cover" and not _council_start(head.key):
            return None  # a complete heading below a line of its own (a meeting's name)
        if tags[k].kind not in ("none", "cover"):
            return None
        joined = classify_unit_text(head.key + u.key)
        if joined.kind == "cover":
            return k, joined
        if tags[k].kind == "cover":
            return None
    return None


_NOT_A_NAME = re.compile(r"[\d。、「」()（）]|回|年度|令和|平成")


def _council_start(key: str) -> bool:
    """Could this line be the first part of a council's name wrapped onto the next line
    (緑ヶ丘市情報公開・個人情報保 / 護審議会 諮問・報告事項)? No digits, dates or sentences."""
    return 2 <= len(key) <= 30 and not _NOT_A_NAME.search(key)


def classify_unit_text(key: str) -> Heading:
    m = _COVER.match(key.replace("･", "・"))
    if m:
        return Heading("cover", key, council=m.group("council"), item_kind=m.group("kind"))
    if found := cover_heading(key):  # 【付議事項】, 諮問第3号, kind before the council …
        return Heading("cover", key, council=found[0], item_kind=found[1])
    return _ocr_cover(key)


_KINDS = ("諮問・報告事項", "付議事項", "諮問事項", "報告事項")
_COUNCIL_END = re.compile(r"^.{2,40}?(?:会議|審議会|委員会)$")


def _ocr_cover(key: str) -> Heading:
    """A cover heading whose kind word has one OCR error (論問・報告事項, 付議事頂): the council
    name must end in 会議/審議会/委員会 right before it, and the word keep 3 of 4 characters."""
    for kind in _KINDS:
        council, tail = key[: -len(kind)], key[-len(kind) :]
        if (
            len(key) > len(kind)
            and Levenshtein.distance(tail, kind) == 1
            and _COUNCIL_END.match(council)
        ):
            return Heading("cover", key, council=council, item_kind=kind)
    return NONE


def _classify_line(key: str) -> Heading:
    bare = key.strip("【】〔〕[]()<>《》■□●◆◇")  # 【事業の概要】, ■事業概要
    if (bare.startswith("事業の概要") or bare.startswith("事業概要")) and len(bare) <= 12:
        return Heading("overview", key)
    cm = _CHECKLIST.search(key) or _CHECKLIST.search(_OCR_NOISE.sub("", key))
    if cm and len(key) <= 60:
        word = cm.group(1) or cm.group(2)
        return Heading("checklist", key, checklist_kind=canonical_checklist_kind(word))
    if _CHECKLIST_BARE.match(key):
        return Heading("checklist", key)
    if "記録項目" in key and len(key) <= 40 and not key[0].isdigit():
        return Heading("record_items", key)
    if "個人情報の流れ" in key and len(key) <= 60:
        return Heading("flow", key)
    if (
        len(key) <= 20
        and (key.endswith("特記事項") or key.endswith("取扱注意事項"))
        and "「" not in key
    ):
        return Heading("notes", key)
    if key.startswith("別紙") and len(key) <= 40:
        return Heading("sheet_marker", key)
    if key.startswith("◇") and _mentions_category(key) and len(key) <= 80:
        return Heading("sheet_marker", key)
    return NONE


def _mentions_category(key: str) -> bool:
    return bool(re.match(r"^◇(電算処理|外部|業務委託|再委託|電子計算機|個人情報処理)", key))


def _classify_row(u: Unit) -> Heading:
    first = u.first_key
    if first.startswith("件名") and (len(first) <= 3 or len(u.cells) == 1):
        return Heading("title", u.key)
    if first in _OVERVIEW_ROW_LABELS:
        return Heading("overview", first)
    return NONE


def is_known_label_row(u: Unit) -> bool:
    """True when a row's first cell is a label the catalogue knows (section or overview), 件名 aside:
    any form has a 件名, so it is no evidence of a submission by itself."""
    if u.kind != "row" or len(u.cells) < 2:
        return False
    label = u.cells[0].text
    if not label.strip():
        return False
    for scope in ("section", "overview"):
        m = match_label(label, scope)
        if m.field not in (None, "title") and m.score >= KNOWN_LABEL_SCORE:
            return True
    return False
