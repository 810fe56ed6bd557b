"""Integration: a real PDF (reportlab) of another city, with a wrapped cover heading and a
borderless sheet whose labels wrap, read through the whole pipeline (extract -> map)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from models.settings import ExtractSettings
from pipeline.process import process_document

FONT = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
H = A4[1]


def _text(c: canvas.Canvas, x: float, y: float, s: str, size: float = 10.5) -> None:
    c.setFont("G", size)
    c.drawString(x, H - y, s)


def _make(path: Path) -> None:
    pdfmetrics.registerFont(TTFont("G", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=A4)
    _text(c, 70, 160, "南風市情報公開・個人情報保護審議会　諮問・報告事", 14)
    _text(c, 488, 165, "資料７")
    _text(c, 262, 182, "項", 14)
    _text(c, 70, 230, "件名")
    _text(c, 170, 230, "窓口予約システムの運用保守業務の委託について")
    _text(c, 70, 290, "条例の根拠")
    _text(c, 70, 306, "◇第１４条第１項（業務委託等）")
    _text(c, 330, 520, "（担当部課：市民生活部市民課）")
    c.showPage()
    _text(c, 70, 60, "別紙（業務委託）")
    _text(c, 70, 84, "件名　窓口予約システムの運用保守業務の委託について")
    rows = [
        (["保有課(担当課)"], ["市民課"]),
        (["委託先"], ["未定（入札により決定する）"]),
        (["委託に伴い事業者", "に処理させる情報", "項目"], ["予約者の氏名、電話番号、予約日時"]),
        (["委託理由"], ["専門的な知識を有する事業者に委託するため。"]),
        (["委託期間"], ["令和８年４月１日から令和９年３月３１日まで（予定）"]),
        (["委託にあたり市が", "行う情報保護対策"], ["別紙チェックリストのとおり"]),
    ]
    y = 130.0
    for labels, values in rows:
        for i in range(max(len(labels), len(values))):
            if i < len(labels):
                _text(c, 75, y + 15 * i, labels[i])
            if i < len(values):
                _text(c, 180, y + 15 * i, values[i])
        y += 15 * max(len(labels), len(values)) + 15
    c.showPage()
    c.save()


@pytest.mark.skipif(not FONT.exists(), reason="IPAex Gothic not installed")
def test_city_document_with_wrapped_heading_and_borderless_sheet(tmp_path):
    pdf = tmp_path / "city.pdf"
    _make(pdf)
    result = process_document(pdf, ExtractSettings())
    assert result.status == "loaded", result.message
    rec = result.records[0].record
    assert (rec.council, rec.item_kind) == ("情報公開・個人情報保護審議会", "諮問・報告事項")
    assert rec.material_no == "資料7"
    assert rec.title == "窓口予約システムの運用保守業務の委託について"
    assert [p.article for p in rec.basis.provisions] == ["第14条第1項"]
    assert len(rec.sections) == 1
    sec = rec.sections[0]
    assert sec.kind == "業務委託"
    assert [i.name for i in sec.data_items] == ["予約者の氏名", "電話番号", "予約日時"]
    assert [(p.start, p.end, p.planned) for p in sec.periods] == [
        ("2026-04-01", "2027-03-31", True)
    ]
    assert sec.reason == "専門的な知識を有する事業者に委託するため。"
    assert sec.protection.ward == "checklist"
    assert sec.counterparty.undecided
