"""Normalisation rules (pipeline/text.py, SCHEMA.md "Normalisation rules")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text import (
    join_lines,
    normalize_text,
    split_outside_brackets,
    strip_label,
    trailing_bracket,
)


def test_layout_breaks_between_japanese_vanish():
    assert (
        normalize_text("健康管理シス\nテム（ガバメントクラウド上に設置）")
        == "健康管理システム(ガバメントクラウド上に設置)"
    )
    assert normalize_text("電子データのみ の取扱いのため") == "電子データのみの取扱いのため"


def test_latin_words_keep_one_space():
    assert normalize_text("Microsoft\nDynamics   365 により") == "Microsoft Dynamics 365により"
    assert normalize_text("A,\nB") == "A, B"


def test_japanese_latin_boundary_and_full_width_latin():
    assert normalize_text("株式会社 JTB") == "株式会社JTB"
    assert normalize_text("約 ３８０ 名") == "約380名"
    # full-width latin is set like Japanese: the break inside ＩＤ is layout
    assert normalize_text("メールアドレス （Ｉ\nＤ登録用）") == "メールアドレス(ID登録用)"


def test_empty_is_none():
    assert normalize_text("") is None
    assert normalize_text(" \n\u3000") is None
    assert normalize_text(None) is None
    assert join_lines(["", "  "]) is None


def test_join_lines():
    assert (
        join_lines(["記録される情報項", "目（だれの、どの", "ような項目か）"])
        == "記録される情報項目(だれの、どのような項目か)"
    )


def test_strip_label():
    assert strip_label("件　　名") == "件名"
    assert strip_label("保有課 （担当課）") == "保有課(担当課)"


def test_split_and_trailing_bracket():
    assert split_outside_brackets("A(x、y)、B") == ["A(x、y)", "B"]
    assert split_outside_brackets("10,000件,B", "、,") == ["10,000件", "B"]
    assert trailing_bracket("メールアドレス(任意)") == ("メールアドレス", "任意")
    assert trailing_bracket("電磁的媒体(保健情報システム(情報システム課))") == (
        "電磁的媒体",
        "保健情報システム(情報システム課)",
    )
    assert trailing_bracket("(任意)") == ("(任意)", None)


JAPANESE = st.text(alphabet="あいうえお漢字情報項目、。（）", min_size=1, max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(JAPANESE, min_size=1, max_size=5), st.sampled_from(["\n", " ", "\u3000", "\r\n  "]))
def test_breaks_between_japanese_vanish_property(parts, sep):
    assert normalize_text(sep.join(parts)) == normalize_text("".join(parts))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_normalize_is_idempotent(s):
    once = normalize_text(s)
    assert once is None or normalize_text(once) == once
