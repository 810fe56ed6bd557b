"""A certification name broken by the layout (``プライバシーマー⏎ク``) is still read, also for
the prime contractor of a ``【委託先】…【再委託先】…`` cell."""

from __future__ import annotations

from pipeline.parties import certifications, parse_contractors, parse_party


def test_cert_words_broken_across_lines():
    assert certifications("(プライバシーマー\nク及びIS\nMS認証取得)") == ["privacy_mark", "isms"]
    assert certifications("(ISO/IEC 2700\n1認証取得)") == ["isms"]


def test_prime_and_sub_contractor_keep_their_certifications():
    prime, sub = parse_contractors(
        "【委託先】株式会社北浜サポート（プライバシーマー\nク及びＩＳＭＳ認証取得）\n"
        "【再委託先】株式会社南浜コール（プライバシーマーク取\n得）"
    )
    assert prime is not None and sub is not None
    assert (prime.name, prime.certifications) == ("株式会社北浜サポート", ["privacy_mark", "isms"])
    assert (sub.name, sub.certifications) == ("株式会社南浜コール", ["privacy_mark"])


def test_party_name_without_a_certification_gets_none():
    assert parse_party("株式会社マークシステム\n（情報処理業）").certifications == []
