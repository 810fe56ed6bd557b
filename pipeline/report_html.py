"""The HTML report of a prior/new pair: one self-contained page (no external resources).

    html = render_report([PairView(old=prior, new=rec, changes=…, reconciliation=…, crops=…)])

Side by side: the approved value and the new one, removals struck through in red and
additions underlined in green; the reconciliation of the change marks; for every changed
field the crop of the page where it sits (PNG bytes given in `crops`, keyed
"old:<provenance path>" / "new:<provenance path>", embedded as base64). Pure: no I/O.
"""

from __future__ import annotations

import base64
import difflib
import html
import json
from dataclasses import dataclass, field
from typing import Any

from models.changes import ApprovalLink, FieldChange, ReconcileEntry, Reconciliation
from models.record import SubmissionRecord

LABELS = {
    "title": "件名",
    "council": "会議体",
    "item_kind": "種別",
    "material_no": "資料番号",
    "basis": "根拠",
    "department": "担当部課",
    "categories": "区分",
    "references": "参照資料",
    "business_name": "事業名",
    "divisions": "担当課",
    "purpose": "目的",
    "description": "事業内容",
    "agenda": "付議内容",
    "counts": "件数",
    "holding_divisions": "保有課",
    "registered_business": "登録業務の名称",
    "data_subjects": "個人の範囲",
    "data_items": "情報項目",
    "data_items_ref": "情報項目(資料)",
    "system": "記録するコンピュータ",
    "reason": "理由",
    "content": "内容",
    "counterparty": "相手方・委託先",
    "prime_contractor": "委託元",
    "connection_method": "結合の形態",
    "periods": "期間",
    "recurring": "継続",
    "schedule": "時期",
    "protection": "保護対策",
    "section": "別紙",
    "record_items": "記録項目",
    "checklists": "チェックリスト",
}
STATUS_TITLES = {
    "declared_and_changed": "Marked and changed (変更箇所として表示、実際に変更)",
    "changed_not_marked": "Changed but not marked (変更されているが表示なし)",
    "marked_unchanged": "Marked but unchanged (表示があるが変更なし)",
    "not_reconciled": "Not reconciled (marks are not expected here)",
}
CONFETTI = 0.45  # below this likeness a text is shown as replaced whole
# Sheets first, then 記録項目 and checklists, then the overview and the cover.
_GROUP_RANK = {"record_items": 1, "overview": 3, "cover": 4}
_CSS = """
body{font-family:"Noto Sans CJK JP","IPAexGothic",sans-serif;margin:16px;color:#222;font-size:14px}
h1{font-size:20px} h2{font-size:17px;margin-top:28px;border-bottom:2px solid #446} h3{font-size:15px}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #bbb;padding:4px 6px;vertical-align:top}
th{background:#eef} .kind{white-space:nowrap} .old,.new{width:30%;white-space:pre-wrap;word-break:break-all}
del{background:#fdd;color:#900;text-decoration:line-through} ins{background:#dfd;color:#060;text-decoration:underline}
.added{border-left:4px solid #2a2} .removed{border-left:4px solid #c22} .modified{border-left:4px solid #c90}
img.crop{max-width:100%;border:1px solid #999;display:block;margin-top:4px}
.meta td:first-child{width:12em;background:#f6f6f6} .nocrop{color:#888;font-size:12px}
.status li{margin:2px 0} .marks{color:#555;font-size:12px}
"""


@dataclass
class PairView:
    """What one pair's part of the report shows."""

    old: SubmissionRecord
    new: SubmissionRecord
    changes: list[FieldChange]
    reconciliation: Reconciliation
    link: ApprovalLink | None = None
    crops: dict[str, bytes] = field(default_factory=dict)


def report_order(changes: list[FieldChange]) -> list[FieldChange]:
    """Sheets first, then 記録項目, checklists, the overview and the cover (stable)."""
    return sorted(
        changes,
        key=lambda c: _GROUP_RANK.get(c.section_kind, 2 if c.field.startswith("checklists") else 0),
    )


def _e(s: Any) -> str:
    return html.escape(str(s), quote=True)


def display_lines(value: Any) -> list[str]:
    """A contract value as readable lines: periods, schedule, parties, items, protection."""
    if value is None:
        return []
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    if isinstance(value, list):
        return [line for v in value for line in display_lines(v)]
    if isinstance(value, dict):
        return [_dict_line(value)]
    return [str(value)]


def _dict_line(d: dict[str, Any]) -> str:
    if "start" in d or "end" in d:  # a period
        label = f"{d['label']}: " if d.get("label") else ""
        flags = ("ごろ" if d.get("approximate") else "") + ("(予定)" if d.get("planned") else "")
        return f"{label}{d.get('start') or '?'} – {d.get('end') or ''}{flags}"
    if "milestone" in d:
        return f"{d.get('date') or '?'} {d.get('milestone') or ''}"
    if "ward" in d and "contractor" in d:
        return f"区: {d['ward']} / 委託先: {d['contractor']}"
    if "certifications" in d:
        name = d.get("name") or ("未定" if d.get("undecided") else "?")
        return name + (f" [{', '.join(d['certifications'])}]" if d.get("certifications") else "")
    if "name" in d and "group" in d:
        return "/".join(d["group"]) + " " + d["name"]
    if "name" in d:
        return d["name"] + (f"({d['qualifier']})" if d.get("qualifier") else "")
    if "instrument" in d:  # basis
        arts = "、".join(
            p["article"] + (f"({p['subject']})" if p.get("subject") else "")
            for p in d.get("provisions", [])
        )
        return f"{d.get('instrument') or ''}{'【報告】' if d.get('report') else ''} {arts}".strip()
    if "rows" in d:
        return f"{d.get('checklist')} {d.get('party')}: {d['rows']} rows"
    if "measure" in d:
        return f"[{d.get('mark')}] {d.get('measure')}" + (
            f" ({d['note']})" if d.get("note") else ""
        )
    return json.dumps(d, ensure_ascii=False)


def diff_html(old: Any, new: Any) -> tuple[str, str]:
    """(old, new) as HTML: character diff for two single texts, else line diff."""
    a, b = display_lines(old), display_lines(new)
    if len(a) == 1 and len(b) == 1:
        return _char_diff(a[0], b[0])
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for line in a[i1:i2]:
            left.append(_e(line) if tag == "equal" else f"<del>{_e(line)}</del>")
        for line in b[j1:j2]:
            right.append(_e(line) if tag == "equal" else f"<ins>{_e(line)}</ins>")
    return "\n".join(left) or "—", "\n".join(right) or "—"


def _char_diff(a: str, b: str) -> tuple[str, str]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.ratio() < CONFETTI:  # rewritten, not edited: a character diff would be noise
        return f"<del>{_e(a)}</del>", f"<ins>{_e(b)}</ins>"
    left, right = [], []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            left.append(_e(a[i1:i2]))
            right.append(_e(b[j1:j2]))
            continue
        if i2 > i1:
            left.append(f"<del>{_e(a[i1:i2])}</del>")
        if j2 > j1:
            right.append(f"<ins>{_e(b[j1:j2])}</ins>")
    return "".join(left), "".join(right)


def _crop(crops: dict[str, bytes], side: str, path: str | None) -> str:
    png = crops.get(f"{side}:{path}") if path else None
    if png is None:
        return '<div class="nocrop">(no page location)</div>' if path else ""
    data = base64.b64encode(png).decode("ascii")
    return f'<img class="crop" alt="{_e(side)} {_e(path)}" src="data:image/png;base64,{data}">'


def _field_label(ch: FieldChange) -> str:
    base = ch.field.split(".", 1)[0]
    label = f"{_e(ch.field)} <small>({_e(LABELS.get(base, base))})</small>"
    return label + (f"<br><small>{_e(ch.item)}</small>" if ch.item else "")


def _change_row(ch: FieldChange, crops: dict[str, bytes]) -> str:
    old_html, new_html = diff_html(ch.old, ch.new)
    return (
        f'<tr class="change {ch.change_type}" data-section-kind="{_e(ch.section_kind)}" '
        f'data-field="{_e(ch.field)}" data-change-type="{ch.change_type}">'
        f'<td class="kind">{_e(ch.section_kind)}</td><td>{_field_label(ch)}</td>'
        f"<td>{ch.change_type}</td>"
        f'<td class="old">{old_html or "—"}{_crop(crops, "old", ch.old_path)}</td>'
        f'<td class="new">{new_html or "—"}{_crop(crops, "new", ch.new_path)}</td></tr>'
    )


def _meta(view: PairView) -> str:
    def who(r: SubmissionRecord) -> str:
        m = r.meeting
        meeting = (
            f" — {m.council or ''} {m.fiscal_year or '?'}年度 第{m.session or '?'}回" if m else ""
        )
        return (
            f"{_e(r.title or '(no title)')} <small>[{_e(r.source.file_name)}{_e(meeting)}]</small>"
        )

    rows = [("prior (承認済)", who(view.old)), ("new (今回)", who(view.new))]
    if view.link:
        lk = view.link
        rows.append(
            (
                "link",
                _e(
                    f"{lk.method}, score {lk.score:.2f}"
                    + (f", {lk.reference}" if lk.reference else "")
                ),
            )
        )
    return (
        '<table class="meta">'
        + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
        + "</table>"
    )


def _entry_line(e: ReconcileEntry) -> str:
    where = e.section_kind + (f" #{e.section + 1}" if e.section is not None else "")
    text = f"{where} · {e.field or '(no field)'}" + (f" · {e.item}" if e.item else "")
    marks = f' <span class="marks">marks: {_e("／".join(e.marks))}</span>' if e.marks else ""
    reason = f' <span class="marks">({_e(e.reason)})</span>' if e.reason else ""
    return f'<li data-status="{e.status}" data-field="{_e(e.field or "")}">{_e(text)}{marks}{reason}</li>'


def _reconciliation(rec: Reconciliation) -> str:
    parts = []
    for status, title in STATUS_TITLES.items():
        entries = rec.by_status(status)  # type: ignore[arg-type]
        body = (
            "<ul>" + "".join(_entry_line(e) for e in entries) + "</ul>"
            if entries
            else "<p>none</p>"
        )
        block = (
            f'<div class="status" id="{status}"><h3>{_e(title)} — {len(entries)}</h3>{body}</div>'
        )
        if status == "not_reconciled":
            block = f"<details><summary>{_e(title)} — {len(entries)}</summary>{body}</details>"
        parts.append(block)
    return "".join(parts)


def render_pair(view: PairView) -> str:
    """One pair's section of the report."""
    rows = "".join(_change_row(c, view.crops) for c in report_order(view.changes))
    table = (
        "<table><tr><th>sheet</th><th>field</th><th>change</th><th>prior (承認済)</th><th>new (今回)</th></tr>"
        + rows
        + "</table>"
    )
    return (
        f'<section class="pair"><h2>{_e(view.new.title or view.new.document_id)}</h2>{_meta(view)}'
        f"<h3>Change marks against the diff</h3>{_reconciliation(view.reconciliation)}"
        f"<h3>Changes ({len(view.changes)})</h3>{table}</section>"
    )


def render_report(views: list[PairView], title: str = "fugi diff") -> str:
    """The whole page; a Content-Security-Policy forbids loading anything from outside."""
    body = "".join(render_pair(v) for v in views)
    return (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'\">"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head>"
        f"<body><h1>{_e(title)}</h1>{body}</body></html>\n"
    )
