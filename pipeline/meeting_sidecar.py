"""Meeting metadata given at ingest: `--meeting "令和5年度第9回"` or a sidecar meetings.csv.

parse_meeting("令和5年度第9回")      -> Meeting(fiscal_year=2023, session=9, source="metadata")
read_sidecar(Path("archive"))       -> {"a.pdf": Meeting(...)}   (from archive/meetings.csv)
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

from models.errors import InputError
from models.record import Meeting

SIDECAR_NAME = "meetings.csv"
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_FISCAL = re.compile(r"(令和|平成|昭和)\s*(元|\d+)\s*年度?")
_WESTERN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年?度?")
_SESSION = re.compile(r"第\s*(\d+)\s*回")


def parse_fiscal_year(text: str) -> int | None:
    """parse_fiscal_year("令和5年度") -> 2023; "2023" -> 2023; "令和元年度" -> 2019."""
    t = unicodedata.normalize("NFKC", text or "")
    m = _FISCAL.search(t)
    if m:
        n = 1 if m.group(2) == "元" else int(m.group(2))
        return _ERAS[m.group(1)] + n
    m = _WESTERN.search(t)
    return int(m.group(1)) if m else None


def parse_meeting(text: str, council: str | None = None) -> Meeting:
    """A meeting from free text like "令和5年度第9回" (council optional, taken from the doc later)."""
    t = unicodedata.normalize("NFKC", text or "").strip()
    fy = parse_fiscal_year(t)
    m = _SESSION.search(t)
    if fy is None and m is None:
        raise InputError(
            "bad_meeting",
            f"--meeting {text!r}: expected a fiscal year and session like 令和5年度第9回.",
        )
    return Meeting(
        council=council,
        fiscal_year=fy,
        session=int(m.group(1)) if m else None,
        source="metadata",
    )


def read_sidecar(folder: Path) -> dict[str, Meeting]:
    """Meetings per file name from folder/meetings.csv (columns file,council,fiscal_year,session,date,decision)."""
    path = folder / SIDECAR_NAME
    if not path.is_file():
        return {}
    out: dict[str, Meeting] = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            name = (row.get("file") or "").strip()
            if not name:
                continue
            out[Path(name).name] = _row_meeting(row)
    return out


def _row_meeting(row: dict[str, str]) -> Meeting:
    def val(key: str) -> str | None:
        v = (row.get(key) or "").strip()
        return v or None

    session = val("session")
    s = _SESSION.search(unicodedata.normalize("NFKC", session)) if session else None
    return Meeting(
        council=val("council"),
        fiscal_year=parse_fiscal_year(val("fiscal_year") or ""),
        session=int(s.group(1)) if s else (int(session) if session and session.isdigit() else None),
        date=val("date"),
        decision=val("decision"),
        source="metadata",
    )


def meeting_for(
    path: Path, option: Meeting | None, cache: dict[Path, dict[str, Meeting]]
) -> Meeting | None:
    """The meeting for one file: the sidecar row beside it, else the --meeting option."""
    folder = path.parent
    if folder not in cache:
        cache[folder] = read_sidecar(folder)
    return cache[folder].get(path.name) or option
