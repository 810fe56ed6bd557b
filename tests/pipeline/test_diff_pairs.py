"""Issue 7 on the two sample prior/new pairs, through the real pipeline and a DuckDB file.

The expected changes and reconciliations below were written by hand from the documents'
content (the goldens and the specs of both halves, samples/NOTES.md "The invented priors"),
not from the diff's output:

- 000 ← prior_000 (令和5年度第9回 個人情報保護管理運営会議, printed on the prior's cover):
  the 業務委託 sheet differs exactly in its four underlined spans (登録業務の名称, 個人の範囲,
  委託の内容, period); the record list gains two 5歳児 items (marked). The 電算処理 and 外部結合
  sheets carry the legend but no marks although their content is new (NOTES) -> changed
  but not marked. The 資料 numbers differ unmarked. Checklists are the same.
- 004 ← prior_004 (平成25年度第1回 審議会, meeting from meetings.csv): 16 marks on the two
  sheets with a legend, each over a real difference; 外部結合 and 再委託 sheets and all six
  checklists are new; the prior had written protection measures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.record import SubmissionRecord
from pipeline import changes_store, store
from pipeline.diff import diff_records
from pipeline.meeting_sidecar import meeting_for
from pipeline.process import process_document
from pipeline.reconcile import reconcile_marks

SAMPLES = Path(__file__).parents[2] / "samples" / "good"
PAIRS = {
    "000": ("prior_000_kenko_kanri_r5.pdf", "000_5saiji_kenshin.pdf"),
    "004": ("prior_004_kumin_iken_h25.pdf", "004_kumin_iken_faq.pdf"),
}

pytestmark = pytest.mark.slow  # prior_000's checklist pages are scans (OCR, ~15-35 s)


@pytest.fixture(scope="module")
def pairs_db(tmp_path_factory):
    """The four PDFs read by the real pipeline (meetings.csv applied as `fugi ingest` does)."""
    db = tmp_path_factory.mktemp("pairs") / "pairs.duckdb"
    ids: dict[str, str] = {}
    cache: dict = {}
    with store.opened(db) as con:
        for name in [n for pair in PAIRS.values() for n in pair]:
            path = SAMPLES / name
            result = process_document(path, meeting=meeting_for(path, None, cache))
            assert result.status == "loaded", result.message
            store.load_document(con, result)
            ids[name] = result.document_ids[0]
        counts = changes_store.refresh_changes(con)
    return db, ids, counts


def _records(db: Path, ids: dict[str, str], pair: str) -> tuple[SubmissionRecord, SubmissionRecord]:
    old, new = PAIRS[pair]
    with store.opened(db, read_only=True) as con:
        return changes_store.load_record(con, ids[old]), changes_store.load_record(con, ids[new])


# (section_kind, field, item, change_type) — by hand, see the module docstring.
EXPECTED_000 = {
    ("cover", "title", None, "modified"),
    ("cover", "material_no", None, "removed"),  # 資料45; 000's cover prints no 資料 number
    ("cover", "references", "資料45-1", "removed"),
    ("cover", "references", "資料45-2", "removed"),
    ("cover", "references", "資料61-1", "added"),
    ("cover", "references", "資料61-2", "added"),
    ("overview", "business_name", None, "modified"),
    ("overview", "purpose", None, "modified"),
    ("overview", "data_subjects", None, "modified"),
    ("overview", "description", None, "modified"),
    ("overview", "agenda", None, "modified"),
    ("overview", "counts", None, "modified"),  # 約350,000人 -> 約900人
    *{
        ("電算処理", f, None, "modified")
        for f in (
            "title",
            "registered_business",
            "data_subjects",
            "data_items_ref",
            "reason",
            "content",
            "schedule",
        )
    },
    *{
        ("外部結合", f, None, "modified")
        for f in (
            "title",
            "registered_business",
            "data_subjects",
            "data_items_ref",
            "reason",
            "connection_method",
            "periods",
        )
    },
    *{
        ("業務委託", f, None, "modified")
        for f in (
            "title",
            "registered_business",
            "data_subjects",
            "data_items_ref",
            "content",
            "periods",
        )
    },
    ("record_items", "record_items", "5歳児健診結果情報", "added"),
    ("record_items", "record_items", "5歳児健診アンケート情報", "added"),
}

EXPECTED_004 = {
    ("cover", "title", None, "modified"),
    (
        "cover",
        "council",
        None,
        "modified",
    ),  # 情報公開・個人情報保護審議会 -> 個人情報保護管理運営会議
    ("cover", "item_kind", None, "modified"),  # 諮問・報告事項 -> 付議事項
    ("cover", "material_no", None, "modified"),  # 資料5 -> 資料23
    ("cover", "basis", None, "modified"),  # 条例 -> 要綱
    ("cover", "categories", "外部結合", "added"),
    ("cover", "categories", "再委託", "added"),
    ("cover", "references", "資料5-1", "removed"),
    *{("cover", "references", f"資料23-{i}", "added") for i in (1, 2, 3)},
    *{
        ("overview", f, None, "modified")
        for f in ("business_name", "purpose", "description", "agenda", "counts")
    },
    ("電算処理", "title", None, "modified"),
    ("電算処理", "data_items", "投稿目的", "added"),
    ("電算処理", "data_items", "意見及び回答に関連する電子データ", "added"),
    *{
        ("電算処理", f, None, "modified")
        for f in ("system", "reason", "content", "schedule", "protection")
    },
    ("外部結合", "section", "区民意見・FAQシステムの外部結合について", "added"),
    ("業務委託", "title", None, "modified"),
    ("業務委託", "data_items", "投稿目的", "added"),
    ("業務委託", "data_items", "意見及び回答に関連する電子データ", "added"),
    *{
        ("業務委託", f, None, "modified")
        for f in ("system", "reason", "content", "periods", "protection")
    },
    ("再委託", "section", "区民意見・FAQシステムの再構築等についての再委託", "added"),
    *{
        (k, "checklists", party, "added")
        for k in ("電算処理", "外部結合", "業務委託")
        for party in ("ward", "counterparty")
    },
}


def _keys(changes):
    return [(c.section_kind, c.field, c.item, c.change_type) for c in changes]


@pytest.mark.parametrize(("pair", "expected"), [("000", EXPECTED_000), ("004", EXPECTED_004)])
def test_diff_finds_every_real_change_and_nothing_else(pairs_db, pair, expected):
    db, ids, _ = pairs_db
    old, new = _records(db, ids, pair)
    keys = _keys(diff_records(old, new))
    assert len(keys) == len(set(keys)), "a change reported twice"
    assert set(keys) - expected == set(), "reported but did not change"
    assert expected - set(keys) == set(), "changed but not found"


def _change(changes, kind, field, item=None):
    hits = [c for c in changes if (c.section_kind, c.field, c.item) == (kind, field, item)]
    assert len(hits) == 1, (kind, field, item)
    return hits[0]


def test_pair_000_values_are_the_contracts(pairs_db):
    db, ids, _ = pairs_db
    changes = diff_records(*_records(db, ids, "000"))
    rb = _change(changes, "業務委託", "registered_business")
    assert (rb.old, rb.new) == ("乳幼児健康診査", "乳幼児健康診査(5歳児健康診査)")
    assert (rb.old_section, rb.new_section) == (2, 2)
    per = _change(changes, "業務委託", "periods")
    assert [(p["start"], p["end"]) for p in per.old] == [("2024-04-01", "2025-03-31")]
    assert [(p["start"], p["end"]) for p in per.new] == [("2026-03-01", "2026-06-30")]
    ext = _change(changes, "外部結合", "periods")
    assert [(p["start"], p["planned"]) for p in ext.old] == [("2024-07", True)]
    assert [(p["start"], p["planned"]) for p in ext.new] == [("2026-07", True)]
    sched = _change(changes, "電算処理", "schedule")
    assert [e["date"] for e in sched.old] == ["2024-04", "2024-05", "2024-07"]
    assert [e["date"] for e in sched.new] == ["2026-03", "2026-04", "2026-07"]
    counts = _change(changes, "overview", "counts")
    assert (counts.old[0]["value"], counts.new[0]["value"]) == (350000, 900)
    item = _change(changes, "record_items", "record_items", "5歳児健診結果情報")
    assert item.new == {"group": ["健康管理業務情報", "母子保健"], "name": "5歳児健診結果情報"}


def test_pair_004_values_are_the_contracts(pairs_db):
    db, ids, _ = pairs_db
    changes = diff_records(*_records(db, ids, "004"))
    reason = _change(changes, "業務委託", "reason")
    assert "構築業務" in reason.old and "再構築業務" in reason.new
    assert (reason.old_section, reason.new_section) == (1, 2)
    per = _change(changes, "業務委託", "periods")
    assert [(p["label"], p["start"], p["end"]) for p in per.old] == [
        ("構築", "2013-07-01", "2013-09-30"),
        ("保守", "2013-10-01", "2014-03-31"),
    ]
    assert [(p["label"], p["start"], p["end"]) for p in per.new] == [
        ("再構築", "2024-04-01", "2025-03-14"),
        ("保守", "2025-01-01", "2025-03-31"),
    ]
    prot = _change(changes, "電算処理", "protection")
    assert prot.new == {"ward": "checklist", "contractor": "checklist"}
    assert prot.old["ward"].startswith("【運用上の対策】")
    item = _change(changes, "電算処理", "data_items", "投稿目的")
    assert item.new == {"name": "投稿目的", "qualifier": None} and item.old is None
    lst = _change(changes, "業務委託", "checklists", "counterparty")
    assert lst.new == {"checklist": "業務委託", "party": "counterparty", "rows": 22}


EXPECTED_RECONCILE = {
    "000": {
        "declared_and_changed": {
            *{
                ("業務委託", f, 2, None)
                for f in ("registered_business", "data_subjects", "content", "periods")
            },
            ("record_items", "record_items", None, "5歳児健診結果情報"),
            ("record_items", "record_items", None, "5歳児健診アンケート情報"),
        },
        "changed_not_marked": {
            *{
                ("電算処理", f, 0, None)
                for f in ("registered_business", "data_subjects", "reason", "content", "schedule")
            },
            *{
                ("外部結合", f, 1, None)
                for f in (
                    "registered_business",
                    "data_subjects",
                    "reason",
                    "connection_method",
                    "periods",
                )
            },
        },
        "marked_unchanged": set(),
    },
    "004": {
        "declared_and_changed": {
            *{
                ("電算処理", f, 0, None)
                for f in ("data_items", "system", "reason", "content", "schedule", "protection")
            },
            *{
                ("業務委託", f, 2, None)
                for f in ("data_items", "system", "reason", "content", "periods", "protection")
            },
        },
        "changed_not_marked": set(),
        "marked_unchanged": set(),
    },
}


@pytest.mark.parametrize("pair", ["000", "004"])
def test_reconciliation_of_the_marks(pairs_db, pair):
    db, ids, _ = pairs_db
    old, new = _records(db, ids, pair)
    rec = reconcile_marks(new, diff_records(old, new))
    for status, expected in EXPECTED_RECONCILE[pair].items():
        got = [(e.section_kind, e.field, e.section, e.item) for e in rec.by_status(status)]
        assert len(got) == len(set(got))
        assert set(got) == expected, status
    # every one of the document's marks is accounted for by a declared-and-changed entry
    declared = [
        m
        for e in rec.by_status("declared_and_changed")
        if e.field != "record_items"
        for m in e.marks
    ]
    assert sorted(declared) == sorted(m.text for m in new.change_marks if m.field != "record_items")
    assert len(new.change_marks) == {"000": 5, "004": 16}[pair]


def test_linking_finds_each_prior_without_being_told(pairs_db):
    db, ids, counts = pairs_db
    with store.opened(db, read_only=True) as con:
        links = changes_store.links_of(con)
    got = {(lk.new_id, lk.prior_id, lk.method) for lk in links}
    assert got == {
        # 000 names 令和5年度第9回…, printed on prior_000's cover
        (ids["000_5saiji_kenshin.pdf"], ids["prior_000_kenko_kanri_r5.pdf"], "meeting_reference"),
        # 004 names 平成25年度第1回…; prior_004's meeting comes from meetings.csv
        (ids["004_kumin_iken_faq.pdf"], ids["prior_004_kumin_iken_h25.pdf"], "meeting_reference"),
    }
    assert counts["links"] == 2
    assert all(lk.score >= 0.6 for lk in links)


def test_changes_table_holds_the_diff_of_every_link(pairs_db):
    db, ids, counts = pairs_db
    with store.opened(db, read_only=True) as con:
        for pair in PAIRS.values():
            old, new = ids[pair[0]], ids[pair[1]]
            rows = con.execute(
                "SELECT section_kind, field, item, change_type, old, new FROM changes "
                "WHERE new_document_id = ? AND prior_document_id = ? ORDER BY change_no",
                [new, old],
            ).fetchall()
            computed = diff_records(
                changes_store.load_record(con, old), changes_store.load_record(con, new)
            )
            assert [r[:4] for r in rows] == _keys(computed)
            assert [json.loads(r[5]) if r[5] else None for r in rows] == [c.new for c in computed]
    assert counts["changes"] == len(EXPECTED_000) + len(EXPECTED_004)
