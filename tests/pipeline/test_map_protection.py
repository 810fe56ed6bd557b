"""A protection field whose label names its party in brackets (情報保護対策（市）/（再委託先）)
goes to that party's side (pipeline/labels.py refine_protection, pipeline/sections.py)."""

from __future__ import annotations

import pytest

from pipeline.labels import match_label, protection_side, refine_protection


@pytest.mark.parametrize(
    ("label", "side"),
    [
        ("情報保護対策（市）", "ward"),
        ("情報保護対策（区）", "ward"),
        ("個人情報保護対策（本町）", "ward"),
        ("情報保護対策（実施機関）", "ward"),
        ("情報保護対策（委託先）", "contractor"),
        ("情報保護対策（受託者\n）", "contractor"),
        ("情報保護対策（再委託先）", "contractor"),
        ("情報保護対策（委託先（再委託先））", "contractor"),
        ("情報保護対策（受託事業者）", "contractor"),
        ("情報保護対策", None),
        ("情報保護対策（その他）", None),
    ],
)
def test_protection_side(label, side):
    assert protection_side(label) == side


def test_refine_only_touches_single_field_protection():
    assert (
        refine_protection("情報保護対策（再委託先）", "protection_both") == "protection_contractor"
    )
    assert refine_protection("情報保護対策（市）", "protection_both") == "protection_ward"
    assert refine_protection("情報保護対策", "protection_both") == "protection_both"
    assert refine_protection("委託先（再委託先）", "counterparty") == "counterparty"
    # the plain catalogue match stays a single field: no ambiguity between ward and contractor
    assert match_label("情報保護対策（再委託先）", "section").field == "protection_both"


def test_subcontract_sheet_with_bracketed_protection_labels():
    import fixtures_documents as fx

    from pipeline.mapping import map_record
    from pipeline.segment import segment_submissions

    rows = [
        ("保有課", "指令課"),
        ("再委託先", "株式会社南浦通訳サービス"),
        ("再委託の内容", "夜間帯の通訳業務"),
        ("情報保護対策（市）", "委託先を通じて、再委託先に同等の対策を行わせる。"),
        ("情報保護対策（再委託先）", "委託先と同等の個人情報保護対策を講じさせる。"),
    ]
    pages = [
        fx.cover_page(
            1,
            "個人情報保護審議会 報告事項",
            "通訳業務の再委託について",
            ["条例の根拠"],
            "（担当部課：消防局指令課）",
        ),
        fx.sheet_page(2, "通訳業務の再委託について", rows, marker="別紙（再委託）"),
    ]
    lay = fx.layout(pages, "protection.pdf")
    rec = map_record(segment_submissions(lay)[0], lay, document_id="x").record
    prot = rec.sections[0].protection
    assert prot.ward == "委託先を通じて、再委託先に同等の対策を行わせる。"
    assert prot.contractor == "委託先と同等の個人情報保護対策を講じさせる。"
