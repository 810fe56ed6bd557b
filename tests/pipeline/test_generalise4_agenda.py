from pipeline.overview import parse_agenda


def test_unnumbered_agenda_heading_owns_numbered_items():
    lines = ["事業の概要です。", "当会への諮問内容", "１　電算処理　台帳システムの構築", "２　業務委託　運用保守"]
    assert parse_agenda(lines) == ["電算処理 台帳システムの構築", "業務委託 運用保守"]


def test_numbered_agenda_heading_stops_at_next_top_heading():
    lines = ["1 概要", "2 付議内容", "(1) 電算処理", "3 対象者数", "100人"]
    assert parse_agenda(lines) == ["電算処理"]


def test_unnumbered_agenda_items_end_at_following_paragraph():
    lines = ["報告内容", "１　業務委託　保守を委託する。", "年間見込み約10件"]
    assert parse_agenda(lines) == ["業務委託 保守を委託する。"]
