"""A checklist whose first party cell lost its party (OCR dropped 区が行う): read from wording."""

from __future__ import annotations

import fixtures_documents as fx

from pipeline.mapping import map_record
from pipeline.segment import segment_submissions


def _rows(groups):
    pages = [
        fx.cover_page(
            1,
            "北浜市個人情報保護審議会 付議事項",
            "福祉台帳の外部結合について",
            ["要綱の根拠"],
            "（担当部課：福祉部福祉課）",
        ),
        fx.sheet_page(
            2, "福祉台帳の外部結合について", [("保有課", "福祉課"), ("結合の相手方", "県")]
        ),
        fx.checklist_page(3, "4 外部結合にかかる個人情報保護対策チェックリスト", groups),
    ]
    lay = fx.layout(pages, "party.pdf")
    rec = map_record(segment_submissions(lay)[0], lay, document_id="x").record
    return rec


def test_first_group_without_party_is_the_administration_by_its_wording():
    rec = _rows(
        [
            (
                "情報保護対策\n【運用上の対策】",
                [
                    ("○", "結合先と緊急時の連絡体制を確認する。"),
                    ("○", "データの消去の報告書を提出するよう指導する。"),
                ],
            ),
            (
                "結合先に行わせる\n情報保護対策\n【運用上の対策】",
                [("○", "データの消去の報告書を提出させる。")],
            ),
        ]
    )
    assert [(r.party, r.measure_type) for r in rec.checklists] == [
        ("ward", "operational"),
        ("ward", "operational"),
        ("counterparty", "operational"),
    ]
    assert any(w.code == "checklist_party_guessed" for w in rec.warnings)


def test_first_group_without_party_worded_as_imposed_is_the_counterparty():
    rec = _rows(
        [
            (
                "情報保護対策\n【システム上の対策】",
                [("○", "通信内容を暗号化させる。"), ("○", "アクセスログを取得させる。")],
            ),
        ]
    )
    assert [r.party for r in rec.checklists] == ["counterparty", "counterparty"]
