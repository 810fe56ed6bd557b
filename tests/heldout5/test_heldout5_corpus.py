"""Consistency of the fifth held-out corpus: manifest <-> PDFs <-> goldens <-> docs5.py."""
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import docs5  # noqa: E402
from heldout_corpus import Corpus, check_golden, check_measure_keys, pdf_text  # noqa: E402

CORPUS = Corpus(HERE)
FILES = CORPUS.files
SPEC = {f["stem"]: f for f in docs5.FILES}


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_pdf_matches_manifest(f):
    text = pdf_text(CORPUS, f)
    spec = SPEC[Path(f["file"]).stem]
    if f["kind"] == "good":  # a real text layer that carries the printed words
        assert "個人情報保護" in text
    elif spec.get("broken_text"):  # a text layer is there, but it is not the printed words
        assert text.strip() and "個人情報" not in text
    else:  # image-only scan
        assert not text.strip()


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_golden_validates_and_matches_manifest(f):
    recs = check_golden(CORPUS, f)
    for rec, sub in zip(recs, f["submissions"], strict=True):
        assert rec.source.file_name == Path(f["file"]).name
        assert rec.source.text_source == ("ocr" if f["kind"] == "scanned" else "text_layer")
        assert rec.source.pages == sub["pages"]
        for m in rec.change_marks:  # a mark's field is a changed field of its section
            if m.section is None:
                assert m.field == "record_items" and any(r.changed for r in rec.record_items)
            else:
                assert m.field in rec.sections[m.section].changed_fields
        assert bool(rec.record_items) == bool(sub["record_items_pages"])
        assert rec.categories == sorted({s.kind for s in rec.sections})


def test_derived_files_share_their_sources_content():
    by_stem = {Path(f["file"]).stem: f for f in FILES}
    for stem, spec in SPEC.items():
        if "from" not in spec:
            continue
        a = CORPUS.golden_records(by_stem[stem])
        b = CORPUS.golden_records(by_stem[spec["from"]])
        drop = ("document_id", "source")
        assert [{k: v for k, v in r.items() if k not in drop} for r in a] == \
            [{k: v for k, v in r.items() if k not in drop} for r in b]


def test_goldens_cover_every_document_and_measure_keys_exist():
    assert {s for f in FILES for s in f["spec"]} == {d["stem"] for d in docs5.DOCS}
    check_measure_keys(CORPUS)
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs5.SCANNED)
    assert sum((HERE / f["file"]).stat().st_size for f in FILES) < 4_000_000
