"""A scanned cover: a misread kind word, a lost 件名 label, a provision whose ) was lost."""

from __future__ import annotations

import fixtures_documents as fx
from fixtures_layout import Cursor, kv_table, page, text

from pipeline.headings import classify_unit_text
from pipeline.mapping import map_record
from pipeline.provisions import parse_provisions
from pipeline.segment import segment_submissions


def test_kind_word_with_one_ocr_error():
    h = classify_unit_text("南野市個人情報保護審議会付議事頂")
    assert (h.kind, h.item_kind) == ("cover", "付議事項")
    h = classify_unit_text("個人情報保護委員会諮間・報告事項")
    assert (h.kind, h.item_kind) == ("cover", "諮問・報告事項")


def test_no_cover_without_a_council_before_the_kind_word():
    assert classify_unit_text("令和8年度の付議事頂").kind == "none"
    assert classify_unit_text("個人情報保護審議会への報告について").kind == "none"


def test_provision_whose_closing_bracket_was_lost():
    assert [(p.article, p.subject) for p in parse_provisions("〇第7条第2項(業務委託")] == [
        ("第7条第2項", "業務委託")
    ]


def _cover_with_unread_label(rows):
    cur = Cursor()
    items = [
        text("資料4", x0=450, cur=cur),
        text("南野市個人情報保護審議会 報告事項", cur=cur),
        kv_table(rows, cur=cur, widths=(60, 440)),
        text(
            "内容は別紙のとおり",
            "条例の根拠",
            "〇第7条第2項(業務委託",
            "（担当部課：市民部戸籍課）",
            cur=cur,
        ),
    ]
    sheet = fx.sheet_page(
        2,
        "戸籍システム保守の委託について",
        [("保有課", "戸籍課"), ("委託先", "未定")],
        marker="別紙（業務委託）",
    )
    lay = fx.layout([page(1, items), sheet], "scan.pdf")
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record


def test_title_from_the_covers_one_row_when_its_label_is_unreadable():
    rec = _cover_with_unread_label([("", "戸籍システム保守の委託について")])
    assert rec.title == "戸籍システム保守の委託について"
    assert any(w.code == "title_label_unread" for w in rec.warnings)
    assert [(p.article, p.subject) for p in rec.basis.provisions] == [("第7条第2項", "業務委託")]


def test_no_title_guessed_from_several_unlabelled_rows():
    rec = _cover_with_unread_label([("", "ひとつめ"), ("", "ふたつめ")])
    assert rec.title is None
