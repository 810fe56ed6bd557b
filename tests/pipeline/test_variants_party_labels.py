"""Section labels naming the other party or the purpose in words other offices print
(受注者, 指定管理者, 連携先, 提供を受ける者, 結合の目的): found by their head word."""

import pytest

from pipeline.labels import match_label


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("受注者", "counterparty"),
        ("受注者名", "counterparty"),
        ("指定管理者", "counterparty"),
        ("連携先", "counterparty"),
        ("提供を受ける者", "counterparty"),
        ("結合の目的", "reason"),
        ("連携の目的", "reason"),
        ("提供の目的", "reason"),
        ("受注者に行わせる情報保護対策", "protection_contractor"),
        ("指定管理者が行う保護対策", "protection_contractor"),
        ("提供を受ける個人情報", "data_items"),
    ],
)
def test_party_and_purpose_labels_map(label, field):
    assert match_label(label, "section").field == field


@pytest.mark.parametrize("label", ["目的", "事業の目的", "受注者数の推移", "連携先の所在地の課"])
def test_labels_outside_the_families_stay_unmapped(label):
    assert match_label(label, "section").field is None
