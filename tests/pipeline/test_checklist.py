"""Checklist semantics (pipeline/checklist.py) and the measure catalogue."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.checklist import (
    MEASURES,
    measure_key,
    parse_checklist_heading,
    parse_mark,
    parse_party_cell,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("○", ("applicable", None)),
        ("〇 ", ("applicable", None)),
        ("◯", ("applicable", None)),
        (
            "－\n(電子データのみ\nの取扱いのため)",
            ("not_applicable", "電子データのみの取扱いのため"),
        ),
        ("－ (電子データのみ の取扱いのため)", ("not_applicable", "電子データのみの取扱いのため")),
        ("-", ("not_applicable", None)),
        ("―", ("not_applicable", None)),
        ("ー", ("not_applicable", None)),
        ("", ("blank", None)),
        (None, ("blank", None)),
        ("O", ("applicable", None)),
    ],
)
def test_parse_mark(text, expected):
    assert parse_mark(text) == expected


def test_drawn_mark_used_when_text_has_none():
    assert parse_mark("", "○") == ("applicable", None)
    assert parse_mark(None, "not_applicable") == ("not_applicable", None)
    assert parse_mark("○", "not_applicable") == ("applicable", None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("3 電算処理にかかる個人情報保護対策チェックリスト", "電算処理"),
        ("４　外部結合にかかる個人情報保護対策チェックリスト　　　　　", "外部結合"),
        ("5 業務委託にかかる個人情報\n保護対策チェックリスト", "業務委託"),
        ("事業の概要", None),
    ],
)
def test_checklist_heading(text, kind):
    assert parse_checklist_heading(text) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "開発等を委託する場合 における区が行う 情報保護対策 【運用上の対策】",
            ("ward", "operational"),
        ),
        (
            "開発等を委託する場合\nにおける委託先に行わ\nせる情報保護対策\n【システム上の対策】",
            ("counterparty", "technical"),
        ),
        ("結合先に行わせる 情報保護対策 【運用上の対策】", ("counterparty", "operational")),
        (
            "委託事業者に行わせる<br>情報保護対策<br>【システム上の対策】",
            ("counterparty", "technical"),
        ),
        ("委託にあたり区が行う 個人情報保護対策 【システム上の対策】", ("ward", "technical")),
        ("区が行う情報保護対策", ("ward", None)),
    ],
)
def test_party_cell(text, expected):
    assert parse_party_cell(text) == expected


def test_every_catalogued_variant_maps_to_its_key():
    data = json.loads(MEASURES.read_text(encoding="utf-8"))
    for key, variants in data.items():
        if key.startswith("_"):
            continue
        for variant in variants:
            assert measure_key(variant) == key, variant


def test_spelling_and_layout_variants_share_a_key():
    wrapped = (
        "データ項目定義の修正漏れによるシステム不具合等が無いよう、双方で事前\nに綿密なスケジュール計画や"
        "チェックシートを作成して実施する。なお、稼\n働にあたっては必ず仮移行を行うこととし、本稼働は"
        "システムを使用してい\nない時間帯（時間外・休日）に実施させ、十分な検証を行させる。"
    )
    assert measure_key(wrapped) == "migration_plan"
    assert (
        measure_key(
            "コンピュータウィルス感染等がないよう、ウイルス対策ソフトウエアの導入及び最新の"
            "パターンファイルを適用させる。"
        )
        == "antivirus"
    )
    assert measure_key("入退室管理等により情報資産の危殆化を防止させる") == "entry_control"


def test_ward_and_counterparty_forms_share_a_key():
    ward = "事故が発生した場合又は個人情報保護及び情報セキュリティ対策の変更があった場合は、直ちに結合先と今後の対応を協議する。"
    other = "事故が発生した場合又は個人情報保護及び情報セキュリティ対策の変更があった場合は、直ちに区と今後の対応を協議させる。"
    assert measure_key(ward) == measure_key(other) == "incident_consult"


def test_ocr_damage_and_unknown():
    damaged = re.sub(
        "暗号化",
        "暗号1ヒ",
        "通信内容は暗号化させ、通信途上の個人情報の盗用、改ざん、成りすましを防止させる。",
    )
    assert measure_key(damaged) == "encrypt_comm"
    assert (
        measure_key(
            "外部ネットワークからの不正接続や内部からの情報漏えいがないよう、インターネットから分離する。"
        )
        is None
    )
    assert measure_key("") is None


def test_two_measures_in_one_cell_get_no_key():
    merged = (
        "入退室管理等により情報資産の危殆化を防止する。 システムを提供するサーバは日本国内の法が"
        "適用される安全性が確保された環境にする。"
    )
    assert measure_key(merged) is None


def test_checklist_heading_survives_ocr_errors():
    assert parse_checklist_heading("4 外部結合にかかる個人情報保護対策チエックリスト") == "外部結合"
    assert parse_checklist_heading("3 電算処埋にかかる個人情報保護対策チェックリスト") == "電算処理"
    assert parse_checklist_heading("個人情報保護対策チェックリスト") is None
