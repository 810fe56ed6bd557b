"""Seed-shaped documents built with fixtures_layout: cover, overview, sheets, checklists, packets.

Tests import this module as `fx`; it re-exports the builders they use too.
"""

from __future__ import annotations

from fixtures_layout import (
    LEFT,
    Cursor,
    block_of,
    checklist_table,
    gap_line,
    kv_table,
    layout,
    line,
    page,
    text,
)

from models.layout import DocumentLayout, Line, Page, PageItem, Table, TextBlock

__all__ = [
    "CHECK_PEER",
    "CHECK_WARD",
    "Cursor",
    "DENSAN_000",
    "ITAKU_000",
    "ITAKU_004",
    "KETSUGO_003",
    "LEGEND_000",
    "OVERVIEW_000",
    "PEER_OPS",
    "PageItem",
    "SAIITAKU",
    "WARD_OPS",
    "WARD_SYS",
    "block_of",
    "borderless_layout",
    "borderless_split_blocks_layout",
    "checklist_page",
    "checklist_table",
    "council_bill_layout",
    "cover_page",
    "gap_line",
    "kv_table",
    "layout",
    "line",
    "overview_page",
    "packet_layout",
    "page",
    "renumber",
    "seed000_layout",
    "seed001_layout",
    "seed003_layout",
    "sheet_page",
    "split_value_layout",
    "subcontract_layout",
    "text",
]

# ---------------------------------------------------------------- seed-shaped documents

LEGEND_000 = (
    "※太字ゴシック(下線)が、令和5年度第9回新宿区個人情報保護管理運営会議承認済の内容からの変更箇所"
)


def cover_page(
    number: int, heading: str, title: str, basis: list[str], dept: str, material: str | None = None
) -> Page:
    cur = Cursor()
    items: list[TextBlock | Table] = []
    if material:
        items.append(text(material, x0=450, cur=cur))
    items.append(text(heading, cur=cur))
    items.append(kv_table([("件 名", title)], cur=cur, widths=(60, 440)))
    items.append(text("内容は別紙のとおり", *basis, dept, cur=cur))
    return page(number, items)


def overview_page(number: int, rows: list[tuple[str, str]], after: list[str] | None = None) -> Page:
    cur = Cursor()
    items: list[TextBlock | Table] = [text("事業の概要", cur=cur), kv_table(rows, cur=cur)]
    if after:
        items.append(text(*after, cur=cur))
    return page(number, items)


def sheet_page(
    number: int,
    title: str,
    rows: list[tuple[str, str]],
    legend: str | None = None,
    marker: str | None = None,
) -> Page:
    cur = Cursor()
    items: list[TextBlock | Table] = []
    head = ([marker] if marker else []) + [f"件名 {title}"] + ([legend] if legend else [])
    items.append(text(*head, cur=cur))
    items.append(kv_table(rows, cur=cur))
    return page(number, items)


WARD_OPS = "区が行う情報保護対策\n【運用上の対策】"
WARD_SYS = "区が行う情報保護対策\n【システム上の対策】"
PEER_OPS = "結合先に行わせる\n情報保護対策\n【運用上の対策】"


def checklist_page(
    number: int,
    heading: str,
    groups,
    drawn: bool = False,
    continues: int | None = None,
    with_heading: bool = True,
) -> Page:
    cur = Cursor()
    items: list[TextBlock | Table] = []
    if with_heading:
        items.append(text(heading, cur=cur))
    items.append(
        checklist_table(groups, cur=cur, header=with_heading, drawn=drawn, continues=continues)
    )
    return page(number, items)


OVERVIEW_000 = [
    ("事業名", "乳幼児健康診査（5歳児健康診査）"),
    ("担当課", "健康づくり課、牛込保健センター、四谷保健センター"),
    ("目的", "言語の理解能力や社会性が育つ5歳児の時期に健康診査を行う\nことを目的とする。"),
    ("対象者", "実施年度に満5歳になる幼児のうち希望する者"),
    (
        "事業内容",
        "1 概要\n健康管理システムを構築している（令和5年度第9回新宿区個人情報保護管理運営会議承認済み）。\n"
        "2 個人情報保護管理運営会議への付議内容\n"
        "(1) 電算処理 健康管理システムに5歳児健康診査の管理機能（標準化項目）を実装する。\n"
        "(2) 外部結合 健康管理システム（対物系）標準化にあたり、ガバメントクラウドとの結合を行う。\n"
        "(3) 業務委託 健康管理システムの改修及び運用保守業務を委託する。\n"
        "3 対象者数 約900人（25人×4保健センター×9か月） ※令和8年7月より事業開始予定\n"
        "※個人情報の流れは、資料61-1のとおり",
    ),
]

ITAKU_000 = [
    ("保有課(担当課)", "健康づくり課、牛込保健センター"),
    ("登録業務の名称", "乳幼児健康診査 <u>(5歳児健康診査)</u>"),
    ("委託先", "株式会社両備システムズ (プライバシーマーク、ISO27001取得)"),
    (
        "委託に伴い事業者処理させる情報項目(だれの、どのような項目か)",
        "1 個人の範囲 <u>5歳児健康診査の対象者</u>\n2 記録項目 資料61-2のとおり",
    ),
    ("処理させる情報項目の記録媒体", "電磁的媒体(健康管理システム)"),
    (
        "委託理由",
        "上記委託先は、本システムの開発事業者であり、\n安全かつ効率的に行うことができるため。",
    ),
    (
        "委託の内容",
        "1 システム改修業務 <u>5歳児健康診査の管理機能(標準化項目)の追加</u>\n2 保守業務",
    ),
    (
        "委託の開始時期及び期限",
        "<u>令和8年3月1日から令和8年6月30日まで</u>\n(次年度以降も、同様の業務委託を行う。)",
    ),
    ("委託にあたり区が行う情報保護対策", "別紙チェックリストのとおり"),
    ("受託事業者に行わせる情報保護対策", "別紙チェックリストのとおり"),
]

DENSAN_000 = [
    ("保有課(担当課)", "健康づくり課、牛込保健センター"),
    ("登録業務の名称", "乳幼児健康診査(5歳児健康診査)"),
    (
        "記録される情報項目(だれの、どのような項目が、どこのコンピュータに記録されるのか)",
        "1 個人の範囲 5歳児健康診査の対象者\n2 記録項目 資料61-2のとおり\n3 記録するコンピュータ 健康管理システム(ガバメントクラウド上に設置)",
    ),
    ("新規開発・追加・変更の理由", "区においても令和8年度より5歳児健康診査を実施する。"),
    ("新規開発・追加・変更の内容", "5歳児健康診査の管理機能(標準化項目)の追加"),
    ("開発等を委託する場合における個人情報保護対策", "別紙チェックリストのとおり"),
    ("新規開発・追加・変更の時期", "令和8年3月 開発\n令和8年4月 テスト\n令和8年7月 本稼働"),
]

KETSUGO_003 = [
    ("保有課（担当課）", "地域包括ケア推進課"),
    ("登録業務の名称", "いきいきハイキング"),
    (
        "結合される情報項目（だれの、どのような項目か）",
        "住所、カナ氏名、生年月日、電話番号、メールアドレス（任意）",
    ),
    ("結合の相手方", "未定（プロポーザルにより決定する）"),
    ("結合する理由", "応募者情報等について、デジタルツールで共有し、作業効率の向上を図るため。"),
    (
        "結合の形態",
        "区インターネットパソコンからLGWANを経由して、\nクラウドストレージサービス（Box）にアクセスする。",
    ),
    (
        "結合の開始時期と期間",
        "令和8年4月1日から令和8年12月31日ごろまで（次年度以降も、同様の外部結合を行う。）",
    ),
    ("情報保護対策", "別紙チェックリストのとおり"),
]

CHECK_WARD = [
    (
        WARD_OPS,
        [
            ("○", "個人情報保護法及び新宿区情報セキュリティポリシーを遵守するよう指導する。"),
            ("○", "必要に応じて、事業者への立入り調査等を実施する。"),
        ],
    ),
    (
        WARD_SYS,
        [
            ("", "接続するネットワークについては、特定相手以外との通信を不可とする。"),
            ("○", "コンピューターウィルス感染等がないよう、ウィルス対策ソフトウェアを導入する。"),
        ],
    ),
]
CHECK_PEER = [
    (
        PEER_OPS,
        [
            ("○", "個人情報保護法及び新宿区情報セキュリティポリシーを遵守させる。"),
            (
                "－\n(電子データのみ\nの取扱いのため)",
                "個人情報を手交する場合は、鍵付きカバン等を使用して運搬させる。",
            ),
        ],
    ),
]


def seed000_layout() -> DocumentLayout:
    """Cover, overview, three sheets (the 業務委託 one with change marks), flow, 記録項目, checklists."""
    pages = [
        cover_page(
            1,
            "個人情報保護管理運営会議 付議事項",
            "5歳児健康診査の実施に伴う健康管理システムの改修等について",
            ["要綱の根拠", "◇第3条第1項第3号（電算処理、外部結合、業務委託）"],
            "（担当部課：健康部健康づくり課）",
            material="資料61",
        ),
        overview_page(2, OVERVIEW_000),
        sheet_page(
            3,
            "5歳児健康診査の実施に伴う健康管理システムの改修について",
            DENSAN_000,
            legend=LEGEND_000,
        ),
        sheet_page(
            4,
            "5歳児健康診査の実施に伴う健康管理システムの外部結合について",
            KETSUGO_003,
            legend=LEGEND_000,
        ),
        sheet_page(
            5,
            "5歳児健康診査の実施に伴う健康管理システムの改修に係る業務の委託について",
            ITAKU_000,
            legend=LEGEND_000,
        ),
        page(
            6,
            [
                text(
                    "【5歳児健康診査における個人情報の流れ】",
                    "(資料61-1)",
                    "区民 → 健康管理システム",
                )
            ],
        ),
        page(
            7,
            [
                text(
                    "(新)健康管理システムの記録項目",
                    "【1】基本情報",
                    "(1) 住民情報",
                    "市区町村コード、宛名番号、氏名",
                    "【2】健康管理業務情報",
                    "(4) 母子保健",
                    "3歳児健診結果情報、**5歳児健診結果情報、5歳児健診アンケート情報**、健診受診履歴情報",
                )
            ],
        ),
        checklist_page(8, "4 外部結合にかかる個人情報保護対策チェックリスト", CHECK_WARD),
        checklist_page(
            9, "4 外部結合にかかる個人情報保護対策チェックリスト", CHECK_PEER, drawn=True
        ),
    ]
    return layout(pages, "seed000.pdf")


def seed001_layout() -> DocumentLayout:
    """A fragment: one checklist page alone (a table continuing over a page break)."""
    first = checklist_page(
        1,
        "5 業務委託にかかる個人情報保護対策チェックリスト",
        [
            (
                "委託事業者に行わせる\n情報保護対策\n【運用上の対策】",
                [
                    ("○", "契約にあたり、「特記事項」を付す。"),
                    ("○", "取扱責任者をあらかじめ指定させる。"),
                ],
            )
        ],
    )
    second = checklist_page(
        2,
        "",
        [
            (None, [("○", "業務開始前に、体制及び手順を整備させる。")]),
            (
                "委託事業者に行わせる\n情報保護対策\n【システム上の対策】",
                [("○", "接続するネットワークについては、特定相手以外との通信を不可とする。")],
            ),
        ],
        continues=0,
        with_heading=False,
    )
    return layout([first, second], "seed001.pdf")


def seed003_layout() -> DocumentLayout:
    pages = [
        cover_page(
            1,
            "個人情報保護管理運営会議 付議事項",
            "「いきいきハイキング」に係る外部結合等について",
            ["要綱の根拠", "◇第3条第1項第3号（外部結合、業務委託）"],
            "(担当部課：福祉部地域包括ケア推進課)",
        ),
        overview_page(
            2,
            [
                ("事業名", "いきいきハイキング"),
                ("担当課", "地域包括ケア推進課"),
                ("目的", "参加者の募集や管理等の一連の業務を円滑に行うため"),
                ("対象者", "60歳以上の区民"),
                (
                    "事業内容",
                    "1 概要\n区では、「いきいきハイキング」を実施している。\n"
                    "2 個人情報保護管理運営会議への付議内容\n(1) 外部結合\n"
                    "LGWAN 回線を介して区のイントラ PC とクラウドストレージを結合する。\n(2) 業務委託\n"
                    "「いきいきハイキング」参加者の募集・抽選・管理調整等を行う。\n3 対象者数\n"
                    "応募者：約 380 名\n参加者：約 280 名\n※個人情報の流れは、資料 39-1 のとおり",
                ),
            ],
        ),
        sheet_page(3, "「いきいきハイキング」業務委託に係る外部結合について", KETSUGO_003),
    ]
    return layout(pages, "seed003.pdf")


def council_bill_layout() -> DocumentLayout:
    """Not a submission: a city council bill that reports something."""
    cur = Cursor()
    p = page(
        1,
        [
            text("議案第18号", "南国市税条例の一部を改正する条例について報告", cur=cur),
            text(
                "地方自治法第180条第1項の規定により専決処分したので報告し、承認を求める。", cur=cur
            ),
            kv_table([("債権の名称", "住宅新築資金等貸付金"), ("金額", "1,234,567円")], cur=cur),
        ],
    )
    return layout([p], "bill.pdf")


def renumber(pages: list[Page], first: int) -> list[Page]:
    """Copies of pages numbered from `first` (to glue documents into a packet)."""
    out = []
    for k, p in enumerate(pages):
        q = p.model_copy(deep=True)
        q.number = first + k
        for t in q.tables:
            t.page = q.number
        out.append(q)
    return out


def packet_layout() -> DocumentLayout:
    """Two submissions in one PDF: seed 003's shape, then seed 000's."""
    a = seed003_layout().pages
    b = seed000_layout().pages
    return layout(renumber(a, 1) + renumber(b, len(a) + 1), "packet.pdf")


def split_value_layout() -> DocumentLayout:
    """A 外部結合 sheet whose table runs onto the next page, its last value cell split at the break."""
    cur = Cursor()
    p1 = page(
        1,
        [
            text("件名 ワクチン接種事業に係る外部結合について", cur=cur),
            kv_table(
                KETSUGO_003[:-1]
                + [
                    (
                        "情報保護対策",
                        "1 国におけるセキュリティ対策\n(1) 入力画面に対する不正入力防止機能",
                    )
                ],
                cur=cur,
            ),
        ],
    )
    cur2 = Cursor()
    p2 = page(
        2,
        [
            kv_table(
                [
                    (
                        "",
                        "2 国が配布する専用タブレットにおけるセキュリティ対策\n(1) <u>紛失・盗難対策</u>",
                    )
                ],
                cur=cur2,
                continues=0,
            )
        ],
    )
    cover = cover_page(
        1,
        "新宿区情報公開・個人情報保護審議会 諮問・報告事項",
        "ワクチン接種事業に係る外部結合等について",
        ["条例の根拠", "【報告】", "◇第17条第1項第2号（法令等に基づく外部との結合）"],
        "（担当部課：健康部保健予防課）",
    )
    return layout([cover] + renumber([p1, p2], 2), "split.pdf")


SAIITAKU = [
    ("保有課(担当課)", "区政情報課"),
    ("登録業務の名称", "コールセンター及び区民意見システム"),
    (
        "委託先(再委託先)",
        "ＮＥＣソリューションイノベータ株式会社（プライバシーマーク、ISMS認証取得済）",
    ),
    (
        "再委託に伴い事業者に処理させる情報項目（だれの、どのような項目か）",
        "ＩＤ、パスワード、氏名",
    ),
    ("再委託理由", "円滑かつ効率的に作業を実施することができるため"),
    ("再委託の内容", "１ 区民意見・ＦＡＱシステムの再構築業務の一部"),
    (
        "再委託の開始時期及び期限",
        "１ 再構築 令和６年４月１日から令和７年３月１４日まで\n２ 保守  令和７年１月１日から令和７年３月３１日まで",
    ),
    ("再委託にあたり区が行う情報保護対策", "別紙チェックリストのとおり"),
    ("委託先（再委託先）に行わせる情報保護対策", "別紙チェックリストのとおり"),
]
ITAKU_004 = [
    ("保有課(担当課)", "区政情報課"),
    ("委託先", "日本電気株式会社（プライバシーマーク、ISMS認証取得済）"),
    ("委託の内容", "区民意見・ＦＡＱシステムの保守業務を行う。"),
    ("委託の開始時期及び期限", "令和６年４月１日から令和７年３月１４日まで"),
    ("謎の欄", "どこにも載っていない欄の値"),
]


def subcontract_layout() -> DocumentLayout:
    """Seed 004's shape: 資料 number, full-width text, a 業務委託 sheet then a 再委託 sheet headed 別紙（業務委託）."""
    pages = [
        cover_page(
            1,
            "個人情報保護管理運営会議 付議事項",
            "区民意見・ＦＡＱシステムの再構築等について",
            ["要綱の根拠", "◇第3条第1項第3号（電算処理、外部結合、業務委託）"],
            "（担当部課：総合政策部区政情報課）",
            material="資料２３",
        ),
        sheet_page(
            2, "区民意見・ＦＡＱシステムの再構築等について", ITAKU_004, marker="別紙（業務委託）"
        ),
        sheet_page(
            3,
            "区民意見・ＦＡＱシステムの再構築等についての再委託",
            SAIITAKU,
            marker="別紙（業務委託）",
        ),
        page(4, [text("区民意見・FAQシステムに係る個人情報の流れ", "（資料２３－１）")]),
    ]
    return layout(pages, "subcontract.pdf")


def borderless_layout() -> DocumentLayout:
    """A sheet without rules: labels with inserted spaces at the left, values after a gap on the same line."""
    rows = [
        ("保 有 課（担当課）", "区政情報課"),
        ("登録業務の名称", "区民意見システム"),
        ("結 合 の 相 手 方", "日本電気株式会社（プライバシーマーク取得）"),
        ("結合の開始時期と期間", "令和６年１１月１日から令和７年３月３１日まで"),
        ("情報保護対策", "別紙チェックリストのとおり"),
    ]
    lines = [line("件名 区民意見システムの外部結合について", y0=60)]
    lines += [gap_line(lab, val, y0=90 + 20 * i) for i, (lab, val) in enumerate(rows)]
    cover = cover_page(
        1,
        "個人情報保護管理運営会議　付議事項",
        "区民意見システムについて",
        ["要綱の根拠", "◇第3条第1項第3号（外部結合）"],
        "（担当部課：総合政策部区政情報課）",
    )
    return layout([cover, page(2, [block_of(lines)])], "borderless.pdf")


def borderless_split_blocks_layout() -> DocumentLayout:
    """Borderless again, but labels and values in separate text blocks, one label wrapped over two lines."""
    labels = [line("件名 区民意見システムの外部結合について", y0=60)]
    values: list[Line] = []
    rows = [
        (["保有課（担当課）"], ["区政情報課"]),
        (
            ["結合される情報項", "目（だれの、どの", "ような項目か）"],
            ["氏名、住所、メールアドレス（任意）"],
        ),
        (["結合の相手方"], ["日本電気株式会社（ISMS認証取得済）", "（保守業務を含む）"]),
    ]
    y = 90.0
    for lab, val in rows:
        for k in range(max(len(lab), len(val))):
            if k < len(lab):
                labels.append(line(lab[k], x0=LEFT, y0=y))
            if k < len(val):
                values.append(line(val[k], x0=220, y0=y))
            y += 15
        y += 6
    cover = cover_page(
        1,
        "個人情報保護管理運営会議 付議事項",
        "区民意見システムについて",
        ["要綱の根拠", "◇第3条第1項第3号（外部結合）"],
        "（担当部課：総合政策部区政情報課）",
    )
    return layout([cover, page(2, [block_of(labels), block_of(values)])], "borderless2.pdf")
