"""More wording other offices print: 所管, 第N numbering, an instrument named before the article,
a later fiscal year that recurs, 〔報告 from OCR, a speck before 件名, label variants."""

from __future__ import annotations

import pytest

from pipeline.headings import classify_unit_text
from pipeline.labels import match_label
from pipeline.overview import parse_agenda, parse_overview_counts
from pipeline.provisions import parse_provisions
from pipeline.text import nfkc
from pipeline.wareki import is_recurring


def test_recurring_from_a_named_later_fiscal_year():
    assert is_recurring("（令和10年度以降も、同様の外部結合を行う。）")
    assert not is_recurring("（契約満了後は1年ごとに自動更新する。）")


def test_provision_after_the_instruments_name():
    provs = parse_provisions("◇川辺村個人情報の保護に関する条例第7条第1号（電算処理）")
    assert [(p.article, p.subject) for p in provs] == [("第7条第1号", "電算処理")]


def test_dai_numbering_of_top_headings():
    text = "第１　概要\n説明。\n第２　付議内容\n⑴　電算処理　台帳を改修する。\n第３　対象者数　約 750 人"
    lines = [nfkc(x) for x in text.split("\n")]
    assert parse_agenda(lines) == ["電算処理 台帳を改修する。"]
    assert [(c.label, c.value) for c in parse_overview_counts(lines)] == [("対象者数", 750)]


@pytest.mark.parametrize(
    ("label", "scope", "field"),
    [
        ("記録する個人情報の項目", "section", "data_items"),
        ("開発等を委託する場合の保護対策", "section", "protection_both"),
        ("村が行う情報保護対策", "section", "protection_ward"),
        ("結合の時期", "section", "periods"),
        ("対象となる者", "overview", "data_subjects"),
    ],
)
def test_more_label_variants(label, scope, field):
    assert match_label(label, scope).field == field


def test_department_after_shokan_and_ocr_report_mark():
    import fixtures_documents as fx

    from pipeline.mapping import map_record
    from pipeline.segment import segment_submissions

    pages = [
        fx.cover_page(
            1,
            "川辺村個人情報保護審議会 諮問事項",
            "税務システムの外部結合について",
            ["条例の根拠", "〔報告", "◇第7条第1号（外部結合）"],
            "（所管：税務部税務課）",
        ),
        fx.sheet_page(
            2, "税務システムの外部結合について", [("保有課", "税務課"), ("結合先", "県")]
        ),
    ]
    lay = fx.layout(pages, "variants.pdf")
    rec = map_record(segment_submissions(lay)[0], lay, document_id="x").record
    assert (rec.department.bureau, rec.department.division) == ("税務部", "税務課")
    assert rec.basis.report


def test_speck_before_the_sheet_title_label():
    import fixtures_documents as fx

    from pipeline.mapping import map_record
    from pipeline.segment import segment_submissions

    pages = [
        fx.cover_page(
            1,
            "川辺村個人情報保護審議会 諮問事項",
            "台帳の委託について",
            ["条例の根拠"],
            "（担当部課：税務課）",
        ),
        fx.sheet_page(
            2,
            "台帳の委託について",
            [("保有課", "税務課"), ("委託先", "未定")],
            marker="別紙（業務委託）",
        ),
    ]
    first = pages[1].blocks[0].lines[1]
    first.spans[0].text = "、" + first.spans[0].text
    lay = fx.layout(pages, "speck.pdf")
    rec = map_record(segment_submissions(lay)[0], lay, document_id="x").record
    assert [s.title for s in rec.sections] == ["台帳の委託について"]
    assert classify_unit_text("、件名").kind == "none"  # the cover test is untouched


def test_subject_first_provisions_on_the_cover_are_not_sheets():
    import fixtures_documents as fx

    from pipeline.mapping import map_record
    from pipeline.segment import segment_submissions

    pages = [
        fx.cover_page(
            1,
            "川辺村個人情報保護審議会 諮問・報告事項",
            "給食費の徴収業務の委託について",
            [
                "条例の根拠",
                "◇業務委託（第９条第１項）　報告事項",
                "◇再委託（第９条第２項）　報告事項",
            ],
            "（担当部課：教育委員会事務局学務課）",
        ),
        fx.sheet_page(
            2,
            "給食費の徴収業務の委託について",
            [("保有課", "学務課"), ("委託先", "未定")],
            marker="別紙（業務委託）",
        ),
    ]
    lay = fx.layout(pages, "cover_provisions.pdf")
    rec = map_record(segment_submissions(lay)[0], lay, document_id="x").record
    assert [(p.article, p.subject) for p in rec.basis.provisions] == [
        ("第9条第1項", "業務委託"),
        ("第9条第2項", "再委託"),
    ]
    assert rec.department.division == "学務課"
    assert [s.kind for s in rec.sections] == ["業務委託"]
