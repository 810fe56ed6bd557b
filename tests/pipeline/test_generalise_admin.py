"""Another administration than 区 (市 / 町 / 県 / 本市 …) and another city's name read like 区."""

from __future__ import annotations

import fixtures_documents as fx
import pytest

from pipeline.checklist import measure_key, parse_party_cell
from pipeline.labels import match_label
from pipeline.mapping import map_record
from pipeline.segment import segment_submissions
from pipeline.text import neutral_admin


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("委託にあたり町が行う\n情報保護対策\n【運用上の対策】", ("ward", "operational")),
        ("本市が行う情報保護対策【システム上の対策】", ("ward", "technical")),
        ("県の行う情報保護対策 【運用上の対策】", ("ward", "operational")),
        ("受託者に行わせる情報保護対策【運用上の対策】", ("counterparty", "operational")),
    ],
)
def test_party_cell_of_any_administration(cell, expected):
    assert parse_party_cell(cell) == expected


def test_ward_protection_label_of_a_town():
    assert match_label("委託にあたり村が行う情報保護対策", "section").field == "protection_ward"


def test_measure_naming_another_city_keeps_its_catalogue_key():
    text = (
        "契約にあたり、「特記事項」を付すとともに、個人情報保護法及び北浦町情報セキュリティポリシー"
        "を遵守させる。また、クラウドサービスを利用する場合は、総務省「クラウドサービス提供における"
        "情報セキュリティ対策ガイドライン」を準拠させる。"
    )
    assert measure_key(text) == "special_terms"
    consult = "事故が発生した場合又は個人情報保護及び情報セキュリティ対策の変更があった場合は、直ちに本市と今後の対応を協議させる。"
    assert measure_key(consult) == "incident_consult"


def test_neutral_admin_leaves_ordinary_words():
    assert neutral_admin("市区町村コード、地区名、市民番号") == "市区町村コード、地区名、市民番号"


def test_checklist_of_a_city_document_keeps_its_ward_rows():
    groups = [
        (
            "市が行う情報保護対策\n【運用上の対策】",
            [
                ("○", "全体の業務フローを作成し、委託先と共有する。"),
                ("－", "個人情報は、施錠できる金庫又はキャビネット等に保管する。"),
            ],
        ),
        (
            "委託先に行わせる\n情報保護対策\n【運用上の対策】",
            [("○", "個人情報は、施錠できる金庫又はキャビネット等に保管させる。")],
        ),
    ]
    pages = [
        fx.cover_page(
            1,
            "北浦市個人情報保護審議会 諮問事項",
            "市税システムの委託について",
            ["条例の根拠", "◇第10条（業務委託）"],
            "（担当部課：財政部市民税課）",
        ),
        fx.sheet_page(
            2, "市税システムの委託について", [("保有課", "市民税課"), ("委託先", "未定")]
        ),
        fx.checklist_page(3, "5 業務委託にかかる個人情報保護対策チェックリスト", groups),
    ]
    layout = fx.layout(pages, "city.pdf")
    seg = segment_submissions(layout)[0]
    rows = map_record(seg, layout, document_id="x").record.checklists
    assert [(r.party, r.mark) for r in rows] == [
        ("ward", "applicable"),
        ("ward", "not_applicable"),
        ("counterparty", "applicable"),
    ]
    assert rows[0].measure_key is not None
