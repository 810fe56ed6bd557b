"""A checklist printing 【運用上の対策】 / 【システム上の対策】 as rows of the measure column."""

from __future__ import annotations

import fixtures_documents as fx

from pipeline.mapping import map_record
from pipeline.segment import segment_submissions


def _rec(groups):
    pages = [
        fx.cover_page(
            1,
            "南丘市個人情報保護審議会 付議事項",
            "図書館利用者情報の業務委託について",
            ["条例の根拠"],
            "（担当部課：教育部図書館課）",
        ),
        fx.sheet_page(
            2, "図書館利用者情報の業務委託について", [("保有課", "図書館課"), ("委託先", "某社")]
        ),
        fx.checklist_page(3, "4 業務委託にかかる個人情報保護対策チェックリスト", groups),
    ]
    lay = fx.layout(pages, "typerows.pdf")
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record


def test_type_heading_rows_type_the_rows_below_and_are_not_measures():
    rec = _rec(
        [
            (
                "市が行う\n情報保護対策",
                [
                    ("", "【運用上の対策】"),
                    ("○", "委託先と緊急時の連絡体制を確認する。"),
                    ("○", "作業場所を確認する。"),
                    ("", "【システム上の対策】"),
                    ("○", "通信を暗号化する。"),
                    ("○", "アクセスログを取得する。"),
                ],
            ),
        ]
    )
    got = [(r.party, r.measure_type, r.measure) for r in rec.checklists]
    assert got == [
        ("ward", "operational", "委託先と緊急時の連絡体制を確認する。"),
        ("ward", "operational", "作業場所を確認する。"),
        ("ward", "technical", "通信を暗号化する。"),
        ("ward", "technical", "アクセスログを取得する。"),
    ]
    assert not any(w.code == "checklist_type_guessed" for w in rec.warnings)
