"""The second held-out corpus is consistent: manifest <-> PDFs <-> goldens <-> docs2.py.

Generation (Chromium/reportlab, ~15 s) is not run here; these checks are file-level and fast.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pymupdf
import pytest

from models.record import SubmissionRecord

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from docs2 import DOCS  # noqa: E402
from write_goldens2 import golden, norm  # noqa: E402

MANIFEST = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
FILES = MANIFEST["files"]
BY_STEM = {d["stem"]: d for d in DOCS}


def _golden(entry: dict) -> dict:
    return json.loads((HERE / "golden" / f"{Path(entry['file']).stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", FILES, ids=lambda e: Path(e["file"]).stem)
def test_manifest_matches_pdf(entry):
    path = HERE / entry["file"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
    with pymupdf.open(path) as doc:
        assert doc.page_count == entry["page_count"]
        if entry["kind"] == "scanned":
            assert all(not p.get_text().strip() for p in doc), "a scan must be image-only"
        else:
            assert all(p.get_text().strip() for p in doc), "born-digital pages carry a text layer"


@pytest.mark.parametrize("entry", FILES, ids=lambda e: Path(e["file"]).stem)
def test_golden_validates_and_matches_manifest(entry):
    raw = (HERE / "golden" / f"{Path(entry['file']).stem}.json").read_text(encoding="utf-8")
    rec = SubmissionRecord.model_validate_json(raw)
    data = json.loads(raw)
    assert raw == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    sub = entry["submissions"][0]
    assert rec.document_id == entry["sha256"] == rec.source.sha256
    assert rec.source.page_count == entry["page_count"]
    assert rec.source.text_source == ("ocr" if entry["kind"] == "scanned" else "text_layer")
    assert [s.pages for s in rec.sections] == sub["sections"]
    assert [r.page for r in rec.checklists] == sub["checklist_rows"]
    assert [(m.text, m.page) for m in rec.change_marks] == [(m["text"], m["page"]) for m in sub["change_marks"]]
    assert all(max(s.pages) <= entry["page_count"] for s in rec.sections)


@pytest.mark.parametrize("entry", FILES, ids=lambda e: Path(e["file"]).stem)
def test_golden_is_current_reading_of_docs2(entry):
    """A golden edited by hand without docs2.py (or vice versa) is caught here."""
    assert golden(BY_STEM[entry["spec"][0]], entry) == _golden(entry)


@pytest.mark.parametrize("entry", [f for f in FILES if f["kind"] == "good"], ids=lambda e: Path(e["file"]).stem)
def test_printed_texts_are_in_the_text_layer(entry):
    """Every section title and checklist measure of the golden is printed on its page."""
    rec = _golden(entry)
    with pymupdf.open(HERE / entry["file"]) as doc:
        pages = [norm(p.get_text()).replace(" ", "") for p in doc]
    for s in rec["sections"]:
        assert s["title"].replace(" ", "") in pages[s["pages"][0] - 1]
    for row in rec["checklists"]:
        assert row["measure"].replace(" ", "")[:20] in "".join(pages[row["page"] - 1: row["page"] + 1])


def test_size_budget():
    assert sum((HERE / f["file"]).stat().st_size for f in FILES) < 8 * 1024 * 1024
