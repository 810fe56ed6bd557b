"""validate_record: warnings for what is uncertain, never an exception for content."""

from __future__ import annotations

import fixtures_documents as fx

from models.record import FieldProvenance, MappedSubmission, Section, SubmissionRecord
from pipeline.mapping import map_record
from pipeline.segment import segment_submissions
from pipeline.validate import validate_record


def _mapped(layout):
    seg = segment_submissions(layout)[0]
    return map_record(seg, layout, document_id="d")


def _codes(m):
    return [w.code for w in m.record.warnings]


def test_clean_record_gets_only_content_warnings():
    m = validate_record(_mapped(fx.seed003_layout()))
    # seed 003's shape has nothing uncertain
    assert _codes(m) == []


def test_blank_mark_is_flagged_with_page():
    m = validate_record(_mapped(fx.seed000_layout()))
    blank = [w for w in m.record.warnings if w.code == "checklist_blank_mark"]
    assert len(blank) == 1 and blank[0].page == 8


def test_section_without_title_and_counterparty():
    rec = SubmissionRecord(
        document_id="d",
        source={
            "file_name": "a.pdf",
            "sha256": "0",
            "page_count": 2,
            "text_source": "text_layer",
            "pages": [1, 2],
        },
        sections=[Section(kind="業務委託", pages=[2])],
    )
    m = validate_record(MappedSubmission(record=rec))
    codes = _codes(m)
    assert "section_without_title" in codes and "section_without_counterparty" in codes
    assert "no_title" in codes and "no_council" in codes
    assert next(w for w in m.record.warnings if w.code == "section_without_title").page == 2


def test_low_ocr_confidence_warns():
    m = _mapped(fx.seed003_layout())
    m.provenance.append(
        FieldProvenance(path="sections[0].counterparty", page=3, extraction="ocr", confidence=0.31)
    )
    out = validate_record(m)
    low = [w for w in out.record.warnings if w.code == "low_ocr_confidence"]
    assert len(low) == 1 and low[0].page == 3 and "sections[0].counterparty" in low[0].message


def test_validate_is_idempotent():
    once = validate_record(_mapped(fx.seed000_layout()))
    twice = validate_record(once)
    assert twice.record.warnings == once.record.warnings


def test_fragment_is_not_blamed_for_missing_cover():
    m = validate_record(_mapped(fx.seed001_layout()))
    assert "no_title" not in _codes(m) and "fragment" in _codes(m)


def test_low_confidence_checklist_cell_from_ocr_spans():
    lay = fx.seed000_layout()
    measure_cell = next(c for c in lay.pages[7].tables[0].cells if c.row == 1 and c.col == 2)
    for ln in measure_cell.lines:
        for sp in ln.spans:
            sp.confidence = 0.4
    m = validate_record(_mapped(lay))
    low = [w for w in m.record.warnings if w.code == "low_ocr_confidence"]
    assert [(w.page, "checklists[0].measure" in w.message) for w in low] == [(8, True)]
