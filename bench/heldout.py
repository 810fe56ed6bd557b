"""Held-out generalisation score: fugi on documents its authors never saw.

    .venv/bin/python bench/heldout.py                         # every corpus, both groups
    .venv/bin/python bench/heldout.py --corpus heldout4       # one corpus (repeatable)
    .venv/bin/python bench/heldout.py --group good            # one group only
    .venv/bin/python bench/heldout.py --fields                # also the per-field table
    .venv/bin/python bench/heldout.py --json out.json         # also every number
    .venv/bin/python bench/heldout.py --corpus heldout --regen   # rebuild PDFs/goldens first

The corpora are tests/heldout*/ (each written blind by someone who had not read the
pipeline, then used to fix causes; their README says how each was made, FINDINGS.md what
the first blind run found). For each corpus and group this runs
`fugi eval tests/<corpus> --golden tests/<corpus>/golden --group G --format json` and prints
the micro P / R / F1 side by side, then the pooled micro F1 of each group over all corpora
(true/false positives summed). Measurement only: nothing is asserted, the exit code is 0
unless fugi eval itself fails.
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
TESTS = REPO / "tests"
FUGI = REPO / ".venv" / "bin" / "fugi"
PY = REPO / ".venv" / "bin" / "python"
GROUPS = ("good", "scanned")


def corpora() -> list[str]:
    """Every held-out corpus: a tests/heldout* folder with a manifest and goldens."""
    return sorted(
        d.name
        for d in TESTS.glob("heldout*")
        if (d / "manifest.json").is_file() and (d / "golden").is_dir()
    )


def has_group(corpus: str, group: str) -> bool:
    manifest = json.loads((TESTS / corpus / "manifest.json").read_text(encoding="utf-8"))
    return any(f.get("kind") == group for f in manifest["files"])


def run_eval(corpus: str, group: str) -> tuple[dict, float]:
    """One `fugi eval` run for a corpus's group; returns its JSON report and the wall time."""
    cmd = [
        str(FUGI),
        "eval",
        str(TESTS / corpus),
        "--golden",
        str(TESTS / corpus / "golden"),
        "--group",
        group,
        "--format",
        "json",
    ]
    t0 = time.monotonic()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"fugi eval {corpus} --group {group} failed: exit code {proc.returncode}")
    return json.loads(proc.stdout), time.monotonic() - t0


def regenerate(corpus: str) -> None:
    """Run the corpus's own make_*.py then write_goldens*.py (some need tools beyond the venv:
    see the corpus README)."""
    folder = TESTS / corpus
    for pattern in ("make_*.py", "write_goldens*.py"):
        for script in sorted(folder.glob(pattern)):
            subprocess.run([str(PY), str(script)], cwd=REPO, check=True)


def fmt(row: dict | None) -> tuple[str, str, str]:
    if row is None:
        return ("", "", "")
    return (f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}")


def render_fields(reports: dict[str, dict], title: str) -> None:
    console = Console(width=160)
    table = Table(title=f"{title}: per-field P / R / F1 (support)")
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


def pooled(reports: list[dict]) -> dict:
    tp = sum(r["micro"]["tp"] for r in reports)
    fp = sum(r["micro"]["fp"] for r in reports)
    fn = sum(r["micro"]["fn"] for r in reports)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def render_summary(results: dict[tuple[str, str], tuple[dict, float]], groups: list[str]) -> None:
    console = Console(width=140)
    table = Table(title="held-out corpora: micro P / R / F1 per group")
    table.add_column("corpus")
    for g in groups:
        for h in ("P", "R", "F1", "n", "s"):
            table.add_column(f"{g} {h}", justify="right")
    names = sorted({c for c, _ in results})
    for c in names:
        cells: list[str] = []
        for g in groups:
            rep, secs = results.get((c, g), (None, 0.0))
            m = rep["micro"] if rep else None
            cells += [*fmt(m), str(m["support"]) if m else "", f"{secs:.0f}" if m else ""]
        table.add_row(c, *cells)
    cells = []
    for g in groups:
        reps = [rep for (c, gg), (rep, _) in results.items() if gg == g]
        m = pooled(reps) if reps else None
        cells += [*fmt(m), str(m["support"]) if m else "", ""]
    table.add_row("pooled", *cells, style="bold")
    console.print(table)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    known = corpora()
    ap.add_argument(
        "--corpus", choices=known, action="append", help="only this corpus (repeatable)"
    )
    ap.add_argument("--group", choices=GROUPS, action="append", help="only this group (repeatable)")
    ap.add_argument("--fields", action="store_true", help="also print the per-field table")
    ap.add_argument("--json", type=Path, help="also write every number to this file")
    ap.add_argument("--regen", action="store_true", help="rebuild PDFs, manifest and goldens first")
    args = ap.parse_args()
    groups = list(args.group or GROUPS)
    results: dict[tuple[str, str], tuple[dict, float]] = {}
    for corpus in args.corpus or known:
        if args.regen:
            regenerate(corpus)
        for g in groups:
            if has_group(corpus, g):
                results[(corpus, g)] = run_eval(corpus, g)
        if args.fields:
            render_fields(
                {g: results[(corpus, g)][0] for g in groups if (corpus, g) in results}, corpus
            )
    render_summary(results, groups)
    if args.json:
        out = {
            f"{c}/{g}": {"report": rep, "seconds": secs} for (c, g), (rep, secs) in results.items()
        }
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
