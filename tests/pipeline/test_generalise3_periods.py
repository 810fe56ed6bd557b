"""A range whose start is approximate (…ごろから…まで) is one period, not two."""

from __future__ import annotations

from pipeline.wareki import parse_periods


def test_approximate_start_range_is_one_period():
    periods, _ = parse_periods("令和9年10月ごろから令和10年2月28日まで")
    assert len(periods) == 1
    p = periods[0]
    assert (p.start, p.end, p.approximate) == ("2027-10", "2028-02-28", True)
