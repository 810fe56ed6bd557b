"""The department split convention (pipeline/tokenize.py split_department): the division is the
last 課/室/係-level unit, the bureau everything before it; every golden follows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.tokenize import split_department

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIRS = [ROOT / "tests" / "golden", *sorted((ROOT / "tests").glob("heldout*/golden"))]


@pytest.mark.parametrize(
    ("raw", "bureau", "division"),
    [
        ("消防局警防部指令課", "消防局警防部", "指令課"),
        ("選挙管理委員会事務局選挙課", "選挙管理委員会事務局", "選挙課"),
        ("こども未来局子育て支援部保育課", "こども未来局子育て支援部", "保育課"),
        ("健康部保健予防課予防係", "健康部保健予防課", "予防係"),
        ("消防本部警防課", "消防本部", "警防課"),
        ("教育委員会学務課", "教育委員会", "学務課"),
        ("税務部課税課", "税務部", "課税課"),  # 課 of 課税 starts a name, not a unit
        ("総務部外部連携課", "総務部", "外部連携課"),  # 外部 is part of the name
        ("地域振興部中央図書館", "地域振興部", "中央図書館"),
        ("総務部総務事務センター", "総務部", "総務事務センター"),
        ("（所管：総務部総務事務センター）", "総務部", "総務事務センター"),
        ("区政情報課", None, "区政情報課"),
        ("健康部", "健康部", None),
    ],
)
def test_division_is_the_last_unit(raw, bureau, division):
    dep = split_department(raw)
    assert (dep.bureau, dep.division) == (bureau, division)


def _golden_departments():
    for d in GOLDEN_DIRS:
        for path in sorted(d.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            for rec in data if isinstance(data, list) else [data]:
                dep = rec.get("department") if isinstance(rec, dict) else None
                if dep and dep.get("raw"):
                    yield pytest.param(dep, id=f"{d.parent.name}/{path.stem}")


@pytest.mark.parametrize("dep", list(_golden_departments()))
def test_every_golden_follows_the_convention(dep):
    got = split_department(dep["raw"])
    assert (got.bureau, got.division) == (dep["bureau"], dep["division"])
