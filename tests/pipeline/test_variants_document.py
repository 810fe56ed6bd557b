"""A whole document worded the way another city prints it, segmented and mapped end to end:
【資料２】, a kind word before the council, 根拠条例 with ◆ provisions, sheets with 接続先 /
受注者 / 記録媒体 labels and an era-less period end."""

from __future__ import annotations

import fixtures_documents as fx

from pipeline.mapping import map_record
from pipeline.segment import segment_submissions


def _record():
    pages = [
        fx.cover_page(
            1,
            "【諮問事項】四日市市個人情報保護運営審議会",
            "住民票の写しのコンビニ交付について",
            ["根拠条例", "◆条例第17条第1項第2号", "◆条例第14条第1項（業務委託）"],
            "（担当部課：市民部市民課）",
            material="【資料２】",
        ),
        fx.sheet_page(
            2,
            "住民票の写しのコンビニ交付について",
            [
                ("保有課", "市民課"),
                ("接続先", "地方公共団体情報システム機構"),
                ("接続の方法", "専用回線"),
                ("接続の期間", "令和8年4月1日から9年3月31日まで"),
            ],
            marker="別紙1",
        ),
        fx.sheet_page(
            3,
            "住民票の写しのコンビニ交付について",
            [
                ("保有課", "市民課"),
                ("受注者", "株式会社サンプル"),
                ("契約期間", "令和8年4月1日から3年間"),
            ],
            marker="別紙2",
        ),
    ]
    layout = fx.layout(pages, "variants.pdf")
    (seg,) = segment_submissions(layout)
    return map_record(seg, layout, document_id="x").record


def test_cover_of_another_city():
    rec = _record()
    assert (rec.council, rec.item_kind) == ("個人情報保護運営審議会", "諮問事項")
    assert rec.material_no == "資料2"
    assert rec.basis.instrument == "条例"
    assert [(p.article, p.subject) for p in rec.basis.provisions] == [
        ("第17条第1項第2号", None),
        ("第14条第1項", "業務委託"),
    ]


def test_sheets_of_another_city():
    rec = _record()
    assert [s.kind for s in rec.sections] == ["外部結合", "業務委託"]
    assert rec.categories == ["外部結合", "業務委託"]
    assert not any(w.code == "sheet_kind_guessed" for w in rec.warnings)
    assert any(w.code == "period_duration" for w in rec.warnings)
