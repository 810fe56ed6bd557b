"""map_record on hand-built layouts: exact SCHEMA values taken from the seeds."""

from __future__ import annotations

import fixtures_documents as fx

from models.record import ChangeMark, DataItem, Party, Period, Protection, ScheduleEntry
from pipeline.mapping import map_record
from pipeline.segment import segment_submissions


def _map(layout, i=0):
    segs = segment_submissions(layout)
    return map_record(segs[i], layout, document_id=f"doc#{i + 1}")


def test_cover_fields():
    rec = _map(fx.seed000_layout()).record
    assert rec.document_id == "doc#1"
    assert (rec.council, rec.item_kind, rec.material_no) == (
        "個人情報保護管理運営会議",
        "付議事項",
        "資料61",
    )
    assert rec.title == "5歳児健康診査の実施に伴う健康管理システムの改修等について"
    assert rec.basis.instrument == "要綱" and rec.basis.report is False
    assert [(p.article, p.subject) for p in rec.basis.provisions] == [
        ("第3条第1項第3号", "電算処理、外部結合、業務委託")
    ]
    assert (rec.department.raw, rec.department.bureau, rec.department.division) == (
        "健康部健康づくり課",
        "健康部",
        "健康づくり課",
    )
    assert rec.categories == ["外部結合", "業務委託", "電算処理"]  # code-point order
    # the cover's own number is not a reference
    assert rec.references == ["資料61-1", "資料61-2"]
    assert rec.source.pages == [1, 9] and rec.source.text_source == "text_layer"


def test_placeholder_value_is_null_but_kept_in_fields():
    lay = fx.seed000_layout()
    cell = lay.pages[2].tables[0].cells[11]  # 開発等を委託する場合における個人情報保護対策
    assert cell.col == 1
    cell.text = "*****"
    cell.lines = [fx.line("*****")]
    sec = _map(lay).record.sections[0]
    assert sec.protection.ward is None and sec.protection.contractor is None
    assert sec.fields["開発等を委託する場合における個人情報保護対策"] == "*****"


def test_report_basis_under_ordinance():
    rec = _map(fx.split_value_layout()).record
    assert rec.basis.instrument == "条例" and rec.basis.report is True
    assert rec.basis.provisions[0].article == "第17条第1項第2号"


def test_overview_agenda_and_counts():
    ov = _map(fx.seed000_layout()).record.overview
    assert ov.business_name == "乳幼児健康診査(5歳児健康診査)"
    assert ov.divisions == ["健康づくり課", "牛込保健センター", "四谷保健センター"]
    assert ov.data_subjects == "実施年度に満5歳になる幼児のうち希望する者"
    assert ov.agenda == [
        "電算処理 健康管理システムに5歳児健康診査の管理機能(標準化項目)を実装する。",
        "外部結合 健康管理システム(対物系)標準化にあたり、ガバメントクラウドとの結合を行う。",
        "業務委託 健康管理システムの改修及び運用保守業務を委託する。",
    ]
    assert [(c.label, c.value, c.approx, c.unit) for c in ov.counts] == [
        ("対象者数", 900, True, "人")
    ]
    assert ov.description.startswith("1概要") and ov.description.endswith("資料61-1のとおり")


def test_overview_agenda_item_on_its_own_lines():
    ov = _map(fx.seed003_layout()).record.overview
    assert ov.agenda == [
        "外部結合 LGWAN回線を介して区のイントラPCとクラウドストレージを結合する。",
        "業務委託 「いきいきハイキング」参加者の募集・抽選・管理調整等を行う。",
    ]
    assert [(c.label, c.value) for c in ov.counts] == [("応募者", 380), ("参加者", 280)]


def test_external_link_sheet_seed003():
    sec = _map(fx.seed003_layout()).record.sections[0]
    assert sec.kind == "外部結合"
    assert sec.title == "「いきいきハイキング」業務委託に係る外部結合について"
    assert sec.holding_divisions == ["地域包括ケア推進課"]
    assert sec.counterparty == Party(name=None, undecided=True)
    assert sec.periods == [Period(start="2026-04-01", end="2026-12-31", approximate=True)]
    assert sec.recurring is True
    assert sec.data_items[-1] == DataItem(name="メールアドレス", qualifier="任意")
    assert [d.name for d in sec.data_items] == [
        "住所",
        "カナ氏名",
        "生年月日",
        "電話番号",
        "メールアドレス",
    ]
    assert sec.connection_method == (
        "区インターネットパソコンからLGWANを経由して、クラウドストレージサービス(Box)にアクセスする。"
    )
    assert sec.protection == Protection(ward="checklist", contractor="checklist")
    assert sec.fields["結合の相手方"] == "未定(プロポーザルにより決定する)"
    # every printed label/value pair is kept; the 件名 is the title, not a field
    assert len(sec.fields) == 8 and "件名" not in sec.fields and sec.pages == [3]


def test_processing_sheet_items_by_reference_and_schedule():
    sec = _map(fx.seed000_layout()).record.sections[0]
    assert sec.kind == "電算処理"
    assert (sec.data_items, sec.data_items_ref) == ([], "資料61-2")
    assert sec.data_subjects == "5歳児健康診査の対象者"
    assert sec.system == "健康管理システム(ガバメントクラウド上に設置)"
    assert sec.schedule == [
        ScheduleEntry(date="2026-03", milestone="開発"),
        ScheduleEntry(date="2026-04", milestone="テスト"),
        ScheduleEntry(date="2026-07", milestone="本稼働"),
    ]
    # a single protection field goes to both sides
    assert sec.protection == Protection(ward="checklist", contractor="checklist")


def test_change_marks_and_changed_fields_seed000():
    rec = _map(fx.seed000_layout()).record
    sec = rec.sections[2]
    assert sec.kind == "業務委託"
    assert sec.counterparty.name == "株式会社両備システムズ"
    assert sec.counterparty.certifications == ["privacy_mark", "isms"]
    assert sec.changed_fields == ["registered_business", "data_subjects", "content", "periods"]
    assert rec.change_marks == [
        ChangeMark(section=2, field="registered_business", text="(5歳児健康診査)", page=5),
        ChangeMark(section=2, field="data_subjects", text="5歳児健康診査の対象者", page=5),
        ChangeMark(
            section=2, field="content", text="5歳児健康診査の管理機能(標準化項目)の追加", page=5
        ),
        ChangeMark(section=2, field="periods", text="令和8年3月1日から令和8年6月30日まで", page=5),
        ChangeMark(
            section=None,
            field="record_items",
            text="5歳児健診結果情報、5歳児健診アンケート情報",
            page=7,
        ),
    ]
    assert rec.sections[0].changed_fields == [] and rec.sections[1].changed_fields == []


def test_bold_legend_is_never_a_mark():
    lay = fx.seed000_layout()
    legend = lay.pages[3].blocks[0].lines[1]
    for sp in legend.spans:
        sp.bold = True
    rec = _map(lay).record
    assert all("変更箇所" not in m.text for m in rec.change_marks)


def test_record_items_changed_flag():
    items = _map(fx.seed000_layout()).record.record_items
    assert items[0].group == ["基本情報", "住民情報"] and items[0].name == "市区町村コード"
    assert [i.name for i in items if i.changed] == ["5歳児健診結果情報", "5歳児健診アンケート情報"]


def test_prior_approval_once_per_session():
    rec = _map(fx.seed000_layout()).record
    assert [(p.raw, p.council, p.fiscal_year, p.session) for p in rec.prior_approvals] == [
        ("令和5年度第9回新宿区個人情報保護管理運営会議", "個人情報保護管理運営会議", 2023, 9)
    ]


def test_checklist_rows_party_carried_and_marks():
    rows = _map(fx.seed000_layout()).record.checklists
    assert len(rows) == 6
    assert [(r.party, r.measure_type, r.mark) for r in rows[:4]] == [
        ("ward", "operational", "applicable"),
        ("ward", "operational", "applicable"),
        ("ward", "technical", "blank"),
        ("ward", "technical", "applicable"),
    ]
    assert all(r.checklist == "外部結合" for r in rows)
    # page 9 draws its ○ as a shape; the － carries a bracketed note
    assert (rows[4].party, rows[4].mark, rows[4].page) == ("counterparty", "applicable", 9)
    assert (rows[5].mark, rows[5].note) == ("not_applicable", "電子データのみの取扱いのため")
    assert rows[5].measure == "個人情報を手交する場合は、鍵付きカバン等を使用して運搬させる。"


def test_fragment_checklist_continued_over_page_break():
    rec = _map(fx.seed001_layout()).record
    assert rec.title is None and rec.sections == [] and rec.categories == []
    assert [(r.page, r.measure_type) for r in rec.checklists] == [
        (1, "operational"),
        (1, "operational"),
        (2, "operational"),  # carried over the page break
        (2, "technical"),
    ]
    assert all(r.checklist == "業務委託" and r.party == "counterparty" for r in rec.checklists)
    assert [w.code for w in rec.warnings] == ["fragment"]


def test_value_split_across_page_break_is_joined():
    rec = _map(fx.split_value_layout()).record
    sec = rec.sections[0]
    assert sec.pages == [2, 3]
    assert sec.protection.ward.startswith("1国におけるセキュリティ対策")
    assert sec.protection.ward.endswith("(1)紛失・盗難対策")
    assert sec.protection.ward == sec.protection.contractor
    assert rec.change_marks == [
        ChangeMark(section=0, field="protection", text="紛失・盗難対策", page=3)
    ]


def test_subcontract_sheet_parties_and_unknown_label():
    rec = _map(fx.subcontract_layout()).record
    assert rec.material_no == "資料23" and rec.references == ["資料23-1"]
    itaku, sai = rec.sections
    assert sai.kind == "再委託" and rec.categories == ["再委託", "業務委託"]
    assert sai.counterparty == Party(
        name="NECソリューションイノベータ株式会社", certifications=["privacy_mark", "isms"]
    )
    assert sai.prime_contractor == itaku.counterparty
    assert itaku.counterparty.name == "日本電気株式会社"
    assert [p.label for p in sai.periods] == ["再構築", "保守"]
    assert itaku.fields["謎の欄"] == "どこにも載っていない欄の値"
    unknown = [w for w in rec.warnings if w.code == "unknown_label"]
    assert len(unknown) == 1 and unknown[0].page == 2 and "謎の欄" in unknown[0].message


def test_borderless_label_value_lines():
    sec = _map(fx.borderless_layout()).record.sections[0]
    assert sec.kind == "外部結合"
    assert sec.holding_divisions == ["区政情報課"]
    assert sec.counterparty == Party(name="日本電気株式会社", certifications=["privacy_mark"])
    assert sec.periods[0].start == "2024-11-01" and sec.periods[0].end == "2025-03-31"
    assert sec.fields["保有課(担当課)"] == "区政情報課"


def test_borderless_labels_and_values_in_separate_blocks():
    sec = _map(fx.borderless_split_blocks_layout()).record.sections[0]
    assert sec.kind == "外部結合" and sec.title == "区民意見システムの外部結合について"
    assert sec.holding_divisions == ["区政情報課"]
    assert [(d.name, d.qualifier) for d in sec.data_items] == [
        ("氏名", None),
        ("住所", None),
        ("メールアドレス", "任意"),
    ]
    assert sec.counterparty.name == "日本電気株式会社(保守業務を含む)"
    assert sec.counterparty.certifications == ["isms"]
    assert "結合される情報項目(だれの、どのような項目か)" in sec.fields


def test_packet_second_submission():
    lay = fx.packet_layout()
    rec = _map(lay, 1).record
    assert rec.document_id == "doc#2" and rec.source.pages == [4, 12]
    assert rec.title == "5歳児健康診査の実施に伴う健康管理システムの改修等について"
    assert [m.page for m in rec.change_marks][:1] == [8]


def test_provenance_paths_and_ocr_source():
    lay = fx.seed000_layout()
    lay.pages[4].source = "ocr"
    lay.pages[4].ocr_engine = "tesseract 5 jpn"
    m = _map(lay)
    assert m.record.source.text_source == "mixed" and m.record.source.ocr_pages == [5]
    by_path = {p.path: p for p in m.provenance}
    assert by_path["title"].page == 1
    assert by_path["sections[2].counterparty"].page == 5
    assert by_path["sections[2].counterparty"].extraction == "ocr"
    assert by_path["sections[2].counterparty"].engine == "tesseract 5 jpn"
    assert by_path["checklists[0].mark"].page == 8 and by_path["checklists[0].mark"].x0 is not None


def test_checklist_party_type_spilled_below_the_table():
    """A party cell whose 【システム上の対策】 overflowed below the table (seen in generated PDFs)."""
    cur = fx.Cursor()
    groups = [
        (fx.WARD_OPS, [("○", "個人情報保護法を遵守するよう指導する。")]),
        ("区が行う情報保護対策", [("○", "接続するネットワークについては、通信を不可とする。")]),
    ]
    p1 = fx.page(
        1,
        [
            fx.text("4 外部結合にかかる個人情報保護対策チェックリスト", cur=cur),
            fx.checklist_table(groups, cur=cur),
            fx.text("【システム上の対策】", cur=cur),
        ],
    )
    cur2 = fx.Cursor()
    p2 = fx.page(
        2,
        [
            fx.checklist_table(
                [(None, [("○", "通信内容は暗号化する。")])], cur=cur2, header=False, continues=0
            )
        ],
    )
    rec = _map(fx.layout([p1, p2])).record
    assert [(r.measure_type, r.page) for r in rec.checklists] == [
        ("operational", 1),
        ("technical", 1),
        ("technical", 2),
    ]
    assert not [w for w in rec.warnings if w.code == "checklist_type_guessed"]


def test_meeting_printed_on_cover_and_packet_cut_at_page_top():
    lay = fx.packet_layout()
    second_cover = lay.pages[3]
    second_cover.blocks.insert(0, fx.text("令和5年度第9回新宿区個人情報保護管理運営会議", y0=20))
    second_cover.order = [fx.PageItem(kind="text", index=0)] + [
        it.model_copy(update={"index": it.index + 1}) if it.kind == "text" else it
        for it in second_cover.order
    ]
    first, second = segment_submissions(lay)
    assert first.pages == [1, 3] and second.pages == [4, 12]
    rec = map_record(second, lay, document_id="d#2").record
    assert (
        rec.meeting.council,
        rec.meeting.fiscal_year,
        rec.meeting.session,
        rec.meeting.source,
    ) == (
        "個人情報保護管理運営会議",
        2023,
        9,
        "document",
    )
    assert map_record(first, lay, document_id="d").record.meeting is None


def test_continued_table_repeating_its_label_joins_the_value():
    lay = fx.split_value_layout()
    first = lay.pages[2].tables[0].cells[0]
    first.text = "情報保護対策"
    rec = _map(lay).record
    sec = rec.sections[0]
    assert sec.protection.ward.endswith("(1)紛失・盗難対策")
    assert list(sec.fields).count("情報保護対策") == 1


def test_extractor_problems_become_warnings_with_page():
    from models.layout import Problem

    lay = fx.seed003_layout()
    lay.pages[2].problems.append(
        Problem(code="ocr_low_quality", message="page 3 OCR was poor", page=3)
    )
    rec = _map(lay).record
    assert [(w.code, w.page) for w in rec.warnings] == [("ocr_low_quality", 3)]


def test_ocr_noise_in_mark_cell_is_warned_not_kept():
    lay = fx.seed003_layout()
    cur = fx.Cursor()
    groups = [
        (
            fx.WARD_OPS,
            [("6)", "個人情報保護法を遵守するよう指導する。"), ("○ .", "立入り調査等を実施する。")],
        )
    ]
    lay.pages.append(
        fx.page(
            4,
            [
                fx.text("4 外部結合にかかる個人情報保護対策チェックリスト", cur=cur),
                fx.checklist_table(groups, cur=cur),
            ],
        )
    )
    rec = _map(lay).record
    assert [(r.mark, r.note) for r in rec.checklists] == [("blank", None), ("applicable", None)]
    assert "checklist_mark_unread" in [w.code for w in rec.warnings]


def test_section_pages_end_with_its_last_row():
    lay = fx.seed003_layout()
    lay.pages.append(fx.page(4, [fx.text("- 4 -", x0=280, y0=800)]))
    sec = _map(lay).record.sections[0]
    assert sec.pages == [3]


def test_agenda_numbering_variants_and_category_word():
    from pipeline.overview import parse_agenda

    lines = [
        "2 本会議への付議内容",
        "①電算処理 システムを改修する。",
        "②業務委託",
        "保守を委託する。",
        "3 対象者数 約10人",
    ]
    assert parse_agenda(lines) == ["電算処理 システムを改修する。", "業務委託 保守を委託する。"]
    lines = ["4 本審議会における付議内容", "(ア) 外部結合の実施", "(イ) 再委託 印刷業務の再委託"]
    assert parse_agenda(lines) == ["外部結合の実施", "再委託 印刷業務の再委託"]


def test_ocr_heading_without_space_still_ends_the_agenda():
    from pipeline.overview import parse_agenda, parse_overview_counts

    lines = [
        "2個人情報保護管理運営会議への付議内容",
        "(1)外部結合",
        "LGWAN回線を介して結合する。",
        "3対象者数",
        "応募者:約380名",
    ]
    assert parse_agenda(lines) == ["外部結合 LGWAN回線を介して結合する。"]
    assert [(c.label, c.value) for c in parse_overview_counts(lines)] == [("応募者", 380)]
