"""Department lines other offices print on the cover (pipeline/cover.py): 担当：…, 【担当】…,
担当部局：…, a contact after the name, a bracket wrapped over two lines."""

from __future__ import annotations

import fixtures_documents as fx
import pytest

from pipeline.mapping import map_record
from pipeline.segment import segment_submissions


def _department(dept_line: str):
    pages = [
        fx.cover_page(
            1,
            "北浜市個人情報保護審議会 付議事項",
            "窓口システムの改修について",
            ["条例の根拠", "◇第7条第1号（電算処理）"],
            dept_line,
        ),
        fx.sheet_page(
            2, "窓口システムの改修について", [("保有課", "市民課"), ("記録媒体", "庁内サーバ")]
        ),
    ]
    lay = fx.layout(pages, "dept.pdf")
    return map_record(segment_submissions(lay)[0], lay, document_id="x").record.department


@pytest.mark.parametrize(
    "line",
    [
        "（担当部課：市民局市民課）",
        "担当：市民局市民課",
        "【担当】市民局市民課",
        "担当部局：市民局市民課",
        "（担当課：市民局市民課　電話０３－１２３４－５６７８）",
        "担当部課名：市民局市民課（内線1234）",
        "（担当部課：市民局\n市民課）",
    ],
)
def test_department_line_variants(line):
    dep = _department(line)
    assert (dep.raw, dep.bureau, dep.division) == ("市民局市民課", "市民局", "市民課")


def test_department_label_on_its_own_line_does_not_swallow_the_next_line():
    dep = _department("担当：市民局市民課\n以上")
    assert dep.raw == "市民局市民課"
