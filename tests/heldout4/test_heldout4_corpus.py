"""Consistency of the fourth held-out corpus: manifest <-> PDFs <-> goldens <-> docs4.py."""
import hashlib
import json
import sys
from pathlib import Path

import pymupdf
import pytest

from models.record import SubmissionRecord

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs4  # noqa: E402

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
    assert stems == {d["stem"] for d in docs4.DOCS}
    for f in FILES:
        for row in golden(f)["checklists"]:
            assert row["measure_key"] is None or row["measure_key"] in cat
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs4.SCANNED)


def test_goldens_are_what_write_goldens4_writes():
    import write_goldens4

    docs = {d["stem"]: d for d in docs4.DOCS}
    for f in FILES:
        assert write_goldens4.record(docs[f["spec"][0]], f) == golden(f)


def test_change_marks_are_bold_underlined_gothic_in_the_docx_route():
    """Every {{mark}} is found on its manifest page in a Gothic span; Writer draws Word's bold of a CJK font
    without a bold face as synthetic bold (text render mode 2, fill + stroke), so the font name says nothing."""
    for f in FILES:
        if f["kind"] != "good":
            continue
        with pymupdf.open(HERE / f["file"]) as doc:
            for m in f["submissions"][0]["change_marks"]:
                spans = [s for b in doc[m["page"] - 1].get_text("dict")["blocks"] for ln in b.get("lines", [])
                         for s in ln["spans"] if "Gothic" in s["font"]]
                bold = "".join(s["text"] for s in spans)
                import unicodedata
                assert m["text"][:4] in unicodedata.normalize("NFKC", bold).replace(" ", ""), m


def test_pdfs_are_small():
    assert sum((HERE / f["file"]).stat().st_size for f in FILES) < 3_000_000
