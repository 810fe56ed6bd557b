"""Seed 004 (区民意見・FAQシステム, raw pdftotext): golden content from the seed text.

pdftotext printed every checklist page's body before its heading cells, and lost the
styles (so the change marks the ※ legend announces cannot be read from the seed: the
spec decides them). Line numbers below are the seed's (1-based).

Run: .venv/bin/python tests/golden/tools/transcribe_004.py  (then tests/golden/sync_manifest.py)
"""

from __future__ import annotations

import sys

from common import (
    data_items,
    mark,
    norm,
    party,
    period,
    record,
    row,
    section,
    seed_lines,
    write_golden,
)

NAME = "004_kumin_iken_faq"
L = seed_lines("004")
NEC = party("日本電気株式会社", "privacy_mark", "isms")
CHECKLIST = {"ward": "checklist", "contractor": "checklist"}
PERIODS = [period("2024-04-01", "2025-03-14", label="再構築"), period("2025-01-01", "2025-03-31", label="保守")]
DIV = ["区政情報課"]
BUSINESS = "コールセンター及び区民意見システム"


def txt(first: int, last: int, drop: str = "") -> str:
    """Seed lines first..last joined by the layout rule; `drop` is a printed label to cut off."""
    text = "\n".join(L[first : last + 1])
    if drop:
        head, sep, rest = text.partition(drop)
        assert sep and not head.strip(), (first, drop)
        text = rest
    return norm(text)


def overview() -> dict:
    return {
        "business_name": txt(97, 97, "事業名"),
        "divisions": DIV,
        "purpose": txt(101, 109, "目 的"),
        "data_subjects": txt(111, 111, "対象者"),
        "description": txt(113, 165, "事業内容"),
        "agenda": [
            "電算処理 " + txt(137, 143),
            "外部結合 " + txt(147, 149),
            "業務委託 " + txt(153, 155),
        ],
        "counts": [{"label": "想定投稿数", "value": 40000, "approx": True, "unit": "件"}],
    }


def _s1() -> dict:
    f = {
        "保有課(担当課)": txt(175, 175, "保有課（担当課）"),
        "登録業務の名称": txt(177, 177, "登録業務の名称"),
        "記録される情報項目(だれの、どのような項目が、どこのコンピュータに記録されるのか)": txt(191, 215),
        "新規開発・追加・変更の理由": txt(221, 225),
        "新規開発・追加・変更の内容": txt(231, 243),
        "開発等を委託する場合における個人情報保護対策": txt(251, 251),
        "新規開発・追加・変更の時期": txt(257, 263),
    }
    return section(
        "電算処理", title=txt(172, 172, "件名"), holding_divisions=DIV, registered_business=BUSINESS,
        data_subjects=txt(193, 199), data_items=data_items(txt(203, 207)), system=txt(211, 215),
        reason=f["新規開発・追加・変更の理由"], content=f["新規開発・追加・変更の内容"],
        schedule=[{"date": "2024-04", "milestone": "開発(システム再構築)"},
                  {"date": "2024-07", "milestone": "開発(機能追加)"},
                  {"date": "2024-11", "milestone": "テスト"}, {"date": "2025-01", "milestone": "本稼働"}],
        protection=CHECKLIST, fields=f,
        changed_fields=["data_items", "system", "reason", "content", "protection", "schedule"],
    )


def _s2() -> dict:
    f = {
        "保有課(担当課)": txt(272, 272, "保有課（担当課）"),
        "登録業務の名称": txt(274, 274, "登録業務の名称"),
        "結合される情報項目(だれの、どのような項目か)": txt(280, 308),
        "結合の相手方": txt(310, 310, "結合の相手方"),
        "結合する理由": txt(314, 318),
        "結合の形態": txt(320, 320, "結合の形態"),
        "結合の開始時期と期間": txt(323, 325),
        "情報保護対策": txt(327, 327, "情報保護対策"),
    }
    return section(
        "外部結合", title=txt(269, 269, "件名"), holding_divisions=DIV, registered_business=BUSINESS,
        data_subjects=txt(282, 290), data_items=data_items(txt(294, 298)), system=txt(302, 308),
        counterparty=NEC, reason=f["結合する理由"], connection_method=f["結合の形態"],
        periods=[period("2024-11-01", "2025-03-31")], recurring=True, protection=CHECKLIST, fields=f,
    )


def _s3() -> dict:
    f = {
        "保有課(担当課)": txt(337, 337, "保有課(担当課)"),
        "登録業務の名称": txt(339, 339, "登録業務の名称"),
        "委託先": txt(341, 341, "委託先"),
        "委託に伴い事業者に処理させる情報項目(だれの、どのような項目か)": txt(349, 365),
        "処理させる情報項目の記録媒体": txt(370, 370),
        "委託理由": txt(373, 375),
        "委託の内容": txt(379, 383),
        "委託の開始時期及び期限": txt(387, 391),
        "委託にあたり区が行う情報保護対策": txt(396, 396),
        "受託事業者に行わせる情報保護対策": txt(401, 401),
    }
    return section(
        "業務委託", title=txt(334, 334, "件名"), holding_divisions=DIV, registered_business=BUSINESS,
        counterparty=NEC,
        # 【該当者（※）に係る情報項目】 points at the ※「該当者」の定義 list: that list is the range.
        data_subjects=txt(359, 365), data_items=data_items(txt(351, 355)),
        system=f["処理させる情報項目の記録媒体"], reason=f["委託理由"], content=f["委託の内容"],
        periods=PERIODS, recurring=True, protection=CHECKLIST, fields=f,
        changed_fields=["data_items", "system", "reason", "content", "periods", "protection"],
    )


def _s4() -> dict:
    f = {
        "保有課(担当課)": txt(443, 443, "保有課(担当課)"),
        "登録業務の名称": txt(445, 445, "登録業務の名称"),
        "委託先(再委託先)": txt(448, 450),
        "再委託に伴い事業者に処理させる情報項目(だれの、どのような項目か)": txt(458, 474),
        "処理させる情報項目の記録媒体": txt(479, 479),
        "再委託理由": txt(483, 485),
        "再委託の内容": txt(488, 490),
        "再委託の開始時期及び期限": txt(496, 500),
        "再委託にあたり区が行う情報保護対策": txt(505, 505),
        "委託先(再委託先)に行わせる情報保護対策": txt(510, 510),
    }
    return section(
        "再委託", title=txt(441, 441, "件名"), holding_divisions=DIV, registered_business=BUSINESS,
        counterparty=party("NECソリューションイノベータ株式会社", "privacy_mark", "isms"),
        # The sheet names only the sub-contractor; the 委託先 it works for is the 業務委託
        # sheet's (and its 再委託理由 names it): 日本電気株式会社 (NOTES.md).
        prime_contractor=NEC,
        data_subjects=txt(468, 474), data_items=data_items(txt(460, 464)),
        system=f["処理させる情報項目の記録媒体"], reason=f["再委託理由"], content=f["再委託の内容"],
        periods=PERIODS, recurring=True, protection=CHECKLIST, fields=f,
    )


# (first line, last line, checklist, party, number of 【運用上の対策】 rows before 【システム上の対策】)
BLOCKS = [
    (815, 906, "電算処理", "ward", 11),
    (940, 1031, "電算処理", "counterparty", 11),
    (1065, 1125, "外部結合", "ward", 5),
    (1151, 1210, "外部結合", "counterparty", 5),
    (1240, 1338, "業務委託", "ward", 11),
    (1368, 1467, "業務委託", "counterparty", 11),
]
MARKS = {"○": "○", "ー": "ー"}


def _rows_of(first: int, last: int) -> list[tuple[str, str, str | None]]:
    """(mark, measure, note) of a pdftotext checklist body: a mark line starts each row."""
    rows: list[list] = []
    in_note = False
    for line in (ln.strip() for ln in L[first : last + 1]):
        if not line:
            continue
        if line[0] in MARKS and (len(line) == 1 or line[1] == " "):
            rows.append([line[0], line[1:].strip(), None])
        elif line.startswith("（") or in_note:
            rows[-1][2] = (rows[-1][2] or "") + line
            in_note = not line.endswith("）")
        else:
            rows[-1][1] += "\n" + line
    return [(m, text, note.strip("（）") if note else None) for m, text, note in rows]


def checklists() -> list[dict]:
    out = []
    for first, last, kind, party_, n_op in BLOCKS:
        for i, (m, text, note) in enumerate(_rows_of(first, last)):
            mtype = "operational" if i < n_op else "technical"
            out.append(row(kind, party_, mtype, text, "applicable" if m == "○" else "not_applicable", note))
        assert len([r for r in out if r["checklist"] == kind and r["party"] == party_]) == n_op + 11, kind
    return out


def change_marks() -> list[dict]:
    """The seed lost its styles: which spans are bold Gothic + underlined is the spec's
    decision (samples/specs/004_kumin_iken_faq.json), mapped here to section and field."""
    s1 = [(0, "data_items", "投稿目的"), (0, "data_items", "意見及び回答に関連する電子データ"),
          (0, "system", txt(211, 211).removesuffix("Microsoft") + "Microsoftのデータベースサーバー"),
          (0, "reason", txt(221, 225)), (0, "content", txt(231, 243)),
          (0, "protection", "別紙チェックリストのとおり"), (0, "schedule", txt(257, 263))]
    s3 = [(2, "data_items", "投稿目的"), (2, "data_items", "意見及び回答に関連する電子データ"),
          (2, "system", "Microsoftのデータベースサーバー"), (2, "reason", "再構築業務"),
          (2, "content", "区民意見・FAQシステムを新規インフラ基盤(Microsoft Dynamics 365)上に再構築する。"),
          (2, "periods", "令和6年4月1日から令和7年3月14日まで"), (2, "periods", "令和7年1月1日から令和7年3月31日まで"),
          (2, "protection", "別紙チェックリストのとおり"), (2, "protection", "別紙チェックリストのとおり")]
    return [mark(i, field, text) for i, field, text in s1 + s3]


def build() -> dict:
    return record(
        council="個人情報保護管理運営会議",
        item_kind="付議事項",
        material_no="資料23",
        title="区民意見・FAQシステムの再構築等について",
        basis={"instrument": "要綱", "report": False,
               "provisions": [{"article": "第3条第1項第3号", "subject": "電算処理、外部結合、業務委託"}]},
        categories=["電算処理", "外部結合", "業務委託", "再委託"],
        department={"raw": "総合政策部区政情報課", "bureau": "総合政策部", "division": "区政情報課"},
        overview=overview(),
        sections=[_s1(), _s2(), _s3(), _s4()],
        checklists=checklists(),
        change_marks=change_marks(),
        prior_approvals=[{"raw": "平成25年度第1回情報公開・個人情報保護審議会", "council": "情報公開・個人情報保護審議会",
                          "fiscal_year": 2013, "session": 1}],
        references=["資料23-1", "資料23-2", "資料23-3"],
    )


if __name__ == "__main__":
    print(write_golden(sys.argv[1] if len(sys.argv) > 1 else NAME, build()))
