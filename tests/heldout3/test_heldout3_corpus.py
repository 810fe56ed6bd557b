"""Consistency of the third held-out corpus: manifest <-> PDFs <-> goldens <-> docs3.py."""
import hashlib
import json
import sys
from pathlib import Path

import pymupdf
import pytest

from models.record import SubmissionRecord

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs3  # noqa: E402

MANIFEST = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
FILES = MANIFEST["files"]


def golden(f):
    return json.loads((HERE / "golden" / (Path(f["file"]).stem + ".json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_pdf_matches_manifest(f):
    data = (HERE / f["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == f["sha256"]
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert doc.page_count == f["page_count"]
        has_text = any(p.get_text().strip() for p in doc)
    assert has_text == (f["kind"] == "good")


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_golden_validates_and_matches_manifest(f):
    raw = golden(f)
    rec = SubmissionRecord.model_validate(raw)
    assert rec.document_id == f["sha256"] == rec.source.sha256
    assert rec.source.page_count == f["page_count"]
    assert rec.source.ocr_pages == f["ocr_pages"]
    sub = f["submissions"][0]
    assert [s.pages for s in rec.sections] == sub["sections"]
    assert [r.page for r in rec.checklists] == sub["checklist_rows"]
    assert [(m.text, m.page) for m in rec.change_marks] == [(m["text"], m["page"]) for m in sub["change_marks"]]
    assert json.dumps(raw, ensure_ascii=False, sort_keys=True, indent=1) + "\n" == \
        (HERE / "golden" / (Path(f["file"]).stem + ".json")).read_text(encoding="utf-8")


def test_goldens_cover_every_document_and_measure_keys_exist():
    cat = json.loads((HERE.parents[1] / "pipeline" / "catalogues" / "measures.json").read_text(encoding="utf-8"))
    stems = {f["spec"][0] for f in FILES}
    assert stems == {d["stem"] for d in docs3.DOCS}
    for f in FILES:
        for row in golden(f)["checklists"]:
            assert row["measure_key"] is None or row["measure_key"] in cat
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs3.SCANNED)
