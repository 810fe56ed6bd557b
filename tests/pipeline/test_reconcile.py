"""reconcile_marks on hand-made pairs: each status, false marks inside unchanged text."""

from __future__ import annotations

from models.record import (
    ChangeMark,
    ChecklistRow,
    DataItem,
    RecordItem,
    Section,
    Source,
    SubmissionRecord,
)
from pipeline.diff import diff_records
from pipeline.reconcile import changed_positions, mark_hits_change, reconcile_marks


def rec(doc, sections=(), marks=(), **kw):
    src = Source(file_name=f"{doc}.pdf", sha256=doc, page_count=1, text_source="text_layer")
    return SubmissionRecord(
        document_id=doc, source=src, sections=list(sections), change_marks=list(marks), **kw
    )


def sheet(changed=(), **kw):
    base = {"title": "委託について", "registered_business": "区民意見システム"}
    return Section(kind="業務委託", changed_fields=list(changed), **{**base, **kw})


def mark(text, field, section=0):
    return ChangeMark(section=section, field=field, text=text, page=1)


def statuses(old, new):
    r = reconcile_marks(new, diff_records(old, new))
    return {(e.status, e.field, e.item) for e in r.entries}, r


def test_marked_and_changed_changed_unmarked_and_marked_unchanged():
    old = rec("a", [sheet(reason="構築業務のため", content="保守", system="サーバー")])
    new = rec(
        "b",
        [
            sheet(
                ["reason", "system"],
                reason="再構築業務のため",
                content="保守及び運用",
                system="サーバー",
            )
        ],
        marks=[mark("再構築業務", "reason"), mark("サーバー", "system")],
    )
    got, r = statuses(old, new)
    assert ("declared_and_changed", "reason", None) in got
    assert ("changed_not_marked", "content", None) in got
    assert ("marked_unchanged", "system", None) in got
    assert r.by_status("declared_and_changed")[0].marks == ["再構築業務"]


def test_a_mark_over_text_the_prior_already_had_is_marked_unchanged():
    old = rec("a", [sheet(content="1 システム改修業務 2 保守業務")])
    new = rec(
        "b",
        [sheet(["content"], content="1 システム改修業務 追加機能 2 保守業務")],
        marks=[mark("追加機能", "content"), mark("保守業務", "content")],
    )
    _, r = statuses(old, new)
    assert [e.marks for e in r.by_status("declared_and_changed")] == [["追加機能"]]
    (false,) = r.by_status("marked_unchanged")
    assert false.marks == ["保守業務"] and "same in the prior" in false.reason


def test_set_field_marks_must_name_an_added_element():
    old = rec("a", [sheet(data_items=[DataItem(name="氏名"), DataItem(name="回答内容")])])
    new = rec(
        "b",
        [
            sheet(
                ["data_items"],
                data_items=[
                    DataItem(name="氏名"),
                    DataItem(name="投稿目的"),
                    DataItem(name="回答内容"),
                ],
            )
        ],
        marks=[mark("投稿目的", "data_items"), mark("回答内容", "data_items")],
    )
    _, r = statuses(old, new)
    assert [e.marks for e in r.by_status("declared_and_changed")] == [["投稿目的"]]
    assert [e.marks for e in r.by_status("marked_unchanged")] == [["回答内容"]]


def test_record_items_per_item():
    items = [RecordItem(group=["母子保健"], name="既存")]
    old = rec("a", record_items=items)
    new = rec(
        "b",
        record_items=[
            *items,
            RecordItem(group=["母子保健"], name="新1", changed=True),
            RecordItem(group=["母子保健"], name="新2"),
        ],
        marks=[ChangeMark(section=None, field="record_items", text="新1", page=2)],
    )
    got, _ = statuses(old, new)
    assert got >= {
        ("declared_and_changed", "record_items", "新1"),
        ("changed_not_marked", "record_items", "新2"),
    }
    wrong = rec("c", record_items=[RecordItem(group=["母子保健"], name="既存", changed=True)])
    got, _ = statuses(old, wrong)
    assert got == {("marked_unchanged", "record_items", "既存")}


def test_checklist_row_marks_by_text():
    def row(measure, mark):
        return ChecklistRow(
            checklist="業務委託",
            party="ward",
            measure_type="operational",
            measure=measure,
            mark=mark,
            page=3,
        )

    old = rec(
        "a", checklists=[row("暗号化させる。", "not_applicable"), row("施錠する。", "applicable")]
    )
    new = rec(
        "b",
        checklists=[row("暗号化させる。", "applicable"), row("施錠する。", "not_applicable")],
        marks=[ChangeMark(section=None, field="checklists", text="暗号化させる。", page=3)],
    )
    got, _ = statuses(old, new)
    assert ("declared_and_changed", "checklists.mark", "暗号化させる。") in got
    assert ("changed_not_marked", "checklists.mark", "施錠する。") in got


def test_titles_references_new_sheets_and_the_overview_are_not_reconciled():
    old = rec("a", [sheet(title="構築について", data_items_ref="資料5-2")], references=["資料5-1"])
    new = rec(
        "b",
        [sheet(title="再構築について", data_items_ref="資料23-2"), Section(kind="再委託")],
        references=["資料23-1"],
    )
    got, r = statuses(old, new)
    assert {s for s, _, _ in got} == {"not_reconciled"}
    assert {e.field for e in r.entries} == {"title", "data_items_ref", "section", "references"}


def test_mark_hits_change():
    assert mark_hits_change("構築業務", "再構築業務", "再構築業務") is True
    assert mark_hits_change("構築業務及び保守", "再構築業務及び保守", "保守") is False
    assert (
        mark_hits_change("長い文章", "checklist", "別紙チェックリストのとおり") is None
    )  # value normalised
    assert changed_positions("abc", "abXc") == {2}


def test_changed_text_outside_every_mark_is_listed_as_not_marked():
    old = rec("a", [sheet(content="1 構築業務 2 保守業務(年1回)")])
    new = rec(
        "b",
        [sheet(["content"], content="1 再構築業務 2 保守業務(月1回)")],
        marks=[mark("再構築業務", "content")],
    )
    _, r = statuses(old, new)
    assert [e.field for e in r.by_status("declared_and_changed")] == ["content"]
    (missed,) = r.by_status("changed_not_marked")
    assert missed.field == "content" and "月" in missed.reason
    # covered entirely: nothing extra
    new2 = rec(
        "c",
        [sheet(["content"], content="1 再構築業務 2 保守業務(年1回)")],
        marks=[mark("再構築業務", "content")],
    )
    _, r2 = statuses(old, new2)
    assert r2.by_status("changed_not_marked") == []
