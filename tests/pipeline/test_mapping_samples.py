"""The real chain extract_layout -> segment_submissions -> map_record -> validate_record on
bundled born-digital samples, compared with the reviewed goldens (tests/golden/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.layout import extract_layout
from models.settings import ExtractSettings
from pipeline.eval import score_records
from pipeline.mapping import map_record
from pipeline.segment import segment_submissions
from pipeline.validate import validate_record

ROOT = Path(__file__).resolve().parents[2]


def _records(pdf: Path, sha: str) -> list[dict]:
    layout = extract_layout(pdf, ExtractSettings(ocr="never"))
    out = []
    for i, seg in enumerate(segment_submissions(layout)):
        doc_id = sha if i == 0 else f"{sha}#{i + 1}"
        out.append(
            validate_record(map_record(seg, layout, document_id=doc_id)).record.model_dump(
                mode="json"
            )
        )
    return out


def _golden(name: str) -> list[dict]:
    gold = json.loads((ROOT / "tests" / "golden" / f"{name}.json").read_text(encoding="utf-8"))
    return gold if isinstance(gold, list) else [gold]


@pytest.mark.parametrize(
    "name",
    ["000_5saiji_kenshin", "003_ikiiki_hiking", "004_kumin_iken_faq", "packet_003_prior000"],
)
def test_sample_matches_golden(name):
    pdf = ROOT / "samples" / "good" / f"{name}.pdf"
    gold = _golden(name)
    recs = _records(pdf, gold[0]["document_id"].split("#")[0])
    assert len(recs) == len(gold)
    scores = score_records(recs, gold)
    worst = {k: round(f.f1, 3) for k, f in scores.fields.items() if f.f1 < 1.0}
    # Small extraction slips (a dropped ー) are tolerated; a mapping regression is not.
    assert scores.micro.f1 >= 0.98, worst
    for field in ("title", "council", "sections.kind", "checklists.mark", "change_marks"):
        hits = {k: v for k, v in worst.items() if k.startswith(field)}
        assert not hits, hits


def test_seed000_sample_change_marks_and_sections():
    gold = _golden("000_5saiji_kenshin")[0]
    rec = _records(ROOT / "samples" / "good" / "000_5saiji_kenshin.pdf", gold["document_id"])[0]
    assert [(s["kind"], s["pages"]) for s in rec["sections"]] == [
        ("電算処理", [3]),
        ("外部結合", [4]),
        ("業務委託", [5]),
    ]
    assert rec["sections"][2]["changed_fields"] == [
        "registered_business",
        "data_subjects",
        "content",
        "periods",
    ]
    assert [m["text"] for m in rec["change_marks"]][
        -1
    ] == "5歳児健診結果情報、5歳児健診アンケート情報"
    assert [i["name"] for i in rec["record_items"] if i["changed"]] == [
        "5歳児健診結果情報",
        "5歳児健診アンケート情報",
    ]
    assert len(rec["checklists"]) == len(gold["checklists"])


def test_not_a_submission_sample_is_refused():
    from models.errors import InputError

    with pytest.raises(InputError) as e:
        segment_submissions(extract_layout(ROOT / "samples" / "bad" / "not_a_submission.pdf"))
    assert e.value.reason == "not_a_submission"
