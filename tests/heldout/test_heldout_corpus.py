"""The held-out corpus is consistent: manifest <-> PDFs <-> goldens <-> content.py.

Generation itself (Chromium, ~20 s) is not run here; these checks are file-level and fast.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pymupdf
import pytest

from models.record import SubmissionRecord

HERE = Path(__file__).resolve().parent
MANIFEST = json.loads((HERE / "manifest.json").read_text(encoding="utf-8"))
FILES = MANIFEST["files"]


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"heldout_{name}", HERE / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _golden(entry: dict) -> dict:
    return json.loads(
        (HERE / "golden" / f"{Path(entry['file']).stem}.json").read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("entry", FILES, ids=lambda e: Path(e["file"]).stem)
def test_manifest_matches_pdf(entry):
    path = HERE / entry["file"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
    with pymupdf.open(path) as doc:
        assert doc.page_count == entry["page_count"]
        has_text = any(p.get_text("text").strip() for p in doc)
    assert has_text == (entry["kind"] == "good")  # scans are image-only


@pytest.mark.parametrize("entry", FILES, ids=lambda e: Path(e["file"]).stem)
def test_golden_is_valid_and_anchored(entry):
    gold = _golden(entry)
    SubmissionRecord.model_validate(gold)
    sub = entry["submissions"][0]
    assert gold["document_id"] == entry["sha256"] == gold["source"]["sha256"]
    assert [s["pages"] for s in gold["sections"]] == sub["sections"]
    assert [c["page"] for c in gold["checklists"]] == sub["checklist_rows"]
    assert [(m["text"], m["page"]) for m in gold["change_marks"]] == [
        (m["text"], m["page"]) for m in sub["change_marks"]
    ]
    assert gold["source"]["text_source"] == ("ocr" if entry["ocr_pages"] else "text_layer")


def test_goldens_are_up_to_date_with_content():
    """write_goldens.py run on the committed manifest reproduces every committed golden."""
    wg = _load("write_goldens")
    docs = {d["stem"]: d for d in wg.DOCS}
    for entry in FILES:
        assert wg.build(docs[entry["spec"][0]], entry) == _golden(entry), entry["file"]


def test_measure_keys_exist_in_catalogue():
    catalogue = json.loads(
        (HERE.parents[1] / "pipeline" / "catalogues" / "measures.json").read_text(encoding="utf-8")
    )
    for entry in FILES:
        for row in _golden(entry)["checklists"]:
            assert row["measure_key"] is None or row["measure_key"] in catalogue, row
