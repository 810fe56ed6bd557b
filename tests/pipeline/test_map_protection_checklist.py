"""``protection`` is ``"checklist"`` for every way of saying only 別紙チェックリストのとおり
(pipeline/sections.py _protection_value)."""

from __future__ import annotations

import pytest

from pipeline.sections import _protection_value


@pytest.mark.parametrize(
    "value",
    [
        "別紙チェックリストのとおり",
        "別紙チェックリストのとおり。",
        "別紙チェックリストのとおり、",  # OCR speck
        "別紙チェックリストの通り",
        "別添「個人情報保護対策チェックリスト」のとおり",
        "チェックリストのとおり",
        "別紙チェックリスト\nのとおり",
    ],
)
def test_checklist_reference_variants(value):
    assert _protection_value(value) == "checklist"


@pytest.mark.parametrize(
    "value",
    [
        "別紙チェックリストのとおり。また、通話録音データは再委託先に保存させない。",
        "委託先と同等の個人情報保護対策を講じさせる。",
        "チェックリストに基づき点検する。",
    ],
)
def test_measures_with_more_text_are_kept(value):
    assert _protection_value(value) == value
