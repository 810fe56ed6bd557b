"""Scoring rules of bench/extraction.py, the same for every tool.

Recovery (born-digital):
- a label -> value pair is recovered when a row of the tool's tables, on one of the
  section's pages, has a cell whose `label_key` equals the label and the NEXT cell of the
  same row has the value's `text_key` (both in bench._truth); a value cut by a page
  break is joined with its continuation row first (`continuation`);
- a checklist mark is recovered when a row on the row's page has a cell whose `text_key`
  equals the measure and the cell just LEFT of it (the mark column precedes the measure
  column in every route) reads as the golden mark (bench._truth.mark_of; fugi's
  Cell.drawn_mark counts).
Matching is one-to-one: two identical claims (the same label and value on two sheets of
one page range, the same measure in two lists) need two matching rows.

CER (scans): see `align_cells`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from bench._tools import Row
from bench._truth import FileTruth, MarkTruth, PairTruth, label_key, mark_of, text_key
from pipeline.text import normalize_text


@dataclass
class Miss:
    kind: str  # "pair" | "mark"
    key: str  # the label or the measure (first 40 characters)
    want: str  # the golden value / mark
    got: str  # what the closest row had, or "no row"
    pages: list[int]


@dataclass
class Recovery:
    pairs_found: int
    pairs_total: int
    marks_found: int
    marks_total: int
    misses: list[Miss]


def continuation(rows: list[Row], ri: int, ci: int, limit: int = 3) -> list[str]:
    """Texts that continue the value cell `rows[ri].cells[ci + 1]` across page breaks.

    Bench-side rule, the same for every tool: a tall label/value row that Word splits at a
    page break continues as the first row of the next page with an EMPTY label cell (samples/
    NOTES.md). The goldens hold the joined value, while a layout keeps two cells (joining is
    the mapper's job), so the next page's first row counts as the same cell when its cell in
    the label's column is empty and it has a cell in the value's column.
    """
    out: list[str] = []
    page = rows[ri].page
    j = ri + 1
    while j < len(rows) and len(out) < limit:
        nxt = rows[j]
        if nxt.page != page + 1 or (j > 0 and rows[j - 1].page == nxt.page):
            break  # only the first row of the following page can continue a cell
        if len(nxt.cells) <= ci + 1 or text_key(nxt.cells[ci].text):
            break
        out.append(nxt.cells[ci + 1].text)
        page, j = nxt.page, j + 1
    return out


def _pair_obs(rows: list[Row]) -> dict[tuple[str, str], list[int]]:
    obs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for ri, row in enumerate(rows):
        for ci, (a, b) in enumerate(zip(row.cells, row.cells[1:], strict=False)):
            lab, val = label_key(a.text), text_key(b.text)
            obs[(lab, val)].append(row.page)
            for more in continuation(rows, ri, ci):
                val += text_key(more)
                obs[(lab, val)].append(row.page)
    return obs


def _mark_obs(rows: list[Row]) -> dict[tuple[str, str | None], list[int]]:
    obs: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for row in rows:
        for left, cell in zip(row.cells, row.cells[1:], strict=False):
            obs[(text_key(cell.text), mark_of(left.text, left.drawn))].append(row.page)
    return obs


def _take(pages: list[int], allowed: frozenset[int]) -> bool:
    for i, p in enumerate(pages):
        if p in allowed:
            del pages[i]
            return True
    return False


def score_recovery(truth: FileTruth, rows: list[Row]) -> Recovery:
    pair_obs = _pair_obs(rows)
    mark_obs = _mark_obs(rows)
    misses: list[Miss] = []
    pairs_found = 0
    for p in truth.pairs:
        if _take(pair_obs.get((p.label, p.value), []), p.pages):
            pairs_found += 1
        else:
            misses.append(_pair_miss(p, rows))
    marks_found = 0
    for m in truth.marks:
        if _take(mark_obs.get((m.measure, m.mark), []), frozenset({m.page})):
            marks_found += 1
        else:
            misses.append(_mark_miss(m, rows))
    return Recovery(pairs_found, len(truth.pairs), marks_found, len(truth.marks), misses)


def _similarity(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(a, b) if a or b else 1.0


def _pair_miss(p: PairTruth, rows: list[Row]) -> Miss:
    """What the tool had instead: the row whose cell looks most like the label."""
    best, got = 0.0, "no row"
    for row in rows:
        if row.page not in p.pages:
            continue
        for i, c in enumerate(row.cells):
            s = _similarity(p.label, label_key(c.text))
            if s > best:
                nxt = (
                    text_key(row.cells[i + 1].text) if i + 1 < len(row.cells) else "<no next cell>"
                )
                best, got = s, f"p{row.page} [{label_key(c.text)[:30]}] -> [{nxt[:60]}]"
    return Miss("pair", p.label[:40], p.value[:60], got, sorted(p.pages))


def _mark_miss(m: MarkTruth, rows: list[Row]) -> Miss:
    best, got = 0.0, "no row"
    for row in rows:
        if row.page != m.page:
            continue
        for i, c in enumerate(row.cells):
            s = _similarity(m.measure, text_key(c.text))
            if s > best:
                left = row.cells[i - 1] if i else None
                mk = mark_of(left.text, left.drawn) if left else "<no left cell>"
                raw = f"{text_key(left.text)!r}/{left.drawn!r}" if left else ""
                best, got = s, f"p{row.page} sim={s:.2f} mark={mk} {raw} [{text_key(c.text)[:40]}]"
    return Miss("mark", m.measure[:40], m.mark, got, [m.page])


# ---------------------------------------------------------------- OCR: CER per cell


@dataclass
class CellErr:
    truth: str  # text_key form
    ocr: str | None  # text_key form, None when no cell was aligned
    dist: int  # Levenshtein distance with every whitespace removed
    dist_nfkc: int  # distance of the normalize_text forms (latin word spaces kept)
    len_nfkc: int
    what: str  # "label" | "value" | "measure"
    page: int


@dataclass
class OcrScore:
    cells: list[CellErr]
    marks_right: int
    marks_total: int
    mark_errors: list[str]


# A truth cell is aligned to an OCR cell only when at least this similar (0..1); below it
# the truth counts as unread (every character an error).
MIN_ALIGN = 0.5


def _cell_err(truth_raw: str, ocr_raw: str | None, what: str, page: int) -> CellErr:
    t, o = text_key(truth_raw), (text_key(ocr_raw) if ocr_raw is not None else None)
    tn = normalize_text(truth_raw) or ""
    on = normalize_text(ocr_raw) or ""
    return CellErr(
        t, o, Levenshtein.distance(t, o or ""), Levenshtein.distance(tn, on), len(tn), what, page
    )


def align_cells(truth: FileTruth, rows: list[Row]) -> OcrScore:
    """Align every truth cell with one OCR cell, then measure the edit distance.

    Alignment (the golden `fields` are a dict, so row order is not known): for a
    label -> value pair the candidates are all (cell, next cell) pairs of the OCR tables on
    the section's pages; a measure's candidates are all cells on the row's page. Each truth
    takes the candidate whose label (or measure) text is most similar to it (normalised
    Levenshtein similarity on the whitespace-free forms), greedily best-first and
    one-to-one; below MIN_ALIGN it is unaligned and all its characters count as errors.
    The value CER is then measured on the aligned label's next cell, and the mark on the
    measure's left neighbour, so a misread label costs the label's characters only.
    """
    cands = []  # (similarity, truth index, row index, cell index)
    items: list[PairTruth | MarkTruth] = [*truth.pairs, *truth.marks]
    for ti, item in enumerate(items):
        key, pages = (
            (item.label, item.pages)
            if isinstance(item, PairTruth)
            else (item.measure, frozenset({item.page}))
        )
        for ri, row in enumerate(rows):
            if row.page not in pages:
                continue
            for ci, c in enumerate(row.cells):
                ck = label_key(c.text) if isinstance(item, PairTruth) else text_key(c.text)
                s = _similarity(key, ck)
                if s >= MIN_ALIGN:
                    cands.append((s, ti, ri, ci))
    cands.sort(key=lambda x: -x[0])
    used_t: set[int] = set()
    used_c: set[tuple[int, int]] = set()
    chosen: dict[int, tuple[int, int]] = {}
    for _s, ti, ri, ci in cands:
        if ti in used_t or (ri, ci) in used_c:
            continue
        used_t.add(ti)
        used_c.add((ri, ci))
        chosen[ti] = (ri, ci)
    return _score_aligned(items, rows, chosen)


def _score_aligned(
    items: list[PairTruth | MarkTruth], rows: list[Row], chosen: dict[int, tuple[int, int]]
) -> OcrScore:
    cells: list[CellErr] = []
    right = total = 0
    errors: list[str] = []
    for ti, item in enumerate(items):
        hit = chosen.get(ti)
        row = rows[hit[0]] if hit else None
        if isinstance(item, PairTruth):
            page = min(item.pages)
            lab = row.cells[hit[1]].text if row and hit else None
            val = (
                row.cells[hit[1] + 1].text if row and hit and hit[1] + 1 < len(row.cells) else None
            )
            if val is not None and hit:
                val = "\n".join([val, *continuation(rows, hit[0], hit[1])])
            cells.append(_cell_err(item.raw_label, lab, "label", page))
            cells.append(_cell_err(item.raw_value, val, "value", page))
            continue
        mea = row.cells[hit[1]].text if row and hit else None
        cells.append(_cell_err(item.raw_measure, mea, "measure", item.page))
        total += 1
        left = row.cells[hit[1] - 1] if row and hit and hit[1] > 0 else None
        got = mark_of(left.text, left.drawn) if left else None
        if got == item.mark:
            right += 1
        else:
            seen = f"{text_key(left.text)!r}/{left.drawn!r}" if left else "no cell aligned"
            errors.append(f"p{item.page} want {item.mark} got {got} ({seen}) [{item.measure[:30]}]")
    return OcrScore(cells, right, total, errors)


def cer(cells: list[CellErr], nfkc: bool = False) -> float | None:
    if nfkc:
        n, d = sum(c.len_nfkc for c in cells), sum(c.dist_nfkc for c in cells)
    else:
        n, d = sum(len(c.truth) for c in cells), sum(c.dist for c in cells)
    return d / n if n else None


def confusions(cells: list[CellErr]) -> list[tuple[str, str, int]]:
    """The commonest character edits (truth char, read char; "" for a dropped/added one)."""
    from collections import Counter

    count: Counter[tuple[str, str]] = Counter()
    for c in cells:
        if c.ocr is None or not c.dist:
            continue
        for op in Levenshtein.editops(c.truth, c.ocr):
            a = c.truth[op.src_pos] if op.tag != "insert" else ""
            b = c.ocr[op.dest_pos] if op.tag != "delete" else ""
            count[(a, b)] += 1
    return [(a, b, n) for (a, b), n in count.most_common(20)]
