"""Build every catalogued output and write samples/manifest.json."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pymupdf

from .build import build_pdf


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_entry(item: dict, root: Path) -> dict:
    path = root / item["file"]
    subs = build_pdf(path, item["route"], item["specs"])
    return _entry(item, path, [s.as_dict() for s in subs], ocr_pages=[])


def _entry(item: dict, path: Path, subs: list[dict], ocr_pages: list[int],
           page_count: int | None = None) -> dict:
    if page_count is None:
        with pymupdf.open(path) as d:
            page_count = d.page_count
    return {
        "file": item["file"],
        "sha256": sha256(path),
        "page_count": page_count,
        "kind": item["kind"],
        "route": item["route"],
        "spec": item["specs"],
        "ocr_pages": ocr_pages,
        "expected": item.get("expected"),
        "submissions": subs,
    }


def build_all(catalog: list[dict], root: Path, only: str | None = None) -> list[dict]:
    entries = []
    for item in catalog:
        if only and only not in item["file"]:
            continue
        entries.append(build_entry(item, root))
    if not only:
        out = {"version": 1, "files": entries}
        (root / "manifest.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                            encoding="utf-8")
    return entries
