"""Checklist headings as other offices word them: the kind named by a synonym (委託 / 再委託 /
電子計算機処理 / オンライン結合), after the list word (…チェックリスト（業務委託）), or not at all
(個人情報保護対策チェックリスト: the kind of the submission's sheets)."""

from __future__ import annotations

import fixtures_documents as fx
import pytest

from pipeline.headings import classify_unit
from pipeline.mapping import map_record
from pipeline.segment import segment_submissions
from pipeline.units import page_units

GROUPS = [
    ("市が行う情報保護対策\n【運用上の対策】", [("○", "作業場所を確認する。")]),
    ("委託先に行わせる情報保護対策\n【運用上の対策】", [("○", "報告書を提出させる。")]),
]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("４　委託に係る個人情報保護対策チェックリスト", "業務委託"),
        ("４　再委託にかかる個人情報保護対策チェックリスト", "業務委託"),
        ("３　電子計算機処理に関する個人情報保護対策チェックリスト", "電算処理"),
        ("オンライン結合に係る個人情報保護対策チェックリスト", "外部結合"),
        ("個人情報保護対策チェックリスト（業務委託）", "業務委託"),
    ],
)
def test_kind_synonyms_and_kind_after_the_list_word(heading, kind):
    unit = page_units(fx.page(1, [fx.text(heading)]))[0]
    got = classify_unit(unit)
    assert (got.kind, got.checklist_kind) == ("checklist", kind)


def _record(heading: str, sheet_rows):
    pages = [
        fx.cover_page(
            1,
            "南丘市個人情報保護審議会 付議事項",
            "図書館利用者情報の業務委託について",
            ["条例の根拠"],
            "（担当部課：教育部図書館課）",
        ),
        fx.sheet_page(2, "図書館利用者情報の業務委託について", sheet_rows),
        fx.checklist_page(3, heading, GROUPS),
    ]
    lay = fx.layout(pages, "barelist.pdf")
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record


def test_heading_without_a_kind_takes_the_sheets_kind():
    rec = _record(
        "５　個人情報保護対策チェックリスト",
        [("保有課", "図書館課"), ("委託先", "某社"), ("委託の内容", "貸出業務")],
    )
    assert [(r.checklist, r.party, r.measure) for r in rec.checklists] == [
        ("業務委託", "ward", "作業場所を確認する。"),
        ("業務委託", "counterparty", "報告書を提出させる。"),
    ]
    assert any(w.code == "checklist_kind_guessed" for w in rec.warnings)
    assert "作業場所" not in str(rec.sections[0].fields)
