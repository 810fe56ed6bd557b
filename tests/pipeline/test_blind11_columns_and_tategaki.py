"""heldout11's layouts: a cover in vertical writing (each column a line of its own, never
merged with its neighbours nor continuing one), and a council whose name goes on before a
known council name (若葉川市情報公開・個人情報保護審査会)."""

from __future__ import annotations

import fixtures_documents as fx
from fixtures_layout import SIZE, block_of

from models.layout import BBox, Line, Span
from pipeline.pairs import region_pairs
from pipeline.units import layout_units
from pipeline.wareki import canonical_council


def _column(text: str, x: float, y0: float = 60.0) -> Line:
    box = BBox(x0=x, y0=y0, x1=x + SIZE, y1=y0 + SIZE * len(text))
    return Line(spans=[Span(text=text, bbox=box, size=SIZE)], bbox=box)


def test_vertical_columns_are_lines_of_their_own():
    cols = [
        _column("件名　学校給食費の公会計化に伴う外部結合等について", 500),
        _column("内容は別紙のとおり", 470),
        _column("条例の根拠", 440),
    ]
    lay = fx.layout([fx.page(1, [block_of([c]) for c in cols])])
    pairs = region_pairs(layout_units(lay), "cover")
    assert [(p.label, p.texts) for p in pairs] == [
        ("件名", ["学校給食費の公会計化に伴う外部結合等について"])
    ]


def test_council_name_going_on_before_a_known_one_is_kept_whole():
    assert (
        canonical_council("若葉川市情報公開・個人情報保護審査会") == "情報公開・個人情報保護審査会"
    )
    assert canonical_council("北浦市個人情報保護審査会") == "個人情報保護審査会"
    assert canonical_council("新宿区個人情報保護管理運営会議") == "個人情報保護管理運営会議"
