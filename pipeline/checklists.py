"""個人情報保護対策チェックリスト tables -> one ChecklistRow per measure row.

The party cell (区が行う… 【運用上の対策】) spans many rows and is carried down, also onto
a continuation table on the next page; the mark comes from the mark cell's text or its
drawn shape. Columns are found from the header row, else from the cells' text lengths.

    rows, marks = map_checklists(ctx)
    rows[0].party, rows[0].measure_type, rows[0].mark -> "ward", "operational", "applicable"
"""

from __future__ import annotations

from dataclasses import dataclass

from models.layout import Cell, Table
from models.record import ChangeMark, ChecklistRow
from models.segments import Region
from pipeline.change_marks import marked_runs
from pipeline.checklist import measure_key, parse_mark, parse_party_cell
from pipeline.map_context import MapContext
from pipeline.pairs import ValueLine
from pipeline.text import join_lines
from pipeline.units import Unit, compact

_HEADER_WORDS = ("対策が可能", "対策の必要がない", "必要がない場合")
_HEADER_CELLS = ("情報保護対策", "個人情報保護対策", "対策", "対策内容")


@dataclass
class Columns:
    party: int | None
    mark: int
    measure: int


@dataclass
class _State:
    party: str | None = None
    measure_type: str | None = None
    cols: Columns | None = None
    table: Table | None = None


def map_checklists(ctx: MapContext) -> tuple[list[ChecklistRow], list[ChangeMark]]:
    rows: list[ChecklistRow] = []
    marks: list[ChangeMark] = []
    for region in ctx.seg.regions_of("checklist"):
        _map_region(ctx, region, rows, marks)
    return rows, marks


def _map_region(
    ctx: MapContext, region: Region, rows: list[ChecklistRow], marks: list[ChangeMark]
) -> None:
    kind = region.checklist_kind
    st = _State()
    for u in ctx.units(region):
        if u.kind != "row" or u.table is None:
            continue
        if u.table is not st.table:
            st.cols = _columns(u.table, st.cols)
            st.table = u.table
        if _is_header(u):
            continue
        _map_row(ctx, u, st, kind, rows, marks)


def _map_row(
    ctx: MapContext,
    u: Unit,
    st: _State,
    kind: str | None,
    rows: list[ChecklistRow],
    marks: list[ChangeMark],
) -> None:
    table, cols = u.table, st.cols
    assert table is not None and cols is not None
    party_cell = table.cell_at(u.part, cols.party) if cols.party is not None else None
    if party_cell is not None and party_cell.row == u.part and party_cell.text.strip():
        party, mtype = parse_party_cell(party_cell.text)
        st.party = party or st.party
        st.measure_type = mtype or st.measure_type
    mark_cell = table.cell_at(u.part, cols.mark)
    measure_cell = table.cell_at(u.part, cols.measure)
    if measure_cell is None or measure_cell is mark_cell or measure_cell.row != u.part:
        return
    measure = join_lines(measure_cell.text.split("\n"))
    if not measure:
        return
    path = f"checklists[{len(rows)}]"
    if kind is None or st.party is None or st.measure_type is None:
        ctx.warn(
            "checklist_row_unread",
            f"checklist row without kind/party/measure type: 「{measure[:30]}」",
            u.page,
        )
        return
    mark_text = mark_cell.text if mark_cell is not None and mark_cell.row == u.part else ""
    drawn = mark_cell.drawn_mark if mark_cell is not None else None
    if mark_cell is None:
        ctx.warn("checklist_no_mark_cell", f"{path}: no mark cell; read as blank", u.page)
    mark, note = parse_mark(mark_text, drawn)
    rows.append(
        ChecklistRow(
            checklist=kind,  # type: ignore[arg-type]
            party=st.party,  # type: ignore[arg-type]
            measure_type=st.measure_type,  # type: ignore[arg-type]
            measure=measure,
            measure_key=measure_key(measure),
            mark=mark,  # type: ignore[arg-type]
            note=note,
            page=u.page,
        )
    )
    ctx.prov(f"{path}.measure", u.page, measure_cell.bbox)
    if mark_cell is not None:
        ctx.prov(f"{path}.mark", u.page, mark_cell.bbox)
    lines = [ValueLine(u.page, ln) for ln in measure_cell.lines]
    marks += [
        ChangeMark(section=None, field="checklists", text=r.text, page=r.page)
        for r in marked_runs(lines, ctx.style)
    ]


def _is_header(u: Unit) -> bool:
    keys = [compact(c.text) for c in u.cells]
    return any(w in k for k in keys for w in _HEADER_WORDS) or (
        bool(keys) and all(k in _HEADER_CELLS or not k for k in keys)
    )


def _columns(table: Table, previous: Columns | None) -> Columns:
    """Party / mark / measure columns: from a header row, else by geometry of the text."""
    for cells in table.rows()[:2]:
        mark = next(
            (c.col for c in cells if any(w in compact(c.text) for w in _HEADER_WORDS)), None
        )
        measure = next((c.col for c in cells if compact(c.text) in _HEADER_CELLS), None)
        if mark is not None and measure is not None:
            party = min((c.col for c in cells if c.col < min(mark, measure)), default=None)
            return Columns(
                party=party if party is not None else (0 if min(mark, measure) > 0 else None),
                mark=mark,
                measure=measure,
            )
    if previous is not None and table.continues is not None:
        return previous
    return _columns_by_text(table)


def _columns_by_text(table: Table) -> Columns:
    if table.n_cols < 2:
        return Columns(party=None, mark=0, measure=0)
    mean = [_mean_len([c for c in table.cells if c.col == k]) for k in range(table.n_cols)]
    if table.n_cols == 2:
        return Columns(party=None, mark=0, measure=1)
    measure = max(range(1, table.n_cols), key=lambda k: mean[k])
    mark = min((k for k in range(1, table.n_cols) if k != measure), key=lambda k: mean[k])
    return Columns(party=0, mark=mark, measure=measure)


def _mean_len(cells: list[Cell]) -> float:
    lens = [len(compact(c.text)) for c in cells if c.text.strip()]
    return sum(lens) / len(lens) if lens else 0.0
