"""The last agenda item ends at the next number of the outer level, whatever word follows it
(``３　年間申込件数 …``, ``３　名簿登載者数 …``), and that numbered line's count is read."""

from __future__ import annotations

from pipeline.overview import parse_agenda, parse_overview_counts


def _lines(third: str) -> list[str]:
    return [
        "1 概要",
        "申込受付をオンライン化する。",
        "2 本審議会への諮問内容",
        "(1) 電算処理 受付システムに申込機能を追加する。",
        "(2) 業務委託 受付システムの保守業務を委託する。",
        third,
        "※個人情報の流れは、資料4-1のとおり",
    ]


def test_agenda_ends_at_the_outer_number_before_any_label_word():
    for third in ("3 年間申込件数 約 42,000 件", "3 名簿登載者数 約 1,850 人", "3 件数 約 10 件"):
        assert parse_agenda(_lines(third)) == [
            "電算処理 受付システムに申込機能を追加する。",
            "業務委託 受付システムの保守業務を委託する。",
        ], third


def test_circled_items_end_at_the_outer_number():
    lines = [
        "2 本審議会への諮問内容",
        "(1) 外部結合 名簿を結合する。",
        "3 名簿登載者数 約 1,850 人",
    ]
    assert parse_agenda(lines) == ["外部結合 名簿を結合する。"]


def test_outer_numbered_count_line_gives_its_count():
    counts = parse_overview_counts(_lines("3 名簿登載者数 約 1,850 人"))
    assert [(c.label, c.value, c.approx, c.unit) for c in counts] == [
        ("名簿登載者数", 1850, True, "人")
    ]


def test_a_quantity_glued_to_a_number_is_no_heading():
    # "3年間…" / "3名…" continue the item: a quantity, not item 3 of the outer numbering
    lines = [
        "2 本審議会への報告内容",
        "(1) 業務委託 保守業務を委託する。契約期間は",
        "3年間とする。",
    ]
    assert parse_agenda(lines) == ["業務委託 保守業務を委託する。契約期間は3年間とする。"]
