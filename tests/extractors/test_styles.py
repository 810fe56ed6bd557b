"""Bold (font name, font flags, fill+stroke, double print) and per-character underlines."""

from __future__ import annotations

import pymupdf
import pytest
from build_pdfs import new_page, save, text

from extractors.layout import extract_layout
from extractors.styles import bold_font_name


def _spans(layout):
    return [
        (s.text, s.bold, s.underline)
        for b in layout.pages[0].blocks
        for ln in b.lines
        for s in ln.spans
    ]


@pytest.mark.parametrize(
    "name,bold",
    [
        ("MS-Gothic,Bold", True),
        ("ABCDEF+IPAGothic-Bold", True),
        ("HiraKakuPro-W6", True),
        ("HiraMinPro-W3", False),
        ("MS-Mincho", False),
        ("KozGoPr6N-Heavy", True),
        ("HGSoeiKakugothicUB", True),
        ("HGPGothicE", True),
        ("HGPGothicM", False),
        ("Arial-Black", True),
        ("IPAexGothic", False),
    ],
)
def test_bold_font_names(name, bold):
    assert bold_font_name(name) is bold


def test_fake_bold_render_mode_2(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    text(page, 72, 100, "通常の文字と")
    text(page, 72 + 6 * 10.5, 100, "太字の文字", render_mode=2, border_width=0.03)
    spans = _spans(extract_layout(save(doc, tmp_path / "b.pdf")))
    assert spans == [("通常の文字と", False, False), ("太字の文字", True, False)]


def test_double_printed_text_is_bold_once(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    text(page, 72, 100, "二重に印字")
    text(page, 72.3, 100, "二重に印字")
    spans = _spans(extract_layout(save(doc, tmp_path / "d.pdf")))
    assert spans == [("二重に印字", True, False)]


def test_font_name_bold(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    page.insert_text((72, 100), "Plain ", fontname="helv", fontsize=11)
    page.insert_text((110, 100), "Heavy", fontname="hebo", fontsize=11)  # Helvetica-Bold
    spans = _spans(extract_layout(save(doc, tmp_path / "f.pdf")))
    assert ("Heavy", True, False) in spans and ("Plain", False, False) in spans


def test_underline_stops_at_the_rule_per_character(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    # 「変更後の項目」、。 with the rule drawn under 変更後の項目 only
    text(page, 72, 100, "「変更後の項目」、。")
    page.draw_line((72 + 10.5, 102), (72 + 7 * 10.5, 102), width=0.5)
    spans = _spans(extract_layout(save(doc, tmp_path / "u.pdf")))
    assert spans == [("「", False, False), ("変更後の項目", False, True), ("」、。", False, False)]


def test_underline_as_thin_filled_rect_and_bold_together(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    text(page, 72, 100, "前文", render_mode=0)
    text(page, 72 + 21, 100, "変更箇所", render_mode=2, border_width=0.03)
    page.draw_rect((72 + 21, 101.5, 72 + 21 + 42, 102.3), color=None, fill=(0, 0, 0))
    spans = _spans(extract_layout(save(doc, tmp_path / "bu.pdf")))
    assert spans == [("前文", False, False), ("変更箇所", True, True)]


def test_strike_and_far_rules_are_not_underlines(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    text(page, 72, 100, "取消線の文字")
    page.draw_line((72, 96), (135, 96), width=0.5)  # through the middle of the glyphs
    text(page, 72, 150, "離れた線")
    page.draw_line((72, 160), (114, 160), width=0.5)  # 10pt below: not an underline
    assert all(not u for _, _, u in _spans(extract_layout(save(doc, tmp_path / "s.pdf"))))


def test_page_wide_separator_is_not_an_underline(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    text(page, 72, 100, "見出し")
    page.draw_line((40, 102.5), (555, 102.5), width=0.8)
    assert _spans(extract_layout(save(doc, tmp_path / "sep.pdf"))) == [("見出し", False, False)]


def test_underline_starting_at_a_cell_edge(tmp_path):
    """Excel/Calc print cell text a point from the cell's border: an underline under the whole
    first line starts where the border is. A rule meeting a vertical at one end only can still
    underline; one meeting verticals at both ends is the cell's edge."""
    doc = pymupdf.open()
    page = new_page(doc)
    page.draw_rect((71.2, 80, 300, 130), width=0.5)  # the cell
    page.draw_line((71.2, 110), (300, 110), width=0.5)  # a row border inside it
    text(page, 72, 100, "令和８年１０月１日から")
    page.draw_line((71.2, 101.5), (72 + 11 * 10.5, 101.5), width=0.3)  # from the cell edge
    text(page, 72, 122, "行の下の罫線")
    lay = extract_layout(save(doc, tmp_path / "cell.pdf"))
    cells = [c for t in lay.pages[0].tables for c in t.cells]
    spans = [(s.text, s.bold, s.underline) for c in cells for ln in c.lines for s in ln.spans]
    assert ("令和８年１０月１日から", False, True) in spans
    assert ("行の下の罫線", False, False) in spans
