"""The invented prior-approval documents (specs prior_000_kenko_kanri_r5, prior_004_kumin_iken_h25):
their spec is their source, so long texts and lists are cut from the spec; scalars by hand.

Run: .venv/bin/python tests/golden/tools/transcribe_priors.py  (then tests/golden/sync_manifest.py)
"""

from __future__ import annotations

import json
import re

from common import (
    ROOT,
    data_items,
    label,
    norm,
    parse_mark,
    party,
    party_of,
    period,
    record,
    row,
    section,
    split_top,
    unmark,
    write_golden,
)

SPECS = ROOT / "samples" / "specs"


def spec(name: str) -> dict:
    return json.loads((SPECS / f"{name}.json").read_text(encoding="utf-8"))


def blocks(sp: dict, kind: str) -> list[dict]:
    return [b for b in sp["blocks"] if b["type"] == kind]


def sheet_fields(b: dict) -> dict[str, str]:
    return {label(k): norm(unmark(v)) for k, v in b["rows"]}


def overview_rows(sp: dict) -> dict[str, str]:
    return {k: norm(v) for k, v in blocks(sp, "overview")[0]["rows"]}


def spec_checklists(sp: dict) -> list[dict]:
    out = []
    for b in blocks(sp, "checklist"):
        kind = next(k for k in ("電算処理", "外部結合", "業務委託") if k in b["heading"])
        for g in b["groups"]:
            p, t = party_of(g["party"].replace("\n", ""))
            for r in g["rows"]:
                mark, _ = parse_mark(r["mark"])
                note = r["note"].strip().strip("()（）") if r.get("note") else None
                out.append(row(kind, p, t, unmark(r["text"]), mark, note))
    return out


def spec_record_items(sp: dict) -> list[dict]:
    items = []
    for b in blocks(sp, "record_items"):
        for g in b["groups"]:
            top = norm(re.sub(r"^【\d】", "", g["heading"]))
            for s in g["subgroups"]:
                sub = norm(re.sub(r"^\(\d\)(?:-\d)?\s*", "", s["heading"]))
                items += [{"group": [top, sub], "name": n, "changed": False} for n in split_top(unmark(s["items"]))]
    return items


DIVS_000 = ["健康づくり課", "牛込保健センター", "四谷保健センター", "東新宿保健センター", "落合保健センター"]
CHECKLIST = {"ward": "checklist", "contractor": "checklist"}


def prior_000() -> dict:
    sp = spec("prior_000_kenko_kanri_r5")
    ov = overview_rows(sp)
    f1, f2, f3 = (sheet_fields(b) for b in blocks(sp, "sheet"))
    common = {"holding_divisions": DIVS_000, "registered_business": "健康管理システム(対物系)",
              "data_subjects": "健康管理システム(対物系)の対象者", "data_items_ref": "資料45-2"}
    s1 = section(
        "電算処理", title="健康管理システムの標準化に伴うシステムの再構築について", **common,
        system="健康管理システム(ガバメントクラウド上に設置)", reason=f1["新規開発・追加・変更の理由"],
        content="標準準拠システムとしての健康管理システム(対物系)の再構築及びデータ移行",
        schedule=[{"date": "2024-04", "milestone": "開発"}, {"date": "2024-05", "milestone": "テスト・データ移行"},
                  {"date": "2024-07", "milestone": "本稼働"}],
        protection=CHECKLIST, fields=f1,
    )
    s2 = section(
        "外部結合", title="健康管理システムの標準化に伴う外部結合について", **common,
        counterparty=party("デジタル庁(ガバメントクラウドの運用主体)"), reason=f2["結合する理由"],
        connection_method=f2["結合の形態"], periods=[period("2024-07", planned=True)], recurring=True,
        protection=CHECKLIST, fields=f2,
    )
    s3 = section(
        "業務委託", title="健康管理システムの標準化に伴う再構築及び運用保守業務の委託について",
        holding_divisions=DIVS_000, registered_business="乳幼児健康診査",
        counterparty=party("株式会社両備システムズ", "privacy_mark", "isms"),
        data_subjects="乳幼児健康診査の対象者", data_items_ref="資料45-2", system="電磁的媒体(健康管理システム)",
        reason=f3["委託理由"], content=f3["委託の内容"], periods=[period("2024-04-01", "2025-03-31")],
        recurring=True, protection=CHECKLIST, fields=f3,
    )
    return record(
        meeting={"council": "個人情報保護管理運営会議", "fiscal_year": 2023, "session": 9, "date": None,
                 "decision": None, "source": "document"},
        council="個人情報保護管理運営会議", item_kind="付議事項", material_no="資料45",
        title="健康管理システムの標準化に伴うシステムの再構築等について",
        basis={"instrument": "要綱", "report": False,
               "provisions": [{"article": "第3条第1項第3号", "subject": "電算処理、外部結合、業務委託"}]},
        categories=["電算処理", "外部結合", "業務委託"],
        department={"raw": "健康部健康づくり課", "bureau": "健康部", "division": "健康づくり課"},
        overview={
            "business_name": "健康管理システム(対物系)の標準化", "divisions": DIVS_000, "purpose": ov["目的"],
            "data_subjects": "健康管理システム(対物系)に記録される区民", "description": ov["事業内容"],
            "agenda": ["電算処理 健康管理システム(対物系)を標準準拠システムとして再構築する。",
                       "外部結合 デジタル庁が提供するガバメントクラウド上に構築する標準準拠システムとの結合を行う。",
                       "業務委託 健康管理システムの再構築及び運用保守業務を委託する。"],
            "counts": [{"label": "対象者数", "value": 350000, "approx": True, "unit": "人"}],
        },
        sections=[s1, s2, s3],
        record_items=spec_record_items(sp),
        checklists=spec_checklists(sp),
        references=["資料45-1", "資料45-2"],
    )


def prior_004() -> dict:
    sp = spec("prior_004_kumin_iken_h25")
    ov = overview_rows(sp)
    f1, f2 = (sheet_fields(b) for b in blocks(sp, "sheet"))
    rec1 = "記録される情報項目(だれの、どのような項目が、どこのコンピュータに記録されるのか)"
    rec2 = "委託に伴い事業者に処理させる情報項目(だれの、どのような項目か)"
    items = data_items("ID、パスワード、氏名、郵便番号、住所、電話番号、メールアドレス(ID登録用)、FAX番号、意見等の内容、回答内容")
    subjects1 = f1[rec1].split("1個人の範囲", 1)[1].split("2記録する個人情報の項目", 1)[0]
    system1 = f1[rec1].split("3記録するコンピュータ", 1)[1]
    prot = f1["開発等を委託する場合における個人情報保護対策"]
    s1 = section(
        "電算処理", title="区民意見システムの構築について", holding_divisions=["区政情報課"],
        registered_business="コールセンター及び区民意見システム", data_subjects=subjects1, data_items=items,
        system=system1, reason=f1["新規開発・追加・変更の理由"], content=f1["新規開発・追加・変更の内容"],
        schedule=[{"date": "2013-07", "milestone": "開発"}, {"date": "2013-09", "milestone": "テスト"},
                  {"date": "2013-10", "milestone": "本稼働"}],
        protection={"ward": prot, "contractor": prot}, fields=f1,
    )
    s2 = section(
        "業務委託", title="区民意見システムの構築等について", holding_divisions=["区政情報課"],
        registered_business="コールセンター及び区民意見システム",
        counterparty=party("日本電気株式会社", "privacy_mark", "isms"),
        data_subjects=f2[rec2].split("※「該当者」の定義", 1)[1], data_items=items,
        system="電磁的媒体(イントラネットシステム基盤上のデータベースサーバー)", reason=f2["委託理由"],
        content=f2["委託の内容"],
        periods=[period("2013-07-01", "2013-09-30", label="構築"), period("2013-10-01", "2014-03-31", label="保守")],
        recurring=True,
        protection={"ward": f2["委託にあたり区が行う情報保護対策"], "contractor": f2["受託事業者に行わせる情報保護対策"]},
        fields=f2,
    )
    return record(
        council="情報公開・個人情報保護審議会", item_kind="諮問・報告事項", material_no="資料5",
        title="区民意見システムの構築等について",
        basis={"instrument": "条例", "report": False, "provisions": [
            {"article": "第16条第1項第3号", "subject": "個人情報処理システムの開発"},
            {"article": "第14条第1項", "subject": "業務委託等"}]},
        categories=["電算処理", "業務委託"],
        department={"raw": "総合政策部区政情報課", "bureau": "総合政策部", "division": "区政情報課"},
        overview={
            "business_name": "区民意見システムの構築等", "divisions": ["区政情報課"], "purpose": ov["目的"],
            "data_subjects": "意見等を投稿する者", "description": ov["事業内容"],
            # (1) is headed 個人情報処理システムの開発 (the 条例's word for 電算処理), not a category
            # word: kept as printed, heading + text like the category-word items.
            "agenda": ["個人情報処理システムの開発 区民意見システムを構築する。",
                       "業務委託 システムの構築及び構築完了後の運用保守を委託する。"],
            "counts": [{"label": "想定投稿数", "value": 25000, "approx": True, "unit": "件"}],
        },
        sections=[s1, s2],
        references=["資料5-1"],
    )


if __name__ == "__main__":
    print(write_golden("prior_000_kenko_kanri_r5", prior_000()))
    print(write_golden("prior_004_kumin_iken_h25", prior_004()))
