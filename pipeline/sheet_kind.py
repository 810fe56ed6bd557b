"""Which kind a 別紙 sheet is: from its labels first, its heading and 件名 second.

A sheet that names a 再委託先 or 再委託の内容 is 再委託 whatever its heading says.

    sheet_kind(region, units) -> ("外部結合", None) for a sheet with 結合の相手方
"""

from __future__ import annotations

from models.layout import Problem
from models.record import SectionKind
from models.segments import Region
from pipeline.pairs import region_pairs
from pipeline.units import Unit, compact

# (kind, label fragments) in priority order: the first kind with a matching label wins.
_BY_LABEL: tuple[tuple[SectionKind, tuple[str, ...]], ...] = (
    (
        "再委託",
        ("再委託先", "再委託の内容", "再委託理由", "再委託の理由", "再委託期間", "再委託の期間"),
    ),
    (
        "業務委託",
        (
            "委託先",
            "委託の内容",
            "委託理由",
            "委託の理由",
            "委託の開始",
            "委託期間",
            "委託の期間",
            "受託者",
            "受託業者",
            "委託業者",
            "委託事業者",
            "委託業務",
        ),
    ),
    (
        "外部結合",
        (
            "結合の相手",
            "結合する理由",
            "結合の理由",
            "結合の形態",
            "結合の方法",
            "結合の開始",
            "結合される情報",
            "結合先",
            "結合期間",
            "結合の期間",
        ),
    ),
    ("電算処理", ("記録される情報項目", "新規開発", "記録するコンピュータ")),
)
_BY_TEXT: tuple[tuple[SectionKind, tuple[str, ...]], ...] = (
    ("再委託", ("再委託",)),
    ("業務委託", ("業務委託", "の委託", "委託関係")),
    ("外部結合", ("外部結合", "外部との結合")),
    ("電算処理", ("電算処理", "システム開発", "改修", "処理システム")),
)


def sheet_kind(region: Region, units: list[Unit]) -> tuple[SectionKind, Problem | None]:
    pairs = region_pairs(units)
    labels = [compact(p.label) for p in pairs]
    for kind, frags in _BY_LABEL:
        if any(f in lab for lab in labels for f in frags):
            return kind, None
    texts = [compact(region.heading or "")]
    texts += [compact(p.raw_value) for p in pairs if compact(p.label) == "件名"]
    for kind, frags in _BY_TEXT:
        if any(f in t for t in texts for f in frags):
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
