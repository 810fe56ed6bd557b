"""fugi's extractor versus its peers, in one run, printed as a table.

    .venv/bin/python bench/extraction.py            # every sample (~5-10 min on 2 cores)
    .venv/bin/python bench/extraction.py --quick    # one document per group
    .venv/bin/python bench/extraction.py --json /tmp/bench.json

Born-digital (samples/good): label -> value pair and checklist-mark recovery of fugi's
tables (extractors.layout, Table cells, no mapper), pdfplumber extract_tables(), PyMuPDF
find_tables() (default = its ONNX layout model, and use_layout=False), camelot lattice,
plus pages/s (page.get_text() as the ceiling). Scans (samples/scanned): table-cell CER and
mark accuracy of fugi's cell-by-cell OCR, versus whole-page Tesseract. Rules in
bench/_match.py, truth in bench/_truth.py, what each number means in bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # before tesserocr starts its engines

from rich.console import Console  # noqa: E402
from rich.markup import escape  # noqa: E402
from rich.table import Table  # noqa: E402

from bench import _pageocr as po  # noqa: E402
from bench import _tools as tools  # noqa: E402
from bench._match import align_cells, cer, confusions, score_recovery  # noqa: E402
from bench._truth import FileTruth, born_digital_truths, born_digital_twin, scanned_truths  # noqa: E402
from models.settings import ExtractSettings  # noqa: E402

QUICK = {"good": "good/003_ikiiki_hiking.pdf", "scanned": "scanned/001_checklist_fragment_scan.pdf"}

PEERS = {
    "pdfplumber": tools.run_pdfplumber,
    "pymupdf": tools.run_pymupdf,
    "pymupdf-lines": lambda p: tools.run_pymupdf(p, use_layout=False),
    "camelot": tools.run_camelot,
    "get_text": tools.run_get_text,
}
LABELS = {
    "fugi": "fugi extract_layout",
    "pdfplumber": "pdfplumber extract_tables()",
    "pymupdf": "PyMuPDF find_tables()",
    "pymupdf-lines": "PyMuPDF find_tables(use_layout=False)",
    "camelot": "camelot lattice",
    "get_text": "PyMuPDF page.get_text() (ceiling)",
}


def fugi_settings(ft: FileTruth) -> ExtractSettings:
    # The mixed file's scanned pages are scored with the scans, not here: without OCR, fugi
    # reads the same pages every peer reads (the image pages give nothing to anyone).
    return ExtractSettings(ocr="never") if ft.ocr_pages else ExtractSettings()


def bench_born_digital(files: list[FileTruth], only: set[str]) -> dict:
    res: dict = {
        k: {"files": {}, "pages": 0, "wall": 0.0, "cpu": 0.0, "mode": "", "errors": []}
        for k in LABELS
    }
    for ft in files:
        runs = {"fugi": lambda p, ft=ft: tools.run_fugi(p, fugi_settings(ft)), **PEERS}
        for name, fn in runs.items():
            if only and name not in only:
                continue
            run = fn(ft.path)
            r = res[name]
            r["pages"] += run.pages
            r["wall"] += run.wall
            r["cpu"] += run.cpu
            if run.mode and run.mode not in r["mode"]:  # fugi: ocr=auto, the mixed file ocr=never
                r["mode"] = f"{r['mode']}; {run.mode}" if r["mode"] else run.mode
            if "layout_pages" in run.extra:  # PyMuPDF: on how many pages its model ran
                r["layout_pages"] = r.get("layout_pages", 0) + run.extra["layout_pages"]
            if run.error:
                r["errors"].append(f"{ft.rel}: {run.error}")
            if name == "get_text":
                continue
            rec = score_recovery(ft, run.rows)
            r["files"][ft.rel] = {
                "pairs": [rec.pairs_found, rec.pairs_total],
                "marks": [rec.marks_found, rec.marks_total],
                "left_out": ft.left_out,
                "error": run.error,
                "misses": [asdict(m) for m in rec.misses],
            }
            print(
                f"  {name:14s} {ft.rel:40s} pairs {rec.pairs_found}/{rec.pairs_total} "
                f"marks {rec.marks_found}/{rec.marks_total} {run.wall:.1f}s",
                file=sys.stderr,
            )
    return {k: v for k, v in res.items() if v["pages"] or v["errors"]}


def bench_ocr(files: list[FileTruth]) -> dict:
    out: dict = {"files": {}, "tesseract": tools.tesseract_version()}
    for ft in files:
        run = tools.run_fugi(ft.path, ExtractSettings())
        score = align_cells(ft, run.rows)
        pages = ft.ocr_pages  # every page of a scan; the image pages of the mixed file
        twin = born_digital_twin(ft)
        truth_pages = po.truth_pages(twin[0], twin[1], ft.page_count) if twin else []
        texts, t_wall, t_cpu = po.tesseract_pages(ft.path, pages)
        tess = {p: po.text_key(t) for p, t in texts.items()}
        fugi_pages = (
            {p: t for p, t in po.layout_pages(run.layout).items() if p in pages}
            if run.layout
            else {}
        )
        win_d, win_n = _window_cells(score.cells, tess)
        f_d, f_n = po.page_cer(fugi_pages, truth_pages) if twin else (0, 0)
        t_d, t_n = po.page_cer(tess, truth_pages) if twin else (0, 0)
        name = (
            ft.rel if ft.kind == "scanned" else f"{ft.rel} (scanned pages {pages[0]}-{pages[-1]})"
        )
        out["files"][name] = {
            "pages": len(pages),
            "twin": f"{twin[0].relative_to(twin[0].parents[1])} +{twin[1]}" if twin else None,
            "fugi": {
                "cells": len(score.cells),
                "cell_dist": sum(c.dist for c in score.cells),
                "cell_chars": sum(len(c.truth) for c in score.cells),
                "cell_dist_nfkc": sum(c.dist_nfkc for c in score.cells),
                "cell_chars_nfkc": sum(c.len_nfkc for c in score.cells),
                "unaligned": sum(c.ocr is None for c in score.cells),
                "marks": [score.marks_right, score.marks_total],
                "mark_errors": score.mark_errors,
                "page_dist": f_d,
                "page_chars": f_n,
                # the whole file (a mixed file's text pages take a few ms of it)
                "wall": run.wall,
                "cpu": run.cpu,
                "confusions": confusions(score.cells),
                "worst_cells": _worst(score.cells),
                "error": run.error,
            },
            "tesseract": {
                "cell_dist": win_d,
                "cell_chars": win_n,
                "page_dist": t_d,
                "page_chars": t_n,
                "wall": t_wall,
                "cpu": t_cpu,
            },
        }
        print(
            f"  ocr {name:40s} fugi cer {cer(score.cells) or 0:.3f} marks "
            f"{score.marks_right}/{score.marks_total} {run.wall:.1f}s; tesseract {t_wall:.1f}s",
            file=sys.stderr,
        )
    return out


def _window_cells(cells: list, tess: dict[int, str]) -> tuple[int, int]:
    """Whole-page Tesseract on the same truth cells: each against its best window of the page."""
    d = n = 0
    for c in cells:
        d += po.window_distance(c.truth, tess.get(c.page, ""))
        n += len(c.truth)
    return d, n


def _worst(cells: list, k: int = 12) -> list[dict]:
    bad = sorted((c for c in cells if c.dist), key=lambda c: -c.dist)[:k]
    return [
        {"what": c.what, "page": c.page, "dist": c.dist, "truth": c.truth, "ocr": c.ocr}
        for c in bad
    ]


# ---------------------------------------------------------------- report


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "—"


def _sum(files: dict, key: str) -> tuple[int, int]:
    return sum(f[key][0] for f in files.values()), sum(f[key][1] for f in files.values())


def report_born_digital(con: Console, bd: dict) -> None:
    t = Table(title="Born-digital: recovery and speed (samples/good)", show_lines=False)
    for col in (
        "tool",
        "label→value pairs",
        "checklist marks",
        "pages",
        "pages/s (wall)",
        "pages/s (CPU)",
        "mode",
    ):
        t.add_column(col, overflow="fold")
    for name, r in bd.items():
        if r["errors"] and not r["pages"]:
            t.add_row(
                LABELS[name],
                "did not run",
                "did not run",
                "—",
                "—",
                "—",
                escape("; ".join(r["errors"])[:200]),
            )
            continue
        pairs = _pct(*_sum(r["files"], "pairs")) if name != "get_text" else "— (no tables)"
        marks = _pct(*_sum(r["files"], "marks")) if name != "get_text" else "—"
        if "layout_pages" in r and name == "pymupdf":
            r["mode"] += f" (model ran on {r['layout_pages']}/{r['pages']} pages)"
        note = r["mode"] + (f"; errors: {'; '.join(r['errors'])[:160]}" if r["errors"] else "")
        t.add_row(
            LABELS[name],
            pairs,
            marks,
            str(r["pages"]),
            f"{r['pages'] / r['wall']:.1f}",
            f"{r['pages'] / max(r['cpu'], 1e-9):.1f}",
            escape(note),
        )
    con.print(t)
    per = Table(title="Born-digital recovery per file (pairs / marks found)")
    per.add_column("file")
    names = [n for n in bd if n != "get_text"]
    for n in names:
        per.add_column(n)
    files = next(iter(bd.values()))["files"] if bd else {}
    for rel in files:
        cells = []
        for n in names:
            f = bd[n]["files"].get(rel)
            cells.append(
                f"{f['pairs'][0]}/{f['pairs'][1]}  {f['marks'][0]}/{f['marks'][1]}" if f else "—"
            )
        per.add_row(rel, *cells)
    con.print(per)


def report_ocr(con: Console, ocr: dict) -> None:
    t = Table(
        title=f"Scans: fugi cell-by-cell OCR vs whole-page Tesseract ({ocr['tesseract']}, jpn)"
    )
    for col in (
        "file",
        "pages",
        "engine",
        "cell CER (no ws)",
        "cell CER (NFKC)",
        "page CER",
        "marks",
        "s/page (wall)",
        "s/page (CPU)",
    ):
        t.add_column(col, overflow="fold")
    tot: dict = {}
    for rel, f in ocr["files"].items():
        fu, te = f["fugi"], f["tesseract"]
        for k, eng in (("fugi", fu), ("tesseract", te)):
            acc = tot.setdefault(k, {})
            for key, v in eng.items():
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    acc[key] = acc.get(key, 0) + v
            acc["pages"] = acc.get("pages", 0) + f["pages"]
            acc.setdefault("marks", [0, 0])
        tot["fugi"]["marks"][0] += fu["marks"][0]
        tot["fugi"]["marks"][1] += fu["marks"][1]
        _ocr_rows(t, rel, f["pages"], fu, te)
    if tot:
        t.add_section()
        _ocr_rows(t, "ALL", tot["fugi"]["pages"], tot["fugi"], tot["tesseract"])
    con.print(t)
    con.print(
        "cell CER: truth cells = every section field's label and value and every checklist "
        "measure (goldens); fugi's cells aligned by label/measure similarity; whole-page "
        "Tesseract scored on each truth cell's best window of its page text (generous).\n"
        "page CER: PAGE-LEVEL, whole page text in reading order vs the born-digital twin's "
        "text layer (order-sensitive, headings and running text included)."
    )


def _ocr_rows(t: Table, rel: str, pages: int, fu: dict, te: dict) -> None:
    def r(d: int, n: int) -> str:
        return f"{100 * d / n:.2f}%" if n else "—"

    t.add_row(
        rel,
        str(pages),
        "fugi OCR (cells)",
        r(fu["cell_dist"], fu["cell_chars"]),
        r(fu["cell_dist_nfkc"], fu["cell_chars_nfkc"]),
        r(fu["page_dist"], fu["page_chars"]),
        _pct(*fu["marks"]),
        f"{fu['wall'] / pages:.2f}",
        f"{fu['cpu'] / pages:.2f}",
    )
    t.add_row(
        "",
        "",
        "tesseract --psm 3 (page)",
        r(te["cell_dist"], te["cell_chars"]) + " (window)",
        "—",
        r(te["page_dist"], te["page_chars"]),
        "n/a",
        f"{te['wall'] / pages:.2f}",
        f"{te['cpu'] / pages:.2f}",
    )


def report_fugi_misses(con: Console, bd: dict, ocr: dict | None) -> None:
    f = bd.get("fugi")
    if f:
        for rel, d in f["files"].items():
            for m in d["misses"]:
                con.print(
                    "[yellow]fugi miss[/] "
                    + escape(f"{rel} {m['kind']} [{m['key']}] want [{m['want']}] got {m['got']}")
                )
    for rel, d in (ocr or {}).get("files", {}).items():
        for e in d["fugi"]["mark_errors"]:
            con.print("[yellow]fugi OCR mark[/] " + escape(f"{rel} {e}"))
        top = ", ".join(f"{a or '∅'}→{b or '∅'}×{n}" for a, b, n in d["fugi"]["confusions"][:10])
        con.print(escape(f"fugi OCR top confusions (truth→read) {rel}: {top}"))


def _git_state() -> str:
    import subprocess

    root = Path(__file__).resolve().parent.parent
    head = subprocess.run(
        ["git", "-C", str(root), "log", "-1", "--format=%h %cI"], capture_output=True, text=True
    )
    dirty = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain", "--", "extractors", "models"],
        capture_output=True,
        text=True,
    )
    n = len([ln for ln in dirty.stdout.splitlines() if ln.strip()])
    return head.stdout.strip() + (
        f" + {n} uncommitted change(s) in extractors/ models/" if n else ""
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--quick", action="store_true", help="one document per group")
    ap.add_argument("--json", type=Path, help="also write every number (and every miss) here")
    ap.add_argument(
        "--only",
        default="",
        help="comma list of tools: fugi,pdfplumber,pymupdf,pymupdf-lines,camelot,get_text",
    )
    ap.add_argument("--file", default="", help="only the samples whose path contains this")
    ap.add_argument("--no-ocr", action="store_true", help="skip the scans")
    ap.add_argument("--no-born-digital", action="store_true", help="skip samples/good")
    args = ap.parse_args(argv)
    good, scans = born_digital_truths(), scanned_truths()
    if args.quick:
        good = [f for f in good if f.rel == QUICK["good"]]
        scans = [f for f in scans if f.rel == QUICK["scanned"]]
    if args.file:
        good = [f for f in good if args.file in f.rel]
        scans = [f for f in scans if args.file in f.rel]
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    con = Console(width=200)
    tree = _git_state()  # at the start: other work may commit while this runs
    con.print(f"tree: {tree}")
    con.print(
        f"load average at start: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
        "(wall-clock rates suffer from other work; CPU rates less so)"
    )
    bd = {} if args.no_born_digital else bench_born_digital(good, only)
    ocr = None if args.no_ocr else bench_ocr(scans)
    if bd:
        report_born_digital(con, bd)
    if ocr:
        report_ocr(con, ocr)
    report_fugi_misses(con, bd, ocr)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "tree": tree,
                    "born_digital": bd,
                    "ocr": ocr,
                    "camelot": tools.CAMELOT_VERSION,
                },
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
