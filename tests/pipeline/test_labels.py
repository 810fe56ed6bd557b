"""Label matching (pipeline/labels.py): invariance under layout noise, variants, OCR errors."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.labels import CATALOGUE, match_label
from pipeline.text import strip_label

CAT = json.loads(CATALOGUE.read_text(encoding="utf-8"))
CASES = [
    (scope, field, label)
    for scope, fields in CAT.items()
    if not scope.startswith("_")
    for field, labels in fields.items()
    for label in labels
]
WIDE = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


@st.composite
def noisy(draw, text: str) -> str:
    out = []
    for ch in text:
        if draw(st.integers(0, 4)) == 0:
            ch = WIDE.get(ch, ch)
        out.append(ch)
        if draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from([" ", "\u3000", "\n", "\r\n", "\t", "  "])))
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_label_invariant_under_layout_noise(data):
    scope, field, label = data.draw(st.sampled_from(CASES))
    raw = data.draw(noisy(label))
    got = match_label(raw, scope)
    assert got.label == strip_label(label)
    assert got.field == field and got.score == 1.0


@pytest.mark.parametrize(
    ("raw", "scope", "field"),
    [
        ("件　　名", "cover", "title"),
        ("件\n名", "section", "title"),
        ("目 的", "overview", "purpose"),
        (
            "記録される情報項\n目（だれの、どの\nような項目が、ど\nこのコンピュータ\nに記録されるの\nか）",
            "section",
            "data_items",
        ),
        ("委託に伴い事業者処理させる情報項目(だれの、どのような項目か)", "section", "data_items"),
        (
            "再委託に伴い事業者に処\n理させる情報項目（だれ\nの、どのような項目か）",
            "section",
            "data_items",
        ),
        ("記録するコンピューター", "section", "system"),
        ("委託先（再委託先）に行\nわせる情報保護対策", "section", "protection_contractor"),
        ("開発等を委託する\n場合における個人\n情報保護対策", "section", "protection_both"),
        ("結合の開始時其と期間", "section", "periods"),  # OCR: 期 -> 其
        ("新規開発・追加・変更の理田", "section", "reason"),  # OCR: 由 -> 田
        ("再委託の開始時期及び期\n限", "section", "periods"),
        ("保有課 (担当課)", "section", "holding_divisions"),
    ],
)
def test_label_examples(raw, scope, field):
    assert match_label(raw, scope).field == field


def test_unknown_and_short_labels_do_not_fuzz():
    assert match_label("何かの欄", "section").field is None
    assert match_label("件各", "cover").field is None  # 2 characters: exact only
    assert match_label("", "section").field is None
    assert match_label("事業名", "section").field is None  # wrong scope


def test_every_golden_sheet_label_is_known():
    from pathlib import Path

    golden = Path(__file__).resolve().parents[1] / "golden"
    unknown = []
    for path in sorted(golden.glob("0*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        for sec in rec["sections"]:
            unknown += [
                label for label in sec["fields"] if match_label(label, "section").field is None
            ]
    assert unknown == []


def test_ambiguous_truncated_label_is_not_guessed():
    got = match_label("新規開発・追加・変更の", "section")
    assert got.field is None and got.score > 0
