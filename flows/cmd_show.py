"""`fugi show`: one submission as a readable page."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from flows.cli import app
from flows.options import DB_HELP, fail, resolve_db
from models.errors import FugiError
from models.record import Party, Section, SubmissionRecord

_FIND = """
SELECT document_id, title, file_name, record FROM submissions
WHERE document_id = $k OR document_id LIKE $k || '%' OR file_name = $k
   OR file_name ILIKE '%' || $k || '%' OR title ILIKE '%' || $k || '%'
ORDER BY (document_id = $k) DESC, (file_name = $k) DESC, document_id
LIMIT 50
"""


@app.command()
def show(
    document: Annotated[
        str,
        typer.Argument(
            help="Document id (or its first characters), file name, or a piece of the title."
        ),
    ],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Show one submission: cover, overview, each section, parties, periods, checklist, marks, warnings.

    Example: fugi show 5歳児健康診査
    """
    from pipeline import store

    try:
        with store.opened(resolve_db(db), read_only=True) as con:
            rows = con.execute(_FIND, {"k": document}).fetchall()
    except FugiError as exc:
        fail(str(exc), 1)
    if not rows:
        fail(
            f'no submission matches {document!r}; list them with: fugi query "SELECT document_id, title FROM submissions"',
            1,
        )
    exact = [r for r in rows if r[0] == document]
    if len(rows) > 1 and not exact:
        _print_candidates(rows)
        raise typer.Exit(2)
    record = SubmissionRecord.model_validate_json((exact or rows)[0][3])
    render_record(record, Console())


def _print_candidates(rows: list[tuple]) -> None:
    err = Console(stderr=True)
    t = Table(title=f"{len(rows)} submissions match; give more of the id or title")
    for col in ("document_id", "file", "title"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r[0], r[2] or "", r[1] or "")
    err.print(t)


def _kv(rows: list[tuple[str, object]]) -> Table:
    t = Table.grid(padding=(0, 2))
    t.add_column(style="bold cyan", no_wrap=True)
    t.add_column(overflow="fold")
    for k, v in rows:
        if v in (None, "", [], False):
            continue
        t.add_row(k, v if isinstance(v, Text | Table) else Text(_fmt(v)))
    return t


def _fmt(v: object) -> str:
    if isinstance(v, list):
        return "、".join(str(x) for x in v)
    if v is True:
        return "yes"
    return str(v)


def _party(p: Party | None) -> str | None:
    if p is None:
        return None
    name = p.name or ("未定 (undecided)" if p.undecided else "?")
    certs = {"privacy_mark": "プライバシーマーク", "isms": "ISMS"}
    return name + (
        f"  [{', '.join(certs[c] for c in p.certifications)}]" if p.certifications else ""
    )


def render_record(rec: SubmissionRecord, out: Console) -> None:
    """Print a record as panels: cover, overview, sections, checklist, marks, warnings."""
    m = rec.meeting
    meeting = None
    if m:
        meeting = f"{m.council or ''} {m.fiscal_year or '?'}年度 第{m.session or '?'}回 {m.date or ''} {m.decision or ''} ({m.source})"
    src = rec.source
    cover = _kv(
        [
            ("document", rec.document_id),
            (
                "file",
                f"{src.file_name}  pages {src.pages or '?'} of {src.page_count}, {src.text_source}",
            ),
            ("OCR pages", src.ocr_pages),
            ("council", rec.council),
            ("kind", rec.item_kind),
            ("material", rec.material_no),
            ("meeting", meeting),
            ("department", rec.department.raw),
            ("basis", _basis(rec)),
            ("categories", rec.categories),
            ("prior approvals", [a.raw for a in rec.prior_approvals]),
            ("references", rec.references),
        ]
    )
    out.print(Panel(cover, title=rec.title or "(no title)", title_align="left"))
    ov = rec.overview
    counts = [
        f"{c.label or ''} {'約' if c.approx else ''}{c.value:g}{c.unit or ''}" for c in ov.counts
    ]
    overview = _kv(
        [
            ("事業名", ov.business_name),
            ("担当課", ov.divisions),
            ("目的", ov.purpose),
            ("対象者", ov.data_subjects),
            ("事業内容", ov.description),
            ("付議内容", "\n".join(ov.agenda)),
            ("counts", counts),
        ]
    )
    if overview.row_count:
        out.print(Panel(overview, title="事業の概要", title_align="left"))
    for i, sec in enumerate(rec.sections):
        out.print(_section_panel(i, sec))
    if rec.record_items:
        items = [
            ("/".join(r.group) + " " if r.group else "") + r.name + (" *" if r.changed else "")
            for r in rec.record_items
        ]
        out.print(
            Panel(Text("、".join(items)), title=f"記録項目 ({len(items)})", title_align="left")
        )
    if rec.checklists:
        out.print(_checklist_panel(rec))
    if rec.change_marks:
        t = Table("page", "section", "field", "text", box=None)
        for c in rec.change_marks:
            t.add_row(
                str(c.page), "" if c.section is None else str(c.section + 1), c.field or "", c.text
            )
        out.print(Panel(t, title=f"change marks ({len(rec.change_marks)})", title_align="left"))
    if rec.warnings:
        t = Table("code", "page", "message", box=None)
        for w in rec.warnings:
            t.add_row(w.code, "" if w.page is None else str(w.page), w.message)
        out.print(
            Panel(
                t,
                title=f"warnings ({len(rec.warnings)})",
                title_align="left",
                border_style="yellow",
            )
        )


def _basis(rec: SubmissionRecord) -> str | None:
    b = rec.basis
    parts = [f"{p.article}" + (f" ({p.subject})" if p.subject else "") for p in b.provisions]
    text = " ".join(x for x in [b.instrument or "", "【報告】" if b.report else "", *parts] if x)
    return text or None


def _section_panel(i: int, sec: Section) -> Panel:
    items = [d.name + (f"({d.qualifier})" if d.qualifier else "") for d in sec.data_items]
    periods = [
        (f"{p.label}: " if p.label else "")
        + f"{p.start or '?'} – {p.end or ''}"
        + (" ごろ" if p.approximate else "")
        + (" 予定" if p.planned else "")
        for p in sec.periods
    ]
    schedule = [f"{e.date or '?'} {e.milestone or ''}" for e in sec.schedule]
    body = _kv(
        [
            ("件名", sec.title),
            ("保有課", sec.holding_divisions),
            ("登録業務", sec.registered_business),
            ("個人の範囲", sec.data_subjects),
            ("情報項目", items),
            ("情報項目(参照)", sec.data_items_ref),
            ("コンピュータ", sec.system),
            ("理由", sec.reason),
            ("内容", sec.content),
            ("相手方/委託先", _party(sec.counterparty)),
            ("元請(委託先)", _party(sec.prime_contractor)),
            ("結合の形態", sec.connection_method),
            ("期間", periods),
            ("継続", sec.recurring),
            ("時期", schedule),
            *_protection(sec),
            ("変更箇所", sec.changed_fields),
        ]
    )
    pages = ""
    if sec.pages:
        pages = f" p.{sec.pages[0]}" + (
            f"–{sec.pages[-1]}" if sec.pages[-1] != sec.pages[0] else ""
        )
    return Panel(body, title=f"{i + 1}. {sec.kind}{pages}", title_align="left")


def _protection(sec: Section) -> list[tuple[str, object]]:
    ward, contractor = sec.protection.ward, sec.protection.contractor
    if ward == contractor:  # a sheet with a single protection field fills both
        return [("保護対策", ward)]
    return [("保護対策(区)", ward), ("保護対策(委託先)", contractor)]


def _checklist_panel(rec: SubmissionRecord) -> Panel:
    tally = Counter((c.checklist, c.party, c.mark) for c in rec.checklists)
    summary = Table("checklist", "party", "applicable", "not applicable", "blank", box=None)
    for cl, party in sorted({(k[0], k[1]) for k in tally}):
        summary.add_row(
            cl,
            party,
            *(str(tally[(cl, party, mk)]) for mk in ("applicable", "not_applicable", "blank")),
        )
    odd = [c for c in rec.checklists if c.mark != "applicable" or c.note]
    parts: list[object] = [summary]
    if odd:
        t = Table(box=None, title="not applicable / blank / with a note")
        t.add_column("page")
        t.add_column("mark", no_wrap=True)
        t.add_column("measure", overflow="fold", ratio=3)
        t.add_column("note", overflow="fold", ratio=2)
        for c in odd:
            t.add_row(str(c.page), c.mark, c.measure, c.note or "")
        parts.append(t)
    return Panel(Group(*parts), title=f"checklist ({len(rec.checklists)} rows)", title_align="left")  # type: ignore[arg-type]
