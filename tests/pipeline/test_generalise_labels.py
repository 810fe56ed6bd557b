"""Label wording variants other forms print, each mapped to its canonical field."""

from __future__ import annotations

import fixtures_documents as fx
import pytest

from pipeline.labels import match_label
from pipeline.mapping import map_record
from pipeline.segment import segment_submissions


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("契約期間", "periods"),
        ("結合の期間", "periods"),
        ("再委託期間", "periods"),
        ("実施時期", "schedule"),
        ("受託業者", "counterparty"),
        ("結合先", "counterparty"),
        ("取り扱う個人情報の項目", "data_items"),
        ("情報項目（だれの、どのような項目か）", "data_items"),
        ("結合される情報項目", "data_items"),
        ("委託業務の内容", "content"),
        ("外部結合の理由", "reason"),
        ("所管課", "holding_divisions"),
        ("接続方法", "connection_method"),
        ("受託者に行わせる個人情報保護対策", "protection_contractor"),
    ],
)
def test_label_variant(label, field):
    assert match_label(label, "section").field == field


def test_period_under_a_contract_period_label_is_read():
    pages = [
        fx.cover_page(
            1,
            "南台村個人情報保護審議会 報告事項",
            "検診予約業務の委託について",
            ["条例の根拠", "◇第8条（業務委託）"],
            "（担当部課：保健福祉部健康課）",
        ),
        fx.sheet_page(
            2,
            "検診予約業務の委託について",
            [
                ("保有課", "健康課"),
                ("受託業者", "株式会社サンプル予約"),
                ("契約期間", "令和8年4月1日から令和9年3月31日まで"),
                ("委託業務の内容", "検診予約の電話受付"),
            ],
        ),
    ]
    layout = fx.layout(pages, "village.pdf")
    rec = map_record(segment_submissions(layout)[0], layout, document_id="x").record
    sec = rec.sections[0]
    assert sec.kind == "業務委託"
    assert [(p.start, p.end) for p in sec.periods] == [("2026-04-01", "2027-03-31")]
    assert sec.counterparty.name == "株式会社サンプル予約"
    assert sec.content == "検診予約の電話受付"
    assert "契約期間" in sec.fields  # kept as printed, but also mapped
