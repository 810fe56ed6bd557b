"""`fugi diff OLD NEW`: what a submission changes from its prior approval, and its marks' truth."""

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
from flows.options import DB_HELP, fail, resolve_db, stderr
from models.changes import FieldChange
from models.errors import FugiError

_DOC_HELP = "Document id (or its first characters), a PDF path (ingested first if new), or a piece of the title."


class DiffFormat(StrEnum):
    table = "table"
    json = "json"
    html = "html"


def resolve_document(con: Any, arg: str) -> str:
    """The document id `arg` names: a PDF file (ingested when the database lacks it), an id
    (prefix), a file name or a title piece. Exits 2 when it names several, 1 when none."""
    from pipeline import changes_store

    path = Path(arg)
    if path.suffix.lower() == ".pdf" and path.is_file():
        return _document_of_pdf(con, path.resolve())
    rows = changes_store.find_documents(con, arg)
    exact = [r for r in rows if r[0] == arg]
    if exact or len(rows) == 1:
        return (exact or rows)[0][0]
    if not rows:
        fail(
            f'no submission matches {arg!r}; list them with: fugi query "SELECT document_id, title FROM submissions"',
            1,
        )
    listing = "\n".join(f"  {r[0]}  {r[2] or ''}  {r[1] or ''}" for r in rows[:20])
    fail(f"{len(rows)} submissions match {arg!r}; give more of the id:\n{listing}", 2)


def _document_of_pdf(con: Any, path: Path) -> str:
    from pipeline import changes_store, store
    from pipeline.meeting_sidecar import meeting_for
    from pipeline.process import file_sha256, process_document

    ids = changes_store.documents_of_file(con, file_sha256(path)[0])
    if not ids:
        stderr.print(f"ingesting {path.name} …")
        result = process_document(path, meeting=meeting_for(path, None, {}))
        if result.status != "loaded":
            fail(f"{path}: quarantined ({result.reason}): {result.message}", 1)
        store.load_document(con, result)
        ids = result.document_ids
    if len(ids) > 1:
        fail(f"{path.name} holds {len(ids)} submissions; name one by id: " + ", ".join(ids), 2)
    return ids[0]


def _crop_boxes(boxes: dict[str, tuple], path: str | None) -> tuple | None:
    """The provenance box of a change's path, or of its first sub-value (protection.ward …)."""
    if not path:
        return None
    if path in boxes:
        return boxes[path]
    subs = sorted(p for p in boxes if p.startswith(path + ".") or p.startswith(path + "["))
    return boxes[subs[0]] if subs else None


def collect_crops(
    con: Any, db: Path, old_id: str, new_id: str, changes: list[FieldChange]
) -> dict[str, bytes]:
    """PNG crops of every changed value's page location, keyed "old:<path>" / "new:<path>"."""
    from extractors.crops import render_crops
    from pipeline import changes_store

    out: dict[str, bytes] = {}
    for side, doc_id in (("old", old_id), ("new", new_id)):
        pdf = changes_store.source_path(con, doc_id, db)
        if pdf is None:
            stderr.print(
                f"[yellow]no crops for {doc_id[:12]}: its PDF is not where it was ingested from[/]"
            )
            continue
        boxes = changes_store.field_boxes(con, doc_id)
        wanted: dict[str, tuple] = {}
        for ch in changes:
            path = ch.old_path if side == "old" else ch.new_path
            box = _crop_boxes(boxes, path)
            if path and box:
                wanted[path] = box
        keys = list(wanted)
        pngs = render_crops(pdf, [(wanted[k][0], wanted[k][1:]) for k in keys])
        out.update({f"{side}:{k}": png for k, png in zip(keys, pngs, strict=True) if png})
    return out


def change_dicts(changes: list[FieldChange]) -> list[dict[str, Any]]:
    keys = ("section_kind", "field", "item", "old", "new", "change_type")
    return [{k: getattr(c, k) for k in keys} for c in changes]


def _print_table(changes: list[FieldChange], rec: Any) -> None:
    out = Console()
    t = Table("sheet", "field", "change", "prior", "new", title=f"{len(changes)} changes")
    from pipeline.report_html import report_order

    for c in report_order(changes):
        field = c.field + (f"\n{c.item}" if c.item else "")
        t.add_row(c.section_kind, field, c.change_type, _short(c.old), _short(c.new))
    out.print(t)
    for status in ("declared_and_changed", "changed_not_marked", "marked_unchanged"):
        entries = rec.by_status(status)
        out.print(f"[bold]{status}[/] ({len(entries)})")
        for e in entries:
            where = e.section_kind + (f" #{e.section + 1}" if e.section is not None else "")
            out.print(
                f"  {where} · {e.field}" + (f" · {e.item}" if e.item else ""), highlight=False
            )


def _short(v: Any, width: int = 80) -> str:
    from pipeline.report_html import display_lines

    if v is None:
        return "—"
    s = v if isinstance(v, str) else "、".join(display_lines(v))
    return s if len(s) <= width else s[: width - 1] + "…"


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="The prior approval. " + _DOC_HELP)],
    new: Annotated[str, typer.Argument(help="The submission that amends it. " + _DOC_HELP)],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            help="table, json (a list of changes) or html (a self-contained report with page crops).",
        ),
    ] = DiffFormat.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Compare a submission with its prior approval field by field, and check its change marks.

    Example: fugi diff samples/good/prior_004_kumin_iken_h25.pdf samples/good/004_kumin_iken_faq.pdf --format html --out diff.html
    """
    from pipeline import changes_store, store
    from pipeline.diff import diff_records
    from pipeline.reconcile import reconcile_marks
    from pipeline.report_html import PairView, render_report

    db_path = resolve_db(db)
    try:
        with store.opened(db_path) as con:
            old_id, new_id = resolve_document(con, old), resolve_document(con, new)
            prior, rec = (
                changes_store.load_record(con, old_id),
                changes_store.load_record(con, new_id),
            )
            changes = diff_records(prior, rec)
            changes_store.save_changes(con, new_id, old_id, changes)
            recon = reconcile_marks(rec, changes)
            if format is DiffFormat.html:
                link = next(
                    (lk for lk in changes_store.links_of(con, new_id) if lk.prior_id == old_id),
                    None,
                )
                crops = collect_crops(con, db_path, old_id, new_id, changes)
                text = render_report(
                    [PairView(prior, rec, changes, recon, link, crops)],
                    title=f"fugi diff: {rec.title or new_id}",
                )
    except FugiError as exc:
        fail(str(exc), 1)
    if format is DiffFormat.table and out is None:
        _print_table(changes, recon)
        return
    if format is DiffFormat.json:
        text = json.dumps(change_dicts(changes), ensure_ascii=False, indent=1) + "\n"
    elif format is DiffFormat.table:
        text = (
            "\n".join(
                f"{c.section_kind}\t{c.field}\t{c.change_type}\t{_short(c.old)}\t{_short(c.new)}"
                for c in changes
            )
            + "\n"
        )
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        stderr.print(f"{len(changes)} changes -> {out}")
