"""Consistency of the third held-out corpus: manifest <-> PDFs <-> goldens <-> docs3.py."""
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import docs3  # noqa: E402
from heldout_corpus import Corpus, check_golden, check_measure_keys, pdf_text  # noqa: E402

CORPUS = Corpus(HERE)
FILES = CORPUS.files


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_pdf_matches_manifest(f):
    has_text = bool(pdf_text(CORPUS, f).strip())
    assert has_text == (f["kind"] == "good")


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_golden_validates_and_matches_manifest(f):
    check_golden(CORPUS, f)


def test_goldens_cover_every_document_and_measure_keys_exist():
    assert {f["spec"][0] for f in FILES} == {d["stem"] for d in docs3.DOCS}
    check_measure_keys(CORPUS)
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs3.SCANNED)
