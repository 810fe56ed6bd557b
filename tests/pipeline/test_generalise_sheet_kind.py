"""Sheet kind from label variants other forms print, with a 件名 that names no kind."""

from __future__ import annotations

import fixtures_documents as fx
import pytest

from pipeline.segment import segment_submissions


@pytest.mark.parametrize(
    ("rows", "kind"),
    [
        (
            [
                ("保有課", "市民課"),
                ("受託者", "株式会社サンプル"),
                ("委託期間", "令和8年4月1日から"),
            ],
            "業務委託",
        ),
        (
            [
                ("保有課", "市民課"),
                ("結合先", "県の共同システム"),
                ("結合期間", "令和8年4月1日から"),
            ],
            "外部結合",
        ),
        ([("保有課", "市民課"), ("再委託期間", "令和8年4月1日から"), ("受託者", "未定")], "再委託"),
    ],
)
def test_kind_from_label_variants(rows, kind):
    pages = [
        fx.cover_page(
            1,
            "西川村個人情報保護審議会 諮問事項",
            "住民票の写しの交付事務について",
            ["条例の根拠"],
            "（担当部課：住民課）",
        ),
        fx.sheet_page(2, "住民票の写しの交付事務について", rows, marker="別紙"),
    ]
    seg = segment_submissions(fx.layout(pages, "kind.pdf"))[0]
    sheets = [r for r in seg.regions if r.kind == "sheet"]
    assert [r.section_kind for r in sheets] == [kind]
    assert not any(p.code == "sheet_kind_guessed" for p in seg.problems)
