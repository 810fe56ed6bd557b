"""Helpers for the throwaway transcription scripts that write tests/golden/*.json from the seeds.

These scripts read the seed text (samples/seeds/*.txt, the documents' content), never the
pipeline. Scalar values are written by hand in each transcribe_*.py; the helpers only cut
long lists (checklist rows, record items, data items) and long cell texts out of the seed
and apply the golden text convention (NOTES.md):

- markup of the extraction (``<p>``, ``<ol …>``, ``<u>``, ``**``, ``<br>``) is a line break;
- NFKC; a whitespace run (space, tab, line break) is kept as ONE space only between two
  half-width latin letters/digits as printed, otherwise it is layout and disappears.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "samples" / "seeds"
GOLDEN = ROOT / "tests" / "golden"

_MARKUP = re.compile(r"<[^>]+>|\*\*")
_WS = re.compile(r"[ \t\r\n\u3000\u00a0]+")


def seed_lines(prefix: str) -> list[str]:
    """Lines of the seed whose file name starts with prefix, 1-based (index 0 is unused)."""
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return [""] + path.read_text(encoding="utf-8").split("\n")


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def norm(text: str | None) -> str | None:
    """Golden text form: ``norm("健康\\n管理 システム") -> "健康管理システム"``."""
    if text is None:
        return None
    raw = _MARKUP.sub("\n", text)
    parts = [p for p in _WS.split(raw) if p]
    out = ""
    for part in parts:
        if out and (_latin(out[-1]) or out[-1] in ",.;:!?%") and _latin(part[0]):
            out += " "
        out += part
    out = unicodedata.normalize("NFKC", out).strip()
    return out or None


def label(text: str) -> str:
    """A field label: NFKC, every whitespace and markup removed."""
    return _WS.sub("", unicodedata.normalize("NFKC", _MARKUP.sub("", text)))


def unmark(text: str) -> str:
    """The text without change-mark markup (for values)."""
    return text.replace("<u>", "").replace("</u>", "").replace("**", "")


def split_top(text: str, sep: str = "、") -> list[str]:
    """Split on sep outside brackets: ``"a(b、c)、d" -> ["a(b、c)", "d"]``."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "(（「":
            depth += 1
        elif ch in ")）」":
            depth -= 1
        if ch == sep and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [norm(x) for x in out if norm(x)]


def data_items(text: str) -> list[dict]:
    """``"住所、メールアドレス（任意）" -> [{"name": "住所", …}, {"name": "メールアドレス", "qualifier": "任意"}]``."""
    items = []
    for part in split_top(text):
        m = re.fullmatch(r"(.+?)\(([^()]*(?:\([^()]*\)[^()]*)*)\)", part)
        if m:
            items.append({"name": m.group(1), "qualifier": m.group(2)})
        else:
            items.append({"name": part, "qualifier": None})
    return items


def party(name: str | None, *certs: str, undecided: bool = False) -> dict:
    return {"name": name, "undecided": undecided, "certifications": list(certs)}


def period(start, end=None, label=None, approximate=False, planned=False) -> dict:
    return {"label": label, "start": start, "end": end, "approximate": approximate, "planned": planned}


def section(kind: str, **kw) -> dict:
    base = {
        "kind": kind,
        "title": None,
        "holding_divisions": [],
        "registered_business": None,
        "data_subjects": None,
        "data_items": [],
        "data_items_ref": None,
        "system": None,
        "reason": None,
        "content": None,
        "counterparty": None,
        "prime_contractor": None,
        "connection_method": None,
        "periods": [],
        "recurring": False,
        "schedule": [],
        "protection": {"ward": None, "contractor": None},
        "changed_fields": [],
        "fields": {},
        "pages": [],
    }
    unknown = set(kw) - set(base)
    assert not unknown, unknown
    base.update(kw)
    return base


# Catalogue keys (pipeline/catalogues/measures.json) by the measure's opening words, assigned
# by reading the catalogue's variants; a row holding two measures gets none (NOTES.md).
MEASURE_KEYS = [
    ("契約にあたり、「特記事項」", "special_terms"),
    ("個人情報保護法及び新宿区情報セキュリティポリシー", "comply_policy"),
    ("契約履行の間、特記事項に基づき立入り調査", "onsite_inspection"),
    ("必要に応じて、事業者への立入り調査", "onsite_inspection"),
    ("再委託先がある場合には", "subcontract_inspection"),
    ("システム上で不要となった電子データ", "delete_data"),
    ("業務開始前に、事故、災害", "incident_readiness"),
    ("事故が発生した場合又は個人情報保護", "incident_consult"),
    ("区のシステム機器設置場所", "machine_room_access"),
    ("プログラムの移行等", "media_control"),
    ("入力及び取込みテスト", "dummy_data"),
    ("実データを使用した検証作業", "real_data_by_staff"),
    ("モバイルパソコン等の電子計算組織", "mobile_pc"),
    ("データ項目定義の修正漏れ", "migration_plan"),
    ("取扱責任者及び取扱者をあらかじめ指定", "designate_handlers"),
    ("全体の業務フローを作成", "workflow"),
    ("区が作成した業務フローに基づき", "workflow"),
    ("取扱う個人情報の管理について", "management_check"),
    ("個人情報を含むデータを作成する必要が", "encrypt_data_handover"),
    ("個人情報を手交する場合", "carry_locked_bag"),
    ("個人情報の受渡しにあたって", "handover_ledger"),
    ("個人情報の受け渡しにあたって", "handover_ledger"),
    ("個人情報は、施錠できる金庫", "locked_storage"),
    ("業務履行後、個人情報が記録された", "return_and_erase"),
    ("接続するネットワークについては", "network_restrict"),
    ("ネットワーク機器やサーバを制御", "network_devices"),
    ("通信内容は暗号化", "encrypt_comm"),
    ("ファイアウォールの設置", "firewall"),
    ("コンピュータウイルス感染", "antivirus"),
    ("コンピューターウイルス感染", "antivirus"),
    ("コンピューターウィルス感染", "antivirus"),
    ("ID・パスワードやアドレス情報", "id_password"),
    ("個人情報を保存する場合は、保存先フォルダ", "access_control"),
    ("システム・ネットワークの状態", "monitoring_logs"),
    ("サーバ冗長化、バックアップ", "redundancy"),
    ("入退室管理等により情報資産", "entry_control"),
    ("システムを提供するサーバは日本国内", "domestic_server"),
]


def measure_key(measure: str) -> str | None:
    """Catalogue key of a standard measure; None for a row that holds two measures."""
    hits = [key for prefix, key in MEASURE_KEYS if measure.startswith(prefix)]
    assert len(hits) == 1, measure
    if any("。" + prefix in measure for prefix, _ in MEASURE_KEYS):
        return None
    return hits[0]


def row(checklist: str, party_: str, mtype: str, measure: str, mark: str, note: str | None = None) -> dict:
    return {
        "checklist": checklist,
        "party": party_,
        "measure_type": mtype,
        "measure": norm(measure),
        "measure_key": measure_key(norm(measure)),
        "mark": mark,
        "note": norm(note),
        "page": 0,
    }


MARKS = {"○": "applicable", "〇": "applicable", "◯": "applicable", '<input type="radio"/>': "applicable",
         "－": "not_applicable", "-": "not_applicable", "―": "not_applicable", "ー": "not_applicable",
         "": "blank"}


def parse_mark(cell: str) -> tuple[str, str | None]:
    """``"－ (電子データのみの取扱いのため)" -> ("not_applicable", "電子データのみの取扱いのため")``."""
    cell = cell.replace("<br>", " ").strip()
    if cell in MARKS:
        return MARKS[cell], None
    m = re.fullmatch(r"(\S*)\s*(?:[(（](.*)[)）])?", cell)
    assert m and m.group(1) in MARKS, cell
    return MARKS[m.group(1)], norm(m.group(2)) if m.group(2) else None


def party_of(text: str) -> tuple[str, str]:
    """(party, measure_type) from a checklist group label."""
    p = "ward" if "区が行う" in text else "counterparty"
    assert p == "ward" or "行わせる" in text, text
    t = "technical" if "システム上の対策" in text else "operational"
    assert t == "technical" or "運用上の対策" in text, text
    return p, t


def checklist_of(heading: str) -> str:
    for kind in ("電算処理", "外部結合", "業務委託"):
        if kind in heading:
            return kind
    raise ValueError(heading)


def record(**kw) -> dict:
    """A SubmissionRecord dict with the file-dependent fields left for sync_manifest.py."""
    base = {
        "schema_version": "1",
        "document_id": "",
        "source": {"file_name": "", "sha256": "", "page_count": 0, "text_source": "text_layer",
                   "ocr_pages": [], "pages": []},
        "meeting": None,
        "council": None,
        "item_kind": None,
        "material_no": None,
        "title": None,
        "basis": {"instrument": None, "report": False, "provisions": []},
        "categories": [],
        "department": {"raw": None, "bureau": None, "division": None},
        "overview": {"business_name": None, "divisions": [], "purpose": None, "data_subjects": None,
                     "description": None, "agenda": [], "counts": []},
        "sections": [],
        "record_items": [],
        "checklists": [],
        "prior_approvals": [],
        "change_marks": [],
        "references": [],
        "warnings": [],
    }
    unknown = set(kw) - set(base)
    assert not unknown, unknown
    base.update(kw)
    base["categories"] = sorted(set(base["categories"]))
    return base


def mark(section_: int | None, field: str, text: str) -> dict:
    return {"section": section_, "field": field, "text": norm(text), "page": 0}


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def write_golden(name: str, data) -> Path:
    """Validate against the contract, keep file-dependent fields already synced, and write."""
    from models.record import SubmissionRecord

    for rec in data if isinstance(data, list) else [data]:
        SubmissionRecord.model_validate(rec)
    path = GOLDEN / f"{name}.json"
    path.write_text(dump(data), encoding="utf-8")
    return path
