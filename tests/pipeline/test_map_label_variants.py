"""Label wordings other offices print that the catalogue does not list: the head word decides
the field (pipeline/labels.py head_rule, catalogues/labels.json _head_rules); anything else stays
an unknown label."""

from __future__ import annotations

import pytest

from pipeline.labels import HEAD_RULE_SCORE, match_label

SECTION = [
    # data items
    ("取り扱う個人情報", "data_items"),
    ("取扱う個人情報の項目", "data_items"),
    ("委託する個人情報", "data_items"),
    ("提供する個人情報", "data_items"),
    ("対象となる個人情報", "data_items"),
    # counterparty
    ("委託事業者名", "counterparty"),
    ("受託者名", "counterparty"),
    ("委託先名", "counterparty"),
    ("受託者", "counterparty"),
    ("委託の相手方", "counterparty"),
    ("再受託者", "counterparty"),
    ("外部提供先", "counterparty"),
    ("提供の相手方", "counterparty"),
    ("結合先", "counterparty"),
    # periods / schedule
    ("委託期間", "periods"),
    ("契約期間", "periods"),
    ("履行期間", "periods"),
    ("提供の時期", "periods"),
    ("再委託開始時期", "periods"),
    ("業務期間", "periods"),
    ("稼働予定時期", "schedule"),
    ("運用開始予定", "schedule"),
    ("開発スケジュール", "schedule"),
    ("実施予定時期", "schedule"),
    # connection method
    ("接続の形態", "connection_method"),
    ("提供方法", "connection_method"),
    ("通信回線", "connection_method"),
    # reason / content
    ("結合の必要性", "reason"),
    ("委託の必要性", "reason"),
    ("再委託の必要性", "reason"),
    ("電子計算機処理の理由", "reason"),
    ("電算処理の理由", "reason"),
    ("委託を必要とする理由", "reason"),
    ("委託業務", "content"),
    ("委託する業務", "content"),
    ("電子計算機処理の内容", "content"),
    ("電算処理の内容", "content"),
    ("再委託する内容", "content"),
    # divisions / registered business / system
    ("所管部署", "holding_divisions"),
    ("業務名", "registered_business"),
    ("個人情報ファイルの名称", "registered_business"),
    ("事務の名称", "registered_business"),
    ("システムの名称", "system"),
    ("記録する電子計算機", "system"),
    ("記録媒体の種類", "system"),
    # protection: the party in the label decides the side
    ("市が講じる情報保護対策", "protection_ward"),
    ("実施機関が行う情報保護対策", "protection_ward"),
    ("町が行う安全管理措置", "protection_ward"),
    ("受託者に講じさせる情報保護対策", "protection_contractor"),
    ("委託先が行う情報保護対策", "protection_contractor"),
    ("受託者に行わせる安全管理措置", "protection_contractor"),
    ("安全管理措置", "protection_both"),
    ("個人情報の保護措置", "protection_both"),
]

OVERVIEW = [
    ("事業対象者", "data_subjects"),
    ("事業の対象者", "data_subjects"),
    ("担当課名", "divisions"),
    ("業務の名称", "business_name"),
]


@pytest.mark.parametrize(("label", "field"), SECTION)
def test_section_label_variants(label, field):
    m = match_label(label, "section")
    assert m.field == field and m.score >= 0.75


@pytest.mark.parametrize(("label", "field"), OVERVIEW)
def test_overview_label_variants(label, field):
    assert match_label(label, "overview").field == field


@pytest.mark.parametrize(
    "label",
    [
        "謎の欄",
        "備考",
        "特記事項",
        "区分",
        "対策",
        "【運用上の対策】",
        "個人情報の流れ",
        "株式会社両備システムズ",
        "別紙チェックリストのとおり",
        "令和8年4月1日から",
        "委託先と同等の個人情報保護対策を講じさせる。",  # a sentence, not a label
        "新規開発・追加・変更の",  # truncated: as close to 理由 as to 内容, no guess
    ],
)
def test_unknown_labels_stay_unknown(label):
    assert match_label(label, "section").field is None


def test_head_rule_matches_are_not_evidence_of_a_label_line():
    # pairs.py / headings.py take 0.8 as proof that a line is a label; a head-word match is not
    assert 0.75 <= HEAD_RULE_SCORE < 0.8
    assert match_label("受託者に講じさせる情報保護対策", "section").score == HEAD_RULE_SCORE


def test_sheet_with_unlisted_labels_maps_them_and_warns_about_the_rest():
    import fixtures_documents as fx

    from pipeline.mapping import map_record
    from pipeline.segment import segment_submissions

    rows = [
        ("所管部署", "介護福祉課"),
        ("取扱う個人情報の項目", "氏名、住所、電話番号"),
        ("委託事業者名", "株式会社山北データサービス（プライバシーマーク取得）"),
        ("委託する業務", "審査会資料の電子化"),
        ("委託の必要性", "専門的な知識を要するため"),
        ("契約期間", "令和８年４月１日から令和９年３月３１日まで"),
        ("受託者に講じさせる情報保護対策", "別紙チェックリストのとおり"),
        ("実施機関が行う情報保護対策", "別紙チェックリストのとおり"),
        ("備考", "なし"),
    ]
    pages = [
        fx.cover_page(
            1,
            "山北町個人情報保護審議会 付議事項",
            "資料電子化の委託について",
            ["条例の根拠"],
            "（担当部課：健康福祉部介護福祉課）",
        ),
        fx.sheet_page(2, "資料電子化の委託について", rows, marker="別紙（業務委託）"),
    ]
    lay = fx.layout(pages, "variants.pdf")
    rec = map_record(segment_submissions(lay)[0], lay, document_id="x").record
    sec = rec.sections[0]
    assert sec.holding_divisions == ["介護福祉課"]
    assert [i.name for i in sec.data_items] == ["氏名", "住所", "電話番号"]
    assert sec.counterparty.name == "株式会社山北データサービス"
    assert sec.counterparty.certifications == ["privacy_mark"]
    assert (sec.content, sec.reason) == ("審査会資料の電子化", "専門的な知識を要するため")
    assert [(p.start, p.end) for p in sec.periods] == [("2026-04-01", "2027-03-31")]
    assert (sec.protection.ward, sec.protection.contractor) == ("checklist", "checklist")
    unknown = [w.message for w in rec.warnings if w.code == "unknown_label"]
    assert len(unknown) == 1 and "備考" in unknown[0]
    assert sec.fields["備考"] == "なし"
