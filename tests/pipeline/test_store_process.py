"""process_document on real files: ids per submission, quarantine reasons, bugs contained;
meeting metadata from --meeting and meetings.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.record import Meeting
from pipeline.meeting_sidecar import parse_fiscal_year, parse_meeting, read_sidecar
from pipeline.process import apply_meeting, process_document

SAMPLES = Path(__file__).parents[2] / "samples" / "good"


def test_packet_gets_sha_then_numbered_ids():
    res = process_document(SAMPLES / "packet_003_prior000.pdf")
    assert res.status == "loaded" and len(res.records) >= 2
    ids = res.document_ids
    assert ids[0] == res.sha256 and ids[1] == f"{res.sha256}#2"
    assert all(m.record.source.sha256 == res.sha256 for m in res.records)
    assert res.page_count and res.seconds > 0 and res.fugi_version


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty_file"), (b"hello, not a pdf", "not_a_pdf"), (None, "truncated")],
)
def test_bad_input_is_quarantined_with_its_reason(tmp_path, data, reason):
    if data is None:
        whole = (SAMPLES / "000_5saiji_kenshin.pdf").read_bytes()
        data = whole[: len(whole) // 3]
    p = tmp_path / "x.pdf"
    p.write_bytes(data)
    res = process_document(p)
    assert res.status == "quarantined" and res.reason == reason
    assert res.error_class == "InputError" and "x.pdf" in res.message and not res.records
    assert len(res.sha256) == 64


def test_a_bug_is_quarantined_as_internal_error(monkeypatch):
    import extractors.layout

    def broken(path, settings):
        raise KeyError("cells")

    monkeypatch.setattr(extractors.layout, "extract_layout", broken)
    res = process_document(SAMPLES / "001_checklist_fragment.pdf")
    assert res.status == "quarantined" and res.reason == "internal_error"
    assert res.error_class == "KeyError" and "a bug in fugi" in res.message


def test_missing_file_is_quarantined(tmp_path):
    res = process_document(tmp_path / "gone.pdf")
    assert res.status == "quarantined" and res.reason == "not_a_pdf"


def test_meeting_metadata_wins_and_council_comes_from_the_document():
    res = process_document(
        SAMPLES / "000_5saiji_kenshin.pdf", meeting=parse_meeting("令和７年度第３回")
    )
    rec = res.records[0].record
    assert rec.meeting.fiscal_year == 2025 and rec.meeting.session == 3
    assert rec.meeting.source == "metadata" and rec.meeting.council == rec.council


def test_apply_meeting_keeps_printed_fields_it_does_not_override():
    res = process_document(SAMPLES / "packet_003_prior000.pdf")
    printed = next(m for m in res.records if m.record.meeting)
    merged = apply_meeting(printed, Meeting(decision="承認", source="metadata")).record.meeting
    assert merged.fiscal_year == printed.record.meeting.fiscal_year and merged.decision == "承認"


def test_parse_meeting_and_sidecar(tmp_path):
    assert parse_fiscal_year("令和元年度") == 2019 and parse_fiscal_year("平成25年度") == 2013
    assert parse_fiscal_year("2023") == 2023
    m = parse_meeting("令和5年度第9回")
    assert (m.fiscal_year, m.session, m.source) == (2023, 9, "metadata")
    with pytest.raises(Exception, match="令和5年度第9回"):
        parse_meeting("next tuesday")
    (tmp_path / "meetings.csv").write_text(
        "\ufefffile,council,fiscal_year,session,date,decision\n"
        "a.pdf,情報公開・個人情報保護審議会,2013,2,2013-10-01,承認\nb.pdf,,令和6年度,第1回,,\n",
        encoding="utf-8",
    )
    side = read_sidecar(tmp_path)
    assert side["a.pdf"] == Meeting(
        council="情報公開・個人情報保護審議会",
        fiscal_year=2013,
        session=2,
        date="2013-10-01",
        decision="承認",
        source="metadata",
    )
    assert (side["b.pdf"].fiscal_year, side["b.pdf"].session) == (2024, 1)
