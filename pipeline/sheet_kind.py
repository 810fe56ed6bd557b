"""Which kind a 別紙 sheet is: from its labels first, its heading and 件名 second.

A sheet that names a 再委託先 or 再委託の内容 is 再委託 whatever its heading says.

    sheet_kind(region, units) -> ("外部結合", None) for a sheet with 結合の相手方
"""

from __future__ import annotations

import re

from models.layout import Problem
from models.record import SectionKind
from models.segments import Region
from pipeline.pairs import region_pairs
from pipeline.units import Unit, compact

# Families of label wording, in priority order: the first kind with a matching label wins.
# Labels are compact (NFKC, no whitespace) with their numbering dropped.
_BY_LABEL: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    (
        "再委託",  # 再委託先 / 再委託する業務の内容 / 再受託者; not 再委託の有無 / 再委託の予定
        re.compile(
            r"再委託(?:先|の?内容|の?理由|の?期間|の開始|する|事業者|業者|の相手方|業務)|再受託者"
        ),
    ),
    (
        "業務委託",  # 委託先(事業者) / 委託する事務 / 受注者 / 契約の相手方 / 指定管理者
        re.compile(
            r"委託(?:先|の?内容|の?理由|の開始|の?期間|の範囲|業者|事業者|業務)"
            r"|委託する(?:事務|業務|内容|理由|情報)|受託(?:者|業者|事業者)|受注(?:者|事業者)"
            r"|契約の?相手|指定管理者"
        ),
    ),
    (
        "外部結合",  # 結合の相手方 / 接続先 / 連携先 / 提供先 / 提供を受ける者
        re.compile(
            r"結合(?!の?有無)|接続(?:先|の相手|する|の理由|の方法|の形態|の目的|の?期間|の開始|の時期)"
            r"|連携先|提供先|提供を受ける者|提供の相手"
        ),
    ),
    (
        "電算処理",  # 記録される情報項目 / 記録項目 / 記録媒体 / 使用する電子計算機 / 開発・改修
        re.compile(r"記録され|記録項目|記録媒体|記録する|電子計算機|開発|改修|システムの名称"),
    ),
)
# Heading / 件名 wording, same priority. A sheet's heading is read before its 件名.
_BY_TEXT: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    ("再委託", re.compile(r"再委託|再受託")),
    ("業務委託", re.compile(r"委託|受託|指定管理")),
    (
        "外部結合",
        re.compile(
            r"結合|外部接続|(?:との|への|と)(?:オンライン)?接続|オンライン|回線|情報提供ネットワーク"
            r"|情報連携|外部提供"
        ),
    ),
    ("電算処理", re.compile(r"電算|電子計算機|システム|記録項目|新規開発|改修")),
)
_CATEGORY_OF: dict[str, SectionKind] = {
    "再委託": "再委託",
    "業務委託": "業務委託",
    "外部結合": "外部結合",
    "電算処理": "電算処理",
}
_CATEGORY_WORD = re.compile("再委託|業務委託|外部結合|電算処理")
_NUMBERING = re.compile(r"^(?:[\d.()、・]|[①-⑳]|[ア-ン][.)、])+")


def kind_from_labels(labels: list[str]) -> SectionKind | None:
    """The kind the sheet's labels tell: ``["接続先", "接続の方法"]`` -> ``"外部結合"``."""
    keys = [_NUMBERING.sub("", compact(lab)) for lab in labels]
    for kind, pattern in _BY_LABEL:
        if any(pattern.search(k) for k in keys):
            return kind
    return None


def kind_from_text(texts: list[str]) -> SectionKind | None:
    """The kind a heading or 件名 names (``電子計算機の結合について`` -> ``"外部結合"``), the first
    text that names one winning."""
    for text in texts:
        key = compact(text or "")
        named = _CATEGORY_WORD.search(key)  # the category's own word first: 外部結合（委託先との…）
        if named:
            return _CATEGORY_OF[named.group(0)]
        for kind, pattern in _BY_TEXT:
            if pattern.search(key):
                return kind
    return None


def sheet_kind(region: Region, units: list[Unit]) -> tuple[SectionKind, Problem | None]:
    pairs = region_pairs(units)
    kind = kind_from_labels([p.label for p in pairs])
    if kind is not None:
        return kind, None
    texts = [region.heading or ""]
    texts += [p.raw_value for p in pairs if compact(p.label) == "件名"]
    kind = kind_from_text(texts)
    if kind is not None:
        return kind, _problem(
            region, f"sheet kind {kind} guessed from its heading/件名; no telling labels"
        )
    return "電算処理", _problem(
        region, "sheet kind unknown (no telling labels or heading); read as 電算処理"
    )


def _problem(region: Region, msg: str) -> Problem:
    return Problem(
        code="sheet_kind_guessed", message=msg, page=region.pages[0] if region.pages else None
    )
