"""Consistency of the ninth held-out corpus: manifest <-> PDFs <-> goldens <-> docs9.py."""
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import docs9  # noqa: E402
from heldout_corpus import Corpus, check_golden, check_measure_keys, pdf_text  # noqa: E402

CORPUS = Corpus(HERE)
FILES = CORPUS.files


def squash(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def golden(stem):
    return json.loads((HERE / "golden" / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_pdf_matches_manifest(f):
    has_text = bool(pdf_text(CORPUS, f).strip())
    assert has_text == (f["kind"] == "good")


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_golden_validates_and_matches_manifest(f):
    check_golden(CORPUS, f)


def test_goldens_cover_every_document_and_measure_keys_exist():
    assert {f["spec"][0] for f in FILES} == {d["stem"] for d in docs9.DOCS}
    check_measure_keys(CORPUS)
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs9.SCANNED)
    assert sum(f["kind"] == "good" for f in FILES) == len(docs9.DOCS)
    assert len({f["route"] for f in FILES if f["kind"] == "good"}) == 3
    assert all(3 <= f["page_count"] <= 6 for f in FILES)
    total = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scan_keeps_its_twin_content():
    for scan, base in docs9.SCANNED.items():
        a, b = golden(scan), golden(base)
        assert a["source"]["text_source"] == "ocr"
        assert a["source"]["ocr_pages"] == list(range(1, a["source"]["page_count"] + 1))
        for k in ("document_id", "source"):
            a.pop(k), b.pop(k)
        assert a == b


def test_corpus_covers_the_brief():
    recs = [golden(d["stem"]) for d in docs9.DOCS]
    kinds = {s["kind"] for r in recs for s in r["sections"]}
    assert kinds == {"電算処理", "外部結合", "業務委託", "再委託"}
    rows = [row for r in recs for row in r["checklists"]]
    assert {row["checklist"] for row in rows} == {"電算処理", "外部結合", "業務委託"}
    assert {row["party"] for row in rows} == {"ward", "counterparty"}
    assert {row["mark"] for row in rows} == {"applicable", "not_applicable", "blank"}
    printed_marks = {r["mark"] for d in docs9.DOCS for *_, groups in d["checklists"] for *_, rs in groups for r in rs}
    assert {"○", "〇", "◯", "－", "―", "-", ""} <= printed_marks
    parties = [s["counterparty"] for r in recs for s in r["sections"] if s["counterparty"]]
    assert any(p["undecided"] and p["name"] is None for p in parties)
    assert {c for p in parties for c in p["certifications"]} == {"privacy_mark", "isms"}
    assert {r["item_kind"] for r in recs} >= {"付議事項", "諮問・報告事項"}
    assert all(len(r["prior_approvals"]) == 1 for r in recs)
    periods = [p for r in recs for s in r["sections"] for p in s["periods"]]
    assert any(p["approximate"] for p in periods) and any(p["planned"] for p in periods)
    assert any(s["recurring"] for r in recs for s in r["sections"])


@pytest.mark.parametrize("d", docs9.DOCS, ids=[d["stem"] for d in docs9.DOCS])
def test_golden_counts_follow_the_spec(d):
    rec = golden(d["stem"])
    assert [s["kind"] for s in rec["sections"]] == [sh["kind"] for sh in d["sheets"]]
    n_rows = sum(len(rows) for *_, groups in d["checklists"] for _, _, rows in groups)
    assert len(rec["checklists"]) == n_rows
    assert len(rec["change_marks"]) == sum(len(sh["gold"]["marks"]) for sh in d["sheets"])
    for s, sh in zip(rec["sections"], d["sheets"], strict=True):
        assert len(s["fields"]) == len(sh["rows"])
        assert s["title"] == squash(sh["title"])


@pytest.mark.parametrize("d", docs9.DOCS, ids=[d["stem"] for d in docs9.DOCS])
def test_marked_spans_in_the_spec_are_the_golden_marks(d):
    """Every ⟦…⟧ span printed on a sheet is one golden change mark (same text, whitespace aside)."""
    rec = golden(d["stem"])
    spans = [squash(m) for sh in d["sheets"] for _, v in sh["rows"] for m in re.findall(r"⟦(.*?)⟧", v, re.S)]
    assert spans == [squash(m["text"]) for m in rec["change_marks"]]
    for m in rec["change_marks"]:
        assert m["text"] == unicodedata.normalize("NFKC", m["text"])
