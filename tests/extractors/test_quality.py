"""Broken text layers are flagged for OCR; good ones (Kangxi radicals included) are not."""

from __future__ import annotations

import pikepdf
import pymupdf
import pytest
from build_pdfs import new_page, remap_tounicode, save, text

from extractors.layout import extract_layout
from extractors.quality import assess_page
from extractors.textlayer import read_glyph_lines
from models.settings import ExtractSettings

BODY = "個人情報保護対策チェックリストの文字です。"


def _assess(path):
    page = pymupdf.open(path)[0]
    return assess_page(page, read_glyph_lines(page))


def _text_pdf(tmp_path, s=BODY, name="t.pdf", **kw):
    doc = pymupdf.open()
    page = new_page(doc)
    for i in range(5):
        text(page, 72, 100 + 20 * i, s, **kw)
    return save(doc, tmp_path / name)


def test_good_japanese_text_layer(tmp_path):
    q = _assess(_text_pdf(tmp_path))
    assert (q.needs_ocr, q.reason) == (False, None)


def test_kangxi_radicals_are_not_broken(tmp_path):
    # 日 人 方 行 read as Kangxi radicals U+2F47 U+2F08 U+2F45 U+2F8F (what some
    # generators' ToUnicode maps say); NFKC maps them back, so the layer is fine
    s = "日本人の方が行う手続きの文書です。"
    path = remap_tounicode(
        _text_pdf(tmp_path, s), s, {"日": "⽇", "人": "⼈", "方": "⽅", "行": "⾏"}
    )
    q = _assess(path)
    assert not q.needs_ocr
    text_read = extract_layout(path).pages[0].blocks[0].lines[0].text
    assert text_read == "⽇本⼈の⽅が⾏う手続きの文書です。"


def test_font_without_tounicode_is_flagged(tmp_path):
    path = _text_pdf(tmp_path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for font in pdf.pages[0].Resources.Font.values():
            del font["/ToUnicode"]
        pdf.save(path)
    assert _assess(path).reason == "cid_glyphs"
    layout = extract_layout(path, ExtractSettings(ocr="never"))
    assert [p.code for p in layout.pages[0].problems] == ["cid_glyphs"]


def test_replacement_characters_are_flagged(tmp_path):
    assert _assess(_text_pdf(tmp_path, "\ufffd\ufffd情報\ufffd\ufffd\ufffd")).reason == "cid_glyphs"


def test_private_use_code_points_are_flagged(tmp_path):
    s = "外字の氏名情報です"
    path = remap_tounicode(
        _text_pdf(tmp_path, s), s, {"外": "\ue000", "字": "\ue001", "氏": "\ue002", "名": "\ue003"}
    )
    assert _assess(path).reason == "private_use"


def test_latin1_soup_is_mojibake(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    for i in range(5):
        page.insert_text(
            (72, 100 + 20 * i), "Ã¥Â€Â¢Ã£ÂƒÂ¼Ã¦Â–Â‡Ã¥Â­Â—", fontname="helv", fontsize=11
        )
    assert _assess(save(doc, tmp_path / "m.pdf")).reason == "mojibake"


def _image_page(doc, tmp_path):
    page = new_page(doc)
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 200, 280), False)
    pix.clear_with(255)
    page.insert_image(page.rect, pixmap=pix)
    return page


def test_scan_without_text_is_flagged(tmp_path):
    doc = pymupdf.open()
    _image_page(doc, tmp_path)
    path = save(doc, tmp_path / "scan.pdf")
    assert _assess(path).reason == "no_text_layer"


def test_blank_page_is_not_a_scan(tmp_path):
    doc = pymupdf.open()
    new_page(doc)
    assert not _assess(save(doc, tmp_path / "blank.pdf")).needs_ocr


def test_scan_with_invisible_ocr_layer_is_reocrd(tmp_path):
    doc = pymupdf.open()
    page = _image_page(doc, tmp_path)
    for i in range(5):
        text(page, 72, 100 + 20 * i, BODY, render_mode=3)
    path = save(doc, tmp_path / "sandwich.pdf")
    assert _assess(path).reason == "invisible_ocr_layer"
    # with OCR off, the invisible layer is what there is: it is read, and the page says so
    page = extract_layout(path, ExtractSettings(ocr="never")).pages[0]
    assert page.source == "text_layer"
    assert BODY in page.blocks[0].text
    assert [p.code for p in page.problems] == ["invisible_ocr_layer"]


def test_hidden_text_on_a_normal_page_is_dropped(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    for i in range(5):
        text(page, 72, 100 + 20 * i, BODY)
    text(page, 72, 300, "見えない隠し文字", render_mode=3)
    layout = extract_layout(save(doc, tmp_path / "hidden.pdf"))
    assert "見えない" not in "".join(b.text for b in layout.pages[0].blocks)


@pytest.mark.slow
def test_scan_goes_to_ocr_in_auto_mode(tmp_path):
    doc = pymupdf.open()
    _image_page(doc, tmp_path)
    layout = extract_layout(save(doc, tmp_path / "scan.pdf"), ExtractSettings(dpi=100))
    page = layout.pages[0]
    assert page.source == "ocr"
    assert layout.ocr_pages == [1]
    assert "no_text_layer" in [p.code for p in page.problems]


def test_written_out_cid_codes_are_flagged(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    for i in range(5):
        page.insert_text(
            (72, 100 + 20 * i), "(cid:1234)(cid:567)(cid:89) ok", fontname="helv", fontsize=11
        )
    assert _assess(save(doc, tmp_path / "cidtext.pdf")).reason == "cid_glyphs"


def test_text_drawn_as_outlines_is_flagged(tmp_path):
    doc = pymupdf.open()
    page = new_page(doc)
    shape = page.new_shape()
    for i in range(40):  # glyph-like outlines: many small curved paths, no text layer
        for j in range(12):
            shape.draw_circle((60 + 12 * j, 60 + 15 * i), 4)
    shape.finish(color=None, fill=(0, 0, 0))
    shape.commit()
    path = save(doc, tmp_path / "outlined.pdf")
    assert _assess(path).reason == "outlined_text"


def test_wrong_tounicode_map_is_mojibake(tmp_path):
    # a wrong ToUnicode map: readable glyphs come out as random scripts (Coptic,
    # Samaritan, symbols) that no Japanese text holds
    s = "個人情報保護対策の文書です"
    soup = "ϨࠉᡞᕷᴗࡢἣϨࠉᡞᕷᴗࡢ"
    path = remap_tounicode(_text_pdf(tmp_path, s), s, dict(zip(s, soup, strict=False)))
    assert _assess(path).reason == "mojibake"


def test_japanese_punctuation_and_symbols_are_not_mojibake(tmp_path):
    assert not _assess(_text_pdf(tmp_path, "①対策〜—“変更”…●○◎※〒㈱髙﨑")).needs_ocr
