"""Phantom words: what Tesseract reads into blank paper beside a rule or after a cell's text."""

from __future__ import annotations

from extractors.tesseract import Word, phantom_word


def _word(text: str, conf: float, ink: int) -> Word:
    return Word(text=text, conf=conf, box=(0, 0, 10, 10), block=0, line=0, ink=ink)


def test_unsure_word_over_blank_paper_is_a_phantom():
    assert phantom_word(_word("思", 0, 0))
    assert phantom_word(_word("ig", 30, 0))
    assert phantom_word(_word("「", 0, 0))


def test_inked_or_sure_words_stay():
    assert not phantom_word(_word("思", 0, 12))  # ink under it: a real (if unsure) glyph
    assert not phantom_word(_word("資料", 93, 0))  # sure of it: the box is just misplaced


def test_inkless_commas_and_closing_brackets_stay():
    # Tesseract places the boxes of small punctuation beside the glyph
    assert not phantom_word(_word("、", 25, 0))
    assert not phantom_word(_word(")", 42, 0))


def test_inkless_unsure_comma_at_a_line_start_or_very_unsure_at_its_end_is_dropped():
    from extractors.tesseract import _drop_phantom_commas

    words = [_word("、", 26, 0), _word("件名", 95, 300), _word("、", 80, 0), _word("に", 90, 50)]
    assert [w.text for w in _drop_phantom_commas(words)] == ["件名", "、", "に"]
    tail = [_word("とおり", 93, 400), _word("、", 32, 0)]
    assert [w.text for w in _drop_phantom_commas(tail)] == ["とおり"]
    real = [_word("番号", 93, 400), _word("、", 40, 0)]  # unsure, but not that unsure: kept
    assert [w.text for w in _drop_phantom_commas(real)] == ["番号", "、"]
