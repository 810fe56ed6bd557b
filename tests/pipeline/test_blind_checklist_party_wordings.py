"""Party and type cells as other offices word them: who takes the measures (the administration
or the party it imposes them on) and which kind they are."""

from __future__ import annotations

import pytest

from pipeline.checklist import parse_party_cell


@pytest.mark.parametrize(
    "text",
    [
        "委託にあたり市が行う情報保護対策",
        "市が講じる情報保護対策",
        "実施機関が講じる措置",
        "町が実施する情報保護対策",
        "区の対策",
        "委託先を通じて区が行う対策",
    ],
)
def test_the_administration(text):
    assert parse_party_cell(text)[0] == "ward"


@pytest.mark.parametrize(
    "text",
    [
        "委託事業者に行わせる情報保護対策",
        "受託者に講じさせる保護対策",
        "委託先が講じる情報保護対策",
        "受託者が行う情報保護対策",
        "結合先に求める情報保護対策",
        "委託先の対策",
        "受託者に遵守させる事項",
    ],
)
def test_the_counterparty(text):
    assert parse_party_cell(text)[0] == "counterparty"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("【運用面の対策】", "operational"),
        ("【組織的安全管理措置】", "operational"),
        ("（物理的対策）", "operational"),
        ("〔システム上の対策〕", "technical"),
        ("【技術的安全管理措置】", "technical"),
    ],
)
def test_type_only_cells(text, kind):
    assert parse_party_cell(text) == (None, kind)
