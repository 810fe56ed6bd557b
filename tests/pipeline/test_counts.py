"""Counts (pipeline/counts.py): property round trips and the seeds' examples."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.counts import parse_counts

FW = str.maketrans("0123456789,", "０１２３４５６７８９，")


@st.composite
def printed_counts(draw):
    value = draw(st.integers(1, 9_999_999))
    digits = f"{value:,}" if draw(st.booleans()) else str(value)
    if draw(st.booleans()):
        digits = digits.translate(FW)
    approx = draw(st.booleans())
    unit = draw(st.sampled_from(["人", "名", "件", "世帯", "か所"]))
    sp = lambda: draw(st.sampled_from(["", " ", "\u3000"]))  # noqa: E731
    text = ("約" if approx else "") + sp() + digits + sp() + unit
    return text, value, approx, unit


@settings(max_examples=300, deadline=None)
@given(printed_counts(), st.sampled_from(["", "応募者：", "(1) 医療従事者等 ", "3 対象者数 "]))
def test_count_round_trip(case, prefix):
    text, value, approx, unit = case
    got = parse_counts(prefix + text, label="既定")
    assert [(c.value, c.approx, c.unit) for c in got] == [(value, approx, unit)]
    expected_label = {
        "": "既定",
        "応募者：": "応募者",
        "(1) 医療従事者等 ": "医療従事者等",
        "3 対象者数 ": "対象者数",
    }[prefix]
    assert got[0].label == expected_label


def test_breakdown_in_brackets_is_not_a_count():
    got = parse_counts(
        "約900人（25人×4保健センター×9か月） ※令和8年7月より事業開始予定", label="対象者数"
    )
    assert [(c.label, c.value, c.approx, c.unit) for c in got] == [("対象者数", 900, True, "人")]


def test_labelled_lines():
    got = parse_counts("3 対象者数\n応募者：約 380 名\n\n参加者：約 280 名")
    assert [(c.label, c.value, c.approx, c.unit) for c in got] == [
        ("応募者", 380, True, "名"),
        ("参加者", 280, True, "名"),
    ]


def test_numbered_counts_keep_their_labels():
    got = parse_counts(
        "(1) 医療従事者等 約10,000人\n(2) 65歳以上の高齢者 約68,000人\n"
        "(3) その他対象者（16歳以上） 約235,000人"
    )
    assert [(c.label, c.value) for c in got] == [
        ("医療従事者等", 10000),
        ("65歳以上の高齢者", 68000),
        ("その他対象者(16歳以上)", 235000),
    ]


def test_heading_line_labels_the_next_count():
    got = parse_counts("３ 想定投稿数 \n  約40,000件 ")
    assert [(c.label, c.value, c.approx, c.unit) for c in got] == [
        ("想定投稿数", 40000, True, "件")
    ]


def test_other_forms():
    assert parse_counts("約１．５万件")[0].value == 15000
    assert parse_counts("120件程度")[0].approx is True
    assert parse_counts("定員 30名")[0].approx is False
    assert parse_counts("第3回") == []
    assert parse_counts("") == []


def test_labels_when_spaces_were_lost():
    got = parse_counts("3対象者数約900人(25人×4保健センター×9か月)※令和8年7月より事業開始予定")
    assert [(c.label, c.value) for c in got] == [("対象者数", 900)]
    got = parse_counts("5接種対象者の規模(1)医療従事者等約10,000人(2)65歳以上の高齢者約68,000人")
    assert [(c.label, c.value) for c in got] == [
        ("医療従事者等", 10000),
        ("65歳以上の高齢者", 68000),
    ]
