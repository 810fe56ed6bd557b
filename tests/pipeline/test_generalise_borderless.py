"""Borderless label/value sheets whose labels wrap onto two or three lines."""

from __future__ import annotations

import fixtures_documents as fx
from fixtures_layout import block_of, gap_line, line, page

from pipeline.mapping import map_record
from pipeline.pairs import region_pairs
from pipeline.segment import segment_submissions
from pipeline.units import layout_units

VX = 190.0  # the value column


def _rows(rows):
    """[(label lines, value lines)] -> lines: label and value lines side by side, rows 30pt apart."""
    out, y = [], 120.0
    for labels, values in rows:
        for i in range(max(len(labels), len(values))):
            lab = labels[i] if i < len(labels) else ""
            val = values[i] if i < len(values) else ""
            if lab and val:
                out.append(gap_line(lab, val, x0=60, value_x=VX, y0=y))
            elif lab:
                out.append(line(lab, x0=60, y0=y))
            else:
                out.append(line(val, x0=VX, y0=y))
            y += 15
        y += 15
    return out


SHEET = [
    (["保有課(担当課)"], ["資産税課"]),
    (["委託に伴い事業者", "に処理させる情報", "項目"], ["固定資産の所有者の氏名、住所"]),
    (["委託にあたり町が", "行う情報保護対策"], ["別紙チェックリストのとおり"]),
    (["委託理由"], ["評価替えの事務量が多く、専門の事業者に", "委託するため。"]),
    (["委託の開始時期", "及び期限"], ["令和8年5月1日から令和9年3月31日まで"]),
    (["受託事業者に行", "わせる情報保護対", "策"], ["別紙チェックリストのとおり"]),
]


def _layout():
    sheet = page(
        2, [block_of([line("件名 固定資産評価業務の委託について", x0=60, y0=80)] + _rows(SHEET))]
    )
    cover = fx.cover_page(
        1,
        "東谷町個人情報保護審議会 報告事項",
        "固定資産評価業務の委託について",
        ["条例の根拠", "◇第9条（業務委託）"],
        "（担当部課：税務課資産税係）",
    )
    return fx.layout([cover, sheet], "borderless.pdf")


def test_wrapped_labels_become_one_pair_each():
    units = [u for u in layout_units(_layout()) if u.page == 2]
    labels = ["".join(p.label.split()) for p in region_pairs(units)]
    assert labels == [
        "件名",
        "保有課(担当課)",
        "委託に伴い事業者に処理させる情報項目",
        "委託にあたり町が行う情報保護対策",
        "委託理由",
        "委託の開始時期及び期限",
        "受託事業者に行わせる情報保護対策",
    ]


def test_borderless_sheet_maps_every_row():
    lay = _layout()
    sec = map_record(segment_submissions(lay)[0], lay, document_id="x").record.sections[0]
    assert sec.kind == "業務委託"
    assert sec.reason == "評価替えの事務量が多く、専門の事業者に委託するため。"
    assert [(p.start, p.end) for p in sec.periods] == [("2026-05-01", "2027-03-31")]
    assert sec.protection.ward == "checklist"
    assert sec.protection.contractor == "checklist"
    assert [i.name for i in sec.data_items] == ["固定資産の所有者の氏名", "住所"]


def test_unknown_wrapped_label_is_still_dropped():
    units = [
        u
        for u in layout_units(
            fx.layout([page(1, [block_of(_rows([(["なにかの", "備考欄"], ["自由記述"])]))])])
        )
    ]
    assert region_pairs(units) == []


def test_borderless_overview_counts_once_and_keeps_its_note_line():
    rows = [
        (["事業名"], ["公園予約システムの更新"]),
        (["担当課"], ["公園課"]),
        (
            ["事業内容"],
            [
                "1 概要",
                "予約システムを更新する。",
                "2 付議内容",
                "(1) 電算処理 予約システムを更新する。",
                "3 利用者数 約 12,000 人",
                "※個人情報の流れは資料3-1のとおり",
            ],
        ),
    ]
    overview = page(2, [block_of([line("事業の概要", x0=60, y0=80)] + _rows(rows))])
    lay = _layout()
    lay.pages.insert(1, overview)
    for n, pg in enumerate(lay.pages, start=1):
        pg.number = n
        for t in pg.tables:
            t.page = n
    lay.page_count = len(lay.pages)
    rec = map_record(segment_submissions(lay)[0], lay, document_id="x").record
    assert [(c.label, c.value) for c in rec.overview.counts] == [("利用者数", 12000)]
    assert rec.overview.description.endswith("※個人情報の流れは資料3-1のとおり")


def test_label_column_on_the_right():
    from fixtures_layout import kv_table

    rows = [
        ("資産税課", "保有課"),
        ("県の評価システム", "結合の相手方"),
        ("評価の事務を効率化するため。", "結合する理由"),
        ("令和8年5月1日から", "結合の開始時期と期間"),
    ]
    sheet = page(
        2,
        [
            block_of([line("件名 評価システムの外部結合について", x0=60, y0=40)]),
            kv_table(rows, y0=70),
        ],
    )
    cover = fx.cover_page(
        1,
        "東谷町個人情報保護審議会 付議事項",
        "評価システムの外部結合について",
        ["要綱の根拠"],
        "（担当部課：資産税課）",
    )
    lay = fx.layout([cover, sheet], "right.pdf")
    sec = map_record(segment_submissions(lay)[0], lay, document_id="x").record.sections[0]
    assert sec.kind == "外部結合"
    assert sec.holding_divisions == ["資産税課"]
    assert sec.counterparty.name == "県の評価システム"
    assert sec.reason == "評価の事務を効率化するため。"
    assert [p.start for p in sec.periods] == ["2026-05-01"]
