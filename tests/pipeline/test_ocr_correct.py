"""Post-OCR correction: katakana misreads decided by the dictionary, standard texts by alignment."""

from __future__ import annotations

import pytest

from models.layout import BBox, Cell, DocumentLayout, Line, Page, Span, Table, TextBlock
from pipeline.ocr_correct import (
    correct_layout,
    correct_to_reference,
    fix_era,
    fix_katakana,
    fix_katakana_run,
)
from pipeline.tokenize import is_dictionary_word


def test_dictionary_word_is_an_entry_as_written():
    assert is_dictionary_word("パスワード")
    assert not is_dictionary_word("バスワード")
    assert not is_dictionary_word("")


def test_voiced_and_semi_voiced_katakana_misreads():
    assert fix_katakana_run("バスワード") == "パスワード"
    assert fix_katakana_run("マイナンパー") == "マイナンバー"
    assert fix_katakana("最新のバターンファイルを適用") == "最新のパターンファイルを適用"
    assert fix_katakana("アクセヌ権") == "アクセス権"


def test_katakana_he_between_words_is_the_particle():
    assert fix_katakana("保存先フォルダヘアクセス権") == "保存先フォルダへアクセス権"
    assert fix_katakana("サーバーヘ送信する") == "サーバーへ送信する"
    assert fix_katakana("フォルダヘへアクセス") == "フォルダへアクセス"


def test_words_and_spelling_variants_are_left_alone():
    for word in ("ヘルプデスク", "ハイキング", "ノウハウ", "バッチ処理", "ソフトウェア", "ベンダー"):
        assert fix_katakana(word) == word


def test_ambiguous_repairs_keep_the_reading():
    # both クロス and グロス would be words: nothing decides, nothing changes
    assert fix_katakana_run("ケロス") == "ケロス"


def _page(source: str, text: str) -> Page:
    box = BBox(x0=0, y0=0, x1=100, y1=10)
    line = Line(spans=[Span(text=text, bbox=box)], bbox=box)
    cell = Cell(row=0, col=0, bbox=box, text=text, lines=[line])
    table = Table(bbox=box, cells=[cell], n_rows=1, n_cols=1, page=1)
    block = TextBlock(lines=[Line(spans=[Span(text=text, bbox=box)], bbox=box)], bbox=box)
    return Page(number=1, width=100, height=100, source=source, blocks=[block], tables=[table])


def test_layout_correction_touches_ocr_pages_only():
    layout = DocumentLayout(
        file_name="x.pdf",
        sha256="0",
        page_count=2,
        pages=[_page("ocr", "バスワード"), _page("text_layer", "バスワード")],
    )
    out = correct_layout(layout)
    ocr, text = out.pages
    assert ocr.blocks[0].lines[0].spans[0].text == "パスワード"
    assert ocr.tables[0].cells[0].text == "パスワード"
    assert text.blocks[0].lines[0].spans[0].text == "バスワード"
    assert text.tables[0].cells[0].text == "バスワード"


def test_misread_kanji_taken_from_the_standard_text():
    ref = "個人情報の受け渡しにあたっては、管理簿に記載させる。"
    assert correct_to_reference("個人情報の受け渡しにあたっては、管理壮に記載させる。", ref) == ref
    # a kanji split in two halves
    ref2 = "個人情報保護法及び情報セキュリティポリシーを遵守させる。"
    assert correct_to_reference("個人情報保護法及び情報セキュリティポリシーを人短守させる。", ref2) == ref2


def test_the_documents_own_words_stay():
    ref = "取扱責任者及び取扱者をあらかじめ指定し、区に報告する。"
    # 市 for 区 is the document's municipality, not a misread
    assert correct_to_reference("取扱責任者及び取扱者をあらかじめ指定し、市に報告する。", ref).count("市") == 1
    # a word the document leaves out is not put back
    assert correct_to_reference("取扱責任者及び取扱者を指定し、区に報告する。", ref) == (
        "取扱責任者及び取扱者を指定し、区に報告する。"
    )
    # a text that is not the standard one is not touched
    assert correct_to_reference("委託先の選定基準を定める。", ref) == "委託先の選定基準を定める。"


def test_measure_repaired_against_the_catalogue():
    from pipeline.ocr_correct import correct_measure

    read = "妥約履行の間、特記事項に基づき立入り調査等を受けさせるとともに、委託先に対し速やかに状況報告をさせる。"
    assert correct_measure(read).startswith("契約履行の間")
    assert correct_measure("通信内容は暗号化し、通信途上の個人情報の盗用、改ざん、成りすましを防止する。思") == (
        "通信内容は暗号化し、通信途上の個人情報の盗用、改ざん、成りすましを防止する。"
    )
    assert correct_measure("取扱責任者及び取扱者をあらかじめ指定し、市に報告するよう指導する").endswith("指導する。")


def test_measure_keeps_another_citys_name_and_unknown_measures():
    from pipeline.ocr_correct import correct_measure

    own = (
        "個人情報保護法及び若葉区情報セキュリティポリシーを遵守するよう指導する。また、クラウドサービスを"
        "利用する場合は、総務省「クラウドサービス提供における情報セキュリティ対策ガイドライン」を準拠するよう指導する。"
    )
    assert correct_measure(own) == own
    assert correct_measure("庁舎の入口に監視カメラを設置する。") == "庁舎の入口に監視カメラを設置する。"


def test_label_cells_repaired_against_known_labels():
    from pipeline.ocr_correct import correct_label

    assert correct_label("表-託理由") == "委託理由"  # a kanji read as two glyphs
    assert correct_label("委。託先") == "委託先"  # a speck read as 。
    assert correct_label("受託吾業者に行わせる情報保護対策") == "受託事業者に行わせる情報保護対策"
    assert correct_label("情報保護対策(受託者") == "情報保護対策(受託者)"  # closing bracket lost
    assert correct_label("区分「") == "区分"  # an opening quote with nothing after it


def test_values_and_other_labels_stay():
    from pipeline.ocr_correct import correct_label

    for text in ("報告", "報告。", "区長", "委託にあたり市が行う情報保護対策", "保有課(管理課)", "再委託先"):
        assert correct_label(text) == text


def test_label_cell_spans_rewritten_in_place():
    from pipeline.ocr_correct import correct_label_cell

    box = BBox(x0=0, y0=0, x1=100, y1=10)
    lines = [
        Line(spans=[Span(text="受託吾業者に行わ", bbox=box)], bbox=box),
        Line(spans=[Span(text="せる情報保護対策", bbox=box)], bbox=box),
    ]
    cell = Cell(row=0, col=0, bbox=box, text="受託吾業者に行わ\nせる情報保護対策", lines=lines)
    correct_label_cell(cell)
    assert cell.text == "受託事業者に行わ\nせる情報保護対策"


def test_half_lost_lenticular_brackets():
    from pipeline.ocr_correct import fix_brackets

    assert fix_brackets("【2投票情報") == "【2】投票情報"
    assert fix_brackets("[督促対象の保護者に係る情報項目】") == "【督促対象の保護者に係る情報項目】"
    assert fix_brackets("〔利用者に係る情報項目】") == "【利用者に係る情報項目】"
    for line in ("【２】投票情報", "【2025年度】", "(1)外部結合", "(ア)【運用】", "氏名(カナ)"):
        assert fix_brackets(line) == line


def test_bracket_repair_spans_a_line_of_two_spans():
    box = BBox(x0=0, y0=0, x1=100, y1=10)
    line = Line(spans=[Span(text="【2", bbox=box, bold=True), Span(text="投票情報", bbox=box)], bbox=box)
    cell = Cell(row=0, col=1, bbox=box, text=line.text, lines=[line])
    table = Table(bbox=box, cells=[cell], n_rows=1, n_cols=2, page=1)
    page = Page(number=1, width=100, height=100, source="ocr", tables=[table])
    layout = DocumentLayout(file_name="x.pdf", sha256="0", page_count=1, pages=[page])
    correct_layout(layout)
    assert cell.text == "【2】投票情報"
    assert [sp.text for sp in line.spans] == ["【2】", "投票情報"]


def test_provision_bullet_misread_as_a_kana():
    from pipeline.ocr_correct import fix_bullet

    assert fix_bullet("の業務委託(第10条第2項)\u3000報告事項") == "◇業務委託(第10条第2項)\u3000報告事項"
    assert fix_bullet("ぐ再委託(第10条第3項)") == "◇再委託(第10条第3項)"
    for line in ("の場合は(第5条)", "業務委託(第10条第2項)", "の第3条第1項", "◇外部結合(第3条)"):
        assert fix_bullet(line) == line


def test_garbled_ending_of_a_standard_measure():
    from pipeline.ocr_correct import correct_measure

    head = "業務開始前に、事故、災害、トラブルに対応できる体制及び手順を整備させ、区と緊急時の連絡体制や対応手順を確認させ"
    assert correct_measure(head + "とて誠") == head + "る。"
    assert correct_measure(head + "ること") == head + "ること"  # the document's own kana ending


def test_lost_lenticular_opener_unless_the_heading_wraps():
    from pipeline.ocr_correct import fix_brackets

    assert fix_brackets("督促対象の保護者に係る情報項目】") == "【督促対象の保護者に係る情報項目】"
    assert fix_brackets("係る情報項目】", open_before=True) == "係る情報項目】"
    assert fix_brackets("氏名、住所】") == "氏名、住所】"  # a list with a stray glyph, no heading


@pytest.mark.parametrize(
    "read, fixed",
    [
        ("(合和3年度第5回汐見市個人情報保護制度審議会承認済)", "(令和3年度第5回汐見市個人情報保護制度審議会承認済)"),
        ("今和８年１０月１日から", "令和８年１０月１日から"),
        ("令利元年5月", "令和元年5月"),
        ("乎成25年度", "平成25年度"),
        ("組合和解の件", "組合和解の件"),  # not before a year: left alone
        ("会和の心", "会和の心"),
    ],
)
def test_fix_era(read, fixed):
    assert fix_era(read) == fixed
