"""`fugi eval`: score what the pipeline reads from the bundled samples against tests/golden."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from flows.cli import app
from pipeline.eval import (
    Scores,
    fact_differences,
    load_goldens,
    propose_goldens,
    score_by_group,
    score_records,
)


class Format(StrEnum):
    table = "table"
    json = "json"


class Group(StrEnum):
    good = "good"
    scanned = "scanned"
    mixed = "mixed"


def _entries(samples_dir: Path, group: str | None) -> list[dict]:
    manifest = samples_dir / "manifest.json"
    if not manifest.exists():
        typer.echo(f"error: {manifest} not found; build the samples first (make samples).", err=True)
        raise typer.Exit(2)
    files = json.loads(manifest.read_text(encoding="utf-8"))["files"]
    return [e for e in files if e.get("kind") != "bad" and (group is None or e.get("kind") == group)]


def _read_jsonl(path: Path) -> list[dict]:
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                typer.echo(f"error: {path}:{no} is not JSON ({exc.msg}); pass `fugi export --format jsonl` output.", err=True)
                raise typer.Exit(2) from exc
    return out


def _run_pipeline(samples_dir: Path, entries: list[dict], err: Console) -> dict[str, list[dict]]:
    """Records per sample file stem, read by the pipeline itself."""
    try:
        from models.settings import ExtractSettings
        from pipeline.process import process_document
    except ImportError as exc:
        typer.echo(f"error: the pipeline is not available ({exc}); pass --records export.jsonl instead.", err=True)
        raise typer.Exit(2) from exc
    out: dict[str, list[dict]] = {}
    settings = ExtractSettings()
    for entry in entries:
        path = samples_dir / entry["file"]
        err.print(f"reading {entry['file']}", style="dim")
        result = process_document(path, settings)
        if result.status != "loaded":
            err.print(f"  quarantined: {result.reason} {result.message or ''}", style="yellow")
        out[Path(entry["file"]).stem] = [m.record.model_dump(mode="json") for m in result.records]
    return out


def _rekey(recs: list[dict], gold: list[dict] | None, stem: str, err: Console) -> list[dict]:
    """Records read from a sample whose bytes changed since its golden was synced keep
    their place (file, submission order) but are warned about: the golden may be stale."""
    if not gold or not recs or recs[0]["document_id"] == gold[0]["document_id"]:
        return recs
    err.print(f"{stem}: the PDF differs from its golden's sha256; run tests/golden/sync_manifest.py", style="yellow")
    base = gold[0]["document_id"]
    for i, r in enumerate(recs):
        r["document_id"] = base if i == 0 else f"{base}#{i + 1}"
    return recs


def _table(title: str, scores: Scores) -> Table:
    t = Table(title=title, title_justify="left")
    for col in ("field", "precision", "recall", "F1", "support"):
        t.add_column(col, justify="left" if col == "field" else "right")
    for fs in scores.fields.values():
        if fs.tp + fs.fp + fs.fn == 0:
            continue
        style = None if fs.f1 >= 0.999 else ("yellow" if fs.f1 >= 0.8 else "red")
        t.add_row(fs.field, f"{fs.precision:.3f}", f"{fs.recall:.3f}", f"{fs.f1:.3f}", str(fs.support), style=style)
    m = scores.micro
    t.add_row("micro", f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", str(m.support), style="bold")
    return t


@app.command("eval")
def eval_(
    samples_dir: Annotated[Path, typer.Argument(help="Sample corpus with manifest.json.", exists=True, file_okay=False)],
    golden: Annotated[Path, typer.Option("--golden", help="Directory of golden records.", exists=True, file_okay=False)] = Path("tests/golden"),
    records: Annotated[
        Path | None, typer.Option("--records", help="Score these exported records (JSONL) instead of running the pipeline.", exists=True, dir_okay=False)
    ] = None,
    group: Annotated[Group | None, typer.Option("--group", help="Only samples of this kind.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table (readable) or json.")] = Format.table,
    min_f1: Annotated[float | None, typer.Option("--min-f1", help="Exit 1 when the micro F1 is below this.")] = None,
    show: Annotated[
        list[str] | None, typer.Option("--show", help="Also list the missed/extra facts of this field path (repeatable).")
    ] = None,
) -> None:
    """Per-field precision / recall / F1 of the records read from SAMPLES_DIR against the goldens.

    It reports and exits 0; with --min-f1 it exits 1 when the micro-averaged F1 is lower.
    FUGI_PROPOSE_GOLDEN=1 also writes the pipeline's records to GOLDEN/_proposed/ for review.

    Example: fugi eval samples --golden tests/golden --group good --min-f1 0.8 --show sections.content
    """
    err = Console(stderr=True)
    entries = _entries(samples_dir, group.value if group else None)
    goldens = load_goldens(golden)
    kind_of: dict[str, str] = {}
    gold: list[dict] = []
    for entry in entries:
        stem = Path(entry["file"]).stem
        if stem not in goldens:
            err.print(f"no golden for {entry['file']}: not scored", style="yellow")
            continue
        if any(not rec["document_id"] for rec in goldens[stem]):
            err.print(f"golden {stem} is not synced to the manifest: run tests/golden/sync_manifest.py", style="yellow")
            continue
        for rec in goldens[stem]:
            kind_of[rec["document_id"]] = entry.get("kind", "?")
            gold.append(rec)
    if records is not None:
        by_stem = {}
        for r in _read_jsonl(records):
            by_stem.setdefault(Path((r.get("source") or {}).get("file_name") or "?").stem, []).append(r)
    else:
        by_stem = _run_pipeline(samples_dir, entries, err)
        for path in propose_goldens(by_stem, golden):
            err.print(f"proposed {path}", style="dim")
    predicted = [r for stem, recs in by_stem.items() for r in _rekey(recs, goldens.get(stem), stem, err)]
    predicted = [r for r in predicted if r.get("document_id") in kind_of]
    scores = score_records(predicted, gold)
    groups = score_by_group(predicted, gold, kind_of.get) if group is None else {}
    _print(scores, groups, fmt)
    for field in show or []:
        for doc_id, what, fact in fact_differences(predicted, gold, field):
            err.print(f"{field} {what} in {doc_id[:12]}: {fact}", markup=False, highlight=False)
    if min_f1 is not None and scores.micro.f1 < min_f1:
        err.print(f"micro F1 {scores.micro.f1:.3f} is below --min-f1 {min_f1}", style="red")
        raise typer.Exit(1)


def _print(scores: Scores, groups: dict[str, Scores], fmt: Format) -> None:
    if fmt is Format.json:
        data: dict[str, Any] = scores.as_dict()
        data["groups"] = {g: s.as_dict() for g, s in groups.items()}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    out = Console()
    out.print(_table("all samples", scores))
    if len(groups) > 1:
        for name, s in groups.items():
            out.print(f"[bold]{name}[/bold]: micro P {s.micro.precision:.3f}  R {s.micro.recall:.3f}  "
                      f"F1 {s.micro.f1:.3f}  ({len(s.matched)} records)")
    if scores.missing:
        out.print(f"[red]no record read for {len(scores.missing)} golden document(s)[/red]: "
                  + ", ".join(d[:12] for d in scores.missing))
