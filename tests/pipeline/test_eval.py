"""pipeline.eval.score_records: per-field P/R/F1 over flattened facts."""

from __future__ import annotations

import copy

import pytest

from models.record import SubmissionRecord
from pipeline.eval import checklist_keys, norm_text, propose_goldens, score_records, section_keys


def _row(measure: str, mark: str = "applicable", page: int = 5, **kw) -> dict:
    row = {
        "checklist": "業務委託",
        "party": "ward",
        "measure_type": "operational",
        "measure": measure,
        "mark": mark,
        "page": page,
    }
    row.update(kw)
    return row


def _record() -> dict:
    rec = SubmissionRecord.model_validate(
        {
            "document_id": "a" * 64,
            "source": {"file_name": "x.pdf", "sha256": "a" * 64, "page_count": 8, "text_source": "text_layer", "pages": [1, 8]},
            "council": "個人情報保護管理運営会議",
            "item_kind": "付議事項",
            "title": "「いきいきハイキング」に係る外部結合等について",
            "basis": {"instrument": "要綱", "provisions": [{"article": "第3条第1項第3号", "subject": "外部結合、業務委託"}]},
            "categories": ["外部結合", "業務委託"],
            "department": {"raw": "福祉部地域包括ケア推進課", "bureau": "福祉部", "division": "地域包括ケア推進課"},
            "overview": {"business_name": "いきいきハイキング", "divisions": ["地域包括ケア推進課"],
                         "counts": [{"label": "応募者", "value": 380, "approx": True, "unit": "名"}]},
            "sections": [
                {"kind": "外部結合", "title": "外部結合について",
                 "data_items": [{"name": "住所"}, {"name": "メールアドレス", "qualifier": "任意"}],
                 "counterparty": {"name": None, "undecided": True}, "recurring": True,
                 "fields": {"結合の相手方": "未定(プロポーザルにより決定する)"}, "pages": [3]},
                {"kind": "業務委託", "title": "業務委託について",
                 "data_items": [{"name": "住所"}, {"name": "カナ氏名"}, {"name": "生年月日"}],
                 "periods": [{"start": "2026-04-01", "end": "2026-12-31", "approximate": True}],
                 "pages": [4]},
            ],
            "checklists": [_row("個人情報は、施錠できる金庫又はキャビネット等に保管する。"),
                           _row("全体の業務フローを作成し、委託先と共有する。", note=None)],
            "change_marks": [{"section": 1, "field": "periods", "text": "令和8年4月1日", "page": 4}],
            "references": ["資料39-1"],
        }
    )
    return rec.model_dump(mode="json")


def test_perfect_match_scores_one_everywhere():
    gold = _record()
    scores = score_records([copy.deepcopy(gold)], [gold])
    assert scores.micro.f1 == 1.0
    assert scores.micro.support > 20
    assert all(fs.f1 == 1.0 for fs in scores.fields.values())
    assert scores.matched == [gold["document_id"]] and not scores.missing and not scores.unexpected


def test_layout_whitespace_and_width_are_not_disagreements():
    gold = _record()
    pred = copy.deepcopy(gold)
    pred["title"] = "「いきいきハイキング」に係る 外部結合等 について"
    pred["sections"][0]["fields"] = {"結合の相手方": "未定（プロポーザルにより\n決定する）"}
    assert score_records([pred], [gold]).micro.f1 == 1.0
    assert norm_text("株式会社 ＪＴＢ") == "株式会社JTB"


def test_missing_data_item_lowers_recall_of_that_field_only():
    gold = _record()
    pred = copy.deepcopy(gold)
    del pred["sections"][1]["data_items"][2]
    scores = score_records([pred], [gold])
    di = scores.fields["sections.data_items"]
    assert di.recall == pytest.approx(4 / 5)
    assert di.precision == 1.0
    others = [fs for name, fs in scores.fields.items() if name != "sections.data_items"]
    assert all(fs.f1 == 1.0 for fs in others)
    assert scores.micro.recall < 1.0


def test_extra_checklist_row_lowers_precision():
    gold = _record()
    pred = copy.deepcopy(gold)
    pred["checklists"].append(_row("入退室管理等により情報資産の危殆化を防止する。", page=6))
    scores = score_records([pred], [gold])
    assert scores.fields["checklists.row"].precision == pytest.approx(2 / 3)
    assert scores.fields["checklists.row"].recall == 1.0
    assert scores.fields["checklists.mark"].precision == pytest.approx(2 / 3)
    assert scores.fields["title"].f1 == 1.0


def test_wrong_mark_on_aligned_row_counts_against_mark_not_row():
    gold = _record()
    pred = copy.deepcopy(gold)
    pred["checklists"][0]["mark"] = "not_applicable"
    scores = score_records([pred], [gold])
    assert scores.fields["checklists.row"].f1 == 1.0
    assert scores.fields["checklists.mark"].recall == pytest.approx(1 / 2)


def test_sections_align_by_kind_and_order_not_position():
    gold = _record()
    pred = copy.deepcopy(gold)
    # A spurious 電算処理 sheet in front shifts positions but not the (kind, n) alignment.
    pred["sections"].insert(0, {"kind": "電算処理", "title": "余分", "pages": [2]})
    scores = score_records([pred], [gold])
    assert scores.fields["sections.data_items"].f1 == 1.0
    assert scores.fields["sections.title"].recall == 1.0
    assert scores.fields["sections.title"].precision == pytest.approx(2 / 3)
    assert section_keys(pred["sections"]) == [("電算処理", 0), ("外部結合", 0), ("業務委託", 0)]


def test_section_of_the_wrong_kind_does_not_match():
    gold = _record()
    pred = copy.deepcopy(gold)
    pred["sections"][1]["kind"] = "再委託"
    scores = score_records([pred], [gold])
    assert scores.fields["sections.data_items"].recall == pytest.approx(2 / 5)
    assert scores.fields["sections.kind"].f1 == pytest.approx(0.5)


def test_unmatched_documents_are_missed_or_unexpected():
    gold = _record()
    other = copy.deepcopy(gold)
    other["document_id"] = "b" * 64
    scores = score_records([other], [gold])
    assert scores.missing == ["a" * 64] and scores.unexpected == ["b" * 64]
    assert scores.micro.tp == 0 and scores.micro.f1 == 0.0


def test_warnings_are_ignored():
    gold = _record()
    pred = copy.deepcopy(gold)
    pred["warnings"] = [{"code": "x", "message": "y", "page": 1}]
    assert score_records([pred], [gold]).micro.f1 == 1.0


def test_duplicate_checklist_measures_are_kept_apart():
    rows = [_row("同じ"), _row("同じ"), _row("別")]
    assert [k[-1] for k in checklist_keys(rows)] == [0, 1, 0]


def test_propose_goldens_refused_under_ci(tmp_path, monkeypatch):
    monkeypatch.setenv("FUGI_PROPOSE_GOLDEN", "1")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(RuntimeError):
        propose_goldens({"x": [_record()]}, tmp_path)


def test_propose_goldens_writes_only_under_proposed(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    reviewed = tmp_path / "x.json"
    reviewed.write_text("{}", encoding="utf-8")
    monkeypatch.setenv("FUGI_PROPOSE_GOLDEN", "0")
    assert propose_goldens({"x": [_record()]}, tmp_path) == []
    monkeypatch.setenv("FUGI_PROPOSE_GOLDEN", "1")
    written = propose_goldens({"x": [_record()]}, tmp_path)
    assert written == [tmp_path / "_proposed" / "x.json"]
    assert reviewed.read_text(encoding="utf-8") == "{}"


def _corpus(tmp_path):
    import json

    gold = _record()
    samples = tmp_path / "samples"
    samples.mkdir()
    entry = {"file": "good/x.pdf", "sha256": "a" * 64, "page_count": 8, "kind": "good", "ocr_pages": [],
             "submissions": []}
    (samples / "manifest.json").write_text(json.dumps({"version": 1, "files": [entry]}), encoding="utf-8")
    golden = tmp_path / "golden"
    golden.mkdir()
    (golden / "x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    pred = copy.deepcopy(gold)
    del pred["sections"][1]["data_items"][0]
    records = tmp_path / "export.jsonl"
    records.write_text(json.dumps(pred, ensure_ascii=False) + "\n", encoding="utf-8")
    return samples, golden, records


def test_fugi_eval_reports_and_exits_zero_unless_min_f1(tmp_path):
    import json

    from typer.testing import CliRunner

    from flows.cli import _register, app

    _register()
    samples, golden, records = _corpus(tmp_path)
    args = ["eval", str(samples), "--golden", str(golden), "--records", str(records)]
    ok = CliRunner().invoke(app, args + ["--format", "json"])
    assert ok.exit_code == 0, ok.output
    data = json.loads(ok.stdout)
    by_field = {f["field"]: f for f in data["fields"]}
    assert by_field["sections.data_items"]["recall"] == pytest.approx(4 / 5)
    assert data["micro"]["precision"] == 1.0
    low = CliRunner().invoke(app, args + ["--min-f1", "1.0"])
    assert low.exit_code == 1
    assert "sections.data_items" in low.stdout


def test_ocr_slip_in_a_measure_costs_the_row_not_its_mark():
    gold = _record()
    pred = copy.deepcopy(gold)
    pred["checklists"][0]["measure"] = "個人情報は、施錠できる金庫又はキャビネツト等に保管する。"  # ツ for ッ
    scores = score_records([pred], [gold])
    assert scores.fields["checklists.row"].recall == pytest.approx(1 / 2)
    assert scores.fields["checklists.mark"].f1 == 1.0
    assert scores.fields["checklists.page"].f1 == 1.0
    # A different measure of the same list is not aligned to it.
    pred["checklists"][0]["measure"] = "サーバ冗長化、バックアップ等により、システム稼働体制を整備する。"
    assert score_records([pred], [gold]).fields["checklists.mark"].recall == pytest.approx(1 / 2)


def test_fact_differences_name_the_missed_and_extra_facts():
    from pipeline.eval import fact_differences

    gold = _record()
    pred = copy.deepcopy(gold)
    pred["sections"][0]["data_items"][0]["name"] = "住 所X"
    diffs = fact_differences([pred], [gold], "sections.data_items")
    assert (gold["document_id"], "missed", ("外部結合", 0, "住所", None)) in diffs
    assert (gold["document_id"], "extra", ("外部結合", 0, "住所X", None)) in diffs
    assert len(diffs) == 2
