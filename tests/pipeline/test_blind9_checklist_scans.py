"""Checklist cells as OCR reads them off a poor scan (heldout9's 1-bit fax and JPEG q35): a
type word misread (【システムの⏎の策】, 【束用上のの対策), and a mark cell whose short dash was lost,
leaving only its bracketed reason."""

from __future__ import annotations

import pytest
from test_blind_checklist_type_column import PEER, WARD, _record

from pipeline.checklist import parse_party_cell


@pytest.mark.parametrize(
    "cell, kind",
    [
        ("【システムの\nの策】", "technical"),
        ("【システム上の\nの策】", "technical"),
        ("【束用上のの対策", "operational"),
        ("【運用上の対策", "operational"),
        ("【備考】", None),
        ("【委託先】", None),
        ("市が行う情報保護対策", None),
    ],
)
def test_misread_type_words_are_the_nearer_wording(cell, kind):
    assert parse_party_cell(cell)[1] == kind


def test_a_mark_cell_with_only_a_reason_is_not_applicable_and_says_so():
    first = [
        (
            WARD,
            [
                (
                    "【束用上のの対策",
                    [
                        ("○", "作業場所を確認する。"),
                        ("(結合先が地方公共団体であるため)", "立入り調査を行う。"),
                    ],
                ),
                ("【システムの\nの策】", [("○", "通信を暗号化する。")]),
            ],
        ),
        (
            PEER,
            [("【運用上の対策】", [("(紙媒体を取り扱わないため)", "鍵付きカバンで運搬させる。")])],
        ),
    ]
    second = [("", [("【システム上の対策】", [("○", "ログを取得させる。")])])]
    rec = _record(first, second)
    got = [(r.party, r.measure_type, r.mark, r.note) for r in rec.checklists]
    assert got == [
        ("ward", "operational", "applicable", None),
        ("ward", "operational", "not_applicable", "結合先が地方公共団体であるため"),
        ("ward", "technical", "applicable", None),
        ("counterparty", "operational", "not_applicable", "紙媒体を取り扱わないため"),
        ("counterparty", "technical", "applicable", None),
    ]
    codes = [w.code for w in rec.warnings]
    assert codes.count("checklist_mark_inferred") == 2
    assert "checklist_type_guessed" not in codes


def test_text_that_is_not_a_reason_stays_unread():
    first = [(WARD, [("【運用上の対策】", [("(別紙参照)", "作業場所を確認する。")])])]
    second = [("", [("【システム上の対策】", [("○", "ログを取得する。")])])]
    rec = _record(first, second)
    assert rec.checklists[0].mark == "blank"
    assert "checklist_mark_unread" in [w.code for w in rec.warnings]
