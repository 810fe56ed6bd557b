"""Date and period wording other offices print (SCHEMA: 和暦 -> ISO, a month-only date stays
YYYY-MM, 年度 -> its starting western year, ごろ -> approximate, 予定 -> planned)."""

from __future__ import annotations

import pytest

from pipeline.wareki import parse_date, parse_fiscal_year, parse_periods, period_duration


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("令和8/4/1", "2026-04-01"),
        ("R8/4/1", "2026-04-01"),
        ("R8.4.1", "2026-04-01"),
        ("令8.4.1", "2026-04-01"),
        ("令8年4月1日", "2026-04-01"),
        ("R8年4月", "2026-04"),
        ("H31.4.1", "2019-04-01"),
        ("平31年4月1日", "2019-04-01"),
        ("Ｒ８．４．１", "2026-04-01"),
        ("令和元/5/1", "2019-05-01"),
        ("2026年4月1日", "2026-04-01"),
        ("2026/4/1", "2026-04-01"),
        ("2026.4", "2026-04"),
        ("令和８年４月上旬", "2026-04"),
        ("令和八年四月一日", "2026-04-01"),
        ("令和8年4月1日(水)", "2026-04-01"),
    ],
)
def test_date_forms(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "第17条第1項第2号",
        "ISO27001",
        "資料8.4.1",  # a numbering, not a date
        "法令8年",  # 令 inside a word is no era
        "Ver8.4.1",
        "約40,000件",
    ],
)
def test_no_date(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "fy"),
    [("令和8年度中", 2026), ("R8年度", 2026), ("令8年度", 2026), ("2026年度", 2026)],
)
def test_fiscal_years(text, fy):
    assert parse_fiscal_year(text) == fy


def _one(text):
    periods, recurring = parse_periods(text)
    assert len(periods) == 1, periods
    return periods[0], recurring


@pytest.mark.parametrize("dash", ["〜", "～", "~", "－", "-", "‐", "―", "ー", "—"])
def test_range_connectors(dash):
    p, _ = _one(f"令和8年4月1日{dash}令和9年3月31日")
    assert (p.start, p.end) == ("2026-04-01", "2027-03-31")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("令和8/4/1～令和9/3/31", "2026-04-01", "2027-03-31"),
        ("R8.4.1～R9.3.31", "2026-04-01", "2027-03-31"),
        ("令和8年4月1日から令和9年3月31日までの間", "2026-04-01", "2027-03-31"),
        ("令和8年4月1日から9年3月31日まで", "2026-04-01", "2027-03-31"),  # era not repeated
        ("令和8年4月1日～同年9月30日", "2026-04-01", "2026-09-30"),
        ("2026年4月1日～2027年3月31日", "2026-04-01", "2027-03-31"),
        ("令和8年4月1日以降", "2026-04-01", None),
    ],
)
def test_ranges(text, start, end):
    p, _ = _one(text)
    assert (p.start, p.end) == (start, end)


def test_approximate_part_of_month_range():
    p, _ = _one("令和8年4月下旬から令和8年6月中旬まで")
    assert (p.start, p.end, p.approximate) == ("2026-04", "2026-06", True)


@pytest.mark.parametrize("part", ["上旬", "中旬", "下旬", "初旬", "ごろ", "頃"])
def test_part_of_month_is_approximate(part):
    p, _ = _one(f"令和８年４月{part}から")
    assert (p.start, p.approximate) == ("2026-04", True)


def test_month_end_is_not_approximate():
    p, _ = _one("令和8年4月末まで")
    assert (p.end, p.approximate) == ("2026-04", False)


def test_fiscal_year_during():
    p, _ = _one("令和8年度中")
    assert p.start == "2026"


@pytest.mark.parametrize(
    ("text", "start", "duration"),
    [
        ("令和8年4月1日から5年間", "2026-04-01", "5年間"),
        ("令和8年4月1日から3年間(予定)", "2026-04-01", "3年間"),
        ("令和8年4月1日から6か月間", "2026-04-01", "6か月間"),
        ("令和8年4月1日から12ヶ月", "2026-04-01", "12ヶ月"),
    ],
)
def test_duration_keeps_start_no_invented_end(text, start, duration):
    p, _ = _one(text)
    assert (p.start, p.end) == (start, None)
    assert period_duration(text) == duration


def test_duration_from_an_event():
    assert parse_periods("契約締結日から1年間") == ([], False)
    assert period_duration("契約締結日から1年間") == "1年間"


@pytest.mark.parametrize(
    "text",
    [
        "令和8年4月1日から令和9年3月31日まで",
        "令和8年4月1日から(以降1年ごとの自動更新)",  # a renewal clause, not a duration
        "随時",
        "保存期間5年",  # no から before it
    ],
)
def test_no_duration(text):
    assert period_duration(text) is None


@pytest.mark.parametrize(
    ("text", "recurring"),
    [("毎年度", True), ("随時", False), ("常時", False)],
)
def test_undated_wording(text, recurring):
    periods, rec = parse_periods(text)
    assert rec is recurring
    if text in ("随時", "常時", "毎年度"):
        assert periods == []


def test_sheet_period_given_as_duration_warns():
    import fixtures_documents as fx

    from pipeline.mapping import map_record
    from pipeline.segment import segment_submissions

    pages = [
        fx.cover_page(
            1,
            "西川村個人情報保護審議会 諮問事項",
            "窓口業務の委託について",
            ["条例の根拠"],
            "（担当部課：住民課）",
        ),
        fx.sheet_page(
            2,
            "窓口業務の委託について",
            [
                ("保有課", "住民課"),
                ("委託先", "株式会社サンプル"),
                ("委託の開始時期及び期限", "令和8年4月1日から5年間"),
            ],
            marker="別紙",
        ),
    ]
    layout = fx.layout(pages, "duration.pdf")
    rec = map_record(segment_submissions(layout)[0], layout, document_id="x").record
    (sec,) = rec.sections
    assert [(p.start, p.end) for p in sec.periods] == [("2026-04-01", None)]
    assert any(w.code == "period_duration" and "5年間" in w.message for w in rec.warnings)


@pytest.mark.parametrize(
    ("text", "start", "end", "planned"),
    [
        ("令和8年度末まで", None, "2026", False),  # 年度 -> its starting year (SCHEMA)
        ("令和8年度中(予定)", "2026", None, True),
        ("令和8年度中に予定", "2026", None, True),
        ("R8年度～R10年度", "2026", "2028", False),
        ("令和8年度から令和10年度まで", "2026", "2028", False),
    ],
)
def test_fiscal_year_periods(text, start, end, planned):
    p, _ = _one(text)
    assert (p.start, p.end, p.planned) == (start, end, planned)


@pytest.mark.parametrize(
    "text",
    [
        "令和8年4月1日(契約締結日)から令和9年3月31日まで",
        "令和8年4月1日(予定)から令和9年3月31日まで",
        "令和8年4月1日（水）～令和9年3月31日（水）",
    ],
)
def test_note_between_date_and_connector(text):
    p, _ = _one(text)
    assert (p.start, p.end) == ("2026-04-01", "2027-03-31")


@pytest.mark.parametrize(
    ("text", "council", "fy", "session"),
    [
        ("R5年度第9回四日市市個人情報保護運営審議会", "個人情報保護運営審議会", 2023, 9),
        ("令和5年度第九回那覇市個人情報保護運営審議会", "個人情報保護運営審議会", 2023, 9),
        ("H25年度第1回新宿区個人情報保護審議会", "個人情報保護審議会", 2013, 1),
    ],
)
def test_prior_approval_forms(text, council, fy, session):
    from pipeline.wareki import parse_prior_approvals

    (a,) = parse_prior_approvals(text + "において承認")
    assert (a.council, a.fiscal_year, a.session) == (council, fy, session)


@pytest.mark.parametrize(
    "text",
    ["令和7年6月ご ろから(予定)", "令和7年6月ごろか ら(予定)", "令和7年6月ごろか\nら（予定）"],
)
def test_layout_gap_inside_kana_words(text):
    p, _ = _one(text)
    assert (p.start, p.approximate, p.planned) == ("2025-06", True, True)
