"""和暦 and western dates, fiscal years, periods, schedules and prior approvals.

``parse_date("令和８年３月１日") -> "2026-03-01"``; ``parse_fiscal_year("令和5年度") -> 2023``.
All parsers take raw cell text (line breaks kept) and normalise it themselves.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from models.record import Period, PriorApproval, ScheduleEntry
from pipeline.text import bracket_depths, nfkc, normalize_text

ERAS: dict[str, int] = {"令和": 2019, "平成": 1989, "昭和": 1926, "大正": 1912, "明治": 1868}
_ERA_ABBR = {"R": "令和", "H": "平成", "S": "昭和", "令": "令和", "平": "平成", "昭": "昭和"}
_KANJI_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_KNUM = "[〇零一二三四五六七八九十]{1,4}"
_NUM = rf"(?:\d{{1,2}}|{_KNUM})"
_SP = r"[ \t\u3000]*"  # spaces inside a date (pdftotext spacing); no line breaks
_ERA_RE = "|".join(ERAS)

# 日 as OCR misreads it after a day number (31旭, 1曰): still the day.
_DAY = "[日曰旭]"
# An era, also abbreviated: R8年 / H31.4.1 (latin, not inside a word) and 令8年 / 平31.4.1 (one
# kanji right before the year, not inside a word: 法令8年 is no date).
_ERA_ANY = rf"(?:{_ERA_RE}|(?<![A-Za-z])[RHS](?=\d|元)|(?<![\u4e00-\u9fff])[令平昭](?=\d|元))"
_DATE_RE = re.compile(
    rf"(?P<era>{_ERA_ANY}){_SP}(?P<ey>元|{_NUM}){_SP}年(?!{_SP}度)"
    rf"(?:{_SP}(?P<em>{_NUM}){_SP}月(?:{_SP}(?P<ed>{_NUM}){_SP}{_DAY})?)?"
    rf"|(?P<wy>(?:18|19|20)\d\d){_SP}年(?!{_SP}度)"
    rf"(?:{_SP}(?P<wm>\d{{1,2}}){_SP}月(?:{_SP}(?P<wd>\d{{1,2}}){_SP}{_DAY})?)?"
    rf"|(?<![\d.\-/])(?P<sy>(?:19|20)\d\d)(?P<sep>[/.])(?P<sm>\d{{1,2}})(?:(?P=sep)(?P<sd>\d{{1,2}}))?(?![\d])"
    # R8.4.1 / 令和8/4/1 / 令8.4.1: an era with a dotted or slashed date
    rf"|(?P<ab>{_ERA_ANY})(?P<aby>元|\d{{1,2}})(?P<asep>[./])(?P<abm>\d{{1,2}})(?:(?P=asep)(?P<abd>\d{{1,2}}))?(?!\d)"
    # 9年3月31日 after 令和8年4月1日から: the era is not repeated (the year comes from before)
    rf"|(?<![\d.\-/年度])(?P<ny>\d{{1,2}}|{_KNUM}){_SP}年(?!{_SP}度)(?={_SP}(?:\d{{1,2}}|{_KNUM}){_SP}月)"
    rf"{_SP}(?P<nm>\d{{1,2}}|{_KNUM}){_SP}月(?:{_SP}(?P<nd>\d{{1,2}}|{_KNUM}){_SP}{_DAY})?"
    rf"|(?P<same>同年{_SP})?(?<![\d.])(?P<pm>\d{{1,2}}|{_KNUM}){_SP}月(?:{_SP}(?P<pd>\d{{1,2}}|{_KNUM}){_SP}日)?"
)


def era_base(name: str) -> int | None:
    """The western year before an era's first: ``"令和"`` / ``"R"`` / ``"令"`` -> 2018."""
    full = _ERA_ABBR.get(name, name)
    return ERAS[full] - 1 if full in ERAS else None


@dataclass
class DateMatch:
    """One date found in a text; ``year`` is None for a partial date (``4月``)."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    era_base: int | None = None  # set when the date names its era (令和 -> 2018)
    rel_year: int | None = None  # 9年3月31日 printed without its era: the era's year number

    def iso(self) -> str | None:
        if self.year is None or self.month is None:
            return None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def kanji_to_int(s: str) -> int | None:
    """``"12"`` / ``"十二"`` / ``"二十"`` / ``"元"`` -> int (None when not a number)."""
    if s == "元":
        return 1
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = _KANJI_DIGITS.get(head, None) if head else 1
        ones = _KANJI_DIGITS.get(tail, None) if tail else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    value = 0
    for ch in s:
        if ch not in _KANJI_DIGITS:
            return None
        value = value * 10 + _KANJI_DIGITS[ch]
    return value


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        if month is None:
            return False
        try:
            _dt.date(year or 2000, month, day)
        except ValueError:
            return False
    return True


def _to_match(m: re.Match[str]) -> DateMatch | None:
    g = m.groupdict()
    year: int | None
    base = rel = None
    if g["era"] or g["ab"]:
        base = era_base(g["era"] or g["ab"])
        n = kanji_to_int(g["ey"] or g["aby"])
        year = None if n is None or n < 1 or base is None else base + n
        month, day = (g["em"], g["ed"]) if g["era"] else (g["abm"], g["abd"])
        if year is None:
            return None
    elif g["wy"]:
        year, month, day = int(g["wy"]), g["wm"], g["wd"]
    elif g["sy"]:
        year, month, day = int(g["sy"]), g["sm"], g["sd"]
    elif g["ny"]:
        year, rel, month, day = None, kanji_to_int(g["ny"]), g["nm"], g["nd"]
        if not rel:
            return None
    else:
        year, month, day = None, g["pm"], g["pd"]
    mo = kanji_to_int(month) if month else None
    da = kanji_to_int(day) if day else None
    if (month and mo is None) or (day and da is None):
        return None
    if not _valid(year, mo, da):
        return None
    return DateMatch(m.start(), m.end(), year, mo, da, era_base=base, rel_year=rel)


def find_dates(s: str) -> list[DateMatch]:
    """Every date in NFKC text ``s`` in order, partial ones (``4月``, ``同年6月``) included.

    A partial date inherits nothing here; callers decide (see ``_inherit``).
    """
    out = []
    for m in _DATE_RE.finditer(s):
        dm = _to_match(m)
        if dm is not None:
            out.append(dm)
    return out


def _inherit(prev: DateMatch | None, dm: DateMatch) -> DateMatch:
    if dm.year is None and prev is not None and prev.year is not None:
        if dm.rel_year is not None:  # 令和8年…から9年3月31日: the era of the date before
            if prev.era_base is None:
                return dm
            year = prev.era_base + dm.rel_year
            return DateMatch(dm.start, dm.end, year, dm.month, dm.day, era_base=prev.era_base)
        year = prev.year
        # 令和6年12月1日から1月31日まで: a month earlier than the start rolls over.
        if prev.month is not None and dm.month is not None and dm.month < prev.month:
            year += 1
        return DateMatch(dm.start, dm.end, year, dm.month, dm.day, era_base=prev.era_base)
    return dm


def parse_date(s: str) -> str | None:
    """First full date (with at least a month) in ``s`` as ISO: ``"令和元年5月1日" -> "2019-05-01"``."""
    if not s:
        return None
    for dm in find_dates(nfkc(s)):
        iso = dm.iso()
        if iso is not None:
            return iso
    return None


_FY_RE = re.compile(
    rf"(?:(?P<era>{_ERA_ANY}){_SP}(?P<ey>元|{_NUM})|(?P<wy>(?:19|20)\d\d)){_SP}年{_SP}度"
)


def parse_fiscal_year(s: str) -> int | None:
    """First 年度 in ``s`` as the western year it starts in: ``"令和5年度" -> 2023``."""
    if not s:
        return None
    m = _FY_RE.search(nfkc(s))
    if not m:
        return None
    if m.group("wy"):
        return int(m.group("wy"))
    n = kanji_to_int(m.group("ey"))
    base = era_base(m.group("era"))
    return None if n is None or n < 1 or base is None else base + n


# --- periods -------------------------------------------------------------------

_RECURRING = re.compile(
    r"次年度以降も|翌年度以降も|以降も?[、,]?\s*同様|継続して|毎年度|引き続き同様"
    # 令和9年度以降も継続予定 / 以降も引き続き / 年度ごとに…継続: a later year named, same work
    r"|年度以降も[、,]?\s*(?:継続|引き続き)|以降も[、,]?\s*引き続き|年度ごとに[^。]{0,20}継続"
    # 以降、選挙の執行ごとに同様の業務委託を行う: the same work again, at each occasion
    r"|以降[、,][^。]{0,24}ごとに[^。]{0,12}同様"
)
_NOTE = re.compile(r"※[^\n]*")
# 上旬 / 中旬 / 下旬 / 初旬 (a part of a month) or 末 may end a date before its connector.
_PART = r"(?:上旬|中旬|下旬|初旬|末)"
# a short bracketed note may sit between a date and its connector: 令和8年4月1日(契約締結日)から
_CONNECT = re.compile(
    rf"^\s*{_PART}?\s*(?:ごろ|頃)?\s*(?:\([^()]{{1,15}}\))?\s*(?:から|より|～|~|〜|-|―|−|ー|‐|–|—)\s*$"
)
_APPROX = re.compile(r"ごろ|頃|程度|上旬|中旬|下旬|初旬")
# 予定 right after a period, in brackets or not, also after an open end's から/以降:
# ``令和7年10月1日から(予定)``, ``…まで 予定``, ``…以降の予定``.
_PLANNED_AFTER = re.compile(
    r"\s*(?:から|より|以降|以後|～|~|〜)?\s*(?:の)?\s*[(\[【]?\s*(?:実施)?予定"
)
_ITEM_MARK = re.compile(r"(?:^|\s)(?:\d{1,2}|\(\d{1,2}\)|[①-⑳])[\s.、)]*(?=\S)")


def is_recurring(s: str) -> bool:
    """True for 次年度以降も… / 以降、同様の… / 継続して… (an automatic renewal is not)."""
    return bool(_RECURRING.search(_NOTE.sub("", nfkc(s or ""))))


def _period_label(segment: str, first: bool) -> str | None:
    """The label printed before a period: ``"1 再構築 "`` -> ``再構築`` (numbering dropped)."""
    marks = list(_ITEM_MARK.finditer(segment))
    if marks:
        raw = segment[marks[-1].end() :]
    elif first:
        raw = segment
    elif re.search(r"[\n\u3000]", segment.rstrip()):
        # a later period's label starts its own line / block: ``…まで\n保守　令和…``
        raw = re.split(r"[\n\u3000]", segment.rstrip())[-1]
    else:
        return None
    label = normalize_text(raw.strip(" :：・-"))
    if not label or len(label) > 20 or "。" in label or re.search(r"予定|以降|同様", label):
        return None
    if re.search(r"(?:から|より|～|~|〜)$", label):
        return None  # 契約締結日から…: the start is an event, not a label
    return label.strip("()") or None


@dataclass
class _Span:
    start: DateMatch | None
    end: DateMatch | None
    a: int  # text offsets of the whole printed period (から…まで, ごろ included)
    b: int


def _period_spans(text: str) -> list[_Span]:
    """Pair dates into ranges (``A から B まで``); a lone date is a start, or an end before まで."""
    dates = [d for d in find_dates(text) if d.month is not None]
    spans: list[_Span] = []
    i, prev = 0, None
    while i < len(dates):
        start = _inherit(prev, dates[i])
        end: DateMatch | None = None
        if i + 1 < len(dates) and _CONNECT.match(text[start.end : dates[i + 1].start]):
            end = _inherit(start, dates[i + 1])
            i += 1
        i += 1
        if start.year is None:
            continue  # a bare 4月 with nothing to inherit from is not a period
        last = end or start
        tail = re.match(rf"\s*{_PART}?\s*(?:ごろ|頃)?\s*(?:まで|迄)?", text[last.end :])
        stop = last.end + (tail.end() if tail else 0)
        if end is None and re.search(r"まで|迄", text[start.end : stop]):
            spans.append(_Span(None, start, start.start, stop))  # 令和7年3月31日まで: an end only
        else:
            spans.append(_Span(start, end, start.start, stop))
        prev = last
    return spans


# 令和8年4月1日から5年間 / 契約締結日から1年間: an end given as a length of time
_DURATION = re.compile(
    r"(?:から|より)\s*(?:起算して)?\s*(?P<d>(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*"
    r"(?:年間|[かヶカケ箇ヵ]月間?|日間|週間))"
)


def period_duration(s: str) -> str | None:
    """The length an open period runs for (``"…から5年間"`` -> ``"5年間"``), else None.

    SCHEMA has no duration field: the period keeps its start and no end (an end is never
    computed), and the caller says in a warning that the end was given as a duration.
    """
    m = _DURATION.search(nfkc(s or ""))
    return re.sub(r"\s+", "", m.group("d")) if m else None


# A space or line break between two hiragana inside a period cell is layout (or OCR), never a word
# boundary: 6月ご ろから, か\nら(予定).
_KANA_GAP = re.compile(r"(?<=[ぁ-ゖ])[ \t\u3000\n]+(?=[ぁ-ゖ])")


def parse_periods(s: str) -> tuple[list[Period], bool]:
    """Periods printed in a 開始時期 cell, and whether the cell says it recurs.

    ``parse_periods("令和8年4月1日から令和8年12月31日ごろまで(次年度以降も、…)")``
    -> ``([Period(start="2026-04-01", end="2026-12-31", approximate=True)], True)``
    """
    if not s:
        return [], False
    text = _KANA_GAP.sub("", _NOTE.sub("", nfkc(s)))  # ご ろ / か ら: a layout gap
    spans = _period_spans(text)
    if not spans:
        return _fiscal_year_periods(text), is_recurring(text)
    periods = []
    for k, sp in enumerate(spans):
        prev_end = spans[k - 1].b if k else 0
        nxt = spans[k + 1].a if k + 1 < len(spans) else len(text)
        after = text[sp.b : nxt]
        if k + 1 < len(spans) and (m := _ITEM_MARK.search(after)):
            after = after[: m.start()]  # the next period's numbering and label
        periods.append(
            Period(
                label=_period_label(text[prev_end : sp.a], first=(k == 0)),
                start=sp.start.iso() if sp.start else None,
                end=sp.end.iso() if sp.end else None,
                approximate=bool(_APPROX.search(text[sp.a : sp.b])),
                planned="予定" in text[sp.a : sp.b] or bool(_PLANNED_AFTER.match(after)),
            )
        )
    return periods, is_recurring(text)


_FY_CONNECT = re.compile(r"^\s*(?:から|より|～|~|〜|-)\s*$")


def _fiscal_year_periods(text: str) -> list[Period]:
    """A period given only in fiscal years (``令和8年度から``, ``令和8年度～令和10年度``): each
    年度 is its western starting year (SCHEMA.md: 令和5年度 -> 2023)."""
    years = [(m, parse_fiscal_year(m.group(0))) for m in _FY_RE.finditer(text)]
    years = [(m, y) for m, y in years if y is not None]
    if not years:
        return []
    first, start = years[0]
    end = None
    if len(years) > 1 and _FY_CONNECT.match(text[first.end() : years[1][0].start()]):
        end = years[1][1]
    last = years[1][0] if end is not None else first
    tail = text[last.end() :]
    if end is None and re.match(r"\s*(?:末|中|内)?\s*(?:まで|迄)", tail):
        start, end = None, start  # 令和8年度末まで: an end only
    return [
        Period(
            label=None,
            start=str(start) if start else None,
            end=str(end) if end else None,
            approximate=bool(_APPROX.match(tail.lstrip())),
            planned=bool(
                _PLANNED_AFTER.match(tail)
                or re.match(r"\s*(?:中|内|末)?\s*に?\s*[(\[【]?\s*(?:実施)?予定", tail)
            ),
        )
    ]


# --- schedule ------------------------------------------------------------------

_RANGE_TAIL = re.compile(
    rf"{_SP}(?:～|~|〜|-|―|−|から){_SP}(?:(?:{_ERA_RE}){_SP}(?:元|{_NUM}){_SP}年{_SP})?"
    rf"{_NUM}{_SP}月(?:{_SP}{_NUM}{_SP}日)?(?:{_SP}まで)?"
)
_DATE_TAIL = re.compile(rf"{_SP}(?:以降|以後|ごろ|頃|上旬|中旬|下旬|末(?=\s|$))|{_SP}(?:～|~|〜)")
_BULLETS = " :：・、\n･•●○◦-"
# 開発：令和8年4月 — the milestone printed before its date, one per line
_MILESTONE_FIRST = re.compile(
    r"^\s*[・･•●○◦-]?\s*(?P<m>[^\d:：]{1,20}?)\s*[:：]\s*(?P<d>\S.*?)\s*$"
)


_RUNNING_TEXT = re.compile(r"(?:は|が|を|に|で|と|も|の|より|から|及び|並びに|又は)$")


def _entry_starts(text: str) -> list[tuple[DateMatch, int]]:
    """Dates that begin a schedule entry: any full date outside brackets, except one that
    continues running text (``…は令和3年4月に…``). Works on text whose spaces were lost."""
    depths = bracket_depths(text)
    out: list[tuple[DateMatch, int]] = []
    for dm in find_dates(text):
        if dm.year is None or dm.month is None or depths[dm.start] > 0:
            continue
        if out and dm.start < out[-1][1]:
            continue  # inside the previous entry's range (3月～令和3年4月)
        if _RUNNING_TEXT.search(text[max(0, dm.start - 3) : dm.start]):
            continue
        end = dm.end
        if m := _RANGE_TAIL.match(text, end):
            end = m.end()
        if m := _DATE_TAIL.match(text, end):
            end = m.end()
        out.append((dm, end))
    return out


def parse_schedule(s: str) -> list[ScheduleEntry]:
    """One entry per printed date: ``"令和8年3月 開発\\n令和8年4月 テスト"`` -> 2 entries.

    A month range (``3月～4月``) gives its first month; 以降 / ごろ after the date belong
    to the date; the milestone is the rest up to the next date (wrapped lines joined).
    """
    if not s:
        return []
    text = nfkc(s)
    by_line = _milestone_first(text) or _fiscal_year_lines(text)
    if by_line:
        return by_line
    starts = _entry_starts(text)
    entries: list[ScheduleEntry] = []
    head = normalize_text((text[: starts[0][0].start] if starts else text).strip(_BULLETS))
    if head:
        entries.append(ScheduleEntry(date=None, milestone=head))
    for k, (dm, end) in enumerate(starts):
        stop = starts[k + 1][0].start if k + 1 < len(starts) else len(text)
        milestone = normalize_text(text[end:stop].strip(_BULLETS))
        entries.append(ScheduleEntry(date=dm.iso(), milestone=milestone))
    return entries


def _milestone_first(text: str) -> list[ScheduleEntry]:
    """``開発：令和8年4月 / 稼働：令和8年10月`` (every line ``milestone：date``) -> entries."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    out = []
    for ln in lines:
        m = _MILESTONE_FIRST.match(ln)
        dates = find_dates(m.group("d")) if m else []
        if not m or not dates or dates[0].start > 0 or dates[0].iso() is None:
            return []
        out.append(ScheduleEntry(date=dates[0].iso(), milestone=normalize_text(m.group("m"))))
    return out


def _fiscal_year_lines(text: str) -> list[ScheduleEntry]:
    """``令和8年度 開発`` lines (a schedule given in fiscal years only) -> date ``2026``."""
    if any(d.iso() for d in find_dates(text)):
        return []
    out = []
    for ln in (x for x in text.splitlines() if x.strip()):
        m = _FY_RE.search(ln)
        if not m or ln[: m.start()].strip(_BULLETS):
            return []
        year = parse_fiscal_year(m.group(0))
        rest = normalize_text(ln[m.end() :].strip(_BULLETS))
        out.append(ScheduleEntry(date=str(year) if year else None, milestone=rest))
    return out


# --- prior approvals -------------------------------------------------------------

KNOWN_COUNCILS = (
    "情報公開・個人情報保護審議会",
    "個人情報保護管理運営会議",
    "個人情報保護審議会",
    "個人情報保護審査会",
    "情報公開審議会",
)
_APPROVAL_HEAD = re.compile(
    rf"(?P<era>{_ERA_ANY})(?P<ey>元|\d{{1,2}}|{_KNUM})年(?P<do>度)?第(?P<n>\d{{1,3}}|{_KNUM})回"
)
_COUNCIL_BODY = re.compile(
    rf"(?:(?!{_ERA_RE}|第\d)[^、。()「」\s]){{0,30}}?(?:会議|審議会|審査会|委員会)"
)
_APPROVAL_JOIN = re.compile(r"^(?:と|及び|および|並びに|、|・|,)$")
# A municipality (…市/区/町/村, optionally after its prefecture) or a prefecture alone (…県/都/府/道).
_CITY_PREFIX = re.compile(
    r"^(?:[^\s]{1,4}?[都道府県](?![都道府県市区町村])(?:[^\s]{1,5}?[市区町村])?|[^\s]{1,5}?[市区町村])(?=[^\s]{4,}$)"
)


# Where a council's own name starts after its municipality: 情報公開・… / 個人情報… / …
_COUNCIL_CORE = re.compile(r"情報公開|(?:特定)?個人情報|プライバシー|行政情報|情報保護")
_MUNICIPAL_END = re.compile(r"(?:[都道府県市区町村]|広域連合|組合)$")


def canonical_council(body: str) -> str:
    """Council name without the city: ``"新宿区個人情報保護管理運営会議" -> "個人情報保護管理運営会議"``.

    An abbreviation that ends a known council name (``管理運営会議``) maps to the full name.
    """
    for known in KNOWN_COUNCILS:
        if body.endswith(known):
            # 若葉川市情報公開・個人情報保護審査会: the name goes on before the known one
            core = _COUNCIL_CORE.search(body)
            start = len(body) - len(known)
            if core and core.start() < start and _MUNICIPAL_END.search(body[: core.start()]):
                return body[core.start() :]
            return known
    for known in KNOWN_COUNCILS:
        if len(body) >= 4 and known.endswith(body):
            return known
    core = _COUNCIL_CORE.search(body)
    if core and (core.start() == 0 or _MUNICIPAL_END.search(body[: core.start()])):
        return body[core.start() :]  # 四日市市|個人情報保護運営審議会, 東村山市|…: at the core word
    return _CITY_PREFIX.sub("", body) or body


def _approval_councils(text: str, heads: list[re.Match[str]]) -> list[tuple[str, int] | None]:
    """(council body, end offset) for each head; ``A年度第2回と B年度第3回○○会議`` share one."""
    found: list[tuple[str, int] | None] = [None] * len(heads)
    for i in range(len(heads) - 1, -1, -1):
        body = _COUNCIL_BODY.match(text, heads[i].end())
        if body:
            found[i] = (body.group(0), body.end())
        elif i + 1 < len(heads) and _APPROVAL_JOIN.match(
            text[heads[i].end() : heads[i + 1].start()]
        ):
            found[i] = found[i + 1]
    return found


def parse_prior_approvals(s: str) -> list[PriorApproval]:
    """Every ``<era>N年度第M回<council>`` mention, one per (council, fiscal year, session).

    ``"令和5年度第9回新宿区個人情報保護管理運営会議承認済"`` -> raw
    ``"令和5年度第9回新宿区個人情報保護管理運営会議"``, council ``個人情報保護管理運営会議``,
    fiscal_year 2023, session 9. ``平成25年第1回…`` (no 度) reads the same way; when both
    forms name one approval, ``raw`` is the 年度 one (the legend's wording). A mention
    without a council name is kept only when joined (と/及び/、) to one that has it.
    """
    text = normalize_text(s) or ""
    heads = list(_APPROVAL_HEAD.finditer(text))
    out: list[PriorApproval] = []
    seen: dict[tuple[str, int | None, int | None], int] = {}
    for head, found in zip(heads, _approval_councils(text, heads), strict=True):
        if found is None:
            continue
        body, end = found
        n = kanji_to_int(head.group("ey"))
        base = era_base(head.group("era"))
        fy = base + n if n and base is not None else None
        session = kanji_to_int(head.group("n"))
        council = canonical_council(body)
        raw = text[head.start() : end]
        key = (council, fy, session)
        if key not in seen:
            seen[key] = len(out)
            out.append(PriorApproval(raw=raw, council=council, fiscal_year=fy, session=session))
        elif head.group("do") and "年度" not in out[seen[key]].raw:
            # 平成25年第1回… and 平成25年度第1回… name one approval: keep the 年度 wording
            out[seen[key]] = out[seen[key]].model_copy(update={"raw": raw})
    return out
