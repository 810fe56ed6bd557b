"""Headcounts and volumes: ``約900人`` -> ``Count(value=900, approx=True, unit="人")``.

A count inside brackets is a breakdown of the count before it and is not reported
(``約900人（25人×4保健センター×9か月）`` gives one count), except a labelled sub-count
(``約152,000件（うち下水道使用者 約148,000件）`` -> a second count labelled ``下水道使用者``). The label of a count is the
text printed before it on its line, without numbering (``(1) 医療従事者等 約10,000人``
-> ``医療従事者等``); a count with nothing before it takes the last label-only line
above it (``3 想定投稿数`` / ``約40,000件``), else the ``label`` argument.
"""

from __future__ import annotations

import re

from models.record import Count
from pipeline.text import bracket_depths, nfkc, normalize_text

UNITS = (
    "人分",
    "世帯",
    "事業所",
    "事業者",
    "医療機関",
    "機関",
    "法人",
    "店舗",
    "口座",
    "施設",
    "団体",
    "か所",
    "ヶ所",
    "箇所",
    "カ所",
    "人",
    "名",
    "件",
    "台",
    "校",
    "園",
    "社",
    "通",
    "枚",
    "冊",
    "戸",
    "者",
)
_APPROX_BEFORE = r"(?:約|おおよそ|およそ|概ね|おおむね|大よそ|推定)"
_APPROX_AFTER = r"(?:程度|前後|ほど|余り|余|強|弱)"
# 1,200 / 1, 200 (OCR spaces) / 210 000 (space-grouped) / 210.000 (OCR'd comma, see _value).
_NUMBER = r"\d{1,3}(?:[ \t]*,[ \t]*\d{3})+(?:\.\d+)?|\d{2,3}(?:[ \t]\d{3})+(?!\d)|\d+(?:\.\d+)?"
_OCR_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_COUNT_RE = re.compile(
    rf"(?P<approx>{_APPROX_BEFORE})?[ \t\u3000]*(?P<num>{_NUMBER})[ \t\u3000]*"
    rf"(?P<man>万|千)?[ \t\u3000]*(?P<unit>{'|'.join(UNITS)})"
    rf"(?P<after>[ \t\u3000]*{_APPROX_AFTER})?"
)
_NUMBERING = re.compile(
    r"^\s*(?:\(\d{1,2}\)|\d{1,2}(?:[.)、]|\s+)|[①-⑳]|[ア-ン][.)、\s]"
    # spaces lost (3対象者数): a bare number not followed by a unit of its own (65歳, 3か月)
    r"|\d{1,2}(?=[^\d\s.,%年月日歳才時分秒回号条項人名件割倍か箇ヶカ万千百・ー〜~\-)]))\s*"
)
_LABEL_TRIM = " \t:：・-－―…=＝※、,"


def _value(num: str, man: str | None) -> int | float:
    digits = re.sub(r"[,\s]", "", num)
    if man is None and _OCR_THOUSANDS.fullmatch(digits):
        digits = digits.replace(".", "")  # 210.000 人: a head count has no three decimals
    value: float = float(digits)
    if man == "万":
        value *= 10_000
    elif man == "千":
        value *= 1_000
    return int(value) if value.is_integer() else value


def _clean_label(text: str) -> str | None:
    text = text.strip(_LABEL_TRIM + "\u3000")
    inner = list(re.finditer(r"\(\d{1,2}\)(?=\S)", text))
    if inner and inner[-1].start() > 0:  # "5接種対象者の規模(1)医療従事者等": the item's own label
        text = text[inner[-1].end() :]
    for _ in range(2):  # "3 (1) 医療従事者等"
        text = _NUMBERING.sub("", text, count=1).strip(_LABEL_TRIM + "\u3000")
    label = normalize_text(text)
    if not label or len(label) > 40 or "。" in label:
        return None
    return label


def _count(label: str | None, m: re.Match[str]) -> Count:
    return Count(
        label=label,
        value=_value(m.group("num"), m.group("man")),
        approx=bool(m.group("approx") or m.group("after")),
        unit=m.group("unit"),
    )


_BREAKDOWN = re.compile(r"[×xX*＊+＋]|内訳|うち|内数")
_SUBCOUNT = re.compile(r"^\s*(?:うち|内(?![訳数]))\s*[、,:：]?\s*")


def _bracket_label(line: str, depths: list[int], m: re.Match[str]) -> str | None:
    """The label of a count of its own printed in brackets (``（年間受付件数 約42,000件）``);
    None for a breakdown of the count before it (``（25人×4か所）``, ``（うち…）``)."""
    start = m.start()
    open_at = max((i for i in range(start) if depths[i] == 0), default=-1) + 1
    end = next((i for i in range(start, len(line)) if depths[i] == 0), len(line))
    inner = line[open_at:end].lstrip("(（")
    sub = _SUBCOUNT.match(inner)
    if sub and not _BREAKDOWN.search(inner[sub.end() :]):
        # (うち下水道使用者 約148,000件): a sub-count with a label of its own
        before = line[open_at:start].lstrip("(（")
        return _kanji_label(_clean_label(_SUBCOUNT.sub("", before, count=1)))
    if _BREAKDOWN.search(inner):
        return None
    return _kanji_label(_clean_label(line[open_at:start].lstrip("(（")))


def _kanji_label(label: str | None) -> str | None:
    return label if label and re.search(r"[\u3400-\u9fff]{2}", label) else None


def _line_counts(line: str, fallback: str | None) -> tuple[list[Count], str | None]:
    """Counts on one line and the label this line leaves pending for the next lines."""
    depths = bracket_depths(line)
    counts: list[Count] = []
    prev_end = 0
    for m in _COUNT_RE.finditer(line):
        if depths[m.start("num")] > 0:
            own = _bracket_label(line, depths, m)
            if own is not None:
                counts.append(_count(own, m))
            continue
        if line[max(0, m.start() - 1) : m.start()] == "第":
            continue
        own = _clean_label(line[prev_end : m.start()])
        counts.append(_count(own or fallback, m))
        prev_end = m.end()
    pending = None if counts else _clean_label(line)
    return counts, pending


def parse_counts(s: str, label: str | None = None) -> list[Count]:
    """Every count in ``s``: ``"応募者：約 380 名\\n参加者：約 280 名"`` -> two labelled counts."""
    if not s:
        return []
    out: list[Count] = []
    pending: str | None = None
    for line in nfkc(s).splitlines():
        counts, new_pending = _line_counts(line, pending or label)
        out.extend(counts)
        if counts:
            pending = None
        elif new_pending:
            pending = new_pending
    return out


# A line that is only "label  約 380 件" (plus brackets): a count outside any count heading.
_SENTENCE_END = re.compile(r"[はがをにでのもと、。]$")
# what may follow a count on its line: a rate (/年, /月) or a ※ note
_TAIL_NOTE = re.compile(r"^\s*[/／]\s*(?:年間?|月|日|週)|\s*※.*$")
_SECTION_HEAD = re.compile(r"(?:概要|目的|内容|事項|経緯|背景|流れ|方法|スケジュール)$")


def parse_count_line(line: str, prev: str | None = None) -> list[Count]:
    """Counts of a line that states an approximate count and nothing else:
    ``"年間利用見込み　約 ３８０ 件"`` -> ``[Count("年間利用見込み", 380, True, "件")]``.

    The count must be approximate (約/およそ/概ね/…程度), the text before it a short label
    (not a sentence) and nothing but brackets may follow it; a count alone on its line takes
    ``prev`` (the line above) as its label when that is a short label. Anything else -> [].
    """
    text = nfkc(line).strip()
    m = next(iter(_COUNT_RE.finditer(text)), None)
    if m is None or not (m.group("approx") or m.group("after")):
        return []
    if bracket_depths(text)[m.start()] > 0 or text[max(0, m.start() - 1) : m.start()] == "第":
        return []
    tail = _TAIL_NOTE.sub("", text[m.end() :]).strip()
    more: list[Count] = []
    if tail and not (tail[0] in "(（" and tail[-1] in ")）"):
        more = parse_count_line(tail)  # 応募者 約380名 参加者 約280名
        if not more:
            return []
        tail = ""
    before = text[: m.start()]
    label = _clean_label(before) if before.strip() else _clean_label(prev or "")
    if not before.strip() and label and _SECTION_HEAD.search(label):
        return []  # 1 概要 / 約500人…: a count alone under a heading that is not about numbers
    if not label or len(label) > 25 or _SENTENCE_END.search(label):
        return []
    counts, _ = _line_counts(label + " " + text[m.start() : m.end()] + tail, None)
    return counts + more
