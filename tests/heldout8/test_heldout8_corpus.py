"""Consistency of the eighth held-out corpus: manifest <-> PDFs <-> goldens <-> docs8.py."""
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import docs8  # noqa: E402
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
    assert {f["spec"][0] for f in FILES} == {d["stem"] for d in docs8.DOCS}
    check_measure_keys(CORPUS)
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs8.SCANNED)
    assert sum(f["kind"] == "good" for f in FILES) == len(docs8.DOCS)
    assert len({f["route"] for f in FILES if f["kind"] == "good"}) >= 2
    assert all(3 <= f["page_count"] <= 6 for f in FILES)
    total = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scan_keeps_its_twin_content():
    for scan, base in docs8.SCANNED.items():
        a = json.loads((HERE / "golden" / f"{scan}.json").read_text(encoding="utf-8"))
        b = json.loads((HERE / "golden" / f"{base}.json").read_text(encoding="utf-8"))
        assert a["source"]["text_source"] == "ocr"
        assert a["source"]["ocr_pages"] == list(range(1, a["source"]["page_count"] + 1))
        for k in ("document_id", "source"):
            a.pop(k), b.pop(k)
        assert a == b


@pytest.mark.parametrize("d", docs8.DOCS, ids=[d["stem"] for d in docs8.DOCS])
def test_golden_counts_follow_the_spec(d):
    rec = json.loads((HERE / "golden" / f"{d['stem']}.json").read_text(encoding="utf-8"))
    assert [s["kind"] for s in rec["sections"]] == [sh["kind"] for sh in d["sheets"]]
    n_rows = sum(len(rows) for _, _, _, groups in d["checklists"] for _, _, rows in groups)
    assert len(rec["checklists"]) == n_rows
    assert len({r["checklist"] for r in rec["checklists"]}) >= 2
    assert len(rec["change_marks"]) == sum(len(sh["gold"]["marks"]) for sh in d["sheets"])
    assert len(rec["prior_approvals"]) == 1
    for s, sh in zip(rec["sections"], d["sheets"], strict=True):
        assert len(s["fields"]) == len(sh["rows"])


@pytest.mark.parametrize("d", docs8.DOCS, ids=[d["stem"] for d in docs8.DOCS])
def test_marked_spans_in_the_spec_are_the_golden_marks(d):
    """Every ⟦…⟧ span printed on a sheet is one golden change mark (same text after NFKC)."""
    import re
    import unicodedata

    rec = json.loads((HERE / "golden" / f"{d['stem']}.json").read_text(encoding="utf-8"))
    spans = [re.sub(r"\s+", "", unicodedata.normalize("NFKC", m))
             for sh in d["sheets"] for _, v in sh["rows"] for m in re.findall(r"⟦(.*?)⟧", v, re.S)]
    assert spans == [m["text"] for m in rec["change_marks"]]
