"""Cover headings printed in pieces (wrapped mid-word, beside a 資料 box, split spans)."""

from __future__ import annotations

import fixtures_documents as fx
from fixtures_layout import Cursor, block_of, kv_table, line, page, text

from pipeline.segment import segment_submissions


def _cover(items):
    """A cover page, then an overview and a sheet so the submission has evidence."""
    pages = [
        page(1, items),
        fx.overview_page(2, [("事業名", "下水道使用料の口座振替"), ("担当課", "料金課")]),
        fx.sheet_page(
            3, "下水道使用料システムの改修について", [("保有課", "料金課"), ("委託先", "未定")]
        ),
    ]
    return fx.layout(pages, "wrapped.pdf")


def _tail(cur):
    return [kv_table([("件 名", "下水道使用料システムの改修について")], cur=cur, widths=(60, 440))]


def test_kind_word_wrapped_mid_word_beside_a_material_box():
    cur = Cursor()
    heading = block_of(
        [
            line("港北町個人情報保護運営審議会　諮問・報告事", y0=50),
            line("資料１２", x0=460, y0=56),
            line("項", x0=250, y0=66),
        ]
    )
    cur.y = 90
    seg = segment_submissions(_cover([heading, *_tail(cur)]))[0]
    assert not seg.fragment
    assert (seg.council, seg.item_kind) == ("個人情報保護運営審議会", "諮問・報告事項")


def test_council_and_kind_as_two_spans_on_one_band():
    cur = Cursor()
    council = text("西浜県個人情報保護委員会", y0=50)
    kind = text("付議事項", x0=330, y0=50)
    cur.y = 80
    seg = segment_submissions(_cover([council, kind, *_tail(cur)]))[0]
    assert not seg.fragment
    assert (seg.council, seg.item_kind) == ("個人情報保護委員会", "付議事項")


def test_unrelated_line_far_below_is_not_joined():
    cur = Cursor()
    heading = block_of([line("個人情報保護審議会の運営について", y0=50), line("報告事項", y0=200)])
    cur.y = 230
    seg = segment_submissions(_cover([heading, *_tail(cur)]))[0]
    assert seg.fragment


def test_council_name_loses_any_municipality_or_prefecture_prefix():
    from pipeline.wareki import canonical_council

    assert canonical_council("西浜県情報公開審査会") == "情報公開審査会"
    assert canonical_council("京都府情報公開審査会") == "情報公開審査会"
    assert canonical_council("京都市情報公開審査会") == "情報公開審査会"
    assert canonical_council("東京都港区情報公開審査会") == "情報公開審査会"
    assert canonical_council("港北町個人情報保護運営審議会") == "個人情報保護運営審議会"


def test_council_name_wrapped_before_its_kind_word():
    cur = Cursor()
    heading = block_of(
        [line("桜台市情報公開・個人情報保", y0=50), line("護審議会　付議事項", y0=66)]
    )
    cur.y = 90
    seg = segment_submissions(_cover([heading, *_tail(cur)]))[0]
    assert (seg.council, seg.item_kind) == ("情報公開・個人情報保護審議会", "付議事項")


def test_meeting_line_above_a_heading_is_not_joined():
    cur = Cursor()
    heading = block_of(
        [line("令和8年度第2回", y0=50), line("桜台市個人情報保護審議会　付議事項", y0=66)]
    )
    cur.y = 90
    seg = segment_submissions(_cover([heading, *_tail(cur)]))[0]
    assert (seg.council, seg.item_kind) == ("個人情報保護審議会", "付議事項")
