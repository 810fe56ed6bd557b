"""Look-alike repairs of OCR text decided by the neighbours (extractors.ocr_text)."""

from __future__ import annotations

from extractors.ocr_text import fix_lookalikes


def test_id_read_with_a_one():
    assert fix_lookalikes("メールアドレス(1D登録用)") == "メールアドレス(ID登録用)"
    assert fix_lookalikes("1D・パスワード") == "ID・パスワード"
    for text in ("11D", "1DK", "3D", "1.1D"):
        assert fix_lookalikes(text) == text


def test_ascii_stop_read_again_after_a_japanese_one():
    assert fix_lookalikes("委託する。.") == "委託する。"
    assert fix_lookalikes("1.5倍") == "1.5倍"


def test_thousands_separator_read_twice():
    assert fix_lookalikes("約12,.000人") == "約12,000人"
    assert fix_lookalikes("12,.0000") == "12,.0000"
    assert fix_lookalikes("3.14") == "3.14"


def test_speck_read_as_a_period_after_japanese_text():
    assert fix_lookalikes("手続の種類.") == "手続の種類"
    assert fix_lookalikes("1.") == "1."
    assert fix_lookalikes("Co.") == "Co."


def test_a_and_ryo_decided_by_the_neighbours():
    # ア and 了 are drawn alike: beside kanji it is 了, beside katakana ア, alone (an
    # item marker "ア　業務委託") it stays as read.
    assert fix_lookalikes("作業完ア後") == "作業完了後"
    assert fix_lookalikes("了ンケート") == "アンケート"
    assert fix_lookalikes("ア　業務委託") == "ア　業務委託"
