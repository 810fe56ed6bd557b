"""Seed 002 (新型コロナウイルスワクチン接種事業, 諮問・報告事項): golden content from the seed text.

Run: .venv/bin/python tests/golden/tools/transcribe_002.py  (then tests/golden/sync_manifest.py)
"""

from __future__ import annotations

import re
import sys

from common import (
    data_items,
    label,
    mark,
    norm,
    party,
    period,
    record,
    section,
    seed_lines,
    write_golden,
)
from tabtable import cells

NAME = "002_covid_vaccine"
L = seed_lines("002")
SUBJECTS = "本事業の対象者"
JTB = party("株式会社JTB", "privacy_mark", "isms")
PLANNED = [period("2021-01-27", "2022-03-31", planned=True)]
MARK_LOST = ("紛失・盗難対策（使用台帳による管理、使用時以外は鍵付きキャビネットへ保管する。紛失・事故発生時の"
             "位置情報確認・リモートロック）（情報セキュリティアドバイザーからの助言）")
MARK_TABLET = "国が配布する専用タブレットの配布場所・配布数などの管理、使用状況の監督（情報セキュリティアドバイザーからの助言）"


def _lines(first: int, last: int) -> str:
    """Seed lines outside the tab table that continue the previous cell (a page break)."""
    return "\n".join(re.sub(r"^\s*-\s", "", ln) for ln in L[first : last + 1])


def sheet(first: int, last: int, extra: str = "", numbered: bool = False) -> dict[str, str]:
    """fields of one sheet; extra continues the last cell (its text ran onto the next page)."""
    pairs = cells(L, first, last)
    if numbered:
        pairs = [(a, _numbered(b) if "<ol" in b else b) for a, b in pairs]
    if extra:
        pairs[-1] = (pairs[-1][0], pairs[-1][1] + "\n" + extra)
    out = {}
    for a, b in pairs:
        value = b.replace("<u>", "").replace("</u>", "")
        out[label(a)] = "*****" if value.strip() == "*****" else norm(value)
    return out


def _numbered(raw: str) -> str:
    """An <ol> whose automatic numbers the extraction lost: number its items (1 …, 2 …) as printed."""
    head, _, body = raw.partition('<ol style="list-style-type: none">')
    parts = [p for p in re.split(r"(?<=。)\s+", body.strip()) if p]
    return head + "\n" + "\n".join(f"{i} {p}" for i, p in enumerate(parts, 1))


def items_of(value: str) -> list[dict]:
    """Items after the 【…に係る情報項目】 heading, up to a 【記録するコンピュータ】 heading."""
    text = value.split("】", 1)[1].split("【")[0]
    return data_items(text)


def overview() -> dict:
    ov = dict(cells(L, 22, 26))
    agenda = [norm(re.sub(r"^-\s*\(\d\)\s*", "", ln)) for ln in L[30:38]]
    return {
        "business_name": "新型コロナウイルスワクチン接種事業",
        "divisions": ["保健予防課"],
        "purpose": norm(ov["目的"]),
        "data_subjects": norm(ov["対象者"]),
        # The cell runs onto the next page (items 4 and 5 and the 資料 lines): one text.
        "description": norm(ov["事業内容"] + "\n" + _lines(28, 48)),
        "agenda": agenda,
        "counts": [
            {"label": "医療従事者等", "value": 10000, "approx": True, "unit": "人"},
            {"label": "65歳以上の高齢者", "value": 68000, "approx": True, "unit": "人"},
            {"label": "その他対象者(16歳以上)", "value": 235000, "approx": True, "unit": "人"},
        ],
    }


def _title(line: int) -> str:
    return norm(L[line].replace("件名", "", 1))


def _s1_s2_s3() -> list[dict]:
    f1 = sheet(52, 61)
    s1 = section(
        "外部結合", title=_title(50), holding_divisions=["保健予防課"], registered_business="予防接種",
        data_subjects=SUBJECTS, data_items=items_of(f1["結合される情報項目(だれの、どのような項目か)"]),
        counterparty=party("国(内閣官房)"), reason=f1["結合する理由"], connection_method=f1["結合の形態"],
        periods=[period("2021-04")], recurring=True,
        protection={"ward": f1["情報保護対策"], "contractor": f1["情報保護対策"]},
        changed_fields=["protection"], fields=f1,
    )
    f2 = sheet(66, 72)
    key2 = "記録される情報項目(だれの、どのような項目が、どこのコンピュータに記録されるのか)"
    milestone = "特定個人情報保護評価(特定個人情報保護評価に関する規則第9条第2項に基づき、事後評価となる。)"
    s2 = section(
        "電算処理", title=_title(64), holding_divisions=["保健予防課"], registered_business="予防接種事業",
        data_subjects=SUBJECTS, data_items=items_of(f2[key2]), system="ホストコンピュータ(情報システム課管理)",
        reason=f2["新規開発・追加・変更の理由"], content=f2["新規開発・追加・変更の内容"],
        schedule=[{"date": "2021-03", "milestone": "設計・プログラミング"},
                  {"date": "2021-03", "milestone": "テスト・検証作業"},
                  {"date": "2021-04", "milestone": "本稼働"}, {"date": "2021-04", "milestone": milestone}],
        fields=f2,
    )
    f3 = sheet(76, 84)
    prot = f3["開発等を委託する場合における個人情報保護対策"]
    s3 = section(
        "電算処理", title=_title(74), holding_divisions=["保健予防課"], registered_business="保健情報システム(予防接種)",
        data_subjects=SUBJECTS, data_items=items_of(f3[key2]),
        system="保健情報システム(対人系)(情報システム課が管理する情報システム統合基盤サーバ)",
        reason=f3["新規開発・追加・変更の理由"], content=f3["新規開発・追加・変更の内容"],
        schedule=[{"date": "2021-02", "milestone": "設計・プログラミング"},
                  {"date": "2021-03", "milestone": "テスト・検証作業"},
                  {"date": "2021-04", "milestone": "本稼働"}, {"date": "2021-04", "milestone": milestone}],
        protection={"ward": prot, "contractor": prot}, fields=f3,
    )
    return [s1, s2, s3]


KEY_ITEMS = "委託に伴い事業者処理させる情報項目(だれの、どのような項目か)"
KEY_SUB_ITEMS = "再委託に伴い事業者処理させる情報項目(だれの、どのような項目か)"


def _s4_s5() -> list[dict]:
    f4 = sheet(88, 99)
    s4 = section(
        "業務委託", title=_title(86), holding_divisions=["保健予防課"], registered_business="保健情報システム(予防接種)",
        counterparty=party("株式会社両備システムズ", "privacy_mark", "isms"),
        data_subjects=SUBJECTS, data_items=items_of(f4[KEY_ITEMS]), system=f4["処理させる情報項目の記録媒体"],
        reason=f4["委託理由"], content=f4["委託の内容"],
        periods=[period("2021-02-08", "2021-03-31", planned=True)], recurring=True,
        protection={"ward": f4["委託にあたり区が行う情報保護対策"], "contractor": f4["受託事業者に行わせる情報保護対策"]},
        fields=f4,
    )
    f5 = sheet(105, 118)
    s5 = section(
        "業務委託", title=_title(103), holding_divisions=["保健予防課"], registered_business="予防接種",
        counterparty=JTB, data_subjects=SUBJECTS, data_items=items_of(f5[KEY_ITEMS]),
        system=f5["処理させる情報項目の記録媒体"], reason=f5["委託理由"], content=f5["委託の内容"], periods=PLANNED,
        protection={"ward": f5["委託にあたり区が行う情報保護対策"], "contractor": f5["受託事業者に行わせる情報保護対策"]},
        fields=f5,
    )
    return [s4, s5]


def _s6_s7() -> list[dict]:
    f6 = sheet(123, 132, _lines(134, 148))
    s6 = section(
        "再委託", title=_title(121), holding_divisions=["保健予防課"], registered_business="予防接種",
        counterparty=party("大日本印刷株式会社", "privacy_mark"), prime_contractor=JTB,
        data_subjects=SUBJECTS, data_items=items_of(f6[KEY_SUB_ITEMS]), system=f6["処理させる情報項目の記録媒体"],
        reason=f6["再委託理由"], content=f6["再委託の内容"], periods=PLANNED,
        protection={"ward": f6["再委託にあたり区が行う情報保護対策"], "contractor": f6["委託先(再委託先)に行わせる情報保護対策"]},
        fields=f6,
    )
    f7 = sheet(152, 161, _lines(163, 170), numbered=True)
    s7 = section(
        "再委託", title=_title(150), holding_divisions=["保健予防課"], registered_business="予防接種",
        counterparty=party("株式会社WOWOWコミュニケーションズ", "privacy_mark"), prime_contractor=JTB,
        data_subjects=SUBJECTS, data_items=items_of(f7[KEY_SUB_ITEMS]), system=f7["処理させる情報項目の記録媒体"],
        reason=f7["再委託理由"], content=f7["再委託の内容"], periods=PLANNED,
        protection={"ward": f7["再委託にあたり区が行う情報保護対策"], "contractor": f7["委託先(再委託先)に行わせる情報保護対策"]},
        fields=f7,
    )
    return [s6, s7]


def _s8() -> dict:
    f8 = sheet(178, 189)
    return section(
        "業務委託", title=_title(176), holding_divisions=["保健予防課"], registered_business="予防接種",
        # Not one company: the cell describes two kinds of medical institutions; the whole
        # printed text is the name (NOTES.md).
        counterparty=party(f8["委託先"]),
        data_subjects="ワクチン接種を希望する対象者", data_items=items_of(f8[KEY_ITEMS]),
        system=f8["処理させる情報項目の記録媒体"], reason=f8["委託理由"], content=f8["委託の内容"],
        periods=[period("2021-02-12", "2022-03-31")],  # automatic renewal alone is not recurring
        protection={"ward": f8["委託にあたり区が行う情報保護対策"], "contractor": f8["受託事業者に行わせる情報保護対策"]},
        changed_fields=["protection"], fields=f8,
    )


def build() -> dict:
    secs = _s1_s2_s3() + _s4_s5() + _s6_s7() + [_s8()]
    return record(
        council="情報公開・個人情報保護審議会",
        item_kind="諮問・報告事項",
        title="新型コロナウイルスワクチン接種事業に係る外部結合等について",
        basis={"instrument": "条例", "report": True, "provisions": [
            {"article": "第17条第1項第2号", "subject": "法令等に基づく外部との結合"},
            {"article": "第16条第1項第2号", "subject": "法令等に基づく個人情報処理システムの変更"},
            {"article": "第14条第1項", "subject": "業務委託等"}]},
        categories=[s["kind"] for s in secs],
        department={"raw": "健康部保健予防課", "bureau": "健康部", "division": "保健予防課"},
        overview=overview(),
        sections=secs,
        change_marks=[mark(0, "protection", MARK_LOST), mark(0, "protection", MARK_TABLET),
                      mark(7, "protection", MARK_LOST)],
        references=["資料47-1-1", "資料47-1-2", "資料47-2", "資料47-5"],
    )


if __name__ == "__main__":
    print(write_golden(sys.argv[1] if len(sys.argv) > 1 else NAME, build()))
