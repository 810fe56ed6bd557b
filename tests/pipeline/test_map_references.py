"""References are read unit by unit: a page-margin 資料５ printed above a numbered heading
(２　業務委託に係る…) is not read as 資料52 (pipeline/mapping.py)."""

from __future__ import annotations

import fixtures_documents as fx
import fixtures_layout as fl

from pipeline.mapping import map_record
from pipeline.segment import segment_submissions


def test_margin_material_number_is_not_joined_to_the_heading_below():
    cover = fx.cover_page(
        1,
        "山北町個人情報保護審議会 付議事項",
        "介護保険システムの改修について",
        ["条例の根拠"],
        "（担当部課：健康福祉部介護福祉課）",
        material="資料５",
    )
    sheet = fx.sheet_page(
        2,
        "介護保険システムの改修について",
        [("保有課", "介護福祉課"), ("記録される情報項目", "資料５－２のとおり")],
        marker="別紙（電算処理）",
    )
    cur = fl.Cursor()
    tail = fl.page(
        3,
        [
            fl.text("資料５", x0=450, cur=cur),
            fl.text("２　業務委託に係る個人情報保護対策チェックリスト", cur=cur),
        ],
    )
    lay = fl.layout([cover, sheet, tail], "margin.pdf")
    rec = map_record(segment_submissions(lay)[0], lay, document_id="x").record
    assert rec.material_no == "資料5"
    assert rec.references == ["資料5-2"]
