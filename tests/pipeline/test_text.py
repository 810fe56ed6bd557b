"""Normalisation rules (pipeline/text.py, SCHEMA.md "Normalisation rules")."""

from __future__ import annotations

from hypothesis import example, given, settings
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
@example("0\rA\u00b4")  # NFKC turns ´ into a combining accent: "0 A´" -> "0 Á" -> "0Á"
def test_normalize_is_idempotent(s):
    once = normalize_text(s)
    assert once is None or normalize_text(once) == once


# Every string stage must accept any text (OCR garbage, mojibake, Kangxi radicals) without raising.
DOCUMENTISH = st.text(
    alphabet=st.sampled_from(
        list(
            "令和平成昭和元年度月日第回から～まで予定ごろ以降、。()（）【】「」※◇条項号資料-－ー○〇"
        )
        + list(
            "0123456789０１２３４５６７８９ \n\u3000約人名件万株式会社未定プライバシーマークISMS⽇⽉"
        )
    ),
    max_size=80,
) | st.text(max_size=60)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTISH)
def test_text_stages_never_raise(s):
    from pipeline.checklist import (
        measure_key,
        parse_checklist_heading,
        parse_mark,
        parse_party_cell,
    )
    from pipeline.counts import parse_counts
    from pipeline.data_items import parse_items_cell, parse_record_items
    from pipeline.labels import match_label
    from pipeline.parties import parse_contractors, parse_party
    from pipeline.provisions import find_references, parse_provisions
    from pipeline.tokenize import search_tokens, split_department
    from pipeline.wareki import (
        parse_date,
        parse_fiscal_year,
        parse_periods,
        parse_prior_approvals,
        parse_schedule,
    )

    for fn in (
        parse_date,
        parse_fiscal_year,
        parse_periods,
        parse_schedule,
        parse_prior_approvals,
        parse_counts,
        parse_provisions,
        find_references,
        parse_party,
        parse_contractors,
        parse_items_cell,
        parse_mark,
        parse_checklist_heading,
        parse_party_cell,
        measure_key,
        search_tokens,
        split_department,
    ):
        fn(s)
    parse_record_items(s.splitlines())
    for scope in ("cover", "overview", "section"):
        match_label(s, scope)
