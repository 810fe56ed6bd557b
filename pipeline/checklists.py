"""個人情報保護対策チェックリスト tables -> one ChecklistRow per measure row.

The party cell (区が行う… 【運用上の対策】) spans many rows and is carried down, also onto
a continuation table on the next page; the mark comes from the mark cell's text or its
drawn shape. Columns are found from the header row, else from the cells' text lengths.

    rows, marks = map_checklists(ctx)
    rows[0].party, rows[0].measure_type, rows[0].mark -> "ward", "operational", "applicable"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.layout import Cell, Table
from models.record import ChangeMark, ChecklistRow
from models.segments import Region
from pipeline.change_marks import marked_runs
from pipeline.checklist import measure_key, parse_mark, parse_party_cell
from pipeline.map_context import MapContext
from pipeline.ocr_correct import correct_measure
from pipeline.pairs import ValueLine
from pipeline.text import join_lines, ocr_suspect, strip_ocr_edge_junk
from pipeline.units import Unit, compact

# A mark cell holding only a bracketed reason: (結合先が地方公共団体であるため), (…ないため).
_REASON_ONLY = re.compile(r"^[(（][^()（）]{2,}(?:ため|から|不要|なし|無し)[)）]?$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_HEADER_WORDS = ("対策が可能", "対策の必要がない", "必要がない場合", "対策の可否")
_HEADER_CELLS = ("情報保護対策", "個人情報保護対策", "対策", "対策内容", "対策の内容")
# A mark cell that explains the marks (○：対策を講じる －：対策の必要なし) is the header's.
_MARK_LEGEND = re.compile(r"[○〇◯]\s*[:：]")
# The measure column's heading: 個人情報保護対策 / 保護対策の内容 / 対策項目 / チェック項目 …
_MEASURE_HEAD = re.compile(
    r"^(?:(?:個人)?情報)?(?:保護)?(?:対策|措置)(?:の?内容|項目|事項)?$|^(?:チェック|確認)?(?:項目|事項|内容)$"
)
# The mark column's heading when short: 可否 / 実施の有無 / チェック欄 / 対応状況 …
_MARK_HEAD = re.compile(r"^[^。]{0,8}(?:可否|有無|チェック欄?|実施状況|対応状況)$")
# A cell of a type column: only 【運用上の対策】 / 【システム上の対策】, short.
_TYPE_CELL_MAX = 16


@dataclass
class Columns:
    party: int | None
    mark: int
    measure: int

    def others(self) -> list[int]:
        return [k for k in (self.party, self.mark, self.measure) if k is not None]


@dataclass
class _Draft:
    """A row read so far; its measure type may only become known later (a spilled party cell)."""

    party: str
    measure_type: str | None
    measure: str
    mark_text: str
    drawn: str | None
    page: int
    measure_cell: Cell
    mark_cell: Cell | None


@dataclass
class _State:
    party: str | None = None
    measure_type: str | None = None
    cols: Columns | None = None
    table: Table | None = None
    drafts: list[_Draft] = field(default_factory=list)
    # A column of its own for 【運用上の対策】 / 【システム上の対策】 (party | type | mark | measure).
    type_col: int | None = None
    first_row: bool = False  # the next data row is the first of its table


def map_checklists(ctx: MapContext) -> tuple[list[ChecklistRow], list[ChangeMark]]:
    rows: list[ChecklistRow] = []
    marks: list[ChangeMark] = []
    for region in ctx.seg.regions_of("checklist"):
        region = _with_kind(ctx, region)
        drafts = _read_region(ctx, region)
        _guess_missing_parties(ctx, drafts)
        _guess_missing_types(ctx, drafts)
        for d in drafts:
            _emit(ctx, region, d, rows, marks)
    return rows, marks


# The checklist kind a sheet of this kind is checked with (a 再委託 sheet: the 業務委託 list).
_SHEET_CHECKLIST = {
    "電算処理": "電算処理",
    "外部結合": "外部結合",
    "業務委託": "業務委託",
    "再委託": "業務委託",
}


def _with_kind(ctx: MapContext, region: Region) -> Region:
    """A checklist whose heading names no kind (個人情報保護対策チェックリスト) is the one of the
    submission's sheets when they are all of one kind."""
    if region.checklist_kind is not None:
        return region
    kinds = {_SHEET_CHECKLIST.get(r.section_kind or "") for r in ctx.seg.regions_of("sheet")}
    if len(kinds) != 1 or None in kinds:
        return region
    kind = kinds.pop()
    ctx.warn("checklist_kind_guessed", f"checklist kind {kind} from the sheets", region.pages[0])
    return region.model_copy(update={"checklist_kind": kind})


def _read_region(ctx: MapContext, region: Region) -> list[_Draft]:
    st = _State()
    for u in ctx.units(region):
        if u.kind == "line":
            _party_text_outside_table(u, st)
            continue
        if u.table is None:
            continue
        if u.table is not st.table:
            st.cols = _columns(u.table, st.cols)
            st.table = u.table
            st.first_row = True
        if not _is_header(u, st.cols):
            _read_row(ctx, u, st)
            st.first_row = False
    return st.drafts


def _party_text_outside_table(u: Unit, st: _State) -> None:
    """A party cell's 【…の対策】 that overflowed below the table still types its rows."""
    if not u.key.startswith("【") or not st.drafts:
        return
    _, mtype = parse_party_cell(u.text)
    if mtype is None:
        return
    for d in st.drafts:
        if d.measure_type is None:
            d.measure_type = mtype
    st.measure_type = mtype


def _read_row(ctx: MapContext, u: Unit, st: _State) -> None:
    table, cols = u.table, st.cols
    assert table is not None and cols is not None
    party_cell = table.cell_at(u.part, cols.party) if cols.party is not None else None
    if party_cell is not None and party_cell.row == u.part and party_cell.text.strip():
        party, mtype = parse_party_cell(party_cell.text)
        if party is not None or mtype is not None:
            # A new party cell opens a new group: its type is its own, not the previous group's.
            # A type with no party before any party is known (OCR lost 区が行う): guessed later.
            st.party = party or st.party or _UNKNOWN_PARTY
            st.measure_type = mtype
    _read_type_cell(u, st)
    heading = _type_heading_row(u, cols)
    if heading is not None:
        # 【運用上の対策】 printed as a row of its own: types the rows below it, not a measure.
        st.measure_type = heading
        return
    mark_cell = table.cell_at(u.part, cols.mark)
    measure_cell = table.cell_at(u.part, cols.measure)
    if measure_cell is None or measure_cell is mark_cell or measure_cell.row != u.part:
        return
    measure = join_lines(measure_cell.text.split("\n"))
    if measure and _is_ocr(measure_cell):
        read = measure
        measure, junk = strip_ocr_edge_junk(correct_measure(measure))
        if junk:
            ctx.warn("ocr_suspect", f"checklist measure: dropped OCR edge junk 「{junk}」", u.page)
        elif len(measure) < len(read):
            cut = read[len(measure) :] if read.startswith(measure) else read
            ctx.warn("ocr_suspect", f"checklist measure: dropped OCR junk 「{cut[:30]}」", u.page)
    if not measure:
        return
    if st.party is None:
        ctx.warn(
            "checklist_row_unread",
            f"checklist row without a party cell: 「{measure[:30]}」",
            u.page,
        )
        return
    own_mark = mark_cell if mark_cell is not None and mark_cell.row == u.part else None
    st.drafts.append(
        _Draft(
            party=st.party,
            measure_type=st.measure_type,
            measure=measure,
            mark_text=own_mark.text if own_mark else "",
            drawn=own_mark.drawn_mark if own_mark else None,
            page=u.page,
            measure_cell=measure_cell,
            mark_cell=own_mark,
        )
    )


def _read_type_cell(u: Unit, st: _State) -> None:
    """A type printed in a merged column of its own, between the party and the measures.

    The cell starting at this row types the rows it spans; an empty one (its label printed
    on the next page, at the top of the continued cell) leaves them untyped until then, when
    the label types the rows already read, back to the last type cell.
    """
    table, cols = u.table, st.cols
    assert table is not None and cols is not None
    carried = st.first_row and bool(st.drafts) and _carries_on(u, cols)
    for c in u.cells:
        if c.col in cols.others() or c.col > min(cols.mark, cols.measure):
            continue
        text = compact(c.text)
        party, mtype = parse_party_cell(c.text) if text else (None, None)
        if mtype is not None and party is None and len(text) <= _TYPE_CELL_MAX:
            st.type_col = c.col
            if carried:
                _backfill_type(st, mtype)
            st.measure_type = mtype
        elif c.col == st.type_col and not text and not carried:
            st.measure_type = None  # a new type cell, its label not (yet) printed


def _carries_on(u: Unit, cols: Columns) -> bool:
    """The first row of a table that goes on with the previous page's: linked by the extractor,
    or its party cell is empty (the merged party cell carries on)."""
    table = u.table
    assert table is not None
    if table.continues is not None:
        return True
    party = table.cell_at(u.part, cols.party) if cols.party is not None else None
    return party is not None and not party.text.strip()


def _backfill_type(st: _State, mtype: str) -> None:
    for d in reversed(st.drafts):
        if d.measure_type is not None or d.party != st.party:
            break
        d.measure_type = mtype


_TYPE_HEADING = re.compile(r"^[【\[［(（〔]?[^【】\[\]［］()（）〔〕]{0,12}[】\]］)）〕]?$")


def _type_heading_row(u: Unit, cols: Columns) -> str | None:
    """A row whose only text outside the party column is a short 【…上の対策】 heading."""
    texts = [compact(c.text) for c in u.cells if c.col != cols.party and c.row == u.part]
    texts = [t for t in texts if t]
    if len(texts) != 1 or not _TYPE_HEADING.match(texts[0]) or "対策" not in texts[0]:
        return None
    party, mtype = parse_party_cell(texts[0])
    return mtype if party is None else None


_UNKNOWN_PARTY = "?"
# The counterparty's measures are imposed on it (…させる / …を受けさせる); the
# administration's own are done or instructed (…する / …指導する).
_IMPOSED = re.compile(r"させる。?$|させること。?$")


def _guess_missing_parties(ctx: MapContext, drafts: list[_Draft]) -> None:
    """Rows of a party cell that named only its type: the party their wording speaks for."""
    unknown = [d for d in drafts if d.party == _UNKNOWN_PARTY]
    if not unknown:
        return
    imposed = sum(1 for d in unknown if _IMPOSED.search(d.measure))
    party = "counterparty" if imposed * 2 > len(unknown) else "ward"
    for d in unknown:
        d.party = party
    ctx.warn(
        "checklist_party_guessed",
        f"{len(unknown)} checklist rows without a readable party: read as {party} from their wording",
        unknown[0].page,
    )


def _is_ocr(cell: Cell) -> bool:
    return any(s.confidence is not None for ln in cell.lines for s in ln.spans)


def _guess_missing_types(ctx: MapContext, drafts: list[_Draft]) -> None:
    """Rows whose party cell never named its type: the other type than the group before."""
    prev: str | None = None
    for d in drafts:
        if d.measure_type is None:
            d.measure_type = "technical" if prev == "operational" else "operational"
            ctx.warn(
                "checklist_type_guessed", f"measure type guessed for 「{d.measure[:30]}」", d.page
            )
        prev = d.measure_type


def _emit(
    ctx: MapContext, region: Region, d: _Draft, rows: list[ChecklistRow], marks: list[ChangeMark]
) -> None:
    path = f"checklists[{len(rows)}]"
    if region.checklist_kind is None:
        ctx.warn("checklist_row_unread", f"{path}: checklist kind unknown", d.page)
        return
    if d.mark_cell is None:
        ctx.warn("checklist_no_mark_cell", f"{path}: no mark cell; read as blank", d.page)
    mark, note = parse_mark(d.mark_text, d.drawn)
    if mark == "blank" and note is not None and _REASON_ONLY.match(compact(d.mark_text)):
        # Only a bracketed reason (（…ため）): the －（…） of "no need" whose short dash the
        # scan lost. Kept as not_applicable, and said.
        mark = "not_applicable"
        ctx.warn(
            "checklist_mark_inferred",
            f"{path}: mark cell holds only a reason 「{compact(d.mark_text)}」: read as not_applicable",
            d.page,
        )
    elif mark == "blank" and compact(d.mark_text):
        ctx.warn(
            "checklist_mark_unread",
            f"{path}: mark cell reads 「{compact(d.mark_text)}」, not a mark",
            d.page,
        )
    if note is not None and len(_CJK.findall(note)) < 2:
        # A "note" with hardly a Japanese character is OCR noise around the mark (「6)」, 「.〇」).
        ctx.warn("checklist_note_noise", f"{path}: dropped unreadable note 「{note}」", d.page)
        note = None
    if note is not None and d.mark_cell is not None and _is_ocr(d.mark_cell) and ocr_suspect(note):
        ctx.warn("ocr_suspect", f"{path}: note may be misread: 「{note}」", d.page)
    rows.append(
        ChecklistRow(
            checklist=region.checklist_kind,
            party=d.party,  # type: ignore[arg-type]
            measure_type=d.measure_type,  # type: ignore[arg-type]
            measure=d.measure,
            measure_key=measure_key(d.measure),
            mark=mark,
            note=note,
            page=d.page,
        )
    )
    ctx.prov_cell(f"{path}.measure", d.page, d.measure_cell)
    if d.mark_cell is not None:
        ctx.prov_cell(f"{path}.mark", d.page, d.mark_cell)
    lines = [ValueLine(d.page, ln) for ln in d.measure_cell.lines]
    marks += [
        ChangeMark(section=None, field="checklists", text=r.text, page=r.page)
        for r in marked_runs(lines, ctx.style)
    ]


def _is_header(u: Unit, cols: Columns | None = None) -> bool:
    """The header row, also where Word repeats it at the top of the next page."""
    keys = [compact(c.text) for c in u.cells]
    if any(w in k for k in keys for w in _HEADER_WORDS) or (
        bool(keys) and all(k in _HEADER_CELLS or not k for k in keys)
    ):
        return True
    if cols is None or u.table is None:
        return False
    mark = u.table.cell_at(u.part, cols.mark)
    measure = u.table.cell_at(u.part, cols.measure)
    return (mark is not None and _is_mark_header(mark.text)) or (
        measure is not None and measure.row == u.part and _is_measure_header(measure.text)
    )


def _is_mark_header(text: str) -> bool:
    key = compact(text)
    return (
        any(w in key for w in _HEADER_WORDS)
        or bool(_MARK_LEGEND.search(key))
        or bool(_MARK_HEAD.match(key))
    )


def _is_measure_header(text: str) -> bool:
    key = compact(text)
    return key in _HEADER_CELLS or bool(_MEASURE_HEAD.match(key))


def _columns(table: Table, previous: Columns | None) -> Columns:
    """Party / mark / measure columns: from a header row, else by geometry of the text."""
    legend: int | None = None  # a mark column found by its legend alone
    for cells in table.rows()[:2]:
        mark = next((c.col for c in cells if _is_mark_header(c.text)), None)
        measure = next((c.col for c in cells if _is_measure_header(c.text)), None)
        if mark is not None and measure is not None:
            party = min((c.col for c in cells if c.col < min(mark, measure)), default=None)
            return Columns(
                party=party if party is not None else (0 if min(mark, measure) > 0 else None),
                mark=mark,
                measure=measure,
            )
        legend = mark if legend is None else legend
    if previous is not None and table.continues is not None:
        return previous
    if legend is not None and table.n_cols >= 2:
        # the measure heading was not read (a scan lost it): the measures are the longest
        # texts right of the marks
        mean = [
            _mean_len([c for c in table.cells if c.col == k and c.row > 0])
            for k in range(table.n_cols)
        ]
        right = list(range(legend + 1, table.n_cols))
        measure = max(
            right or [k for k in range(table.n_cols) if k != legend], key=lambda k: mean[k]
        )
        party = 0 if min(legend, measure) > 0 else None
        return Columns(party=party, mark=legend, measure=measure)
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
