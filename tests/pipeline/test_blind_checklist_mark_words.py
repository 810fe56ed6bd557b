"""Marks other forms print: check marks (✓ ✔ ☑, the katakana レ) and words saying the measure
is not needed (対象外 / 該当なし / 非該当 / 不要), a bracketed note after them kept."""

from __future__ import annotations

import pytest

from pipeline.checklist import parse_mark


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("✓", ("applicable", None)),
        ("☑", ("applicable", None)),
        ("レ", ("applicable", None)),
        ("対象外", ("not_applicable", None)),
        ("該当なし\n（紙媒体を取り扱わないため）", ("not_applicable", "紙媒体を取り扱わないため")),
        ("不要", ("not_applicable", None)),
        ("非該当", ("not_applicable", None)),
    ],
)
def test_mark_words_and_check_marks(cell, expected):
    assert parse_mark(cell) == expected


@pytest.mark.parametrize("cell", ["レポート", "必要なしと判断した", "対象外部"])
def test_words_that_only_begin_like_a_mark_are_not_marks(cell):
    assert parse_mark(cell)[0] == "blank"
