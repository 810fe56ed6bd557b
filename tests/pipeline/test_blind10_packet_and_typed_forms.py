"""Layouts the tenth blind corpus showed: a meeting packet whose 次第 page precedes its
submissions (the packet's meeting for each, no submission's page), numbered kind words
(付議事項１), a word processor's form typed on one line with spaces between label and value
(保有課（担当課）　　　防災課, 事　業　名　…), a label column filled to its edge, and
contractor lines without brackets or colons."""

from __future__ import annotations

import fixtures_documents as fx
import pytest
from fixtures_layout import SIZE, block_of, gap_line, line, page, text

from pipeline.item_kind import cover_heading
from pipeline.mapping import map_record
from pipeline.pairs import region_pairs
from pipeline.parties import parse_contractors
from pipeline.provisions import find_references
from pipeline.segment import segment_submissions
from pipeline.units import layout_units
from pipeline.wareki import parse_periods


def _packet():
    agenda = page(
        1,
        [
            text("令和８年度第２回北浦市個人情報保護審査会　次第", y0=60),
            text("日　時　令和８年７月１６日（木）午後２時から", y0=90),
            text("２　議　題", y0=130),
            text("（１）付議事項１　窓口システムの改修について　…　資料１", y0=150),
            text("（２）報告事項　粗大ごみ受付業務の委託について　…　資料２", y0=170),
        ],
    )
    first = fx.cover_page(
        2,
        "北浦市個人情報保護審査会　付議事項１",
        "窓口システムの改修について",
        ["条例の根拠", "◇第7条（電算処理）"],
        "（担当部課：市民部市民課）",
        material="資料１",
    )
    sheet1 = fx.sheet_page(
        3, "窓口システムの改修について", [("保有課", "市民課"), ("記録媒体", "庁内サーバ")]
    )
    second = fx.cover_page(
        4,
        "北浦市個人情報保護審査会　報告事項",
        "粗大ごみ受付業務の委託について",
        ["条例の根拠", "◇第8条（業務委託）"],
        "（担当部課：環境部ごみ減量推進課）",
        material="資料２",
    )
    sheet2 = fx.sheet_page(
        5, "粗大ごみ受付業務の委託について", [("保有課", "ごみ減量推進課"), ("委託先", "未定")]
    )
    return fx.layout([agenda, first, sheet1, second, sheet2], "packet.pdf")


def test_a_packets_agenda_page_is_no_submissions_page_and_names_their_meeting():
    lay = _packet()
    segs = segment_submissions(lay)
    assert [s.pages for s in segs] == [[2, 3], [4, 5]]
    assert [s.item_kind for s in segs] == ["付議事項", "報告事項"]
    recs = [map_record(s, lay, document_id=f"x{i}").record for i, s in enumerate(segs)]
    for rec in recs:
        m = rec.meeting
        assert m is not None
        assert (m.council, m.fiscal_year, m.session, m.date) == (
            "個人情報保護審査会",
            2026,
            2,
            "2026-07-16",
        )
    assert "資料2" not in recs[0].references  # the agenda's list is not the first submission's


def test_a_submission_without_a_packet_keeps_its_first_page():
    lay = _packet()
    lay.pages = lay.pages[1:3]
    (seg,) = segment_submissions(lay)
    assert seg.pages == [2, 3]


@pytest.mark.parametrize(
    "key, kind",
    [
        ("北浦市個人情報保護審査会付議事項1", "付議事項"),
        ("北浦市個人情報保護審査会付議事項第2号", "付議事項"),
        ("北浦市個人情報保護審査会報告事項", "報告事項"),
    ],
)
def test_numbered_kind_words(key, kind):
    assert cover_heading(key) == ("北浦市個人情報保護審査会", kind)


def _typed_sheet_units():
    rows = [
        line("件名　窓口システムの改修について", x0=70, y0=80),
        line("保有課（担当課）　　　防災課、地域福祉課", x0=70, y0=110),
        line("登録業務の名称　　　　避難行動要支援者名簿の作成", x0=70, y0=130),
        gap_line("委託の開始時期", "令和８年１０月１日から", x0=70, value_x=70 + 8 * SIZE, y0=150),
        line("委託理由　　　　　　　本システムの開発事業者であり、改修を安全", x0=70, y0=170),
        line("に行うことができるため。", x0=70 + 11 * SIZE, y0=170 + SIZE * 1.5),
    ]
    sheet = page(2, [block_of(rows)])
    cover = fx.cover_page(
        1,
        "南砂市個人情報保護運営審議会　付議事項",
        "窓口システムの改修について",
        ["要綱の根拠"],
        "（担当部課：防災課）",
    )
    lay = fx.layout([cover, sheet], "typed.pdf")
    return [u for u in layout_units(lay) if u.page == 2]


def test_a_form_typed_with_spaces_between_label_and_value():
    got = {
        "".join(p.label.split()): " | ".join(p.texts) for p in region_pairs(_typed_sheet_units())
    }
    assert got["保有課（担当課）"] == "防災課、地域福祉課"
    assert got["登録業務の名称"] == "避難行動要支援者名簿の作成"
    assert got["委託の開始時期"] == "令和８年１０月１日から"
    assert got["委託理由"] == "本システムの開発事業者であり、改修を安全 | に行うことができるため。"


def test_a_spaced_out_label_is_cut_after_the_longest_known_prefix():
    units = [
        u
        for u in layout_units(
            fx.layout([page(1, [text("事　業　名　避難行動要支援者名簿作成事業")])])
        )
    ]
    (p,) = region_pairs(units, "overview")
    assert ("".join(p.label.split()), p.texts) == ("事業名", ["避難行動要支援者名簿作成事業"])


def test_a_label_column_filled_to_its_edge_leaves_an_em_of_gap():
    label_w = 11 * SIZE  # 記録される情報項目（だ: eleven characters, then one em to the value
    rows = [
        gap_line(
            "記録される情報項目（だ", "１　個人の範囲", x0=70, value_x=70 + label_w + SIZE, y0=100
        ),
        gap_line(
            "れの、どのような項目か）",
            "避難行動要支援者",
            x0=70,
            value_x=70 + label_w + 3 * SIZE,
            y0=115,
        ),
    ]
    units = layout_units(fx.layout([page(1, [block_of(rows)])]))
    (p,) = region_pairs(units)
    assert "".join(p.label.split()) == "記録される情報項目（だれの、どのような項目か）"
    assert p.texts == ["１　個人の範囲", "避難行動要支援者"]


def test_contractor_lines_opened_by_the_word_and_spaces():
    prime, sub = parse_contractors(
        "委託先\u3000\u3000株式会社ボートクラウド（ＩＳＯ／ＩＥＣ２７００１認\n証取得）\n"
        "再委託先\u3000しののめソフト株式会社（プライバシーマーク取得）"
    )
    assert prime is not None and sub is not None
    assert (prime.name, prime.certifications) == ("株式会社ボートクラウド", ["isms"])
    assert (sub.name, sub.certifications) == ("しののめソフト株式会社", ["privacy_mark"])
    assert parse_contractors("株式会社委託先サービス")[0] is None


def test_references_with_dai_and_go():
    assert find_references("資料第４号－１及び資料第４号－２のとおり") == [
        "資料第4号-1",
        "資料第4号-2",
    ]
    assert find_references("資料第4号", own="資料第4号") == []


def test_repeating_at_each_occasion_is_recurring():
    _, recurring = parse_periods(
        "令和９年４月ごろ（予定）から\n（以降、選挙の執行ごとに同様の結合を行う。）"
    )
    assert recurring
    _, recurring = parse_periods("令和９年４月１日から令和９年４月２４日まで（予定）")
    assert not recurring


def test_a_label_spaced_out_in_characters_read_apart_is_one_label():
    # OCR of a typed form: 事 | 業 | 名 apart by about an em each, then the value
    spans_line = gap_line("事", "業", x0=70, value_x=70 + 2 * SIZE, y0=100)
    spans_line.spans += gap_line(
        "名", "避難行動要支援者名簿作成事業", x0=70 + 4 * SIZE, value_x=70 + 7 * SIZE, y0=100
    ).spans
    units = layout_units(fx.layout([page(1, [block_of([spans_line])])]))
    (p,) = region_pairs(units, "overview")
    assert ("".join(p.label.split()), p.texts) == ("事業名", ["避難行動要支援者名簿作成事業"])


def test_mark_column_from_its_legend_when_the_measure_heading_was_not_read():
    import test_blind_checklist_type_column as tc
    from test_blind_checklist_type_column import PEER, WARD, _record

    header = tc.HEADER
    tc.HEADER = ("", "", "対策が可能な場合は「〇」、対策の必要がない場合は「－」", "")
    try:
        first = [
            (
                WARD,
                [
                    (
                        "【運用上の対策】",
                        [("〇", "作業場所を確認する。"), ("〇", "連絡体制を確認する。")],
                    )
                ],
            )
        ]
        second = [
            (
                PEER,
                [
                    (
                        "【システム上の対策】",
                        [("〇", "ログを取得させる。"), ("", "通信を暗号化させる。")],
                    )
                ],
            )
        ]
        rec = _record(first, second)
    finally:
        tc.HEADER = header
    got = [(r.party, r.measure_type, r.mark) for r in rec.checklists]
    assert got == [
        ("ward", "operational", "applicable"),
        ("ward", "operational", "applicable"),
        ("counterparty", "technical", "applicable"),
        ("counterparty", "technical", "blank"),
    ]


def test_ocr_slips_in_contractor_cells():
    from pipeline.parties import certifications, parse_party

    assert parse_party("株式会社ボートクラウド(ISOグIEC27001認証取得)").certifications == ["isms"]
    assert certifications("ISO9001認証取得") == []
    # the two lines run together: 再委託先 after the prime's closing bracket still splits them
    prime, sub = parse_contractors(
        "株式会社ボートクラウド(ISO/IEC27001認証取得)再委託先 しののめソフト株式会社(プライバシーマーク取得)"
    )
    assert (prime.name, sub.name) == ("株式会社ボートクラウド", "しののめソフト株式会社")
