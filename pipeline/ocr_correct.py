"""Post-OCR correction: repair Tesseract's misreads that the dictionary or a known text decides.

    fix_katakana("保存先フォルダヘアクセス権")      -> "保存先フォルダへアクセス権"
    fix_katakana("バスワードを付す")                 -> "パスワードを付す"
    correct_to_reference("管理壮に記載させる。", "管理簿に記載させる。") -> "管理簿に記載させる。"
    fix_era("合和3年度第5回")                         -> "令和3年度第5回"
    correct_layout(layout)  # fix_katakana, fix_brackets, fix_era, correct_label_cell on OCR pages

Only text read by OCR is touched (pages with source="ocr"); the text layer is printed
text and is never rewritten. Both repairs change a character only when the result is
clearly better: a katakana run that is no dictionary word becomes one (or splits at a
hiragana へ into dictionary words), and a checklist measure is aligned with the standard
measure it matches and only short, well-anchored differences are taken from it.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from models.layout import Cell, DocumentLayout, Page, Span
from pipeline.tokenize import is_dictionary_word, normalized_key

# Katakana that OCR confuses with each other: (han)dakuten, small/large, and shapes.
_SWAPS: dict[str, str] = {}
_CONFUSED = (
    "ハバパ ヒビピ フブプ ヘベペ ホボポ カガ キギ クグ ケゲ コゴ サザ シジ スズ セゼ ソゾ タダ チヂ "
    "ツヅッ テデ トド ヤャ ユュ ヨョ アァ イィ ウゥヴ エェ オォ スヌ ソン シツ ワウ"
)
for _group in _CONFUSED.split():
    for _ch in _group:
        _SWAPS[_ch] = _SWAPS.get(_ch, "") + "".join(c for c in _group if c != _ch)
# A katakana ヘ inside a run may be the hiragana particle へ between two words.
_PARTICLE = {"ヘ": "へ"}
_KATA_RUN = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}")
_DOUBLE_HE = re.compile(r"[ヘへ]へ|へヘ")
_MAX_RUN = 24  # longer runs are left alone (cost: one lookup per substring)


@lru_cache(maxsize=8192)
def _word_cost(run: str) -> float:
    """Fewest dictionary words that spell ``run`` exactly (inf when none do); a word of one
    katakana counts twice (a lone ヘ or ロ is more often a misread than a word)."""
    n = len(run)
    best = [0.0] + [math.inf] * n
    for end in range(1, n + 1):
        for start in range(end):
            step = 2.0 if end - start == 1 else 1.0
            if best[start] + step < best[end] and is_dictionary_word(run[start:end]):
                best[end] = best[start] + step
    return best[n]


def _candidates(run: str) -> list[tuple[str, float, bool]]:
    """Runs one confusion away: (text, cost, is a へ split). A へ split costs one more word."""
    out: list[tuple[str, float, bool]] = []
    for i, ch in enumerate(run):
        for alt in _SWAPS.get(ch, ""):
            fixed = run[:i] + alt + run[i + 1 :]
            out.append((fixed, _word_cost(fixed), False))
        if ch in _PARTICLE and i > 0:
            left, right = run[:i], run[i + 1 :]
            cost = _word_cost(left) + (_word_cost(right) if right else 0.0) + 1
            out.append((left + _PARTICLE[ch] + right, cost, True))
    return out


def fix_katakana_run(run: str) -> str:
    """The run, or its one-confusion variant spelled by fewer dictionary words:
    ``"バスワード"`` (バス+ワード) -> ``"パスワード"``, ``"マイナンパー"`` -> ``"マイナンバー"``,
    ``"フォルダヘアクセス"`` -> ``"フォルダへアクセス"``. A tie with what was read keeps it;
    a tie between two repairs keeps it too, unless one is the particle へ."""
    if len(run) > _MAX_RUN or is_dictionary_word(run):
        return run
    own = _word_cost(run)
    form = normalized_key(run)  # ソフトウェア -> ソフトウエア is a spelling, not a misread
    cands = [c for c in _candidates(run) if c[1] < own and normalized_key(c[0]) != form]
    if not cands:
        return run
    low = min(c[1] for c in cands)
    winners = [c for c in cands if c[1] == low]
    particle = [c for c in winners if c[2]]
    if particle:
        return particle[0][0]
    texts = sorted({c[0] for c in winners})
    if len(texts) == 1:
        return texts[0]
    # Two spellings of one word (キャビネット / キヤビネツト): the standard one.
    forms = {normalized_key(t) for t in texts}
    standard = [t for t in texts if t in forms]
    return standard[0] if len(forms) == 1 and standard else run


def fix_katakana(text: str) -> str:
    """Every katakana run of ``text`` through `fix_katakana_run`; a particle へ read twice
    (``"ヘへ"``, ``"へへ"``) once."""
    for _ in range(2):  # a run may hold two misreads (フォルダヘアクセヌ)
        text = _KATA_RUN.sub(lambda m: fix_katakana_run(m.group()), text)
    return _DOUBLE_HE.sub("へ", text)


_LENTICULAR_NUMBER = re.compile(r"【\s*(\d{1,2})(?=[^\d\s】])(?!.*】)")
_LOST_OPENER = re.compile(r"^[^\[\]〔〕［］()（）【】「」、。\s]{2,30}】")
_WRONG_OPENER = re.compile(r"[\[〔［(（]([^\[\]〔〕［］()（）【】]{2,40})】")


def fix_brackets(line: str, open_before: bool = False) -> str:
    """Lenticular brackets OCR half-lost, in one line: ``"【2投票情報"`` -> ``"【2】投票情報"``
    (a numbered heading whose 】 was not read), ``"[督促対象者に係る情報項目】"`` ->
    ``"【督促対象者に係る情報項目】"`` (its 【 read as another opening bracket), and
    ``"督促対象者に係る情報項目】"`` -> ``"【…】"`` (its 【 lost) unless a 【 is still open
    from the lines before (``open_before``: the heading wraps)."""
    line = _LENTICULAR_NUMBER.sub(lambda m: f"【{m.group(1)}】", line)
    line = _WRONG_OPENER.sub(lambda m: f"【{m.group(1)}】", line)
    if not open_before and _LOST_OPENER.match(line):
        line = "【" + line
    return line


# An era name with one character misread, right before a year (合和3年度, 令利8年, 乎成25年):
# nothing else is printed there.
_ERA_BEFORE_YEAR = r"(?=\s*(?:[0-9０-９]{1,2}|元)\s*年)"
_ERA_MISREAD = (
    (re.compile(r"(?:[合今会]和|令[利私])" + _ERA_BEFORE_YEAR), "令和"),
    (re.compile(r"(?:[乎干]成|平[戊威])" + _ERA_BEFORE_YEAR), "平成"),
)


def fix_era(line: str) -> str:
    """``"合和3年度第5回"`` -> ``"令和3年度第5回"``: an era OCR misread before a year."""
    for pattern, era in _ERA_MISREAD:
        line = pattern.sub(era, line)
    return line


# A provision line "◇業務委託（第10条第2項）" whose ◇ OCR read as a kana or a symbol.
_BULLET_LINE = re.compile(
    r"^(?P<bullet>[\u3041-\u3096<>〈〉○〇◎◆◇・])\s*(?=[\u3400-\u9fff・、]{2,20}[(（]\s*第\s*[0-9０-９〇一二三四五六七八九十]+\s*条)"
)


def fix_bullet(line: str) -> str:
    """``"の業務委託(第10条第2項)"`` -> ``"◇業務委託(第10条第2項)"``: a provision line (a
    subject in kanji, then its article in brackets) starts with the ◇ OCR misread."""
    return _BULLET_LINE.sub("◇", line, count=1)


def correct_page(page: Page) -> Page:
    """The page with `fix_katakana` applied to every span of an OCR page (in place)."""
    if page.source != "ocr":
        return page
    lines = [ln for b in page.blocks for ln in b.lines]
    lines += [ln for t in page.tables for c in t.cells for ln in c.lines]
    for ln in lines:
        for sp in ln.spans:
            sp.text = fix_katakana(sp.text)
    for group in [b.lines for b in page.blocks] + [c.lines for t in page.tables for c in t.cells]:
        open_before = False
        for ln in group:
            read = ln.text
            fixed = fix_era(fix_bullet(fix_brackets(read, open_before)))
            if fixed != read:
                _rewrite_spans(ln.spans, read, fixed)
            open_before = fixed.count("【") > fixed.count("】") or (
                open_before and "】" not in fixed
            )
    for t in page.tables:
        for c in t.cells:
            correct_label_cell(c)
    for t in page.tables:
        for c in t.cells:
            if c.lines:
                c.text = "\n".join(ln.text for ln in c.lines)
    return page


def correct_layout(layout: DocumentLayout) -> DocumentLayout:
    """The layout with its OCR pages corrected (text-layer pages are returned as they are)."""
    for page in layout.pages:
        correct_page(page)
    return layout


# ---------------------------------------------------------------- against a known text

# Characters a document legitimately changes in a standard text: the municipality word
# and numbers. A difference there is the document's, not OCR's.
_OWN = set("区市町村都道府県0123456789０１２３４５６７８９")
_ADMIN = set("区市町村都道府県")
MIN_SIMILARITY = 0.85
ANCHOR = 3  # matching characters needed on both sides of a repaired difference


def correct_to_reference(text: str, reference: str) -> str:
    """``text`` (OCR) with its short misreads taken from ``reference`` (the standard text it
    was printed from): ``"管理壮"`` -> ``"管理簿"``, ``"人短守"`` -> ``"遵守"``.

    Only when the two are at least MIN_SIMILARITY alike; only differences of at most two
    characters on the reference side (three read), with ANCHOR matching characters on
    both sides; never a municipality word or a digit, never a difference at either end.
    """
    if not text or not reference:
        return text
    if Levenshtein.normalized_similarity(text, reference) < MIN_SIMILARITY:
        return text
    blocks = _blocks(text, reference)
    out: list[str] = []
    for k, (equal, src, dst) in enumerate(blocks):
        if equal or not _repairable(blocks, k, src, dst):
            out.append(src)
        else:
            out.append(dst)
    return "".join(out)


def _blocks(text: str, reference: str) -> list[tuple[bool, str, str]]:
    """The alignment as (equal?, text part, reference part), neighbouring edits merged."""
    out: list[tuple[bool, str, str]] = []
    for op in Levenshtein.opcodes(text, reference):
        src = text[op.src_start : op.src_end]
        dst = reference[op.dest_start : op.dest_end]
        equal = op.tag == "equal"
        if out and not equal and not out[-1][0]:
            out[-1] = (False, out[-1][1] + src, out[-1][2] + dst)
        else:
            out.append((equal, src, dst))
    return out


def _repairable(blocks: list[tuple[bool, str, str]], k: int, src: str, dst: str) -> bool:
    if k == len(blocks) - 1:
        return False  # never at the end: a value may be cut or run on there
    if k == 0:
        return _repairable_start(blocks, src, dst)
    before, after = blocks[k - 1][1], blocks[k + 1][1]
    if len(before) < ANCHOR or len(after) < ANCHOR:
        return False
    if len(dst) > 2 or len(src) > 3 or (set(src) | set(dst)) & _OWN:
        return False
    if after[0] in _ADMIN or (len(src) == len(dst) == 2 and is_dictionary_word(src)):
        return False  # a place name (若葉区 for 新宿区) or another word, not a misread
    if not src:
        return False  # a character OCR dropped may as well be one the document leaves out
    return bool(dst) or not _is_text(src)  # an extra glyph only when it is junk, not a word


def _repairable_start(blocks: list[tuple[bool, str, str]], src: str, dst: str) -> bool:
    """At the start only one character, before a long match: 妥約履行 / 約にあたり -> 契約…."""
    if len(blocks) < 2 or len(blocks[1][1]) < 2 * ANCHOR:
        return False
    return len(src) <= 1 and len(dst) == 1 and not (set(src) | set(dst)) & _OWN


def _is_text(s: str) -> bool:
    return bool(re.search(r"[\u3040-\u30ff\u3400-\u9fff]", s))


def _fix_tail(text: str, reference: str) -> str:
    """The end of a standard sentence: a glyph or two read after its closing 。 are junk
    (``"…防止する。思"``), a 。 too small for OCR is put back (``"…指導する"``), and its last
    character or two misread (``"…確認させとて誠"``) are taken from the standard text."""
    if not reference.endswith("。") or not text or text.endswith("。"):
        return text
    blocks = _blocks(text, reference)
    (eq, src, dst), before = blocks[-1], blocks[-2] if len(blocks) > 1 else (False, "", "")
    garbled = bool(re.search(r"[^\u3041-\u3096]", src))  # not the document's own kana ending
    if (
        not eq
        and garbled
        and len(src) <= 3
        and 0 < len(dst) <= 2
        and before[0]
        and len(before[1]) >= 2 * ANCHOR
    ):
        return text[: len(text) - len(src)] + dst  # the closing る。 read as 2 or とて誠
    end = text.rfind("。")
    if end >= 0 and len(text) - end - 1 <= 2 and text[: end + 1].endswith(reference[-ANCHOR - 1 :]):
        return text[: end + 1]
    return text + "。" if text.endswith(reference[-ANCHOR - 1 : -1]) else text


MEASURES = Path(__file__).parent / "catalogues" / "measures.json"


@lru_cache(maxsize=1)
def _standard_measures() -> tuple[str, ...]:
    data = json.loads(MEASURES.read_text(encoding="utf-8"))
    return tuple(v for k, vs in data.items() if not k.startswith("_") for v in vs)


def correct_measure(text: str) -> str:
    """An OCR'd checklist measure with its short misreads taken from the standard measure
    (catalogues/measures.json) it is printed from; a measure no standard text matches at
    MIN_SIMILARITY is returned as read."""
    if not text:
        return text
    scored = [(Levenshtein.normalized_similarity(text, v), v) for v in _standard_measures()]
    similarity, reference = max(scored)
    if similarity < MIN_SIMILARITY:
        return text
    return _fix_tail(correct_to_reference(text, reference), reference)


# ---------------------------------------------------------------- label cells

LABELS = Path(__file__).parent / "catalogues" / "labels.json"
MAX_LABEL = 60  # longer cells are values, not labels
_CLOSERS = set(")）]】」")


@lru_cache(maxsize=1)
def _standard_labels() -> tuple[str, ...]:
    data = json.loads(LABELS.read_text(encoding="utf-8"))
    out: set[str] = set()
    for scope, fields in data.items():
        if scope.startswith("_") or not isinstance(fields, dict):
            continue
        for name, variants in fields.items():
            if not name.startswith("_"):
                out.update(v for v in variants if isinstance(v, str))
    return tuple(sorted(out))


def correct_label(text: str) -> str:
    """A label cell read by OCR, repaired against the printed label it is one or two
    misreads away from (catalogues/labels.json): ``"区分「"`` -> ``"区分"``, ``"表-託理由"`` ->
    ``"委託理由"``, ``"情報保護対策(受託者"`` -> ``"情報保護対策(受託者)"``. A label
    that is not that close to one known label is returned as read."""
    read, text = text, re.sub(r"\s+", "", text)  # 件　　名: spacing is not a misread
    if not text or len(text) > MAX_LABEL or text in _standard_labels():
        return read
    core = _JUNK.sub("", text)  # a junk glyph is not a misread letter: 表-託理由 ~ 委託理由
    ranked = sorted((Levenshtein.distance(core, v), v) for v in _standard_labels())
    near = [v for d, v in ranked if d == ranked[0][0] and d <= _label_budget(v)]
    fits = [v for v in near if _label_fits(text, v)]
    if len(fits) == 1:
        return fits[0]
    fixed = _balanced_label(text)
    return fixed if fixed != text else read


def _label_fits(text: str, label: str) -> bool:
    blocks = _blocks(text, label)
    return all(eq or _label_edit(blocks, k) for k, (eq, _, _) in enumerate(blocks))


_JUNK = re.compile(r"[^\w()（）【】\[\]「」・、]")
_OPEN_CLOSE = {"(": ")", "（": "）", "【": "】", "[": "]"}
_LABEL_JUNK = "「『[{(（・、。,.-=|_'\"` "


def _balanced_label(text: str) -> str:
    """Generic repairs of a short label when they turn it into a label the catalogue
    knows (pipeline.labels.match_label): junk glyphs after it cut (``"区分「"``), the
    closing bracket OCR lost put back (``"情報保護対策(受託者"``)."""
    from pipeline.labels import match_label  # labels imports tokenize, as this module does

    fixed = text
    while fixed and fixed[-1] in _LABEL_JUNK:
        fixed = fixed[:-1]
    opener = max((fixed.rfind(o), o) for o in _OPEN_CLOSE)
    if opener[0] >= 0 and _OPEN_CLOSE[opener[1]] not in fixed[opener[0] :]:
        fixed += _OPEN_CLOSE[opener[1]]
    if fixed == text or not fixed:
        return text
    if text.rstrip()[-1] in "「『" and fixed == text.rstrip()[:-1]:
        return fixed  # an opening quote with nothing after it: always a misread
    known = any(match_label(fixed, scope).field for scope in ("cover", "overview", "section"))
    return fixed if known else text


def _label_budget(label: str) -> int:
    return 0 if len(label) <= 3 else 1 if len(label) <= 6 else 2 if len(label) <= 12 else 3


def _label_edit(blocks: list[tuple[bool, str, str]], k: int) -> bool:
    """Misreads a label may have: a junk glyph too many, a kanji read as one or two other
    glyphs, a closing bracket or the last two characters lost."""
    _, src, dst = blocks[k]
    if (set(src) | set(dst)) & _OWN:
        return False
    if not dst:
        return not _is_text(src)
    if not src:
        at_end = k == len(blocks) - 1
        return at_end and (set(dst) <= _CLOSERS or (len(dst) <= 2 and len(blocks[k - 1][1]) >= 6))
    return len(dst) == 1 and len(src) <= 2


def correct_label_cell(cell: Cell) -> None:
    """`correct_label` on a table cell, its lines' spans rewritten to match (in place)."""
    spans = [sp for ln in cell.lines for sp in ln.spans]
    read = "".join(sp.text for sp in spans)
    fixed = correct_label(read)
    if fixed != read:
        _rewrite_spans(spans, read, fixed)
        cell.text = "\n".join(ln.text for ln in cell.lines)


def _rewrite_spans(spans: list[Span], read: str, fixed: str) -> None:
    """Spread the edits turning ``read`` (the spans' joined text) into ``fixed`` over the
    spans: each edit goes to the span its first character is in, an insertion to the span
    of the character before it."""
    owner: list[int] = [i for i, sp in enumerate(spans) for _ in sp.text]
    parts = [""] * len(spans)
    for op in Levenshtein.opcodes(read, fixed):
        dst = fixed[op.dest_start : op.dest_end]
        if op.tag == "equal":
            for j in range(op.src_start, op.src_end):
                parts[owner[j]] += read[j]
            continue
        at = op.src_start if op.src_end > op.src_start else op.src_start - 1  # insert: after
        where = owner[min(max(at, 0), len(owner) - 1)] if owner else 0
        parts[where] += dst
    for sp, text in zip(spans, parts, strict=True):
        sp.text = text
