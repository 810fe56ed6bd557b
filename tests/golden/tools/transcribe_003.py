"""Seed 003 (いきいきハイキング): golden content, written from the seed text.

Run: .venv/bin/python tests/golden/tools/transcribe_003.py  (then tests/golden/sync_manifest.py)
"""

from __future__ import annotations

import sys

from common import data_items, norm, party, period, record, section, seed_lines, write_golden
from tabtable import cells, checklist_rows, fields_of

NAME = "003_ikiiki_hiking"
L = seed_lines("003")
ITEMS = "住所、カナ氏名、生年月日、電話番号、メールアドレス（任意）"
PERIODS = [period("2026-04-01", "2026-12-31", approximate=True)]
CHECKLIST = {"ward": "checklist", "contractor": "checklist"}


def overview() -> dict:
    ov = dict(cells(L, 18, 22))
    return {
        "business_name": "いきいきハイキング",
        "divisions": ["地域包括ケア推進課"],
        "purpose": norm(ov["目的"]),
        "data_subjects": "60歳以上の区民",
        "description": norm(ov["事業内容"]),
        "agenda": [
            "外部結合 LGWAN回線を介して区のイントラPCとクラウドストレージを結合し、応募者及び参加者のデータを取得する。",
            "業務委託 「いきいきハイキング」参加者の募集・抽選・管理調整等を行う。",
        ],
        "counts": [
            {"label": "応募者", "value": 380, "approx": True, "unit": "名"},
            {"label": "参加者", "value": 280, "approx": True, "unit": "名"},
        ],
    }


def sections() -> list[dict]:
    f1, f2 = fields_of(cells(L, 26, 33)), fields_of(cells(L, 37, 46))
    common = {"holding_divisions": ["地域包括ケア推進課"], "registered_business": "いきいきハイキング",
              "data_items": data_items(ITEMS), "counterparty": party(None, undecided=True),
              "periods": PERIODS, "recurring": True, "protection": CHECKLIST}
    s1 = section(
        "外部結合", title="「いきいきハイキング」業務委託に係る外部結合について", **common,
        reason=f1["結合する理由"], connection_method=f1["結合の形態"], fields=f1,
    )
    s2 = section(
        "業務委託", title="「いきいきハイキング」に係る業務委託について", **common,
        system="電磁的媒体(委託先のPC)", reason=f2["委託理由"], content="応募者の抽選や管理調整等", fields=f2,
    )
    return [s1, s2]


def build() -> dict:
    return record(
        council="個人情報保護管理運営会議",
        item_kind="付議事項",
        title="「いきいきハイキング」に係る外部結合等について",
        basis={"instrument": "要綱", "report": False,
               "provisions": [{"article": "第3条第1項第3号", "subject": "外部結合、業務委託"}]},
        categories=["外部結合", "業務委託"],
        department={"raw": "福祉部地域包括ケア推進課", "bureau": "福祉部", "division": "地域包括ケア推進課"},
        overview=overview(),
        sections=sections(),
        # The first ward 外部結合 technical row has an empty mark cell: kept as "blank".
        checklists=checklist_rows(L, 151, 249),
        references=["資料39-1"],
    )


if __name__ == "__main__":
    print(write_golden(sys.argv[1] if len(sys.argv) > 1 else NAME, build()))
