"""The cover: 資料 number, 件名, legal basis (要綱/条例, 【報告】, ◇provisions) and 担当部課.

facts = map_cover(ctx)
facts.title -> "5歳児健康診査の実施に伴う健康管理システムの改修等について"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from models.record import Basis, Department, Meeting
from pipeline.map_context import MapContext
from pipeline.pairs import region_pairs
from pipeline.provisions import find_references, parse_provisions
from pipeline.text import fix_ocr_numbers, normalize_text, strip_label, strip_ocr_edge_junk
from pipeline.tokenize import split_department
from pipeline.units import Unit, compact, refs_to_units
from pipeline.wareki import parse_date, parse_prior_approvals

# The cover's 資料 number alone on its line (compact key): 資料23, (資料1), 【資料２】, 資料No.3,
# 資料第4号, 資料3-1, 議題1-資料2. Kept as printed without its enclosing bracket.
_MATERIAL = re.compile(
    r"^[(\[【〔<《]?(?P<no>(?:議題|案件)?\d{0,3}[-‐ー一]?資料(?:No\.?|NO\.?|no\.?|番号)?第?"
    r"\d{1,3}(?:[-‐ー一]\d{1,3})*号?)[)\]】〕>》]?$"
)
_DEPT = re.compile(
    r"(?:[【\[(]担当(?:部課|部局|部署|課)?[】\])]|"
    r"(?:担当|所管)(?:部課|部局|部署|課)?名?[:：]|"
    # （担当部課　教育委員会…）: inside a bracket the label needs no colon
    r"(?<=[(（])(?:担当|所管)(?:部課|部局|部署|課)名?(?=[^:：)）]))(?P<raw>[^)）]+)"
)
# what may follow the department on its line: a contact (電話 / TEL / 内線 / a phone number)
_CONTACT = re.compile(r"(?:電話|TEL|Tel|tel|内線|☎|連絡先|\d{2,5}-\d{2,4}-?\d{0,4}).*$")


# 【報告】, also as OCR reads its brackets (〔報告 / [報告]).
_REPORT = re.compile(r"[【〔\[(]報告[】〕\])]?(?!書|事項|内容)")


@dataclass
class CoverFacts:
    material_no: str | None = None
    meeting: Meeting | None = None
    title: str | None = None
    basis: Basis = field(default_factory=Basis)
    department: Department = field(default_factory=Department)


def cover_units(ctx: MapContext) -> list[Unit]:
    """Units of the cover region (none for a fragment)."""
    return [u for r in ctx.seg.regions_of("cover") for u in ctx.units(r)]


def map_cover(ctx: MapContext) -> CoverFacts:
    units = cover_units(ctx)
    facts = CoverFacts()
    if not units:
        return facts
    facts.material_no = _material_no(ctx, units)
    facts.meeting = _meeting(ctx, units) or _packet_meeting(ctx)
    facts.title = _title(ctx, units)
    text = "\n".join(u.text for u in units)
    key = compact(text)
    instrument = basis_instrument(text)
    facts.basis = Basis(
        instrument=instrument, report=bool(_REPORT.search(key)), provisions=parse_provisions(text)
    )
    if facts.basis.provisions or instrument:
        u = next((u for u in units if "根拠" in u.key or u.key.startswith("◇")), units[0])
        ctx.prov("basis", u.page, u.bbox)
    found = _department(units)
    if found:
        raw, u = found
        facts.department = split_department(raw)
        ctx.prov("department", u.page, u.bbox)
    return facts


_INSTRUMENT_LABEL = re.compile(
    r"(?P<a>要綱|条例)(?:上|における)?の?根拠|根拠(?:となる|の)?(?P<b>要綱|条例)(?!の一部)"
)
# 根拠：○○市個人情報保護条例第10条 / 根拠規定 … 要綱第4条: a 根拠 label naming the instrument
_INSTRUMENT_NAMED = re.compile(r"根拠[^:：。]{0,6}[:：][^。]{0,40}?(?P<c>要綱|条例)(?=第|\(|$)")


def basis_instrument(text: str) -> Literal["要綱", "条例"] | None:
    """要綱 or 条例 from the cover's basis wording: 要綱の根拠 / 条例の根拠 (the seeds), 根拠条例,
    条例上の根拠, or a 根拠： line naming it (根拠：○○市個人情報保護条例第10条); None otherwise."""
    lines = [compact(ln) for ln in (text or "").splitlines()]
    for key in lines:
        if "要綱の根拠" in key:
            return "要綱"
    for key in lines:
        if "条例の根拠" in key:
            return "条例"
    for key in lines:
        m = _INSTRUMENT_LABEL.search(key) or _INSTRUMENT_NAMED.search(key)
        if m:
            word = m.group(m.lastgroup or "a")
            return "要綱" if word == "要綱" else "条例"
    return None


def _department(units: list[Unit]) -> tuple[str, Unit] | None:
    """The department printed on a cover line (（担当部課：…）, 担当：…, 【担当】…, 所管：…),
    without a contact that follows it (電話 / 内線 / a phone number)."""
    for u in units:
        whole = compact(u.text)
        m = _DEPT.search(whole)
        if m and whole[max(0, m.start() - 1) : m.start()] in ("(", "（"):
            lines = [u.text]  # （担当部課：… wrapped …）: the bracket closes it
        else:
            lines = u.text.splitlines() or [u.text]
        for line in lines:
            m = _DEPT.search(compact(line))
            if m:
                raw = _CONTACT.sub("", m.group("raw")).rstrip("(（[【")
                if raw:
                    return raw, u
    return None


def material_number(key: str) -> str | None:
    """The 資料 number a line consisting of it prints: ``"【資料２】"`` -> ``"資料2"``,
    ``"資料No.3"`` -> ``"資料No.3"``, ``"資料12一1"`` (OCR) -> ``"資料12-1"``; None for other lines."""
    m = _MATERIAL.match(compact(key))
    if not m:
        return None
    no = m.group("no")
    if re.fullmatch(r"資料[\d\-‐ー一]+", no):
        refs = find_references(no)  # the reference form: OCR's 一 between digits is a dash
        return refs[0] if refs else None
    return re.sub(r"(?<=\d)[‐ー一](?=\d|資料)", "-", no)


def _material_no(ctx: MapContext, units: list[Unit]) -> str | None:
    for u in units:
        no = material_number(u.key) if u.kind == "line" else None
        if no:
            ctx.prov("material_no", u.page, u.bbox)
            return no
    return None


def _meeting(ctx: MapContext, units: list[Unit]) -> Meeting | None:
    """A cover line that only names a meeting (令和5年度第9回新宿区個人情報保護管理運営会議 [date])."""
    for u in units:
        if u.kind != "line" or "回" not in u.key:
            continue
        found = parse_prior_approvals(u.text)
        if len(found) != 1:
            continue
        rest = u.key.replace(strip_label(found[0].raw), "", 1)
        date = parse_date(rest) if rest else None
        if rest and not date:
            continue  # a sentence mentioning a meeting, not the meeting's own line
        ctx.prov("meeting", u.page, u.bbox)
        a = found[0]
        return Meeting(council=a.council, fiscal_year=a.fiscal_year, session=a.session, date=date)
    return None


# The packet's heading: 令和8年度第2回北浦市個人情報保護審査会 次第 (or 議題 / 会議次第 / 会議資料).
_PACKET_WORD = re.compile(r"(?:会議)?(?:次第|議題|議事日程|資料)$")
# Its date line: 日時 令和8年7月16日(木)午後2時から / 開催日：…
_DATE_LABEL = re.compile(r"^(?:日時|開催日時?|日程|期日)[:：]?")


def _packet_meeting(ctx: MapContext) -> Meeting | None:
    """The meeting a packet's own first pages name (its 次第: the meeting's name with 次第,
    then 日時 …): every submission of the packet went to it."""
    units = refs_to_units(ctx.layout, ctx.seg.packet_refs)
    for i, u in enumerate(units):
        if "回" not in u.key or not _PACKET_WORD.search(u.key):
            continue
        found = parse_prior_approvals(_PACKET_WORD.sub("", u.key))
        if len(found) != 1:
            continue
        date = None
        for v in units[i + 1 : i + 4]:
            if _DATE_LABEL.match(v.key):
                date = parse_date(_DATE_LABEL.sub("", v.key))
                break
        ctx.prov("meeting", u.page, u.bbox)
        a = found[0]
        return Meeting(council=a.council, fiscal_year=a.fiscal_year, session=a.session, date=date)
    return None


def _title(ctx: MapContext, units: list[Unit]) -> str | None:
    for p in region_pairs(units, "cover"):
        if compact(p.label) == "件名":
            value = normalize_text(p.raw_value)
            if value and p.confidence is not None:
                value, junk = strip_ocr_edge_junk(fix_ocr_numbers(value))
                if junk:
                    ctx.warn("ocr_suspect", f"件名: dropped OCR edge junk 「{junk}」", p.page)
            if value:
                ctx.prov_pair("title", p)
                return value
    # A 件名 label alone on its line: the value is the next non-empty unit.
    for i, u in enumerate(units):
        if u.key == "件名" and i + 1 < len(units):
            nxt = units[i + 1]
            ctx.prov("title", nxt.page, nxt.bbox)
            return normalize_text(nxt.text)
    return _title_of_unlabelled_row(ctx, units)


def _title_of_unlabelled_row(ctx: MapContext, units: list[Unit]) -> str | None:
    """The cover's only label/value row, its label unreadable (a scan lost 件　名): its value is
    the title. Said with a warning; a cover with several such rows gives no title."""
    rows = [u for u in units if u.kind == "row" and len(u.cells) >= 2]
    if len(rows) != 1 or len(compact(rows[0].cells[0].text)) > 2:
        return None
    row = rows[0]
    value = normalize_text("\n".join(c.text for c in row.cells[1:]))
    if not value:
        return None
    ctx.warn(
        "title_label_unread",
        "the cover's 件名 label is unreadable; its one row read as the title",
        row.page,
    )
    ctx.prov("title", row.page, row.bbox)
    return value
