"""Period and schedule wordings other offices print (pipeline/wareki.py): a start that is an event
(契約締結日から), ～（予定）, fiscal years only, milestone-first lines, bullets, an open range."""

from __future__ import annotations

import pytest

from pipeline.wareki import parse_periods, parse_schedule


def _periods(cell):
    got, recurring = parse_periods(cell)
    return [(p.label, p.start, p.end, p.approximate, p.planned) for p in got], recurring


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("契約締結日から令和9年3月31日まで", [(None, None, "2027-03-31", False, False)]),
        ("令和８年４月１日～（予定）", [(None, "2026-04-01", None, False, True)]),
        ("令和8年度から", [(None, "2026", None, False, False)]),
        ("令和8年度～令和10年度", [(None, "2026", "2028", False, False)]),
        ("令和8年度から（予定）", [(None, "2026", None, False, True)]),
        ("R8.4.1～R9.3.31", [(None, "2026-04-01", "2027-03-31", False, False)]),
        ("2026年4月1日から2027年3月31日まで", [(None, "2026-04-01", "2027-03-31", False, False)]),
    ],
)
def test_period_variants(cell, expected):
    assert _periods(cell)[0] == expected


def test_fiscal_year_period_recurs():
    periods, recurring = _periods("令和8年度以降も継続して実施")
    assert periods == [(None, "2026", None, False, False)] and recurring


def test_no_period_without_a_date():
    assert _periods("契約締結日から1年間") == ([], False)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("開発：令和8年4月\n稼働：令和8年10月", [("2026-04", "開発"), ("2026-10", "稼働")]),
        (
            "システム改修：令和8年4月～令和8年9月\n本稼働：令和8年10月",
            [("2026-04", "システム改修"), ("2026-10", "本稼働")],
        ),
        (
            "・令和8年4月　契約締結\n・令和8年5月～　システム構築\n・令和9年1月　運用開始",
            [("2026-04", "契約締結"), ("2026-05", "システム構築"), ("2027-01", "運用開始")],
        ),
        ("令和8年度 開発\n令和9年度 稼働", [("2026", "開発"), ("2027", "稼働")]),
        (
            "令和8年4月～9月 開発\n令和8年10月 運用開始（予定）",
            [("2026-04", "開発"), ("2026-10", "運用開始(予定)")],
        ),
    ],
)
def test_schedule_variants(cell, expected):
    assert [(e.date, e.milestone) for e in parse_schedule(cell)] == expected


@pytest.mark.parametrize(
    ("cell", "recurs"),
    [
        ("（令和9年度以降も継続予定）", True),
        ("以降、年度ごとに契約を更新し継続する", True),
        ("以降も引き続き実施", True),
        ("（3年間の長期継続契約）", False),
        ("契約満了後は1年ごとに自動更新する", False),
        ("令和9年度以降の実施は未定", False),
    ],
)
def test_recurring_variants(cell, recurs):
    from pipeline.wareki import is_recurring

    assert is_recurring(cell) is recurs
