"""The sample corpus: deterministic generation, manifest truth, text layers, scans, bad files.

Regenerates the whole corpus once into a temp dir (about 10 s) and compares bytes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pikepdf
import pymupdf
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
FILES = {e["file"]: e for e in MANIFEST["files"]}
PASSWORD = "fugi-sample"  # documented in samples/NOTES.md


def spec(name: str) -> dict:
    return json.loads((SAMPLES / "specs" / f"{name}.json").read_text(encoding="utf-8"))


def flat(text: str) -> str:
    """NFKC and no whitespace, so layout line breaks do not matter."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def strip_marks(text: str) -> str:
    return text.replace("<u>", "").replace("</u>", "").replace("**", "").replace("\\*", "*")


def page_text(page: pymupdf.Page) -> str:
    """Page text with the legacy route's fake bold (each line drawn twice, 0.3pt apart) undone."""
    out, prev = [], None
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(s["text"] for s in line["spans"])
            key = (text, round(line["bbox"][1]))
            if prev and prev[0] == key[0] and abs(prev[1] - key[1]) <= 1:
                continue
            prev = key
            out.append(text)
    return "\n".join(out)


def entries(kind: str) -> list[dict]:
    return [e for e in MANIFEST["files"] if e["kind"] == kind]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(SAMPLES / "generate.py"), "--out", str(out)],
                   check=True, capture_output=True, timeout=300)
    return out


def test_generation_is_deterministic(regenerated: Path) -> None:
    fresh = json.loads((regenerated / "manifest.json").read_text(encoding="utf-8"))
    assert fresh == MANIFEST, "manifest.json differs from a fresh run: run `make samples` and commit"
    for e in MANIFEST["files"]:  # scans included: they are seeded too
        digest = hashlib.sha256((regenerated / e["file"]).read_bytes()).hexdigest()
        assert digest == e["sha256"], e["file"]
    assert (regenerated / "good" / "meetings.csv").read_bytes() == (SAMPLES / "good" / "meetings.csv").read_bytes()


@pytest.mark.parametrize("entry", MANIFEST["files"], ids=lambda e: e["file"])
def test_manifest_entry_matches_file(entry: dict) -> None:
    path = SAMPLES / entry["file"]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
    if entry["kind"] == "bad":
        return
    with pymupdf.open(path) as doc:
        assert doc.page_count == entry["page_count"]
    pages = [s["pages"] for s in entry["submissions"]]
    assert [s["spec"] for s in entry["submissions"]] == entry["spec"]
    assert pages[0][0] == 1 and pages[-1][1] == entry["page_count"]
    for (_, b), (c, _) in zip(pages, pages[1:], strict=False):
        assert c == b + 1, "submissions must tile the file in page order"


@pytest.mark.parametrize("entry", [e for e in MANIFEST["files"] if e["submissions"]], ids=lambda e: e["file"])
def test_anchors_are_ordered_and_inside_their_submission(entry: dict) -> None:
    for sub in entry["submissions"]:
        first, last = sub["pages"]
        sp = spec(sub["spec"])
        sheets = [b for b in sp["blocks"] if b["type"] == "sheet"]
        rows = [r for b in sp["blocks"] if b["type"] == "checklist" for g in b["groups"] for r in g["rows"]]
        assert len(sub["sections"]) == len(sheets)
        assert len(sub["checklist_rows"]) == len(rows)
        flat_pages = [p for sec in sub["sections"] for p in sec]
        for seq in (flat_pages, sub["checklist_rows"], [m["page"] for m in sub["change_marks"]],
                    sub["record_items_pages"]):
            assert seq == sorted(seq) and all(first <= p <= last for p in seq)


@pytest.mark.parametrize("entry", entries("good") + entries("mixed"), ids=lambda e: e["file"])
def test_born_digital_pages_carry_the_text(entry: dict) -> None:
    with pymupdf.open(SAMPLES / entry["file"]) as doc:
        texts = [flat(page_text(p)) for p in doc]
    for page in entry["ocr_pages"]:
        assert texts[page - 1] == "", "a scanned page must not have a text layer"
    for sub in entry["submissions"]:
        first, last = sub["pages"]
        body = "".join(texts[first - 1:last])
        blocks = spec(sub["spec"])["blocks"]
        cover = next((b for b in blocks if b["type"] == "cover"), None)
        title = cover["title"] if cover else blocks[0]["heading"]
        assert flat(title) in body
        for mark in sub["change_marks"]:
            assert flat(mark["text"]) in texts[mark["page"] - 1] + texts[min(mark["page"], last - 1)]


def test_change_marks_of_000_are_the_seed_marks_and_bold() -> None:
    sub = FILES["good/000_5saiji_kenshin.pdf"]["submissions"][0]
    assert [m["text"] for m in sub["change_marks"]] == [
        "(5歳児健康診査)", "5歳児健康診査の対象者", "5歳児健康診査の管理機能(標準化項目)の追加",
        "令和8年3月1日から令和8年6月30日まで", "5歳児健診結果情報、5歳児健診アンケート情報"]
    with pymupdf.open(SAMPLES / "good/000_5saiji_kenshin.pdf") as doc:
        for mark in sub["change_marks"]:
            spans = [s for b in doc[mark["page"] - 1].get_text("dict")["blocks"]
                     for ln in b.get("lines", []) for s in ln["spans"]]
            bold = "".join(s["text"] for s in spans if "Bold" in s["font"])
            assert mark["text"][:8] in bold


def test_priors_are_the_new_documents_minus_their_marks() -> None:
    new = json.dumps(spec("000_5saiji_kenshin"), ensure_ascii=False)
    prior = json.dumps(spec("prior_000_kenko_kanri_r5"), ensure_ascii=False)
    assert "5歳児健診結果情報" in new and "5歳児健診結果情報" not in prior
    assert "令和5年度第9回新宿区個人情報保護管理運営会議" in prior
    old = json.dumps(spec("prior_004_kumin_iken_h25"), ensure_ascii=False)
    assert "投稿目的" not in old and "Microsoft" not in old
    rows = {(r[0]) for b in spec("prior_004_kumin_iken_h25")["blocks"] if b["type"] == "sheet" for r in b["rows"]}
    assert "委託先" in rows
    with open(SAMPLES / "good" / "meetings.csv", encoding="utf-8") as fh:
        meetings = list(csv.DictReader(fh))
    assert meetings == [{"file": "prior_004_kumin_iken_h25.pdf", "council": "情報公開・個人情報保護審議会",
                         "fiscal_year": "2013", "session": "1", "date": "2013-06-27", "decision": "承認"}]
    assert (SAMPLES / "good" / meetings[0]["file"]).exists()


@pytest.mark.parametrize("entry", entries("scanned"), ids=lambda e: e["file"])
def test_scans_are_images_only(entry: dict) -> None:
    with pymupdf.open(SAMPLES / entry["file"]) as doc:
        assert entry["ocr_pages"] == list(range(1, doc.page_count + 1))
        for page in doc:
            assert page.get_text().strip() == ""
            assert len(page.get_images()) == 1
    assert sum(e["page_count"] for e in entries("scanned")) <= 25


def test_legacy_route_draws_marks_and_spaces_labels() -> None:
    entry = FILES["good/004_kumin_iken_faq.pdf"]
    rows = entry["submissions"][0]["checklist_rows"]
    with pymupdf.open(SAMPLES / entry["file"]) as doc:
        page = doc[rows[0] - 1]
        assert "○" not in {ln.strip() for ln in page.get_text().splitlines()}
        assert any(it[0] == "c" for d in page.get_drawings() for it in d["items"])
        words = {w[4] for w in doc[1].get_text("words")}
        assert {"事", "業", "名"} <= words  # 事業名 distributed over the cell, one glyph per word


@pytest.mark.parametrize("file", ["good/003_ikiiki_hiking.pdf", "good/000_5saiji_kenshin.pdf",
                                  "good/004_kumin_iken_faq.pdf"])
def test_checklist_party_cell_is_merged(file: str) -> None:
    """In every route no rule crosses the party column between the rows of one group."""
    entry = FILES[file]
    page_no = entry["submissions"][0]["checklist_rows"][0]
    with pymupdf.open(SAMPLES / file) as doc:
        page = doc[page_no - 1]
        party = next(b for b in page.get_text("blocks") if "【運用上の対策】" in b[4])
        horizontals = [it for d in page.get_drawings() for it in d["items"]
                       if it[0] == "l" and abs(it[1].y - it[2].y) < 0.1]
        crossing = [it for it in horizontals if min(it[1].x, it[2].x) <= party[0] + 1 < max(it[1].x, it[2].x)
                    and party[1] < it[1].y < party[3] + 60]
        below = [it for it in horizontals if min(it[1].x, it[2].x) > party[2]
                 and party[1] < it[1].y < party[3] + 60]
        assert crossing == [] and below, "rows are ruled, the merged party cell is not"


def test_truncated_file_is_broken() -> None:
    """Half a file: MuPDF can only "repair" it into fewer pages, qpdf finds no trailer."""
    entry = FILES["bad/truncated.pdf"]
    assert entry["expected"] == "truncated"
    path = SAMPLES / entry["file"]
    assert path.stat().st_size < (SAMPLES / "good/003_ikiiki_hiking.pdf").stat().st_size
    with pymupdf.open(path) as doc:
        assert doc.is_repaired and doc.page_count < entry["page_count"]
    with pytest.raises(pikepdf.PdfError):
        pikepdf.open(path)


def test_encrypted_file_needs_its_password() -> None:
    entry = FILES["bad/encrypted.pdf"]
    assert entry["expected"] == "password_required"
    with pymupdf.open(SAMPLES / entry["file"]) as doc:
        assert doc.needs_pass
        assert doc.authenticate(PASSWORD)
        assert doc.page_count == entry["page_count"]
        assert "業務委託にかかる" in doc[0].get_text()
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(SAMPLES / entry["file"])


def test_not_a_submission_is_a_valid_japanese_pdf() -> None:
    entry = FILES["bad/not_a_submission.pdf"]
    assert entry["expected"] == "not_a_submission" and entry["submissions"] == []
    with pymupdf.open(SAMPLES / entry["file"]) as doc:
        text = "".join(p.get_text() for p in doc)
    assert "議案第１２号" in text and "付議事項" not in text and "件名" not in text
