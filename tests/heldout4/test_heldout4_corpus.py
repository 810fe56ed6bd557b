"""Consistency of the fourth held-out corpus: manifest <-> PDFs <-> goldens <-> docs4.py."""
import sys
from pathlib import Path

import pymupdf
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import docs4  # noqa: E402
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
    assert {f["spec"][0] for f in FILES} == {d["stem"] for d in docs4.DOCS}
    check_measure_keys(CORPUS)
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs4.SCANNED)


def test_goldens_are_what_write_goldens4_writes():
    import write_goldens4

    docs = {d["stem"]: d for d in docs4.DOCS}
    for f in FILES:
        assert write_goldens4.record(docs[f["spec"][0]], f) == CORPUS.golden_raw(f)


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
