"""Consistency of the sixth held-out corpus: manifest <-> PDFs <-> goldens <-> docs6.py."""
import json
import sys
from pathlib import Path

import pymupdf
import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import docs6  # noqa: E402
from heldout_corpus import Corpus, check_golden, pdf_text  # noqa: E402
from markup6 import marks, norm, squash  # noqa: E402

CORPUS = Corpus(HERE)
FILES = CORPUS.files
SPECS = {d["stem"]: d for d in docs6.DOCS}
golden = CORPUS.golden_raw


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_pdf_matches_manifest(f):
    has_text = bool(pdf_text(CORPUS, f).strip())
    assert has_text == (f["kind"] == "good")


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_golden_validates_and_matches_manifest(f):
    (rec,) = check_golden(CORPUS, f)
    assert rec.source.file_name == Path(f["file"]).name
    assert rec.source.text_source == ("text_layer" if f["kind"] == "good" else "ocr")


@pytest.mark.parametrize("f", [f for f in FILES if f["kind"] == "good"], ids=lambda f: f["file"])
def test_golden_texts_are_printed_in_the_pdf(f):
    """Every verbatim golden text (field values, titles, measures, marks) is on its page(s) of the PDF."""
    with pymupdf.open(HERE / f["file"]) as doc:
        pages = [squash(p.get_text()) for p in doc]
    whole = "".join(pages)
    rec = golden(f)
    assert squash(rec["title"]) in pages[0]
    for s in rec["sections"]:
        on = "".join(pages[p - 1] for p in s["pages"])
        assert squash(s["title"]) in on
        for label, value in s["fields"].items():
            assert squash(label) in on or squash(label)[:12] in on, label
    for row in rec["checklists"]:
        assert squash(row["measure"]) in pages[row["page"] - 1]
    for m in rec["change_marks"]:
        assert squash(m["text"]) in pages[m["page"] - 1]
    assert squash(rec["overview"]["description"])[:40] in whole


def test_spec_marks_and_fields_agree():
    for d in docs6.DOCS:
        rec = json.loads((HERE / "golden" / f"{d['stem']}.json").read_text(encoding="utf-8"))
        spans = [norm(sp) for sh in d["sheets"] for _l, v, _r, _t in sh["rows"] for _o, sp in marks(v)]
        if d["record_items"]:
            spans += [norm(sp) for g in d["record_items"]["groups"] for _o, sp in marks(g[3])]
        assert [m["text"] for m in rec["change_marks"]] == spans
        for s in rec["sections"]:
            assert all(f in {"data_items", "system", "content", "periods", "protection", "connection_method",
                             "counterparty", "registered_business", "data_subjects", "schedule"}
                       for f in s["changed_fields"])
        assert bool(rec["change_marks"]) == bool(rec["prior_approvals"])


def test_goldens_cover_every_document_and_measure_keys_exist():
    cat = json.loads((HERE.parents[1] / "pipeline" / "catalogues" / "measures.json").read_text(encoding="utf-8"))
    stems = {f["spec"][0] for f in FILES}
    assert stems == set(SPECS)
    for f in FILES:
        for row in golden(f)["checklists"]:
            assert row["measure_key"] is None or row["measure_key"] in cat
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs6.SCANNED)
    assert sum(p.stat().st_size for p in (HERE / "pdf").glob("*.pdf")) < 3_000_000
