"""OCR with and without the second line reading (extractors/line_reader.py), side by side.

    .venv/bin/python bench/line_reader.py                  # every scan with a born-digital twin
    .venv/bin/python bench/line_reader.py --json /tmp/lr.json

For each scanned PDF of samples/ and tests/heldout*/ whose born-digital twin (the same
spec, same page count) is in the same manifest, the scan is read twice in this process,
one setting right after the other: Tesseract alone (`line_reader="none"`) and Tesseract
with each line re-read by the PP-OCR recogniser (`"ppocr"`). Reported per file and in
total: page-level character error rate against the twin's text layer (bench/_pageocr.py:
order-sensitive, every character of the page, NFKC, no whitespace) and seconds per page
(wall, one process, one thread). Measurement only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from bench import _pageocr as po  # noqa: E402
from extractors.layout import extract_layout  # noqa: E402
from models.settings import ExtractSettings  # noqa: E402

SETTINGS = ("none", "ppocr")


def scans_with_twins() -> list[tuple[Path, Path, int]]:
    """(scan, twin, twin page offset) for every scan whose twin is a file of its corpus."""
    out = []
    for manifest in [
        ROOT / "samples" / "manifest.json",
        *sorted(ROOT.glob("tests/heldout*/manifest.json")),
    ]:
        files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        for f in files:
            if f["kind"] != "scanned" or len(f.get("spec") or []) != 1:
                continue
            for g in files:
                if g["kind"] != "good":
                    continue
                for sub in g.get("submissions") or []:
                    first, last = sub["pages"]
                    if [sub["spec"]] == f["spec"] and last - first + 1 == f["page_count"]:
                        out.append(
                            (manifest.parent / f["file"], manifest.parent / g["file"], first - 1)
                        )
                        break
                else:
                    continue
                break
    return out


def measure(scan: Path, twin: Path, offset: int) -> dict:
    row: dict = {"file": str(scan.relative_to(ROOT))}
    for setting in SETTINGS:
        t0 = time.perf_counter()
        layout = extract_layout(scan, ExtractSettings(line_reader=setting))
        wall = time.perf_counter() - t0
        truth = po.truth_pages(twin, offset, len(layout.pages))
        dist, chars = po.page_cer(po.layout_pages(layout), truth)
        row[setting] = {"pages": len(layout.pages), "dist": dist, "chars": chars, "wall": wall}
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", help="also write every number here")
    args = ap.parse_args(argv)
    rows = []
    for scan, twin, offset in scans_with_twins():
        print(f"reading {scan.relative_to(ROOT)}", file=sys.stderr)
        rows.append(measure(scan, twin, offset))
    con = Console()
    table = Table(title="page CER vs the born-digital twin, and seconds per page")
    for col in (
        "file",
        "pages",
        "CER tesseract",
        "CER + recogniser",
        "s/page tesseract",
        "s/page + recogniser",
    ):
        table.add_column(col, justify="left" if col == "file" else "right")
    total = {s: {"dist": 0, "chars": 0, "wall": 0.0, "pages": 0} for s in SETTINGS}
    for r in rows:
        for s in SETTINGS:
            for k in total[s]:
                total[s][k] += r[s][k]
        table.add_row(r["file"], str(r["none"]["pages"]), *_cells(r))
    table.add_row("total", str(total["none"]["pages"]), *_cells({"file": "", **total}))
    con.print(table)
    if args.json:
        Path(args.json).write_text(
            json.dumps({"files": rows, "total": total}, indent=1), encoding="utf-8"
        )
    return 0


def _cells(r: dict) -> list[str]:
    cer = [f"{r[s]['dist'] / max(1, r[s]['chars']):.2%}" for s in SETTINGS]
    speed = [f"{r[s]['wall'] / max(1, r[s]['pages']):.2f}" for s in SETTINGS]
    return cer + speed


if __name__ == "__main__":
    raise SystemExit(main())
