"""Label wordings: 記録するシステム in an items cell, 接続の相手方."""

from __future__ import annotations

from pipeline.data_items import parse_items_cell
from pipeline.labels import match_label


def test_record_system_sublabel_is_the_system():
    cell = parse_items_cell(
        "１ 個人の範囲 図書館の利用登録者 ２ 記録項目 資料4-2のとおり "
        "３ 記録するシステム 図書館情報システム"
    )
    assert cell.data_subjects == "図書館の利用登録者"
    assert cell.ref == "資料4-2"
    assert cell.system == "図書館情報システム"
    assert cell.items == []


def test_connection_counterparty_label():
    assert match_label("接続の相手方", "section").field == "counterparty"
