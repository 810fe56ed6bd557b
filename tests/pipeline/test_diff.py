"""diff_records on hand-made records: each kind of field, pairing of sheets and checklist rows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.record import (
    ChecklistRow,
    DataItem,
    Party,
    Period,
    Protection,
    RecordItem,
    Section,
    Source,
    SubmissionRecord,
)
from pipeline.diff import comparable, diff_records, pair_sections
from pipeline.diff_checklists import pair_checklist_rows


def rec(doc="n", sections=(), checklists=(), record_items=(), **kw) -> SubmissionRecord:
    src = Source(file_name=f"{doc}.pdf", sha256=doc, page_count=1, text_source="text_layer")
    return SubmissionRecord(
        document_id=doc,
        source=src,
        sections=list(sections),
        checklists=list(checklists),
        record_items=list(record_items),
        **kw,
    )


def sheet(kind="業務委託", **kw) -> Section:
    base = {
        "title": "委託について",
        "registered_business": "区民意見システム",
        "holding_divisions": ["区政情報課"],
    }
    return Section(kind=kind, **{**base, **kw})


def row(
    measure, mark="applicable", checklist="業務委託", party="ward", key=None, note=None
) -> ChecklistRow:
    return ChecklistRow(
        checklist=checklist,
        party=party,
        measure_type="operational",
        measure=measure,
        measure_key=key,
        mark=mark,
        note=note,
        page=1,
    )


def keys(changes):
    return [(c.section_kind, c.field, c.item, c.change_type) for c in changes]


def test_identical_records_have_no_changes():
    a = rec("a", [sheet(periods=[Period(start="2024-04-01", end="2025-03-31")])])
    assert diff_records(a, a.model_copy(update={"document_id": "b"})) == []


def test_layout_whitespace_and_width_are_not_changes():
    a = rec(
        "a",
        [
            sheet(
                reason="システムの 再構築\n業務のため。",
                counterparty=Party(name="株式会社 両備システムズ"),
            )
        ],
    )
    b = rec(
        "b",
        [
            sheet(
                reason="システムの再構築業務のため｡",
                counterparty=Party(name="株式会社両備システムズ"),
            )
        ],
    )
    assert diff_records(a, b) == []


def test_scalar_text_change_keeps_the_contract_values_and_section_indexes():
    a = rec("a", [sheet("電算処理"), sheet(reason="構築業務")])
    b = rec("b", [sheet("電算処理"), sheet(reason="再構築業務")])
    (ch,) = diff_records(a, b)
    assert (ch.section_kind, ch.field, ch.old, ch.new, ch.change_type) == (
        "業務委託",
        "reason",
        "構築業務",
        "再構築業務",
        "modified",
    )
    assert (ch.old_section, ch.new_section, ch.new_path) == (1, 1, "sections[1].reason")


def test_value_appearing_or_disappearing_is_added_or_removed():
    a = rec("a", [sheet(connection_method=None, system="サーバー")])
    b = rec("b", [sheet(connection_method="専用回線", system=None)])
    assert sorted(keys(diff_records(a, b))) == [
        ("業務委託", "connection_method", None, "added"),
        ("業務委託", "system", None, "removed"),
    ]


def test_set_fields_report_each_element():
    a = rec(
        "a",
        [
            sheet(
                data_items=[
                    DataItem(name="氏名"),
                    DataItem(name="住所"),
                    DataItem(name="メール", qualifier="任意"),
                ],
                holding_divisions=["区政情報課", "広報課"],
            )
        ],
    )
    b = rec(
        "b",
        [
            sheet(
                data_items=[
                    DataItem(name="氏名"),
                    DataItem(name="投稿目的"),
                    DataItem(name="メール", qualifier="必須"),
                ],
                holding_divisions=["区政情報課"],
            )
        ],
    )
    got = keys(diff_records(a, b))
    assert sorted(got) == sorted(
        [
            ("業務委託", "holding_divisions", "広報課", "removed"),
            ("業務委託", "data_items", "住所", "removed"),
            ("業務委託", "data_items", "投稿目的", "added"),
            ("業務委託", "data_items", "メール", "modified"),  # qualifier 任意 -> 必須
        ]
    )


def test_counterparty_name_and_certifications_separately():
    a = rec(
        "a", [sheet(counterparty=Party(name="日本電気株式会社", certifications=["privacy_mark"]))]
    )
    b = rec(
        "b",
        [
            sheet(
                counterparty=Party(name="日本電気株式会社", certifications=["privacy_mark", "isms"])
            )
        ],
    )
    assert keys(diff_records(a, b)) == [
        ("業務委託", "counterparty.certifications", "isms", "added")
    ]
    c = rec("c", [sheet(counterparty=Party(name=None, undecided=True))])
    ch, cert = diff_records(a, c)
    assert (cert.field, cert.item, cert.change_type) == (
        "counterparty.certifications",
        "privacy_mark",
        "removed",
    )
    assert (
        ch.field == "counterparty"
        and ch.old["name"] == "日本電気株式会社"
        and ch.new["undecided"] is True
    )


def test_periods_schedule_protection_and_recurring_compare_whole():
    a = rec(
        "a",
        [
            sheet(
                periods=[Period(label="構築", start="2013-07-01", end="2013-09-30")],
                recurring=False,
                protection=Protection(ward="【運用上の対策】…", contractor="【運用上の対策】…"),
            )
        ],
    )
    b = rec(
        "b",
        [
            sheet(
                periods=[Period(label="再構築", start="2024-04-01", end="2025-03-14")],
                recurring=True,
                protection=Protection(ward="checklist", contractor="checklist"),
            )
        ],
    )
    got = {c.field: c for c in diff_records(a, b)}
    assert set(got) == {"periods", "recurring", "protection"}
    assert got["periods"].new == [
        {
            "label": "再構築",
            "start": "2024-04-01",
            "end": "2025-03-14",
            "approximate": False,
            "planned": False,
        }
    ]
    assert (got["recurring"].old, got["recurring"].new) == (False, True)


def test_sheets_pair_by_kind_and_likeness_unpaired_are_added_or_removed():
    a = rec(
        "a",
        [
            sheet("電算処理"),
            sheet("業務委託", title="保守の委託"),
            sheet("業務委託", title="開発の委託"),
        ],
    )
    b = rec(
        "b",
        [
            sheet("業務委託", title="開発の委託"),
            sheet("外部結合"),
            sheet("業務委託", title="保守の委託"),
        ],
    )
    assert pair_sections(a.sections, b.sections) == [(2, 0), (None, 1), (1, 2), (0, None)]
    got = keys(diff_records(a, b))
    assert sorted(got) == [
        ("外部結合", "section", "委託について", "added"),
        ("電算処理", "section", "委託について", "removed"),
    ]


def test_record_items_added_and_removed_by_group_and_name():
    a = rec(
        "a",
        record_items=[
            RecordItem(group=["母子保健"], name="乳幼児健診結果"),
            RecordItem(group=["母子保健"], name="旧項目"),
        ],
    )
    b = rec(
        "b",
        record_items=[
            RecordItem(group=["母子保健"], name="乳幼児健診結果"),
            RecordItem(group=["母子保健"], name="5歳児健診結果情報", changed=True),
        ],
    )
    assert sorted(keys(diff_records(a, b))) == [
        ("record_items", "record_items", "5歳児健診結果情報", "added"),
        ("record_items", "record_items", "旧項目", "removed"),
    ]


def test_checklist_mark_and_note_changes_on_rows_paired_by_key_or_similar_text():
    a = rec(
        "a",
        checklists=[
            row("ウィルス対策ソフトを導入する。", key="virus"),
            row("入退室管理を行う。"),
            row("データの持ち出しを禁止する。"),
        ],
    )
    b = rec(
        "b",
        checklists=[
            row(
                "ウイルス対策ソフトウェアを導入する。",
                key="virus",
                mark="not_applicable",
                note="紙のみ",
            ),
            row("入退室管理を行うこと。"),
            row("新しい対策を行う。"),
        ],
    )
    assert pair_checklist_rows(a.checklists, b.checklists) == [(0, 0), (1, 1), (None, 2), (2, None)]
    got = keys(diff_records(a, b))
    assert sorted(got) == sorted(
        [
            ("業務委託", "checklists.mark", "ウイルス対策ソフトウェアを導入する。", "modified"),
            ("業務委託", "checklists.note", "ウイルス対策ソフトウェアを導入する。", "added"),
            ("業務委託", "checklists", "新しい対策を行う。", "added"),
            ("業務委託", "checklists", "データの持ち出しを禁止する。", "removed"),
        ]
    )
    mark = next(c for c in diff_records(a, b) if c.field == "checklists.mark")
    assert (mark.old, mark.new) == ("applicable", "not_applicable")


def test_a_whole_new_checklist_is_one_change():
    a = rec("a")
    b = rec("b", checklists=[row("a"), row("b"), row("c", party="counterparty")])
    assert sorted(keys(diff_records(a, b))) == [
        ("業務委託", "checklists", "counterparty", "added"),
        ("業務委託", "checklists", "ward", "added"),
    ]


def test_cover_and_overview_fields():
    a = rec(
        "a",
        title="構築について",
        material_no="資料5",
        references=["資料5-1"],
        categories=["電算処理"],
    )
    b = rec(
        "b",
        title="再構築について",
        material_no="資料23",
        references=["資料23-1"],
        categories=["電算処理", "外部結合"],
    )
    assert sorted(keys(diff_records(a, b))) == sorted(
        [
            ("cover", "title", None, "modified"),
            ("cover", "material_no", None, "modified"),
            ("cover", "categories", "外部結合", "added"),
            ("cover", "references", "資料5-1", "removed"),
            ("cover", "references", "資料23-1", "added"),
        ]
    )


texts = st.text(alphabet=st.sampled_from("あいう区民ＡB1１ 　\n、。()（）"), max_size=12)


@given(texts, texts)
def test_a_text_change_is_reported_exactly_when_the_comparable_forms_differ(x, y):
    changes = diff_records(
        rec("a", [sheet(content=x or None)]), rec("b", [sheet(content=y or None)])
    )
    differ = comparable(x or None) != comparable(y or None) and not (
        comparable(x) == "" and comparable(y) == ""
    )
    assert bool(changes) == differ
    for c in changes:
        assert c.field == "content" and c.old == (x or None) and c.new == (y or None)
