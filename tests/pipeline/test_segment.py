"""segment_submissions on hand-built layouts shaped like the seeds."""

from __future__ import annotations

import fixtures_documents as fx
import pytest

from models.errors import InputError
from pipeline.segment import segment_submissions


def _kinds(seg):
    return [(r.kind, r.section_kind or r.checklist_kind) for r in seg.regions]


def test_full_submission_regions_in_order():
    segs = segment_submissions(fx.seed000_layout())
    assert len(segs) == 1
    seg = segs[0]
    assert (seg.council, seg.item_kind, seg.fragment, seg.pages) == (
        "個人情報保護管理運営会議",
        "付議事項",
        False,
        [1, 9],
    )
    assert _kinds(seg) == [
        ("cover", None),
        ("overview", None),
        ("sheet", "電算処理"),
        ("sheet", "外部結合"),
        ("sheet", "業務委託"),
        ("flow", None),
        ("record_items", None),
        ("checklist", "外部結合"),
        ("checklist", "外部結合"),
    ]
    # the 資料 number printed above the heading belongs to the cover
    assert seg.regions[0].pages == [1, 1] and seg.regions[0].refs[0].kind == "text"


def test_fragment_is_one_submission_with_warning():
    segs = segment_submissions(fx.seed001_layout())
    assert len(segs) == 1
    seg = segs[0]
    assert seg.fragment and seg.council is None
    assert [p.code for p in seg.problems] == ["fragment"]
    # the table continued on page 2 stays in the same checklist
    assert _kinds(seg) == [("checklist", "業務委託")]
    assert seg.regions[0].pages == [1, 2]


def test_packet_splits_at_each_cover_heading():
    segs = segment_submissions(fx.packet_layout())
    assert [s.pages for s in segs] == [[1, 3], [4, 12]]
    assert [s.index for s in segs] == [0, 1]
    assert [r.kind for r in segs[1].regions][:2] == ["cover", "overview"]
    assert [r.section_kind for r in segs[0].regions if r.kind == "sheet"] == ["外部結合"]


def test_council_bill_is_not_a_submission():
    with pytest.raises(InputError) as e:
        segment_submissions(fx.council_bill_layout())
    assert e.value.reason == "not_a_submission"
    assert "bill.pdf" in str(e.value)


def test_heading_without_any_label_is_not_a_submission():
    lay = fx.layout(
        [
            fx.page(
                1, [fx.text("個人情報保護管理運営会議 報告事項", "本日の議題は以下のとおりです。")]
            )
        ]
    )
    with pytest.raises(InputError) as e:
        segment_submissions(lay)
    assert e.value.reason == "not_a_submission"


def test_city_name_dropped_from_council():
    seg = segment_submissions(fx.split_value_layout())[0]
    assert (seg.council, seg.item_kind) == ("情報公開・個人情報保護審議会", "諮問・報告事項")


def test_sheet_continued_over_page_break_is_one_region():
    seg = segment_submissions(fx.split_value_layout())[0]
    sheets = seg.regions_of("sheet")
    assert len(sheets) == 1 and sheets[0].pages == [2, 3] and sheets[0].section_kind == "外部結合"


def test_subcontract_sheet_is_再委託_whatever_its_heading_says():
    seg = segment_submissions(fx.subcontract_layout())[0]
    sheets = seg.regions_of("sheet")
    assert [s.section_kind for s in sheets] == ["業務委託", "再委託"]
    # the 別紙 marker line opens the sheet; its 件名 stays in the same region
    assert sheets[1].heading == "別紙(業務委託)" and sheets[1].pages == [3, 3]
    assert seg.regions[-1].kind == "flow"


def test_borderless_sheet_with_spaced_labels():
    seg = segment_submissions(fx.borderless_layout())[0]
    assert [s.section_kind for s in seg.regions_of("sheet")] == ["外部結合"]


def test_layout_without_text_is_no_text():
    lay = fx.layout([fx.page(1, []), fx.page(2, [])], "blank.pdf")
    with pytest.raises(InputError) as e:
        segment_submissions(lay)
    assert e.value.reason == "no_text"


def test_a_form_with_件名_rows_is_not_a_fragment():
    """Any municipal form has 件名 rows; alone they are no evidence of a submission."""
    cur = fx.Cursor()
    table = fx.kv_table(
        [("件 名", "行政視察に係る電車代"), ("件 名", "研修に係るバス代"), ("金額", "1,200円")],
        cur=cur,
    )
    lay = fx.layout([fx.page(1, [fx.text("支払証明書", cur=cur), table])], "form.pdf")
    with pytest.raises(InputError) as e:
        segment_submissions(lay)
    assert e.value.reason == "not_a_submission"


def test_ocr_speck_in_checklist_heading():
    lay = fx.seed001_layout()
    lay.pages[0].blocks[0].lines[0] = fx.line("5 業務委託にかかる個人情報保護対策チェッ・クリスト")
    seg = segment_submissions(lay)[0]
    assert [(r.kind, r.checklist_kind) for r in seg.regions] == [("checklist", "業務委託")]


def test_heading_split_over_two_lines():
    lay = fx.seed003_layout()
    lay.pages[0].blocks[0] = fx.text("新宿区個人情報保護管理運営会議", "付議事項", y0=40)
    seg = segment_submissions(lay)[0]
    assert (seg.council, seg.item_kind, seg.fragment) == (
        "個人情報保護管理運営会議",
        "付議事項",
        False,
    )
    assert seg.regions[0].kind == "cover"
