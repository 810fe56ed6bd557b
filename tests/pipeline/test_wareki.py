"""和暦 dates, fiscal years, periods, schedules and prior approvals (pipeline/wareki.py)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.wareki import (
    parse_date,
    parse_fiscal_year,
    parse_periods,
    parse_prior_approvals,
    parse_schedule,
)

ERA_STARTS = [
    ("令和", dt.date(2019, 5, 1)),
    ("平成", dt.date(1989, 1, 8)),
    ("昭和", dt.date(1926, 12, 25)),
]
KANJI = "〇一二三四五六七八九"


def to_kanji(n: int) -> str:
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else KANJI[tens]) + "十" if tens else ""
    return out + (KANJI[ones] if ones else "")


def render_number(n: int, style: str, draw_width) -> str:
    if style == "kanji":
        return to_kanji(n)
    return "".join(chr(ord(c) + 0xFEE0) if draw_width() else c for c in str(n))


@st.composite
def wareki_dates(draw, with_day: bool = True):
    day = draw(st.dates(min_value=dt.date(1926, 12, 25), max_value=dt.date(2060, 12, 31)))
    era, start = next((e, s) for e, s in ERA_STARTS if day >= s)
    year = day.year - start.year + 1
    style = draw(st.sampled_from(["half", "full", "mixed", "kanji"]))

    def width() -> bool:
        return style == "full" or (style == "mixed" and draw(st.booleans()))

    sp = draw(st.sampled_from(["", " ", "\u3000"]))
    y = "元" if year == 1 and draw(st.booleans()) else render_number(year, style, width)
    text = f"{era}{sp}{y}{sp}年{sp}{render_number(day.month, style, width)}{sp}月"
    iso = f"{day.year:04d}-{day.month:02d}"
    if with_day:
        text += f"{sp}{render_number(day.day, style, width)}{sp}日"
        iso = day.isoformat()
    return text, iso, day


@settings(max_examples=300, deadline=None)
@given(wareki_dates())
def test_wareki_day_round_trip(case):
    text, iso, _ = case
    assert parse_date(text) == iso


@settings(max_examples=150, deadline=None)
@given(wareki_dates(with_day=False), st.sampled_from(["", "(予定)", "頃", "以降", " 開発"]))
def test_wareki_month_round_trip(case, suffix):
    text, iso, _ = case
    assert parse_date(text + suffix) == iso


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(ERA_STARTS), st.integers(1, 40), st.booleans(), st.booleans())
def test_fiscal_year(era_start, year, full_width, gan):
    era, start = era_start
    digits = str(year)
    if full_width:
        digits = "".join(chr(ord(c) + 0xFEE0) for c in digits)
    if year == 1 and gan:
        digits = "元"
    assert parse_fiscal_year(f"{era}{digits}年度第9回") == start.year + year - 1


@settings(max_examples=150, deadline=None)
@given(wareki_dates(), wareki_dates(), st.sampled_from(["から", "～", "~"]), st.booleans())
def test_period_range_round_trip(a, b, connector, planned):
    (ta, ia, da), (tb, ib, db) = sorted([a, b], key=lambda c: c[2])
    text = f"{ta}{connector}{tb}まで" + ("(予定)" if planned else "")
    periods, recurring = parse_periods(text)
    assert [(p.start, p.end, p.planned) for p in periods] == [(ia, ib, planned)]
    assert recurring is False


def test_parse_date_examples():
    assert parse_date("令和８年３月１日") == "2026-03-01"
    assert parse_date("令和元年5月1日") == "2019-05-01"
    assert parse_date("平成三十一年四月三十日") == "2019-04-30"
    assert parse_date("令和5年度 令和6年7月以降") == "2024-07"  # a 年度 is not a date
    assert parse_date("2024年4月1日") == "2024-04-01"
    assert parse_date("令和5年2月30日") is None
    assert parse_date("特になし") is None


def test_periods_numbered_labels_and_recurring():
    text = (
        "１ 再構築 令和６年４月１日から令和７年３月１４日まで \n"
        "２ 保守  令和７年１月１日から令和７年３月３１日まで \n"
        " （次年度以降も、同様の保守業務委託を行う。） "
    )
    periods, recurring = parse_periods(text)
    assert [(p.label, p.start, p.end) for p in periods] == [
        ("再構築", "2024-04-01", "2025-03-14"),
        ("保守", "2025-01-01", "2025-03-31"),
    ]
    assert recurring is True


def test_periods_month_only_planned_and_approximate():
    periods, rec = parse_periods("令和8年7月(予定) (次年度以降も、同様の外部結合を行う。)")
    assert [(p.start, p.end, p.planned) for p in periods] == [("2026-07", None, True)]
    assert rec is True
    periods, rec = parse_periods(
        "令和8年4月1日から令和8年12月31日ごろまで（次年度以降も、同様の外部結合を行う。）"
    )
    assert [(p.start, p.end, p.approximate) for p in periods] == [
        ("2026-04-01", "2026-12-31", True)
    ]
    periods, rec = parse_periods("令和3年4月(以降、同様の外部結合を行う。)")
    assert [(p.start, p.end) for p in periods] == [("2021-04", None)] and rec is True


def test_periods_recurring_rules():
    _, rec = parse_periods(
        "令和3年2月8日から令和3年3月31日まで(予定) 保守業務については、継続して業務委託を行う。"
    )
    assert rec is True
    periods, rec = parse_periods(
        "令和3年1月27日から令和4年3月31日まで(予定) ※個人情報の取り扱いは、本審議会了承日以降"
    )
    assert rec is False and periods[0].planned and periods[0].end == "2022-03-31"
    renewal = (
        "令和3年2月12日から令和4年3月31日まで ただし、委託の有効期間の終了1か月前までに、契約当事者"
        "(全国知事会、日本医師会)のいずれか一方により別段の意思表示がないときは、終期の翌日において"
        "向こう1か年間契約の更新をしたものとみなす。なお、契約の更新は2回を限度とする。"
    )
    periods, rec = parse_periods(renewal)
    assert rec is False
    assert [(p.start, p.end, p.planned) for p in periods] == [("2021-02-12", "2022-03-31", False)]


def test_periods_end_inherits_year():
    periods, _ = parse_periods("令和6年12月1日から1月31日まで")
    assert (periods[0].start, periods[0].end) == ("2024-12-01", "2025-01-31")


def test_schedule_one_line_and_lines():
    got = parse_schedule("令和8年3月 開発 令和8年4月 テスト 令和8年7月 本稼働")
    assert [(e.date, e.milestone) for e in got] == [
        ("2026-03", "開発"),
        ("2026-04", "テスト"),
        ("2026-07", "本稼働"),
    ]
    got = parse_schedule(
        "令和６年４月    開発（システム再構築） \n令和６年１１月   テスト  \n令和７年１月    本稼働 "
    )
    assert [(e.date, e.milestone) for e in got] == [
        ("2024-04", "開発(システム再構築)"),
        ("2024-11", "テスト"),
        ("2025-01", "本稼働"),
    ]


def test_schedule_month_range_and_since():
    got = parse_schedule(
        "令和3年3月 設計・プログラミング\n令和3年3月～4月 テスト・検証作業\n令和3年4月 本稼働\n"
        "令和3年4月以降 特定個人情報保護評価（特定個人情報保護評価に関する規則第9条第2項に基づき、\n事後評価となる。）"
    )
    assert [(e.date, e.milestone) for e in got] == [
        ("2021-03", "設計・プログラミング"),
        ("2021-03", "テスト・検証作業"),
        ("2021-04", "本稼働"),
        (
            "2021-04",
            "特定個人情報保護評価(特定個人情報保護評価に関する規則第9条第2項に基づき、事後評価となる。)",
        ),
    ]


def test_prior_approvals():
    got = parse_prior_approvals(
        "（令和5年度第9回新宿区個人情報保護管理運営会議承認済み）。※令和5年度第9回管理運営会議で承認された"
    )
    assert [(a.raw, a.council, a.fiscal_year, a.session) for a in got] == [
        ("令和5年度第9回新宿区個人情報保護管理運営会議", "個人情報保護管理運営会議", 2023, 9)
    ]
    got = parse_prior_approvals(
        "運用している（平成２５年第\n１回情報公開・個人情報保護審議会承認・了承済）。"
        "※太字ゴシック（下線）が平成２５年度第１回情報公開・個人情報保護審議会承認済みの内容"
    )
    assert [(a.raw, a.council, a.fiscal_year, a.session) for a in got] == [
        ("平成25年度第1回情報公開・個人情報保護審議会", "情報公開・個人情報保護審議会", 2013, 1)
    ]
    got = parse_prior_approvals("令和4年度第2回と令和5年度第3回個人情報保護管理運営会議")
    assert [(a.fiscal_year, a.session, a.council) for a in got] == [
        (2022, 2, "個人情報保護管理運営会議"),
        (2023, 3, "個人情報保護管理運営会議"),
    ]


# --- against the reviewed goldens (cell text normalised: spaces from layout removed) -------
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


@pytest.mark.parametrize(("sec", "value"), list(golden_cells("periods")))
def test_periods_match_goldens(sec, value):
    periods, recurring = parse_periods(value)
    assert [p.model_dump() for p in periods] == sec["periods"]
    assert recurring == sec["recurring"]


@pytest.mark.parametrize(("sec", "value"), list(golden_cells("schedule")))
def test_schedule_matches_goldens(sec, value):
    assert [e.model_dump() for e in parse_schedule(value)] == sec["schedule"]


def test_normalised_inputs_still_split():
    got = parse_schedule("令和8年3月開発令和8年4月テスト令和8年7月本稼働")
    assert [(e.date, e.milestone) for e in got] == [
        ("2026-03", "開発"),
        ("2026-04", "テスト"),
        ("2026-07", "本稼働"),
    ]
    periods, rec = parse_periods(
        "1再構築令和6年4月1日から令和7年3月14日まで2保守令和7年1月1日から令和7年3月31日まで"
        "(次年度以降も、同様の保守業務委託を行う。)"
    )
    assert [(p.label, p.start, p.end) for p in periods] == [
        ("再構築", "2024-04-01", "2025-03-14"),
        ("保守", "2025-01-01", "2025-03-31"),
    ] and rec


def test_dotted_era_dates():
    assert parse_date("令和6.4.1") == "2024-04-01"
    assert parse_date("H31.4.30") == "2019-04-30"
    assert parse_date("R7.3") == "2025-03"


def test_kangxi_radical_code_points():
    # some PDFs' text layers use Kangxi radicals (⽉ U+2F49, ⽇ U+2F47); NFKC folds them
    assert parse_date("令和8年3\u2f491\u2f47") == "2026-03-01"
