"""Data-item cells (記録される情報項目 / 結合される情報項目 / 処理させる情報項目) and the 記録項目 list.

Reading conventions (SCHEMA.md "Data items") and decisions taken here:
- items split on 、 (and ``,``) outside brackets; a trailing bracket is the qualifier,
  always (``宛名番号(住民番号)`` -> name 宛名番号, qualifier 住民番号).
- ``data_subjects`` comes from ``1 個人の範囲``, else from a heading like
  【本事業の対象者に係る情報項目】 (-> ``本事業の対象者``), else from a ※「該当者」の定義
  list. A subject printed as numbered entries (①②③ or 1 2 3) is kept as printed,
  normalised, numbering included (NFKC makes ① a 1): no joiner is invented.
- items given only as ``資料N-2のとおり`` -> ``items=[]``, ``ref="資料N-2"``.
Functions take the raw cell text (line breaks kept) and normalise it themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.record import DataItem
from pipeline.provisions import find_references
from pipeline.text import join_lines, nfkc, normalize_text, split_outside_brackets, trailing_bracket


@dataclass
class ItemsCell:
    """What one data-item cell says: whose data, which items, given by reference, where kept."""

    data_subjects: str | None = None
    items: list[DataItem] = field(default_factory=list)
    ref: str | None = None
    system: str | None = None


_SUBLABEL = re.compile(
    r"(?:(?<!\d)(?:\d{1,2}|[①-⑳]|\(\d\))[ \t\u3000.]*"
    r"|(?:^|(?<=\s))\(?[ア-ン]\)?[ \t\u3000.、]+|(?:^|(?<=\s)))"  # ア 個人の範囲 / (イ) 記録項目
    r"(?P<kind>個人の範囲|対象者の範囲"
    r"|記録(?:する|される)(?:個人)?情報の?項目|記録項目"
    # 処理させる(情報)項目 / 結合される・する / 提供する / 委託する / 取り扱う(個人)(情報の)項目
    r"|(?:処理(?:させる|する)|結合(?:される|する)|提供(?:される|する)|委託(?:される|する)|取り?扱う)"
    r"(?:個人)?(?:情報の?)?項目"
    r"|記録するコンピュータ[ー]?|記録するシステム|記録媒体)"
    # ア 該当者 … イ 情報項目 … / (ア)(イ) / 1 個人の範囲 … 2 情報項目 …: numbered sub-headings only
    r"|(?:^|(?<=\s))(?:\(?[ア-ン]\)?|\d{1,2}|[①-⑳]|\(\d\))[ \t\u3000.、]*"
    r"(?P<kana>該当者|対象者|情報項目)(?=[\s:：])"
    # 該当者：… / 項目：… at a line start: the colon makes them sub-labels without numbering
    r"|(?:^|(?<=\n))[ \t\u3000]*(?P<colon>該当者|対象者|情報項目|項目)[ \t\u3000]*(?=[:：])"
)
_BODY_LEAD = " \t\u3000:："
# 【…に係る情報項目】 / 【…に係る項目】; OCR may read the lenticular brackets as 〔 〕.
_HEADING = re.compile(r"[【〔](?P<h>[^】〕]{1,60})[】〕]")
_SUBJECT_SUFFIX = re.compile(r"(?:(?:に係る|に関する|の)?(?:個人)?情報|に係る|に関する|の)項目$")
_DEFINITION = re.compile(r"※[ \t\u3000]*「?(?P<term>[^」\s]{1,20})」?[ \t\u3000]*の定義")
_REF_ONLY = re.compile(r"^\s*(?:資料|別紙|別添|別表).{0,20}?(?:のとおり|を参照|参照)。?\s*$")
_OTHER_REF = re.compile(r"(?:別紙|別添|別表)[\d\-]*")


def join_entries(text: str) -> str | None:
    """A subject printed as numbered entries, kept as printed (normalised, numbering kept:
    ``① A ② B`` -> ``1A2B`` since NFKC turns ① into 1), as the goldens read it."""
    return normalize_text(text)


_BULLET_LINE = re.compile(r"(?:^|\n)[ \t\u3000]*[・･•●○◦▪■□\-][ \t\u3000]*")
_PAREN_NUMBER = re.compile(r"(?:^|(?<=\s)|(?<=[、。]))\(\d{1,2}\)[ \t\u3000]*")


def _list_pieces(text: str) -> list[str] | None:
    """Items printed as a list (``・氏名`` lines, ``(1) 氏名 (2) 住所``) -> one piece each; None
    when the cell is not such a list."""
    for marker in (_BULLET_LINE, _PAREN_NUMBER):
        hits = list(marker.finditer(text))
        if len(hits) >= 2 and not text[: hits[0].start()].strip():
            ends = [h.start() for h in hits[1:]] + [len(text)]
            return [text[h.end() : e] for h, e in zip(hits, ends, strict=True)]
    return None


def split_items(text: str) -> list[DataItem]:
    """``"住所、カナ氏名、メールアドレス(任意)"`` -> 3 DataItems (the last with qualifier 任意)."""
    pieces = _list_pieces(text or "")
    if pieces is not None:
        return [item for p in pieces for item in split_items(p)]
    body = normalize_text(text)
    if not body:
        return []
    out = []
    for piece in split_outside_brackets(body, "、,"):
        piece = piece.strip(" 。・")
        if not piece:
            continue
        name, qualifier = trailing_bracket(piece)
        out.append(DataItem(name=name, qualifier=qualifier))
    return out


def _items_or_ref(text: str, cell: ItemsCell) -> None:
    flat = normalize_text(text) or ""
    if _REF_ONLY.match(flat):
        refs = find_references(flat)
        other = _OTHER_REF.match(flat)
        cell.ref = refs[0] if refs else (other.group(0) if other else None)
        if cell.ref:
            return
    cell.items = split_items(text)


def _split_definition(body: str) -> tuple[str, str | None]:
    """Cut a ``※「該当者」の定義 1 … 2 …`` list off an item body: (items text, subjects)."""
    m = _DEFINITION.search(body)
    if not m:
        return body, None
    return body[: m.start()], join_entries(body[m.end() :])


def _from_headings(text: str, cell: ItemsCell) -> bool:
    heads = list(_HEADING.finditer(text))
    if not heads:
        return False
    for k, h in enumerate(heads):
        body = text[h.end() : (heads[k + 1].start() if k + 1 < len(heads) else len(text))]
        head = normalize_text(h.group("h")) or ""
        if re.search(r"コンピュータ|記録媒体|サーバ", head) and "情報項目" not in head:
            cell.system = normalize_text(body)
            continue
        body, defined = _split_definition(body)
        _items_or_ref(body, cell)
        subject = _SUBJECT_SUFFIX.sub("", head)
        if "※" in subject or defined:
            subject = defined or re.sub(r"\(?※\)?", "", subject)
        cell.data_subjects = subject or cell.data_subjects
    return True


def _from_sublabels(text: str, cell: ItemsCell) -> bool:
    marks = list(_SUBLABEL.finditer(text))
    if not marks:
        return False
    for k, m in enumerate(marks):
        body = text[m.end() : (marks[k + 1].start() if k + 1 < len(marks) else len(text))]
        body = body.lstrip(_BODY_LEAD)  # 個人の範囲：申請者
        kind = m.group("kind") or m.group("kana") or m.group("colon")
        if kind in ("個人の範囲", "対象者の範囲", "該当者", "対象者"):
            cell.data_subjects = join_entries(body)
        elif kind.startswith("記録するコンピュータ") or kind in ("記録するシステム", "記録媒体"):
            cell.system = normalize_text(body)
        else:
            body, defined = _split_definition(body)
            _items_or_ref(body, cell)
            cell.data_subjects = cell.data_subjects or defined
    return True


def parse_items_cell(s: str) -> ItemsCell:
    """Read one data-item cell.

    ``"1 個人の範囲 5歳児健康診査の対象者 2 記録項目 資料61-2のとおり 3 記録するコンピュータ X"``
    -> subjects ``5歳児健康診査の対象者``, ref ``資料61-2``, system ``X``.
    """
    cell = ItemsCell()
    text = nfkc(s or "")
    if not text.strip():
        return cell
    if _from_sublabels(text, cell) or _from_headings(text, cell):
        return cell
    body, defined = _split_definition(text)
    _items_or_ref(body, cell)
    cell.data_subjects = defined
    return cell


# --- the 記録項目 list ------------------------------------------------------------

_TOP = re.compile(r"^\s*【\s*\d{1,2}\s*】\s*(?P<name>.+)$")
_SUB = re.compile(r"^\s*\(\s*\d{1,2}\s*\)(?:\s*[-‐－]\s*\d{1,2})?\s*(?P<name>.+)$")


def _heading(line: str) -> tuple[int, str, str] | None:
    """(level, heading name, list text on the same line) for a 【1】 / (1) / (3)-1 heading."""
    for level, pat in ((0, _TOP), (1, _SUB)):
        m = pat.match(line)
        if m:
            name = m.group("name").strip()
            rest = ""
            if len(split_outside_brackets(name, "、")) > 1:  # heading and list on one line
                name, _, rest = name.partition(" ")
            return level, normalize_text(name) or name, rest
    return None


def parse_record_items(lines: list[str]) -> list[tuple[list[str], str]]:
    """The 記録項目 list -> ``(group, name)`` pairs: ``【1】基本情報`` / ``(1) 住民情報`` /
    ``市区町村コード、宛名番号…`` -> ``(["基本情報", "住民情報"], "市区町村コード")``.

    Names keep their brackets (``扶助フラグ(生活、住宅、…)``). Lines before the first
    heading without a 、 (a title such as ``(新)○○システムの記録項目``) and ※ notes are skipped.
    """
    out: list[tuple[list[str], str]] = []
    group: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = join_lines(buffer)
        buffer.clear()
        if text:
            for piece in split_outside_brackets(text, "、"):
                name = piece.strip(" 。")
                if name:
                    out.append((list(group), name))

    for raw in lines:
        line = nfkc(raw or "")
        if not line.strip() or line.strip().startswith("※"):
            continue
        head = _heading(line)
        if head:
            flush()
            level, name, rest = head
            group = group[:level] + [name]
            if rest:
                buffer.append(rest)
            continue
        if not group and "、" not in line:
            continue
        buffer.append(line)
    flush()
    return out
