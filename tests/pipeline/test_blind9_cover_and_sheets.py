"""Layouts the ninth blind corpus (LibreOffice from Word/Excel/ODF) showed: a cover whose kind
word sits in a box at the top and whose council name stands far below it, a department line
without a colon inside its bracket, and a 再委託 sheet naming its prime contractor without the
certifications the 業務委託 sheet gives it."""

from __future__ import annotations

import fixtures_documents as fx
import pytest
from fixtures_layout import Cursor, kv_table, page, text

from models.record import Party, Section
from pipeline.item_kind import heading_piece, heading_pieces
from pipeline.mapping import map_record
from pipeline.sections import _fill_prime_contractors
from pipeline.segment import segment_submissions


def _layout(cover_items):
    pages = [
        page(1, cover_items),
        fx.sheet_page(
            2, "救急業務管理システムの改修について", [("保有課", "警防課"), ("委託先", "未定")]
        ),
    ]
    return fx.layout(pages, "framed.pdf")


def _framed_cover(between: list[str]):
    cur = Cursor()
    items = [text("付議第２号", y0=42), text("資料３", x0=460, y0=42)]
    items += [text(t, x0=120, y0=120 + 20 * i) for i, t in enumerate(between)]
    items.append(text("浜風市個人情報保護管理委員会", x0=150, y0=216))
    cur.y = 270
    items.append(kv_table([("件 名", "救急搬送情報の外部結合について")], cur=cur, widths=(60, 440)))
    return items


@pytest.mark.parametrize("between", [[], ["√"]], ids=["nothing", "a pencil tick"])
def test_kind_word_in_a_box_and_council_far_below_make_one_cover_heading(between):
    seg = segment_submissions(_layout(_framed_cover(between)))[0]
    assert not seg.fragment
    assert (seg.council, seg.item_kind) == ("個人情報保護管理委員会", "付議事項")


def test_heading_pieces_need_a_bare_kind_word_and_a_bare_council_name():
    assert heading_piece("付議第2号") and heading_piece("【諮問事項】")
    assert heading_piece("浜風市個人情報保護管理委員会")
    assert heading_pieces("付議第2号", "浜風市個人情報保護管理委員会")
    assert heading_pieces("浜風市個人情報保護審議会", "【報告事項】")
    # a meeting's name (digits) or a sentence is not half a heading
    assert not heading_pieces("付議事項", "令和5年度第9回浜風市個人情報保護審議会")
    assert not heading_pieces("報告事項", "個人情報保護審議会の運営について")
    assert not heading_piece("個人情報保護審議会の運営について")


def test_a_far_council_name_is_not_joined_to_a_sentence_line():
    cur = Cursor()
    items = [text("審議の結果について", y0=42), text("浜風市個人情報保護管理委員会", y0=216)]
    cur.y = 270
    items.append(kv_table([("件 名", "救急搬送情報の外部結合について")], cur=cur, widths=(60, 440)))
    assert segment_submissions(_layout(items))[0].fragment


def _department(dept_line: str):
    pages = [
        fx.cover_page(
            1,
            "汐見市個人情報保護制度審議会 付議事項",
            "電子図書館サービスの導入について",
            ["条例上の根拠", "・第13条第1項（業務委託）"],
            dept_line,
        ),
        fx.sheet_page(2, "電子図書館サービスの導入について", [("保有課", "中央図書館")]),
    ]
    lay = fx.layout(pages, "dept.pdf")
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record.department


@pytest.mark.parametrize(
    "dept_line",
    ["（担当部課　教育委員会生涯学習部中央図書館）", "（所管課 教育委員会生涯学習部中央図書館）"],
)
def test_department_label_inside_a_bracket_needs_no_colon(dept_line):
    dep = _department(dept_line)
    assert (dep.raw, dep.bureau, dep.division) == (
        "教育委員会生涯学習部中央図書館",
        "教育委員会生涯学習部",
        "中央図書館",
    )


def test_department_word_in_a_sentence_is_not_a_department():
    assert _department("担当課長が説明する").raw is None


def test_prime_contractor_takes_the_certifications_its_own_sheet_gives_it():
    prime = Party(name="株式会社たかもりシステムサービス")
    secs = [
        Section(
            kind="業務委託",
            counterparty=Party(name=prime.name, certifications=["privacy_mark", "isms"]),
        ),
        Section(
            kind="再委託", counterparty=Party(name="株式会社調査サポート"), prime_contractor=prime
        ),
        Section(kind="再委託", prime_contractor=Party(name="別の株式会社")),
    ]
    _fill_prime_contractors(secs)
    assert secs[1].prime_contractor.certifications == ["privacy_mark", "isms"]
    assert secs[2].prime_contractor.certifications == []  # another name: nothing to take
    assert secs[0].counterparty.certifications == ["privacy_mark", "isms"]
