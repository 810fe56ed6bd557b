"""Build every catalogued output and write samples/manifest.json (+ good/meetings.csv)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
from pathlib import Path

import pymupdf

from .bad import write_encrypted, write_truncated
from .build import build_pdf, load_spec
from .raster import write_scanned


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_entry(item: dict, root: Path, built: dict[str, list[dict]]) -> dict:
    """Produce one file; `built` maps already produced files to their submissions' anchors."""
    path = root / item["file"]
    variant = item.get("variant", "digital")
    if variant in ("digital", "mixed"):
        with tempfile.TemporaryDirectory() as tmp:
            target = path if variant == "digital" else Path(tmp) / "digital.pdf"
            subs = [s.as_dict() for s in build_pdf(target, item["route"], item["specs"])]
            ocr = []
            if variant == "mixed":
                pages = {p for s in subs for p in s["checklist_rows"]}
                ocr = write_scanned(target, path, item["dpi"], item["seed"], pages=pages)
    elif variant in ("scan", "fax"):
        subs = built[item["from"]]
        ocr = write_scanned(root / item["from"], path, item["dpi"], item["seed"], fax=variant == "fax")
    elif variant == "truncated":
        write_truncated(root / item["from"], path)
        subs, ocr = [], []
    elif variant == "encrypted":
        write_encrypted(root / item["from"], path)
        subs, ocr = built[item["from"]], []
    else:
        raise ValueError(f"unknown variant {variant!r} for {item['file']}")
    if item.get("expected") == "not_a_submission":
        subs = []
    subs = [dict(s, meeting=_meeting(item, s["spec"])) for s in subs]
    built[item["file"]] = subs
    return _entry(item, path, subs, ocr)


def _meeting(item: dict, spec_name: str) -> dict | None:
    """The meeting a submission went to: printed on its cover, or given by good/meetings.csv."""
    printed = load_spec(spec_name).get("printed_meeting")
    if printed:
        return dict(printed, source="document")
    if item.get("meeting") and item["file"].startswith("good/"):
        return dict(item["meeting"], source="metadata")
    return None


def _page_count(path: Path, item: dict, root: Path) -> int:
    if item.get("variant") == "truncated":
        with pymupdf.open(root / item["from"]) as d:
            return d.page_count  # the pages the intact file had
    if item.get("variant") == "encrypted":
        with pymupdf.open(root / item["from"]) as d:
            return d.page_count
    with pymupdf.open(path) as d:
        return d.page_count


def _entry(item: dict, path: Path, subs: list[dict], ocr_pages: list[int]) -> dict:
    root = Path(str(path)[: -len(item["file"])])
    return {
        "file": item["file"],
        "sha256": sha256(path),
        "page_count": _page_count(path, item, root),
        "kind": item["kind"],
        "route": item["route"],
        "spec": item["specs"],
        "ocr_pages": ocr_pages,
        "expected": item.get("expected"),
        "submissions": subs,
    }


def write_meetings(catalog: list[dict], root: Path) -> None:
    """The sidecar that gives a meeting to files that do not print one (good/ only)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["file", "council", "fiscal_year", "session", "date", "decision"])
    for item in catalog:
        m = item.get("meeting")
        if m and item["file"].startswith("good/"):
            w.writerow([Path(item["file"]).name, m["council"], m["fiscal_year"], m["session"],
                        m["date"] or "", m["decision"] or ""])
    (root / "good").mkdir(parents=True, exist_ok=True)
    (root / "good" / "meetings.csv").write_text(buf.getvalue(), encoding="utf-8")


def build_all(catalog: list[dict], root: Path, only: str | None = None) -> list[dict]:
    entries: list[dict] = []
    built: dict[str, list[dict]] = {}
    for item in catalog:
        if only and only not in item["file"] and item["file"] not in _needed(catalog, only):
            continue
        entries.append(build_entry(item, root, built))
    if not only:
        write_meetings(catalog, root)
        out = {"version": 1, "files": entries}
        (root / "manifest.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    return entries


def _needed(catalog: list[dict], only: str) -> set[str]:
    """Files a filtered build still needs because a selected variant derives from them."""
    return {item["from"] for item in catalog if only in item["file"] and "from" in item}
