"""The 事業の概要 table: 事業名, 担当課, 目的, 対象者, 事業内容, plus the numbered 付議内容
items (agenda) and the stated headcounts (counts) read from 事業内容 and the lines after it.

    map_overview(ctx).agenda[0] -> "電算処理 健康管理システムに5歳児健康診査の管理機能(標準化項目)を実装する。"
"""

from __future__ import annotations

import re

from models.record import Count, Overview
from pipeline.counts import parse_count_line, parse_counts
from pipeline.labels import match_label
from pipeline.map_context import MapContext
from pipeline.pairs import Pair, region_pairs
from pipeline.text import (
    fix_ocr_numbers,
    nfkc,
    normalize_text,
    split_outside_brackets,
    strip_ocr_edge_junk,
)
from pipeline.units import Unit, compact

CATEGORY_WORDS = ("電算処理", "外部結合", "業務委託", "再委託")
# …付議内容 / 諮問事項 / 付議する内容 / 審議事項 / 本審議会に諮る内容 / 審議いただく内容 (heading end)
_AGENDA_HEAD = re.compile(
    r"(?:付議|諮問|報告|審議|諮る|付議する|諮問する|報告する|審議する|審議いただく|諮問いたす)"
    r"(?:内容|事項)(?:の内容|等)?$"
)
# "3 対象者数" / "3対象者数" (OCR drops the space); not "1.…" sub-items nor "900人…" counts.
# After a space any word starts a heading (3 年間申込件数, 3 名簿登載者数): "3年…" / "3名" glued
# to the number are a quantity, "3 年間…" is item 3 of the outer numbering.
_TOP_HEADING = re.compile(
    r"^\s*(\d{1,2})(?:[ \t\u3000]+(?![\d.、)．%])|(?![\d.、)．人件名年月日時歳回か%万千百]))(\S.*)$"
)
_MARKERS = (
    re.compile(r"(?:^|(?<=\s))\((\d{1,2})\)\s*"),
    re.compile(r"(?:^|(?<=\s))([①-⑳])\s*"),
    re.compile(r"(?:^|(?<=\s))(\d{1,2})[.、]\s*"),
    re.compile(r"(?:^|(?<=\s))\(([ア-ン])\)\s*"),
    re.compile(r"(?:^|(?<=\s))(\d{1,2})\)\s*"),
    re.compile(r"(?:^|(?<=\n))([ア-ン])[ \t\u3000.、]+"),  # ア 電算処理 … (line start only)
    # 1 外部結合 … under 第1/第2 headings (in the bare-number style these lines end the block);
    # 1電算処理… when OCR lost the space, only before a category word
    re.compile(
        r"(?:^|(?<=\n))(\d{1,2})(?:[ \t\u3000]+(?=\D)|(?=電算処理|外部結合|業務委託|再委託))"
    ),
)
_COUNT_HEAD = re.compile(r"数|規模|見込|対象|人員")
LABEL_SCORE = 0.75


def map_overview(ctx: MapContext) -> Overview:
    regions = ctx.seg.regions_of("overview")
    if not regions:
        return Overview()
    units = [u for r in regions for u in ctx.units(r)]
    ov = Overview()
    desc_pair: Pair | None = None
    row_counts: list[Count] = []
    for p in region_pairs(units, "overview"):
        m = match_label(p.label, "overview")
        value = normalize_text(p.raw_value)
        if value is not None and p.confidence is not None:
            value = _checked_ocr_value(ctx, p, value)
        if m is None or m.field is None or m.score < LABEL_SCORE or not value:
            continue
        if m.field == "counts":  # a 対象者数 row of the table itself
            row_counts.extend(parse_counts(value, label=normalize_text(p.label)))
        elif m.field == "divisions":
            ov.divisions = [
                d for d in (normalize_text(x) for x in split_outside_brackets(value)) if d
            ]
        elif getattr(ov, m.field, None) in (None, []):
            setattr(ov, m.field, value)
            if m.field == "description":
                desc_pair = p
        else:
            continue
        ctx.prov_pair(f"overview.{m.field}", p)
    lines = _body_lines(units, desc_pair)
    ov.agenda = parse_agenda(lines)
    ov.counts = row_counts + parse_overview_counts(lines)
    if ov.agenda or ov.counts:
        ctx.prov("overview.agenda", units[0].page, units[0].bbox)
    return ov


def _checked_ocr_value(ctx: MapContext, p: Pair, value: str) -> str | None:
    """An OCR'd overview value: number contexts repaired, edge junk cut (warned)."""
    clean, junk = strip_ocr_edge_junk(fix_ocr_numbers(value))
    if junk:
        ctx.warn("ocr_suspect", f"「{compact(p.label)}」: dropped OCR edge junk 「{junk}」", p.page)
    return clean or None


def _body_lines(units: list[Unit], desc: Pair | None) -> list[str]:
    """事業内容's lines, then the text lines printed below the table (same region)."""
    lines = desc.raw_value.split("\n") if desc else []
    if desc is not None and desc.tail is not None and desc.bboxes:
        # Borderless: no table ends the pairs; what follows is below the description's value.
        page, box = desc.bboxes[-1]
        lines += [
            u.text
            for u in units
            if u.kind == "line" and (u.page > page or (u.page == page and u.bbox.y0 >= box.y1 - 1))
        ]
    else:
        last_row = max((i for i, u in enumerate(units) if u.kind == "row"), default=-1)
        lines += [u.text for u in units[last_row + 1 :] if u.kind == "line"]
    out = [nfkc(_CIRCLED.sub(_circled_to_paren, ln)) for ln in lines if ln.strip()]
    return [piece for ln in out for piece in _GLUED_HEADING.split(ln) if piece.strip()]


# A numbered count heading glued after a sentence on one line (…受信する。3.対象者数 約…):
# the line is cut before it.
_GLUED_HEADING = re.compile(r"(?<=。)\s*(?=\d{1,2}\s*[.、]?\s*[^\d\s.、。]{1,12}?(?:数|規模|見込))")


_CIRCLED = re.compile("[\u2460-\u2473]")  # ①..⑳, which NFKC would turn into bare digits


def _circled_to_paren(m: re.Match[str]) -> str:
    return f"({ord(m.group(0)) - 0x2460 + 1})"


# Top-level numbering with a period (1.概要 / ３．対象者数, NFKC: 3.): the document's style
# when its first numbered line uses it; then "1." is a heading, not a sub-item.
_TOP_DOT = re.compile(r"^\s*(\d{1,2})\s*[.、]\s*(?![\d人件名年月日時歳回か%万千百])(\S.*)$")
_FIRST_NUMBERED = re.compile(r"^\s*\d{1,2}\s*(?P<dot>[.、])?\s*(?!\d)\S")


_TOP_DAI = re.compile(r"^\s*第\s*(\d{1,2})\s*[.、]?\s*(?![\d条項号回])(\S.*)$")


def top_heading(lines: list[str]) -> re.Pattern[str]:
    """The pattern of this description's top-level headings (``3 対象者数``, ``3.対象者数`` or
    ``第3 対象者数``)."""
    for ln in lines:
        if _TOP_DAI.match(ln):
            return _TOP_DAI
        m = _FIRST_NUMBERED.match(ln)
        if m:
            return _TOP_DOT if m.group("dot") else _TOP_HEADING
    return _TOP_HEADING


def parse_agenda(lines: list[str]) -> list[str]:
    """The numbered items after a …付議内容 heading, without numbering."""
    start = next((i for i, ln in enumerate(lines) if _AGENDA_HEAD.search(compact(ln))), None)
    if start is None:
        return []
    block: list[str] = []
    top = top_heading(lines)
    # an un-numbered heading (``本審議会への報告内容``) owns the top-level items right under it
    own_top = not top.match(lines[start]) and any(
        top.match(ln) for ln in lines[start + 1 : start + 2]
    )
    for ln in lines[start + 1 :]:
        if (top.match(ln) and not own_top) or ln.strip().startswith("※"):
            break
        if own_top and block and not top.match(ln) and block[-1].rstrip().endswith("。"):
            break  # the items ended; what follows is the next (un-numbered) paragraph
        block.append(ln)
    text = "\n".join(block)
    for marker in _MARKERS:
        hits = list(marker.finditer(text))
        if hits and hits[0].start() == len(text) - len(text.lstrip()):
            return [
                a
                for a in (
                    _agenda_item(
                        text[h.end() : (hits[k + 1].start() if k + 1 < len(hits) else len(text))]
                    )
                    for k, h in enumerate(hits)
                )
                if a
            ]
    return []


def _agenda_item(raw: str) -> str | None:
    s = raw.strip()
    for word in CATEGORY_WORDS:
        # "外部結合 LGWAN…" / "外部結合\n…" name the category; "外部結合の実施" is just text.
        if s.startswith(word) and (len(s) == len(word) or s[len(word)] in " \t\n\u3000:："):
            rest = normalize_text(s[len(word) :].lstrip(":："))
            return f"{word} {rest}" if rest else word
    return normalize_text(s)


def parse_overview_counts(lines: list[str]) -> list[Count]:
    """Counts under a numbered heading about numbers (対象者数, 想定投稿数, 接種対象者の規模 …),
    and lines elsewhere that state only a labelled approximate count (``選挙人数 約96,000人``)."""
    out: list[Count] = []
    top = top_heading(lines)
    i = 0
    while i < len(lines):
        m = top.match(lines[i])
        title = m.group(2) if m else ""
        head = re.split(r"\s", title.strip(), maxsplit=1)[0] if title else ""
        if not m or not _COUNT_HEAD.search(head):
            out.extend(parse_count_line(lines[i], lines[i - 1] if i > 0 else None))
            i += 1
            continue
        block = [title]
        i += 1
        while i < len(lines) and not top.match(lines[i]) and not lines[i].strip().startswith("※"):
            block.append(lines[i])
            i += 1
        out.extend(parse_counts("\n".join(block), label=head))
    return out
