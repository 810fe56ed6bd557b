"""OCR reads the dash of a 資料 number as the kanji 一: normalised there, and only there."""

from __future__ import annotations

from pipeline.provisions import find_references


def test_kanji_one_between_digits_of_a_material_number_is_a_dash():
    assert find_references("※流れは資料9一3、項目は資料9 一 4のとおり") == ["資料9-3", "資料9-4"]


def test_kanji_one_elsewhere_is_text():
    assert find_references("資料2一覧を参照、一部は資料3") == ["資料2", "資料3"]


def test_edge_junk_is_cut_and_balanced_brackets_stay():
    from pipeline.text import ocr_suspect, strip_ocr_edge_junk

    assert strip_ocr_edge_junk("収納課=") == ("収納課", "=")
    assert strip_ocr_edge_junk("鍵をかけて保管させる。「][") == ("鍵をかけて保管させる。", "「][")
    assert strip_ocr_edge_junk("契約に「特記事項」") == ("契約に「特記事項」", "")
    assert ocr_suspect("契約に-「特記事項") and not ocr_suspect("契約に「特記事項」")


def test_ocr_value_with_junk_is_cleaned_and_warned():
    import fixtures_documents as fx

    from pipeline.mapping import map_record
    from pipeline.segment import segment_submissions

    sheet = fx.sheet_page(2, "窓口業務の委託について", [("保有課", "収納課="), ("委託先", "未定")])
    for t in sheet.tables:
        for c in t.cells:
            for ln in c.lines:
                for sp in ln.spans:
                    sp.confidence = 0.9
    cover = fx.cover_page(
        1,
        "北原市個人情報保護審議会 報告事項",
        "窓口業務の委託について",
        ["条例の根拠"],
        "（担当部課：会計課）",
    )
    lay = fx.layout([cover, sheet], "ocr.pdf")
    mapped = map_record(segment_submissions(lay)[0], lay, document_id="x")
    assert mapped.record.sections[0].holding_divisions == ["収納課"]
    assert any(w.code == "ocr_suspect" and w.page == 2 for w in mapped.record.warnings)
