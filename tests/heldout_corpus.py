"""Checks every held-out corpus shares: manifest <-> PDFs <-> goldens (no tests here).

A corpus's test module builds a `Corpus` for its folder and calls these from its own tests;
what is particular to a corpus (its content spec, its routes) stays in that module.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from models.record import SubmissionRecord

CATALOGUE = Path(__file__).resolve().parents[1] / "pipeline" / "catalogues" / "measures.json"


@dataclass
class Corpus:
    here: Path
    manifest: dict = field(init=False)

    def __post_init__(self) -> None:
        self.manifest = json.loads((self.here / "manifest.json").read_text(encoding="utf-8"))

    @property
    def files(self) -> list[dict]:
        return self.manifest["files"]

    def golden_path(self, f: dict) -> Path:
        return self.here / "golden" / (Path(f["file"]).stem + ".json")

    def golden_raw(self, f: dict) -> dict | list:
        return json.loads(self.golden_path(f).read_text(encoding="utf-8"))

    def golden_records(self, f: dict) -> list[dict]:
        raw = self.golden_raw(f)
        return raw if isinstance(raw, list) else [raw]


def pdf_text(corpus: Corpus, f: dict) -> str:
    """The PDF's text layer, after checking its bytes and page count against the manifest."""
    data = (corpus.here / f["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == f["sha256"]
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert doc.page_count == f["page_count"]
        return "".join(p.get_text() for p in doc)


def check_golden(corpus: Corpus, f: dict) -> list[SubmissionRecord]:
    """Each golden record validates and agrees with the manifest's file facts and anchors;
    the file is written in the canonical JSON form."""
    recs = corpus.golden_records(f)
    assert len(recs) == len(f["submissions"])
    out = []
    for k, (raw, sub) in enumerate(zip(recs, f["submissions"], strict=True)):
        rec = SubmissionRecord.model_validate(raw)
        assert rec.document_id == (f["sha256"] if k == 0 else f"{f['sha256']}#{k + 1}")
        assert rec.source.sha256 == f["sha256"]
        assert rec.source.page_count == f["page_count"]
        assert rec.source.ocr_pages == f["ocr_pages"]
        assert [s.pages for s in rec.sections] == sub["sections"]
        assert [r.page for r in rec.checklists] == sub["checklist_rows"]
        assert [(m.text, m.page) for m in rec.change_marks] == [
            (m["text"], m["page"]) for m in sub["change_marks"]
        ]
        out.append(rec)
    raw = corpus.golden_raw(f)
    canonical = json.dumps(raw, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    assert canonical == corpus.golden_path(f).read_text(encoding="utf-8")
    return out


def check_measure_keys(corpus: Corpus) -> None:
    """Every golden checklist row's measure_key is null or a key of the catalogue."""
    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    for f in corpus.files:
        for raw in corpus.golden_records(f):
            for row in raw["checklists"]:
                assert row["measure_key"] is None or row["measure_key"] in catalogue
