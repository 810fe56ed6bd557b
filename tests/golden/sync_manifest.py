"""Fill the file-dependent fields of the goldens from samples/manifest.json, and nothing else.

    .venv/bin/python tests/golden/sync_manifest.py [--check]

A golden's content (everything read from the document) is written by hand from the seed /
spec (tests/golden/tools/transcribe_*.py). What depends on the rendered PDF comes from the
manifest the generator writes: ``document_id``, ``source.*``, ``sections[].pages``,
``checklists[].page``, ``change_marks[].page``. Counts must line up with the manifest's
anchors (sections, checklist rows, change marks), else this fails naming the golden.

Per sample PDF (kind good / scanned / mixed …, not bad) it writes
``tests/golden/<sample-file-stem>.json``: the base content of its spec(s)
(``tests/golden/<spec>.json``) plus the sample's own file fields; a packet's golden is a list.
``--check`` writes nothing and exits 1 when a golden is out of date.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MANIFEST = ROOT / "samples" / "manifest.json"
NO_GOLDEN_KINDS = {"bad"}


class SyncError(Exception):
    pass


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def text_source(ocr_pages: list[int], page_count: int) -> str:
    """"ocr" when every page was OCR'd, "mixed" when some were, else "text_layer"."""
    if not ocr_pages:
        return "text_layer"
    return "ocr" if set(ocr_pages) >= set(range(1, page_count + 1)) else "mixed"


def _same_count(name: str, what: str, golden: list, anchors: list) -> None:
    if len(golden) != len(anchors):
        raise SyncError(
            f"{name}: golden has {len(golden)} {what} but the manifest has {len(anchors)} anchors; "
            "fix the golden's content (tests/golden/tools) or the spec, then re-run."
        )


def apply_anchors(rec: dict, entry: dict, sub: dict, index: int, name: str) -> dict:
    """A copy of rec with the file-dependent fields of submission `sub` of manifest `entry`."""
    rec = copy.deepcopy(rec)
    sha = entry["sha256"]
    rec["document_id"] = sha if index == 0 else f"{sha}#{index + 1}"
    ocr = sorted(entry.get("ocr_pages") or [])
    rec["source"] = {
        "file_name": Path(entry["file"]).name,
        "sha256": sha,
        "page_count": entry["page_count"],
        "text_source": text_source(ocr, entry["page_count"]),
        "ocr_pages": ocr,
        "pages": list(sub["pages"]),
    }
    _same_count(name, "sections", rec["sections"], sub["sections"])
    for section, pages in zip(rec["sections"], sub["sections"], strict=True):
        section["pages"] = list(pages)
    _same_count(name, "checklist rows", rec["checklists"], sub["checklist_rows"])
    for row, page in zip(rec["checklists"], sub["checklist_rows"], strict=True):
        row["page"] = page
    _same_count(name, "change marks", rec["change_marks"], sub["change_marks"])
    for mark, anchor in zip(rec["change_marks"], sub["change_marks"], strict=True):
        if _squash(mark["text"]) != _squash(anchor["text"]):
            raise SyncError(f"{name}: change mark {mark['text']!r} != manifest {anchor['text']!r} (order differs?)")
        mark["page"] = anchor["page"]
    return rec


def golden_for(entry: dict, golden_dir: Path) -> tuple[str, object]:
    """(file stem, golden data) of one manifest entry."""
    stem = Path(entry["file"]).stem
    records = []
    for index, sub in enumerate(entry["submissions"]):
        base_path = golden_dir / f"{sub['spec']}.json"
        if not base_path.exists():
            raise SyncError(f"{stem}: no base golden {base_path.name} for spec {sub['spec']!r}")
        base = load_json(base_path)
        if isinstance(base, list):
            raise SyncError(f"{base_path.name}: a base golden holds one record, not a list")
        records.append(apply_anchors(base, entry, sub, index, f"{stem} (spec {sub['spec']})"))
    return stem, records[0] if len(records) == 1 else records


def sync(golden_dir: Path = HERE, manifest: Path = MANIFEST, check: bool = False) -> list[str]:
    """Write (or with check=True, compare) every sample's golden; returns the stale/written names.

    Every sample is tried; the problems are raised together at the end as one SyncError."""
    entries = [e for e in load_json(manifest)["files"] if e.get("kind") not in NO_GOLDEN_KINDS]
    # A good sample named after its spec is the base golden itself: do those first so
    # derived samples copy the same content.
    entries.sort(key=lambda e: Path(e["file"]).stem not in {s["spec"] for s in e["submissions"]})
    changed, errors = [], []
    for entry in entries:
        try:
            stem, data = golden_for(entry, golden_dir)
        except SyncError as exc:
            errors.append(str(exc))
            continue
        path = golden_dir / f"{stem}.json"
        text = dump(data)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        changed.append(stem)
        if not check:
            path.write_text(text, encoding="utf-8")
    if errors:
        raise SyncError("\n  ".join(["the manifest and the goldens disagree:", *errors]))
    return changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when a golden is stale")
    ap.add_argument("--manifest", type=Path, default=MANIFEST)
    args = ap.parse_args(argv)
    try:
        changed = sync(HERE, args.manifest, check=args.check)
    except SyncError as exc:
        print(f"sync_manifest: {exc}", file=sys.stderr)
        return 1
    verb = "stale" if args.check else "updated"
    print(f"{len(changed)} golden(s) {verb}: {', '.join(changed) or '-'}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
