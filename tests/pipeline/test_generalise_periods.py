"""予定 anywhere right after a period marks it planned, open-ended periods included."""

from __future__ import annotations

import pytest

from pipeline.wareki import parse_periods


@pytest.mark.parametrize(
    "text",
    [
        "令和9年7月1日から（予定）",
        "令和9年7月1日から 予定",
        "令和9年7月1日以降（予定）",
        "令和9年7月1日から令和10年3月31日まで(予定)",
    ],
)
def test_planned(text):
    periods, _ = parse_periods(text)
    assert periods[0].start == "2027-07-01" and periods[0].planned


def test_not_planned_when_yotei_is_in_an_unrelated_note():
    periods, _ = parse_periods("令和9年7月1日から（契約満了後は自動更新する予定）")
    assert not periods[0].planned
