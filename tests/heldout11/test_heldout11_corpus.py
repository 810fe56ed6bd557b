"""Consistency of the eleventh held-out corpus: manifest <-> PDFs <-> goldens <-> docs11.py."""
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
import docs11  # noqa: E402
from heldout_corpus import Corpus, check_golden, check_measure_keys, pdf_text  # noqa: E402

CORPUS = Corpus(HERE)
FILES = CORPUS.files
SUBS = [(d, sub) for d in docs11.DOCS for sub in d["subs"]]


def squash(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def golden_list(stem):
    raw = json.loads((HERE / "golden" / f"{stem}.json").read_text(encoding="utf-8"))
    return raw if isinstance(raw, list) else [raw]


def golden_sub(sub_stem):
    for d in docs11.DOCS:
        for k, sub in enumerate(d["subs"]):
            if sub["stem"] == sub_stem:
                return golden_list(d["stem"])[k]
    raise KeyError(sub_stem)


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_pdf_matches_manifest(f):
    has_text = bool(pdf_text(CORPUS, f).strip())
    assert has_text == (f["kind"] == "good")


@pytest.mark.parametrize("f", FILES, ids=[f["file"] for f in FILES])
def test_golden_validates_and_matches_manifest(f):
    recs = check_golden(CORPUS, f)
    for rec, sub in zip(recs, f["submissions"], strict=True):
        assert rec.source.pages == sub["pages"]
        assert (rec.meeting.model_dump() if rec.meeting else None) == sub["meeting"]


def test_goldens_cover_every_document_and_measure_keys_exist():
    assert [f["spec"] for f in FILES if f["kind"] == "good"] == [[s["stem"] for s in d["subs"]] for d in docs11.DOCS]
    check_measure_keys(CORPUS)
    assert sum(f["kind"] == "scanned" for f in FILES) == len(docs11.SCANNED)
    assert sum(f["kind"] == "good" for f in FILES) == len(docs11.DOCS)
    assert len({f["route"] for f in FILES if f["kind"] == "good"}) == 3
    assert all(3 <= f["page_count"] <= 7 for f in FILES)
    total = sum(p.stat().st_size for p in HERE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scan_keeps_its_twin_content():
    for scan, base in docs11.SCANNED.items():
        a, b = golden_list(scan), golden_list(base)
        assert len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            assert x["source"]["text_source"] == "ocr" and y["source"]["text_source"] in ("text_layer", "mixed")
            assert x["source"]["ocr_pages"] == list(range(1, x["source"]["page_count"] + 1))
            assert x["source"]["pages"] == y["source"]["pages"]
            for k in ("document_id", "source"):
                x.pop(k), y.pop(k)
            assert x == y


def test_mixed_document_has_one_outlined_page():
    """m3 is born-digital except one page drawn as glyph outlines: `mixed`, that page in ocr_pages."""
    for stem, page in docs11.OUTLINED_PAGE.items():
        f = next(f for f in FILES if f["file"] == f"pdf/{stem}.pdf")
        assert f["kind"] == "good" and f["ocr_pages"] == [page]
        import pymupdf
        with pymupdf.open(HERE / f["file"]) as doc:
            assert [bool(p.get_text().strip()) for p in doc] == [k + 1 != page for k in range(doc.page_count)]
            assert doc[page - 1].get_drawings()  # the outlines are there
        rec = CORPUS.golden_records(f)[0]
        assert rec["source"]["text_source"] == "mixed"
        assert page in [c["page"] for c in rec["checklists"]]


def test_two_up_pages():
    """m1 prints both sheets on page 3 and both sides of its checklist on page 4 (landscape)."""
    rec = golden_sub("m1_choei_jutaku")
    assert [s["pages"] for s in rec["sections"]] == [[3], [3]]
    assert {(c["party"], c["page"]) for c in rec["checklists"]} == {("ward", 4), ("counterparty", 4)}


def test_corpus_covers_the_brief():
    recs = [golden_sub(sub["stem"]) for _d, sub in SUBS]
    kinds = {s["kind"] for r in recs for s in r["sections"]}
    assert kinds == {"電算処理", "外部結合", "業務委託", "再委託"}
    rows = [row for r in recs for row in r["checklists"]]
    assert {row["checklist"] for row in rows} == {"電算処理", "外部結合", "業務委託"}
    assert {row["party"] for row in rows} == {"ward", "counterparty"}
    assert {row["measure_type"] for row in rows} == {"operational", "technical"}
    assert {row["mark"] for row in rows} == {"applicable", "not_applicable", "blank"}
    assert sum(row["mark"] == "blank" for row in rows) == 1
    assert all(row["note"] for row in rows if row["mark"] == "not_applicable")
    printed_marks = {r["mark"] for _d, sub in SUBS for *_, groups in sub["checklists"] for *_, rs in groups for r in rs}
    assert {"○", "〇", "◯", "－", "―", "-", ""} <= printed_marks
    parties = [s["counterparty"] for r in recs for s in r["sections"] if s["counterparty"]]
    assert any(p["undecided"] and p["name"] is None for p in parties)
    assert {c for p in parties for c in p["certifications"]} == {"privacy_mark", "isms"}
    assert {r["item_kind"] for r in recs} == {"付議事項", "報告事項", "諮問事項"}
    assert {r["basis"]["instrument"] for r in recs} == {"要綱", "条例"}
    assert any(r["basis"]["report"] for r in recs)
    assert sum(len(r["prior_approvals"]) for r in recs) == 2
    periods = [p for r in recs for s in r["sections"] for p in s["periods"]]
    assert any(p["approximate"] for p in periods) and any(p["planned"] for p in periods)
    assert sum(p["label"] is not None for p in periods) == 2
    assert any(p["end"] is None for p in periods)
    assert any(s["recurring"] for r in recs for s in r["sections"])
    counts = [c for r in recs for c in r["overview"]["counts"]]
    assert any(c["approx"] for c in counts) and any(not c["approx"] for c in counts)
    assert all(r["change_marks"] for r in recs if r["prior_approvals"])


@pytest.mark.parametrize("d_sub", SUBS, ids=[s["stem"] for _d, s in SUBS])
def test_golden_counts_follow_the_spec(d_sub):
    _d, sub = d_sub
    rec = golden_sub(sub["stem"])
    assert [s["kind"] for s in rec["sections"]] == [sh["kind"] for sh in sub["sheets"]]
    n_rows = sum(len(rows) for *_, groups in sub["checklists"] for _, _, rows in groups)
    assert len(rec["checklists"]) == n_rows
    assert len(rec["change_marks"]) == sum(len(sh["gold"]["marks"]) for sh in sub["sheets"])
    for s, sh in zip(rec["sections"], sub["sheets"], strict=True):
        assert len(s["fields"]) == len(sh["rows"])
        assert s["title"] == squash(sh["title"])


@pytest.mark.parametrize("d_sub", SUBS, ids=[s["stem"] for _d, s in SUBS])
def test_marked_spans_in_the_spec_are_the_golden_marks(d_sub):
    """Every ⟦…⟧ span printed on a sheet is one golden change mark (same text, whitespace aside)."""
    _d, sub = d_sub
    rec = golden_sub(sub["stem"])
    spans = [squash(m) for sh in sub["sheets"] for _, v in sh["rows"] for m in re.findall(r"⟦(.*?)⟧", v, re.S)]
    assert spans == [squash(m["text"]) for m in rec["change_marks"]]
    for m in rec["change_marks"]:
        assert m["text"] == unicodedata.normalize("NFKC", m["text"])
