"""Data-item cells and the 記録項目 list (pipeline/data_items.py), examples from the seeds."""

from __future__ import annotations

from pipeline.data_items import parse_items_cell, parse_record_items


def pairs(cell):
    return [(i.name, i.qualifier) for i in cell.items]


def test_numbered_cell_with_reference_and_system():
    cell = parse_items_cell(
        "1 個人の範囲 5歳児健康診査の対象者 2 記録項目 資料6 1-2のとおり 3 記録するコンピュータ "
        "健康管理システム(ガバメントクラウド上に設置)"
    )
    assert cell.data_subjects == "5歳児健康診査の対象者"
    assert cell.items == [] and cell.ref == "資料61-2"
    assert cell.system == "健康管理システム(ガバメントクラウド上に設置)"


def test_heading_cell_with_system():
    cell = parse_items_cell(
        "【本事業の対象者に係る情報項目】 宛名番号 (住民番号)、氏名、生年月日、性別、転出/死亡フラグ、"
        "マイナンバー、接種券番号\n【記録するコンピュータ】 ホストコンピュータ (情報システム課管理)"
    )
    assert cell.data_subjects == "本事業の対象者"
    assert pairs(cell)[:2] == [("宛名番号", "住民番号"), ("氏名", None)]
    assert pairs(cell)[-1] == ("接種券番号", None)
    assert cell.system == "ホストコンピュータ(情報システム課管理)"
    assert cell.ref is None


def test_plain_list_with_qualifier():
    cell = parse_items_cell("住所、カナ氏名、生年月日、電話番号、メールアドレス（任意）")
    assert pairs(cell) == [
        ("住所", None),
        ("カナ氏名", None),
        ("生年月日", None),
        ("電話番号", None),
        ("メールアドレス", "任意"),
    ]
    assert cell.data_subjects is None


def test_definition_list_gives_subjects():
    cell = parse_items_cell(
        "【該当者（※）に係る情報項目】 \n\nＩＤ、パスワード、氏名、メールアドレス （Ｉ\n\nＤ登録用）、ＦＡＸ番号、"
        "意見及び\n\n回答に関連する電子データ \n\n※ 「該当者」の定義 \n\n１ 区長への投書（一般投書、区長への"
        "はがき、ＷＥＢ）として、区へ意見\n\n等を提出した者 \n\n２ 担当課へ区のホームページから問合せを行い、"
        "かつ、回答を要望する者 \n\n３ コールセンターに問合せを行った者 "
    )
    assert cell.data_subjects == (
        "1区長への投書(一般投書、区長へのはがき、WEB)として、区へ意見等を提出した者"
        "2担当課へ区のホームページから問合せを行い、かつ、回答を要望する者3コールセンターに問合せを行った者"
    )
    assert pairs(cell) == [
        ("ID", None),
        ("パスワード", None),
        ("氏名", None),
        ("メールアドレス", "ID登録用"),
        ("FAX番号", None),
        ("意見及び回答に関連する電子データ", None),
    ]


def test_circled_subjects_and_items_label_variant():
    cell = parse_items_cell(
        "１ 個人の範囲 \n ① 区長への投書として、区へ意見を提 \n  出した者 \n ② コールセンターに問合せを行った者 \n"
        "２ 記録する個人情報の項目 \n ＩＤ、パスワード、電話番号等 \n３ 記録するコンピュータ \n"
        " Microsoft Dynamics 365により構築されたインフラ基盤上に存在するMicrosoft\nのデータベースサーバー"
    )
    assert (
        cell.data_subjects
        == "1区長への投書として、区へ意見を提出した者2コールセンターに問合せを行った者"
    )
    assert pairs(cell) == [("ID", None), ("パスワード", None), ("電話番号等", None)]
    assert (
        cell.system
        == "Microsoft Dynamics 365により構築されたインフラ基盤上に存在するMicrosoftのデータベースサーバー"
    )


def test_record_items_groups():
    lines = [
        "(新)健康管理システムの記録項目",
        "【1】基本情報",
        "(1) 住民情報",
        "市区町村コード、宛名番号、個人履歴番号、住",
        "所、方書",
        "(3)-1 課税情報(共通)",
        "課税年度、未申告区分",
        "【2】健康管理業務情報",
        "(6) 生活保護",
        "申請履歴番号、扶助フラグ(生活、住宅、教育)、廃止年月日",
    ]
    got = parse_record_items(lines)
    assert got[:5] == [
        (["基本情報", "住民情報"], "市区町村コード"),
        (["基本情報", "住民情報"], "宛名番号"),
        (["基本情報", "住民情報"], "個人履歴番号"),
        (["基本情報", "住民情報"], "住所"),
        (["基本情報", "住民情報"], "方書"),
    ]
    assert (["基本情報", "課税情報(共通)"], "未申告区分") in got
    assert got[-2:] == [
        (["健康管理業務情報", "生活保護"], "扶助フラグ(生活、住宅、教育)"),
        (["健康管理業務情報", "生活保護"], "廃止年月日"),
    ]
    assert all(name != "(新)健康管理システムの記録項目" for _, name in got)


# --- against the reviewed goldens: each sheet's `fields` hold the printed cell text ---------
import json  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from pipeline.labels import match_label  # noqa: E402

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def golden_cells(field: str):
    for path in sorted(GOLDEN.glob("0*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        for i, sec in enumerate(rec["sections"]):
            for label, value in sec["fields"].items():
                if match_label(label, "section").field == field:
                    yield pytest.param(sec, value, id=f"{path.stem}-{i}")


@pytest.mark.parametrize(("sec", "value"), list(golden_cells("data_items")))
def test_items_cells_match_goldens(sec, value):
    cell = parse_items_cell(value)
    assert [i.model_dump() for i in cell.items] == sec["data_items"]
    assert cell.ref == sec["data_items_ref"]
    assert cell.data_subjects == sec["data_subjects"]
    if cell.system is not None:
        assert cell.system == sec["system"]


def test_items_given_by_other_reference():
    cell = parse_items_cell("1 個人の範囲 申請者 2 記録項目 別紙1のとおり")
    assert (cell.data_subjects, cell.items, cell.ref) == ("申請者", [], "別紙1")
