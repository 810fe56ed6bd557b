"""Consistency of the fifth held-out corpus: manifest <-> PDFs <-> goldens <-> docs5.py."""
import hashlib
import json
import sys
from pathlib import Path

import pymupdf
import pytest

from models.record import SubmissionRecord

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs5  # noqa: E402

MANIFEST = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
FILES = MANIFEST["files"]
SPEC = {f["stem"]: f for f in docs5.FILES}


def golden_path(f):
    return HERE / "golden" / (Path(f["file"]).stem + ".json")


def golden_records(f):
    raw = json.loads(golden_path(f).read_text(encoding="utf-8"))
    return raw if isinstance(raw, list) else [raw]


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_pdf_matches_manifest(f):
    data = (HERE / f["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == f["sha256"]
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert doc.page_count == f["page_count"]
        text = "".join(p.get_text() for p in doc)
    spec = SPEC[Path(f["file"]).stem]
    if f["kind"] == "good":  # a real text layer that carries the printed words
        assert "個人情報保護" in text
    elif spec.get("broken_text"):  # a text layer is there, but it is not the printed words
        assert text.strip() and "個人情報" not in text
    else:  # image-only scan
        assert not text.strip()


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_golden_validates_and_matches_manifest(f):
    recs = golden_records(f)
    assert len(recs) == len(f["submissions"])
    for k, (raw, sub) in enumerate(zip(recs, f["submissions"])):
        rec = SubmissionRecord.model_validate(raw)
        assert rec.document_id == (f["sha256"] if k == 0 else f"{f['sha256']}#{k + 1}")
        assert rec.source.sha256 == f["sha256"] and rec.source.file_name == Path(f["file"]).name
        assert rec.source.page_count == f["page_count"]
        assert rec.source.ocr_pages == f["ocr_pages"]
        assert rec.source.text_source == ("ocr" if f["kind"] == "scanned" else "text_layer")
        assert rec.source.pages == sub["pages"]
        assert [s.pages for s in rec.sections] == sub["sections"]
        assert [r.page for r in rec.checklists] == sub["checklist_rows"]
        assert [(m.text, m.page) for m in rec.change_marks] == [(m["text"], m["page"]) for m in sub["change_marks"]]
        for m in rec.change_marks:  # a mark's field is a changed field of its section
            if m.section is None:
                assert m.field == "record_items" and any(r.changed for r in rec.record_items)
            else:
                assert m.field in rec.sections[m.section].changed_fields
        assert bool(rec.record_items) == bool(sub["record_items_pages"])
        assert rec.categories == sorted({s.kind for s in rec.sections})
    raw = json.loads(golden_path(f).read_text(encoding="utf-8"))
    assert json.dumps(raw, ensure_ascii=False, sort_keys=True, indent=1) + "\n" == \
        golden_path(f).read_text(encoding="utf-8")


def test_derived_files_share_their_sources_content():
    by_stem = {Path(f["file"]).stem: f for f in FILES}
    for stem, spec in SPEC.items():
        if "from" not in spec:
            continue
        a, b = golden_records(by_stem[stem]), golden_records(by_stem[spec["from"]])
        drop = ("document_id", "source")
        assert [{k: v for k, v in r.items() if k not in drop} for r in a] == \
            [{k: v for k, v in r.items() if k not in drop} for r in b]


def test_goldens_cover_every_document_and_measure_keys_exist():
    cat = json.loads((HERE.parents[1] / "pipeline" / "catalogues" / "measures.json").read_text(encoding="utf-8"))
    assert {s for f in FILES for s in f["spec"]} == {d["stem"] for d in docs5.DOCS}
    for f in FILES:
        for rec in golden_records(f):
            for row in rec["checklists"]:
                assert row["measure_key"] is None or row["measure_key"] in cat
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs5.SCANNED)
    assert sum((HERE / f["file"]).stat().st_size for f in FILES) < 4_000_000
