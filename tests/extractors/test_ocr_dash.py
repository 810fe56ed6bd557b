"""A dash between two numbers that Tesseract leaves out (資料３－２ -> 資料32) is found in the pixels."""

from __future__ import annotations

import numpy as np

from extractors.tesseract import Word, _dash_read, add_missed_dashes


def _w(text: str, x0: int, x1: int) -> Word:
    return Word(text=text, conf=90, box=(x0, 20, x1, 60), block=0, line=0, ink=100)


def _image_with_bar() -> np.ndarray:
    image = np.full((80, 300), 255, np.uint8)
    image[25:55, 60:80] = 0  # "3"
    image[25:55, 160:180] = 0  # "2"
    image[39:42, 100:140] = 0  # the dash: thin, at mid height
    return image


def test_bar_between_two_numbers_becomes_a_dash():
    words = [_w("資料", 0, 50), _w("3", 60, 80), _w("2", 160, 180), _w("の", 190, 220)]
    out = add_missed_dashes(words, _image_with_bar())
    assert [w.text for w in out] == ["資料", "3", "－", "2", "の"]


def test_no_dash_without_a_bar_or_between_words_that_are_no_numbers():
    image = _image_with_bar()
    image[39:42, 100:140] = 255
    words = [_w("3", 60, 80), _w("2", 160, 180)]
    assert [w.text for w in add_missed_dashes(words, image)] == ["3", "2"]
    words = [_w("第", 60, 80), _w("条", 160, 180)]
    assert [w.text for w in add_missed_dashes(words, _image_with_bar())] == ["第", "条"]


def test_a_dash_read_as_something_else_is_not_added_again():
    assert _dash_read([_w("1", 0, 1), _w("一", 0, 1), _w("1", 0, 1)])
    assert not _dash_read([_w("2", 0, 1), _w("の", 0, 1)])
