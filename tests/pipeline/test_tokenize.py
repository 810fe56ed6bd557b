"""Tokenisation helpers (pipeline/tokenize.py)."""

from __future__ import annotations

import pytest

from pipeline.tokenize import normalized_forms, search_tokens, split_department


def test_normalized_forms_fold_spelling_variants():
    assert normalized_forms("コンピュータ") == normalized_forms("コンピューター")
    assert normalized_forms("受渡し") == normalized_forms("受け渡し")
    assert normalized_forms("ウィルス") == normalized_forms("ウイルス")
    assert "、" not in "".join(normalized_forms("氏名、住所"))


def test_search_tokens_drop_particles_and_lowercase():
    tokens = search_tokens("個人情報の受渡しとISMS")
    assert "受け渡し" in tokens and "isms" in tokens
    assert "の" not in tokens and "と" not in tokens
    assert search_tokens("受け渡し") == search_tokens("受渡し")
    assert search_tokens("") == []


@pytest.mark.parametrize(
    ("raw", "bureau", "division"),
    [
        ("健康部健康づくり課", "健康部", "健康づくり課"),
        ("総合政策部区政情報課", "総合政策部", "区政情報課"),
        ("福祉部地域包括ケア推進課", "福祉部", "地域包括ケア推進課"),
        ("（担当部課：健康部保健予防課）", "健康部", "保健予防課"),
        ("教育委員会事務局教育支援課", "教育委員会事務局", "教育支援課"),
        ("区長室広報課", "区長室", "広報課"),
        ("区政情報課", None, "区政情報課"),
    ],
)
def test_split_department(raw, bureau, division):
    dep = split_department(raw)
    assert (dep.bureau, dep.division) == (bureau, division)


@pytest.mark.slow
def test_ginza_loads_once_and_finds_companies():
    from pipeline.tokenize import nlp

    doc = nlp()("株式会社両備システムズに委託する。")
    assert nlp() is nlp()
    assert any(e.text == "株式会社両備システムズ" for e in doc.ents)
