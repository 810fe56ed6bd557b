"""Held-out generalisation score: fugi on documents its authors never saw.

    .venv/bin/python bench/heldout.py                    # born-digital + scanned groups
    .venv/bin/python bench/heldout.py --group good       # one group only
    .venv/bin/python bench/heldout.py --json out.json    # also every number
    .venv/bin/python bench/heldout.py --regen            # rebuild the PDFs/manifest/goldens first

The corpus is tests/heldout/ (4 invented submissions rendered HTML -> headless Chromium,
2 of them also as raster scans; see tests/heldout/README.md). For each group this runs
`fugi eval tests/heldout --golden tests/heldout/golden --group G --format json` and prints the
per-field precision / recall / F1 side by side, then the micro F1 of each group.
Measurement only: nothing is asserted, the exit code is 0 unless fugi eval itself fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "heldout"
FUGI = REPO / ".venv" / "bin" / "fugi"
PY = REPO / ".venv" / "bin" / "python"
GROUPS = ("good", "scanned")


def run_eval(group: str) -> tuple[dict, float]:
    """One `fugi eval` run for a group; returns its JSON report and the wall time."""
    cmd = [
        str(FUGI),
        "eval",
        str(HELDOUT),
        "--golden",
        str(HELDOUT / "golden"),
        "--group",
        group,
        "--format",
        "json",
    ]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"fugi eval --group {group} failed with exit code {proc.returncode}")
    return json.loads(proc.stdout), time.monotonic() - t0


def regenerate() -> None:
    for script in ("make_heldout.py", "write_goldens.py"):
        subprocess.run([str(PY), str(HELDOUT / script)], cwd=REPO, check=True)


def fmt(row: dict | None) -> tuple[str, str, str]:
    if row is None:
        return ("", "", "")
    return (f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}")


def render(reports: dict[str, dict], times: dict[str, float]) -> None:
    console = Console(width=140)
    table = Table(title="held-out corpus: per-field P / R / F1 (support)")
    table.add_column("field")
    for g in reports:
        for h in ("P", "R", "F1", "n"):
            table.add_column(f"{g} {h}", justify="right")
    fields: list[str] = []
    for rep in reports.values():
        fields += [f["field"] for f in rep["fields"] if f["field"] not in fields]
    by = {g: {f["field"]: f for f in rep["fields"]} for g, rep in reports.items()}
    for name in fields + ["micro"]:
        cells = []
        for g, rep in reports.items():
            row = rep["micro"] if name == "micro" else by[g].get(name)
            cells += [*fmt(row), str(row["support"]) if row else ""]
        table.add_row(name, *cells, style="bold" if name == "micro" else None)
    console.print(table)
    for g, rep in reports.items():
        m = rep["micro"]
        console.print(
            f"[bold]{g}[/]: micro P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
            f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']}; {len(rep['matched'])} records matched, "
            f"{len(rep['missing'])} missing, {len(rep['unexpected'])} unexpected; {times[g]:.0f} s)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", choices=GROUPS, action="append", help="only this group (repeatable)")
    ap.add_argument("--json", type=Path, help="also write every number to this file")
    ap.add_argument("--regen", action="store_true", help="rebuild PDFs, manifest and goldens first")
    args = ap.parse_args()
    if args.regen:
        regenerate()
    reports, times = {}, {}
    for g in args.group or GROUPS:
        reports[g], times[g] = run_eval(g)
    render(reports, times)
    if args.json:
        args.json.write_text(
            json.dumps({"reports": reports, "seconds": times}, ensure_ascii=False, indent=1)
        )


if __name__ == "__main__":
    main()
