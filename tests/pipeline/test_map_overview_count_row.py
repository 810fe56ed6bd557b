"""A count printed in a row of the overview table itself (対象者数 | 約900人), not inside 事業内容
(pipeline/overview.py, catalogues/labels.json overview.counts)."""

from __future__ import annotations

import fixtures_documents as fx

from pipeline.labels import match_label
from pipeline.mapping import map_record
from pipeline.segment import segment_submissions


def _record(rows):
    pages = [
        fx.cover_page(
            1,
            "西台市個人情報保護審議会 付議事項",
            "受付システムの導入について",
            ["条例の根拠"],
            "（担当部課：選挙管理委員会事務局選挙課）",
        ),
        fx.overview_page(2, rows),
    ]
    lay = fx.layout(pages, "count_row.pdf")
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record


def test_count_rows_of_the_overview_table():
    rec = _record(
        [
            ("事業名", "投票所受付システム導入事業"),
            ("対象者", "選挙人名簿に登録されている者"),
            ("事業内容", "投票所の受付を電子化する。"),
            ("対象者数", "約 ９６，０００ 人"),
            ("年間利用見込み", "応募者：約380名\n参加者：約280名"),
        ]
    )
    assert rec.overview.data_subjects == "選挙人名簿に登録されている者"
    assert [(c.label, c.value, c.approx, c.unit) for c in rec.overview.counts] == [
        ("対象者数", 96000, True, "人"),
        ("応募者", 380, True, "名"),
        ("参加者", 280, True, "名"),
    ]


def test_count_labels_do_not_take_the_subjects_field():
    assert match_label("対象者数", "overview").field == "counts"
    assert match_label("対象者", "overview").field == "data_subjects"
