"""Printed content of the second blind held-out corpus (tests/heldout2), and the hand reading.

Every document is a dict: what is printed (cover, overview rows, sheets with label/value rows,
記録項目, checklists, flow boxes) and, beside it, `gold` values typed by hand (parties, periods,
data items, schedule, counts, …). Markup inside printed strings:
  `\n`         a line break in the cell (layout: the golden drops it)
  `{{…}}`      a span printed bold Gothic + underlined (a change mark)
Rows are (label as printed, value as printed, canonical field of the value or None).
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Standard checklist measures (the catalogue's wording with the municipality substituted).
# key -> (ward text, counterparty text); {M} = municipality name, {W} = its own word (町/県/市),
# {P} = the partner word used by the ward's text (委託先 / 結合先).
_MEASURES = {
    "special_terms": (
        "契約にあたり、「特記事項」を付すとともに、個人情報保護法及び{M}情報セキュリティポリシーを遵守するよう指導する。また、クラウドサービスを利用する場合は、総務省「クラウドサービス提供における情報セキュリティ対策ガイドライン」を準拠するよう指導する。",
        "契約にあたり、「特記事項」を付すとともに、個人情報保護法及び{M}情報セキュリティポリシーを遵守させる。また、クラウドサービスを利用する場合は、総務省「クラウドサービス提供における情報セキュリティ対策ガイドライン」を準拠させる。"),
    "comply_policy": (
        "個人情報保護法及び{M}情報セキュリティポリシーを遵守するよう指導する。また、クラウドサービスを利用する場合は、総務省「クラウドサービス提供における情報セキュリティ対策ガイドライン」を準拠するよう指導する。",
        "個人情報保護法及び{M}情報セキュリティポリシーを遵守させる。また、クラウドサービスを利用する場合は、総務省「クラウドサービス提供における情報セキュリティ対策ガイドライン」を準拠させる。"),
    "onsite_inspection": (
        "契約履行の間、特記事項に基づき立入り調査等を実施するとともに、{P}に対し速やかに状況報告をするよう指導する。",
        "契約履行の間、特記事項に基づき立入り調査等を受けさせるとともに、{P}に対し速やかに状況報告をさせる。"),
    "onsite_inspection_link": (
        "必要に応じて、事業者への立入り調査等を実施するとともに、結合先に対し速やかに状況報告をするよう指導する。",
        "必要に応じて、事業者への立入り調査等を受けさせるとともに、結合先に対し速やかに状況報告をさせる。"),
    "delete_data": (
        "システム上で不要となった電子データを削除し、電子データの消去を行ったことの報告書を提出するよう指導する。",
        "システム上で不要となった電子データを削除させ、電子データの消去を行ったことの報告書を提出させる。"),
    "incident_readiness": (
        "業務開始前に、事故、災害、トラブルに対応できる体制及び手順を整備し、{P}と緊急時の連絡体制や対応手順を確認する。",
        "業務開始前に、事故、災害、トラブルに対応できる体制及び手順を整備させ、{W}と緊急時の連絡体制や対応手順を確認させる。"),
    "incident_consult": (
        "事故が発生した場合又は個人情報保護及び情報セキュリティ対策の変更があった場合は、直ちに{P}と今後の対応を協議する。",
        "事故が発生した場合又は個人情報保護及び情報セキュリティ対策の変更があった場合は、直ちに{W}と今後の対応を協議させる。"),
    "subcontract_inspection": (
        "再委託先がある場合には、委託先との間に立入り調査等ができる契約内容を付すとともに、必要に応じて又は定期的に立入り調査等を実施するよう指導する。",
        "再委託先がある場合には、委託先との間に立入り調査等ができる契約内容を付すとともに、必要に応じて又は定期的に立入り調査等を実施させる。"),
    "designate_handlers": (
        "取扱責任者及び取扱者をあらかじめ指定し、{W}に報告するよう指導する。",
        "取扱責任者及び取扱者をあらかじめ指定させ、{W}に報告させる。"),
    "workflow": (
        "全体の業務フローを作成し、委託先と共有する。",
        "{W}が作成した業務フローに基づき、業務を行わせる。"),
    "carry_locked_bag": (
        "個人情報を手交する場合は、鍵付きカバン等を使用して運搬する。",
        "個人情報を手交する場合は、鍵付きカバン等を使用して運搬させる。"),
    "locked_storage": (
        "個人情報は、施錠できる金庫又はキャビネット等に保管する。",
        "個人情報は、施錠できる金庫又はキャビネット等に保管させる。"),
    "return_and_erase": (
        "業務履行後、個人情報が記録された電磁的媒体（ＤＶＤ－Ｒ等）、紙媒体及びパスワード通知書は返却し、電子データは消去するよう指導する。また、{W}に電子データの消去を行ったことの報告書を提出するよう指導する。",
        "業務履行後、個人情報が記録された電磁的媒体（ＤＶＤ－Ｒ等）、紙媒体及びパスワード通知書は返却させ、電子データは消去させる。また、{W}に電子データの消去を行ったことの報告書を提出させる。"),
    "network_restrict": (
        "接続するネットワークについては、特定相手以外との通信を不可とする。",
        "接続するネットワークについては、特定相手以外との通信を不可とさせる。"),
    "network_devices": (
        "ネットワーク機器やサーバを制御し、通信できるシステムを限定する。",
        "ネットワーク機器やサーバを制御し、通信できるシステムを限定させる。"),
    "encrypt_comm": (
        "通信内容は暗号化し、通信途上の個人情報の盗用、改ざん、成りすましを防止する。",
        "通信内容は暗号化させ、通信途上の個人情報の盗用、改ざん、成りすましを防止させる。"),
    "firewall": (
        "ファイアウォールの設置、サーバの要塞化、侵入検知、セキュリティパッチの適用等の対策を講じ、外部からの不正侵入やデータ破壊・漏えい等各種の攻撃から防御する。",
        "ファイアウォールの設置、サーバの要塞化、侵入検知、セキュリティパッチの適用等の対策を講じさせ、外部からの不正侵入やデータ破壊・漏えい等各種の攻撃から防御させる。"),
    "antivirus": (
        "コンピューターウィルス感染等がないよう、ウィルス対策ソフトウェアの導入及び最新のパターンファイルを適用する。",
        "コンピュータウイルス感染等がないよう、ウイルス対策ソフトウェアの導入及び最新のパターンファイルを適用させる。"),
    "id_password": (
        "ＩＤ・パスワードやアドレス情報による運用により、第三者による個人情報の盗用、改ざん、成りすましを防止する。",
        "ＩＤ・パスワードやアドレス情報による運用により、第三者による個人情報の盗用、改ざん、成りすましを防止させる。"),
    "access_control": (
        "個人情報を保存する場合は、保存先フォルダへアクセス権を設定するとともに、ファイルにパスワードを付すなど、情報へのアクセス制御を徹底する。",
        "個人情報を保存する場合は、保存先フォルダへアクセス権を設定させるとともに、ファイルにパスワードを付すなど、情報へのアクセス制御を徹底させる。"),
    "monitoring_logs": (
        "システム・ネットワークの状態、機器操作、サービス利用等の監視及びアクセスログ等を取得する。取得したログは、定期的に分析する。",
        "システム・ネットワークの状態、機器操作、サービス利用等の監視及びアクセスログ等を取得させる。取得したログは、定期的に分析させる。"),
    "redundancy": (
        "サーバ冗長化、バックアップ等により、事故や障害発生時におけるシステム稼働体制を整備する。",
        "サーバ冗長化、バックアップ等により、事故や障害発生時におけるシステム稼働体制を整備させる。"),
    "entry_control": (
        "入退室管理等により情報資産の危殆化を防止する。",
        "入退室管理等により情報資産の危殆化を防止させる。"),
    "domestic_server": (
        "システムを提供するサーバは日本国内の法が適用される安全性が確保された環境にする。",
        "システムを提供するサーバは日本国内の法が適用される安全性が確保された環境にさせる。"),
}


def measure(key: str, party: str, muni: str, own: str, partner: str = "委託先") -> tuple[str, str]:
    """(printed text, catalogue key) of a standard measure."""
    ward, cp = _MEASURES[key]
    text = (ward if party == "ward" else cp).format(M=muni, W=own, P=partner)
    return text, key.replace("_link", "")


def rows(keys, party, muni, own, partner="委託先", marks=None):
    """Checklist rows: (measure_type, mark as printed, note or None, text, key)."""
    marks = marks or {}
    out = []
    for mtype, ks in keys:
        for k in ks:
            text, key = measure(k, party, muni, own, partner)
            mark, note = marks.get(k, ("〇", None))
            out.append((mtype, mark, note, text, key))
    return out


# =======================================================================================
# k1 — 山北町 健康福祉部介護福祉課: 介護認定審査会のペーパーレス化 (電算処理 + 業務委託, 記録項目)
# Chromium, Noto Sans CJK JP throughout, fixed page header 資料５, horizontal-rule-only checklist.
# =======================================================================================
_K1_OP = [("operational", ["special_terms", "onsite_inspection", "designate_handlers", "workflow",
                           "carry_locked_bag", "locked_storage", "return_and_erase", "incident_consult"]),
          ("technical", ["encrypt_comm", "antivirus", "access_control", "domestic_server"])]
_K1_NOTE = ("－", "電子データのみの取扱いのため")
K1 = {
    "stem": "k1_kaigo_nintei_paperless",
    "route": "html-chromium",
    "header": "資料５",
    "cover": {
        "heading": "山北町個人情報保護審議会　付議事項",
        "material_no": "資料５",
        "title_label": "件名",
        "title": "介護認定審査会のペーパーレス化に伴う電算処理及び業務委託について",
        "lead": "内容は別紙のとおり",
        "basis_label": "条例の根拠",
        "basis_lines": ["◇山北町個人情報保護法施行条例第５条第２号（電算処理、業務委託）"],
        "dept": "（担当部課：健康福祉部介護福祉課）",
    },
    "overview": [
        ("事業名", "介護保険要介護認定事務（介護認定審査会）", "business_name"),
        ("所管課", "介護福祉課", "divisions"),
        ("目的", "介護認定審査会の資料をタブレット端末で閲覧できるようにし、資料の印刷・郵送に係る事務の効率化及び紙媒体の紛失リスクの低減を図る。", "purpose"),
        ("対象となる者", "要介護・要支援認定の申請を行った町民", "data_subjects"),
        ("事業内容",
         "１　概要\n本町では、介護認定審査会の資料を紙で作成し、開催の約１週間前に委員へ郵送している。印刷及び郵送に係る事務負担が大きく、紙媒体の紛失のおそれもあることから、令和８年度からタブレット端末を用いたペーパーレス会議システムを導入する。\n"
         "２　本審議会への付議内容\n⑴　電算処理　介護保険システムから審査会資料データを出力し、ペーパーレス会議システムに登録する。\n⑵　業務委託　ペーパーレス会議システムの提供及び運用保守を委託する。\n"
         "３　対象者数　約６００人（年間の審査件数　約１，８００件）\n※個人情報の流れは、資料５－１のとおり", "description"),
    ],
    "sheets": [
        {"kind": "電算処理", "title": "介護保険システムの改修について", "legend": False,
         "rows": [
             ("保有課", "介護福祉課", "holding_divisions"),
             ("業務の名称", "介護保険要介護認定事務", "registered_business"),
             ("記録される個人情報の項目", "⑴　個人の範囲　要介護・要支援認定の申請者\n⑵　記録項目　資料５－２のとおり\n⑶　記録するコンピュータ　介護保険システム（庁内サーバ）", "data_items"),
             ("変更等の理由", "介護認定審査会資料をペーパーレス会議システムに登録するため、審査会資料データを出力する機能が必要となるため。", "reason"),
             ("変更等の内容", "審査会資料データ（ＰＤＦ）の一括出力機能を追加する。", "content"),
             ("開発等を委託する場合の保護対策", "改修作業は庁内で行わせ、委託先には個人情報を含むデータを持ち出させない。", "protection"),
             ("実施時期", "令和７年１１月　改修\n令和８年１月　テスト\n令和８年４月　本稼働", "schedule"),
         ],
         "gold": {"holding_divisions": ["介護福祉課"], "registered_business": "介護保険要介護認定事務",
                  "data_subjects": "要介護・要支援認定の申請者", "data_items": [], "data_items_ref": "資料5-2",
                  "system": "介護保険システム(庁内サーバ)",
                  "reason": "@reason", "content": "@content",
                  "counterparty": None, "periods": [], "recurring": False,
                  "schedule": [{"date": "2025-11", "milestone": "改修"}, {"date": "2026-01", "milestone": "テスト"},
                               {"date": "2026-04", "milestone": "本稼働"}],
                  "protection": {"ward": "@protection", "contractor": "@protection"}}},
        {"kind": "業務委託", "title": "ペーパーレス会議システムの提供及び運用保守業務の委託について", "legend": False,
         "rows": [
             ("保有課", "介護福祉課", "holding_divisions"),
             ("業務の名称", "介護保険要介護認定事務", "registered_business"),
             ("受託者", "株式会社ヤマキタ情報サービス（プライバシーマーク取得）", "counterparty"),
             ("委託する個人情報の項目", "【認定審査の対象者に係る情報項目】\n被保険者番号、氏名、性別、年齢、要介護状態区分（前回）、主治医意見書の記載内容、認定調査票の記載内容", "data_items"),
             ("記録媒体", "電磁的媒体（ペーパーレス会議システムのクラウドサーバ）", "system"),
             ("委託の理由", "ペーパーレス会議システムの提供実績を持つ事業者に委託することにより、安全かつ効率的にシステムを運用するため。", "reason"),
             ("委託する業務の内容", "⑴　ペーパーレス会議システムの提供\n⑵　運用保守及び障害対応", "content"),
             ("委託期間", "令和７年１２月１日から令和８年３月３１日まで\n（令和８年度以降も、同様の業務委託を行う。）", "periods"),
             ("町が行う情報保護対策", "別紙チェックリストのとおり", "protection"),
             ("受託者に行わせる情報保護対策", "別紙チェックリストのとおり", "protection"),
         ],
         "gold": {"holding_divisions": ["介護福祉課"], "registered_business": "介護保険要介護認定事務",
                  "data_subjects": "認定審査の対象者",
                  "data_items": [("被保険者番号", None), ("氏名", None), ("性別", None), ("年齢", None),
                                 ("要介護状態区分", "前回"), ("主治医意見書の記載内容", None), ("認定調査票の記載内容", None)],
                  "data_items_ref": None, "system": "@system", "reason": "@reason", "content": "@content",
                  "counterparty": {"name": "株式会社ヤマキタ情報サービス", "undecided": False, "certifications": ["privacy_mark"]},
                  "periods": [{"label": None, "start": "2025-12-01", "end": "2026-03-31", "approximate": False, "planned": False}],
                  "recurring": True, "schedule": [],
                  "protection": {"ward": "checklist", "contractor": "checklist"}}},
    ],
    "flow": {"title": "介護認定審査会資料に係る個人情報の流れ", "ref": "（資料５－１）",
             "boxes": ["介護福祉課（介護保険システム）", "→ 審査会資料データ（ＰＤＦ）をＬＧＷＡＮ経由で登録 →",
                       "ペーパーレス会議システム（クラウド）", "→ 委員のタブレット端末で閲覧（閲覧のみ・保存不可） →", "介護認定審査会委員"]},
    "record_items": {
        "ref": "（資料５－２）", "title": "介護保険システムの記録項目",
        "legend": "※太字ゴシック（下線）が、令和４年度第２回山北町個人情報保護審議会承認済の内容からの変更箇所",
        "groups": [
            ("【１】被保険者情報", "⑴　基本情報", "被保険者番号、宛名番号、氏名、カナ氏名、性別、生年月日、住所、電話番号、世帯番号"),
            ("【１】被保険者情報", "⑵　資格情報", "資格取得日、資格喪失日、被保険者区分、住所地特例区分"),
            ("【２】認定情報", "⑴　申請情報", "申請日、申請区分、前回要介護状態区分、認定有効期間"),
            ("【２】認定情報", "⑵　審査会情報", "審査会開催日、合議体番号、審査判定結果、{{審査会資料登録日時、タブレット配信履歴}}"),
        ],
        "gold_groups": [["被保険者情報", "基本情報"], ["被保険者情報", "資格情報"], ["認定情報", "申請情報"], ["認定情報", "審査会情報"]],
    },
    "checklists": [
        {"heading": "２　業務委託に係る個人情報保護対策チェックリスト", "kind": "業務委託", "style": "hrule",
         "parts": [
             ("ward", "町が行う情報保護対策", rows(_K1_OP, "ward", "山北町", "町",
                                                 marks={"carry_locked_bag": _K1_NOTE, "locked_storage": _K1_NOTE})),
             ("counterparty", "受託者に行わせる情報保護対策", rows(_K1_OP, "counterparty", "山北町", "町",
                                                            marks={"carry_locked_bag": _K1_NOTE, "locked_storage": _K1_NOTE})),
         ]},
    ],
    "gold": {
        "council": "個人情報保護審議会", "item_kind": "付議事項", "material_no": "資料5",
        "title": "介護認定審査会のペーパーレス化に伴う電算処理及び業務委託について",
        "basis": {"instrument": "条例", "report": False,
                  "provisions": [{"article": "第5条第2号", "subject": "電算処理、業務委託"}]},
        "department": {"raw": "健康福祉部介護福祉課", "bureau": "健康福祉部", "division": "介護福祉課"},
        "overview": {"business_name": "介護保険要介護認定事務(介護認定審査会)", "divisions": ["介護福祉課"],
                     "data_subjects": "要介護・要支援認定の申請を行った町民",
                     "agenda": ["電算処理 介護保険システムから審査会資料データを出力し、ペーパーレス会議システムに登録する。",
                                "業務委託 ペーパーレス会議システムの提供及び運用保守を委託する。"],
                     "counts": [{"label": "対象者数", "value": 600, "approx": True, "unit": "人"},
                                {"label": "年間の審査件数", "value": 1800, "approx": True, "unit": "件"}]},
        "prior_approvals": [{"raw": "令和4年度第2回山北町個人情報保護審議会", "council": "個人情報保護審議会",
                             "fiscal_year": 2022, "session": 2}],
        "references": ["資料5-1", "資料5-2"],
    },
}

# =======================================================================================
# k2 — 北浜県 総務部総務事務センター: 電子契約サービスの導入 (外部結合 + 業務委託)
# Chromium, Noto Serif CJK body + Noto Sans labels, cover in a box, page header 資料３,
# 外部結合 sheet with the label column on the RIGHT, checklist breaking across pages.
# =======================================================================================
_K2_LINK = [("operational", ["comply_policy", "onsite_inspection_link", "delete_data", "incident_readiness", "incident_consult"]),
            ("technical", ["network_restrict", "network_devices", "encrypt_comm", "firewall", "antivirus", "id_password",
                           "access_control", "monitoring_logs", "redundancy", "entry_control", "domestic_server"])]
K2 = {
    "stem": "k2_denshi_keiyaku_ken",
    "route": "html-chromium",
    "header": "資料３",
    "cover": {
        "heading": "北浜県個人情報保護委員会　諮問事項",
        "material_no": "資料３",
        "title_label": "件　名",
        "title": "電子契約サービスの導入に伴う外部結合及び業務委託について",
        "lead": "内容は別紙のとおり",
        "basis_label": "要綱の根拠",
        "basis_lines": ["◇第４条第１項第２号（外部結合、業務委託）"],
        "dept": "（所管：総務部総務事務センター）",
        "boxed": True,
    },
    "overview": [
        ("事業名", "電子契約サービスの導入", "business_name"),
        ("担当課", "総務事務センター、会計課", "divisions"),
        ("目的", "契約事務をオンラインで完結できるようにし、事業者の来庁・郵送の負担軽減、印紙税等の削減及び契約事務の迅速化を図る。", "purpose"),
        ("対象者", "県と契約を締結する事業者の代表者及び契約担当者", "data_subjects"),
        ("事業内容",
         "第１　概要\n県では、工事・委託・物品の契約書を紙で作成し、押印のうえ郵送等で取り交わしている。令和８年１月から、クラウド型の電子契約サービスを導入し、事業者が電子署名により契約を締結できるようにする。\n"
         "第２　本委員会への諮問内容\n１　外部結合　庁内の財務会計端末から、インターネット経由で電子契約サービスに接続する。\n２　業務委託　電子契約サービスの提供及び導入支援・運用保守を委託する。\n"
         "第３　対象者数　約２，５００人（年間契約件数　約４，０００件）\n※個人情報の流れは、資料３－１のとおり", "description"),
    ],
    "sheets": [
        {"kind": "外部結合", "title": "電子契約サービスとの外部結合について", "legend": False, "label_right": True,
         "rows": [
             ("担当課", "総務事務センター、会計課", "holding_divisions"),
             ("登録業務の名称", "契約事務", "registered_business"),
             ("結合する情報項目", "１．個人の範囲　県と契約を締結する事業者の代表者及び契約担当者\n２．記録項目　氏名、役職、メールアドレス、電話番号（任意）、電子署名の記録（タイムスタンプを含む。）", "data_items"),
             ("結合先", "弁護士ドットコム株式会社（ISO/IEC27001認証取得）", "counterparty"),
             ("結合の理由", "契約書の締結をオンラインで行うことにより、事業者の負担軽減と契約事務の効率化を図るため。", "reason"),
             ("結合の方法", "財務会計端末からインターネット分離環境（画面転送）を経由し、電子契約サービスにＴＬＳ通信で接続する。", "connection_method"),
             ("結合の時期", "令和８年１月ごろ（予定）\n（以降も継続して結合する。）", "periods"),
             ("個人情報保護対策", "別紙チェックリストのとおり", "protection"),
         ],
         "gold": {"holding_divisions": ["総務事務センター", "会計課"], "registered_business": "契約事務",
                  "data_subjects": "県と契約を締結する事業者の代表者及び契約担当者",
                  "data_items": [("氏名", None), ("役職", None), ("メールアドレス", None), ("電話番号", "任意"),
                                 ("電子署名の記録", "タイムスタンプを含む。")],
                  "data_items_ref": None, "system": None, "reason": "@reason", "content": None,
                  "counterparty": {"name": "弁護士ドットコム株式会社", "undecided": False, "certifications": ["isms"]},
                  "connection_method": "@connection_method",
                  "periods": [{"label": None, "start": "2026-01", "end": None, "approximate": True, "planned": True}],
                  "recurring": True, "schedule": [],
                  "protection": {"ward": "checklist", "contractor": "checklist"}}},
        {"kind": "業務委託", "title": "電子契約サービスの提供及び導入支援等業務の委託について", "legend": False,
         "rows": [
             ("保有課（担当課）", "総務事務センター", "holding_divisions"),
             ("登録業務の名称", "契約事務", "registered_business"),
             ("委託先", "弁護士ドットコム株式会社（ISO/IEC27001認証取得）", "counterparty"),
             ("委託に伴い事業者に処理させる情報項目（だれの、どのような項目か）", "【契約の相手方に係る情報項目】\n氏名、役職、メールアドレス、電話番号（任意）", "data_items"),
             ("処理させる情報項目の記録媒体", "電磁的媒体（電子契約サービスのクラウドサーバ）", "system"),
             ("委託理由", "電子契約サービスの提供事業者であり、導入支援及び運用保守を安全かつ効率的に行うことができるため。", "reason"),
             ("委託の内容", "１　電子契約サービスの提供\n２　導入支援（職員向け操作研修を含む。）\n３　運用保守及び問合せ対応", "content"),
             ("委託の開始時期及び期限", "１　導入支援　令和７年１０月１日から令和７年１２月２６日まで\n２　運用保守　令和８年１月５日から令和９年３月３１日まで（予定）", "periods"),
             ("委託にあたり県が行う情報保護対策", "別紙チェックリストのとおり", "protection"),
             ("受託事業者に行わせる情報保護対策", "別紙チェックリストのとおり", "protection"),
         ],
         "gold": {"holding_divisions": ["総務事務センター"], "registered_business": "契約事務",
                  "data_subjects": "契約の相手方",
                  "data_items": [("氏名", None), ("役職", None), ("メールアドレス", None), ("電話番号", "任意")],
                  "data_items_ref": None, "system": "@system", "reason": "@reason", "content": "@content",
                  "counterparty": {"name": "弁護士ドットコム株式会社", "undecided": False, "certifications": ["isms"]},
                  "periods": [{"label": "導入支援", "start": "2025-10-01", "end": "2025-12-26", "approximate": False, "planned": False},
                              {"label": "運用保守", "start": "2026-01-05", "end": "2027-03-31", "approximate": False, "planned": True}],
                  "recurring": False, "schedule": [],
                  "protection": {"ward": "checklist", "contractor": "checklist"}}},
    ],
    "flow": None,
    "record_items": None,
    "checklists": [
        {"heading": "第４　外部結合に係る個人情報保護対策チェックリスト", "kind": "外部結合", "style": "grid",
         "parts": [
             ("ward", "県が行う情報保護対策", rows(_K2_LINK, "ward", "北浜県", "県", "結合先",
                                                 marks={"entry_control": ("－", "入退室管理は結合先が行うため")})),
             ("counterparty", "結合先に行わせる情報保護対策", rows(_K2_LINK, "counterparty", "北浜県", "県", "結合先")),
         ]},
    ],
    "gold": {
        "council": "個人情報保護委員会", "item_kind": "諮問事項", "material_no": "資料3",
        "title": "電子契約サービスの導入に伴う外部結合及び業務委託について",
        "basis": {"instrument": "要綱", "report": False,
                  "provisions": [{"article": "第4条第1項第2号", "subject": "外部結合、業務委託"}]},
        "department": {"raw": "総務部総務事務センター", "bureau": "総務部", "division": "総務事務センター"},
        "overview": {"business_name": "電子契約サービスの導入", "divisions": ["総務事務センター", "会計課"],
                     "data_subjects": "県と契約を締結する事業者の代表者及び契約担当者",
                     "agenda": ["外部結合 庁内の財務会計端末から、インターネット経由で電子契約サービスに接続する。",
                                "業務委託 電子契約サービスの提供及び導入支援・運用保守を委託する。"],
                     "counts": [{"label": "対象者数", "value": 2500, "approx": True, "unit": "人"},
                                {"label": "年間契約件数", "value": 4000, "approx": True, "unit": "件"}]},
        "prior_approvals": [],
        "references": ["資料3-1"],
    },
}

# =======================================================================================
# k3 — 東ヶ丘市 教育委員会事務局学務課: 学校給食費の公会計化 (業務委託 + 再委託)
# reportlab drawn directly: legacy look, separate thin line segments, letter-spaced labels.
# =======================================================================================
_K3_KEYS = [("operational", ["special_terms", "subcontract_inspection", "designate_handlers", "carry_locked_bag",
                             "handover_ledger", "locked_storage"]),
            ("technical", ["encrypt_comm", "access_control"])]
_MEASURES["handover_ledger"] = (
    "個人情報の受渡しにあたっては、管理簿に記載する。管理簿には、日時、取扱者、情報の内容、数量を確認記録票に記録し、履歴を追跡できるようにする。",
    "個人情報の受け渡しにあたっては、管理簿に記載させる。管理簿には、日時、取扱者、情報の内容、数量を確認記録票に記録し、履歴を追跡できるようにさせる。")
K3 = {
    "stem": "k3_kyushoku_koukaikei",
    "route": "reportlab-legacy",
    "cover": {
        "heading": "東ヶ丘市情報公開・個人情報保護運営審議会　諮問・報告事項",
        "material_no": "資料１１",
        "title_label": "件　　名",
        "title": "学校給食費公会計システムの運用に係る業務委託及び再委託について",
        "lead": "【報告】",
        "basis_label": "条例の根拠",
        "basis_lines": ["◇業務委託（第１０条第２項）　報告事項", "◇再委託（第１０条第３項）　報告事項"],
        "dept": "（担当部課：教育委員会事務局学務課）",
    },
    "overview": [
        ("事業名", "学校給食費の公会計化", "business_name"),
        ("担当課", "学務課", "divisions"),
        ("目的", "学校給食費を市の歳入として管理し、教員の徴収事務の負担を軽減するとともに、会計の透明性を確保する。", "purpose"),
        ("対象者", "市立小・中学校の児童生徒及びその保護者", "data_subjects"),
        ("事業内容",
         "１　概要\n平成３１年度から学校給食費を公会計化し、学校給食費公会計システムにより徴収管理を行っている。令和７年度からは、口座振替データの作成及び督促状の印刷封入を、委託先を通じて印刷事業者に再委託する。\n"
         "２　本審議会への報告内容\nア　業務委託　学校給食費公会計システムの運用保守及び徴収管理補助業務を委託する。\nイ　再委託　口座振替依頼書の読取り及び督促状の印刷・封入封緘を再委託する。\n"
         "３　対象者数　約１２，０００人\n※個人情報の流れは、資料１１－１のとおり", "description"),
    ],
    "sheets": [
        {"kind": "業務委託", "title": "学校給食費公会計システムの運用保守等業務の委託について", "legend": True,
         "rows": [
             ("保有課（担当課）", "学務課", "holding_divisions"),
             ("登録業務の名称", "学校給食費徴収管理事務", "registered_business"),
             ("委　託　先", "株式会社ひがしおかシステム（プライバシーマーク取得）（ISMS認証取得）", "counterparty"),
             ("処理させる情報項目", "ア　個人の範囲　市立小・中学校の児童生徒及びその保護者\nイ　記録項目　児童生徒氏名、学校名、学年、組、保護者氏名、住所、電話番号、口座情報（振替口座の場合）、納付状況", "data_items"),
             ("記　録　媒　体", "電磁的媒体（学校給食費公会計システム）", "system"),
             ("委　託　理　由", "システムの開発事業者であり、運用保守及び徴収管理補助を安全かつ効率的に行うことができるため。", "reason"),
             ("委託の内容", "ア　システムの運用保守\nイ　納付書・口座振替データの作成\nウ　督促状の作成", "content"),
             ("委託の開始時期及び期限", "{{令和７年４月１日から令和１２年３月３１日まで}}\n（契約期間満了後は、１年ごとに自動更新する。）", "periods"),
             ("区分", "報告", None),
             ("情報保護対策（市）", "別紙チェックリストのとおり", "protection"),
             ("情報保護対策（受託者）", "別紙チェックリストのとおり", "protection"),
         ],
         "gold": {"holding_divisions": ["学務課"], "registered_business": "学校給食費徴収管理事務",
                  "data_subjects": "市立小・中学校の児童生徒及びその保護者",
                  "data_items": [("児童生徒氏名", None), ("学校名", None), ("学年", None), ("組", None), ("保護者氏名", None),
                                 ("住所", None), ("電話番号", None), ("口座情報", "振替口座の場合"), ("納付状況", None)],
                  "data_items_ref": None, "system": "@system", "reason": "@reason", "content": "@content",
                  "counterparty": {"name": "株式会社ひがしおかシステム", "undecided": False, "certifications": ["privacy_mark", "isms"]},
                  "periods": [{"label": None, "start": "2025-04-01", "end": "2030-03-31", "approximate": False, "planned": False}],
                  "recurring": False, "schedule": [],
                  "protection": {"ward": "checklist", "contractor": "checklist"}}},
        {"kind": "再委託", "title": "口座振替依頼書の読取り及び督促状の印刷・封入封緘業務の再委託について", "legend": True,
         "rows": [
             ("保有課（担当課）", "学務課", "holding_divisions"),
             ("登録業務の名称", "学校給食費徴収管理事務", "registered_business"),
             ("委託先（再委託先）", "【委託先】株式会社ひがしおかシステム（プライバシーマーク取得）（ISMS認証取得）\n【再委託先】未定（入札により決定する）", "counterparty"),
             ("再委託する情報項目", "【督促対象の保護者に係る情報項目】\n保護者氏名、住所、{{口座番号、口座名義}}、未納額", "data_items"),
             ("記　録　媒　体", "紙媒体及び電磁的媒体（ＤＶＤ－Ｒ）", "system"),
             ("再委託理由", "大量の帳票の読取り及び印刷・封入封緘を短期間で行う設備を有する事業者に再委託することで、業務を確実に実施するため。", "reason"),
             ("再委託の内容", "ア　口座振替依頼書の読取り（ＯＣＲ）\nイ　督促状の印刷及び封入封緘", "content"),
             ("再委託の開始時期及び期限", "令和７年６月ごろから（予定）", "periods"),
             ("情報保護対策（市）", "別紙チェックリストのとおり", "protection"),
             ("情報保護対策（受託者）", "別紙チェックリストのとおり", "protection"),
         ],
         "gold": {"holding_divisions": ["学務課"], "registered_business": "学校給食費徴収管理事務",
                  "data_subjects": "督促対象の保護者",
                  "data_items": [("保護者氏名", None), ("住所", None), ("口座番号", None), ("口座名義", None), ("未納額", None)],
                  "data_items_ref": None, "system": "@system", "reason": "@reason", "content": "@content",
                  "counterparty": {"name": None, "undecided": True, "certifications": []},
                  "prime_contractor": {"name": "株式会社ひがしおかシステム", "undecided": False, "certifications": ["privacy_mark", "isms"]},
                  "periods": [{"label": None, "start": "2025-06", "end": None, "approximate": True, "planned": True}],
                  "recurring": False, "schedule": [],
                  "protection": {"ward": "checklist", "contractor": "checklist"}}},
    ],
    "legend": "※太字ゴシック（下線）が、平成３０年度第４回東ヶ丘市情報公開・個人情報保護運営審議会承認済の内容からの変更箇所",
    "flow": None,
    "record_items": None,
    "checklists": [
        {"heading": "業務委託にかかる個人情報保護対策チェックリスト", "kind": "業務委託", "style": "legacy",
         "parts": [
             ("ward", "委託にあたり市が行う個人情報保護対策",
              rows(_K3_KEYS, "ward", "東ヶ丘市", "市",
                   marks={"carry_locked_bag": ("ー", "データはＤＶＤ－Ｒで郵送するため"), "locked_storage": ("", None)})),
             ("counterparty", "委託事業者に行わせる個人情報保護対策",
              rows(_K3_KEYS, "counterparty", "東ヶ丘市", "市",
                   marks={"carry_locked_bag": ("ー", "データはＤＶＤ－Ｒで郵送するため")})),
         ]},
    ],
    "gold": {
        "council": "情報公開・個人情報保護運営審議会", "item_kind": "諮問・報告事項", "material_no": "資料11",
        "title": "学校給食費公会計システムの運用に係る業務委託及び再委託について",
        "basis": {"instrument": "条例", "report": True,
                  "provisions": [{"article": "第10条第2項", "subject": "業務委託"}, {"article": "第10条第3項", "subject": "再委託"}]},
        "department": {"raw": "教育委員会事務局学務課", "bureau": "教育委員会事務局", "division": "学務課"},
        "overview": {"business_name": "学校給食費の公会計化", "divisions": ["学務課"],
                     "data_subjects": "市立小・中学校の児童生徒及びその保護者",
                     "agenda": ["業務委託 学校給食費公会計システムの運用保守及び徴収管理補助業務を委託する。",
                                "再委託 口座振替依頼書の読取り及び督促状の印刷・封入封緘を再委託する。"],
                     "counts": [{"label": "対象者数", "value": 12000, "approx": True, "unit": "人"}]},
        "prior_approvals": [{"raw": "平成30年度第4回東ヶ丘市情報公開・個人情報保護運営審議会",
                             "council": "情報公開・個人情報保護運営審議会", "fiscal_year": 2018, "session": 4}],
        "references": ["資料11-1"],
    },
}

# =======================================================================================
# k4 — 西原市 市民部市民課: 窓口予約システムのクラウド化 — a fragment (外部結合 sheet + flow only)
# Chromium, IPA Mincho / IPA Gothic, narrow bordered table, `1.` numbering, no cover, no checklist.
# =======================================================================================
K4 = {
    "stem": "k4_madoguchi_yoyaku_fragment",
    "route": "html-chromium",
    "header": None,
    "cover": None,
    "overview": [],
    "pre_heading": "別紙１",
    "sheets": [
        {"kind": "外部結合", "title": "窓口予約システムのクラウド化に伴う外部結合について", "legend": False,
         "rows": [
             ("保有課（担当課）", "市民課、保険年金課", "holding_divisions"),
             ("登録業務の名称", "住民記録事務、国民健康保険事務", "registered_business"),
             ("結合される情報項目（だれの、どのような項目か）", "1.個人の範囲　窓口の来庁予約を行う市民\n2.記録項目　氏名、カナ氏名、電話番号、メールアドレス（任意）、予約日時、手続の種類", "data_items"),
             ("結合の相手方", "未定（公募型プロポーザルにより選定する）", "counterparty"),
             ("結合する理由", "窓口予約システムをクラウドサービスに移行し、庁内サーバの保守費用を削減するとともに、スマートフォンからの予約を可能とするため。", "reason"),
             ("結合の形態", "ＬＧＷＡＮ－ＡＳＰとして提供されるクラウドサービスに、庁内の業務端末からＬＧＷＡＮ回線を経由して接続する。", "connection_method"),
             ("結合の開始時期と期間", "令和８年１０月１日から（予定）\n（以降も継続して結合する。）", "periods"),
             ("情報保護対策", "１．特定の端末以外からの接続を不可とする。\n２．通信はＬＧＷＡＮ内に限定し、暗号化する。\n３．予約データは予約日から１年経過後に自動で消去する。", "protection"),
         ],
         "gold": {"holding_divisions": ["市民課", "保険年金課"], "registered_business": "住民記録事務、国民健康保険事務",
                  "data_subjects": "窓口の来庁予約を行う市民",
                  "data_items": [("氏名", None), ("カナ氏名", None), ("電話番号", None), ("メールアドレス", "任意"),
                                 ("予約日時", None), ("手続の種類", None)],
                  "data_items_ref": None, "system": None, "reason": "@reason", "content": None,
                  "counterparty": {"name": None, "undecided": True, "certifications": []},
                  "connection_method": "@connection_method",
                  "periods": [{"label": None, "start": "2026-10-01", "end": None, "approximate": False, "planned": True}],
                  "recurring": True, "schedule": [],
                  "protection": {"ward": "@protection", "contractor": "@protection"}}},
    ],
    "flow": {"title": "窓口予約システムに係る個人情報の流れ", "ref": "",
             "boxes": ["市民（スマートフォン・パソコン）", "→ 予約情報の入力（ＴＬＳ暗号化） →", "窓口予約システム（ＬＧＷＡＮ－ＡＳＰ）",
                       "→ ＬＧＷＡＮ回線 →", "市民課・保険年金課（業務端末）"]},
    "record_items": None,
    "checklists": [],
    "gold": {
        "council": None, "item_kind": None, "material_no": None, "title": None,
        "basis": {"instrument": None, "report": False, "provisions": []},
        "department": {"raw": None, "bureau": None, "division": None},
        "overview": {"business_name": None, "divisions": [], "data_subjects": None, "agenda": [], "counts": []},
        "prior_approvals": [],
        "references": [],
    },
}

DOCS = [K1, K2, K3, K4]
SCANNED = ["k3_kyushoku_koukaikei", "k4_madoguchi_yoyaku_fragment"]
