"""OCR misreads in values: 日 read as 旭/曰, 【 as 〔, a speck after 件名, junk after a title."""

from __future__ import annotations

from pipeline.data_items import parse_items_cell
from pipeline.pairs import split_label_line
from pipeline.text import strip_ocr_edge_junk
from pipeline.wareki import parse_periods


def test_day_character_misread_in_a_period_end():
    periods, _ = parse_periods("令和8年6月1曰から令和11年5月31旭まで")
    assert [(p.start, p.end) for p in periods] == [("2026-06-01", "2029-05-31")]


def test_subject_heading_in_tortoise_shell_brackets():
    cell = parse_items_cell("〔図書館の利用者に係る情報項目】\n氏名、住所、電話番号")
    assert cell.data_subjects == "図書館の利用者"
    assert [i.name for i in cell.items] == ["氏名", "住所", "電話番号"]


def test_speck_between_the_title_label_and_its_value():
    assert split_label_line("件名.道路占用許可の電子申請について") == (
        "件名",
        "道路占用許可の電子申請について",
    )


def test_junk_glyph_and_a_speck_after_a_value():
    assert strip_ocr_edge_junk("道路占用許可の電子申請について”っ") == (
        "道路占用許可の電子申請について",
        "”っ",
    )
    assert strip_ocr_edge_junk("x=ab") == ("x=ab", "")


def test_checklist_measure_loses_ocr_junk_at_its_end():
    rec = _ocr_checklist_record("○", "全体の業務フローを作成し、委託先と共有する。「]")
    assert [r.measure for r in rec.checklists] == ["全体の業務フローを作成し、委託先と共有する。"]
    assert any(w.code == "ocr_suspect" and w.page == 3 for w in rec.warnings)


def test_number_contexts_in_running_ocr_text():
    from pipeline.text import fix_ocr_numbers

    assert (
        fix_ocr_numbers("利用者数約12.500人、詳細は資料7一2のとおり")
        == "利用者数約12,500人、詳細は資料7-2のとおり"
    )
    assert fix_ocr_numbers("一人ずつ、資料7一覧、3.14倍") == "一人ずつ、資料7一覧、3.14倍"


def test_page_number_and_spaced_junk_after_the_last_sentence():
    assert strip_ocr_edge_junk("体制を確認する。27") == ("体制を確認する。", "27")
    assert strip_ocr_edge_junk("防止させる。「] [") == ("防止させる。", "「] [")


def test_checklist_note_with_a_stray_bracket_is_flagged():
    rec = _ocr_checklist_record(
        "－ (県の基準で運用され「るため)", "全体の業務フローを作成し、委託先と共有する。"
    )
    assert rec.checklists[0].mark == "not_applicable"
    assert any(w.code == "ocr_suspect" and "note" in w.message for w in rec.warnings)


def _ocr_checklist_record(mark: str, measure: str):
    """A cover, a sheet and a one-row checklist whose cells were OCR'd (confidence set)."""
    import fixtures_documents as fx

    from pipeline.mapping import map_record
    from pipeline.segment import segment_submissions

    check = fx.checklist_page(
        3,
        "5 業務委託にかかる個人情報保護対策チェックリスト",
        [("区が行う情報保護対策\n【運用上の対策】", [(mark, measure)])],
    )
    for t in check.tables:
        for c in t.cells:
            for ln in c.lines:
                for sp in ln.spans:
                    sp.confidence = 0.8
    pages = [
        fx.cover_page(
            1,
            "東浜町個人情報保護審議会 報告事項",
            "窓口業務の委託について",
            ["条例の根拠"],
            "（担当部課：町民課）",
        ),
        fx.sheet_page(2, "窓口業務の委託について", [("保有課", "町民課"), ("委託先", "未定")]),
        check,
    ]
    lay = fx.layout(pages, "ocr_checklist.pdf")
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record
