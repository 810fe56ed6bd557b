"""The golden records in tests/golden agree with the contract and with samples/manifest.json.

A golden is a reviewed claim about a sample (written from the seed / spec, never from the
pipeline); these tests keep it valid and its file-dependent fields in step with the PDFs.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from pathlib import Path

import pytest

from models.record import SubmissionRecord

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ROOT / "samples"
MANIFEST = SAMPLES / "manifest.json"
SPECS = SAMPLES / "specs"
CATALOGUE = ROOT / "pipeline" / "catalogues" / "measures.json"


def _sync_module():
    spec = importlib.util.spec_from_file_location("golden_sync_manifest", GOLDEN / "sync_manifest.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _goldens() -> dict[str, list[dict]]:
    out = {}
    for path in sorted(GOLDEN.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out[path.stem] = data if isinstance(data, list) else [data]
    return out


def _manifest_entries() -> list[dict]:
    if not MANIFEST.exists():
        pytest.skip("samples/manifest.json not built yet (make samples)")
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]


def _sample_entries() -> list[dict]:
    return [e for e in _manifest_entries() if e.get("kind") != "bad"]


def test_propose_flag_is_refused_under_ci():
    # FUGI_PROPOSE_GOLDEN=1 writes pipeline output to tests/golden/_proposed/ for a person to
    # read; under CI nobody reads it, so the combination is an error.
    assert not (os.environ.get("FUGI_PROPOSE_GOLDEN") == "1" and os.environ.get("CI")), (
        "FUGI_PROPOSE_GOLDEN=1 must not be set in CI: goldens are reviewed by a person"
    )


def test_there_are_goldens():
    assert len(_goldens()) >= 5


@pytest.mark.parametrize("name", sorted(_goldens()))
def test_golden_validates_against_the_contract(name):
    for rec in _goldens()[name]:
        SubmissionRecord.model_validate(rec)
        assert rec["warnings"] == [], f"{name}: a golden makes no claim about warnings"


@pytest.mark.parametrize("name", sorted(_goldens()))
def test_golden_file_is_in_canonical_form(name):
    path = GOLDEN / f"{name}.json"
    text = path.read_text(encoding="utf-8")
    canonical = json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    assert text == canonical, f"{path.name}: not json.dumps(ensure_ascii=False, sort_keys=True, indent=1)"


def test_measure_keys_are_catalogue_keys():
    keys = set(json.loads(CATALOGUE.read_text(encoding="utf-8"))) if CATALOGUE.exists() else set()
    for name, records in _goldens().items():
        for rec in records:
            for row in rec["checklists"]:
                assert row["measure_key"] is None or row["measure_key"] in keys, (name, row["measure_key"])


def test_every_sample_has_a_golden():
    goldens = _goldens()
    missing = [e["file"] for e in _sample_entries() if Path(e["file"]).stem not in goldens]
    assert not missing, f"samples without a golden: {missing} (write its content, then run tests/golden/sync_manifest.py)"


def test_file_dependent_fields_agree_with_the_manifest():
    _sample_entries()
    sync = _sync_module()
    stale = sync.sync(GOLDEN, MANIFEST, check=True)
    assert not stale, f"goldens out of step with the manifest: {stale}; run tests/golden/sync_manifest.py"


def test_goldens_point_at_the_sample_bytes():
    by_stem = {Path(e["file"]).stem: e for e in _sample_entries()}
    for stem, records in _goldens().items():
        entry = by_stem.get(stem)
        if entry is None:
            continue
        path = SAMPLES / entry["file"]
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        assert sha == entry["sha256"], f"{entry['file']} differs from samples/manifest.json: rebuild (make samples)"
        assert [r["document_id"] for r in records] == [sha] + [f"{sha}#{i}" for i in range(2, len(records) + 1)]
        assert all(r["source"]["file_name"] == path.name for r in records)


def test_goldens_without_a_sample_are_spec_content():
    # A golden not (yet) tied to a sample PDF is the content of a spec: unsynced, named for it.
    stems = {Path(e["file"]).stem for e in _sample_entries()}
    for name, records in _goldens().items():
        if name in stems:
            continue
        assert (SPECS / f"{name}.json").exists(), f"{name}: no sample and no spec"
        assert all(r["document_id"] == "" for r in records), f"{name}: synced but not in the manifest"


def test_sync_fails_loudly_when_counts_differ(tmp_path):
    sync = _sync_module()
    rec = _goldens()["003_ikiiki_hiking"][0]
    entry = {"file": "good/x.pdf", "sha256": "0" * 64, "page_count": 3, "ocr_pages": [],
             "submissions": [{"spec": "x", "pages": [1, 3], "sections": [[1]], "checklist_rows": [],
                              "change_marks": []}]}
    with pytest.raises(sync.SyncError, match="x.pdf.*sections"):
        sync.apply_anchors(rec, entry, entry["submissions"][0], 0, "x.pdf")


def test_text_source_from_ocr_pages():
    sync = _sync_module()
    assert sync.text_source([], 3) == "text_layer"
    assert sync.text_source([1, 2, 3], 3) == "ocr"
    assert sync.text_source([2], 3) == "mixed"
