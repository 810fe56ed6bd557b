"""Ground truth for bench/extraction.py, read from the reviewed goldens and the manifest.

Two kinds of claims per sample PDF, both taken from `tests/golden/<pdf stem>.json`
(the canonical records, written from the documents, never from pipeline output):

- a label -> value pair for every entry of every section's `fields`
  (the sheet's table rows: label cell -> value cell);
- a measure -> mark for every checklist row (`applicable` / `not_applicable` / `blank`).

Each claim carries the file pages it may be found on (the section's pages, the checklist
row's page) so that a tool is credited only for a row on the right page. Text is compared
in one "key" form: `pipeline.text.normalize_text` (NFKC + layout whitespace) and then every
remaining whitespace removed; labels go through `pipeline.text.strip_label`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.text import normalize_text, strip_label

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"

_WS = re.compile(r"\s+")

APPLICABLE = frozenset("○〇◯")
# NFKC turns the full-width "－" into "-"; "―" (bar) and "ー" (prolonged sound) survive it.
NOT_APPLICABLE = frozenset("-－―ー‐−—")


def text_key(s: str | None) -> str:
    """The form every cell and truth text is compared in: normalised, no whitespace at all."""
    return _WS.sub("", normalize_text(s) or "")


def label_key(s: str | None) -> str:
    return strip_label(s or "")


def mark_of(text: str | None, drawn: str | None = None) -> str | None:
    """A mark cell's reading: "applicable", "not_applicable" (a note may follow the dash),
    "blank" (empty cell), or None when the text is not a mark at all.

    `drawn` is fugi's Cell.drawn_mark (a vector or pixel mark); it decides when present.
    """
    if drawn is not None:
        drawn_k = text_key(drawn)
        if drawn_k and drawn_k[0] in APPLICABLE:
            return "applicable"
        if drawn_k and drawn_k[0] in NOT_APPLICABLE:
            return "not_applicable"
    k = text_key(text)
    if not k:
        return "blank"
    if k in APPLICABLE:
        return "applicable"
    if k[0] in NOT_APPLICABLE:
        # "－(電子データのみの取扱いのため)": a dash, then optionally the reason in brackets.
        rest = k[1:]
        if not rest or rest.startswith("("):
            return "not_applicable"
    return None


@dataclass(frozen=True)
class PairTruth:
    label: str  # label_key form
    value: str  # text_key form
    pages: frozenset[int]
    raw_label: str
    raw_value: str


@dataclass(frozen=True)
class MarkTruth:
    measure: str  # text_key form
    mark: str
    page: int
    raw_measure: str


@dataclass
class FileTruth:
    path: Path  # absolute
    rel: str  # relative to samples/
    kind: str  # good | mixed | scanned
    route: str
    page_count: int
    ocr_pages: list[int]
    pairs: list[PairTruth]
    marks: list[MarkTruth]
    # Claims left out: on the pages of the other kind (scan vs text layer) of a mixed file.
    left_out: int = 0

    @property
    def text_pages(self) -> list[int]:
        return [p for p in range(1, self.page_count + 1) if p not in self.ocr_pages]


def load_manifest() -> list[dict]:
    return json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["files"]


def _records(stem: str) -> list[dict]:
    data = json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))
    return data if isinstance(data, list) else [data]


def file_truth(entry: dict, drop_pages: set[int] | None = None) -> FileTruth:
    """The claims of one manifest entry; claims touching `drop_pages` are left out (counted)."""
    drop = drop_pages or set()
    path = SAMPLES / entry["file"]
    pairs: list[PairTruth] = []
    marks: list[MarkTruth] = []
    skipped = 0
    for rec in _records(path.stem):
        for sec in rec["sections"]:
            pages = frozenset(sec["pages"])
            for label, value in sec["fields"].items():
                if pages & drop:
                    skipped += 1
                    continue
                pairs.append(PairTruth(label_key(label), text_key(value), pages, label, value))
        for row in rec["checklists"]:
            if row["page"] in drop:
                skipped += 1
                continue
            marks.append(
                MarkTruth(text_key(row["measure"]), row["mark"], row["page"], row["measure"])
            )
    return FileTruth(
        path=path,
        rel=entry["file"],
        kind=entry["kind"],
        route=entry["route"],
        page_count=entry["page_count"],
        ocr_pages=list(entry["ocr_pages"]),
        pairs=pairs,
        marks=marks,
        left_out=skipped,
    )


def born_digital_truths() -> list[FileTruth]:
    """good/*.pdf (the mixed one too): claims on its scanned pages are left out here."""
    out = []
    for e in load_manifest():
        if e["kind"] in ("good", "mixed"):
            out.append(
                file_truth(e, drop_pages=set(e["ocr_pages"]) if e["kind"] == "mixed" else None)
            )
    return out


def scanned_truths() -> list[FileTruth]:
    """scanned/*.pdf, then the scanned pages of the mixed file (its text pages left out)."""
    out = [file_truth(e) for e in load_manifest() if e["kind"] == "scanned"]
    for e in load_manifest():
        if e["kind"] == "mixed":
            text_pages = set(range(1, e["page_count"] + 1)) - set(e["ocr_pages"])
            out.append(file_truth(e, drop_pages=text_pages))
    return out


def born_digital_twin(scan: FileTruth) -> tuple[Path, int] | None:
    """The born-digital PDF whose pages the scanned pages were rasterised from, and the page
    offset into it: the same spec drawn by the same route, alone in a file (a scan's own
    original) or as one submission of a packet (the mixed file's pages)."""
    entries = load_manifest()
    me = next(e for e in entries if e["file"] == scan.rel)
    for e in entries:
        if e["kind"] != "good" or e["route"] != me["route"]:
            continue
        for sub in e["submissions"]:
            first, last = sub["pages"]
            if [sub["spec"]] == me["spec"] and last - first + 1 == me["page_count"]:
                return SAMPLES / e["file"], first - 1
    return None
