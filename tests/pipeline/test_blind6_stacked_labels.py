"""Labels printed alone above their values (an HTML definition list, a bold paragraph label):
the lines below a known label line, indented under it or in another style, are its value."""

from __future__ import annotations

import fixtures_documents as fx
from fixtures_layout import block_of, line, page

from pipeline.mapping import map_record
from pipeline.pairs import region_pairs
from pipeline.segment import segment_submissions
from pipeline.units import layout_units

LX, VX = 60.0, 82.0  # label column, value column (the dd indent)


def _dl(rows, y=120.0, indent=True, bold=True):
    """[(label, [value lines])] -> lines: the label (bold Gothic when bold) above its value lines."""
    out = []
    for label, values in rows:
        out.append(line(f"**{label}**" if bold else label, x0=LX, y0=y))
        y += 17
        for v in values:
            out.append(line(v, x0=VX if indent else LX, y0=y))
            y += 16
        y += 12
    return out


OVERVIEW = [
    ("事業名", ["要介護認定調査"]),
    ("担当課", ["介護保険課"]),
    ("目的", ["認定までの期間を短縮するため、認定調査を委託する。"]),
    ("対象者", ["要介護認定を申請した被保険者"]),
    (
        "事業内容",
        [
            "１　概要",
            "認定調査を外部に委託する。",
            "２　付議内容",
            "(1) 業務委託　認定調査を委託する。",
        ],
    ),
]
SHEET = [
    ("保有課", ["介護保険課"]),
    ("委託先", ["一般社団法人北原介護協会（プライバシーマーク取得）"]),
    ("処理させる情報項目", ["【認定調査の対象者に係る情報項目】", "被保険者番号、氏名、住所"]),
    ("委託理由", ["調査員を確保するため。"]),
    ("委託の内容", ["新規申請に係る認定調査の実施"]),
    ("委託の開始時期及び期限", ["令和８年度から（毎年度、継続して委託する。）"]),
    (
        "委託にあたり市が行う個人情報保護対策",
        ["【運用上の対策】", "１　委託契約書に特記事項を付す。"],
    ),
]


def _layout(indent=True, bold=True, tail_line=None):
    ov = page(
        2, [block_of([line("事業の概要", x0=LX, y0=80)] + _dl(OVERVIEW, indent=indent, bold=bold))]
    )
    head = [
        line("別紙１　業務委託", x0=LX, y0=60),
        line("件名　認定調査業務の委託について", x0=LX, y0=85),
    ]
    sheet = page(3, [block_of(head + _dl(SHEET, indent=indent, bold=bold))])
    pages = [ov, sheet]
    if tail_line is not None:
        pages.append(page(4, [block_of([tail_line, line("記録項目の一覧", x0=LX, y0=100)])]))
    cover = fx.cover_page(
        1,
        "北原市個人情報保護運営委員会　諮問事項",
        "要介護認定調査業務の委託について",
        ["要綱の根拠", "◇第４条第１項第３号（業務委託）"],
        "所管課：保健福祉部介護保険課認定係",
    )
    return fx.layout([cover, *pages], "dl.pdf")


def _record(lay):
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record


def test_definition_list_labels_pair_with_the_indented_lines_below():
    units = [u for u in layout_units(_layout()) if u.page == 3]
    pairs = region_pairs(units)
    assert ["".join(p.label.split()) for p in pairs] == ["件名"] + [k for k, _ in SHEET]
    items = next(p for p in pairs if p.label == "処理させる情報項目")
    assert items.raw_value == "【認定調査の対象者に係る情報項目】\n被保険者番号、氏名、住所"


def test_definition_list_sheet_and_overview_map():
    rec = _record(_layout())
    sec = rec.sections[0]
    assert sec.kind == "業務委託"
    assert sec.holding_divisions == ["介護保険課"]
    assert sec.reason == "調査員を確保するため。"
    assert sec.content == "新規申請に係る認定調査の実施"
    assert sec.counterparty is not None and sec.counterparty.name == "一般社団法人北原介護協会"
    assert [i.name for i in sec.data_items] == ["被保険者番号", "氏名", "住所"]
    assert sec.data_subjects == "認定調査の対象者"
    assert [(p.start, p.end) for p in sec.periods] == [("2026", None)]
    assert sec.recurring is True
    assert rec.overview.business_name == "要介護認定調査"
    assert rec.overview.purpose == "認定までの期間を短縮するため、認定調査を委託する。"
    assert rec.overview.data_subjects == "要介護認定を申請した被保険者"
    assert rec.overview.agenda == ["業務委託 認定調査を委託する。"]
    assert rec.change_marks == []  # bold label typography is not a change mark


def test_bold_labels_without_indent_pair_by_style():
    sec = _record(_layout(indent=False))
    assert sec.sections[0].reason == "調査員を確保するため。"
    assert sec.overview.business_name == "要介護認定調査"


def test_plain_label_words_in_running_text_are_not_labels():
    units = [u for u in layout_units(_layout(indent=False, bold=False)) if u.page == 3]
    assert [p.label for p in region_pairs(units)] == ["件名"]


def test_a_far_right_line_on_the_next_page_ends_the_value():
    lay = _layout(tail_line=line("（資料６－２）", x0=480, y0=66))
    sec = _record(lay).sections[0]
    assert sec.protection.ward is not None and "資料" not in sec.protection.ward
    assert sec.pages == [3]


def test_numbered_sub_headings_indented_in_a_value_stay_in_it():
    """(2) 記録項目 / (3) 記録するコンピュータ read like labels, but they sit in the value
    column, their own text one step further in."""
    lines = [
        line("**保有課**", x0=LX, y0=100),
        line("介護保険課", x0=VX, y0=117),
        line("**記録される情報項目**", x0=LX, y0=145),
        line("(2) 記録項目", x0=VX, y0=162),
        line("資料６－２のとおり", x0=VX + 20, y0=178),
        line("(3) 記録するコンピュータ", x0=VX, y0=194),
        line("介護保険システム", x0=VX + 20, y0=210),
        line("**変更の理由**", x0=LX, y0=238),
        line("転記をなくすため。", x0=VX, y0=255),
    ]
    units = layout_units(fx.layout([page(3, [block_of(lines)])]))
    pairs = region_pairs(units)
    assert [p.label for p in pairs] == ["保有課", "記録される情報項目", "変更の理由"]
    assert pairs[1].raw_value.split("\n") == [
        "(2) 記録項目",
        "資料６－２のとおり",
        "(3) 記録するコンピュータ",
        "介護保険システム",
    ]


def test_labels_and_values_across_a_page_break_with_a_footer():
    p3 = [
        line("**保有課**", x0=LX, y0=700),
        line("介護保険課", x0=VX, y0=717),
        line("**委託理由**", x0=LX, y0=745),  # the label ends the page
        line("- 3 -", x0=280, y0=810),
    ]
    p4 = [
        line("調査員を確保するため。", x0=VX, y0=60),
        line("**委託にあたり市が行う個人情報保護対策**", x0=LX, y0=88),
        line("【運用上の対策】", x0=VX, y0=105),
        line("１　委託契約書に特記事項を付す。", x0=VX, y0=780),
        line("- 4 -", x0=280, y0=810),
    ]
    p5 = [line("２　台帳を作成する。", x0=VX, y0=60), line("**委託の内容**", x0=LX, y0=88)]
    p5.append(line("認定調査の実施", x0=VX, y0=105))
    lay = fx.layout([page(3, [block_of(p3)]), page(4, [block_of(p4)]), page(5, [block_of(p5)])])
    pairs = region_pairs(layout_units(lay))
    assert [p.label for p in pairs] == [
        "保有課",
        "委託理由",
        "委託にあたり市が行う個人情報保護対策",
        "委託の内容",
    ]
    assert pairs[1].raw_value == "調査員を確保するため。"
    assert pairs[2].raw_value.split("\n") == [
        "【運用上の対策】",
        "１　委託契約書に特記事項を付す。",
        "２　台帳を作成する。",
    ]


def test_bold_label_above_a_value_line_all_in_change_marks():
    lines = [
        line("**委託理由**", x0=LX, y0=100),
        line("<u>調査員を確保するため。</u>", x0=LX, y0=117),
        line("**委託の内容**", x0=LX, y0=145),
        line("新規申請に係る認定調査の実施", x0=LX, y0=162),
    ]
    pairs = region_pairs(layout_units(fx.layout([page(3, [block_of(lines)])])))
    assert [(p.label, p.raw_value) for p in pairs] == [
        ("委託理由", "調査員を確保するため。"),
        ("委託の内容", "新規申請に係る認定調査の実施"),
    ]
