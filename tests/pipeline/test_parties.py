"""Parties (pipeline/parties.py): names, certifications, 未定, contractor pairs."""

from __future__ import annotations

import pytest

from pipeline.parties import parse_contractors, parse_party


@pytest.mark.parametrize(
    ("text", "name", "certs"),
    [
        (
            "株式会社両備システムズ (プライバシーマーク、ISO27001取得)",
            "株式会社両備システムズ",
            ["privacy_mark", "isms"],
        ),
        (
            "株式会社 JTB (プライバシーマーク取得) (情報セキュリティマネジメントシステム (ISMS・ISO/IEC27001) 認証取得)",
            "株式会社JTB",
            ["privacy_mark", "isms"],
        ),
        (
            "日本電気株式会社（プライバシーマーク、ISMS認証取得済）",
            "日本電気株式会社",
            ["privacy_mark", "isms"],
        ),
        (
            "ＮＥＣソリューションイノベータ株式会社（プライバシーマーク、ISMS認\n証取得済）",
            "NECソリューションイノベータ株式会社",
            ["privacy_mark", "isms"],
        ),
        ("大日本印刷株式会社 (プライバシーマーク取得)", "大日本印刷株式会社", ["privacy_mark"]),
        (
            "デジタル庁(ガバメントクラウドの運用主体)",
            "デジタル庁(ガバメントクラウドの運用主体)",
            [],
        ),
        ("国(内閣官房)", "国(内閣官房)", []),
    ],
)
def test_parse_party(text, name, certs):
    party = parse_party(text)
    assert (party.name, party.undecided, party.certifications) == (name, False, certs)


def test_undecided():
    for text in ("未定（プロポーザルにより決定する）", "未定 (プロポーザルにより決定する)"):
        party = parse_party(text)
        assert (party.name, party.undecided) == (None, True)


def test_numbered_parties_kept_as_printed():
    party = parse_party(
        "1 集合代理契約による受託医療機関 ※区は、東京都に委任をし、東京都は全国知事会に再委任をし、"
        "全国知事会が上記委託先の取りまとめを行う日本医師会と集合代理契約を行う。 2 区と直接契約を締結する医療機関"
    )
    assert party.name == (
        "1集合代理契約による受託医療機関※区は、東京都に委任をし、東京都は全国知事会に再委任をし、"
        "全国知事会が上記委託先の取りまとめを行う日本医師会と集合代理契約を行う。2区と直接契約を締結する医療機関"
    )


def test_contractors():
    prime, sub = parse_contractors(
        "【委託先】 株式会社 JTB (プライバシーマーク取得) (情報セキュリティマネジメントシステム "
        "(ISMS・ISO/IEC27001) 認証取得) 【再委託先】 大日本印刷株式会社 (プライバシーマーク取得)"
    )
    assert prime is not None and sub is not None
    assert (prime.name, prime.certifications) == ("株式会社JTB", ["privacy_mark", "isms"])
    assert (sub.name, sub.certifications) == ("大日本印刷株式会社", ["privacy_mark"])
    prime, sub = parse_contractors(
        "ＮＥＣソリューションイノベータ株式会社（プライバシーマーク、ISMS認証取得済）"
    )
    assert prime is None and sub is not None and sub.name == "NECソリューションイノベータ株式会社"


# --- against the reviewed goldens ---------------------------------------------------------
import json  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline.labels import match_label  # noqa: E402

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def golden_counterparty_cells():
    for path in sorted(GOLDEN.glob("0*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        for i, sec in enumerate(rec["sections"]):
            for label, value in sec["fields"].items():
                if match_label(label, "section").field == "counterparty":
                    yield pytest.param(sec, value, id=f"{path.stem}-{i}")


@pytest.mark.parametrize(("sec", "value"), list(golden_counterparty_cells()))
def test_counterparties_match_goldens(sec, value):
    if sec["kind"] == "再委託":
        prime, sub = parse_contractors(value)
        if prime is not None:  # else the mapper takes the prime from the 業務委託 sheet
            assert prime.model_dump() == sec["prime_contractor"]
        assert (sub and sub.model_dump()) == sec["counterparty"]
    else:
        assert parse_party(value).model_dump() == sec["counterparty"]


def test_jis_q_15001_is_the_privacy_mark():
    party = parse_party("A株式会社(JIS Q 15001取得)")
    assert (party.name, party.certifications) == ("A株式会社", ["privacy_mark"])
