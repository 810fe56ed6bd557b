"""Counts outside a 対象者数 heading, うち sub-counts and false positives (pipeline/counts.py,
pipeline/overview.py parse_overview_counts)."""

from __future__ import annotations

import pytest

from pipeline.counts import parse_count_line, parse_counts
from pipeline.overview import parse_overview_counts


def _facts(counts):
    return [(c.label, c.value, c.approx, c.unit) for c in counts]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("年間利用見込み　約 ３８０ 件", [("年間利用見込み", 380, True, "件")]),
        ("選挙人数　約 ９６，０００ 人", [("選挙人数", 96000, True, "人")]),
        ("対象世帯：おおよそ 1,200 世帯", [("対象世帯", 1200, True, "世帯")]),
        ("登録事業所数 概ね３０事業所", [("登録事業所数", 30, True, "事業所")]),
        ("貸与台数　およそ 120 台", [("貸与台数", 120, True, "台")]),
        ("対象校　約 ２５ 校（小学校・中学校）", [("対象校", 25, True, "校")]),
        ("参加事業者 40者程度", [("参加事業者", 40, True, "者")]),
        (
            "応募者：約 380 名　参加者：約 280 名",
            [("応募者", 380, True, "名"), ("参加者", 280, True, "名")],
        ),
    ],
)
def test_a_labelled_approximate_count_line_is_a_count(line, expected):
    assert _facts(parse_count_line(line)) == expected


@pytest.mark.parametrize(
    "line",
    [
        "令和８年４月１日から約３か月",  # a date and a duration
        "個人情報の流れは、資料１２－２のとおり",  # a 資料 number
        "第３条第１項第２号",  # an article
        "委託料　約 3,000,000 円",  # money
        "利用率　約 80 ％",  # a percentage
        "利用者は約500人である。",  # a sentence, not a label
        "約500人の参加を見込む。",  # the count is inside a sentence
        "定員 30名",  # not approximate: only under a count heading
    ],
)
def test_no_count_from_other_numbers(line):
    assert parse_count_line(line) == []


def test_a_count_alone_takes_the_label_line_above():
    assert _facts(parse_count_line("約 380 件", "年間利用見込み")) == [
        ("年間利用見込み", 380, True, "件")
    ]
    assert parse_count_line("約 380 件", "受付を委託する。") == []


def test_uchi_sub_count_is_its_own_count():
    got = parse_counts(
        "給水契約件数　約152,000件（うち下水道使用者　約148,000件）", label="対象者数"
    )
    assert _facts(got) == [
        ("給水契約件数", 152000, True, "件"),
        ("下水道使用者", 148000, True, "件"),
    ]
    # a breakdown stays one count
    got = parse_counts("約900人（25人×4保健センター×9か月）", label="対象者数")
    assert _facts(got) == [("対象者数", 900, True, "人")]
    got = parse_counts("約900人（内訳：区民約800人）", label="対象者数")
    assert _facts(got) == [("対象者数", 900, True, "人")]


def test_overview_counts_outside_a_heading():
    lines = [
        "指令センターと通訳者をつなぐ三者間通話により、20言語の通訳を24時間行う。",
        "本審議会への報告内容",
        "1 業務委託 三者間通話による多言語通訳業務を委託する。",
        "年間利用見込み 約 380 件",
    ]
    assert _facts(parse_overview_counts(lines)) == [("年間利用見込み", 380, True, "件")]


def test_overview_heading_block_counts_are_not_doubled():
    lines = [
        "1 概要",
        "説明。",
        "3 対象者数",
        "選挙人数 約96,000人",
        "※個人情報の流れは、資料3-1のとおり",
    ]
    assert _facts(parse_overview_counts(lines)) == [("選挙人数", 96000, True, "人")]


def test_count_alone_under_a_non_count_heading():
    assert _facts(parse_overview_counts(["1 概要", "説明。", "2 想定利用者", "約500人"])) == [
        ("想定利用者", 500, True, "人")
    ]
    assert parse_overview_counts(["1 概要", "約500人"]) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("年間申請件数 約1,200件/年", [("年間申請件数", 1200, True, "件")]),
        ("対象者数 約900人 ※令和8年4月時点", [("対象者数", 900, True, "人")]),
        (
            "対象者数 約900人、対象世帯数 約400世帯",
            [("対象者数", 900, True, "人"), ("対象世帯数", 400, True, "世帯")],
        ),
    ],
)
def test_count_line_with_a_rate_a_note_or_a_second_count(line, expected):
    assert _facts(parse_count_line(line)) == expected
