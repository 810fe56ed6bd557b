from pipeline.data_items import parse_items_cell


def test_kana_numbered_subjects_and_items():
    c = parse_items_cell("ア　該当者　市内の高齢者\nイ　情報項目　氏名、住所、電話番号")
    assert c.data_subjects == "市内の高齢者"
    assert [i.name for i in c.items] == ["氏名", "住所", "電話番号"]


def test_bracketed_kana_marks():
    c = parse_items_cell("(ｱ) 対象者 申請者\n(ｲ) 情報項目 氏名、生年月日")
    assert c.data_subjects == "申請者"
    assert [i.name for i in c.items] == ["氏名", "生年月日"]
